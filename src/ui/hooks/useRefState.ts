// State that event handlers can read synchronously: several key events can arrive in one stdin
// chunk, before React re-renders, and each must see the previous one's effect.
import { useCallback, useRef, useState } from 'react';

export function useRefState<T>(initial: T | (() => T)): [T, () => T, (next: T | ((prev: T) => T)) => void] {
  const [state, setState] = useState<T>(initial);
  const ref = useRef<T>(state);
  const get = useCallback(() => ref.current, []);
  const set = useCallback((next: T | ((prev: T) => T)) => {
    ref.current = typeof next === 'function' ? (next as (prev: T) => T)(ref.current) : next;
    setState(ref.current);
  }, []);
  return [state, get, set];
}
