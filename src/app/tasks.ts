// Task and decision changes shared by commands, the chat's detector and the UI.
import { findPrices, formatPrice } from '../detector/index.js';
import { UsageError } from '../errors.js';
import type { CustomizedPlan, DecisionCategory, PlanTask } from '../plan/schema.js';
import { DECISION_CATEGORIES } from '../plan/schema.js';
import { writeTx, type Db } from '../store/db.js';
import { recordDecision, type NewDecision } from '../store/decisions.js';
import type { TaskCompletionRow } from '../store/schema.js';
import { taskStates, upsertTask, type TaskChange } from '../store/tasks.js';
import type { StoreContext } from './context.js';
import { applyTimelineDecision } from './schedule.js';
import { allTasks } from './views.js';

/**
 * Accepts `t3`, `T3`, `3` or the start of a task's title when only one title starts that way
 * (case-insensitive); anything else is a usage error.
 */
export function resolveTask(plan: CustomizedPlan, raw: string): PlanTask {
  const tasks = allTasks(plan);
  const key = raw.trim().toLowerCase();
  const id = idOf(key) ?? key;
  let task = tasks.find((t) => t.id === id);
  if (!task && key.length >= 2 && !idOf(key)) {
    const byTitle = tasks.filter((t) => t.title.toLowerCase().startsWith(key));
    if (byTitle.length > 1) {
      throw new UsageError(`"${raw}" starts ${byTitle.length} task titles: ${byTitle.slice(0, 4).map((t) => t.id).join(', ')}${byTitle.length > 4 ? ', …' : ''}`, { hint: 'type more of the title, or use the id' });
    }
    task = byTitle[0];
  }
  if (!task) {
    const first = tasks[0]?.id ?? 't1';
    const last = tasks[tasks.length - 1]?.id ?? 't1';
    throw new UsageError(`unknown task "${raw}": this plan has tasks ${first}–${last}`, { hint: 'see them with `coach tasks list`' });
  }
  return task;
}

const ID = /^t?(\d+)$/i;

/** A plan task id for `t3`, `T3` or `3`, or null when `raw` is not shaped like an id. */
function idOf(raw: string): string | null {
  const m = ID.exec(raw.trim());
  return m ? `t${Number(m[1])}` : null;
}

/**
 * Several tasks at once, as the user names them: ids (`t3`, `3`), ranges in plan order (`t3-t5`,
 * `3..5`) and a unique start of a title (`define the`). Each task once, in the order given.
 */
export function resolveTasks(plan: CustomizedPlan, raws: string[]): PlanTask[] {
  const tasks = allTasks(plan);
  const out: PlanTask[] = [];
  const add = (t: PlanTask) => {
    if (!out.includes(t)) out.push(t);
  };
  for (const raw of raws) {
    const range = /^(\S+?)\s*(?:-|–|\.\.)\s*(\S+)$/.exec(raw.trim());
    const [from, to] = range ? [idOf(range[1]!), idOf(range[2]!)] : [null, null];
    if (from && to) {
      const a = tasks.findIndex((t) => t.id === from);
      const b = tasks.findIndex((t) => t.id === to);
      if (a < 0 || b < 0) resolveTask(plan, a < 0 ? range![1]! : range![2]!);
      if (b < a) throw new UsageError(`the range "${raw}" runs backwards: write ${to}-${from}`, { hint: 'ranges follow the plan\'s order, as `coach tasks list` shows it' });
      tasks.slice(a, b + 1).forEach(add);
      continue;
    }
    add(resolveTask(plan, raw));
  }
  return out;
}

export function setTask(ctx: StoreContext, projectId: number, task: PlanTask, change: TaskChange) {
  return upsertTask(ctx.store().db, projectId, task.id, change, ctx.now());
}

export interface TaskOutcome {
  task: PlanTask;
  row: TaskCompletionRow | null;
  /** False when the task already was in the asked state (and no note was given): nothing written. */
  changed: boolean;
}

