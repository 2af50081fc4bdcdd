// `/done ID` and `/undo ID`: the same rule as `coach tasks done|undo` (unknown ids list the range).
import { markTask } from '../actions.js';
import type { CommandContext, SlashCommand } from './types.js';

export function setTaskDone(ctx: CommandContext, id: string, done: boolean): void {
  const { task } = markTask(ctx.app, ctx.snapshot(), id, done);
  ctx.ui.refresh();
  ctx.ui.notice(`${done ? 'Marked' : 'Reopened'} ${task.id} ${task.title}${done ? ' done' : ''}`, 'ok');
}

export const doneCommand: SlashCommand = {
  name: 'done',
  args: 'ID',
  summary: 'mark a task done (e.g. /done t3)',
  action: (ctx, arg) => (arg ? setTaskDone(ctx, arg, true) : ctx.ui.notice('usage: /done ID, e.g. /done t3', 'warn')),
};
