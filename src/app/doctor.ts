// `coach doctor`: checks that read and never change anything (the database is opened read-only,
// without migrations or recovery). Each check says what to do about it. Only `--fix` changes
// something, and only file and folder modes (fixFileModes).
import { count } from '../util/words.js';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { priceOf } from '../usage/prices.js';
import { DB_FILE, dataHome, SETTINGS_FILE } from '../config/paths.js';
import { DEFAULT_SETTINGS, KEY_ENV, parseSettingValue, SETTING_ENV, SETTING_KEYS, SettingsSchema, type SettingKey } from '../config/settings.js';
import { maskKey, redactSecrets } from '../errors.js';
import { knownSchemaVersion } from '../store/db.js';
import { inspectDatabase } from '../store/inspect.js';

/** ok; note: a supported mode worth knowing (no key: the offline coach); warn: worth a look; fail: wrong (exit 1); skip. */
export type CheckStatus = 'ok' | 'note' | 'warn' | 'fail' | 'skip';

export interface Check {
  id: string;
  status: CheckStatus;
  label: string;
  detail: string;
  hint: string | null;
}

export interface DoctorOptions {
  env: NodeJS.ProcessEnv;
  /** Make one tiny free API call (token counting) to see that the key is accepted. */
  checkKey?: boolean;
  nodeVersion?: string;
  timeoutMs?: number;
}

const check = (id: string, status: CheckStatus, label: string, detail: string, hint: string | null = null): Check => ({ id, status, label, detail, hint });
const octal = (mode: number) => `0${(mode & 0o777).toString(8)}`;

function nodeCheck(version: string): Check {
  const major = Number(version.replace(/^v/, '').split('.')[0]);
  return major >= 20
    ? check('node', 'ok', 'Node.js', `${version} (20 or newer needed)`)
    : check('node', 'fail', 'Node.js', `${version} is too old`, 'install Node.js 20 or newer');
}

function dataDirCheck(home: string): Check {
  if (!existsSync(home)) return check('dataDir', 'warn', 'Data directory', `${home} does not exist yet`, 'it is created (mode 0700) the first time the coach stores something');
  const st = statSync(home);
  if (!st.isDirectory()) return check('dataDir', 'fail', 'Data directory', `${home} is not a directory`, 'move it aside, or point COACH_HOME elsewhere');
  if ((st.mode & 0o777) !== 0o700) return check('dataDir', 'fail', 'Data directory', `${home} has mode ${octal(st.mode)}, should be 0700`, `chmod 700 "${home}"`);
  return check('dataDir', 'ok', 'Data directory', `${home} (0700)`);
}

