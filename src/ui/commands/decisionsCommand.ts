import type { SlashCommand } from './types.js';

export const decisionsCommand: SlashCommand = {
  name: 'decisions',
  summary: 'decisions made so far',
  action: (ctx) => ctx.ui.openPanel({ kind: 'decisions' }),
};
