// `/done IDS` and `/undo IDS`: the same rule as `coach tasks done|undo` — several ids, ranges in
// the plan's order (t3-t5), or the start of a title; a task that already was so is said, unchanged.
import { markTasks, resolveTasks } from '../../app/tasks.js';
import type { CommandContext, SlashCommand } from './types.js';

const ID_OR_RANGE = /^t?\d+((-|–|\.\.)t?\d+)?$/i;

/** "t3 t4", "t3,t5-t7": several ids; anything else ("set your price") is one title start. */
export function taskArgs(arg: string): string[] {
  const words = arg.split(/[\s,]+/).filter(Boolean);
  return words.length && words.every((w) => ID_OR_RANGE.test(w)) ? words : [arg.trim()];
}

export function setTaskDone(ctx: CommandContext, arg: string, done: boolean): void {
  const snap = ctx.snapshot();
  const outcomes = markTasks(ctx.app, snap.project.row.id, resolveTasks(snap.project.plan, taskArgs(arg)), { done });
  ctx.ui.refresh();
  const changed = outcomes.filter((o) => o.changed).map((o) => o.task);
  const same = outcomes.filter((o) => !o.changed).map((o) => o.task);
  const named = (ts: typeof changed) => (ts.length === 1 ? `${ts[0]!.id} ${ts[0]!.title}` : ts.map((t) => t.id).join(', '));
  if (changed.length) ctx.ui.notice(done ? `Marked ${named(changed)} done` : `Reopened ${named(changed)}`, 'ok');
  if (same.length) ctx.ui.notice(`${named(same)} ${same.length === 1 ? 'was' : 'were'} ${done ? 'already done' : 'not done'}`, 'info');
}

export const doneCommand: SlashCommand = {
  name: 'done',
  args: 'ID…',
  summary: 'mark tasks done (e.g. /done t3, /done t3-t5)',
  action: (ctx, arg) => (arg ? setTaskDone(ctx, arg, true) : ctx.ui.notice('usage: /done ID, e.g. /done t3', 'warn')),
};
