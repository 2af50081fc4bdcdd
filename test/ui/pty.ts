// End-to-end harness: runs the BUILT CLI in a real pseudo-terminal (node-pty) and feeds what it
// writes to a headless xterm, so tests assert on the emulated screen, not on raw bytes.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as pty from 'node-pty';
import xterm from '@xterm/headless';
import { BIN, ROOT, cliEnv } from '../helpers/cli.js';

const { Terminal } = xterm;

export const KEYS = {
  enter: '\r',
  esc: '\u001b',
  tab: '\t',
  space: ' ',
  up: '\u001b[A',
  down: '\u001b[B',
  ctrlC: '\u0003',
  altEnter: '\u001b\r',
  ctrlJ: '\n',
} as const;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** The e2e tests run the built CLI (what bin/coach.js loads): build it when missing or older than src/. */
export function ensureBuilt(): void {
  const out = join(ROOT, 'dist', 'bundle', 'run.js');
  if (existsSync(out) && statSync(out).mtimeMs >= newestMtime(join(ROOT, 'src'))) return;
  try {
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe' });
  } catch {
    // A type error elsewhere in the tree stops `tsc &&`; the bundle is built from src/ anyway.
    execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: ROOT, stdio: 'pipe' });
  }
}

export interface ExitInfo {
  exitCode: number;
  signal?: number;
}

export class PtyApp {
  readonly term: InstanceType<typeof Terminal>;
  readonly proc: pty.IPty;
  readonly exited: Promise<ExitInfo>;
  private exitInfo: ExitInfo | null = null;
  private pending = 0;
  /** Everything the app wrote, raw. */
  raw = '';

  constructor(args: string[], opts: { home: string; env?: Record<string, string | undefined>; cols?: number; rows?: number }) {
    const cols = opts.cols ?? 100;
    const rows = opts.rows ?? 30;
    this.term = new Terminal({ cols, rows, scrollback: 5000, allowProposedApi: true });
    const env = cliEnv(opts.home, { CI: 'false', TERM: 'xterm-256color', NO_COLOR: undefined, FORCE_COLOR: undefined, COLORTERM: undefined, ...opts.env });
    delete env.CONTINUOUS_INTEGRATION;
    this.proc = pty.spawn(process.execPath, [BIN, ...args], { name: 'xterm-256color', cols, rows, cwd: ROOT, env: env as Record<string, string> });
    this.proc.onData((d) => {
      this.raw += d;
      this.pending++;
      this.term.write(d, () => this.pending--);
    });
    this.exited = new Promise((resolve) => {
      this.proc.onExit((e) => {
        this.exitInfo = e;
        resolve(e);
      });
    });
  }

  /** The visible screen, one string per row (trailing spaces trimmed). */
  screen(): string {
    const b = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < this.term.rows; i++) lines.push(b.getLine(b.viewportY + i)?.translateToString(true) ?? '');
    return lines.join('\n');
  }

  /** Scrollback and screen. */
  all(): string {
    const b = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < b.length; i++) lines.push(b.getLine(i)?.translateToString(true) ?? '');
    return lines.join('\n');
  }

  write(data: string): void {
    this.proc.write(data);
  }

  /** Polls the emulated screen until `test` holds; fails with the screen in the message. */
  async waitFor(test: RegExp | string | ((screen: string) => boolean), opts: { timeoutMs?: number; scrollback?: boolean } = {}): Promise<string> {
    const deadline = Date.now() + (opts.timeoutMs ?? 20_000);
    const check = (s: string) => (typeof test === 'function' ? test(s) : typeof test === 'string' ? s.includes(test) : test.test(s));
    for (;;) {
      const s = opts.scrollback ? this.all() : this.screen();
      if (this.pending === 0 && check(s)) return s;
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${String(test)}; exit=${JSON.stringify(this.exitInfo)}; screen:\n${this.screen()}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  get exitCode(): ExitInfo | null {
    return this.exitInfo;
  }

  kill(): void {
    if (!this.exitInfo) {
      try {
        this.proc.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
    this.term.dispose();
  }

  /** Private xterm state, read defensively: is the cursor hidden? */
  cursorHidden(): boolean | undefined {
    return (this.term as unknown as { _core?: { coreService?: { isCursorHidden?: boolean } } })._core?.coreService?.isCursorHidden;
  }
}
