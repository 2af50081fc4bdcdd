// One place for failures and their exit codes (spec: Exit codes). Core modules throw these;
// the CLI's single top-level handler turns them into one line on stderr and an exit code.

/** How long a process waits for another one's database lock before giving up (BusyError). */
export const BUSY_WAIT_SECONDS = 5;

export const ExitCode = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  limit: 3,
  auth: 4,
  api: 5,
  /** The data file stayed locked by another process for longer than the wait (BUSY_TIMEOUT_MS). */
  busy: 6,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export class CoachError extends Error {
  readonly exitCode: ExitCode = ExitCode.unexpected;
  /** A short "what to do next", printed after the message. */
  readonly hint?: string;
  constructor(message: string, options?: { hint?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options?.hint;
  }
}

/** Invalid input or usage: unknown id, bad flag, bad template, nothing set up yet. */
export class UsageError extends CoachError {
  override readonly exitCode = ExitCode.usage;
}

/** Daily message limit or cost cap reached. */
export class LimitError extends CoachError {
  override readonly exitCode = ExitCode.limit;
}

/** API key missing or rejected. */
export class AuthError extends CoachError {
  override readonly exitCode = ExitCode.auth;
}

/** API unreachable, or failing after the SDK's retries. */
export class ApiError extends CoachError {
  override readonly exitCode = ExitCode.api;
}

/** The data file cannot be used as it is (newer schema, not a database, not writable): invalid input, 2. */
export class StoreError extends CoachError {
  override readonly exitCode = ExitCode.usage;
}

/** Another process held the database lock past the wait: nothing was changed, try again. */
export class BusyError extends CoachError {
  override readonly exitCode = ExitCode.busy;
}

/**
 * A SQLite failure about the data file itself (read-only, cannot open, disk full, corrupt) is not a
 * bug: it becomes a StoreError (one clear line, exit 2). Anything else is returned as it is.
 */
export function asStoreFailure(err: unknown): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (err instanceof CoachError || typeof code !== 'string' || !code.startsWith('SQLITE_')) return err;
  const detail = (err as Error).message;
  const hint = 'check the permissions of the data directory and coach.db, or set COACH_HOME';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new BusyError(`the database is busy: another process kept it locked for more than ${BUSY_WAIT_SECONDS} s, so this change was not made`, {
      hint: 'let the other coach finish, or close it, then try again', cause: err,
    });
  }
  if (code.startsWith('SQLITE_READONLY')) return new StoreError(`cannot write the database: it is read-only (${detail})`, { hint, cause: err });
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM')) return new StoreError(`cannot open the database (${detail})`, { hint, cause: err });
  if (code.startsWith('SQLITE_FULL')) return new StoreError(`the disk is full (${detail})`, { hint: 'free some space and try again', cause: err });
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_IOERR')) {
    return new StoreError(`the database file cannot be used (${detail})`, { hint: 'run `coach doctor`; restore a backup or move the file aside', cause: err });
  }
  return err;
}

export function exitCodeOf(err: unknown): ExitCode {
  return err instanceof CoachError ? err.exitCode : ExitCode.unexpected;
}

const secrets = new Set<string>();

/** Registers a secret in use (the API key), so redaction removes it whatever its format (gateway keys too). */
export function registerSecret(secret: string): void {
  if (secret.length >= 8) secrets.add(secret);
}

/** Removes the registered secrets and anything that looks like an Anthropic key from a message. */
export function redactSecrets(text: string): string {
  for (const s of secrets) if (text.includes(s)) text = text.split(s).join(maskKey(s));
  return text.replace(/sk-ant-[A-Za-z0-9_-]{4,}/g, (key) => maskKey(key));
}

/** `sk-ant-…abcd`: enough to tell keys apart, never enough to use one. */
export function maskKey(key: string): string {
  const tail = key.length > 12 ? key.slice(-4) : '';
  return `sk-ant-…${tail}`;
}

// C0/C1 controls (ESC, BEL, CSI U+009B …) and bidi overrides/isolates (U+202E …).
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Shows control and bidi characters as `\u001b`-style text: an error line quotes what the user
 * typed, and a quoted ESC or BEL must never act on the terminal (newlines are kept).
 */
export function visibleControls(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The one line a failure prints (plus the hint), secrets removed, controls made visible. */
export function formatError(err: unknown, debug = false): string {
  const message = err instanceof Error ? err.message : String(err);
  const oneLine = visibleControls(redactSecrets(message).split('\n')[0]!.trim()) || 'unexpected failure';
  const hint = err instanceof CoachError && err.hint ? ` (${visibleControls(err.hint)})` : '';
  let out = `coach: ${oneLine}${hint}`;
  if (debug && err instanceof Error && err.stack) out += `\n${redactSecrets(err.stack)}`;
  return out;
}
