// Benchmark 4, the chat path: `coach ask` against the standalone fake Anthropic server streaming a
// fixed 500-token reply, against a plain SDK client streaming the same reply (bench/sdk-client.js)
// in the same run: the difference of the medians is the coach's overhead (target <= 150 ms).
// Also the time to build the request context (system prompt + last messages) with 10k messages of
// history, in process and end to end.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BIN, KEY, ROOT, coachEnv, fmt, median, runNode, startNode, stats, table } from './lib.js';
import { addHistory, projectHome } from './fixtures.js';

export const TARGET_OVERHEAD_MS = 150;
const TOKEN_DELAY_MS = 2;

const dist = (p) => import(pathToFileURL(join(ROOT, 'dist', p)).href);

/** Context building in process: what runExchange does before the request, timed over many runs. */
async function contextTimes(home, iterations) {
  const { createContext, requireProfile, requireProject } = await dist('app/context.js');
  const { chatRequestFor, historyToRead } = await dist('app/exchange.js');
  const { exchangeSessionOf } = await dist('app/session.js');
  const ctx = createContext({ env: { COACH_HOME: home, TZ: 'UTC' } });
  try {
    const times = [];
    let size = 0;
    for (let i = -5; i < iterations; i++) {
      const t0 = performance.now();
      const profile = requireProfile(ctx);
      const project = requireProject(ctx, profile);
      const session = exchangeSessionOf(ctx, profile, project, historyToRead(ctx.settings.get('contextMessages')));
      const { system, messages } = chatRequestFor(ctx, session);
      const ms = performance.now() - t0;
      size = system.stable.length + system.volatile.length + JSON.stringify(messages).length;
      if (i >= 0) times.push(ms);
    }
    const count = ctx.store().sqlite.prepare('SELECT count(*) AS n FROM project_chat_messages').get().n;
    return { ...stats(times), size, count };
  } finally {
    ctx.close();
  }
}

export async function run({ runs = 10 } = {}) {
  const { fillerText, splitIntoChunks } = await import(pathToFileURL(join(ROOT, 'test', 'fake-anthropic', 'server.js')).href);
  const reply = fillerText(500);
  const chunks = splitIntoChunks(reply).length;
  const server = await startNode([join(ROOT, 'test', 'fake-anthropic', 'cli.js'), '--scenario', JSON.stringify({ kind: 'reply', text: reply, tokenDelayMs: TOKEN_DELAY_MS })], {
    ready: (line) => line.match(/^FAKE_ANTHROPIC_URL=(.*)$/)?.[1],
  });
  const url = server.match;
  try {
    const fresh = projectHome('chat-fresh');
    const big = addHistory(projectHome('chat-10k'), 10_000);
    const api = { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: url, COACH_DAILY_MESSAGE_LIMIT: '100000' };
    const cases = [
      { name: 'plain SDK client, same reply (baseline)', args: [join(ROOT, 'bench', 'sdk-client.js')], env: { ...process.env, ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: url } },
      { name: 'coach ask (fresh project)', args: [BIN, 'ask', 'Plan my launch week'], env: coachEnv(fresh, api) },
      { name: 'coach ask (10k messages of history)', args: [BIN, 'ask', 'Plan my launch week'], env: coachEnv(big, api) },
      { name: 'coach ask --offline (fresh project)', args: [BIN, 'ask', '--offline', 'what next?'], env: coachEnv(fresh) },
      { name: 'coach ask --offline (10k messages)', args: [BIN, 'ask', '--offline', 'what next?'], env: coachEnv(big) },
    ];
    const samples = cases.map(() => ({ wall: [], rss: [], cpu: [], stream: [] }));
    for (let round = -2; round < runs; round++) {
      cases.forEach((c, i) => {
        const r = runNode(c.args, c);
        if (round < 0) return;
        samples[i].wall.push(r.wallMs);
        samples[i].rss.push(r.rssKiB / 1024);
        samples[i].cpu.push(r.cpuMs);
        const m = String(r.stderr).match(/stream_ms=([\d.]+)/);
        if (m) samples[i].stream.push(Number(m[1]));
      });
    }
    const rows = cases.map((c, i) => ({ name: c.name, wall: stats(samples[i].wall), rss: stats(samples[i].rss), cpu: stats(samples[i].cpu) }));
    const base = rows[0].wall.median;
    const streamMs = median(samples[0].stream);
    const ctxFresh = await contextTimes(fresh, 200);
    const ctxBig = await contextTimes(big, 200);
    const lines = [
      `fake server: ${chunks} text deltas (500 tokens) ${TOKEN_DELAY_MS} ms apart = ${chunks * TOKEN_DELAY_MS} ms nominal; the SDK client's own stream (request → last event) took ${fmt.ms(streamMs)} ms (median); ${runs} runs each, round-robin`,
      table(
        ['command', 'min ms', 'median ms', 'max ms', 'overhead ms', 'ratio', 'CPU ms', 'CPU overhead', 'RSS MiB'],
        rows.map((r, i) => [r.name, fmt.ms(r.wall.min), fmt.ms(r.wall.median), fmt.ms(r.wall.max), i === 0 || i > 2 ? '' : `+${fmt.ms(r.wall.median - base)}`, fmt.ratio(r.wall.median / base),
          fmt.ms(r.cpu.median), i === 0 || i > 2 ? '' : `+${fmt.ms(r.cpu.median - rows[0].cpu.median)}`, fmt.mib(r.rss.median)]),
      ),
      '',
      'context building in process (profile, project, system prompt, last `contextMessages` messages), 200 runs:',
      table(
        ['history', 'messages in store', 'min ms', 'median ms', 'max ms', 'ratio', 'request chars'],
        [['fresh project (baseline)', ctxFresh], ['10k messages', ctxBig]].map(([n, c]) => [n, c.count, fmt.num(c.min, 2), fmt.num(c.median, 2), fmt.num(c.max, 2), fmt.ratio(c.median / ctxFresh.median), c.size]),
      ),
    ];
    const overhead = rows[1].wall.median - base;
    const overheadBig = rows[2].wall.median - base;
    const verdicts = [
      { pass: overhead <= TARGET_OVERHEAD_MS, text: `coach ask overhead beyond the plain SDK client: ${fmt.ms(overhead)} ms (target <= ${TARGET_OVERHEAD_MS} ms)` },
      { pass: overheadBig <= TARGET_OVERHEAD_MS, text: `… with 10k messages of history: ${fmt.ms(overheadBig)} ms; context building ${fmt.num(ctxBig.median, 2)} ms in process (${fmt.ratio(ctxBig.median / ctxFresh.median)} a fresh project)` },
    ];
    return { title: 'chat path', lines, verdicts, figures: { rows, streamMs, ctxFresh, ctxBig } };
  } finally {
    await server.stop();
  }
}
