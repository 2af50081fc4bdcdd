// The store: migrations with backup, refusal of a newer schema, constraints, recovery.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, openStore, readMigrations, recoverOrphans } from '../../src/store/db.js';
import { upsertProfile } from '../../src/store/profiles.js';
import { insertProject } from '../../src/store/projects.js';
import { recordDecision } from '../../src/store/decisions.js';
import { insertMessage } from '../../src/store/messages.js';
import { StoreError } from '../../src/errors.js';
import { runCli, tempHome } from '../helpers/cli.js';

const homes: (() => void)[] = [];
const home = () => {
  const h = tempHome();
  homes.push(h.cleanup);
  return h.home;
};
afterEach(() => homes.splice(0).forEach((c) => c()));

function seeded(file: string) {
  const store = openStore({ file });
  const { profile } = upsertProfile(store.db, 'default', { displayName: 'Jane' }, 1);
  const project = insertProject(store.db, { profileId: profile.id, templateId: 'premium-community', title: 'P', customizedPlan: '{}', targetLaunchDate: null }, 1);
  return { store, profile, project };
}

describe('openStore', () => {
  it('creates the six tables with WAL, foreign keys and private files', () => {
    const dir = home();
    const file = join(dir, 'coach.db');
    const store = openStore({ file });
    const tables = store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name").pluck().all();
    expect(tables).toEqual(['active_projects', 'ai_usage_logs', 'creator_profiles', 'project_chat_messages', 'project_decisions', 'project_task_completions']);
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.sqlite.pragma('user_version', { simple: true })).toBe(readMigrations().length);
    expect(store.backupFile).toBeNull();
    store.close();
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('upgrades a database of the first schema version with a backup, keeping its data', () => {
    const dir = home();
    const file = join(dir, 'coach.db');
    // The first shipped schema (migration 0000 only), as a user of the first release has it.
    const v1 = join(dir, 'migrations-v1');
    cpSync(MIGRATIONS_DIR, v1, { recursive: true });
    const journal = JSON.parse(readFileSync(join(v1, 'meta', '_journal.json'), 'utf8'));
    journal.entries = journal.entries.slice(0, 1);
    writeFileSync(join(v1, 'meta', '_journal.json'), JSON.stringify(journal));
    const old = openStore({ file, migrationsDir: v1 });
    const { profile } = upsertProfile(old.db, 'default', { displayName: 'Jane' }, 1);
    old.sqlite.prepare("INSERT INTO ai_usage_logs (request_key, profile_id, kind, model, status, created_at) VALUES ('r1', ?, 'chat', 'claude-sonnet-4-6', 'ok', 5)").run(profile.id);
    expect(old.sqlite.pragma('user_version', { simple: true })).toBe(1);
    old.close();

    const store = openStore({ file });
    expect(store.backupFile).toMatch(/coach\.db\.backup-v1-\d{17}-\d+$/);
    expect(store.sqlite.pragma('user_version', { simple: true })).toBe(readMigrations().length);
    const indexes = store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ai_usage_logs'").pluck().all();
    expect(indexes).toEqual(expect.arrayContaining(['ai_usage_logs_report_idx', 'ai_usage_logs_profile_report_idx']));
    expect(indexes).not.toContain('ai_usage_logs_created_idx');
    expect(store.sqlite.prepare('SELECT request_key FROM ai_usage_logs').pluck().all()).toEqual(['r1']);
    expect(store.sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(readMigrations().length);
    store.close();
  });

  it('upgrades a 0001 database to decision tiers, metrics and the detect kind, keeping every row', () => {
    const dir = home();
    const file = join(dir, 'coach.db');
    const v2 = join(dir, 'migrations-v2');
    cpSync(MIGRATIONS_DIR, v2, { recursive: true });
    const journal = JSON.parse(readFileSync(join(v2, 'meta', '_journal.json'), 'utf8'));
    journal.entries = journal.entries.slice(0, 2);
    writeFileSync(join(v2, 'meta', '_journal.json'), JSON.stringify(journal));
    const old = openStore({ file, migrationsDir: v2 });
    const { profile } = upsertProfile(old.db, 'default', { displayName: 'Jane' }, 1);
    const project = old.sqlite.prepare("INSERT INTO active_projects (profile_id, template_id, title, customized_plan, created_at, updated_at) VALUES (?, 'premium-community', 'P', '{}', 1, 1) RETURNING id").get(profile.id) as { id: number };
    const add = old.sqlite.prepare("INSERT INTO project_decisions (project_id, category, decision, value, confidence, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'high', 'active', 1, 1)");
    add.run(project.id, 'pricing', '$29/month', '29 USD/month');
    add.run(project.id, 'platform', 'Skool', 'Skool');
    old.sqlite.prepare("INSERT INTO ai_usage_logs (request_key, profile_id, kind, model, status, created_at) VALUES ('r1', ?, 'chat', 'claude-sonnet-4-6', 'ok', 5)").run(profile.id);
    old.close();

    const store = openStore({ file });
    expect(store.backupFile).toMatch(/coach\.db\.backup-v2-/);
    const rows = store.sqlite.prepare('SELECT category, tier FROM project_decisions ORDER BY id').all();
    expect(rows).toEqual([{ category: 'pricing', tier: 'regular' }, { category: 'platform', tier: null }]);
    expect(store.sqlite.prepare('SELECT metrics FROM active_projects').pluck().get()).toBe('[]');
    expect(store.sqlite.prepare('SELECT request_key FROM ai_usage_logs').pluck().all()).toEqual(['r1']);
    store.sqlite.prepare("INSERT INTO ai_usage_logs (request_key, profile_id, kind, model, status, created_at) VALUES ('r2', ?, 'detect', 'claude-haiku-4-5', 'ok', 6)").run(profile.id);
    expect(() => store.sqlite.prepare("INSERT INTO ai_usage_logs (request_key, profile_id, kind, model, status, created_at) VALUES ('r3', ?, 'other', 'm', 'ok', 6)").run(profile.id)).toThrow(/CHECK/);
    // A founding price stands beside the regular one; a new regular price supersedes only the regular one.
    const d = { decision: 'x', rationale: null, confidence: 'high' as const, sourceMessageId: null, relatedTaskId: null };
    const founding = recordDecision(store.db, project.id, { ...d, category: 'pricing', value: '15 USD/month', tier: 'founding' }, 2);
    expect(founding.superseded).toBeNull();
    const regular = recordDecision(store.db, project.id, { ...d, category: 'pricing', value: '39 USD/month' }, 3);
    expect(regular.decision.tier).toBe('regular');
    expect(regular.superseded?.value).toBe('29 USD/month');
    expect(store.sqlite.prepare("SELECT tier, value FROM project_decisions WHERE status = 'active' AND category = 'pricing' ORDER BY tier").all())
      .toEqual([{ tier: 'founding', value: '15 USD/month' }, { tier: 'regular', value: '39 USD/month' }]);
    expect(store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(store.sqlite.pragma('foreign_key_check')).toEqual([]);
    store.close();
  });

  it('backs up an existing database before migrating it', () => {
    const dir = home();
    const file = join(dir, 'coach.db');
    // A database at the current version, and a history with one more migration: it must run.
    const current = readMigrations().length;
    seeded(file).store.close();
    const migrations = join(dir, 'migrations');
    mkdirSync(join(migrations, 'meta'), { recursive: true });
    cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
    const journal = JSON.parse(readFileSync(join(migrations, 'meta', '_journal.json'), 'utf8'));
    journal.entries.push({ idx: current, version: '6', when: Date.now(), tag: '9999_test', breakpoints: true });
    writeFileSync(join(migrations, 'meta', '_journal.json'), JSON.stringify(journal));
    writeFileSync(join(migrations, '9999_test.sql'), 'ALTER TABLE creator_profiles ADD `timezone` text;');
    const store = openStore({ file, migrationsDir: migrations });
    expect(store.backupFile).toMatch(new RegExp(`coach\\.db\\.backup-v${current}-\\d{17}-${process.pid}$`));
    expect(statSync(store.backupFile!).mode & 0o777).toBe(0o600);
    expect(store.sqlite.pragma('user_version', { simple: true })).toBe(current + 1);
    expect(store.sqlite.prepare('SELECT display_name FROM creator_profiles').pluck().get()).toBe('Jane');
    store.close();
    const backup = new Database(store.backupFile!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(current);
    expect(backup.prepare('SELECT count(*) FROM creator_profiles').pluck().get()).toBe(1);
    backup.close();
  });

  it('rolls back a failing migration and leaves the data as it was', () => {
    const dir = home();
    const file = join(dir, 'coach.db');
    seeded(file).store.close();
    const migrations = join(dir, 'migrations');
    cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
    const journal = JSON.parse(readFileSync(join(migrations, 'meta', '_journal.json'), 'utf8'));
    journal.entries.push({ idx: journal.entries.length, version: '6', when: Date.now(), tag: '9999_bad', breakpoints: true });
    writeFileSync(join(migrations, 'meta', '_journal.json'), JSON.stringify(journal));
    writeFileSync(join(migrations, '9999_bad.sql'), 'ALTER TABLE creator_profiles ADD `x` text;\n--> statement-breakpoint\nTHIS IS NOT SQL;');
    expect(() => openStore({ file, migrationsDir: migrations })).toThrow(StoreError);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(readMigrations().length);
    const cols = db.prepare('PRAGMA table_info(creator_profiles)').all().map((c) => (c as { name: string }).name);
    expect(cols).not.toContain('x');
    db.close();
  });

  it('refuses a newer database and leaves it byte-identical', async () => {
    const dir = home();
    const file = join(dir, 'coach.db');
    seeded(file).store.close();
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    raw.pragma('user_version = 99');
    raw.close();
    const before = readFileSync(file);
    expect(() => openStore({ file })).toThrow(/schema version 99, newer than this creator-coach understands/);
    const r = await runCli(['profile', 'show'], { home: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/newer than this creator-coach understands.*left untouched/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('backup'))).toEqual([]);
  });

  it('refuses a file that is not a database, without changing it', async () => {
    const dir = home();
    const file = join(dir, 'coach.db');
    writeFileSync(file, 'this is not sqlite at all, just text'.repeat(100), { mode: 0o600 });
    const before = readFileSync(file);
    const r = await runCli(['tasks', 'list'], { home: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/not a usable SQLite database/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('constraints', () => {
  it('allows one active project per profile', () => {
    const { store, profile } = seeded(join(home(), 'coach.db'));
    expect(() => insertProject(store.db, { profileId: profile.id, templateId: 't', title: 'Q', customizedPlan: '{}', targetLaunchDate: null }, 2)).toThrow(/UNIQUE/);
    store.sqlite.prepare("UPDATE active_projects SET status = 'paused'").run();
    expect(() => insertProject(store.db, { profileId: profile.id, templateId: 't', title: 'Q', customizedPlan: '{}', targetLaunchDate: null }, 2)).not.toThrow();
    store.close();
  });

  it('rejects values outside the CHECK constraints', () => {
    const { store, project } = seeded(join(home(), 'coach.db'));
    expect(() => store.sqlite.prepare("UPDATE active_projects SET status = 'deleted' WHERE id = ?").run(project.id)).toThrow(/CHECK/);
    expect(() => store.sqlite.prepare("INSERT INTO project_chat_messages (project_id, role, content, status, created_at, updated_at) VALUES (?, 'system', 'x', 'complete', 1, 1)").run(project.id)).toThrow(/CHECK/);
    store.close();
  });

  it('supersedes decisions in one transaction, keeping one active per category', () => {
    const { store, project } = seeded(join(home(), 'coach.db'));
    const base = { category: 'pricing' as const, value: null, rationale: null, confidence: 'high' as const, sourceMessageId: null, relatedTaskId: null };
    const a = recordDecision(store.db, project.id, { ...base, decision: '$19' }, 1).decision;
    const b = recordDecision(store.db, project.id, { ...base, decision: '$29' }, 2);
    expect(b.superseded?.id).toBe(a.id);
    expect(b.superseded?.supersededBy).toBe(b.decision.id);
    recordDecision(store.db, project.id, { ...base, category: 'platform', decision: 'Skool' }, 3);
    const rows = store.sqlite.prepare("SELECT category, status FROM project_decisions ORDER BY id").all();
    expect(rows).toEqual([{ category: 'pricing', status: 'superseded' }, { category: 'pricing', status: 'active' }, { category: 'platform', status: 'active' }]);
    expect(() => store.sqlite.prepare("INSERT INTO project_decisions (project_id, category, decision, status, tier, created_at, updated_at) VALUES (?, 'pricing', 'dup', 'active', 'regular', 1, 1)").run(project.id)).toThrow(/UNIQUE/);
    store.close();
  });

  it('marks exchanges of a dead process as interrupted on open', () => {
    const file = join(home(), 'coach.db');
    const { store, profile, project } = seeded(file);
    const msg = insertMessage(store.db, { projectId: project.id, role: 'assistant', content: 'half a rep', status: 'streaming' }, 5);
    // pid 2^22+1 cannot be a live process on Linux
    store.sqlite.prepare("INSERT INTO ai_usage_logs (request_key, profile_id, project_id, message_id, kind, model, status, pid, created_at) VALUES ('k1', ?, ?, ?, 'chat', 'claude-sonnet-4-6', 'pending', 4194305, 5)").run(profile.id, project.id, msg.id);
    store.sqlite.prepare("INSERT INTO ai_usage_logs (request_key, profile_id, project_id, kind, model, status, pid, created_at) VALUES ('k2', ?, ?, 'chat', 'claude-sonnet-4-6', 'pending', ?, 5)").run(profile.id, project.id, process.pid);
    expect(recoverOrphans(store.sqlite, 10)).toBe(1);
    expect(store.sqlite.prepare('SELECT status, content FROM project_chat_messages WHERE id = ?').get(msg.id)).toEqual({ status: 'interrupted', content: 'half a rep' });
    expect(store.sqlite.prepare("SELECT request_key, status FROM ai_usage_logs ORDER BY id").all()).toEqual([{ request_key: 'k1', status: 'interrupted' }, { request_key: 'k2', status: 'pending' }]);
    store.close();
    expect(existsSync(file)).toBe(true);
  });
});
