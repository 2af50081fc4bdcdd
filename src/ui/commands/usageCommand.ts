import { usageText } from '../actions.js';
import type { SlashCommand } from './types.js';

export const usageCommand: SlashCommand = {
  name: 'usage',
  summary: "today's messages and cost",
  action: (ctx) => {
    ctx.ui.refresh();
    ctx.ui.notice(usageText(ctx.snapshot()));
  },
};
