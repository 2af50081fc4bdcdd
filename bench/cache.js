// Benchmark: input tokens billed per Claude request over a long chat, from the fake server's usage
// fields with its prompt-cache simulation on (test/fake-anthropic, `--prompt-cache`): every
// request of `coach ask` is recorded in ai_usage_logs with its plain input, cache writes and
// cache reads, and this prints them per request plus totals. "Billed" is the input-token
// equivalent at Anthropic's cache prices: plain + 1.25 × writes + 0.1 × reads.
//
//   node bench/cache.js                       # 24 turns with the build in this folder
//   node bench/cache.js --turns 40 --bin /other/checkout/bin/coach.js   # e.g. an older build
//
// Two chats: a fresh project asked 24 questions in a row, and one where the first 8 answers came
// from the offline coach (its long replies are in the history the next requests send).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BIN, KEY, ROOT, coachEnv, startNode, table } from './lib.js';
import { projectHome } from './fixtures.js';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const TURNS = Number(opt('--turns', '24'));
const bin = opt('--bin', BIN);

const QUESTIONS = [
  'What should I charge for the founding members?',
  'How many discovery calls do I need before I set the price?',
  'My audience is mostly on Instagram: Skool or Circle?',
  'What do I post on launch day?',
  'I am worried nobody will join. How do I validate this first?',
  'How long should the cart stay open?',
  'What goes in the first week of onboarding?',
  'How do I write the sales page headline?',
];

function ask(home, env, text, offline) {
  const r = spawnSync(process.execPath, [bin, 'ask', ...(offline ? ['--offline'] : []), text], { cwd: ROOT, env: coachEnv(home, env), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`coach ask failed (${r.status}): ${r.stderr}`);
}

function usageRows(home) {
  const Database = require(join(ROOT, 'node_modules', 'better-sqlite3'));
  const db = new Database(join(home, 'coach.db'), { readonly: true });
  try {
    return db.prepare(`SELECT input_tokens AS input, cache_creation_tokens AS write, cache_read_tokens AS read, output_tokens AS output
      FROM ai_usage_logs WHERE kind = 'chat' AND status = 'ok' ORDER BY id`).all();
  } finally {
    db.close();
  }
}

const billed = (r) => r.input + 1.25 * r.write + 0.1 * r.read;

function summary(name, rows) {
  const total = rows.reduce((s, r) => ({ input: s.input + r.input, write: s.write + r.write, read: s.read + r.read, billed: s.billed + billed(r) }), { input: 0, write: 0, read: 0, billed: 0 });
  const sent = rows.reduce((s, r) => s + r.input + r.write + r.read, 0);
  const later = rows.slice(1).map(billed).sort((a, b) => a - b);
  return [name, rows.length, Math.round(sent / rows.length), total.input, total.write, total.read, Math.round(total.billed), Math.round(later[Math.floor(later.length / 2)] ?? 0), Math.round(billed(rows.at(-1)))];
}

export async function run({ turns = TURNS } = {}) {
  const { fillerText } = await import(join(ROOT, 'test', 'fake-anthropic', 'server.js'));
  const server = await startNode([join(ROOT, 'test', 'fake-anthropic', 'cli.js'), '--prompt-cache', '--scenario', JSON.stringify({ kind: 'reply', text: fillerText(180) })], {
    ready: (line) => line.match(/^FAKE_ANTHROPIC_URL=(.*)$/)?.[1],
  });
  const env = { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: server.match, COACH_DAILY_MESSAGE_LIMIT: '100000', COACH_SECOND_READER: 'off' };
  try {
    const fresh = projectHome('cache-fresh', bin);
    for (let i = 0; i < turns; i++) ask(fresh, env, `${QUESTIONS[i % QUESTIONS.length]} (${i + 1})`, false);
    await fetch(`${server.match}/__control/reset`, { method: 'POST' }); // each chat starts with an empty cache
    const mixed = projectHome('cache-offline-first', bin);
    for (let i = 0; i < 8; i++) ask(mixed, env, `${QUESTIONS[i % QUESTIONS.length]} (offline ${i + 1})`, true);
    for (let i = 0; i < turns - 8; i++) ask(mixed, env, `${QUESTIONS[i % QUESTIONS.length]} (${i + 1})`, false);
    const a = usageRows(fresh);
    const b = usageRows(mixed);
    return { turns, fresh: a, mixed: b };
  } finally {
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await run();
  console.log(`input tokens per request over a ${r.turns}-turn chat (fake server, prompt-cache simulation; ${bin})`);
  console.log(table(['chat', 'requests', 'sent/req', 'plain', 'cache write', 'cache read', 'billed total', 'billed median', 'billed last'], [
    summary('fresh project, all Claude', r.fresh),
    summary('8 offline answers first', r.mixed),
  ]));
  console.log('\nper request (fresh project): plain / write / read → billed');
  console.log(r.fresh.map((x, i) => `${String(i + 1).padStart(3)}  ${x.input} / ${x.write} / ${x.read} → ${Math.round(billed(x))}`).join('\n'));
}
