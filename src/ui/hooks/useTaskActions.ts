// What the checklist, the task panel and the suggestion line do to the project: toggle a task, save
// a note, confirm or dismiss a detector suggestion — each through the shared services, each
// failure one line in the chat.
import { useCallback, useMemo, useRef } from 'react';
import type { AppContext } from '../../app/context.js';
import { applySuggestion, saveNote, toggleTaskNow } from '../actions.js';
import { errorLine } from '../error-line.js';
import type { Snapshot, Tone } from '../session.js';
import type { UiAction } from '../state/ui-state.js';
import type { SessionState } from './useSession.js';
import type { useChat } from './useChat.js';

type Chat = Pick<ReturnType<typeof useChat>, 'notice' | 'setSuggestions' | 'suggestions'>;

export function useTaskActions(ctx: AppContext, session: SessionState, chat: Chat, dispatch: (a: UiAction) => void, flash: (text: string, tone?: Tone) => void) {
  const guarded = useCallback(<T,>(fn: (s: Snapshot) => T): T | undefined => {
    try {
      return fn(session.getSnapshot());
    } catch (err) {
      chat.notice(errorLine(err).text, 'error');
      return undefined;
    }
  }, [session, chat]);

  const toggleTask = useCallback((taskId: string) => guarded((s) => {
    const task = s.project.plan.phases.flatMap((p) => p.tasks).find((t) => t.id === taskId);
    if (!task) return;
    const row = toggleTaskNow(ctx, s, task);
    dispatch({ type: 'view', phase: task.phaseId });
    session.refresh();
    flash(`${task.id} ${row.done ? 'done ✓' : 'reopened'}`, row.done ? 'ok' : 'info');
  }), [guarded, ctx, dispatch, session, flash]);

  const saveTaskNote = useCallback((taskId: string, text: string) => guarded((s) => {
    saveNote(ctx, s, taskId, text);
    session.refresh();
    flash(text.trim() ? `Note saved on ${taskId}` : `Note cleared on ${taskId}`, 'ok');
  }), [guarded, ctx, session, flash]);

  // Read synchronously: two presses may come before a render.
  const pending = useRef(chat.suggestions);
  pending.current = chat.suggestions;
  const resolveSuggestion = useCallback((accept: boolean) => {
    const s = pending.current[0];
    if (!s) return flash('No suggestion is waiting');
    pending.current = pending.current.slice(1);
    chat.setSuggestions((prev) => prev.filter((x) => x.key !== s.key));
    if (!accept) return flash('Suggestion dismissed');
    guarded((snap) => {
      chat.notice(applySuggestion(ctx, snap, s), 'ok');
      session.refresh();
    });
  }, [chat, flash, guarded, ctx, session]);

  return useMemo(() => ({ toggleTask, saveTaskNote, resolveSuggestion }), [toggleTask, saveTaskNote, resolveSuggestion]);
}
