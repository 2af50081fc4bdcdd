// ↑/↓ through the messages sent in this session (and the history it opened with), keeping what was
// being typed as a draft to come back to, as shells and Gemini CLI do.
import { useCallback, useMemo, useRef } from 'react';

export function useInputHistory(initial: () => string[], limit = 50) {
  const entries = useRef<string[] | null>(null);
  entries.current ??= initial().slice(-limit);
  const index = useRef<number | null>(null);
  const draft = useRef('');

  const push = useCallback((text: string) => {
    const list = entries.current!;
    if (list.at(-1) !== text) list.push(text);
    if (list.length > limit) list.shift();
    index.current = null;
  }, [limit]);
  const reset = useCallback(() => {
    index.current = null;
  }, []);
  const browsing = useCallback(() => index.current !== null, []);
  /** The text to show after moving `dir` from `current`; null when there is nowhere to go. */
  const move = useCallback((dir: -1 | 1, current: string): string | null => {
    const list = entries.current!;
    if (!list.length) return null;
    let i = index.current;
    if (i === null) {
      if (dir > 0) return null;
      draft.current = current;
      i = list.length;
    }
    i = Math.max(0, i + dir);
    if (i >= list.length) {
      index.current = null;
      return draft.current;
    }
    index.current = i;
    return list[i]!;
  }, []);
  return useMemo(() => ({ push, reset, move, browsing }), [push, reset, move, browsing]);
}
