// `coach chat` and bare `coach`: the terminal UI. Ink, React and the UI are imported only here,
// inside the actions, so every scripted command starts without loading them.
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import type { GlobalOptions } from './globals.js';
import { examples } from './shared.js';

function interactive(): boolean {
  return !!process.stdin.isTTY && !!process.stdout.isTTY;
}

/**
 * Ink's layout engine (yoga, emscripten) loads its inlined wasm through `fetch` whenever a global
 * fetch exists, which boots node's whole HTTP client first: ~75 ms before the first paint. Without
 * it, yoga decodes the same inlined binary directly. Restored as soon as the UI module is loaded.
 */
async function importWithoutFetch<T>(load: () => Promise<T>): Promise<T> {
  const g = globalThis as { fetch?: typeof fetch };
  const realFetch = g.fetch;
  g.fetch = undefined;
  try {
    return await load();
  } finally {
    g.fetch = realFetch;
  }
}

async function launch(globals: GlobalOptions, offline: boolean): Promise<void> {
  // Colour is decided before Ink and chalk load: --no-color / NO_COLOR turn it off.
  if (globals.color === false || (process.env.NO_COLOR ?? '') !== '') process.env.FORCE_COLOR = '0';
  const { runUi } = await importWithoutFetch(() => import('../ui/run.js'));
  const code = await runUi({ profile: globals.profile, offline });
  if (code !== 0) process.exitCode = code;
}

export function registerChat(program: Command): void {
  examples(
    program.command('chat')
      .description('the terminal UI, focused on the chat with your coach (plan, checklist and decisions one Tab away)')
      .option('--offline', 'use the offline coach for this session (free, not counted)'),
    ['coach chat', 'coach chat --offline', 'coach chat --profile work'],
  ).action(async (opts: { offline?: boolean }, cmd: Command) => {
    if (!interactive()) {
      throw new UsageError('`coach chat` needs an interactive terminal', { hint: 'in scripts, use `coach ask "…"`, or `coach ask -` to read the message from stdin' });
    }
    await launch(cmd.optsWithGlobals<GlobalOptions>(), !!opts.offline);
  });
}

/** Bare `coach`: the UI on a terminal (onboarding on first run); without one, the help, exit 0. */
export async function runDefaultAction(program: Command): Promise<void> {
  if (program.args.length) {
    // An unknown word is still "unknown command" (with commander's did-you-mean), not the UI.
    (program as unknown as { unknownCommand(): never }).unknownCommand();
  }
  if (!interactive()) {
    program.outputHelp();
    return;
  }
  await launch(program.opts<GlobalOptions>(), false);
}