/** The files SQLite writes to: the database and its -wal/-shm (a read-only -shm fails every write). */
const LIVE_FILES = [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`];

/** Files under the data home whose mode is wrong: readable by others, or (live files) not writable by you. */
function badModes(home: string): { name: string; mode: number; why: 'others' | 'readonly' }[] {
  const out: { name: string; mode: number; why: 'others' | 'readonly' }[] = [];
  for (const name of existsSync(home) ? readdirSync(home) : []) {
    if (!name.startsWith(DB_FILE)) continue;
    const st = statSync(join(home, name));
    if (!st.isFile()) continue;
    if ((st.mode & 0o077) !== 0) out.push({ name, mode: st.mode, why: 'others' });
    else if (LIVE_FILES.includes(name) && (st.mode & 0o600) !== 0o600) out.push({ name, mode: st.mode, why: 'readonly' });
  }
  return out;
}

/** The database, its -wal/-shm files and backups: none readable by others, the live ones writable by you. */
function fileModesCheck(home: string, db: string): Check {
  if (!existsSync(db)) return check('dbFile', 'warn', 'Database file', `${db} does not exist yet`, 'it is created (mode 0600) the first time the coach stores something');
  const bad = badModes(home);
  const hint = `chmod 600 "${join(home, DB_FILE)}"* (or run \`coach doctor --fix\`)`;
  const others = bad.filter((b) => b.why === 'others').map((b) => `${b.name} is ${octal(b.mode)}`);
  if (others.length) return check('dbFile', 'fail', 'Database file', `readable by others: ${others.join(', ')} (should be 0600)`, hint);
  const readonly = bad.filter((b) => b.why === 'readonly').map((b) => `${b.name} is ${octal(b.mode)}`);
  if (readonly.length) return check('dbFile', 'fail', 'Database file', `not writable by you, so every change fails: ${readonly.join(', ')} (should be 0600)`, hint);
  return check('dbFile', 'ok', 'Database file', `${db} (0600)`);
}

/**
 * `coach doctor --fix` (the flag is the consent): sets the data home to 0700 and the database, its
 * -wal/-shm and backups to 0600. Changes nothing else. Returns what it changed.
 */
export function fixFileModes(env: NodeJS.ProcessEnv): string[] {
  const home = dataHome(env);
  const fixed: string[] = [];
  if (!existsSync(home) || !statSync(home).isDirectory()) return fixed;
  const dirMode = statSync(home).mode & 0o777;
  if (dirMode !== 0o700) {
    chmodSync(home, 0o700);
    fixed.push(`${home}: ${octal(dirMode)} → 0700`);
  }
  for (const b of badModes(home)) {
    try {
      chmodSync(join(home, b.name), 0o600);
      fixed.push(`${b.name}: ${octal(b.mode)} → 0600`);
    } catch (err) {
      fixed.push(`${b.name}: left at ${octal(b.mode)} (${(err as NodeJS.ErrnoException).code ?? 'failed'}: not your file?)`);
    }
  }
  return fixed;
}

function describeDbError(err: unknown): string {
  const e = err as { code?: string; message?: string };
  if (e.code === 'SQLITE_NOTADB') return 'it is not a SQLite database';
  if (e.code?.startsWith('SQLITE_CORRUPT')) return `it is corrupt (${e.message})`;
  return e.message ?? String(err);
}

const RESTORE_HINT = (db: string) => `move it aside (mv "${db}" "${db}.broken") and restore a ${DB_FILE}.backup-* file from the same folder, or start fresh`;

/** Integrity, schema version, pending migrations and exchanges left in flight: read-only. */
function databaseChecks(db: string): Check[] {
  if (!existsSync(db)) {
    return [
      check('integrity', 'skip', 'Database integrity', 'no database yet'),
      check('schema', 'skip', 'Schema version', 'no database yet'),
    ];
  }
  let health;
  try {
    health = inspectDatabase(db);
  } catch (err) {
    return [
      check('integrity', 'fail', 'Database integrity', `${db} cannot be read: ${describeDbError(err)}`, RESTORE_HINT(db)),
      check('schema', 'skip', 'Schema version', 'database unreadable'),
    ];
  }
  const out: Check[] = [health.problems.length
    ? check('integrity', 'fail', 'Database integrity', `integrity_check found ${count(health.problems.length, 'problem')}: ${health.problems.slice(0, 2).join('; ')}`, RESTORE_HINT(db))
    : check('integrity', 'ok', 'Database integrity', 'integrity_check ok')];
  const version = health.schemaVersion;
  const known = knownSchemaVersion();
  if (version > known) {
    out.push(check('schema', 'fail', 'Schema version', `${version} is newer than this creator-coach understands (${known}); the coach leaves it untouched`, 'upgrade creator-coach'));
  } else if (version < known) {
    out.push(check('schema', 'warn', 'Schema version', `${version} of ${known}: ${count(known - version, 'pending migration')}`, 'they apply automatically, after a backup, the next time the coach opens the database'));
  } else {
    out.push(check('schema', 'ok', 'Schema version', `${version} (up to date, no pending migrations)`));
  }
  const f = health.inFlight;
  if (f && f.requests + f.replies > 0) {
    out.push(check('inFlight', 'warn', 'Exchanges in flight', `${count(f.requests, 'request')} and ${count(f.replies, 'reply', 'replies')} not finished`, 'if no coach is running, they are marked interrupted the next time it starts (nothing is lost)'));
  }
  return out;
}

interface SettingsState {
  checks: Check[];
  model: string | null;
  apiKey: { key: string; source: string } | null;
}

/** The settings file (mode, JSON, every value) and the environment overrides. */
function settingsChecks(home: string, env: NodeJS.ProcessEnv): SettingsState {
  const file = join(home, SETTINGS_FILE);
  const problems: string[] = [];
  const warnings: string[] = [];
  let stored: Record<string, unknown> = {};
  let modeProblem: Check | null = null;
  if (existsSync(file)) {
    const st = statSync(file);
    if ((st.mode & 0o077) !== 0) modeProblem = check('settingsFile', 'fail', 'Settings file mode', `${file} is ${octal(st.mode)}, should be 0600 (it can hold your API key)`, `chmod 600 "${file}"`);
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) problems.push('it is not a JSON object');
      else stored = parsed as Record<string, unknown>;
    } catch (err) {
      problems.push(`it is not valid JSON (${(err as Error).message.split('\n')[0]!.trim()})`);
    }
  }
  const shape = SettingsSchema.shape as Record<SettingKey, { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } }>;
  const values: Partial<Record<SettingKey, unknown>> = {};
  for (const [key, value] of Object.entries(stored)) {
    if (key === 'apiKey') continue;
    if (!(SETTING_KEYS as string[]).includes(key)) {
      warnings.push(`unknown setting "${key}"`);
      continue;
    }
    const r = shape[key as SettingKey].safeParse(value);
    if (r.success) values[key as SettingKey] = value;
    else problems.push(`${key} = ${JSON.stringify(value)}: ${r.error?.issues[0]?.message ?? 'invalid'}`);
  }
  for (const key of SETTING_KEYS) {
    for (const name of SETTING_ENV[key] ?? []) {
      const raw = env[name];
      if (raw === undefined || raw === '') continue;
      try {
        values[key] ??= parseSettingValue(key, raw, name);
      } catch (err) {
        problems.push((err as Error).message);
      }
    }
  }
  const checks: Check[] = [];
  if (modeProblem) checks.push(modeProblem);
  if (problems.length) {
    checks.push(check('settings', 'fail', 'Settings', [...problems, ...warnings].join('; '), `fix ${file} by hand, or \`coach config unset KEY\` / \`coach config set KEY VALUE\``));
  } else {
    const detail = existsSync(file) ? `${file} valid` : 'defaults (no settings file yet)';
    checks.push(warnings.length
      ? check('settings', 'warn', 'Settings', `${detail}; ${warnings.join(', ')} (ignored)`, `remove it from ${file}`)
      : check('settings', 'ok', 'Settings', detail));
  }

  let apiKey: SettingsState['apiKey'] = null;
  for (const name of KEY_ENV) {
    const v = env[name]?.trim();
    if (v) {
      apiKey = { key: v, source: name };
      break;
    }
  }
  if (!apiKey && typeof stored.apiKey === 'string' && stored.apiKey.trim()) apiKey = { key: stored.apiKey.trim(), source: 'settings file' };
  const model = typeof values.model === 'string' ? values.model : problems.some((p) => p.startsWith('model') || p.startsWith('COACH_MODEL')) ? null : DEFAULT_SETTINGS.model;
  return { checks, model, apiKey };
}

