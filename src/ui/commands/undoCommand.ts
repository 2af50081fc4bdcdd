import { setTaskDone } from './doneCommand.js';
import type { SlashCommand } from './types.js';

export const undoCommand: SlashCommand = {
  name: 'undo',
  args: 'ID…',
  summary: 'mark tasks not done (e.g. /undo t3)',
  action: (ctx, arg) => (arg ? setTaskDone(ctx, arg, false) : ctx.ui.notice('usage: /undo ID, e.g. /undo t3', 'warn')),
};
