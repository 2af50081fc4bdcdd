// Benchmark 5, the terminal UI in a real pseudo-terminal (node-pty, as a creator would run it):
// time to first paint of `coach chat` with 10k messages of history (baseline: a fresh project, same
// run), renders per second while a 2,000-token reply streams (frames counted by Ink's synchronized-
// output marker), and the process's RSS during that stream.
// Also the keystroke-to-echo latency while the reply streams: a key typed into the input (the
// message queue makes typing ahead normal) until the frame showing it is written.
// Targets (issue 8): first paint <= 400 ms, <= 30 renders/s; (issue 15) echo <= 30 ms median.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BIN, KEY, ROOT, coachEnv, fmt, median, startNode, stats, table } from './lib.js';
import { addHistory, projectHome } from './fixtures.js';

const require = createRequire(import.meta.url);
export const TARGET_FIRST_PAINT_MS = 400;
export const TARGET_RENDERS_PER_S = 30;
export const TARGET_ECHO_MS = 30;
const ECHO_KEYS = 16;
const FRAME = '\u001b[?2026h'; // Ink 6 wraps every frame in a synchronized update
const COLS = 100;
const ROWS = 30;

/** Why the UI cannot be benchmarked here, or null. */
export function unavailable() {
  if (!existsSync(join(ROOT, 'src', 'ui'))) return 'src/ui/ does not exist yet';
  try {
    require('node-pty');
  } catch (err) {
    return `node-pty cannot be loaded (${err.message.split('\n')[0]})`;
  }
  return null;
}

function uiEnv(home, extra = {}) {
  const env = coachEnv(home, { CI: 'false', TERM: 'xterm-256color', ...extra });
  for (const k of ['NO_COLOR', 'CONTINUOUS_INTEGRATION', 'GITHUB_ACTIONS']) delete env[k];
  return env;
}

function rssKiB(pid, field) {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
    return m ? Number(m[1]) : NaN;
  } catch {
    return NaN;
  }
}

/** Spawns `coach chat` in a pty; resolves at the first frame showing the status bar. */
function startUi(home, env) {
  const pty = require('node-pty');
  const t0 = performance.now();
  const p = pty.spawn(process.execPath, [BIN, 'chat'], { name: 'xterm-256color', cols: COLS, rows: ROWS, cwd: ROOT, env });
  const session = { p, raw: '', firstPaintMs: NaN, exited: false };
  p.onExit(() => (session.exited = true));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      p.kill();
      reject(new Error(`coach chat did not paint within 20 s; output: ${JSON.stringify(session.raw.slice(-400))}`));
    }, 20_000);
    p.onData((d) => {
      session.raw += d;
      if (Number.isNaN(session.firstPaintMs) && session.raw.includes('today:')) {
        session.firstPaintMs = performance.now() - t0;
        clearTimeout(timer);
        resolve(session);
      }
    });
  });
}

