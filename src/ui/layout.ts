// How tall each part of the live area may be. Everything Ink redraws must stay within rows - 1
// (a frame as tall as the terminal makes Ink 6 clear the whole screen on every update), so the
// budget is computed here, once per render, and every component draws exactly what it is given.
export interface LayoutNeeds {
  rows: number;
  /** Lines the streaming reply would like (0 when nothing streams). */
  streamLines: number;
  /** Rows of the input text (after wrapping). */
  inputLines: number;
  /** Slash-command hint lines wanted. */
  hintLines: number;
  /** Messages waiting for the reply to end (one line each, at most MAX_QUEUE_ROWS). */
  queueLines?: number;
  /** A detector suggestion waits for confirmation. */
  suggestion: boolean;
  /** Lines the checklist or open overlay would like (title included). */
  panelLines: number;
  /** An overlay (help, decisions, task details) is open: it gets more room than the checklist. */
  overlay: boolean;
}

export interface Layout {
  /** Total height of the live area: never more than rows - 1. */
  total: number;
  stream: number;
  suggestion: number;
  plan: number;
  panel: number;
  /** Visible input rows (the box adds `inputBorder` rows around them). */
  input: number;
  inputBorder: number;
  hints: number;
  queue: number;
  keys: number;
  status: number;
}

export const MAX_INPUT_ROWS = 8;
export const MAX_HINT_ROWS = 5;
export const MAX_QUEUE_ROWS = 3;

export function computeLayout(n: LayoutNeeds): Layout {
  const budget = Math.max(1, n.rows - 1);
  const status = 1;
  let keys = budget >= 10 ? 1 : 0;
  const inputBorder = budget >= 8 ? 2 : 0;
  const inputCap = Math.max(1, Math.min(MAX_INPUT_ROWS, Math.floor(budget / 4)));
  let input = Math.max(1, Math.min(n.inputLines, inputCap));
  let hints = Math.min(n.hintLines, MAX_HINT_ROWS);
  let queue = Math.min(n.queueLines ?? 0, MAX_QUEUE_ROWS);
  let suggestion = n.suggestion ? 1 : 0;
  let plan = budget >= 14 ? 1 : 0;
  let rest = budget - status - keys - input - inputBorder - hints - queue - suggestion - plan;
  // Tiny terminals: give up the extras, least important first.
  const shrink: (() => boolean)[] = [
    () => (hints > 0 ? (hints--, true) : false),
    () => (plan > 0 ? (plan--, true) : false),
    () => (keys > 0 ? (keys--, true) : false),
    () => (queue > 1 ? (queue--, true) : false),
    () => (suggestion > 0 ? (suggestion--, true) : false),
    () => (input > 1 ? (input--, true) : false),
  ];
  for (const step of shrink) {
    while (rest < 0 && step()) rest++;
  }
  rest = Math.max(0, rest);

  let stream = 0;
  let panel = 0;
  if (n.streamLines > 0) {
    // While a reply streams, it gets most of the room; the panel keeps a small window.
    const panelFloor = Math.min(n.panelLines, n.overlay ? Math.floor(rest / 2) : Math.min(4, Math.floor(rest / 3)));
    stream = Math.min(n.streamLines, rest - panelFloor);
    panel = Math.min(n.panelLines, rest - stream);
  } else {
    panel = Math.min(n.panelLines, rest);
  }
  if (panel < 2) panel = 0;
  const total = stream + suggestion + plan + panel + input + inputBorder + hints + queue + keys + status;
  return { total, stream, suggestion, plan, panel, input, inputBorder, hints, queue, keys, status };
}
