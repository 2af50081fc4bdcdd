// The main screen's keys, as subscribers of the one key stream, highest priority first:
// app-wide keys (Ctrl+C, Esc, Ctrl+Y/X, Ctrl+R), the note editor, an open panel, then the
// checklist or the chat input — whichever has the focus. Each reads the state synchronously
// (several keys can arrive in one chunk) and passes on (false) what is not its business.
import { useCallback } from 'react';
import { EMPTY_EDITOR } from '../editor.js';
import { editorKey } from '../editor-keys.js';
import type { KeyEvent } from '../keys.js';
import { checklistKey, overlayKey, type PanelKeyDeps } from '../main-keys.js';
import type { Tone } from '../session.js';
import type { UiAction, UiState } from '../state/ui-state.js';
import type { useChat } from './useChat.js';
import type { EditorHandle, useComposer } from './useComposer.js';
import { KeyPriority, useKeypress } from './useKeypress.js';
import { useRepeatedKeyPress } from './useRepeatedKeyPress.js';
import type { useTaskActions } from './useTaskActions.js';

export const CTRL_C_WINDOW_MS = 1500;

export interface MainKeyDeps {
  getUi: () => UiState;
  dispatch: (a: UiAction) => void;
  chat: Pick<ReturnType<typeof useChat>, 'busyRef' | 'cancel' | 'retry'>;
  input: EditorHandle;
  note: EditorHandle;
  composer: ReturnType<typeof useComposer>;
  tasks: ReturnType<typeof useTaskActions>;
  panel: Omit<PanelKeyDeps, 'getUi' | 'dispatch' | 'toggleTask' | 'startNote' | 'typeIntoInput' | 'inputEmpty'>;
  flash: (text: string, tone?: Tone) => void;
  quit: () => void;
  quitting: () => boolean;
}

export function useMainKeys(d: MainKeyDeps): void {
  const ctrlC = useRepeatedKeyPress(CTRL_C_WINDOW_MS);
  const { getUi, dispatch, input, note, flash } = d;

  const startNote = useCallback((taskId: string) => {
    const current = d.panel.snapshot().states.get(taskId)?.note ?? '';
    note.set({ text: current, cursor: current.length });
    dispatch({ type: 'note', taskId });
  }, [d.panel, note, dispatch]);
  const finishNote = (save: boolean) => {
    const taskId = getUi().noteFor;
    if (!taskId) return;
    if (save) d.tasks.saveTaskNote(taskId, note.get().text);
    note.set(EMPTY_EDITOR);
    dispatch({ type: 'note', taskId: null });
  };
  const panelDeps: PanelKeyDeps = {
    ...d.panel, getUi, dispatch, toggleTask: d.tasks.toggleTask, startNote,
    inputEmpty: () => input.get().text === '',
    typeIntoInput: (ev) => {
      dispatch({ type: 'focus', focus: 'input' });
      d.composer.edit(ev);
    },
  };

  const onCtrlC = () => {
    if (ctrlC.press() >= 2) return d.quit();
    const u = getUi();
    if (d.chat.busyRef.current) {
      d.chat.cancel();
      return flash('Reply cancelled — Ctrl+C again to quit', 'warn');
    }
    if (u.noteFor) {
      finishNote(false);
      return flash('Note discarded — Ctrl+C again to quit', 'warn');
    }
    if (u.overlay) {
      dispatch({ type: 'close' });
      return flash('Ctrl+C again to quit', 'warn');
    }
    if (input.get().text) {
      input.set(EMPTY_EDITOR);
      return flash('Input cleared — Ctrl+C again to quit', 'warn');
    }
    d.quit();
  };

  useKeypress((ev) => {
    if (d.quitting()) return true;
    if (ev.kind === 'ctrl' && ev.letter === 'c') return onCtrlC();
    ctrlC.reset(); // "press again to quit" holds only while nothing else is pressed
    if (ev.kind === 'ctrl' && (ev.letter === 'y' || ev.letter === 'x')) return d.tasks.resolveSuggestion(ev.letter === 'y');
    if (ev.kind === 'ctrl' && ev.letter === 'r') return d.chat.retry();
    if (ev.kind !== 'escape') return false;
    const u = getUi();
    if (u.noteFor) return finishNote(false);
    if (u.overlay) return dispatch({ type: 'close' });
    if (d.chat.cancel()) return flash('Cancelling…', 'warn');
    if (u.focus === 'checklist') dispatch({ type: 'focus', focus: 'input' });
  }, { priority: KeyPriority.global });

  useKeypress((ev) => {
    if (!getUi().noteFor) return false;
    if (ev.kind === 'enter') return finishNote(true);
    if (ev.kind === 'tab') return;
    note.set(editorKey(note.get(), ev, { multiline: true }) ?? note.get());
  }, { priority: KeyPriority.modal });

  useKeypress((ev) => (getUi().overlay ? overlayKey(ev, panelDeps) : false), { priority: KeyPriority.panel });

  useKeypress((ev: KeyEvent) => {
    const u = getUi();
    if (u.focus === 'checklist') return checklistKey(ev, panelDeps);
    if (ev.kind === 'enter') return d.composer.submit();
    if (ev.kind === 'tab') return (!ev.shift && d.composer.complete()) || dispatch({ type: 'toggleFocus' });
    if (ev.kind === 'text' && ev.text === '?' && input.get().text === '') return dispatch({ type: 'open', overlay: { kind: 'help' } });
    if (ev.kind === 'up' || ev.kind === 'down') return d.composer.vertical(ev.kind === 'up' ? -1 : 1);
    d.composer.edit(ev);
  }, { priority: KeyPriority.focus });
}
