// Flags and plumbing every command shares, defined once so they mean the same everywhere.
import { Command, Option } from 'commander';
import { createContext, type AppContext } from '../app/context.js';
import { CoachError, UsageError } from '../errors.js';
import { MiB, readStreamBounded } from '../util/files.js';
export { coachCommand as commandLine } from '../app/context.js';
import type { Parsed } from '../plan/parse.js';
import { METRIC_LIMITS } from '../plan/metrics.js';
import { defaultIo, Output, withProfileFlag, type Io } from './output.js';
import type { GlobalOptions } from './globals.js';

export interface CommandEnv {
  ctx: AppContext;
  out: Output;
  io: Io;
  json: boolean;
  /** --debug: stack traces, and notes about what failed quietly. */
  debug: boolean;
}

/**
 * The values shell completion offers for a flag (and its help lists), where the action checks the
 * value itself (case-insensitively, with its own message) instead of commander's exact choices.
 */
export function offering(option: Option, values: readonly string[]): Option {
  option.argChoices = [...values];
  return option;
}

export const jsonOption = () => new Option('--json', 'print JSON (stable camelCase shape, see README)');

export function examples(cmd: Command, lines: string[]): Command {
  return cmd.addHelpText('after', `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`);
}

/** A hint's commands keep the --profile the user gave (`coach tasks list` → `coach tasks list --profile var`). */
function keepProfileFlag(err: CoachError, handle: string): void {
  Object.defineProperty(err, 'hint', { value: withProfileFlag(err.hint!, handle) });
}

/** Wraps an action: builds the context and output from the global flags, closes the store after. */
export function act<A extends unknown[]>(fn: (env: CommandEnv, ...args: A) => Promise<void> | void) {
  return async function (this: Command, ...args: unknown[]): Promise<void> {
    const cmd = args[args.length - 1] as Command;
    const globals = cmd.optsWithGlobals<GlobalOptions & { json?: boolean }>();
    const io = defaultIo();
    const json = !!globals.json;
    const ctx = createContext({ profile: globals.profile });
    const out = new Output(io, { color: globals.color, json, compact: globals.compact, profileFlag: ctx.profileExplicit ? ctx.profileHandle : undefined });
    try {
      await fn({ ctx, out, io, json, debug: !!globals.debug }, ...(args.slice(0, -1) as A));
    } catch (err) {
      if (ctx.profileExplicit && err instanceof CoachError && err.hint) keepProfileFlag(err, ctx.profileHandle);
      throw err;
    } finally {
      ctx.close();
    }
  };
}

/** Ranges of the numeric flags, in one place (every numeric flag has one; outside it: exit 2). */
export const FLAG_RANGES = {
  historyLast: { min: 1, max: 1_000_000 },
  usageLastDays: { min: 1, max: 3_660 },
  usageLastMonths: { min: 1, max: 1_200 },
  id: { min: 1, max: Number.MAX_SAFE_INTEGER },
  /** Monthly income and goal, in cents: up to $100,000,000 a month. */
  monthlyCents: { min: 0, max: 10_000_000_000 },
  followers: { min: 0, max: 10_000_000_000 },
  hoursPerWeek: { min: 0, max: 100 },
  // Date flags (--since, --until, --date, --launch) are all read by parseDay (util/dates.ts) within its DAY_RANGE.
  /** Business numbers (`metrics add`): the same bounds the stored check-ins are validated with. */
  metricCount: { min: 0, max: METRIC_LIMITS.count },
  mrrUSD: { min: 0, max: METRIC_LIMITS.mrrUSD },
} as const;

export interface Range {
  min: number;
  max: number;
}

const shown = (raw: string) => (raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);

/**
 * A whole-number flag within its range. Anything else (a fraction, 1e3, a number past 2^53 that
 * would round, a huge one that SQLite would store as a float) is a usage error: one line, exit 2.
 */
export function parseIntArg(name: string, raw: string, range: Range): number {
  const text = raw.trim();
  const n = /^\+?\d{1,16}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < range.min || n > range.max) {
    throw new UsageError(`${name} must be a whole number from ${range.min.toLocaleString('en-US')} to ${range.max.toLocaleString('en-US')}, got "${shown(raw)}"`);
  }
  return n;
}

/** A value already parsed from a flag (money, followers, hours) checked against its range. */
export function checkRange(name: string, raw: string, value: number, range: Range, unit = (v: number) => v.toLocaleString('en-US')): number {
  if (!Number.isFinite(value) || value < range.min || value > range.max) {
    throw new UsageError(`${name} must be from ${unit(range.min)} to ${unit(range.max)}, got "${shown(raw)}"`);
  }
  return value;
}

/** A natural-input parse (src/plan/parse.ts) as a flag value: the error becomes a usage error naming the flag. */
export function parsedFlag<T>(flag: string, parsed: Parsed<T>): { value: T; understood: string } {
  if (!parsed.ok) throw new UsageError(`${flag}: ${parsed.error}`);
  return parsed;
}

/** Both ends are a terminal: a question can be asked and answered. */
export function interactive(): boolean {
  return !!process.stdin.isTTY && !!process.stderr.isTTY;
}

/** What a yes/no question got: only y or yes (any case) is a yes; Enter alone is a no. */
export type Answer = 'yes' | 'no' | 'interrupted' | 'no answer';

/**
 * Asks a yes/no question on stderr. Ctrl+C is 'interrupted' (the caller exits 130, like a
 * signal), Ctrl+D or a closed stdin before a line is 'no answer'.
 */
export async function confirm(question: string): Promise<Answer> {
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  return new Promise((resolve) => {
    let settled = false;
    const settle = (answer: Answer, newline: boolean) => {
      if (settled) return;
      settled = true;
      if (newline) process.stderr.write('\n');
      rl.close();
      resolve(answer);
    };
    rl.on('SIGINT', () => settle('interrupted', true));
    rl.on('close', () => settle('no answer', true));
    rl.question(question, (line) => settle(/^\s*y(es)?\s*$/i.test(line) ? 'yes' : 'no', false));
  });
}

/** The most `-` reads from stdin (a message past ~16 KB is refused anyway; `detect -` takes a few MB). */
export const STDIN_MAX_BYTES = 4 * MiB;

/** Reads all of stdin (for `-` arguments), bounded; refuses an interactive terminal instead of hanging. */
export async function readStdinText(what: string): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError(`\`-\` reads the ${what} from stdin, but stdin is a terminal`, { hint: 'pipe text in, e.g. echo "…" | coach … -' });
  return readStreamBounded(process.stdin, STDIN_MAX_BYTES, `the ${what} on stdin`);
}