/** Marks tasks done or open in one IMMEDIATE transaction; tasks already so are left alone (their date kept). */
export function markTasks(ctx: StoreContext, projectId: number, tasks: PlanTask[], change: { done: boolean; note?: string; source?: 'manual' | 'chat' }): TaskOutcome[] {
  const now = ctx.now();
  return writeTx(ctx.store().db, (tx) => {
    const states = taskStates(tx, projectId);
    return tasks.map((task) => {
      const current = states.get(task.id);
      if ((current?.done ?? false) === change.done && change.note === undefined) return { task, row: current ?? null, changed: false };
      const row = upsertTask(tx, projectId, task.id, { done: change.done, source: change.source ?? 'manual', ...(change.note !== undefined ? { note: change.note } : {}) }, now);
      return { task, row, changed: true };
    });
  });
}

export function toggleTask(ctx: StoreContext, projectId: number, task: PlanTask, note: string | undefined) {
  const now = ctx.now();
  // Read and flip in one IMMEDIATE transaction: two toggles at once must give back the first state.
  return writeTx(ctx.store().db, (tx) => {
    const current = taskStates(tx, projectId).get(task.id);
    return upsertTask(tx, projectId, task.id, { done: !current?.done, source: 'manual', ...(note !== undefined ? { note } : {}) }, now);
  });
}

/** `--phase p2`, `P2` or `2` (as the tables show it) → the phase's 1-based number in this plan. */
export function resolvePhase(plan: CustomizedPlan, raw: string): number {
  const key = raw.trim().toLowerCase();
  const byId = plan.phases.findIndex((p) => p.id.toLowerCase() === key);
  const m = /^p?(\d+)$/.exec(key);
  const n = byId >= 0 ? byId + 1 : m ? Number(m[1]) : NaN;
  if (!plan.phases[n - 1]) {
    throw new UsageError(`no phase "${raw}": this plan has phases ${plan.phases[0]?.id ?? 'p1'}–${plan.phases[plan.phases.length - 1]?.id ?? 'p1'}`);
  }
  return n;
}

export function parseCategory(raw: string): DecisionCategory {
  const c = raw.trim().toLowerCase();
  if (!(DECISION_CATEGORIES as readonly string[]).includes(c)) {
    throw new UsageError(`--category must be one of ${DECISION_CATEGORIES.join(', ')}, got "${raw}"`);
  }
  return c as DecisionCategory;
}

/** The plan task a decision category belongs to, through the template's decision points. */
export function taskForCategory(plan: CustomizedPlan, category: DecisionCategory): string | null {
  return plan.decisionPoints.find((d) => d.category === category)?.taskIds[0] ?? null;
}

/**
 * The short value a typed decision is stored with: a price is normalised like the detector's
 * ("$29/month" → "29 USD/month"; one price, a bare number read as USD a month), so chat and
 * `decisions add` store the same thing; anything else is the text as given.
 */
export function decisionValueOf(category: DecisionCategory, text: string): string {
  const trimmed = text.trim();
  if (category !== 'pricing') return trimmed;
  const prices = findPrices(trimmed.toLowerCase());
  if (prices.length !== 1) return trimmed;
  const p = prices[0]!;
  // A price is written as one ("$29/month", "€25", "49"); "annual plan with 2 months free" is not "2 USD/year".
  if (p.currency === null && !/^\s*\d[\d,.]*\s*(?:\/\s*mo(?:nth)?|a month|per month|monthly)?\s*$/i.test(trimmed)) return trimmed;
  return formatPrice({ ...p, currency: p.currency ?? 'USD', period: p.period ?? 'month' });
}

/** The tier a typed price goes to when none is given: a yearly price is the annual plan, not a new monthly one. */
export function defaultTierOf(category: DecisionCategory, value: string): 'annual' | null {
  return category === 'pricing' && /\/year$|\b(?:annual|annually|yearly)\b/i.test(value) ? 'annual' : null;
}

export function addDecision(ctx: StoreContext, projectId: number, plan: CustomizedPlan, d: Omit<NewDecision, 'relatedTaskId'> & { relatedTaskId?: string | null }) {
  const now = ctx.now();
  return ctx.store().db.transaction((tx) => {
    const recorded = recordDecision(tx as unknown as Db, projectId, { ...d, relatedTaskId: d.relatedTaskId ?? taskForCategory(plan, d.category) }, now);
    return { ...recorded, launchMoved: applyTimelineDecision(tx as unknown as Db, projectId, recorded.decision, now) };
  }, { behavior: 'immediate' });
}
