// Shared plumbing of the benchmarks: timing child processes (wall time and peak RSS), statistics,
// and the tables the runner prints. Plain node ESM, no dependencies.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const BIN = join(ROOT, 'bin', 'coach.js');
export const DATA = join(ROOT, 'bench', '.data');
export const KEY = 'sk-ant-bench-0000000000000000-abcd';

const TIME = '/usr/bin/time';
/** Peak RSS comes from GNU time's %M when present, else from a preload hook in the child itself. */
export const rssSource = existsSync(TIME) && spawnSync(TIME, ['-f', '%M', 'true']).status === 0 ? 'time' : 'hook';
const HOOK = join(ROOT, 'bench', 'rss-hook.js');

export function dataDir(name) {
  mkdirSync(DATA, { recursive: true });
  return join(DATA, name);
}

export function freshDir(name) {
  const dir = dataDir(name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** The CLI's environment: a given data home, no colour, UTC, no key unless asked for. */
export function coachEnv(home, extra = {}) {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^(ANTHROPIC_|CLAUDE_|COACH_|MONETIZATION_)/.test(k)) delete env[k];
  return { ...env, COACH_HOME: home, NO_COLOR: '1', TZ: 'UTC', CI: 'true', ...extra };
}

/**
 * Runs `node ...args` once; returns wall ms (spawn to exit, measured here), peak RSS in KiB and
 * CPU time (user + system, ms: less sensitive than wall time to other load on the machine).
 * With GNU time the child runs under it (a fork+exec more for every command and the baseline alike).
 */
export function runNode(args, { env = process.env, input, cwd = ROOT } = {}) {
  const tmp = mkdtempSync(join(DATA, 'rss-'));
  const rssFile = join(tmp, 'rss');
  const [cmd, argv] = rssSource === 'time'
    ? [TIME, ['-f', '%M %U %S', '-o', rssFile, process.execPath, ...args]]
    : [process.execPath, ['--import', HOOK, ...args]];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { env: { ...env, BENCH_RSS_FILE: rssFile }, input, cwd, maxBuffer: 256 * 1024 * 1024 });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  let rssKiB = NaN;
  let cpuMs = NaN;
  try {
    const [rss, user, sys] = readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    rssKiB = rss;
    cpuMs = (user + sys) * 1000;
  } catch {
    // no figure: shown as n/a
  }
  rmSync(tmp, { recursive: true, force: true });
  if (r.status !== 0) {
    throw new Error(`node ${args.join(' ')} exited ${r.status}: ${String(r.stderr).trim().split('\n').slice(-3).join(' | ')}`);
  }
  return { wallMs, rssKiB, cpuMs, stdout: r.stdout, stderr: r.stderr };
}

/** Starts a long-lived node process; resolves once `ready(line)` matches a stdout line. */
export function startNode(args, { env = process.env, ready = () => true, timeoutMs = 10_000 } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let buf = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${args.join(' ')}: not ready after ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', reject);
    child.stdout.setEncoding('utf8').on('data', (d) => {
      buf += d;
      for (const line of buf.split('\n').slice(0, -1)) {
        const m = ready(line);
        if (m) {
          clearTimeout(timer);
          child.stdout.removeAllListeners('data');
          child.stdout.resume();
          resolvePromise({ child, match: m, stop: () => new Promise((r) => (child.exitCode !== null ? r() : (child.once('exit', r), child.kill('SIGTERM')))) });
          return;
        }
      }
    });
  });
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (!n) return NaN;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

export function stats(xs) {
  const ok = xs.filter((x) => Number.isFinite(x));
  return { min: Math.min(...ok), median: median(ok), max: Math.max(...ok), n: ok.length };
}

/**
 * Runs each case `runs` times, round-robin (so drift in machine load hits every case alike),
 * after `warmup` unrecorded rounds. cases: [{ name, args, env?, input? }].
 */
export function measureRounds(cases, { runs = 10, warmup = 2 } = {}) {
  const samples = new Map(cases.map((c) => [c.name, { wall: [], rss: [], cpu: [] }]));
  for (let round = -warmup; round < runs; round++) {
    for (const c of cases) {
      const r = runNode(c.args, c);
      if (round < 0) continue;
      samples.get(c.name).wall.push(r.wallMs);
      samples.get(c.name).rss.push(r.rssKiB / 1024);
      samples.get(c.name).cpu.push(r.cpuMs);
    }
  }
  return cases.map((c) => {
    const s = samples.get(c.name);
    return { name: c.name, wall: stats(s.wall), rss: stats(s.rss), cpu: stats(s.cpu) };
  });
}

export const fmt = {
  ms: (x) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) : 'n/a'),
  mib: (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a'),
  ratio: (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : 'n/a'),
  num: (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a'),
};

/** A plain text table: first column left-aligned, the others right-aligned. */
export function table(head, rows) {
  const cells = [head, ...rows].map((r) => r.map(String));
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function heading(title) {
  return `\n== ${title} ${'='.repeat(Math.max(0, 74 - title.length))}`;
}

/** A verdict line: PASS/FAIL with what was measured against what was wanted. */
export function verdict(pass, text) {
  return `${pass ? 'PASS' : 'FAIL'}  ${text}`;
}
