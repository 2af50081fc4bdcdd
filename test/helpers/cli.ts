// Runs the BUILT CLI (`node bin/coach.js …`) as a child process with its own COACH_HOME.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'coach.js');

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  home: string;
  env?: Record<string, string | undefined>;
  input?: string | Buffer;
  timeoutMs?: number;
  cwd?: string;
  /** Run as this uid/gid (only possible as root). */
  uid?: number;
  gid?: number;
  /** Run under this umask (through /bin/sh), e.g. 0 to check modes do not depend on the caller's. */
  umask?: number;
}

/**
 * A clean environment: no key, no colour, UTC, the given home. The second reader is off
 * (COACH_SECOND_READER=0) so a test's fake server sees only the requests it is about; the
 * second reader's own tests turn it on.
 */
export function cliEnv(home: string, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) {
    if (/^(ANTHROPIC_|CLAUDE_|COACH_|MONETIZATION_)/.test(k)) delete env[k];
  }
  Object.assign(env, { COACH_HOME: home, NO_COLOR: '1', TZ: 'UTC', CI: 'true', COACH_SECOND_READER: '0' }, extra);
  for (const [k, v] of Object.entries(extra)) if (v === undefined) delete env[k];
  return env;
}

export function runCli(args: string[], opts: RunOptions): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const [cmd, argv] = opts.umask === undefined
      ? [process.execPath, [BIN, ...args]]
      : ['/bin/sh', ['-c', `umask ${opts.umask.toString(8).padStart(3, '0')} && exec "$0" "$@"`, process.execPath, BIN, ...args]];
    const child = spawn(cmd, argv, {
      cwd: opts.cwd ?? ROOT,
      env: cliEnv(opts.home, opts.env),
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(opts.uid === undefined ? {} : { uid: opts.uid, gid: opts.gid ?? opts.uid }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr });
    });
    child.stdin.end(opts.input ?? '');
  });
}

/** A fresh temp COACH_HOME; call the returned cleanup in afterEach/afterAll. */
export function tempHome(prefix = 'coach-test-'): { home: string; cleanup: () => void } {
  const home = mkdtempSync(join(tmpdir(), prefix));
  return { home, cleanup: () => rmSync(home, { recursive: true, force: true }) };
}

/** Creates a profile and starts a project offline: the usual starting point of a test. */
export async function setupProject(home: string, env: Record<string, string | undefined> = {}): Promise<void> {
  const p = await runCli(['profile', 'set', '--name', 'Jane Cooks', '--niche', 'vegan baking', '--platform', 'instagram:45000:3.2', '--hours', '6'], { home, env });
  if (p.code !== 0) throw new Error(`profile set failed: ${p.stderr}`);
  const s = await runCli(['project', 'start', '--offline'], { home, env });
  if (s.code !== 0) throw new Error(`project start failed: ${s.stderr}`);
}
