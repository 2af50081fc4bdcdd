// `/model [NAME]`: shows the model, or uses another one for this session (validated like the setting).
import { checkModel, knownModels } from '../actions.js';
import type { SlashCommand } from './types.js';

export const modelCommand: SlashCommand = {
  name: 'model',
  args: '[NAME]',
  summary: 'use another Claude model this session',
  action: (ctx, name) => {
    if (!name) {
      const s = ctx.snapshot();
      ctx.ui.notice(`Model: ${s.model}${s.offline ? ' (the offline coach is answering)' : ''}. Priced models: ${knownModels().join(', ')}. \`/model NAME\` switches for this session; \`coach config set model NAME\` keeps it.`);
      return;
    }
    const { model, warning } = checkModel(name);
    ctx.session.set((o) => ({ ...o, model }));
    ctx.ui.refresh();
    const offline = ctx.snapshot().offline ? ' (The offline coach answers until you switch /offline off or set a key.)' : '';
    ctx.ui.notice(`Using ${model} for this session.${warning ? ` Note: ${warning}.` : ''}${offline}`, warning ? 'warn' : 'ok');
  },
};
