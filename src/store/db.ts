// Opening the store: pragmas, migrations (in a transaction, after a backup), refusal of a newer
// schema, and recovery of exchanges a killed process left in flight.
//
// Concurrency, one policy for every process and every write path:
// - every connection waits up to BUSY_TIMEOUT_MS for a lock (busy_timeout);
// - a write that depends on what it read runs in one IMMEDIATE transaction (`writeTx`), which takes
//   the write lock first (and waits for it): a deferred transaction that upgrades from read to write
//   fails at once with SQLITE_BUSY in WAL mode, and would lose updates if it did not;
// - a single statement runs on its own (autocommit takes the write lock with the same wait);
// - after the wait, SQLITE_BUSY becomes a BusyError (errors.ts: one line, exit 6).
// Migrating is serialised across processes the same way: the version is read again inside the
// IMMEDIATE transaction, so of 20 first runs exactly one creates the tables.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { BUSY_WAIT_SECONDS, StoreError, asStoreFailure } from '../errors.js';
import { dbPath, ensureDataHome, makePrivate } from '../config/paths.js';
import * as schema from './schema.js';
import { costMicros, type TokenUsage } from '../usage/prices.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface Store {
  db: Db;
  sqlite: Database.Database;
  file: string;
  /** Backup written before migrating, if any. */
  backupFile: string | null;
  close(): void;
}

/** Package root: src/store and dist/store both sit two levels below it. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MIGRATIONS_DIR = join(PACKAGE_ROOT, 'migrations');

/** How long any connection waits for another process's lock before failing with BusyError. */
export const BUSY_TIMEOUT_MS = BUSY_WAIT_SECONDS * 1000;

/** Runs `fn` in one IMMEDIATE transaction (write lock taken first, with the busy wait). */
export function writeTx<T>(db: Db, fn: (tx: Db) => T): T {
  return db.transaction((tx) => fn(tx as unknown as Db), { behavior: 'immediate' });
}

export interface Migration {
  tag: string;
  when: number;
  hash: string;
  statements: string[];
}

function journalOf(dir: string): { tag: string; when: number }[] {
  return (JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] }).entries;
}

/** How many migrations this build knows (the journal only: an up-to-date store reads nothing more). */
export function knownSchemaVersion(dir = MIGRATIONS_DIR): number {
  return journalOf(dir).length;
}

/** Reads drizzle-kit's journal and SQL files (the same hashes drizzle's own migrator records). */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  // node:crypto only loads when a store is migrated, not on every command's start.
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return journalOf(dir).map((e) => {
    const text = readFileSync(join(dir, `${e.tag}.sql`), 'utf8');
    return {
      tag: e.tag,
      when: e.when,
      hash: createHash('sha256').update(text).digest('hex'),
      statements: text.split('--> statement-breakpoint').map((s) => s.trim()).filter(Boolean),
    };
  });
}

export function schemaVersionOf(sqlite: Database.Database): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}

function describeOpenFailure(file: string, err: unknown): StoreError {
  const code = (err as { code?: string }).code;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new StoreError(`${file} is not a usable SQLite database (${(err as Error).message})`, {
      hint: 'move it aside to start fresh, or restore a backup; `coach doctor` checks it',
      cause: err,
    });
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'EACCES' || code === 'SQLITE_PERM') {
    return new StoreError(`cannot write the database ${file} (${(err as Error).message})`, {
      hint: 'check the permissions of the data directory, or set COACH_HOME',
      cause: err,
    });
  }
  return new StoreError(`cannot open the database ${file}: ${(err as Error).message}`, { cause: err });
}

export interface OpenOptions {
  file?: string;
  migrationsDir?: string;
  /** Skip the recovery of orphaned in-flight exchanges (doctor inspects without changing). */
  recover?: boolean;
  now?: () => number;
}

export function openStore(options: OpenOptions = {}): Store {
  const file = options.file ?? dbPath();
  ensureDataHome(dirname(file));
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file);
  } catch (err) {
    throw describeOpenFailure(file, err);
  }
  try {
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const known = knownSchemaVersion(options.migrationsDir);
    // Read-only look first: a newer database must be left exactly as it is.
    const version = schemaVersionOf(sqlite);
    if (version > known) {
      throw new StoreError(
        `${file} has schema version ${version}, newer than this creator-coach understands (${known}); it was left untouched`,
        { hint: 'upgrade creator-coach to open it' },
      );
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    makePrivate(file);
    const backupFile = version < known ? migrate(sqlite, file, readMigrations(options.migrationsDir)) : null;
    const db = drizzle(sqlite, { schema }) as Db;
    const store: Store = { db, sqlite, file, backupFile, close: () => sqlite.open && sqlite.close() };
    if (options.recover !== false) recoverOrphans(sqlite, options.now?.() ?? Date.now());
    return store;
  } catch (err) {
    if (sqlite.open) sqlite.close();
    if (err instanceof StoreError) throw err;
    if (/^SQLITE_(BUSY|LOCKED)/.test(String((err as { code?: unknown }).code))) throw asStoreFailure(err);
    throw describeOpenFailure(file, err);
  }
}

