// The data the main screen shows (profile, project, plan, task states, today's usage) and the
// session's overrides (/model, /offline). Loaded by the runner (or App's effect) before the screen
// mounts and reloaded by refresh() from handlers and effects — never while rendering.
import { useCallback, useMemo } from 'react';
import type { AppContext } from '../../app/context.js';
import { loadSnapshot, type SessionOptions, type Snapshot } from '../session.js';
import { useRefState } from './useRefState.js';

export interface SessionState {
  snapshot: Snapshot;
  getSnapshot(): Snapshot;
  options(): SessionOptions;
  setOptions(change: (o: SessionOptions) => SessionOptions): void;
  refresh(): void;
}

export function useSession(ctx: AppContext, offline: boolean, initial: Snapshot): SessionState {
  const [, getOptions, setOptionsState] = useRefState<SessionOptions>({ model: null, offline });
  const [snapshot, getSnapshot, setSnapshot] = useRefState<Snapshot>(initial);
  // The project cannot disappear under a running screen; keep the last good snapshot if it did.
  const refresh = useCallback(() => setSnapshot((prev) => loadSnapshot(ctx, getOptions()) ?? prev), [ctx, getOptions, setSnapshot]);
  const setOptions = useCallback((change: (o: SessionOptions) => SessionOptions) => setOptionsState(change), [setOptionsState]);
  return useMemo(() => ({ snapshot, getSnapshot, options: getOptions, setOptions, refresh }), [snapshot, getSnapshot, getOptions, setOptions, refresh]);
}
