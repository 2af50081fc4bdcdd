// The root: one key stream for every screen (KeypressProvider), then onboarding when the profile
// or its active project is missing, else the main screen. What they show first is loaded by the
// runner before the first frame (or here in an effect), never while rendering.
import { useApp } from 'ink';
import { useCallback, useEffect, useState } from 'react';
import type { AppContext } from '../app/context.js';
import { KeypressProvider } from './contexts/KeypressContext.js';
import type { Size } from './hooks/useTerminalSize.js';
import { MainScreen } from './MainScreen.js';
import { Onboarding } from './Onboarding.js';
import { loadBoot, type Boot } from './session.js';

export interface AppProps {
  ctx: AppContext;
  offline: boolean;
  /** What the first screen needs, loaded by the runner; loaded on mount when absent (tests). */
  boot?: Boot;
  /** Fixed size (tests); otherwise the terminal's, updated on resize. */
  size?: Partial<Size>;
  onWidthChange?: () => void;
  /** Filled by the app: how the runner asks it to quit (signals). */
  controls?: { quit?: () => void };
  /** Called once when the app has finished (before unmount). */
  onExit?: () => void;
}

export function App(props: AppProps) {
  const { exit } = useApp();
  const [boot, setBoot] = useState<Boot | null>(props.boot ?? null);
  useEffect(() => {
    if (!boot) setBoot(loadBoot(props.ctx, props.offline));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const quit = useCallback(() => {
    props.onExit?.();
    exit();
  }, [exit, props.onExit]);
  if (boot && !boot.snapshot && props.controls) props.controls.quit = quit;
  return (
    <KeypressProvider>
      {!boot ? null : boot.snapshot ? (
        <MainScreen
          ctx={props.ctx} offline={props.offline} snapshot={boot.snapshot} items={boot.items} printed={boot.printed} size={props.size}
          onQuit={quit} onWidthChange={props.onWidthChange} controls={props.controls}
        />
      ) : (
        <Onboarding ctx={props.ctx} offline={props.offline} start={boot.onboarding!} size={props.size} onQuit={quit} onDone={(items) => setBoot(loadBoot(props.ctx, props.offline, items))} />
      )}
    </KeypressProvider>
  );
}
