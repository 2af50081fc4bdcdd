// The slash-command registry: one list feeds the /help panel, the hints under the input and Tab
// completion. Each command is its own file, written against CommandContext (types.ts).
import { formatError } from '../../errors.js';
import { decisionsCommand } from './decisionsCommand.js';
import { doneCommand } from './doneCommand.js';
import { helpCommand } from './helpCommand.js';
import { modelCommand } from './modelCommand.js';
import { offlineCommand } from './offlineCommand.js';
import { quitCommand } from './quitCommand.js';
import { retryCommand } from './retryCommand.js';
import { tasksCommand } from './tasksCommand.js';
import type { CommandContext, SlashCommand } from './types.js';
import { undoCommand } from './undoCommand.js';
import { usageCommand } from './usageCommand.js';
import { progressCommand, weekCommand } from './weekCommand.js';

export type { CommandContext, PanelRequest, SlashCommand } from './types.js';

export const COMMANDS: readonly SlashCommand[] = [
  helpCommand,
  tasksCommand,
  weekCommand,
  progressCommand,
  decisionsCommand,
  usageCommand,
  doneCommand,
  undoCommand,
  retryCommand,
  modelCommand,
  offlineCommand,
  quitCommand,
];

export function isSlash(text: string): boolean {
  return /^\/[a-z]*(\s|$)/i.test(text.trimStart()) && !text.includes('\n');
}

/** Commands whose name starts with what was typed after '/', while the name is being typed. */
export function matchingCommands(text: string, commands: readonly SlashCommand[] = COMMANDS): SlashCommand[] {
  const m = /^\/([a-z]*)$/i.exec(text.trim());
  if (!m) return [];
  const typed = m[1]!.toLowerCase();
  return commands.filter((c) => c.name.startsWith(typed));
}

/** Tab completion: the unique (or first) match, with a trailing space when it takes arguments. */
export function completeSlash(text: string): string | null {
  const first = matchingCommands(text)[0];
  if (!first) return null;
  return `/${first.name}${first.args ? ' ' : ''}`;
}

/** Runs `/name arg`: an exact name, or an unambiguous prefix; failures become one line in the chat. */
export function runSlash(text: string, ctx: CommandContext, commands: readonly SlashCommand[] = COMMANDS): void {
  const m = /^\/([a-z]*)\s*(.*)$/is.exec(text.trim());
  const name = m?.[1]?.toLowerCase() ?? '';
  const arg = m?.[2]?.trim() ?? '';
  const prefixed = name ? matchingCommands(`/${name}`, commands) : [];
  const cmd = commands.find((c) => c.name === name) ?? (prefixed.length === 1 ? prefixed[0] : undefined);
  if (!cmd) {
    ctx.ui.notice(`unknown command "/${name}" — try /help`, 'warn');
    return;
  }
  try {
    cmd.action(ctx, arg);
  } catch (err) {
    ctx.ui.notice(formatError(err).replace(/^coach: /, ''), 'error');
  }
}
