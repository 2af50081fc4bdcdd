// The keys of the UI, as data: the help overlay and the README list them from here.
import { COMMANDS } from './commands/index.js';

export interface KeyHelp {
  keys: string;
  action: string;
}

/** Written once: the help panel and the README say the same. */
export const CHECKLIST_TYPING_RULE =
  'typing goes to the chat input (it takes the focus): only Space, Enter, arrows and the letters above act here, and the letters only while the input is empty; a paste always goes to the input';

export const NEWLINE_KEYS = 'Alt+Enter or Ctrl+J';

export const KEY_GROUPS: { title: string; keys: KeyHelp[] }[] = [
  {
    title: 'Everywhere',
    keys: [
      { keys: 'Tab', action: 'switch focus: chat input ↔ task checklist (the input has it at start)' },
      { keys: 'Esc', action: 'cancel the streaming reply (partial reply kept) · close a panel' },
      { keys: 'Ctrl+C', action: 'cancel the reply or clear the input; on an empty prompt (or twice) quit' },
      { keys: 'Ctrl+Y / Ctrl+X', action: "confirm / dismiss the detector's suggestion" },
      { keys: 'Ctrl+R', action: 'send your last message again (/retry), e.g. after an error' },
      { keys: '?', action: 'this help (from the checklist, or an empty input)' },
    ],
  },
  {
    title: 'Chat input',
    keys: [
      { keys: 'Enter', action: 'send; while the coach replies, queue it (sent when the reply ends)' },
      { keys: NEWLINE_KEYS, action: 'new line (pasting is always safe: a paste never sends)' },
      { keys: '← → Home End', action: 'move (Ctrl/Alt+← → by word, Ctrl+A / Ctrl+E line start / end)' },
      { keys: '↑ ↓', action: 'move between lines; on the first / last line: earlier messages you sent (↑ on an empty input: edit the last queued one)' },
      { keys: 'Ctrl+U / Ctrl+K / Ctrl+W', action: 'delete to line start / to line end / the word before' },
      { keys: 'Ctrl+D', action: 'delete the character under the cursor' },
      { keys: '/', action: 'commands (Tab completes)' },
    ],
  },
  {
    title: 'Task checklist',
    keys: [
      { keys: '↑ ↓ PgUp PgDn', action: 'move' },
      { keys: '← →', action: 'previous / next phase' },
      { keys: 'Space', action: 'toggle done' },
      { keys: 'n', action: 'add or edit a note' },
      { keys: 'Enter', action: 'details, tips and estimates' },
      { keys: 'd', action: 'decisions view' },
      { keys: 'anything else', action: CHECKLIST_TYPING_RULE },
    ],
  },
];

export function helpLines(): string[] {
  const lines: string[] = [];
  for (const group of KEY_GROUPS) {
    lines.push(`${group.title}`);
    for (const k of group.keys) lines.push(`  ${k.keys.padEnd(26)} ${k.action}`);
    lines.push('');
  }
  lines.push('Commands');
  for (const c of COMMANDS) lines.push(`  ${`/${c.name}${c.args ? ` ${c.args}` : ''}`.padEnd(26)} ${c.summary}`);
  return lines;
}
