// Seeds usage rows straight into a test home's database and computes what the reports should say,
// independently of the program's SQL (plain loops over the same rows).
import { join } from 'node:path';
import { costMicros } from '../../src/usage/prices.js';
import { openStore } from '../../src/store/db.js';

export type Status = 'ok' | 'interrupted' | 'error' | 'refused' | 'pending';

export interface SeedRow {
  profile: string;
  at: string | number;
  model: string;
  status: Status;
  kind?: 'chat' | 'welcome';
  input?: number;
  output?: number;
  cacheWrite?: number;
  cacheRead?: number;
  counted?: boolean;
}

export interface StoredRow extends Required<Omit<SeedRow, 'at'>> {
  at: number;
  cost: number | null;
}

export function seedUsage(home: string, profiles: string[], rows: SeedRow[]): StoredRow[] {
  const store = openStore({ file: join(home, 'coach.db') });
  const db = store.sqlite;
  const ids = new Map<string, number>();
  const now = Date.now();
  for (const handle of profiles) {
    const existing = db.prepare('SELECT id FROM creator_profiles WHERE handle = ?').get(handle) as { id: number } | undefined;
    const id = existing?.id ?? Number(db.prepare("INSERT INTO creator_profiles (handle, display_name, platforms, total_audience, created_at, updated_at) VALUES (?, ?, '[]', 0, ?, ?)").run(handle, handle, now, now).lastInsertRowid);
    ids.set(handle, id);
  }
  const insert = db.prepare(`INSERT INTO ai_usage_logs (request_key, profile_id, kind, model, input_tokens, output_tokens,
    cache_creation_tokens, cache_read_tokens, cost_micros, status, counted, pid, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`);
  const stored: StoredRow[] = [];
  let n = Number((db.prepare('SELECT count(*) AS n FROM ai_usage_logs').get() as { n: number }).n);
  db.transaction(() => {
    for (const r of rows) {
      const sent = r.status !== 'refused' && r.status !== 'pending';
      const usage = {
        inputTokens: sent ? (r.input ?? 0) : 0,
        outputTokens: sent ? (r.output ?? 0) : 0,
        cacheCreationTokens: sent ? (r.cacheWrite ?? 0) : 0,
        cacheReadTokens: sent ? (r.cacheRead ?? 0) : 0,
      };
      const cost = sent ? costMicros(r.model, usage) : null;
      const at = typeof r.at === 'number' ? r.at : Date.parse(r.at);
      const row: StoredRow = {
        profile: r.profile, at, model: r.model, status: r.status, kind: r.kind ?? 'chat',
        input: usage.inputTokens, output: usage.outputTokens, cacheWrite: usage.cacheCreationTokens, cacheRead: usage.cacheReadTokens,
        counted: r.counted ?? r.status !== 'refused', cost,
      };
      insert.run(`seed-${n++}`, ids.get(r.profile)!, row.kind, row.model, row.input, row.output, row.cacheWrite, row.cacheRead, cost, row.status, row.counted ? 1 : 0,
        // A pending row belongs to a live process (this test runner), so the CLI's recovery leaves it in flight.
        row.status === 'pending' ? process.pid : null, at);
      stored.push(row);
    }
  })();
  store.close();
  return stored;
}

export interface Expected {
  requests: number;
  inputTokens: number;
  outputTokens: number;
  cacheCreationTokens: number;
  cacheReadTokens: number;
  totalTokens: number;
  costUSD: number | null;
  errors: number;
  interrupted: number;
  refused: number;
  unpricedRequests: number;
}

/** What a report row must say for these rows, computed with plain loops. */
export function expectedOf(rows: StoredRow[]): Expected & { modelsUsed: string[] } {
  let micros = 0;
  const e = { requests: 0, inputTokens: 0, outputTokens: 0, cacheCreationTokens: 0, cacheReadTokens: 0, totalTokens: 0, errors: 0, interrupted: 0, refused: 0, unpricedRequests: 0 };
  const models = new Set<string>();
  for (const r of rows) {
    if (r.status === 'pending') continue;
    if (r.status === 'refused') {
      e.refused++;
      continue;
    }
    e.requests++;
    models.add(r.model);
    e.inputTokens += r.input;
    e.outputTokens += r.output;
    e.cacheCreationTokens += r.cacheWrite;
    e.cacheReadTokens += r.cacheRead;
    if (r.status === 'error') e.errors++;
    if (r.status === 'interrupted') e.interrupted++;
    const tokens = r.input + r.output + r.cacheWrite + r.cacheRead;
    if (r.cost === null && tokens > 0) e.unpricedRequests++;
    else micros += r.cost ?? 0;
  }
  e.totalTokens = e.inputTokens + e.outputTokens + e.cacheCreationTokens + e.cacheReadTokens;
  return { ...e, costUSD: e.unpricedRequests > 0 ? null : micros / 1_000_000, modelsUsed: [...models].sort() };
}

/** Rows grouped by a key, skipping groups with nothing but pending rows. */
export function groupBy(rows: StoredRow[], key: (r: StoredRow) => string): Map<string, StoredRow[]> {
  const out = new Map<string, StoredRow[]>();
  for (const r of rows) {
    if (r.status === 'pending') continue;
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Local calendar day of an instant, via Intl (independent of src/util/dates.ts). */
const formats = new Map<string, Intl.DateTimeFormat>();
export function dayIn(ms: number, timeZone: string): string {
  let f = formats.get(timeZone);
  if (!f) formats.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return f.format(new Date(ms));
}