async function stop(session) {
  if (session.exited) return;
  await new Promise((resolve) => {
    session.p.onExit(resolve);
    session.p.kill('SIGKILL');
    setTimeout(resolve, 2000);
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(probe, what, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** Streams one 2,000-token reply in the UI; counts frames and samples RSS until it is stored complete. */
async function streamOnce(home, url, replyLength) {
  const Database = require(join(ROOT, 'node_modules', 'better-sqlite3'));
  const s = await startUi(home, uiEnv(home, { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: url, COACH_DAILY_MESSAGE_LIMIT: '100000' }));
  try {
    const db = new Database(join(home, 'coach.db'), { readonly: true });
    const lastId = db.prepare('SELECT max(id) AS id FROM project_chat_messages').get().id;
    const done = db.prepare("SELECT status, length(content) AS len FROM project_chat_messages WHERE id > ? AND role = 'assistant' ORDER BY id DESC LIMIT 1");
    s.p.write('Write my sales page');
    await until(() => s.raw.includes('sales page'), 'the typed message on screen', 10_000);
    await sleep(100); // an Enter within ~40 ms of a paste is ignored by design
    const mark = s.raw.length;
    const rss = [];
    const t0 = performance.now();
    s.p.write('\r');
    // Keystroke → echo while the reply streams: a unique prefix, then one digit at a time; each
    // counts from the write to the first output holding the input's new text.
    const echo = [];
    await until(() => s.raw.length - mark > 4000, 'the reply streaming', 20_000);
    let typed = 'zq';
    s.p.write(typed);
    await until(() => s.raw.includes(typed, mark), 'the typed prefix', 5_000);
    for (let i = 0; i < ECHO_KEYS; i++) {
      const key = String(i % 10);
      typed += key;
      const from = s.raw.length;
      const k0 = performance.now();
      s.p.write(key);
      await until(() => s.raw.includes(typed, from), 'the echo of a key', 5_000);
      const streaming = (done.get(lastId)?.status ?? 'streaming') !== 'complete';
      if (streaming) echo.push(performance.now() - k0);
      await sleep(20 + ((i * 7) % 25)); // human-ish gaps, out of phase with the frame clock
    }
    let row;
    while (!(row = done.get(lastId)) || row.status !== 'complete') {
      rss.push(rssKiB(s.p.pid, 'VmRSS'));
      if (performance.now() - t0 > 60_000) throw new Error(`the reply did not complete within 60 s; last output: ${JSON.stringify(s.raw.slice(-600))}`);
      await sleep(25);
    }
    const seconds = (performance.now() - t0) / 1000;
    await sleep(150); // the last flush and the final frame
    const frameEnd = s.raw.length;
    // Baseline in the same run: the same keys once the reply is done (nothing else renders).
    const idle = [];
    for (let i = 0; i < ECHO_KEYS; i++) {
      const key = String((i + 3) % 10);
      typed += key;
      const from = s.raw.length;
      const k0 = performance.now();
      s.p.write(key);
      await until(() => s.raw.includes(typed, from), 'the echo of a key', 5_000);
      idle.push(performance.now() - k0);
      await sleep(20 + ((i * 7) % 25));
    }
    const frames = s.raw.slice(mark, frameEnd).split(FRAME).length - 1;
    const peak = rssKiB(s.p.pid, 'VmHWM');
    db.close();
    if (row.len !== replyLength) throw new Error(`stored reply has ${row.len} chars, expected ${replyLength}`);
    return { seconds, frames, rate: frames / seconds, echo, idle, rssMaxMiB: Math.max(...rss.filter(Number.isFinite)) / 1024, peakMiB: peak / 1024 };
  } finally {
    await stop(s);
  }
}

export async function run({ runs = 7, streams = 3 } = {}) {
  const why = unavailable();
  if (why) return { title: 'terminal UI', lines: [`skipped: ${why}`], verdicts: [], skipped: why };
  const fresh = projectHome('tui-fresh');
  const big = addHistory(projectHome('tui-10k'), 10_000);
  const paints = { fresh: [], big: [] };
  for (let round = -1; round < runs; round++) {
    for (const [name, home] of [['fresh', fresh], ['big', big]]) {
      const s = await startUi(home, uiEnv(home));
      await stop(s);
      if (round >= 0) paints[name].push(s.firstPaintMs);
    }
  }
  const { fillerText } = await import(pathToFileURL(join(ROOT, 'test', 'fake-anthropic', 'server.js')).href);
  const reply = fillerText(2000);
  const server = await startNode([join(ROOT, 'test', 'fake-anthropic', 'cli.js'), '--scenario', JSON.stringify({ kind: 'reply', text: reply, tokenDelayMs: 2 })], {
    ready: (line) => line.match(/^FAKE_ANTHROPIC_URL=(.*)$/)?.[1],
  });
  const streamed = [];
  try {
    for (let i = 0; i < streams; i++) streamed.push(await streamOnce(big, server.match, reply.length));
  } finally {
    await server.stop();
  }
  const f = stats(paints.fresh);
  const b = stats(paints.big);
  const rate = median(streamed.map((x) => x.rate));
  const rss = Math.max(...streamed.map((x) => x.rssMaxMiB));
  const echoes = streamed.flatMap((x) => x.echo);
  const echo = echoes.length ? stats(echoes) : null;
  const idle = stats(streamed.flatMap((x) => x.idle));
  const p95 = echoes.length ? [...echoes].sort((a, b) => a - b)[Math.min(echoes.length - 1, Math.floor(echoes.length * 0.95))] : NaN;
  const peak = Math.max(...streamed.map((x) => x.peakMiB));
  const lines = [
    `pty ${COLS}×${ROWS}, CI=false, colour on; first paint = spawn → the first frame with the status bar; ${runs} runs each, alternating`,
    table(
      ['coach chat', 'min ms', 'median ms', 'max ms', 'ratio'],
      [['fresh project (baseline)', f], ['10k messages of history', b]].map(([n, x]) => [n, fmt.ms(x.min), fmt.ms(x.median), fmt.ms(x.max), fmt.ratio(x.median / f.median)]),
    ),
    '',
    `streaming a 2,000-token reply (1,328 deltas 2 ms apart) with 10k messages of history, ${streams} runs:`,
    table(
      ['run', 'stream s', 'frames', 'renders/s', 'echo median ms', 'RSS max MiB (sampled)', 'peak RSS MiB (VmHWM)'],
      streamed.map((x, i) => [`#${i + 1}`, x.seconds.toFixed(2), x.frames, x.rate.toFixed(1), x.echo.length ? fmt.ms(median(x.echo)) : '-', fmt.mib(x.rssMaxMiB), fmt.mib(x.peakMiB)]),
    ),
    echo ? `keystroke → echo while streaming: ${echoes.length} keys, min ${fmt.ms(echo.min)} / median ${fmt.ms(echo.median)} / p95 ${fmt.ms(p95)} / max ${fmt.ms(echo.max)} ms; idle (after the reply, same keys): median ${fmt.ms(idle.median)} ms (${fmt.ratio(echo.median / idle.median)})` : 'keystroke → echo: no key was echoed while the reply streamed',
  ];
  const verdicts = [
    { pass: b.median <= TARGET_FIRST_PAINT_MS, text: `first paint with 10k messages: ${fmt.ms(b.median)} ms (target <= ${TARGET_FIRST_PAINT_MS} ms; a fresh project: ${fmt.ms(f.median)} ms)` },
    { pass: !!echo && echo.median <= TARGET_ECHO_MS, text: `keystroke → echo while streaming: ${echo ? `${fmt.ms(echo.median)} ms median, p95 ${fmt.ms(p95)} ms; idle ${fmt.ms(idle.median)} ms` : 'not measured'} (target <= ${TARGET_ECHO_MS} ms median)` },
    { pass: rate <= TARGET_RENDERS_PER_S, text: `renders while streaming: ${rate.toFixed(1)}/s (target <= ${TARGET_RENDERS_PER_S}/s); RSS during the stream <= ${fmt.mib(rss)} MiB, peak ${fmt.mib(peak)} MiB` },
  ];
  return { title: 'terminal UI', lines, verdicts, figures: { paints, streamed, echo: echoes } };
}
