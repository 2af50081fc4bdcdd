// Task and decision changes shared by commands, the chat's detector and the UI.
import { UsageError } from '../errors.js';
import type { CustomizedPlan, DecisionCategory, PlanTask } from '../plan/schema.js';
import { DECISION_CATEGORIES } from '../plan/schema.js';
import { writeTx, type Db } from '../store/db.js';
import { recordDecision, type NewDecision } from '../store/decisions.js';
import { taskStates, upsertTask, type TaskChange } from '../store/tasks.js';
import { applyTimelineDecision } from './schedule.js';
import { allTasks } from './views.js';

/** Accepts `t3`, `T3` or `3`; anything else that is not in the plan is a usage error. */
export function resolveTask(plan: CustomizedPlan, raw: string): PlanTask {
  const tasks = allTasks(plan);
  const key = raw.trim().toLowerCase();
  const id = /^\d+$/.test(key) ? `t${key}` : key;
  const task = tasks.find((t) => t.id === id);
  if (!task) {
    const first = tasks[0]?.id ?? 't1';
    const last = tasks[tasks.length - 1]?.id ?? 't1';
    throw new UsageError(`unknown task "${raw}": this plan has tasks ${first}–${last}`, { hint: 'see them with `coach tasks list`' });
  }
  return task;
}

export function setTask(db: Db, projectId: number, task: PlanTask, change: TaskChange, now: number) {
  return upsertTask(db, projectId, task.id, change, now);
}

export function toggleTask(db: Db, projectId: number, task: PlanTask, note: string | undefined, now: number) {
  // Read and flip in one IMMEDIATE transaction: two toggles at once must give back the first state.
  return writeTx(db, (tx) => {
    const current = taskStates(tx, projectId).get(task.id);
    return upsertTask(tx, projectId, task.id, { done: !current?.done, source: 'manual', ...(note !== undefined ? { note } : {}) }, now);
  });
}

export function parseCategory(raw: string): DecisionCategory {
  const c = raw.trim().toLowerCase();
  if (!(DECISION_CATEGORIES as readonly string[]).includes(c)) {
    throw new UsageError(`unknown decision category "${raw}": use one of ${DECISION_CATEGORIES.join(', ')}`);
  }
  return c as DecisionCategory;
}

/** The plan task a decision category belongs to, through the template's decision points. */
export function taskForCategory(plan: CustomizedPlan, category: DecisionCategory): string | null {
  return plan.decisionPoints.find((d) => d.category === category)?.taskIds[0] ?? null;
}

export function addDecision(db: Db, projectId: number, plan: CustomizedPlan, d: Omit<NewDecision, 'relatedTaskId'> & { relatedTaskId?: string | null }, now: number) {
  return db.transaction((tx) => {
    const recorded = recordDecision(tx as unknown as Db, projectId, { ...d, relatedTaskId: d.relatedTaskId ?? taskForCategory(plan, d.category) }, now);
    return { ...recorded, launchMoved: applyTimelineDecision(tx as unknown as Db, projectId, recorded.decision, now) };
  }, { behavior: 'immediate' });
}
