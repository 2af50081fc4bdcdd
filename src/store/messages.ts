// project_chat_messages: the transcript of a project.
import { count, desc, eq } from 'drizzle-orm';
import type { Db } from './db.js';
import { projectChatMessages, type MessageRow } from './schema.js';

export interface NewMessage {
  projectId: number;
  role: 'user' | 'assistant';
  content: string;
  status?: MessageRow['status'];
  model?: string | null;
  inputTokens?: number | null;
  outputTokens?: number | null;
}

export function insertMessage(db: Db, m: NewMessage, now: number): MessageRow {
  return db.insert(projectChatMessages).values({ status: 'complete', ...m, createdAt: now, updatedAt: now }).returning().get();
}

export function updateMessage(db: Db, id: number, change: Partial<Pick<MessageRow, 'content' | 'status' | 'model' | 'inputTokens' | 'outputTokens'>>, now: number): void {
  db.update(projectChatMessages).set({ ...change, updatedAt: now }).where(eq(projectChatMessages.id, id)).run();
}

/** The last n messages of a project, oldest first (uses the (project_id, id) index). */
export function lastMessages(db: Db, projectId: number, n: number): MessageRow[] {
  return db.select().from(projectChatMessages).where(eq(projectChatMessages.projectId, projectId))
    .orderBy(desc(projectChatMessages.id)).limit(n).all().reverse();
}

export function countMessages(db: Db, projectId: number): number {
  return db.select({ n: count() }).from(projectChatMessages).where(eq(projectChatMessages.projectId, projectId)).get()?.n ?? 0;
}

export function allMessages(db: Db, projectId: number): MessageRow[] {
  return db.select().from(projectChatMessages).where(eq(projectChatMessages.projectId, projectId)).orderBy(projectChatMessages.id).all();
}
