// Read-only health look at a database file for `coach doctor`: opened read-only, no pragmas that
// write, no migrations, no recovery. Throws what better-sqlite3 throws (SQLITE_NOTADB, …).
import Database from 'better-sqlite3';
import { schemaVersionOf } from './db.js';

export interface DatabaseHealth {
  /** `integrity_check` lines other than "ok". */
  problems: string[];
  schemaVersion: number;
  /** Usage rows still `pending` and replies still `streaming` (null when the tables are missing). */
  inFlight: { requests: number; replies: number } | null;
}

export function inspectDatabase(file: string): DatabaseHealth {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 2000');
    const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    const schemaVersion = schemaVersionOf(sqlite);
    const tables = new Set((sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
    const inFlight = tables.has('ai_usage_logs') && tables.has('project_chat_messages')
      ? {
          requests: (sqlite.prepare("SELECT count(*) AS n FROM ai_usage_logs WHERE status = 'pending'").get() as { n: number }).n,
          replies: (sqlite.prepare("SELECT count(*) AS n FROM project_chat_messages WHERE status = 'streaming'").get() as { n: number }).n,
        }
      : null;
    return { problems, schemaVersion, inFlight };
  } finally {
    sqlite.close();
  }
}
