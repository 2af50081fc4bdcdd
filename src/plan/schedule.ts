// Due dates for a plan's tasks. Pure: days are `YYYY-MM-DD` local calendar days passed in by the
// caller (no clock, no zone), so the same plan and day always give the same dates.
//
// - At the start every task is due at the end of the week personalise gave it (`dueWeek`), counted
//   from the project's start day; the launch is the due date of the launch task.
// - The launch task: the first task of the last phase when that phase is about the launch (the
//   shipped template's "Launch & grow" opens with "Open the doors"); otherwise the plan's last task.
//   Tasks after it are post-launch work and follow it at the creator's pace.
// - Re-planning (hours/week changed, launch date moved, `project set --launch`) moves only OPEN
//   tasks; done tasks keep the date they had. With a launch date the creator chose (a decision or
//   by hand) the open pre-launch tasks are spread over the days until it in proportion to their
//   hours; without one they follow the creator's hours per week from today, and the launch moves.
import type { CustomizedPlan, PlanTask } from './schema.js';

/** `YYYY-MM-DD` */
export type Day = string;

const DAY_MS = 86_400_000;
const num = (day: Day): number => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
};
const fromNum = (n: number): Day => new Date(n * DAY_MS).toISOString().slice(0, 10);
export const plusDays = (day: Day, n: number): Day => fromNum(num(day) + n);
export const daysBetween = (from: Day, to: Day): number => num(to) - num(from);

export type LaunchSource = 'plan' | 'decision' | 'manual';

/** Stored in `customized_plan.schedule`; each task carries its own `dueDate`. */
export interface PlanSchedule {
  startDate: Day;
  launchDate: Day;
  /** The task that is the launch itself (due on the launch date), or null: the plan's last task. */
  launchTaskId: string | null;
  /** Who set the launch date: the plan's own timeline, a timeline decision, or `project set --launch`. */
  launchSource: LaunchSource;
  /** The timeline decision that set it (source `decision`). */
  decisionId: number | null;
  /** The launch date before the last move, and the day it moved. */
  previousLaunchDate: Day | null;
  movedOn: Day | null;
  /** Hours per week the open tasks are planned at. */
  hoursPerWeek: number;
}

export interface ScheduledTask extends PlanTask {
  dueDate: Day;
}

export function launchTaskOf(plan: CustomizedPlan): string | null {
  const last = plan.phases[plan.phases.length - 1];
  if (plan.phases.length >= 2 && last && /launch/i.test(last.title)) return last.tasks[0]?.id ?? null;
  return null;
}

const tasksOf = (plan: CustomizedPlan): PlanTask[] => plan.phases.flatMap((p) => p.tasks);

function withDueDates(plan: CustomizedPlan, due: ReadonlyMap<string, Day>, schedule: PlanSchedule): CustomizedPlan {
  return {
    ...plan,
    phases: plan.phases.map((phase) => ({ ...phase, tasks: phase.tasks.map((t) => ({ ...t, dueDate: due.get(t.id) ?? t.dueDate })) })),
    schedule,
  };
}

function launchOf(plan: CustomizedPlan, launchTaskId: string | null, due: ReadonlyMap<string, Day>): Day {
  const tasks = tasksOf(plan);
  const id = launchTaskId ?? tasks[tasks.length - 1]?.id;
  return (id && due.get(id)) || plan.schedule?.launchDate || '1970-01-01';
}

/** The schedule at project start: each task due at the end of its `dueWeek`, counted from `startDate`. */
export function initialSchedule(plan: CustomizedPlan, startDate: Day): CustomizedPlan {
  const due = new Map(tasksOf(plan).map((t) => [t.id, plusDays(startDate, Math.max(1, t.dueWeek) * 7 - 1)]));
  const launchTaskId = launchTaskOf(plan);
  const p = plan.personalisation;
  const hoursPerWeek = p.timelineWeeks > 0 ? round1(p.totalHours / p.timelineWeeks) : p.hoursPerWeek;
  return withDueDates(plan, due, {
    startDate, launchDate: launchOf(plan, launchTaskId, due), launchTaskId, launchSource: 'plan', decisionId: null,
    previousLaunchDate: null, movedOn: null, hoursPerWeek,
  });
}

/** A plan stored before due dates existed gets them from its start day (read-only: nothing is written). */
export function ensureSchedule(plan: CustomizedPlan, startDate: Day): CustomizedPlan {
  if (plan.schedule && tasksOf(plan).every((t) => typeof t.dueDate === 'string')) return plan;
  return initialSchedule(plan, plan.schedule?.startDate ?? startDate);
}

export interface Replan {
  /** Today, the first day open tasks can be due. */
  today: Day;
  done: ReadonlySet<string>;
  /** A new pace (the profile's hours per week changed). */
  hoursPerWeek?: number;
  /** A new launch date (a timeline decision or `project set --launch`). */
  launch?: { date: Day; source: Exclude<LaunchSource, 'plan'>; decisionId?: number | null };
}

