// Issue 18, reliability: races between processes on one data dir. The first run and a migration
// are serialised (one process creates or migrates, the others wait and find it done), a toggle is
// read and written in one IMMEDIATE transaction (no lost update), and a lock held past the wait
// gives one classified line and exit 6 for every write path, with nothing half-written.
import { mkdirSync, readdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, openStore, readMigrations } from '../../src/store/db.js';
import { runCli, tempHome } from '../helpers/cli.js';
import { query } from '../helpers/db.js';
import { KEY, expectOneCleanLine, useProjectWithFakeApi } from './helpers.js';

const fx = useProjectWithFakeApi('coach-rel-race-');

const BUSY = /SQLITE_BUSY|database is locked/i;
const integrity = (home: string) => query(home, 'PRAGMA integrity_check');
const all = <T>(n: number, f: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => f(i)));

/** A database at schema version 1 (only the first migration), as an older creator-coach left it. */
function olderStore(dir: string): string {
  const migrations = join(dir, 'old-migrations');
  mkdirSync(join(migrations, 'meta'), { recursive: true });
  cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
  const journal = JSON.parse(readFileSync(join(migrations, 'meta', '_journal.json'), 'utf8'));
  journal.entries = journal.entries.slice(0, 1);
  writeFileSync(join(migrations, 'meta', '_journal.json'), JSON.stringify(journal));
  const home = join(dir, 'home');
  const store = openStore({ file: join(home, 'coach.db'), migrationsDir: migrations });
  store.sqlite.prepare("INSERT INTO creator_profiles (handle, display_name, platforms, created_at, updated_at) VALUES ('default', 'Old Jane', '[]', 1, 1)").run();
  store.close();
  return home;
}

describe('first run and migrations', () => {
  it('20 processes on an empty data dir: all succeed, one profile, schema complete', async () => {
    const { home, cleanup } = tempHome('coach-rel-first-');
    try {
      const results = await all(20, (i) => runCli(['profile', 'set', '--name', `Writer ${i}`, '--niche', 'baking'], { home, timeoutMs: 60_000 }));
      for (const r of results) {
        fx.seen.add(r);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).not.toMatch(BUSY);
      }
      expect(results.filter((r) => /Created profile/.test(r.stdout + r.stderr))).toHaveLength(1);
      expect(integrity(home)).toEqual([{ integrity_check: 'ok' }]);
      expect(query(home, 'PRAGMA user_version')).toEqual([{ user_version: readMigrations().length }]);
      expect(query(home, 'SELECT count(*) AS n FROM __drizzle_migrations')).toEqual([{ n: readMigrations().length }]);
      expect(query(home, 'SELECT count(*) AS n FROM creator_profiles')).toEqual([{ n: 1 }]);
      expect(readdirSync(home).filter((f) => f.includes('backup'))).toEqual([]);
    } finally {
      cleanup();
    }
  }, 120_000);

  it('10 concurrent first opens of an older schema: one migration, one backup, data kept', async () => {
    const { home: dir, cleanup } = tempHome('coach-rel-migr-');
    try {
      const home = olderStore(dir);
      const results = await all(10, () => runCli(['profile', 'show', '--json'], { home, timeoutMs: 60_000 }));
      for (const r of results) {
        fx.seen.add(r);
        expect(r.code, r.stderr).toBe(0);
        expect(JSON.parse(r.stdout)).toMatchObject({ displayName: 'Old Jane' });
      }
      const backups = readdirSync(home).filter((f) => f.startsWith('coach.db.backup-v1-'));
      expect(backups).toHaveLength(1);
      const backup = new Database(join(home, backups[0]!), { readonly: true });
      expect(backup.pragma('user_version', { simple: true })).toBe(1);
      expect(backup.prepare('SELECT display_name FROM creator_profiles').pluck().all()).toEqual(['Old Jane']);
      backup.close();
      expect(integrity(home)).toEqual([{ integrity_check: 'ok' }]);
      expect(query(home, 'PRAGMA user_version')).toEqual([{ user_version: readMigrations().length }]);
      expect(query(home, 'SELECT count(*) AS n FROM __drizzle_migrations')).toEqual([{ n: readMigrations().length }]);
    } finally {
      cleanup();
    }
  }, 120_000);
});

