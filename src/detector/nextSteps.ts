// Next-step suggestions from the plan and what was just detected: the open tasks behind a
// decision's category (through the template's decision points), the task after one just
// finished, else the first open task. Tasks already done (or just completed) are skipped.
import type { DetectedCompletion, DetectedDecision, DetectorPlan, NextStep } from './types.js';

export const MAX_NEXT_STEPS = 3;

const NO_IDS: ReadonlySet<string> = new Set<string>();

type PlanTask = DetectorPlan['tasks'][number];
const orderCache = new WeakMap<object, { order: string[]; byId: Map<string, PlanTask> }>();

function planOrder(plan: DetectorPlan): { order: string[]; byId: Map<string, PlanTask> } {
  let hit = orderCache.get(plan.tasks);
  if (!hit) {
    hit = { order: plan.tasks.map((t) => t.id), byId: new Map(plan.tasks.map((t) => [t.id, t])) };
    orderCache.set(plan.tasks, hit);
  }
  return hit;
}

export function suggestNextSteps(
  plan: DetectorPlan,
  decisions: readonly DetectedDecision[],
  completions: readonly DetectedCompletion[],
  max: number = MAX_NEXT_STEPS,
): NextStep[] {
  // the plan's done set as given, copied only when this message completes something (never mutated)
  const given = plan.doneTaskIds;
  let done: ReadonlySet<string> = given === undefined ? NO_IDS : given instanceof Set ? given : new Set<string>(given);
  let own: Set<string> | null = given !== undefined && !(given instanceof Set) ? (done as Set<string>) : null;
  for (const c of completions) {
    if (c.confidence !== 'high') continue;
    if (own === null) done = own = new Set<string>(done);
    own.add(c.taskId);
  }
  const { order, byId } = planOrder(plan);
  const out: NextStep[] = [];
  // the task to offer, or undefined when it is unknown, done, already offered or there is no room
  const open = (taskId: string): PlanTask | undefined => {
    const task = byId.get(taskId);
    if (!task || done.has(taskId) || out.some((s) => s.taskId === taskId) || out.length >= max) return undefined;
    return task;
  };
  const offer = (taskId: string, reason: string): void => {
    const task = open(taskId);
    if (task) out.push({ taskId, title: task.title, reason });
  };

  for (const d of decisions) {
    if (out.length >= max) break;
    for (const point of plan.decisionPoints) {
      if (point.category !== d.category) continue;
      for (const id of point.taskIds) {
        const task = open(id);
        if (!task) continue;
        const verb = d.confidence === 'high' ? 'You decided' : 'You are considering';
        out.push({ taskId: id, title: task.title, reason: `${verb} ${d.category}: ${d.value}` });
      }
    }
  }
  for (const c of completions) {
    if (c.confidence !== 'high') continue;
    const at = order.indexOf(c.taskId);
    const title = byId.get(c.taskId)?.title ?? c.taskId;
    for (let i = at + 1; i < order.length; i++) {
      if (!done.has(order[i]!)) {
        offer(order[i]!, `Comes after ${c.taskId} (${title}), which you just finished`);
        break;
      }
    }
  }
  if (out.length === 0) {
    const first = order.find((id) => !done.has(id));
    if (first) offer(first, 'The next open task in your plan');
  }
  return out;
}
