// Issue 18, reliability: inputs at and past their limits. Every numeric flag has a range (exit 2
// outside it, nothing stored); reads are bounded (/dev/zero on a path or on stdin); an unusable data
// dir fails at once; settings of the wrong type are refused before anything is written; control and
// bidi characters never reach the terminal raw (error lines, --json, text); a failed ask prints one
// line, and a 400/402 is not called transient.
import { spawn } from 'node:child_process';
import { chmodSync, openSync, closeSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, cliEnv, runCli, type RunResult } from '../helpers/cli.js';
import { messages, query, usage } from '../helpers/db.js';
import { KEY, dbSnapshot, expectOneCleanLine, runAs, unprivileged, useProjectWithFakeApi } from './helpers.js';

const fx = useProjectWithFakeApi('coach-rel-inputs-');
const askEnv = () => ({ ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: fx.fake.url });
const RAW_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Exit 2, one clean line matching `line`, nothing on stdout, the store byte-identical. */
async function refused(args: string[], line: RegExp, opts: { input?: string; env?: Record<string, string> } = {}): Promise<string> {
  const before = dbSnapshot(fx.home);
  const r = fx.seen.add(await runCli(args, { home: fx.home, ...opts }));
  expect([args.join(' '), r.code]).toEqual([args.join(' '), 2]);
  const l = expectOneCleanLine(r.stderr);
  expect(l).toMatch(line);
  expect(r.stdout).toBe('');
  expect(dbSnapshot(fx.home)).toEqual(before);
  return l;
}

/** Runs the CLI with stdin read from a file (e.g. /dev/zero). */
function runWithStdinFrom(path: string, args: string[]): Promise<RunResult> {
  const fd = openSync(path, 'r');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: cliEnv(fx.home), stdio: [fd, 'pipe', 'pipe'] });
    closeSync(fd);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

describe('every numeric flag has a range', () => {
  const HUGE = '9223372036854775807';
  const cases: [string[], RegExp][] = [
    [['history', '-n', HUGE], /^coach: -n must be a whole number from 1 to 1,000,000, got "9223372036854775807"$/],
    [['history', '-n', '1e3'], /-n must be a whole number/],
    [['history', '-n', '2.5'], /-n must be a whole number/],
    [['usage', '--last', '999999999'], /--last must be a whole number from 1 to 3,660/],
    [['usage', 'monthly', '--last', '100000'], /--last must be a whole number from 1 to 1,200/],
    [["tasks", "list", "--phase", HUGE], /no phase "9223372036854775807": this plan has phases p1–p\d/],
    [['project', 'pause', HUGE], /project id must be a whole number/],
    [['profile', 'set', '--income', '99999999999999999999'], /^coach: --income: "99999999999999999999" is more than \$100 million a month$/],
    [['profile', 'set', '--goal', '1e30'], /--goal/],
    [['profile', 'set', '--platform', 'instagram:99999999999999'], /--platform followers must be from 0 to 10,000,000,000/],
    [['profile', 'set', '--hours', '101'], /--hours/],
  ];
  for (const [args, line] of cases) it(`${args.join(' ')} → exit 2, one line, nothing stored`, () => refused(args, line));

  it('the limits themselves are accepted', async () => {
    for (const args of [['history', '-n', '1000000'], ['usage', 'monthly', '--last', '1200', '--json'], ['usage', '--last', '3660', '--json'], ['profile', 'set', '--income', '100000000', '--hours', '100']]) {
      const r = fx.seen.add(await runCli(args, { home: fx.home, timeoutMs: 60_000 }));
      expect([args.join(' '), r.code, r.stderr]).toEqual([args.join(' '), 0, expect.any(String)]);
    }
    expect(query(fx.home, 'SELECT current_monthly_income_cents AS c, hours_per_week AS h FROM creator_profiles')).toEqual([{ c: 10_000_000_000, h: 100 }]);
  }, 120_000);
});

