// Generates a usage log at scale for the report benchmarks: N `ai_usage_logs` rows spread over the
// last ~365 days, in a database created (and migrated) by the real store.
//
//   node bench/seed-usage.js --rows 1000000 --home bench/.data/usage-1m
//
// Realistic shape: 3 profiles (the default one has ~70% of the rows), more requests on weekdays
// and in the afternoon, slow growth over the year, several models (one unpriced), statuses mostly
// `ok` with some errors, interruptions and refusals, `welcome` requests now and then. One
// transaction and one prepared statement: 1M rows take a few seconds.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './lib.js';

const DAY = 86_400_000;

/** Deterministic PRNG (mulberry32), so every run seeds the same rows. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(r, weighted) {
  let x = r() * weighted.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of weighted) if ((x -= w) < 0) return v;
  return weighted[weighted.length - 1][0];
}

const MODELS = [['claude-sonnet-4-6', 70], ['claude-haiku-4-5', 15], ['claude-opus-4-6', 10], ['claude-sonnet-4-5-20250929', 4], ['my-gateway-model', 1]];
const STATUSES = [['ok', 90], ['error', 3], ['interrupted', 3], ['refused', 4]];
const PROFILES = [['default', 70], ['side-project', 20], ['client-jo', 10]];

/** Seeds `rows` rows into `home`/coach.db (created fresh); returns { file, rows, ms }. */
export async function seedUsage({ rows, home, days = 365, now = Date.now(), seed = 42 }) {
  const { openStore } = await import(pathToFileURL(join(ROOT, 'dist', 'store', 'db.js')).href);
  const { costMicros } = await import(pathToFileURL(join(ROOT, 'dist', 'usage', 'prices.js')).href);
  rmSync(home, { recursive: true, force: true });
  mkdirSync(home, { recursive: true, mode: 0o700 });
  const store = openStore({ file: join(home, 'coach.db') });
  const db = store.sqlite;
  // Generated data: no fsync, and a page cache big enough for the indexes of a 1M-row transaction.
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const t0 = performance.now();
  const r = rng(seed);

  const profileIds = new Map();
  const addProfile = db.prepare("INSERT INTO creator_profiles (handle, display_name, platforms, total_audience, created_at, updated_at) VALUES (?, ?, '[]', 0, ?, ?)");
  for (const [handle] of PROFILES) profileIds.set(handle, Number(addProfile.run(handle, handle, now - days * DAY, now - days * DAY).lastInsertRowid));

  // Rows per day: weekdays busier, growing over the year; then each row gets an hour of the day.
  const start = now - days * DAY;
  const weights = Array.from({ length: days }, (_, d) => {
    const dow = new Date(start + d * DAY).getUTCDay();
    return (dow === 0 || dow === 6 ? 0.6 : 1) * (0.5 + d / days);
  });
  const total = weights.reduce((s, w) => s + w, 0);
  const insert = db.prepare(`INSERT INTO ai_usage_logs (request_key, profile_id, project_id, message_id, kind, model, input_tokens, output_tokens,
    cache_creation_tokens, cache_read_tokens, cost_micros, status, counted, latency_ms, error, pid, created_at) VALUES (?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)`);
  let n = 0;
  db.transaction(() => {
    for (let d = 0; d < days && n < rows; d++) {
      const count = d === days - 1 ? rows - n : Math.min(rows - n, Math.round((rows * weights[d]) / total));
      const dayStart = start - (start % DAY) + d * DAY;
      for (let i = 0; i < count; i++, n++) {
        // afternoon-heavy: two uniforms averaged, centred on 15:00
        const hour = Math.min(23.99, Math.max(0, 15 + (r() + r() - 1) * 12));
        const at = Math.floor(dayStart + hour * 3_600_000 + r() * 60_000);
        const profile = profileIds.get(pick(r, PROFILES));
        const model = pick(r, MODELS);
        const status = pick(r, STATUSES);
        const kind = r() < 0.02 ? 'welcome' : 'chat';
        const sent = status !== 'refused';
        const input = sent ? 400 + Math.floor(r() * 3000) : 0;
        const cacheRead = sent && r() < 0.8 ? 2000 + Math.floor(r() * 1500) : 0;
        const cacheWrite = sent && cacheRead === 0 ? 2000 + Math.floor(r() * 1500) : 0;
        const output = status === 'ok' ? 50 + Math.floor(r() * 900) : status === 'interrupted' ? Math.floor(r() * 300) : 0;
        const usage = { inputTokens: input, outputTokens: output, cacheCreationTokens: cacheWrite, cacheReadTokens: cacheRead };
        const cost = sent ? costMicros(model, usage) : null;
        const error = status === 'error' ? 'the API is overloaded (529)' : status === 'interrupted' ? 'the connection to the API dropped mid-reply' : null;
        insert.run(`seed-${String(n).padStart(9, '0')}`, profile, kind, model, input, output, cacheWrite, cacheRead, cost, status, kind === 'chat' && sent ? 1 : 0,
          sent ? 800 + Math.floor(r() * 9000) : null, error, at);
      }
    }
  })();
  // No ANALYZE: a creator's database never has statistics unless the program gathers them.
  db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  return { file: join(home, 'coach.db'), rows: n, ms: performance.now() - t0 };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const get = (flag, dflt) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const rows = Number(get('--rows', '100000'));
  const home = resolve(get('--home', join(ROOT, 'bench', '.data', `usage-${rows}`)));
  if (!existsSync(join(ROOT, 'dist', 'store', 'db.js'))) {
    console.error('bench/seed-usage.js: build first (npm run build)');
    process.exit(1);
  }
  const r = await seedUsage({ rows, home });
  console.log(`seeded ${r.rows.toLocaleString('en-US')} rows into ${r.file} in ${(r.ms / 1000).toFixed(1)} s`);
}
