// Business-number check-ins as use cases: read them (validated) from the project, add one (in an
// IMMEDIATE transaction, so two processes adding at once both land), and the latest numbers with
// what they mean — the one function the CLI, the offline coach and the Claude prompt share.
import { StoreError, UsageError } from '../errors.js';
import type { StoreContext } from './context.js';
import { addCheckIn, latestNumbers, numbersLines, parseCheckIns, thresholdChecks, type CheckIn, type LatestNumbers, type Numbers, type ThresholdCheck } from '../plan/metrics.js';
import type { CustomizedPlan } from '../plan/schema.js';
import { weekLines, type WeekView } from '../plan/week.js';
import type { PromptNumbers } from '../coach/prompt-numbers.js';
import type { Db } from '../store/db.js';
import { getProject, updateProjectMetrics } from '../store/projects.js';
import { dayOf } from './schedule.js';
import type { ProfileRow, ProjectRow } from '../store/schema.js';

export function checkInsOf(row: Pick<ProjectRow, 'id' | 'metrics'>): CheckIn[] {
  const parsed = parseCheckIns(row.metrics ?? '[]');
  if (!parsed.ok) {
    throw new StoreError(`the numbers stored for project #${row.id} are unreadable (${parsed.error})`, { hint: 'see them with `coach export --format json`; `coach doctor` checks the database' });
  }
  return parsed.value;
}

export interface NumbersReport {
  checkIns: CheckIn[];
  latest: LatestNumbers;
  checks: ThresholdCheck[];
}

/** The latest numbers of a project and the plan's thresholds they answer. Pure given the row. */
export function numbersReport(row: Pick<ProjectRow, 'id' | 'metrics'>, plan: CustomizedPlan, profile: Pick<ProfileRow, 'incomeGoalCents'>): NumbersReport {
  const checkIns = checkInsOf(row);
  const latest = latestNumbers(checkIns, profile.incomeGoalCents == null ? null : profile.incomeGoalCents / 100);
  return { checkIns, latest, checks: thresholdChecks(plan, latest) };
}

/**
 * Records a check-in for `date`. Refuses what cannot be true: more members leaving than the
 * project had. Nothing is stored when it refuses.
 */
export function addNumbers(ctx: StoreContext, projectId: number, date: string, numbers: Numbers): CheckIn[] {
  const now = ctx.now();
  return ctx.store().db.transaction((tx) => {
    const row = getProject(tx as unknown as Db, projectId);
    if (!row) throw new UsageError(`no project #${projectId}`);
    const list = checkInsOf(row);
    if (numbers.churned !== undefined) {
      const before = list.filter((c) => c.date < date && c.members !== undefined).at(-1)?.members;
      // at most everyone who was there before, plus everyone still there now (who may have joined since)
      if (before !== undefined && numbers.churned > before + (numbers.members ?? 0)) {
        throw new UsageError(`--churned ${numbers.churned} is more members than you had (${before} before ${date}${numbers.members !== undefined ? `, ${numbers.members} now` : ''})`);
      }
    }
    const next = addCheckIn(list, date, numbers, new Date(now).toISOString());
    updateProjectMetrics(tx as unknown as Db, projectId, JSON.stringify(next), now);
    return next;
  }, { behavior: 'immediate' });
}

/** Numbers the creator confirmed from chat (a detector suggestion), recorded as today's check-in. */
export function recordConfirmedNumbers(ctx: StoreContext, projectId: number, numbers: Numbers): { date: string; checkIns: CheckIn[] } {
  const date = dayOf(ctx.now());
  return { date, checkIns: addNumbers(ctx, projectId, date, numbers) };
}

/** "The latest numbers" as lines (figures and the plan's checkpoints) for the offline coach and the prompt. */
export function latestNumbersLines(row: Pick<ProjectRow, 'id' | 'metrics'>, plan: CustomizedPlan, profile: Pick<ProfileRow, 'incomeGoalCents'>): string[] {
  try {
    const r = numbersReport(row, plan, profile);
    return numbersLines(r.latest, r.checks);
  } catch {
    return []; // unreadable numbers never stop a chat; `coach metrics` reports them
  }
}

/** What the Claude prompt is told about the numbers and the dates. */
export function promptNumbers(row: ProjectRow, plan: CustomizedPlan, profile: ProfileRow, week: WeekView): PromptNumbers {
  return { lines: latestNumbersLines(row, plan, profile), schedule: weekLines(week) };
}