describe('bounded reads', () => {
  it('`templates validate /dev/zero`: exit 2 at once, one line', async () => {
    const started = Date.now();
    await refused(['templates', 'validate', '/dev/zero'], /\/dev\/zero is larger than 1 MiB, the most that is read/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('`ask - < /dev/zero` and `detect - < /dev/zero`: exit 2 at once, one line, nothing stored', async () => {
    const before = dbSnapshot(fx.home);
    for (const args of [['ask', '-'], ['detect', '-']]) {
      const r = fx.seen.add(await runWithStdinFrom('/dev/zero', args));
      expect(r.code).toBe(2);
      expect(expectOneCleanLine(r.stderr)).toMatch(/on stdin is larger than 4 MiB, the most that is read/);
    }
    expect(dbSnapshot(fx.home)).toEqual(before);
    expect(usage(fx.home)).toEqual([]);
  });
});

describe('unusable data dirs and settings', () => {
  it('COACH_HOME=/proc/x: exit 2 at once with one line (no spin)', async () => {
    for (const args of [['plan'], ['tasks', 'list'], ['config', 'set', 'model', 'claude-sonnet-4-6']]) {
      const r = fx.seen.add(await runCli(args, { home: '/proc/x', timeoutMs: 15_000 }));
      expect([args.join(' '), r.code, r.signal]).toEqual([args.join(' '), 2, null]);
      expect(expectOneCleanLine(r.stderr)).toMatch(/\/proc\/x/);
    }
  });

  const perms = unprivileged();
  it.skipIf(perms.skip !== null)('`config set` in a read-only data dir: exit 2, one classified line, nothing written', async () => {
    const file = join(fx.home, 'settings.json');
    writeFileSync(file, '{"costWarningUSD": 5}\n', { mode: 0o600 });
    const { chownSync } = await import('node:fs');
    if (perms.uid !== undefined) {
      chownSync(fx.home, perms.uid, perms.gid!);
      chownSync(file, perms.uid, perms.gid!);
    }
    chmodSync(fx.home, 0o500);
    chmodSync(file, 0o400);
    try {
      const r = fx.seen.add(await runAs(['config', 'set', 'costWarningUSD', '7'], { home: fx.home, uid: perms.uid, gid: perms.gid }));
      expect(r.code).toBe(2);
      expect(expectOneCleanLine(r.stderr)).toMatch(/^coach: cannot write the settings file .*settings\.json \((EACCES|EPERM|EROFS)\)/);
      expect(r.stdout + r.stderr).not.toMatch(/✓/);
    } finally {
      chmodSync(fx.home, 0o700);
      chmodSync(file, 0o600);
    }
    expect(readFileSync(file, 'utf8')).toBe('{"costWarningUSD": 5}\n');
  });

  for (const [shape, body, line] of [
    ['a wrong type', '{"model":42}', /settings\.json: model: /],
    ['null', 'null', /settings\.json is not valid settings \(expected a JSON object\)/],
    ['an array', '[]', /settings\.json is not valid settings \(expected a JSON object\)/],
    ['invalid JSON', '{"model":', /settings\.json is not valid JSON/],
  ] as const) {
    it(`a settings file holding ${shape}: every command refuses it with one line, and nothing rewrites it`, async () => {
      const file = join(fx.home, 'settings.json');
      writeFileSync(file, body, { mode: 0o600 });
      await refused(['config', 'list'], line);
      await refused(['config', 'set', 'costWarningUSD', '3'], line);
      expect(readFileSync(file, 'utf8')).toBe(body);
    });
  }

  it('a bad value can be fixed by setting that very key', async () => {
    const file = join(fx.home, 'settings.json');
    writeFileSync(file, '{"model":42,"costWarningUSD":4}', { mode: 0o600 });
    const r = fx.seen.add(await runCli(['config', 'set', 'model', 'claude-sonnet-4-6'], { home: fx.home }));
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ model: 'claude-sonnet-4-6', costWarningUSD: 4 });
  });

  it('`config set model` refuses escape sequences and spaces; the file is not created', async () => {
    for (const bad of ['\u001b[31mred', 'claude\u0007', 'two words', 'claude\u202e']) {
      const l = await refused(['config', 'set', 'model', bad], /^coach: model cannot be ".*": must be a model name \(printable characters, no spaces\)/);
      expect(l).not.toMatch(RAW_CONTROLS);
    }
    expect(existsSync(join(fx.home, 'settings.json'))).toBe(false);
  });
});

describe('control characters in every output path', () => {
  it('error lines show what the user typed with its controls made visible, never raw', async () => {
    const evil = 't9\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202e';
    const runs = [
      ['tasks', 'done', evil], ['decisions', 'add', '--category', evil, 'x'], ['history', '-n', evil], ['usage', '--since', evil],
      ['tasks', 'list', `--${evil}`], ['templates', 'validate', `/nonexistent/${evil}`], ['--profile', evil, 'plan'],
    ];
    for (const args of runs) {
      const r = fx.seen.add(await runCli(args, { home: fx.home }));
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 2]);
      expect(r.stderr).not.toMatch(RAW_CONTROLS);
      expect(r.stderr).toMatch(/\\u001b/);
    }
  });

  it('--json escapes U+009B, DEL and bidi controls; the value parses back unchanged; text output drops them', async () => {
    const text = 'price \u009b31m and \u202eevil\u202c and \u007f done';
    const r = fx.seen.add(await runCli(['ask', '--offline', text], { home: fx.home }));
    expect(r.code, r.stderr).toBe(0);
    const h = fx.seen.add(await runCli(['history', '--json'], { home: fx.home }));
    expect(h.stdout).not.toMatch(RAW_CONTROLS);
    expect(h.stdout).toContain('\\u009b');
    expect(JSON.parse(h.stdout).find((m: { role: string }) => m.role === 'user').content).toBe(text);
    const plain = fx.seen.add(await runCli(['history'], { home: fx.home }));
    expect(plain.stdout).not.toMatch(RAW_CONTROLS);
    // The export's JSON (stdout and file) goes through the same escaping writer.
    const exported = fx.seen.add(await runCli(['export', '--format', 'json'], { home: fx.home }));
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).not.toMatch(RAW_CONTROLS);
    expect(exported.stdout).toContain('\\u009b');
    expect(exported.stdout).toContain(JSON.stringify(text).replace(/[\u007f-\u009f\u202a-\u202e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
    expect(messages(fx.home).find((m) => m.role === 'user')!.content).toBe(text);
  });
});

describe('a failed ask', () => {
  it('prints exactly one stderr line (529 after retries)', async () => {
    fx.fake.setDefault({ kind: 'http_error', status: 529, retryAfterMs: 1 });
    const r = fx.seen.add(await runCli(['ask', 'hello'], { home: fx.home, env: askEnv() }));
    expect(r.code).toBe(5);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^coach: the API is overloaded \(529\).*\(try again in a moment; nothing was lost\)\n$/);
  });

  for (const status of [400, 402]) {
    it(`HTTP ${status} is not called transient`, async () => {
      fx.fake.enqueue({ kind: 'http_error', status });
      const r = fx.seen.add(await runCli(['ask', 'hello'], { home: fx.home, env: askEnv() }));
      expect(r.code).toBe(5);
      const l = expectOneCleanLine(r.stderr);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(l).toMatch(new RegExp(`\\(${status}\\)`));
      expect(l).not.toMatch(/try again/);
      expect(l).toMatch(status === 402 ? /billing/ : /retrying will not help/);
      expect(l).not.toMatch(/\([^)]*\(/); // no brackets inside brackets
      expect(usage(fx.home).at(-1)).toMatchObject({ status: 'error', counted: 0 });
    });
  }
});

describe('doctor and the -wal/-shm modes', () => {
  it('sees a read-only coach.db-shm (every write would fail) and fixes it with --fix', async () => {
    const shm = join(fx.home, 'coach.db-shm');
    if (!existsSync(shm)) writeFileSync(shm, '');
    chmodSync(shm, 0o400);
    const r = fx.seen.add(await runCli(['doctor', '--json'], { home: fx.home }));
    expect(r.code).toBe(1);
    const dbFile = JSON.parse(r.stdout).checks.find((c: { id: string }) => c.id === 'dbFile');
    expect(dbFile).toMatchObject({ status: 'fail', detail: expect.stringContaining('coach.db-shm is 0400'), hint: expect.stringContaining('coach doctor --fix') });
    // (As root, SQLite itself may rewrite the -shm while doctor reads the database: set it again.)
    if (!existsSync(shm)) writeFileSync(shm, '');
    chmodSync(shm, 0o400);
    const fixed = fx.seen.add(await runCli(['doctor', '--fix', '--json'], { home: fx.home }));
    expect(fixed.stderr).toContain('✓ fixed coach.db-shm: 0400 → 0600');
    expect(JSON.parse(fixed.stdout).checks.find((c: { id: string }) => c.id === 'dbFile').status).toBe('ok');
    expect(statSync(shm).mode & 0o777).toBe(0o600);
    const w = fx.seen.add(await runCli(['tasks', 'done', 't1'], { home: fx.home }));
    expect(w.code, w.stderr).toBe(0);
    expect(query(fx.home, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });
});
