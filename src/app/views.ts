// Rows → the stable camelCase shapes of --json (documented in the README; tests pin them).
import type { DetectorPlan } from '../detector/types.js';
import type { CustomizedPlan, PlanTask } from '../plan/schema.js';
import type { DecisionRow, MessageRow, ProfileRow, ProjectRow, TaskCompletionRow } from '../store/schema.js';

export const iso = (ms: number | null | undefined): string | null => (ms == null ? null : new Date(ms).toISOString());
const dollars = (cents: number | null): number | null => (cents == null ? null : cents / 100);

export function allTasks(plan: CustomizedPlan): PlanTask[] {
  return plan.phases.flatMap((p) => p.tasks);
}

/** What the detector needs from a plan (or a template): its tasks, decision points and done ids. */
export function detectorPlanOf(
  phases: { id: string; tasks: { id: string; title: string; keywords: string[] }[] }[],
  decisionPoints: CustomizedPlan['decisionPoints'],
  doneTaskIds?: ReadonlySet<string>,
): DetectorPlan {
  return {
    tasks: phases.flatMap((ph) => ph.tasks.map((t) => ({ id: t.id, title: t.title, phaseId: ph.id, keywords: t.keywords }))),
    decisionPoints,
    ...(doneTaskIds ? { doneTaskIds } : {}),
  };
}

export interface TaskView {
  id: string;
  phaseId: string;
  title: string;
  done: boolean;
  note: string | null;
  completedAt: string | null;
  source: 'manual' | 'chat' | null;
  /** `YYYY-MM-DD` the task is due (see plan/schedule.ts). */
  dueDate: string | null;
}

export function taskView(task: PlanTask, state: TaskCompletionRow | undefined): TaskView {
  return {
    id: task.id,
    phaseId: task.phaseId,
    title: task.title,
    done: state?.done ?? false,
    note: state?.note ?? null,
    completedAt: state?.done ? iso(state.completedAt) : null,
    source: state ? state.source : null,
    dueDate: task.dueDate ?? null,
  };
}

export function decisionView(d: DecisionRow) {
  return {
    id: d.id,
    category: d.category,
    tier: d.tier,
    decision: d.decision,
    value: d.value,
    rationale: d.rationale,
    confidence: d.confidence,
    status: d.status,
    supersededBy: d.supersededBy,
    createdAt: iso(d.createdAt),
  };
}

export function profileView(p: ProfileRow) {
  return {
    id: p.id,
    handle: p.handle,
    displayName: p.displayName,
    niche: p.niche,
    platforms: p.platforms,
    totalAudience: p.totalAudience,
    currentMonthlyIncomeUSD: dollars(p.currentMonthlyIncomeCents),
    incomeGoalUSD: dollars(p.incomeGoalCents),
    hoursPerWeek: p.hoursPerWeek,
    experienceLevel: p.experienceLevel,
    goals: p.goals,
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
  };
}

export function projectView(p: ProjectRow, progress?: { done: number; total: number; percent: number }) {
  return {
    id: p.id,
    title: p.title,
    templateId: p.templateId,
    status: p.status,
    targetLaunchDate: p.targetLaunchDate,
    ...(progress ? { progress } : {}),
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
  };
}

export function messageView(m: MessageRow) {
  return {
    id: m.id,
    role: m.role,
    content: m.content,
    status: m.status,
    model: m.model,
    inputTokens: m.inputTokens,
    outputTokens: m.outputTokens,
    createdAt: iso(m.createdAt),
  };
}
