// `coach week` and the TUI's /week: what to do this week. Pure: plan, done ids, today, hours.
// Overdue open tasks first; then the next open tasks in plan order while their hours fit the
// week's hours (a single task bigger than the week is allowed on its own, or nothing would ever
// be planned); then what falls due next week. A week is the seven days from today (on a Sunday,
// "this week" is not just today), and next week the seven after.
import type { CustomizedPlan, PlanTask } from './schema.js';
import { daysBetween, dueDateOf, plusDays, type Day } from './schedule.js';
import { count, relativeDays } from '../util/words.js';

export interface WeekTask {
  id: string;
  phaseId: string;
  title: string;
  hours: number;
  dueDate: Day | null;
  /** Days past the due date (0 when not overdue). */
  daysLate: number;
}

export interface WeekView {
  today: Day;
  weekStart: Day;
  weekEnd: Day;
  hoursPerWeek: number;
  /** Hours of `overdue` + `thisWeek`. */
  plannedHours: number;
  launchDate: Day | null;
  daysToLaunch: number | null;
  overdue: WeekTask[];
  thisWeek: WeekTask[];
  nextWeek: WeekTask[];
}

function view(t: PlanTask, today: Day): WeekTask {
  const due = dueDateOf(t);
  return { id: t.id, phaseId: t.phaseId, title: t.title, hours: t.hours, dueDate: due, daysLate: due ? Math.max(0, daysBetween(due, today)) : 0 };
}

export function weekView(plan: CustomizedPlan, done: ReadonlySet<string>, today: Day, hoursPerWeek: number): WeekView {
  const weekStart = today;
  const weekEnd = plusDays(today, 6);
  const open = plan.phases.flatMap((p) => p.tasks).filter((t) => !done.has(t.id));
  const overdue = open.filter((t) => {
    const d = dueDateOf(t);
    return d !== null && d < today;
  });
  let hours = overdue.reduce((n, t) => n + t.hours, 0);
  const thisWeek: PlanTask[] = [];
  for (const t of open) {
    if (overdue.includes(t)) continue;
    const fits = hours + t.hours <= hoursPerWeek + 1e-9;
    const alone = overdue.length === 0 && thisWeek.length === 0;
    if (!fits && !alone) break;
    thisWeek.push(t);
    hours += t.hours;
    if (!fits) break;
  }
  const nextStart = plusDays(weekStart, 7);
  const nextEnd = plusDays(weekStart, 13);
  const nextWeek = open.filter((t) => {
    const d = dueDateOf(t);
    return d !== null && d >= nextStart && d <= nextEnd && !thisWeek.includes(t);
  });
  const launchDate = plan.schedule?.launchDate ?? null;
  return {
    today, weekStart, weekEnd, hoursPerWeek,
    plannedHours: Math.round(hours * 10) / 10,
    launchDate,
    daysToLaunch: launchDate ? daysBetween(today, launchDate) : null,
    overdue: overdue.map((t) => view(t, today)),
    thisWeek: thisWeek.map((t) => view(t, today)),
    nextWeek: nextWeek.map((t) => view(t, today)),
  };
}

/** The week in a few lines, for the coach's prompt and the offline coach. */
export function weekLines(w: WeekView): string[] {
  const lines: string[] = [];
  if (w.launchDate) lines.push(`Target launch: ${w.launchDate} (${relativeDays(w.daysToLaunch!)}); today is ${w.today}`);
  const list = (ts: WeekTask[]) => ts.map((t) => `${t.id} ${t.title} (${t.hours} h, due ${t.dueDate ?? '—'}${t.daysLate ? `, ${count(t.daysLate, 'day')} late` : ''})`).join('; ');
  if (w.overdue.length) lines.push(`Overdue: ${list(w.overdue)}`);
  if (w.thisWeek.length) lines.push(`This week (${w.plannedHours} of ${w.hoursPerWeek} h with the overdue ones): ${list(w.thisWeek)}`);
  if (w.nextWeek.length) lines.push(`Due next week: ${list(w.nextWeek)}`);
  return lines;
}
