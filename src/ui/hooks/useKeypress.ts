// Subscribes a handler to the app's one key stream (KeypressContext) while `isActive`. The
// handler may change every render; the subscription does not.
import { useContext, useEffect, useRef } from 'react';
import { KeypressContext, KeyPriority, type KeyHandler } from '../contexts/KeypressContext.js';

export { KeyPriority };

export function useKeypress(handler: KeyHandler, opts: { isActive?: boolean; priority?: number } = {}): void {
  const api = useContext(KeypressContext);
  if (!api) throw new Error('useKeypress needs a KeypressProvider above it');
  const ref = useRef(handler);
  ref.current = handler;
  const active = opts.isActive ?? true;
  const priority = opts.priority ?? KeyPriority.focus;
  useEffect(() => (active ? api.subscribe(ref, priority) : undefined), [api, active, priority]);
}
