// The root: onboarding when the profile or its active project is missing, else the main screen.
import { useApp } from 'ink';
import { useCallback, useState } from 'react';
import type { AppContext } from '../app/context.js';
import type { Size } from './hooks/useTerminalSize.js';
import { MainScreen } from './MainScreen.js';
import { Onboarding } from './Onboarding.js';
import { loadSnapshot, type TranscriptItem } from './session.js';

export interface AppProps {
  ctx: AppContext;
  offline: boolean;
  /** Fixed size (tests); otherwise the terminal's, updated on resize. */
  size?: Partial<Size>;
  onWidthChange?: () => void;
  /** The opening transcript, already printed above the UI by the runner (see MainScreen). */
  printed?: TranscriptItem[];
  /** Filled by the app: how the runner asks it to quit (signals). */
  controls?: { quit?: () => void };
  /** Called once when the app has finished (before unmount). */
  onExit?: () => void;
}

export function App(props: AppProps) {
  const { exit } = useApp();
  const [stage, setStage] = useState<'onboarding' | 'main'>(() => (loadSnapshot(props.ctx, { model: null, offline: props.offline }) ? 'main' : 'onboarding'));
  const [carried, setCarried] = useState<TranscriptItem[]>([]);
  const quit = useCallback(() => {
    props.onExit?.();
    exit();
  }, [exit, props.onExit]);
  if (stage === 'onboarding') {
    if (props.controls) props.controls.quit = quit;
    return (
      <Onboarding
        ctx={props.ctx} offline={props.offline} size={props.size} onQuit={quit}
        onDone={(items) => {
          setCarried(items);
          setStage('main');
        }}
      />
    );
  }
  return (
    <MainScreen
      ctx={props.ctx} offline={props.offline} size={props.size}
      initialItems={carried} printed={carried.length ? undefined : props.printed} onQuit={quit} onWidthChange={props.onWidthChange} controls={props.controls}
    />
  );
}
