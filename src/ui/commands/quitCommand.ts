import type { SlashCommand } from './types.js';

export const quitCommand: SlashCommand = {
  name: 'quit',
  summary: 'leave (everything is saved)',
  action: (ctx) => ctx.ui.quit(),
};
