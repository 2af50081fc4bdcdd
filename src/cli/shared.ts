// Flags and plumbing every command shares, defined once so they mean the same everywhere.
import { Command, Option } from 'commander';
import { createContext, type AppContext } from '../app/context.js';
import { UsageError } from '../errors.js';
import type { Parsed } from '../plan/parse.js';
import { defaultIo, Output, type Io } from './output.js';
import type { GlobalOptions } from './globals.js';

export interface CommandEnv {
  ctx: AppContext;
  out: Output;
  io: Io;
  json: boolean;
  /** --debug: stack traces, and notes about what failed quietly. */
  debug: boolean;
}

export const jsonOption = () => new Option('--json', 'print JSON (stable camelCase shape, see README)');

export function examples(cmd: Command, lines: string[]): Command {
  return cmd.addHelpText('after', `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`);
}

/** Wraps an action: builds the context and output from the global flags, closes the store after. */
export function act<A extends unknown[]>(fn: (env: CommandEnv, ...args: A) => Promise<void> | void) {
  return async function (this: Command, ...args: unknown[]): Promise<void> {
    const cmd = args[args.length - 1] as Command;
    const globals = cmd.optsWithGlobals<GlobalOptions & { json?: boolean }>();
    const io = defaultIo();
    const json = !!globals.json;
    const out = new Output(io, { color: globals.color, json });
    const ctx = createContext({ profile: globals.profile });
    try {
      await fn({ ctx, out, io, json, debug: !!globals.debug }, ...(args.slice(0, -1) as A));
    } finally {
      ctx.close();
    }
  };
}

export function parseIntArg(name: string, raw: string, min = 0): number {
  if (!/^-?\d+$/.test(raw.trim())) throw new UsageError(`${name} must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min) throw new UsageError(`${name} must be at least ${min}, got ${n}`);
  return n;
}

/** A natural-input parse (src/plan/parse.ts) as a flag value: the error becomes a usage error naming the flag. */
export function parsedFlag<T>(flag: string, parsed: Parsed<T>): { value: T; understood: string } {
  if (!parsed.ok) throw new UsageError(`${flag}: ${parsed.error}`);
  return parsed;
}

/** Reads all of stdin (for `-` arguments); refuses an interactive terminal instead of hanging. */
export async function readStdinText(what: string): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError(`\`-\` reads the ${what} from stdin, but stdin is a terminal`, { hint: 'pipe text in, e.g. echo "…" | coach … -' });
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