describe('read-then-write', () => {
  it('20 concurrent `tasks toggle t2`: no lost update (an even number of flips leaves it open)', async () => {
    const results = await all(20, () => runCli(['tasks', 'toggle', 't2', '--json'], { home: fx.home, timeoutMs: 60_000 }));
    for (const r of results) {
      fx.seen.add(r);
      expect(r.code, r.stderr).toBe(0);
    }
    // Each toggle saw the state the previous one left: 10 turned it on, 10 turned it off.
    const states = results.map((r) => JSON.stringify(JSON.parse(r.stdout)).includes('"done":true'));
    expect(states.filter(Boolean)).toHaveLength(10);
    expect(query(fx.home, "SELECT done FROM project_task_completions WHERE task_id = 't2'")).toEqual([{ done: 0 }]);
    expect(integrity(fx.home)).toEqual([{ integrity_check: 'ok' }]);
  }, 120_000);

  it('20 concurrent `profile set` on an existing store: all succeed, none busy', async () => {
    const results = await all(20, (i) => runCli(['profile', 'set', '--hours', String(i + 1)], { home: fx.home, timeoutMs: 60_000 }));
    for (const r of results) {
      fx.seen.add(r);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(BUSY);
    }
    expect(query(fx.home, 'SELECT count(*) AS n FROM creator_profiles')).toEqual([{ n: 1 }]);
  }, 120_000);
});

describe('a lock held past the wait', () => {
  it('every write path waits, then fails with one classified line and exit 6, changing nothing', async () => {
    const holder = new Database(join(fx.home, 'coach.db'));
    holder.exec('BEGIN IMMEDIATE');
    const before = {
      tasks: query(fx.home, 'SELECT count(*) AS n FROM project_task_completions'),
      decisions: query(fx.home, 'SELECT count(*) AS n FROM project_decisions'),
      messages: query(fx.home, 'SELECT count(*) AS n FROM project_chat_messages'),
    };
    const writes = [
      ['profile', 'set', '--hours', '9'],
      ['tasks', 'toggle', 't2'],
      ['tasks', 'done', 't3'],
      ['tasks', 'note', 't4', 'a note'],
      ['decisions', 'add', '--category', 'platform', 'Skool'],
      ['ask', '--offline', 'what next?'],
      ['project', 'pause'],
    ];
    const started = Date.now();
    const results = await Promise.all(writes.map((args) => runCli(args, { home: fx.home, timeoutMs: 60_000 })));
    const elapsed = Date.now() - started;
    holder.exec('ROLLBACK');
    holder.close();
    results.forEach((r, i) => {
      fx.seen.add(r);
      expect([writes[i]!.join(' '), r.code]).toEqual([writes[i]!.join(' '), 6]);
      expect(expectOneCleanLine(r.stderr)).toMatch(/^coach: the database is busy: another process kept it locked for more than 5 s, so this change was not made \(let the other coach finish, or close it, then try again\)$/);
    });
    expect(elapsed).toBeGreaterThanOrEqual(5000);
    expect(query(fx.home, 'SELECT count(*) AS n FROM project_task_completions')).toEqual(before.tasks);
    expect(query(fx.home, 'SELECT count(*) AS n FROM project_decisions')).toEqual(before.decisions);
    expect(query(fx.home, 'SELECT count(*) AS n FROM project_chat_messages')).toEqual(before.messages);
    expect(query(fx.home, 'SELECT status FROM active_projects')).toEqual([{ status: 'active' }]);
    expect(integrity(fx.home)).toEqual([{ integrity_check: 'ok' }]);
  }, 60_000);
});

describe('the daily cost cap under concurrency', () => {
  it('20 asks at once against a $0.01 cap: requests in flight hold their estimate, overshoot ≤ one request', async () => {
    fx.fake.setDefault({ kind: 'reply', text: 'ok, noted', chunks: 3, tokenDelayMs: 200, usage: { input_tokens: 1200 } });
    const env = { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: fx.fake.url, COACH_DAILY_COST_CAP_USD: '0.01' };
    const results = await all(20, (i) => runCli(['ask', `question ${i}`], { home: fx.home, env, timeoutMs: 60_000 }));
    results.forEach((r) => fx.seen.add(r));
    const served = results.filter((r) => r.code === 0);
    const refused = results.filter((r) => r.code === 3);
    expect(served.length + refused.length).toBe(20);
    expect(served.length).toBeGreaterThanOrEqual(1);
    for (const r of refused) expect(expectOneCleanLine(r.stderr)).toMatch(/^coach: daily cost cap reached \(\$[\d.]+ of \$0\.01 today/);
    const chat = query<{ status: string; cost_micros: number | null }>(fx.home, "SELECT status, cost_micros FROM ai_usage_logs WHERE kind = 'chat'");
    expect(chat.filter((u) => u.status === 'ok')).toHaveLength(served.length);
    expect(chat.filter((u) => u.status === 'refused')).toHaveLength(refused.length);
    expect(chat.filter((u) => u.status === 'pending')).toEqual([]);
    expect(fx.fake.requests).toHaveLength(served.length);
    // Spent: under the cap plus the one request that was in flight when it was reached.
    const costs = chat.filter((u) => u.status === 'ok').map((u) => u.cost_micros!);
    const spent = costs.reduce((a, b) => a + b, 0);
    expect(spent).toBeLessThanOrEqual(10_000 + Math.max(...costs));
    expect(integrity(fx.home)).toEqual([{ integrity_check: 'ok' }]);
  }, 120_000);
});
