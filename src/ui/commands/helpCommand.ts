import type { SlashCommand } from './types.js';

export const helpCommand: SlashCommand = {
  name: 'help',
  summary: 'keys and commands',
  action: (ctx) => ctx.ui.openPanel({ kind: 'help' }),
};
