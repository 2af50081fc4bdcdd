// The one CommandContext the slash commands are written against, built from the screen's parts.
import type { AppContext } from '../../app/context.js';
import type { CommandContext } from '../commands/index.js';
import type { UiAction } from '../state/ui-state.js';
import type { useChat } from './useChat.js';
import type { SessionState } from './useSession.js';

export function useCommandContext(
  app: AppContext, session: SessionState, chat: Pick<ReturnType<typeof useChat>, 'notice' | 'retry'>, dispatch: (a: UiAction) => void,
  openDecisions: (withHistory: boolean) => void, quit: () => void,
): CommandContext {
  return {
    app,
    snapshot: session.getSnapshot,
    session: { options: session.options, set: (change) => session.setOptions(change) },
    ui: {
      notice: chat.notice,
      refresh: session.refresh,
      quit,
      openPanel: (p) => (p.kind === 'decisions' ? openDecisions(false) : dispatch({ type: 'open', overlay: p })),
      focusChecklist: () => dispatch({ type: 'focus', focus: 'checklist' }),
    },
    chat: { retry: chat.retry },
  };
}