function keyCheck(apiKey: SettingsState['apiKey']): Check {
  if (!apiKey) {
    return check('apiKey', 'note', 'API key', 'none: the offline coach answers instead of Claude', 'to use Claude, run `coach config set-key` (stored 0600) or set ANTHROPIC_API_KEY');
  }
  return check('apiKey', 'ok', 'API key', `${maskKey(apiKey.key)} from ${apiKey.source}`);
}

function modelCheck(model: string | null): Check {
  if (model === null) return check('model', 'skip', 'Model', 'the model setting is invalid (see Settings)');
  const price = priceOf(model);
  if (!price) {
    return check('model', 'warn', 'Model', `${model} is not in the pricing table: its usage is recorded as unpriced`, 'use a known model, e.g. `coach config set model claude-sonnet-4-6`');
  }
  return check('model', 'ok', 'Model', `${model} (priced: $${price.input} in / $${price.output} out per million tokens)`);
}

/** One free token-counting request with a short timeout, no retries. The SDK loads only here. */
async function keyAcceptedCheck(apiKey: SettingsState['apiKey'], model: string | null, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Check> {
  if (!apiKey) return check('keyAccepted', 'skip', 'Key accepted', 'no key to check');
  const baseURL = env.ANTHROPIC_BASE_URL?.trim() || undefined;
  const where = baseURL ?? 'api.anthropic.com';
  try {
    const { default: Anthropic } = await import('@anthropic-ai/sdk');
    const client = new Anthropic({ apiKey: apiKey.key, ...(baseURL ? { baseURL } : {}), maxRetries: 0, timeout: timeoutMs, logLevel: 'off' });
    await client.messages.countTokens({ model: model ?? DEFAULT_SETTINGS.model, messages: [{ role: 'user', content: 'ping' }] });
    return check('keyAccepted', 'ok', 'Key accepted', `by ${where}`);
  } catch (err) {
    const status = (err as { status?: number }).status;
    const message = redactSecrets((err as Error).message ?? String(err)).split('\n')[0]!;
    if (status === 401) return check('keyAccepted', 'fail', 'Key accepted', `rejected by ${where} (401)`, 'check the key, then `coach config set-key` or ANTHROPIC_API_KEY');
    if (status === 403) return check('keyAccepted', 'fail', 'Key accepted', `not allowed by ${where} (403)`, 'check your Anthropic plan and the key’s permissions');
    if (status === 404) return check('keyAccepted', 'fail', 'Key accepted', `key ok, but ${where} does not know the model ${model} (404)`, '`coach config set model claude-sonnet-4-6`');
    if (status !== undefined) return check('keyAccepted', 'fail', 'Key accepted', `${where} answered ${status}: ${message}`, 'try again later');
    return check('keyAccepted', 'fail', 'Key accepted', `cannot reach ${where}: ${message}`, 'check your network or ANTHROPIC_BASE_URL (offline? run doctor without --check-key)');
  }
}

export async function runDoctor(opts: DoctorOptions): Promise<Check[]> {
  const home = dataHome(opts.env);
  const db = join(home, DB_FILE);
  const settings = settingsChecks(home, opts.env);
  const checks: Check[] = [
    nodeCheck(opts.nodeVersion ?? process.version),
    dataDirCheck(home),
    fileModesCheck(home, db),
    ...databaseChecks(db),
    ...settings.checks,
    keyCheck(settings.apiKey),
    opts.checkKey
      ? await keyAcceptedCheck(settings.apiKey, settings.model, opts.env, opts.timeoutMs ?? 10_000)
      : check('keyAccepted', 'skip', 'Key accepted', 'not checked (no network used)', 'run `coach doctor --check-key` to make one free test request'),
    modelCheck(settings.model),
  ];
  return checks;
}
