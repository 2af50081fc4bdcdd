// The main screen's view state as a reducer: what has the focus, which panel is open, where the
// checklist cursor is, which task's note is being edited. Pure: (state, action) → state.
import type { DecisionRow } from '../../store/schema.js';

export type Focus = 'input' | 'checklist';
export type OverlayState =
  | { kind: 'help' }
  | { kind: 'decisions'; all: boolean; rows: DecisionRow[] }
  | { kind: 'task'; taskId: string }
  | { kind: 'text'; title: string; lines: string[] };

export interface UiState {
  focus: Focus;
  overlay: OverlayState | null;
  scroll: number;
  cursor: number;
  /** Phase shown in the checklist; null = the current phase. */
  viewPhase: string | null;
  /** Task whose note is being edited in the input box. */
  noteFor: string | null;
  /** The API key was rejected this session: /offline stays offered. */
  keyRejected: boolean;
}

export const INITIAL_UI: UiState = { focus: 'input', overlay: null, scroll: 0, cursor: 0, viewPhase: null, noteFor: null, keyRejected: false };

export type UiAction =
  | { type: 'focus'; focus: Focus }
  | { type: 'toggleFocus' }
  | { type: 'open'; overlay: OverlayState }
  | { type: 'close' }
  | { type: 'scroll'; to: number; max: number }
  | { type: 'cursor'; to: number; count: number; phase: string }
  | { type: 'phase'; phase: string }
  | { type: 'view'; phase: string }
  | { type: 'note'; taskId: string | null }
  | { type: 'keyRejected' };

export function uiReducer(s: UiState, a: UiAction): UiState {
  switch (a.type) {
    case 'focus':
      return { ...s, overlay: null, focus: a.focus };
    case 'toggleFocus':
      return { ...s, overlay: null, focus: s.focus === 'input' ? 'checklist' : 'input' };
    case 'open':
      return { ...s, overlay: a.overlay, scroll: 0 };
    case 'close':
      return { ...s, overlay: null, scroll: 0 };
    case 'scroll':
      return { ...s, scroll: Math.max(0, Math.min(a.max, a.to)) };
    case 'cursor':
      return { ...s, cursor: Math.max(0, Math.min(a.count - 1, a.to)), viewPhase: a.phase };
    case 'phase':
      return { ...s, viewPhase: a.phase, cursor: 0 };
    case 'view':
      return { ...s, viewPhase: a.phase };
    case 'note':
      return { ...s, noteFor: a.taskId };
    case 'keyRejected':
      return { ...s, keyRejected: true };
  }
}
