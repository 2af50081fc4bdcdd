// Slash commands as data: one registry feeds the /help overlay, the hint list under the input
// and Tab completion. Each action goes through the CommandApi the app provides, which calls the
// shared services (the same ones the `coach tasks …` commands use).
import { formatError } from '../errors.js';
import type { Tone } from './session.js';

export interface CommandApi {
  notice(text: string, tone?: Tone): void;
  openOverlay(view: 'help' | 'decisions'): void;
  focusChecklist(): void;
  setTaskDone(id: string, done: boolean): void;
  setModel(name: string | null): void;
  toggleOffline(): void;
  showUsage(): void;
  quit(): void;
}

export interface SlashCommand {
  name: string;
  args?: string;
  summary: string;
  run(api: CommandApi, arg: string): void;
}

export const COMMANDS: readonly SlashCommand[] = [
  { name: 'help', summary: 'keys and commands', run: (api) => api.openOverlay('help') },
  { name: 'tasks', summary: 'move to the task checklist', run: (api) => api.focusChecklist() },
  { name: 'decisions', summary: 'decisions made so far', run: (api) => api.openOverlay('decisions') },
  { name: 'usage', summary: "today's messages and cost", run: (api) => api.showUsage() },
  {
    name: 'done', args: 'ID', summary: 'mark a task done (e.g. /done t3)',
    run: (api, arg) => (arg ? api.setTaskDone(arg, true) : api.notice('usage: /done ID, e.g. /done t3', 'warn')),
  },
  {
    name: 'undo', args: 'ID', summary: 'mark a task not done',
    run: (api, arg) => (arg ? api.setTaskDone(arg, false) : api.notice('usage: /undo ID, e.g. /undo t3', 'warn')),
  },
  { name: 'model', args: '[NAME]', summary: 'use another Claude model this session', run: (api, arg) => api.setModel(arg || null) },
  { name: 'offline', summary: 'switch the offline coach on/off', run: (api) => api.toggleOffline() },
  { name: 'quit', summary: 'leave (everything is saved)', run: (api) => api.quit() },
];

export function isSlash(text: string): boolean {
  return /^\/[a-z]*(\s|$)/i.test(text.trimStart()) && !text.includes('\n');
}

/** Commands whose name starts with what was typed after '/', while the name is being typed. */
export function matchingCommands(text: string): SlashCommand[] {
  const m = /^\/([a-z]*)$/i.exec(text.trim());
  if (!m) return [];
  const typed = m[1]!.toLowerCase();
  return COMMANDS.filter((c) => c.name.startsWith(typed));
}

/** Tab completion: the unique (or first) match, with a trailing space when it takes arguments. */
export function completeSlash(text: string): string | null {
  const matches = matchingCommands(text);
  const first = matches[0];
  if (!first) return null;
  return `/${first.name}${first.args ? ' ' : ''}`;
}

export function runSlash(text: string, api: CommandApi): void {
  const m = /^\/([a-z]*)\s*(.*)$/is.exec(text.trim());
  const name = m?.[1]?.toLowerCase() ?? '';
  const arg = m?.[2]?.trim() ?? '';
  const cmd = COMMANDS.find((c) => c.name === name) ?? (name ? matchingCommands(`/${name}`).length === 1 ? matchingCommands(`/${name}`)[0] : undefined : undefined);
  if (!cmd) {
    api.notice(`unknown command "/${name}" — try /help`, 'warn');
    return;
  }
  try {
    cmd.run(api, arg);
  } catch (err) {
    api.notice(formatError(err).replace(/^coach: /, ''), 'error');
  }
}
