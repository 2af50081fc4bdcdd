// `/offline`: the offline coach answers for the rest of the session (free, not counted), or not.
import { resolveMode } from '../../app/context.js';
import type { SlashCommand } from './types.js';

export const offlineCommand: SlashCommand = {
  name: 'offline',
  summary: 'switch the offline coach on/off',
  action: (ctx) => {
    if (resolveMode(ctx.app, false).offline) {
      ctx.ui.notice('No API key is set, so the offline coach is answering already. Add one with `coach config set-key`.', 'warn');
      return;
    }
    ctx.session.set((o) => ({ ...o, offline: !o.offline }));
    ctx.ui.refresh();
    ctx.ui.notice(ctx.session.options().offline ? 'The offline coach answers now (free, not counted). /offline again to switch back.' : `Back to ${ctx.snapshot().model}.`, 'ok');
  },
};
