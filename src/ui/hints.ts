// The key hint line under the input: what the keys do right now, in the longest form that fits
// the width (60 columns and up get a useful line; narrower ones the essentials).
import { NEWLINE_KEYS } from './help.js';
import { cellWidth } from '../util/wrap.js';

export interface HintState {
  noteFor: string | null;
  overlay: boolean;
  focus: 'input' | 'checklist';
  busy: boolean;
  queued: number;
  /** The key was rejected and the offline coach is not answering yet. */
  offerOffline: boolean;
}

export function hintForms(s: HintState): string[] {
  if (s.noteFor) return ['Enter save note · Esc cancel', 'Enter save · Esc cancel'];
  if (s.overlay) return ['↑↓ scroll · Esc close · Tab chat · typing goes to chat', '↑↓ scroll · Esc close · Tab chat', 'Esc close'];
  if (s.focus === 'checklist') {
    return [
      '↑↓ move · ←→ phase · Space toggle · n note · Enter details · d decisions · Tab chat · typing goes to chat',
      '↑↓ ←→ · Space toggle · n note · Enter details · d decisions · Tab chat',
      'Space toggle · n note · d decisions · Tab chat',
      'Space · n · d · Tab',
    ];
  }
  if (s.busy) {
    const q = s.queued ? ` (${s.queued} queued, ↑ edits)` : '';
    return [`Enter queue${q} · Esc cancel reply · Tab checklist`, `Enter queue${s.queued ? ` (${s.queued})` : ''} · Esc cancel`, 'Esc cancel'];
  }
  if (s.offerOffline) {
    return ['API key rejected: /offline uses the offline coach · Ctrl+R retry · /help', 'key rejected: /offline · Ctrl+R retry', '/offline'];
  }
  return [
    `Enter send · ${NEWLINE_KEYS} newline · Tab checklist · /help · Ctrl+C quit`,
    'Enter send · Alt+Enter newline · Tab checklist · /help',
    'Enter send · Tab checklist · /help',
    'Tab checklist · /help',
  ];
}

/** The first form that fits in `width` cells (the line is indented by one); else the shortest. */
export function keyHint(s: HintState, width: number): string {
  const forms = hintForms(s);
  return forms.find((f) => cellWidth(f) <= width - 1) ?? forms[forms.length - 1]!;
}

export function placeholderFor(note: boolean, busy: boolean): string {
  if (note) return 'a note for this task — Enter saves (empty clears)';
  return busy ? 'the coach is replying — type ahead, Enter queues it' : 'message your coach — / for commands';
}
