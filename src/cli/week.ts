// coach week: overdue tasks first, then the next ones that fit your hours this week, and what is due next week.
import { Command } from 'commander';
import { requireProfile, requireProject } from '../app/context.js';
import { weekFor } from '../app/schedule.js';
import { shortDay } from '../plan/schedule.js';
import type { WeekTask } from '../plan/week.js';
import type { Output } from './output.js';
import { count, relativeDays } from '../util/words.js';
import { act, examples, jsonOption } from './shared.js';

function taskLine(out: Output, t: WeekTask, today: string): string {
  const due = t.dueDate ? shortDay(t.dueDate, today) : 'no date';
  const late = t.daysLate > 0 ? out.red(` · ${count(t.daysLate, 'day')} late`) : '';
  return `  ☐ ${t.id.padEnd(4)}${t.title} ${out.dim(`(${t.hours} h · due ${due})`)}${late}`;
}

export function registerWeek(program: Command): void {
  examples(
    program.command('week').description('this week: overdue tasks first, then the next ones that fit your hours; and what is due next week')
      .addOption(jsonOption()),
    ['coach week', 'coach week --json', "coach week --json | jq '.overdue[].id'"],
  ).action(act(({ ctx, out, json }) => {
    const profile = requireProfile(ctx);
    const { row } = requireProject(ctx, profile, { allowPaused: true });
    const w = weekFor(ctx, row, profile);
    if (json) return out.json(w);
    const launch = w.launchDate
      ? ` · launch ${shortDay(w.launchDate, w.today)} (${relativeDays(w.daysToLaunch!)})`
      : '';
    out.line(out.bold(`This week: ${shortDay(w.weekStart, w.today)} – ${shortDay(w.weekEnd, w.today)}`) + out.dim(`  ${w.plannedHours} of ${w.hoursPerWeek} h planned${launch}`));
    if (w.overdue.length) {
      out.line('');
      out.line(out.red(`Overdue (${w.overdue.length})`));
      for (const t of w.overdue) out.line(taskLine(out, t, w.today));
    }
    out.line('');
    out.line(out.bold('To do'));
    if (w.thisWeek.length) for (const t of w.thisWeek) out.line(taskLine(out, t, w.today));
    else out.line(out.dim(w.overdue.length ? '  the overdue tasks fill your hours this week' : '  nothing open: every task is done 🎉'));
    if (w.nextWeek.length) {
      out.line('');
      out.line(out.bold('Due next week'));
      for (const t of w.nextWeek) out.line(taskLine(out, t, w.today));
    }
  }));
}
