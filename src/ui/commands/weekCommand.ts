// /week: the same view as `coach week` — overdue first, then what fits this week's hours, then
// what is due next week — in a panel; /progress: progress per phase and the numbers' trend.
import { latestNumbersLines } from '../../app/metrics.js';
import { weekFor } from '../../app/schedule.js';
import type { WeekTask } from '../../plan/week.js';
import { barOf } from '../../util/charts.js';
import { count, relativeDays } from '../../util/words.js';
import type { CommandContext, SlashCommand } from './types.js';

const taskLine = (t: WeekTask) => `☐ ${t.id} ${t.title} (${t.hours} h · due ${t.dueDate ?? '—'}${t.daysLate ? ` · ${count(t.daysLate, 'day')} late` : ''})`;

export function weekLinesFor(ctx: CommandContext): string[] {
  const snap = ctx.snapshot();
  const w = weekFor(ctx.app, snap.project.row, snap.profile);
  const lines = [`${w.weekStart} – ${w.weekEnd}: ${w.plannedHours} of ${w.hoursPerWeek} h planned${w.launchDate ? ` · launch ${w.launchDate} (${relativeDays(w.daysToLaunch!)})` : ''}`];
  if (w.overdue.length) lines.push('', `Overdue (${w.overdue.length})`, ...w.overdue.map(taskLine));
  lines.push('', 'To do', ...(w.thisWeek.length ? w.thisWeek.map(taskLine) : [w.overdue.length ? 'the overdue tasks fill this week' : 'nothing open: every task is done']));
  if (w.nextWeek.length) lines.push('', 'Due next week', ...w.nextWeek.map(taskLine));
  return lines;
}

export const weekCommand: SlashCommand = {
  name: 'week',
  summary: "this week's tasks: overdue first, then what fits your hours",
  action: (ctx) => ctx.ui.openPanel({ kind: 'text', title: 'This week', lines: weekLinesFor(ctx) }),
};

export function progressLinesFor(ctx: CommandContext): string[] {
  const snap = ctx.snapshot();
  const p = snap.progress;
  const lines = [`${barOf(p.percent / 100, 20)} ${p.done}/${p.total} tasks (${p.percent}%)`, ''];
  for (const ph of p.phases) lines.push(`${barOf(ph.percent / 100)} ${ph.done}/${ph.total} ${ph.title}`);
  const numbers = latestNumbersLines(snap.project.row, snap.project.plan, snap.profile);
  if (numbers.length) lines.push('', 'Numbers (`coach metrics`)', ...numbers);
  return lines;
}

export const progressCommand: SlashCommand = {
  name: 'progress',
  summary: 'progress per phase and your latest numbers',
  action: (ctx) => ctx.ui.openPanel({ kind: 'text', title: 'Progress', lines: progressLinesFor(ctx) }),
};

