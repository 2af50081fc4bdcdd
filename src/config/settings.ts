// The one place for settings: defaults < settings file (conf, 0600) < environment.
// Values are validated with zod wherever they come from; a bad value names its key and range.
import { existsSync } from 'node:fs';
import type Conf from 'conf';
import * as z from 'zod/mini';
import '../util/zod.js';
import { UsageError, registerSecret } from '../errors.js';
import { dataHome, ensureDataHome, makePrivate, SETTINGS_FILE } from './paths.js';
import { MiB, readFileBounded } from '../util/files.js';

/** A settings file is a few hundred bytes; past this (or /dev/zero) it is refused without reading it all. */
const SETTINGS_MAX_BYTES = MiB;
import { join } from 'node:path';

/** Every key handed out is registered, so no error message can ever carry it. */
function secret<T extends { key: string }>(k: T): T {
  registerSecret(k.key);
  return k;
}

export const DEFAULT_MODEL = 'claude-sonnet-4-6';

// Printable ASCII only: a model name is echoed in status lines, so no escape sequence may hide in it.
const modelName = (example: string) => z.string().check(z.trim(), z.minLength(1, `must be a model name, e.g. ${example}`), z.maxLength(200),
  z.regex(/^[\x21-\x7e]+$/, `must be a model name (printable characters, no spaces), e.g. ${example}`));

const fields = {
  // Printable ASCII only: a model name is echoed in status lines, so no escape sequence may hide in it.
  model: modelName('claude-sonnet-4-6'),
  dailyMessageLimit: z.number().check(z.int(), z.minimum(1), z.maximum(100_000)),
  maxInputTokens: z.number().check(z.int(), z.minimum(50), z.maximum(1_000_000)),
  maxOutputTokens: z.number().check(z.int(), z.minimum(1), z.maximum(128_000)),
  temperature: z.number().check(z.minimum(0), z.maximum(1)),
  costWarningUSD: z.number().check(z.minimum(0), z.maximum(1_000_000)),
  dailyCostCapUSD: z.nullable(z.number().check(z.positive(), z.maximum(1_000_000))),
  contextMessages: z.number().check(z.int(), z.minimum(1), z.maximum(500)),
  defaultProfile: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)),
  stallTimeoutSeconds: z.number().check(z.minimum(1), z.maximum(3600)),
  secondReader: z.boolean(),
  secondReaderModel: modelName('claude-haiku-4-5'),
} as const;

export const SettingsSchema = z.object(fields);
export type Settings = z.output<typeof SettingsSchema>;
export type SettingKey = keyof Settings;
export const SETTING_KEYS = Object.keys(fields) as SettingKey[];

export const DEFAULT_SETTINGS: Settings = {
  model: DEFAULT_MODEL,
  dailyMessageLimit: 50,
  maxInputTokens: 4000,
  maxOutputTokens: 4096,
  temperature: 0.7,
  costWarningUSD: 10,
  dailyCostCapUSD: null,
  contextMessages: 30,
  defaultProfile: 'default',
  stallTimeoutSeconds: 60,
  secondReader: true,
  secondReaderModel: 'claude-haiku-4-5',
};

export const SETTING_HELP: Record<SettingKey, string> = {
  model: 'Claude model used by the coach',
  dailyMessageLimit: 'AI messages per profile per local day, 1–100000',
  maxInputTokens: 'largest message you may send, in estimated tokens, 50–1000000',
  maxOutputTokens: 'longest reply, in tokens, 1–128000',
  temperature: 'sampling temperature, 0–1; kept for older gateways, not sent: the current Messages API of SDK 1.x has no temperature field',
  costWarningUSD: 'warn once the day’s AI cost passes this many USD; 0 = always',
  dailyCostCapUSD: 'refuse AI requests once the day’s cost reaches this many USD; off = no cap',
  contextMessages: 'recent chat messages sent as context, 1–500',
  defaultProfile: 'profile used when --profile is not given',
  stallTimeoutSeconds: 'give up on a reply stream silent for this many seconds, 1–3600',
  secondReader: 'with a key, a cheap model re-reads each message for decisions/completions the rules missed; they are offered as suggestions; true/false, also on/off, 1/0',
  secondReaderModel: 'model of the second reader, a cheap one: its cost counts toward dailyCostCapUSD, not the message limit',
};

