// What a slash command is, and the one context every command is written against (after Gemini
// CLI's ui/commands/types.ts). A command reaches the app only through this context: a new slash
// command is one new file in this folder plus its line in index.ts.
import type { AppContext } from '../../app/context.js';
import type { SessionOptions, Snapshot, Tone } from '../session.js';

/** A panel that opens in place of the checklist (scrolls with ↑↓, Esc closes). */
export type PanelRequest = { kind: 'help' } | { kind: 'decisions' } | { kind: 'text'; title: string; lines: string[] };

export interface CommandContext {
  /** Settings, store and clock: reach them through the use cases in src/app/. */
  app: AppContext;
  /** The profile, project, plan, task states and today's usage; throws when there is no project. */
  snapshot(): Snapshot;
  session: {
    /** `/model`, `/offline`: this session's overrides. */
    options(): SessionOptions;
    set(change: (o: SessionOptions) => SessionOptions): void;
  };
  ui: {
    /** One line (or a few) in the transcript. */
    notice(text: string, tone?: Tone): void;
    openPanel(panel: PanelRequest): void;
    focusChecklist(): void;
    /** Reload the snapshot after a change to the store. */
    refresh(): void;
    quit(): void;
  };
  chat: {
    /** Sends the last message again (after a failure); says so when there is nothing to resend. */
    retry(): void;
  };
}

export interface SlashCommand {
  name: string;
  /** Argument synopsis shown in help and hints, e.g. "ID" or "[NAME]". */
  args?: string;
  summary: string;
  action(ctx: CommandContext, arg: string): void;
}
