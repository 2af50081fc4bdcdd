// Helpers of the reliability suite: long-running CLI children (to kill them mid-stream), polling
// without fixed sleeps, byte-level snapshots of a data home, and running as an unprivileged user
// (permission bits do not stop root, and CI runs as root).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startFakeAnthropic, type FakeAnthropic } from '../fake-anthropic/server.js';
import { BIN, ROOT, cliEnv, runCli, setupProject, tempHome, type RunOptions, type RunResult } from '../helpers/cli.js';

/** A recognisable fake key: every file of the suite scans its outputs and files for it. */
export const KEY = 'sk-ant-api03-RELIABILITYSUITE-0123456789abcdef-wxyz';
/** The part of the key that must never show up, whatever the masking. */
export const KEY_CORE = 'RELIABILITYSUITE-0123456789abcdef';

/** Polls `probe` until it returns a truthy value; throws with `what` after `timeoutMs`. */
export async function waitFor<T>(probe: () => T | Promise<T>, what: string, timeoutMs = 10_000, everyMs = 25): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export interface Running {
  child: ChildProcess;
  readonly stdout: string;
  readonly stderr: string;
  /** Resolves when the process has exited and its pipes are closed. */
  done: Promise<RunResult>;
}

/** Starts the built CLI and returns at once (stdout/stderr accumulate as they arrive). */
export function startCli(args: string[], opts: { home: string; env?: Record<string, string | undefined>; input?: string }): Running {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: cliEnv(opts.home, opts.env), stdio: ['pipe', 'pipe', 'pipe'] });
  const r = { child, stdout: '', stderr: '' } as { child: ChildProcess; stdout: string; stderr: string; done: Promise<RunResult> };
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (r.stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (r.stderr += d));
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  r.done = new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      resolve({ code, signal, stdout: r.stdout, stderr: r.stderr });
    });
  });
  child.stdin!.end(opts.input ?? '');
  return r;
}

/** runCli with uid/gid and umask (kept as a name the suite reads well with). */
export const runAs = (args: string[], opts: RunOptions): Promise<RunResult> => runCli(args, opts);

/** What the suite needs to test permission bits: as root, an unprivileged uid that can run the CLI. */
export function unprivileged(): { uid?: number; gid?: number; skip: string | null } {
  const uid = process.getuid?.();
  if (uid === undefined) return { skip: 'no POSIX uids on this platform' };
  if (uid !== 0) return { skip: null };
  const nobody = 65534;
  const probe = spawnSync(process.execPath, [BIN, '--version'], { cwd: ROOT, uid: nobody, gid: nobody, encoding: 'utf8' });
  if (probe.status === 0) return { uid: nobody, gid: nobody, skip: null };
  return { skip: `running as root and uid ${nobody} cannot run the CLI here (${(probe.stderr || String(probe.error)).trim().split('\n')[0]}): permission bits do not stop root` };
}

/**
 * sha256 of the database and of its WAL when the WAL holds anything (an empty WAL, and the -shm
 * index, come and go with connections without changing a byte of data), plus any backup file.
 */
export function dbSnapshot(home: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(home).sort()) {
    if (!f.startsWith('coach.db') || f.endsWith('-shm')) continue;
    const bytes = readFileSync(join(home, f));
    if (f.endsWith('-wal') && bytes.length === 0) continue;
    out[f] = createHash('sha256').update(bytes).digest('hex');
  }
  return out;
}

/** Every regular file under `dir`, recursively. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

export const modeOf = (p: string) => statSync(p).mode & 0o777;

/** The lines a failure prints: exactly one `coach:` line and no stack trace. */
export function expectOneCleanLine(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l.startsWith('coach:'));
  if (lines.length !== 1) throw new Error(`expected exactly one "coach:" line on stderr, got ${lines.length}:\n${stderr}`);
  if (/\n\s+at /.test(stderr) || /Error:/.test(stderr.replace(lines[0]!, ''))) throw new Error(`stack trace or raw error on stderr:\n${stderr}`);
  return lines[0]!;
}

/** Collects every output of a file's runs, to scan them for the key at the end. */
export class Transcript {
  readonly texts: string[] = [];
  add<T extends { stdout: string; stderr: string }>(r: T): T {
    this.texts.push(r.stdout, r.stderr);
    return r;
  }
  /** Throws when any collected output contains the key (or its core). */
  assertNoKey(key = KEY, core = KEY_CORE): void {
    for (const t of this.texts) {
      if (t.includes(key) || t.includes(core)) throw new Error(`the key leaked into an output:\n${t.slice(0, 2000)}`);
    }
  }
}

/**
 * The fixture every reliability file shares: one fake Anthropic server for the file, and a fresh
 * data home for each test, with a profile and a started project unless `project: false`. Outputs
 * seen go to `seen`, which must never contain the key.
 */
export function useProjectWithFakeApi(prefix: string, opts: { project?: boolean } = {}): { readonly fake: FakeAnthropic; readonly home: string; seen: Transcript } {
  let fake: FakeAnthropic;
  let home: string;
  let cleanup: () => void;
  const seen = new Transcript();
  beforeAll(async () => {
    fake = await startFakeAnthropic();
  });
  afterAll(async () => {
    await fake.close();
    seen.assertNoKey();
  });
  beforeEach(async () => {
    ({ home, cleanup } = tempHome(prefix));
    fake.reset();
    if (opts.project !== false) await setupProject(home);
  });
  afterEach(() => cleanup());
  return {
    get fake() {
      return fake;
    },
    get home() {
      return home;
    },
    seen,
  };
}
