// The floor under `coach usage daily|monthly --json`: a fresh node process that opens the same
// database with better-sqlite3 and runs one plain GROUP BY over the same rows (no CLI, no
// settings, no time-zone bucketing, no JSON shaping). Used as the baseline of benchmark 2.
//
//   node bench/usage-floor.js FILE daily|monthly [--all-profiles]
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3');
const [file, kind = 'daily', scope] = process.argv.slice(2);
const db = new Database(file, { readonly: true });
const bucket = kind === 'monthly' ? "strftime('%Y-%m', created_at / 1000, 'unixepoch')" : 'created_at / 86400000';
const where = scope === '--all-profiles' ? '' : "AND profile_id = (SELECT id FROM creator_profiles WHERE handle = 'default')";
const rows = db.prepare(`
  SELECT ${bucket} AS bucket, count(*) AS requests, sum(input_tokens) AS input, sum(output_tokens) AS output,
    sum(cache_creation_tokens) AS cacheWrite, sum(cache_read_tokens) AS cacheRead, sum(cost_micros) AS cost
  FROM ai_usage_logs WHERE status <> 'pending' ${where} GROUP BY bucket`).all();
process.stdout.write(`${JSON.stringify(rows).length}\n`);
db.close();
