// How a command ends when the world around it goes away: a closed stdout (`coach ask … | head`),
// a closed terminal (SIGHUP), `kill` (SIGTERM) or Ctrl+C (SIGINT).
//
// - A command that is not cancellable keeps Node's defaults for signals (SQLite transactions are
//   atomic: a signal between them loses nothing), and a closed stdout ends it quietly with 141.
// - A cancellable command (an exchange with the coach) registers with `whileCancellable`: the first
//   signal, or the closed stdout, cancels it (the partial reply is kept, marked interrupted, and its
//   usage settled); a second signal exits at once.
// Exit codes follow the shell's 128 + signal convention: SIGHUP 129, SIGINT 130, SIGPIPE 141
// (stdout closed: what a C program killed by SIGPIPE reports), SIGTERM 143.

export type CancelCause = 'SIGINT' | 'SIGHUP' | 'SIGTERM' | 'EPIPE';

export const CANCEL_EXIT: Record<CancelCause, number> = { SIGHUP: 129, SIGINT: 130, EPIPE: 141, SIGTERM: 143 };

const SIGNALS = ['SIGINT', 'SIGHUP', 'SIGTERM'] as const;

/** Write errors that mean "nobody is reading any more". */
const GONE = new Set(['EPIPE', 'EIO', 'ECONNRESET', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END']);

let stdoutClosed = false;
let cancelHandler: ((cause: CancelCause) => void) | null = null;
let guarded = false;

/** True once a write to stdout failed because its reader went away: print nothing more there. */
export function stdoutIsClosed(): boolean {
  return stdoutClosed;
}

/**
 * Installed once at start-up. A closed stdout cancels the running exchange, or ends any other
 * command quietly with 141; a closed stderr is ignored (there is nobody left to tell).
 */
export function guardOutputStreams(stdout: NodeJS.WriteStream = process.stdout, stderr: NodeJS.WriteStream = process.stderr): void {
  if (guarded) return;
  guarded = true;
  stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (stdoutClosed) return;
    if (!GONE.has(err.code ?? '')) {
      // Disk full (`> /dev/full`) and the like: one line, exit 2 (an unusable place for output).
      stdoutClosed = true;
      stderr.write(`coach: cannot write the output (${err.code ?? err.message})\n`);
      process.exit(2);
    }
    stdoutClosed = true;
    if (cancelHandler) cancelHandler('EPIPE');
    else process.exit(CANCEL_EXIT.EPIPE);
  });
  // A closed or failing stderr is ignored: there is nobody left to tell.
  stderr.on('error', () => {});
}

/**
 * Runs `fn` with SIGINT/SIGHUP/SIGTERM and a closed stdout turned into one call of `cancel`;
 * a second signal exits at once with its code. Returns what `fn` returns.
 */
export async function whileCancellable<T>(cancel: (cause: CancelCause) => void, fn: () => Promise<T>): Promise<T> {
  let cancelled = false;
  const onCancel = (cause: CancelCause) => {
    if (cancelled) {
      if (cause !== 'EPIPE') process.exit(CANCEL_EXIT[cause]);
      return;
    }
    cancelled = true;
    cancel(cause);
  };
  const listeners = SIGNALS.map((s) => [s, () => onCancel(s)] as const);
  for (const [s, l] of listeners) process.on(s, l);
  const previous = cancelHandler;
  cancelHandler = onCancel;
  try {
    if (stdoutClosed) onCancel('EPIPE');
    return await fn();
  } finally {
    cancelHandler = previous;
    for (const [s, l] of listeners) process.off(s, l);
  }
}