/** Environment variables that override settings; the seed's names are accepted as aliases. */
export const SETTING_ENV: Partial<Record<SettingKey, string[]>> = {
  model: ['COACH_MODEL'],
  dailyMessageLimit: ['COACH_DAILY_MESSAGE_LIMIT', 'MONETIZATION_DAILY_MESSAGE_LIMIT'],
  costWarningUSD: ['COACH_COST_WARNING_USD', 'MONETIZATION_COST_WARNING_THRESHOLD'],
  dailyCostCapUSD: ['COACH_DAILY_COST_CAP_USD'],
  stallTimeoutSeconds: ['COACH_STALL_TIMEOUT_SECONDS'],
  secondReader: ['COACH_SECOND_READER'],
};

export const KEY_ENV = ['ANTHROPIC_API_KEY', 'CLAUDE_API_KEY'] as const;

export type SettingSource = 'default' | 'file' | `env:${string}`;

interface Issue {
  code?: string;
  origin?: string;
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  expected?: string;
}

/** A zod issue in words ("must be at least 1"), not zod's "Too small: expected number to be >=1". */
function describeIssue(key: string, err: { issues: Issue[] }): string {
  const issue = err.issues[0];
  const n = (v: number | bigint) => v.toLocaleString('en-US');
  if (issue?.code === 'invalid_type' && issue.expected === 'int') return `${key}: must be a whole number`;
  if (issue?.origin !== 'number') return `${key}: ${issue?.message ?? 'invalid value'}`;
  if (issue.code === 'too_small' && issue.minimum !== undefined) return `${key}: must be ${issue.inclusive ? 'at least' : 'more than'} ${n(issue.minimum)}`;
  if (issue.code === 'too_big' && issue.maximum !== undefined) return `${key}: must be ${issue.inclusive ? 'at most' : 'less than'} ${n(issue.maximum)}`;
  return `${key}: ${issue.message}`;
}

