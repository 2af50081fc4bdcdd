// Starts the terminal UI (imported lazily by `coach` and `coach chat`, so scripted commands never
// load Ink or React). Sets up the terminal, renders, and restores everything on every way out.
import { render } from 'ink';
import { createContext, openData, type AppContext } from '../app/context.js';
import { App } from './App.js';
import { CLEAR_TERMINAL, startTerminalSession } from './terminal.js';
import { strayLines } from './stray.js';
import { loadBoot } from './session.js';
import { transcriptText } from './text/entries.js';

export interface RunUiOptions {
  profile?: string;
  offline?: boolean;
  /** Injected by tests; defaults to a context from the environment. */
  ctx?: AppContext;
}

/** Runs until the creator quits; returns the exit code. */
export async function runUi(opts: RunUiOptions): Promise<number> {
  const ctx = opts.ctx ?? createContext({ profile: opts.profile });
  // Open (and migrate) the store before the UI: a store problem is one line from the CLI handler.
  openData(ctx);
  // The opening transcript (banner and history) goes straight to the terminal, before Ink's first
  // frame, rendered by the same code as <Static> entries: laying it out through Ink would cost
  // most of the first paint. <Static> then holds only what is added during the session.
  const boot = loadBoot(ctx, !!opts.offline);
  const stdout = process.stdout;
  const controls: { quit?: () => void } = {};
  let forced: NodeJS.Timeout | undefined;
  let signalled: NodeJS.Signals | null = null;
  const term = startTerminalSession({
    stdout,
    stdin: process.stdin,
    onStray: (line, tone) => strayLines.emit(line, tone),
    onSignal: (signal) => {
      signalled ??= signal;
      // Ask the app to stop (the stream is aborted and its partial reply saved); force it if stuck.
      controls.quit?.();
      forced ??= setTimeout(() => {
        term.restore();
        process.exit(signal === 'SIGINT' ? 130 : signal === 'SIGHUP' ? 129 : 143);
      }, 3000);
      forced.unref();
    },
  });
  try {
    if (boot.items.length) stdout.write(transcriptText(boot.items, stdout.columns || 80));
    const instance = render(
      <App
        ctx={ctx} offline={!!opts.offline} controls={controls} boot={{ ...boot, printed: boot.items.length }}
        onWidthChange={() => stdout.write(CLEAR_TERMINAL)}
      />,
      { stdout, stdin: process.stdin, stderr: process.stderr, exitOnCtrlC: false, patchConsole: false, maxFps: 60 },
    );
    await instance.waitUntilExit();
    return signalled === null ? 0 : signalled === 'SIGINT' ? 130 : signalled === 'SIGHUP' ? 129 : 143;
  } finally {
    if (forced) clearTimeout(forced);
    term.restore();
    ctx.close();
  }
}
