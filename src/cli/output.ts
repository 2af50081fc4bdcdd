// Presenters only: where text goes (stdout = data, stderr = messages), colour decisions, tables, JSON.
import { styleText } from 'node:util';
import Table from 'cli-table3';
import stringWidth from 'string-width';
import { sanitizeForTerminal, sanitizeKeepingStyle } from '../util/text.js';

export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  now: () => Date;
}

export function defaultIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, now: () => new Date() };
}

/**
 * Colour or not, in this order: never under --json or --no-color; NO_COLOR set and non-empty
 * (no-color.org) turns it off; FORCE_COLOR turns it on even into a pipe (0/false turn it off);
 * CLICOLOR=0 turns it off; otherwise only on a terminal that is not TERM=dumb.
 */
export function colorEnabled(io: Io, opts: { color?: boolean; json?: boolean }): boolean {
  if (opts.json || opts.color === false) return false;
  const env = io.env;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.CLICOLOR === '0') return false;
  return !!io.stdout.isTTY && env.TERM !== 'dumb';
}

/** The width tables must fit: the terminal's, or COLUMNS when set; none (no limit) into a pipe. */
export function outputWidth(io: Io): number | undefined {
  const fromEnv = Number(io.env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : undefined;
}

type Style = Parameters<typeof styleText>[0];
type Align = 'left' | 'right' | 'center';

export interface TableOptions {
  align?: Align[];
  /**
   * Per column: lower is dropped first when the table is wider than the terminal (or with
   * --compact); undefined is always kept.
   */
  drop?: (number | undefined)[];
  /** Repeat the header rule above the last row (a totals row). */
  totals?: boolean;
}

/**
 * The commands a message suggests keep the --profile the user gave: `coach tasks list` becomes
 * `coach tasks list --profile var` (a command that names a --profile already is left alone).
 */
export function withProfileFlag(text: string, handle: string | undefined): string {
  if (!handle) return text;
  return text.replace(/`coach ([^`]*)`/g, (whole, rest: string) => (/--profile\b/.test(rest) ? whole : `\`coach ${rest} --profile ${handle}\``));
}

const widest = (text: string) => text.split('\n').reduce((w, l) => Math.max(w, stringWidth(l)), 0);

export class Output {
  readonly color: boolean;
  /** The --profile the user gave, kept in the commands that messages suggest. */
  readonly profileFlag: string | undefined;
  readonly width: number | undefined;
  readonly compact: boolean;
  constructor(readonly io: Io, opts: { color?: boolean; json?: boolean; compact?: boolean; profileFlag?: string } = {}) {
    this.color = colorEnabled(io, opts);
    this.width = outputWidth(io);
    this.compact = !!opts.compact;
    this.profileFlag = opts.profileFlag;
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

  /** Stored text cannot drive the terminal; the colours this presenter painted stay (when colour is on). */
  safe(text: string): string {
    return this.color ? sanitizeKeepingStyle(text) : sanitizeForTerminal(text);
  }
  /** Data for people. */
  line(text = ''): void {
    this.io.stdout.write(`${this.safe(text)}\n`);
  }
  /** Raw data (already formatted). */
  raw(text: string): void {
    this.io.stdout.write(text);
  }
  json(value: unknown): void {
    this.io.stdout.write(`${jsonText(value)}\n`);
  }
  /** Messages, warnings and progress: stderr. */
  info(text: string): void {
    this.io.stderr.write(`${this.message(text)}\n`);
  }
  warn(text: string): void {
    this.io.stderr.write(`${this.yellow('warning:')} ${this.message(text)}\n`);
  }
  success(text: string): void {
    this.io.stderr.write(`${this.green('✓')} ${this.message(text)}\n`);
  }
  private message(text: string): string {
    return this.safe(withProfileFlag(text, this.profileFlag));
  }

  /**
   * A compact table that fits the terminal: columns are dropped, least important first (`drop`),
   * until it fits (all droppable ones with --compact); if it is still too wide, the widest column
   * wraps.
   */
  table(head: string[], rows: (string | number)[][], opts: TableOptions = {}): string {
    let keep = head.map((_, i) => i);
    const droppable = () => keep.filter((i) => opts.drop?.[i] !== undefined).sort((a, b) => opts.drop![a]! - opts.drop![b]!);
    if (this.compact) keep = keep.filter((i) => opts.drop?.[i] === undefined);
    let text = this.draw(head, rows, opts, keep);
    while (this.width && widest(text) > this.width && droppable().length) {
      const lowest = droppable()[0]!;
      keep = keep.filter((i) => i !== lowest);
      text = this.draw(head, rows, opts, keep);
    }
    if (this.width && widest(text) > this.width) text = this.draw(head, rows, opts, keep, this.width);
    return text;
  }

  private draw(head: string[], rows: (string | number)[][], opts: TableOptions, keep: number[], fit?: number): string {
    const cells = rows.map((r) => keep.map((i) => (typeof r[i] === 'string' ? this.safe(r[i] as string) : (r[i] ?? ''))));
    const heads = keep.map((i) => this.bold(head[i]!));
    let colWidths: number[] | undefined;
    if (fit) {
      // Natural widths (+2 padding), then shrink the widest column until the borders fit too.
      colWidths = keep.map((_, c) => Math.max(stringWidth(head[keep[c]!]!), ...cells.map((r) => widest(String(r[c])))) + 2);
      const borders = keep.length + 1;
      while (colWidths.reduce((a, b) => a + b, 0) + borders > fit) {
        const i = colWidths.indexOf(Math.max(...colWidths));
        if (colWidths[i]! <= 6) break;
        colWidths[i]! -= 1;
      }
    }
    const table = new Table({
      head: heads,
      // compact: no rule between rows, so a 22-task list fits on a screen.
      style: { head: [], border: this.color ? ['grey'] : [], compact: true },
      // cli-table3 merges with Object.assign: an explicit undefined would replace its default [] and crash.
      ...(opts.align ? { colAligns: keep.map((i) => opts.align![i] ?? 'left') } : {}),
      ...(colWidths ? { colWidths, wordWrap: true, wrapOnWordBoundary: true } : { wordWrap: true }),
    });
    for (const row of cells) table.push(row);
    const lines = table.toString().split('\n');
    // lines: top, head, rule, …rows, totals, bottom: repeat the rule under the head above the totals.
    if (opts.totals && lines.length >= 5) lines.splice(lines.length - 2, 0, lines[2]!);
    return lines.join('\n');
  }
}

// JSON.stringify escapes C0 controls only: DEL, C1 (U+009B is a one-byte CSI), bidi controls and
// the JS line separators pass raw. They can only stand inside strings, where \uXXXX means the same.
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Pretty JSON whose text is plain ASCII-safe for a terminal: the same value, every control escaped. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A progress bar of `width` cells for a 0–1 ratio, e.g. ███░░░ */
export function bar(ratio: number, width = 10): string {
  const filled = Math.round(Math.max(0, Math.min(1, ratio)) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}