function hasTables(sqlite: Database.Database): boolean {
  return !!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").get();
}

/** A name no other process can pick: version, UTC time to the millisecond, and our pid. */
export function backupName(file: string, from: number, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:TZ.]/g, '').slice(0, 17);
  return `${file}.backup-v${from}-${stamp}-${process.pid}`;
}

/**
 * Migrates under the write lock. The version is read again inside the transaction: another process
 * may have migrated since we looked (then there is nothing left to do). The backup is taken by a
 * second, read-only connection while we hold the lock: it sees the last committed state, which no
 * one can change until we commit (VACUUM cannot run inside our own transaction).
 */
function migrate(sqlite: Database.Database, file: string, migrations: Migration[]): string | null {
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    const from = schemaVersionOf(sqlite);
    if (from >= migrations.length) {
      sqlite.exec('COMMIT');
      if (from > migrations.length) {
        throw new StoreError(`${file} has schema version ${from}, newer than this creator-coach understands (${migrations.length}); it was left untouched`, {
          hint: 'upgrade creator-coach to open it',
        });
      }
      return null;
    }
    let backupFile: string | null = null;
    if (hasTables(sqlite)) {
      backupFile = backupName(file, from);
      const reader = new Database(file, { readonly: true });
      try {
        reader.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
        reader.prepare('VACUUM INTO ?').run(backupFile);
      } finally {
        reader.close();
      }
      makePrivate(backupFile);
    }
    sqlite.exec('CREATE TABLE IF NOT EXISTS __drizzle_migrations (id INTEGER PRIMARY KEY, hash TEXT NOT NULL, created_at NUMERIC)');
    const record = sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)');
    for (const m of migrations.slice(from)) {
      for (const statement of m.statements) sqlite.exec(statement);
      record.run(m.hash, m.when);
    }
    sqlite.pragma(`user_version = ${migrations.length}`);
    sqlite.exec('COMMIT');
    return backupFile;
  } catch (err) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw err;
  }
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A process killed mid-stream leaves a `pending` usage row and a `streaming` message. When its
 * owner is gone, both become `interrupted` (the partial reply written so far is kept). The row
 * keeps the tokens and cost persisted while it streamed; a request whose reply never started (no
 * tokens reported) gives its message back, the rule a live process applies (claude.ts).
 */
export function recoverOrphans(sqlite: Database.Database, now: number): number {
  const pending = sqlite
    .prepare(`SELECT id, pid, message_id AS messageId, model, input_tokens AS inputTokens, output_tokens AS outputTokens,
                cache_creation_tokens AS cacheCreationTokens, cache_read_tokens AS cacheReadTokens
              FROM ai_usage_logs WHERE status = 'pending'`)
    .all() as ({ id: number; pid: number | null; messageId: number | null; model: string } & TokenUsage)[];
  const streaming = sqlite
    .prepare("SELECT m.id FROM project_chat_messages m WHERE m.status = 'streaming' AND NOT EXISTS (SELECT 1 FROM ai_usage_logs u WHERE u.message_id = m.id AND u.status = 'pending')")
    .all() as { id: number }[];
  const dead = pending.filter((r) => r.pid === null || !processAlive(r.pid));
  if (dead.length === 0 && streaming.length === 0) return 0;
  const fix = sqlite.transaction(() => {
    // The cost column of a pending row held its reservation: price the tokens it had reported.
    const markUsage = sqlite.prepare(`UPDATE ai_usage_logs SET status = 'interrupted', pid = NULL, cost_micros = ?,
        counted = CASE WHEN input_tokens + output_tokens + cache_creation_tokens + cache_read_tokens > 0 THEN counted ELSE 0 END,
        error = CASE WHEN input_tokens + output_tokens + cache_creation_tokens + cache_read_tokens > 0
          THEN 'the coach process ended before the reply finished' ELSE 'the coach process ended before the API answered' END
      WHERE id = ? AND status = 'pending'`);
    const markMessage = sqlite.prepare("UPDATE project_chat_messages SET status = 'interrupted', updated_at = ? WHERE id = ? AND status = 'streaming'");
    for (const r of dead) {
      const started = r.inputTokens + r.outputTokens + r.cacheCreationTokens + r.cacheReadTokens > 0;
      markUsage.run(started ? costMicros(r.model, r) : null, r.id);
      if (r.messageId !== null) markMessage.run(now, r.messageId);
    }
    for (const m of streaming) markMessage.run(now, m.id);
  });
  fix.immediate();
  return dead.length + streaming.length;
}
