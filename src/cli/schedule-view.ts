// Presenters for due dates and the launch date, shared by tasks, plan, project, week and decisions.
import type { LaunchMove } from '../app/schedule.js';
import { daysBetween, neededHoursPerWeek, shortDay, type Day } from '../plan/schedule.js';
import type { CustomizedPlan } from '../plan/schema.js';
import type { Output } from './output.js';

export function launchMovedLine(move: LaunchMove): string {
  return `Launch date moved to ${move.to}${move.from ? ` (was ${move.from})` : ''}: open tasks re-planned (see \`coach week\`)`;
}

/** "Mon Mar 3", "Mon Mar 3 · 2 days late" (red), "today" (yellow); done tasks plain. */
export function dueCell(out: Output, due: Day | null, today: Day, done: boolean): string {
  if (!due) return '';
  const text = shortDay(due, today);
  if (done) return out.dim(text);
  const late = daysBetween(due, today);
  if (late > 0) return out.red(`${text} · ${late} day${late === 1 ? '' : 's'} late`);
  if (late === 0) return out.yellow(`${text} · today`);
  return text;
}

/** `project show`: where the launch date comes from, and whether the hours fit it. */
export function launchInfo(plan: CustomizedPlan, done: ReadonlySet<string>, today: Day): { lines: string[]; neededHoursPerWeek: number | null } {
  const s = plan.schedule;
  if (!s) return { lines: [], neededHoursPerWeek: null };
  const lines: string[] = [];
  const was = s.previousLaunchDate ? `, was ${s.previousLaunchDate}` : '';
  if (s.launchSource === 'decision') lines.push(`Launch date set by your timeline decision${s.decisionId ? ` #${s.decisionId}` : ''}${s.movedOn ? ` on ${s.movedOn}` : ''}${was}; open tasks re-planned to it.`);
  else if (s.launchSource === 'manual') lines.push(`Launch date set by hand${s.movedOn ? ` on ${s.movedOn}` : ''}${was} (\`coach project set --launch\`); open tasks re-planned to it.`);
  else lines.push(`Launch date from the plan: ${s.hoursPerWeek} h/week from ${s.startDate}${was}.`);
  const needed = s.launchSource === 'plan' ? null : neededHoursPerWeek(plan, done, today);
  const hours = plan.personalisation.hoursPerWeek;
  if (needed !== null && needed > hours) lines.push(`To make it, the open tasks need about ${needed} h/week; you have ${hours}.`);
  return { lines, neededHoursPerWeek: needed };
}
