// Messages typed while the coach is replying wait here (shown as "queued") and go out one by one
// as each reply ends. Read synchronously by the chat's completion (several keys can arrive before
// a render), hence the ref-backed state.
import { useCallback, useMemo } from 'react';
import { useRefState } from './useRefState.js';

export interface MessageQueue {
  queued: readonly string[];
  add(text: string): void;
  /** The next message to send, removed from the queue; null when empty. */
  shift(): string | null;
  /** Everything queued, removed (a failure hands them back to the input). */
  takeAll(): string[];
  /** The most recently queued message, removed (↑ on an empty input edits it again). */
  takeLast(): string | null;
  size(): number;
}

export function useMessageQueue(): MessageQueue {
  const [queued, get, set] = useRefState<string[]>([]);
  const add = useCallback((text: string) => set((q) => [...q, text]), [set]);
  const shift = useCallback(() => {
    const q = get();
    if (!q.length) return null;
    set(q.slice(1));
    return q[0]!;
  }, [get, set]);
  const takeAll = useCallback(() => {
    const q = get();
    if (q.length) set([]);
    return q;
  }, [get, set]);
  const takeLast = useCallback(() => {
    const q = get();
    if (!q.length) return null;
    set(q.slice(0, -1));
    return q[q.length - 1]!;
  }, [get, set]);
  const size = useCallback(() => get().length, [get]);
  return useMemo(() => ({ queued, add, shift, takeAll, takeLast, size }), [queued, add, shift, takeAll, takeLast, size]);
}