/** Turns text typed by a person (flag, env var) into the setting's type, then validates it. */
export function parseSettingValue<K extends SettingKey>(key: K, raw: string, origin = key as string): Settings[K] {
  const schema = fields[key] as z.ZodMiniType;
  let value: unknown = raw;
  if (key === 'dailyCostCapUSD' && /^(off|none|null|)$/i.test(raw.trim())) value = null;
  else if (typeof DEFAULT_SETTINGS[key] === 'boolean') {
    const word = raw.trim().toLowerCase();
    value = /^(1|on|true|yes)$/.test(word) ? true : /^(0|off|false|no)$/.test(word) ? false : undefined;
    if (value === undefined) throw new UsageError(`${origin}: expected on or off (1/0, true/false), got "${raw}"`);
  }
  else if (typeof DEFAULT_SETTINGS[key] === 'number' || key === 'dailyCostCapUSD') {
    value = raw.trim() === '' ? NaN : Number(raw);
    if (Number.isNaN(value)) throw new UsageError(`${origin}: expected a number, got "${raw}"`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UsageError(describeIssue(origin, parsed.error), { hint: SETTING_HELP[key] });
  return parsed.data as Settings[K];
}

export function isSettingKey(key: string): key is SettingKey {
  return (SETTING_KEYS as string[]).includes(key);
}

export interface SettingsStore {
  readonly file: string;
  /** Effective settings (defaults < file < env), validated. */
  all(): Settings;
  get<K extends SettingKey>(key: K): Settings[K];
  /** Each key with its effective value and where it came from. */
  describe(): { key: SettingKey; value: Settings[SettingKey]; source: SettingSource }[];
  set<K extends SettingKey>(key: K, raw: string): Promise<Settings[K]>;
  unset(key: SettingKey): Promise<void>;
  apiKey(): { key: string; source: string } | null;
  setApiKey(key: string): Promise<void>;
  clearApiKey(): Promise<void>;
}

type FileShape = Partial<Settings> & { apiKey?: string };

export function openSettings(env: NodeJS.ProcessEnv = process.env, home = dataHome(env)): SettingsStore {
  const file = join(home, SETTINGS_FILE);
  // Reads parse the JSON file directly (conf's format); conf itself, with its atomic writes and
  // file mode, is loaded only when something is written, which keeps every command's start fast.
  let cached: FileShape | undefined;
  const read = (): FileShape => {
    if (cached) return cached;
    if (!existsSync(file)) return (cached = {});
    const unusable = (why: string) => new UsageError(`${file} is ${why}`, { hint: 'fix or delete the file; `coach doctor` checks it' });
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileBounded(file, SETTINGS_MAX_BYTES));
    } catch (err) {
      if (err instanceof UsageError) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      throw code ? unusable(`not readable (${code})`) : unusable('not valid JSON');
    }
    // `null`, `[]` or `42` are valid JSON but not settings: the same clear error, never silent defaults.
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw unusable('not valid settings (expected a JSON object)');
    return (cached = parsed as FileShape);
  };
  /** A stored value, validated (a wrong type names the key and how to fix it). */
  const fileValue = <K extends SettingKey>(key: K): Settings[K] => {
    const parsed = (fields[key] as z.ZodMiniType).safeParse(read()[key]);
    if (!parsed.success) {
      throw new UsageError(`${file}: ${describeIssue(key, parsed.error)}`, {
        hint: `fix it with \`coach config set ${key} VALUE\` or \`coach config unset ${key}\``,
      });
    }
    return parsed.data as Settings[K];
  };
  /** `touched`: the key being set or unset (a bad stored value of that key is what the change fixes). */
  const write = async (change: (c: Conf<FileShape>) => void, touched: string): Promise<void> => {
    // Validate the whole file first: a change must never rewrite (and so "accept") a file with a
    // bad value in it, nor print ✓ and then fail. Nothing is written when this throws.
    const current = read();
    for (const key of SETTING_KEYS) if (key !== touched && Object.hasOwn(current, key)) fileValue(key);
    ensureDataHome(home);
    try {
      await writeWithConf(change);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code && /^(EACCES|EPERM|EROFS|ENOSPC|EDQUOT|ENOTDIR|EISDIR)$/.test(code)) {
        throw new UsageError(`cannot write the settings file ${file} (${code})`, { hint: 'check the permissions of the data directory, or set COACH_HOME', cause: err });
      }
      throw err;
    } finally {
      cached = undefined;
    }
  };
  const writeWithConf = async (change: (c: Conf<FileShape>) => void): Promise<void> => {
    const { default: ConfClass } = await import('conf');
    const conf = new ConfClass<FileShape>({
      cwd: home,
      configName: 'settings',
      configFileMode: 0o600,
      projectSuffix: '',
      accessPropertiesByDotNotation: false,
      clearInvalidConfig: false,
    });
    change(conf);
    makePrivate(file);
    cached = undefined;
  };

  const resolve = <K extends SettingKey>(key: K): { value: Settings[K]; source: SettingSource } => {
    for (const name of SETTING_ENV[key] ?? []) {
      const raw = env[name];
      if (raw !== undefined && raw !== '') return { value: parseSettingValue(key, raw, name), source: `env:${name}` };
    }
    if (Object.hasOwn(read(), key)) return { value: fileValue(key), source: 'file' };
    return { value: DEFAULT_SETTINGS[key], source: 'default' };
  };

  return {
    file,
    all() {
      return Object.fromEntries(SETTING_KEYS.map((k) => [k, resolve(k).value])) as Settings;
    },
    get(key) {
      return resolve(key).value;
    },
    describe() {
      return SETTING_KEYS.map((key) => ({ key, ...resolve(key) }));
    },
    async set(key, raw) {
      const value = parseSettingValue(key, raw);
      await write((c) => c.set(key, value as never), key);
      return value;
    },
    async unset(key) {
      await write((c) => c.delete(key), key);
    },
    apiKey() {
      for (const name of KEY_ENV) {
        const v = env[name]?.trim();
        if (v) return secret({ key: v, source: `env:${name}` });
      }
      const stored = read().apiKey;
      return typeof stored === 'string' && stored.trim() ? secret({ key: stored.trim(), source: 'file' }) : null;
    },
    async setApiKey(key) {
      await write((c) => c.set('apiKey', key.trim()), 'apiKey');
    },
    async clearApiKey() {
      await write((c) => c.delete('apiKey'), 'apiKey');
    },
  };
}
