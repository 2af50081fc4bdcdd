import type { SlashCommand } from './types.js';

export const tasksCommand: SlashCommand = {
  name: 'tasks',
  summary: 'move to the task checklist',
  action: (ctx) => ctx.ui.focusChecklist(),
};
