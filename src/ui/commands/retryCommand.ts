import type { SlashCommand } from './types.js';

export const retryCommand: SlashCommand = {
  name: 'retry',
  summary: 'send your last message again (also Ctrl+R)',
  action: (ctx) => ctx.chat.retry(),
};
