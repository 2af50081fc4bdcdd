// A short message that clears itself (the key hint line's "Note saved", "Ctrl+C again to quit").
import { useCallback, useEffect, useRef, useState } from 'react';

export function useTimedMessage<T>(ms: number): [T | null, (message: T) => void, () => void] {
  const [message, setMessage] = useState<T | null>(null);
  const timer = useRef<NodeJS.Timeout | null>(null);
  const clear = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setMessage(null);
  }, []);
  const show = useCallback((m: T) => {
    if (timer.current) clearTimeout(timer.current);
    setMessage(m);
    timer.current = setTimeout(() => {
      timer.current = null;
      setMessage(null);
    }, ms);
  }, [ms]);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  return [message, show, clear];
}
