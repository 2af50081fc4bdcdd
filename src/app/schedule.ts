// Due dates as use cases: the plan's schedule at start, moving the launch date (a timeline
// decision or `project set --launch`), re-planning when the hours per week change, and the week
// view. The arithmetic is pure (plan/schedule.ts); this file reads the clock's local day and
// writes the re-planned plan back to `customized_plan` + `target_launch_date`.
import { UsageError } from '../errors.js';
import { launchDateFrom } from '../plan/launch-date.js';
import { daysBetween, initialSchedule, replan, type Day, type Replan } from '../plan/schedule.js';
import type { CustomizedPlan } from '../plan/schema.js';
import { weekView, type WeekView } from '../plan/week.js';
import type { Db } from '../store/db.js';
import { findCurrentProject, getProject, updateProjectPlan } from '../store/projects.js';
import type { DecisionRow, ProfileRow, ProjectRow } from '../store/schema.js';
import { doneTaskIds } from '../store/tasks.js';
import { localDay, systemTimeZone } from '../util/dates.js';
import { parsePlan, type StoreContext } from './context.js';

/** The creator's calendar day at `now` (TZ, else the system zone). */
export function dayOf(now: number): Day {
  return localDay(now, systemTimeZone());
}

/** The plan and launch date a new project starts with. */
export function startSchedule(plan: CustomizedPlan, now: number): { plan: CustomizedPlan; targetLaunchDate: Day } {
  const scheduled = initialSchedule(plan, dayOf(now));
  return { plan: scheduled, targetLaunchDate: scheduled.schedule!.launchDate };
}

export interface LaunchMove {
  from: Day | null;
  to: Day;
}

function save(db: Db, row: ProjectRow, change: Omit<Replan, 'today' | 'done'>, now: number): { row: ProjectRow; plan: CustomizedPlan } {
  const plan = replan(parsePlan(row), dayOf(row.createdAt), { ...change, today: dayOf(now), done: doneTaskIds(db, row.id) });
  const saved = updateProjectPlan(db, row.id, { customizedPlan: JSON.stringify(plan), targetLaunchDate: plan.schedule!.launchDate }, now);
  return { row: saved, plan };
}

/** `project set --launch DATE`: a launch date by hand (today or later); open tasks re-spread to it. */
export function setLaunchDate(ctx: StoreContext, row: ProjectRow, date: Day): { row: ProjectRow; plan: CustomizedPlan; move: LaunchMove } {
  const now = ctx.now();
  const today = dayOf(now);
  if (daysBetween(today, date) < 0) throw new UsageError(`--launch ${date} is in the past (today is ${today})`);
  const from = row.targetLaunchDate;
  return { ...save(ctx.store().db, row, { launch: { date, source: 'manual' } }, now), move: { from, to: date } };
}

/**
 * A timeline decision that names a launch date moves the project's launch there and re-spreads
 * the open tasks. Returns the move, or null when the decision names no launch date (or the same).
 * Call inside the transaction that recorded the decision.
 */
export function applyTimelineDecision(db: Db, projectId: number, decision: Pick<DecisionRow, 'id' | 'category' | 'decision' | 'value'>, now: number): LaunchMove | null {
  if (decision.category !== 'timeline') return null;
  const today = dayOf(now);
  const date = launchDateFrom(decision.value ?? '', today) ?? launchDateFrom(decision.decision, today);
  const row = getProject(db, projectId);
  if (!date || !row) return null;
  const from = row.targetLaunchDate;
  save(db, row, { launch: { date, source: 'decision', decisionId: decision.id } }, now);
  return from === date ? null : { from, to: date };
}

/** The profile's hours per week changed: its current project's open tasks follow the new pace. */
export function replanForHours(ctx: StoreContext, profile: ProfileRow): { row: ProjectRow; move: LaunchMove | null } | null {
  const db = ctx.store().db;
  const now = ctx.now();
  const row = findCurrentProject(db, profile.id);
  if (!row || profile.hoursPerWeek === null || profile.hoursPerWeek <= 0) return null;
  const from = row.targetLaunchDate;
  const saved = save(db, row, { hoursPerWeek: profile.hoursPerWeek }, now);
  const to = saved.plan.schedule!.launchDate;
  return { row: saved.row, move: from === to ? null : { from, to } };
}

export function weekFor(ctx: StoreContext, row: ProjectRow, profile: ProfileRow): WeekView {
  return weekOf(parsePlan(row), doneTaskIds(ctx.store().db, row.id), profile, ctx.now());
}

/** The week view from rows already read (an exchange's session). */
export function weekOf(plan: CustomizedPlan, done: ReadonlySet<string>, profile: Pick<ProfileRow, 'hoursPerWeek'>, now: number): WeekView {
  return weekView(plan, done, dayOf(now), profile.hoursPerWeek ?? plan.personalisation.hoursPerWeek);
}
