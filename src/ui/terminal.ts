// Terminal modes the UI turns on, and the one idempotent cleanup that turns them off again
// (on quit, on SIGTERM/SIGHUP/SIGINT, on exit, on a crash). While the UI runs nothing may write
// behind Ink's back: console output and process warnings become lines in the chat instead.
const BRACKETED_PASTE_ON = '\u001b[?2004h';
const BRACKETED_PASTE_OFF = '\u001b[?2004l';
const SHOW_CURSOR = '\u001b[?25h';
/** Clear screen and scrollback, cursor home: used before the transcript is printed again at a new width. */
export const CLEAR_TERMINAL = '\u001b[2J\u001b[3J\u001b[H';

type ConsoleMethod = 'log' | 'info' | 'warn' | 'error' | 'debug';
const METHODS: ConsoleMethod[] = ['log', 'info', 'warn', 'error', 'debug'];

export interface TerminalSession {
  /** Idempotent: restores every mode and hook; safe to call from any exit path. */
  restore(): void;
  readonly restored: boolean;
}

export function startTerminalSession(opts: {
  stdout: NodeJS.WriteStream;
  /**
   * Put in raw mode at once (Ink turns it on only after its first frame): keys typed while the UI
   * starts must not go through the line discipline, which turns Enter into a line feed.
   */
  stdin?: NodeJS.ReadStream;
  /** Lines that would have been printed behind the UI (console, warnings). */
  onStray: (line: string, tone: 'info' | 'warn') => void;
  /** SIGTERM / SIGHUP / SIGINT: ask the app to stop (abort the stream, save, unmount). */
  onSignal: (signal: NodeJS.Signals) => void;
}): TerminalSession {
  const { stdout } = opts;
  let restored = false;
  const saved = new Map<ConsoleMethod, (...args: unknown[]) => void>();
  for (const m of METHODS) {
    saved.set(m, console[m]);
    console[m] = (...args: unknown[]) => opts.onStray(args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? a.message : String(a))).join(' '), m === 'warn' || m === 'error' ? 'warn' : 'info');
  }
  const warningListeners = process.listeners('warning');
  process.removeAllListeners('warning');
  const onWarning = (w: Error) => opts.onStray(`${w.name}: ${w.message}`, 'warn');
  process.on('warning', onWarning);
  const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT'];
  const onSignal = (sig: NodeJS.Signals) => opts.onSignal(sig);
  for (const s of signals) process.on(s, onSignal);

  const stdin = opts.stdin?.isTTY ? opts.stdin : null;
  const restore = () => {
    if (restored) return;
    restored = true;
    try {
      stdin?.setRawMode(false);
    } catch {
      // the terminal is gone
    }
    for (const s of signals) process.off(s, onSignal);
    process.off('exit', restore);
    process.off('warning', onWarning);
    for (const l of warningListeners) process.on('warning', l as (w: Error) => void);
    for (const [m, fn] of saved) console[m] = fn;
    try {
      if (stdout.isTTY && !stdout.destroyed) stdout.write(BRACKETED_PASTE_OFF + SHOW_CURSOR);
    } catch {
      // the terminal is gone: nothing left to restore
    }
  };
  process.on('exit', restore);
  stdin?.setRawMode(true);
  if (stdout.isTTY) stdout.write(BRACKETED_PASTE_ON);
  return {
    restore,
    get restored() {
      return restored;
    },
  };
}
