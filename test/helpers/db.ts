// Read a test's database directly (read-only), to assert on what the CLI stored.
import { join } from 'node:path';
import Database from 'better-sqlite3';

export function query<T = Record<string, unknown>>(home: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(join(home, 'coach.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

export interface MessageRow { id: number; role: string; content: string; status: string; model: string | null }
export interface UsageRow {
  id: number; kind: string; model: string; status: string; counted: number; input_tokens: number; output_tokens: number;
  cache_creation_tokens: number; cache_read_tokens: number; cost_micros: number | null; error: string | null; message_id: number | null;
}

export const messages = (home: string) => query<MessageRow>(home, 'SELECT id, role, content, status, model FROM project_chat_messages ORDER BY id');
export const usage = (home: string) => query<UsageRow>(home, 'SELECT * FROM ai_usage_logs ORDER BY id');
