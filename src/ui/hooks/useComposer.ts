// The chat input's behaviour: editing, ↑/↓ through lines then history, Tab completion of slash
// commands, and Enter — a slash command runs at once, a message is sent, or queued while a reply
// streams (as Claude Code does). The editor states live in useEditor so the chat can clear them.
import { useCallback, useMemo } from 'react';
import { isSlash, matchingCommands } from '../commands/index.js';
import { EMPTY_EDITOR, type EditorState } from '../editor.js';
import { editorKey } from '../editor-keys.js';
import type { KeyEvent } from '../keys.js';
import type { useChat } from './useChat.js';
import type { useInputHistory } from './useInputHistory.js';
import { useRefState } from './useRefState.js';

export interface EditorHandle {
  state: EditorState;
  get(): EditorState;
  set(next: EditorState): void;
}

export function useEditor(): EditorHandle {
  const [state, get, set] = useRefState<EditorState>(EMPTY_EDITOR);
  return useMemo(() => ({ state, get, set }), [state, get, set]);
}

type Chat = Pick<ReturnType<typeof useChat>, 'busyRef' | 'send' | 'enqueue' | 'takeLastQueued'>;

export function useComposer(input: EditorHandle, chat: Chat, history: ReturnType<typeof useInputHistory>, runCommand: (text: string) => void) {
  const submit = useCallback(() => {
    const text = input.get().text;
    if (!text.trim()) return;
    if (isSlash(text)) {
      history.push(text);
      input.set(EMPTY_EDITOR);
      return runCommand(text);
    }
    if (chat.busyRef.current) {
      // Sent when the reply ends; the input is free at once.
      chat.enqueue(text);
      history.push(text);
      return input.set(EMPTY_EDITOR);
    }
    chat.send(text);
  }, [input, chat, history, runCommand]);

  /** Any editing key; false when the key does nothing in an editor. */
  const edit = useCallback((ev: KeyEvent): boolean => {
    const before = input.get();
    const next = editorKey(before, ev, { multiline: true });
    if (!next) return false;
    if (next.text !== before.text) history.reset();
    input.set(next);
    return true;
  }, [input, history]);

  /** ↑/↓: lines of the input first; then ↑ on an empty input takes back a queued message; then history. */
  const vertical = useCallback((dir: -1 | 1) => {
    const moved = editorKey(input.get(), { kind: dir < 0 ? 'up' : 'down' }, { multiline: true });
    if (moved && !history.browsing()) return input.set(moved);
    if (dir < 0 && input.get().text === '' && !history.browsing()) {
      const back = chat.takeLastQueued();
      if (back !== null) return input.set({ text: back, cursor: back.length });
    }
    const text = history.move(dir, input.get().text);
    if (text !== null) input.set({ text, cursor: text.length });
  }, [input, chat, history]);

  /** Tab on a slash command being typed: complete it. False when there is nothing to complete. */
  const complete = useCallback((): boolean => {
    const first = matchingCommands(input.get().text)[0];
    if (!first) return false;
    const text = `/${first.name}${first.args ? ' ' : ''}`;
    input.set({ text, cursor: text.length });
    return true;
  }, [input]);

  return useMemo(() => ({ submit, edit, vertical, complete }), [submit, edit, vertical, complete]);
}
