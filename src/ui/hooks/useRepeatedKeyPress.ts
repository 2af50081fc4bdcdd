// Counts presses of one key within a time window (Ctrl+C: the first cancels or clears, a second
// within the window quits). Any other key resets the count.
import { useCallback, useMemo, useRef } from 'react';

export function useRepeatedKeyPress(windowMs: number, now: () => number = Date.now) {
  const last = useRef(0);
  const count = useRef(0);
  /** Records a press; returns how many presses in a row this is (1 for the first). */
  const press = useCallback(() => {
    const t = now();
    count.current = t - last.current < windowMs ? count.current + 1 : 1;
    last.current = t;
    return count.current;
  }, [windowMs, now]);
  const reset = useCallback(() => {
    count.current = 0;
    last.current = 0;
  }, []);
  return useMemo(() => ({ press, reset }), [press, reset]);
}
