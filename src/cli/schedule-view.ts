// Presenters for due dates and the launch date, shared by tasks, plan, project, week and decisions.
import type { LaunchMove } from '../app/schedule.js';
import { daysBetween, neededHoursPerWeek, shortDay, type Day } from '../plan/schedule.js';
import type { CustomizedPlan } from '../plan/schema.js';
import { usdText, type CheckIn } from '../plan/metrics.js';
import { groupDigits } from '../plan/parse.js';
import { barOf, sparkline, trendText } from '../util/charts.js';
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

/** A progress bar: blocks on a colour terminal, ASCII ("[####......]") under NO_COLOR or in a pipe. */
export function progressBar(out: Output, ratio: number, width = 10): string {
  return out.color ? out.green(barOf(ratio, width)) : barOf(ratio, width, true);
}

/** Waitlist, members and MRR over time: a sparkline on a colour terminal, the series in words otherwise. */
export function numbersTrend(out: Output, list: readonly CheckIn[]): string[] {
  const rows: [string, 'waitlist' | 'members' | 'mrrUSD', (n: number) => string][] = [
    ['Waitlist', 'waitlist', groupDigits], ['Members ', 'members', groupDigits], ['MRR     ', 'mrrUSD', usdText],
  ];
  const lines: string[] = [];
  for (const [label, key, fmt] of rows) {
    const values = list.flatMap((c) => (c[key] === undefined ? [] : [c[key]!]));
    if (values.length < 2) continue;
    lines.push(out.color ? `${label} ${out.cyan(sparkline(values))}  ${fmt(values[0]!)} → ${fmt(values[values.length - 1]!)}` : `${label.trim()}: ${trendText(values, fmt)}`);
  }
  return lines;
}
