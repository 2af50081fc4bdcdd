// Benchmark 2, usage reports at scale: `coach usage daily|monthly --json` over 100k and 1M
// `ai_usage_logs` rows (seeded by bench/seed-usage.js into a store created by the real openStore),
// against the floor of one plain GROUP BY in a fresh process (bench/usage-floor.js).
// Targets (issue 8): 100k <= 0.3 s; 1M <= 1.5 s and <= 150 MiB.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BIN, ROOT, coachEnv, dataDir, fmt, measureRounds, table } from './lib.js';
import { seedUsage } from './seed-usage.js';

const require = createRequire(import.meta.url);
const SEED_VERSION = 2;
export const TARGETS = { 100_000: { seconds: 0.3, mib: Infinity }, 1_000_000: { seconds: 1.5, mib: 150 } };

/** Seeds once per (rows, schema, seed script): the 1M database takes a while to build. */
async function seeded(rows, log) {
  const home = dataDir(`usage-${rows}`);
  const journal = readFileSync(join(ROOT, 'migrations', 'meta', '_journal.json'));
  const stamp = JSON.stringify({ rows, seed: SEED_VERSION, schema: createHash('sha256').update(journal).digest('hex').slice(0, 16) });
  const metaFile = join(home, 'seed.json');
  if (existsSync(metaFile) && readFileSync(metaFile, 'utf8') === stamp && existsSync(join(home, 'coach.db'))) return { home, seededMs: null };
  log(`seeding ${rows.toLocaleString('en-US')} rows…`);
  const r = await seedUsage({ rows, home });
  writeFileSync(metaFile, stamp);
  return { home, seededMs: r.ms };
}

/** The per-day query of src/store/usage.ts, for EXPLAIN QUERY PLAN when a target is missed. */
const BUCKET_SQL = `SELECT NULL AS model, count(*) AS requests, sum(u.input_tokens), sum(u.cost_micros)
  FROM ai_usage_logs u WHERE u.created_at >= ? AND u.created_at < ? AND u.profile_id = ? AND u.status <> 'pending'`;

function explain(file) {
  const Database = require(join(ROOT, 'node_modules', 'better-sqlite3'));
  const db = new Database(file, { readonly: true });
  try {
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${BUCKET_SQL}`).all(0, 1, 1).map((r) => r.detail);
    const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ai_usage_logs' AND sql IS NOT NULL").all();
    return { plan, indexes };
  } finally {
    db.close();
  }
}

export async function run({ sizes = [100_000, 1_000_000], runs = { 100_000: 10, 1_000_000: 7 }, log = console.log } = {}) {
  const lines = [];
  const verdicts = [];
  const figures = {};
  for (const rows of sizes) {
    const { home, seededMs } = await seeded(rows, log);
    const file = join(home, 'coach.db');
    const env = coachEnv(home);
    const cases = [
      { name: 'floor: one GROUP BY per day (baseline)', args: [join(ROOT, 'bench', 'usage-floor.js'), file, 'daily'], env },
      { name: 'coach usage daily --json', args: [BIN, 'usage', 'daily', '--json'], env },
      { name: 'coach usage monthly --json', args: [BIN, 'usage', 'monthly', '--json'], env },
      { name: 'coach usage daily --json --all-profiles', args: [BIN, 'usage', 'daily', '--json', '--all-profiles'], env },
      { name: 'coach usage monthly --breakdown --json', args: [BIN, 'usage', 'monthly', '--breakdown', '--json'], env },
    ];
    const n = runs[rows] ?? 7;
    const measured = measureRounds(cases, { runs: n, warmup: 1 });
    figures[rows] = measured;
    const base = measured[0];
    lines.push(
      `${rows.toLocaleString('en-US')} rows (${(readFileSync(file).length / 2 ** 20).toFixed(0)} MiB database, default profile ~70%; ${n} runs each${seededMs ? `; seeded in ${(seededMs / 1000).toFixed(1)} s` : ''})`,
      table(
        ['command', 'min s', 'median s', 'max s', 'ratio', 'CPU s', 'RSS MiB (median)', 'RSS max'],
        measured.map((r) => [r.name, (r.wall.min / 1000).toFixed(3), (r.wall.median / 1000).toFixed(3), (r.wall.max / 1000).toFixed(3), fmt.ratio(r.wall.median / base.wall.median),
          (r.cpu.median / 1000).toFixed(2), fmt.mib(r.rss.median), fmt.mib(r.rss.max)]),
      ),
      '',
    );
    const target = TARGETS[rows];
    let missed = false;
    for (const r of measured.slice(1, 3)) {
      const s = r.wall.median / 1000;
      const pass = s <= target.seconds && r.rss.max <= target.mib;
      missed ||= !pass;
      verdicts.push({ pass, text: `${r.name} at ${rows.toLocaleString('en-US')} rows: ${s.toFixed(3)} s (target <= ${target.seconds} s)${Number.isFinite(target.mib) ? `, ${fmt.mib(r.rss.max)} MiB peak (target <= ${target.mib})` : ''}` });
    }
    if (missed) {
      const { plan, indexes } = explain(file);
      lines.push('a target was missed: the per-day query of src/store/usage.ts and its plan', `  EXPLAIN QUERY PLAN: ${plan.join(' | ')}`, ...indexes.map((i) => `  index ${i.name}`), '');
    }
  }
  return { title: 'usage reports at scale', lines, verdicts, figures };
}
