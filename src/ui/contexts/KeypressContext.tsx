// One key subscription for the whole app (after Gemini CLI's contexts/KeypressContext.tsx): Ink's
// input is decoded once (paste-safe, see keys.ts) and each key event is offered to the subscribers
// from the highest priority down, until one takes it. Screens and panels subscribe with
// useKeypress instead of each running their own decoder.
import { useInput, type Key } from 'ink';
import { createContext, useCallback, useMemo, useRef, type ReactNode } from 'react';
import { KeyDecoder, type KeyEvent } from '../keys.js';

/** Returns false to pass the event on to lower priorities; anything else means handled. */
export type KeyHandler = (ev: KeyEvent) => boolean | void;

/** Who goes first: app-wide keys, then an open editor or panel, then the focused part. */
export const KeyPriority = {
  global: 100,
  modal: 50,
  panel: 20,
  focus: 10,
} as const;

interface Subscriber {
  handler: { current: KeyHandler };
  priority: number;
  order: number;
}

export interface KeypressApi {
  subscribe(handler: { current: KeyHandler }, priority: number): () => void;
}

export const KeypressContext = createContext<KeypressApi | null>(null);

export function KeypressProvider({ children, decoder }: { children: ReactNode; decoder?: KeyDecoder }) {
  const subscribers = useRef<Subscriber[]>([]);
  // Keys typed before any screen has subscribed (while the first one loads) wait for it.
  const pending = useRef<KeyEvent[]>([]);
  const order = useRef(0);
  const keys = useRef(decoder ?? new KeyDecoder());
  const subscribe = useCallback((handler: { current: KeyHandler }, priority: number) => {
    const sub: Subscriber = { handler, priority, order: order.current++ };
    // Highest priority first; among equals, the latest subscriber first (the innermost screen).
    subscribers.current = [...subscribers.current, sub].sort((a, b) => b.priority - a.priority || b.order - a.order);
    if (pending.current.length) {
      const early = pending.current;
      pending.current = [];
      queueMicrotask(() => early.forEach(dispatch));
    }
    return () => {
      subscribers.current = subscribers.current.filter((s) => s !== sub);
    };
  }, []);
  function dispatch(ev: KeyEvent): void {
    if (!subscribers.current.length) {
      pending.current.push(ev);
      return;
    }
    for (const s of subscribers.current) if (s.handler.current(ev) !== false) break;
  }
  useInput(useCallback((input: string, key: Key) => {
    for (const ev of keys.current.feed(input, key)) dispatch(ev);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []));
  const api = useMemo(() => ({ subscribe }), [subscribe]);
  return <KeypressContext.Provider value={api}>{children}</KeypressContext.Provider>;
}
