// project_task_completions: one row per (project, task), created on first change.
import { eq, sql } from 'drizzle-orm';
import type { Db } from './db.js';
import { projectTaskCompletions, type TaskCompletionRow } from './schema.js';

export function taskStates(db: Db, projectId: number): Map<string, TaskCompletionRow> {
  const rows = db.select().from(projectTaskCompletions).where(eq(projectTaskCompletions.projectId, projectId)).all();
  return new Map(rows.map((r) => [r.taskId, r]));
}

export function doneTaskIds(db: Db, projectId: number): Set<string> {
  return new Set([...taskStates(db, projectId).values()].filter((r) => r.done).map((r) => r.taskId));
}

export interface TaskChange {
  done?: boolean;
  note?: string | null;
  source?: 'manual' | 'chat';
  sourceMessageId?: number | null;
}

/** Upserts in one statement, so concurrent processes changing different tasks never collide. */
export function upsertTask(db: Db, projectId: number, taskId: string, change: TaskChange, now: number): TaskCompletionRow {
  const set: Partial<typeof projectTaskCompletions.$inferInsert> = { updatedAt: now };
  if (change.done !== undefined) {
    set.done = change.done;
    set.completedAt = change.done ? now : null;
    set.source = change.source ?? 'manual';
    set.sourceMessageId = change.done ? (change.sourceMessageId ?? null) : null;
  }
  if (change.note !== undefined) set.note = change.note;
  return db
    .insert(projectTaskCompletions)
    .values({
      projectId,
      taskId,
      done: change.done ?? false,
      note: change.note ?? null,
      source: change.source ?? 'manual',
      sourceMessageId: change.done ? (change.sourceMessageId ?? null) : null,
      completedAt: change.done ? now : null,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoUpdate({ target: [projectTaskCompletions.projectId, projectTaskCompletions.taskId], set })
    .returning()
    .get();
}

export function countDone(db: Db, projectId: number): number {
  const row = db.select({ n: sql<number>`count(*)` }).from(projectTaskCompletions)
    .where(sql`${projectTaskCompletions.projectId} = ${projectId} AND ${projectTaskCompletions.done} = 1`).get();
  return row?.n ?? 0;
}
