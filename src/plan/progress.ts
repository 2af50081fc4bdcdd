// Progress through a customized plan. Pure: the caller passes the done task ids (from the store).
import type { CustomizedPlan, PlanPhase, PlanTask } from './schema.js';

/** Done task ids: a set, or a map of task id → done flag (as `project_task_completions` holds). */
export type DoneTasks = ReadonlySet<string> | ReadonlyMap<string, boolean>;

export interface PhaseProgress {
  phaseId: string;
  title: string;
  done: number;
  total: number;
  /** 0–100, rounded down so 100 means every task is done. */
  percent: number;
}

export interface PlanProgress {
  phases: PhaseProgress[];
  done: number;
  total: number;
  percent: number;
  /** First phase with an open task; the last phase when everything is done. */
  currentPhase: PlanPhase;
}

export function isDone(done: DoneTasks, taskId: string): boolean {
  return done instanceof Map ? done.get(taskId) === true : done.has(taskId);
}

export function planProgress(plan: CustomizedPlan, done: DoneTasks): PlanProgress {
  const phases = plan.phases.map((phase) => {
    const count = phase.tasks.filter((t) => isDone(done, t.id)).length;
    return { phaseId: phase.id, title: phase.title, done: count, total: phase.tasks.length, percent: percentOf(count, phase.tasks.length) };
  });
  const doneCount = phases.reduce((s, p) => s + p.done, 0);
  const total = phases.reduce((s, p) => s + p.total, 0);
  return { phases, done: doneCount, total, percent: percentOf(doneCount, total), currentPhase: currentPhase(plan, done) };
}

export function currentPhase(plan: CustomizedPlan, done: DoneTasks): PlanPhase {
  const open = plan.phases.find((phase) => phase.tasks.some((t) => !isDone(done, t.id)));
  const phase = open ?? plan.phases[plan.phases.length - 1];
  if (!phase) throw new Error('plan has no phases');
  return phase;
}

/** The first `n` open tasks in plan order (current phase first, then later phases). */
export function nextOpenTasks(plan: CustomizedPlan, done: DoneTasks, n: number): PlanTask[] {
  const out: PlanTask[] = [];
  for (const phase of plan.phases) {
    for (const task of phase.tasks) {
      if (out.length >= n) return out;
      if (!isDone(done, task.id)) out.push(task);
    }
  }
  return out;
}

function percentOf(done: number, total: number): number {
  return total === 0 ? 0 : Math.floor((done / total) * 100);
}
