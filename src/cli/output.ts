// Presenters only: where text goes (stdout = data, stderr = messages), colour decisions, tables, JSON.
import { styleText } from 'node:util';
import Table from 'cli-table3';
import { sanitizeForTerminal } from '../util/text.js';

export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  now: () => Date;
}

export function defaultIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, now: () => new Date() };
}

/** NO_COLOR / CLICOLOR=0 / --no-color turn colour off; FORCE_COLOR turns it on; otherwise only on a TTY. */
export function colorEnabled(io: Io, opts: { color?: boolean; json?: boolean }): boolean {
  if (opts.json || opts.color === false) return false;
  const env = io.env;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.CLICOLOR === '0') return false;
  return !!io.stdout.isTTY && env.TERM !== 'dumb';
}

type Style = Parameters<typeof styleText>[0];

export class Output {
  readonly color: boolean;
  constructor(readonly io: Io, opts: { color?: boolean; json?: boolean } = {}) {
    this.color = colorEnabled(io, opts);
  }

  paint(style: Style, text: string): string {
    return this.color ? styleText(style, text) : text;
  }
  bold = (t: string) => this.paint('bold', t);
  dim = (t: string) => this.paint('dim', t);
  green = (t: string) => this.paint('green', t);
  yellow = (t: string) => this.paint('yellow', t);
  red = (t: string) => this.paint('red', t);
  cyan = (t: string) => this.paint('cyan', t);

  /** Data for people: stored text is sanitised so it cannot drive the terminal. */
  line(text = ''): void {
    this.io.stdout.write(`${sanitizeForTerminal(text)}\n`);
  }
  /** Raw data (already formatted). */
  raw(text: string): void {
    this.io.stdout.write(text);
  }
  json(value: unknown): void {
    this.io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }
  /** Messages, warnings and progress: stderr. */
  info(text: string): void {
    this.io.stderr.write(`${sanitizeForTerminal(text)}\n`);
  }
  warn(text: string): void {
    this.io.stderr.write(`${this.color ? styleText('yellow', 'warning:') : 'warning:'} ${sanitizeForTerminal(text)}\n`);
  }
  success(text: string): void {
    this.io.stderr.write(`${this.color ? styleText('green', '✓') : '✓'} ${sanitizeForTerminal(text)}\n`);
  }

  table(head: string[], rows: (string | number)[][], opts: { align?: ('left' | 'right' | 'center')[] } = {}): string {
    const table = new Table({
      head: head.map((h) => this.bold(h)),
      // compact: no rule between rows, so a 22-task list fits on a screen.
      style: { head: [], border: this.color ? ['grey'] : [], compact: true },
      // cli-table3 merges with Object.assign: an explicit undefined would replace its default [] and crash.
      ...(opts.align ? { colAligns: opts.align } : {}),
      wordWrap: true,
    });
    for (const row of rows) table.push(row.map((c) => (typeof c === 'string' ? sanitizeForTerminal(c) : c)));
    return table.toString();
  }
}

/** A progress bar of `width` cells for a 0–1 ratio, e.g. ███░░░ */
export function bar(ratio: number, width = 10): string {
  const filled = Math.round(Math.max(0, Math.min(1, ratio)) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}
