// Keys of the main screen's panels (checklist, overlays), kept out of the component: each takes
// the few getters and actions it needs.
import type { PlanPhase } from '../plan/schema.js';
import type { KeyEvent } from './keys.js';
import type { Snapshot } from './session.js';
import type { UiAction, UiState } from './state/ui-state.js';

/** The phase the checklist shows: the one browsed to with ←/→, else the current one. */
export function visiblePhaseOf(s: Snapshot, viewPhase: string | null): PlanPhase {
  return s.project.plan.phases.find((p) => p.id === (viewPhase ?? s.progress.currentPhase.id)) ?? s.progress.currentPhase;
}

export interface PanelKeyDeps {
  getUi: () => UiState;
  dispatch: (a: UiAction) => void;
  snapshot: () => Snapshot;
  /** The phase the checklist shows (the current one unless browsing with ←/→). */
  visiblePhase: () => PlanPhase;
  toggleTask: (taskId: string) => void;
  /** Opens the decisions panel, read from the store now (active ones, or with history). */
  openDecisions: (withHistory: boolean) => void;
  startNote: (taskId: string) => void;
  /** Printable text that belongs to the chat input: focus it and insert the text there. */
  typeIntoInput: (ev: KeyEvent) => void;
  inputEmpty: () => boolean;
  /** Rows of one page in the panel. */
  page: () => number;
  overlayLineCount: () => number;
}

/**
 * What a key does while the checklist or a panel has focus. Keys that cannot start a sentence
 * (arrows, Space, Enter, Tab…) act; so do the few documented letters (`n` note and `d` decisions
 * in the checklist, `a` in the decisions view, `n` in a task's details, `?` help) — but only when
 * they come alone and the chat input is empty. Anything else printable (other letters, capitals,
 * digits, a burst of typed-ahead text, a paste) goes to the chat input, which takes the focus.
 */
export function routePanelKey(ev: KeyEvent, letters: readonly string[], inputEmpty: boolean): 'act' | 'input' {
  if (ev.kind === 'paste') return 'input';
  if (ev.kind !== 'text') return 'act';
  if (ev.text === ' ') return 'act';
  if (inputEmpty && letters.includes(ev.text)) return 'act';
  return 'input';
}

export const CHECKLIST_LETTERS = ['n', 'd', '?'] as const;
export const DECISIONS_LETTERS = ['a', '?'] as const;
export const TASK_LETTERS = ['n', '?'] as const;

export function checklistKey(ev: KeyEvent, d: PanelKeyDeps): void {
  if (routePanelKey(ev, CHECKLIST_LETTERS, d.inputEmpty()) === 'input') return d.typeIntoInput(ev);
  const p = d.visiblePhase();
  const phases = d.snapshot().project.plan.phases;
  const tasks = p.tasks;
  const cur = Math.max(0, Math.min(d.getUi().cursor, tasks.length - 1));
  const move = (to: number) => d.dispatch({ type: 'cursor', to, count: tasks.length, phase: p.id });
  const shiftPhase = (dir: number) => {
    const next = phases[phases.findIndex((x) => x.id === p.id) + dir];
    if (next) d.dispatch({ type: 'phase', phase: next.id });
  };
  const text = ev.kind === 'text' ? ev.text : null;
  const task = tasks[cur];
  if (ev.kind === 'up') return move(cur - 1);
  if (ev.kind === 'down') return move(cur + 1);
  if (ev.kind === 'pageup') return move(cur - d.page());
  if (ev.kind === 'pagedown') return move(cur + d.page());
  if (ev.kind === 'home') return move(0);
  if (ev.kind === 'end') return move(tasks.length - 1);
  if (ev.kind === 'left') return shiftPhase(-1);
  if (ev.kind === 'right') return shiftPhase(1);
  if (ev.kind === 'tab') return d.dispatch({ type: 'toggleFocus' });
  if (text === ' ' && task) return d.toggleTask(task.id);
  if (text === 'n' && task) return d.startNote(task.id);
  if (ev.kind === 'enter' && task) return d.dispatch({ type: 'open', overlay: { kind: 'task', taskId: task.id } });
  if (text === 'd') return d.openDecisions(false);
  if (text === '?') return d.dispatch({ type: 'open', overlay: { kind: 'help' } });
}

export function overlayKey(ev: KeyEvent, d: PanelKeyDeps): void {
  const u = d.getUi();
  const o = u.overlay;
  if (!o) return;
  const letters = o.kind === 'decisions' ? DECISIONS_LETTERS : o.kind === 'task' ? TASK_LETTERS : ['?'];
  if (routePanelKey(ev, letters, d.inputEmpty()) === 'input') {
    d.dispatch({ type: 'close' });
    return d.typeIntoInput(ev);
  }
  const page = d.page();
  const max = Math.max(0, d.overlayLineCount() - page);
  const text = ev.kind === 'text' ? ev.text : null;
  const scroll = (to: number) => d.dispatch({ type: 'scroll', to, max });
  if (ev.kind === 'up') return scroll(u.scroll - 1);
  if (ev.kind === 'down') return scroll(u.scroll + 1);
  if (ev.kind === 'pageup') return scroll(u.scroll - page);
  if (ev.kind === 'pagedown' || (text === ' ' && o.kind !== 'task')) return scroll(u.scroll + page);
  if (ev.kind === 'home') return scroll(0);
  if (ev.kind === 'end') return scroll(max);
  if (ev.kind === 'tab') return d.dispatch({ type: 'toggleFocus' });
  if (ev.kind === 'enter') return d.dispatch({ type: 'close' });
  if (o.kind === 'decisions' && text === 'a') return d.openDecisions(!o.all);
  if (o.kind === 'task' && text === ' ') return d.toggleTask(o.taskId);
  if (o.kind === 'task' && text === 'n') return d.startNote(o.taskId);
  if (text === '?') return d.dispatch({ type: 'open', overlay: { kind: 'help' } });
}