/** Open tasks get new due dates; done ones keep theirs. Returns the new plan (the input is not changed). */
export function replan(stored: CustomizedPlan, startDate: Day, change: Replan): CustomizedPlan {
  const plan = ensureSchedule(stored, startDate);
  const s = plan.schedule!;
  const hoursPerWeek = change.hoursPerWeek ?? s.hoursPerWeek;
  const pace = hoursPerWeek > 0 ? hoursPerWeek : 5;
  const tasks = tasksOf(plan);
  const due = new Map(tasks.map((t) => [t.id, (t as ScheduledTask).dueDate]));
  const launchIdx = s.launchTaskId ? tasks.findIndex((t) => t.id === s.launchTaskId) : tasks.length - 1;
  const pinned = change.launch ?? (s.launchSource !== 'plan' ? { date: s.launchDate, source: s.launchSource, decisionId: s.decisionId } : undefined);
  const isOpen = (t: PlanTask) => !change.done.has(t.id);

  const atPace = (list: PlanTask[], from: Day) => {
    let hours = 0;
    for (const t of list) {
      hours += t.hours;
      due.set(t.id, plusDays(from, Math.max(0, Math.ceil((hours / pace) * 7 - 1e-9) - 1)));
    }
  };

  let launchDate = s.launchDate;
  if (pinned) {
    launchDate = pinned.date;
    const pre = tasks.slice(0, launchIdx + 1).filter(isOpen);
    const post = tasks.slice(launchIdx + 1).filter(isOpen);
    const span = Math.max(0, daysBetween(change.today, launchDate));
    const total = pre.reduce((n, t) => n + t.hours, 0);
    let hours = 0;
    for (const t of pre) {
      hours += t.hours;
      due.set(t.id, plusDays(change.today, Math.min(span, Math.ceil((hours / total) * span - 1e-9))));
    }
    atPace(post, daysBetween(change.today, launchDate) >= 0 ? plusDays(launchDate, 1) : change.today);
  } else {
    atPace(tasks.filter(isOpen), change.today);
    const launchTask = tasks[launchIdx];
    if (launchTask && isOpen(launchTask)) launchDate = due.get(launchTask.id)!;
  }

  const moved = launchDate !== s.launchDate;
  const next = change.hoursPerWeek ? { ...plan, personalisation: { ...plan.personalisation, hoursPerWeek: change.hoursPerWeek } } : plan;
  return withDueDates(next, due, {
    ...s,
    launchDate,
    launchSource: pinned ? pinned.source : 'plan',
    decisionId: pinned ? (pinned.decisionId ?? null) : null,
    previousLaunchDate: moved ? s.launchDate : s.previousLaunchDate,
    movedOn: moved ? change.today : s.movedOn,
    hoursPerWeek: pace,
  });
}

/** Hours per week the open pre-launch tasks need to make the launch date (null once launched or when past). */
export function neededHoursPerWeek(plan: CustomizedPlan, done: ReadonlySet<string>, today: Day): number | null {
  const s = plan.schedule;
  if (!s) return null;
  const tasks = tasksOf(plan);
  const launchIdx = s.launchTaskId ? tasks.findIndex((t) => t.id === s.launchTaskId) : tasks.length - 1;
  const open = tasks.slice(0, launchIdx + 1).filter((t) => !done.has(t.id));
  const days = daysBetween(today, s.launchDate) + 1;
  if (!open.length || days <= 0) return null;
  return round1(open.reduce((n, t) => n + t.hours, 0) / (days / 7));
}

export interface PhaseDates {
  phaseId: string;
  /** First and last due date of the phase's tasks. */
  from: Day;
  to: Day;
}

export function phaseDates(plan: CustomizedPlan): PhaseDates[] {
  return plan.phases.flatMap((phase) => {
    const days = phase.tasks.map((t) => (t as Partial<ScheduledTask>).dueDate).filter((d): d is Day => !!d).sort();
    return days.length ? [{ phaseId: phase.id, from: days[0]!, to: days[days.length - 1]! }] : [];
  });
}

export function dueDateOf(task: PlanTask): Day | null {
  return (task as Partial<ScheduledTask>).dueDate ?? null;
}

/** Days a task is late (positive), or due in (negative); null without a due date. */
export function lateness(task: PlanTask, today: Day): number | null {
  const d = dueDateOf(task);
  return d ? daysBetween(d, today) : null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Mon Mar 3" (with the year when it is not `today`'s year: "Mon Mar 3 2027"). */
export function shortDay(day: Day, today?: Day): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
  const year = today && today.slice(0, 4) === day.slice(0, 4) ? '' : ` ${y}`;
  return `${weekday} ${MONTHS[m - 1]} ${d}${year}`;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
