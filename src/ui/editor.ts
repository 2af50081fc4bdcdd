// The input box's text model: pure functions over { text, cursor }. The cursor is a UTF-16
// index that always sits on a grapheme boundary; layout wraps by display width (string-width),
// so wide characters and emoji take the cells they take on screen.
import stringWidth from 'string-width';
import { sanitizeForTerminal } from '../util/text.js';

export interface EditorState {
  text: string;
  cursor: number;
}

export const EMPTY_EDITOR: EditorState = { text: '', cursor: 0 };

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Typed or pasted text, made safe: no escape sequences or control characters, tabs as spaces. */
export function cleanTyped(text: string): string {
  return sanitizeForTerminal(text.replace(/\r\n?/g, '\n').replace(/\t/g, '    '));
}

export function setText(text: string): EditorState {
  const clean = cleanTyped(text);
  return { text: clean, cursor: clean.length };
}

export function insert(s: EditorState, raw: string): EditorState {
  const text = cleanTyped(raw);
  if (!text) return s;
  return { text: s.text.slice(0, s.cursor) + text + s.text.slice(s.cursor), cursor: s.cursor + text.length };
}

function prevBoundary(text: string, cursor: number): number {
  if (cursor <= 0) return 0;
  // Segment only the current line (plus a little) to stay cheap on long inputs.
  const lineStart = text.lastIndexOf('\n', cursor - 1) + 1;
  if (lineStart === cursor) return cursor - 1;
  let pos = lineStart;
  let prev = lineStart;
  for (const g of graphemes(text.slice(lineStart, cursor))) {
    prev = pos;
    pos += g.length;
  }
  return prev;
}

function nextBoundary(text: string, cursor: number): number {
  if (cursor >= text.length) return text.length;
  if (text[cursor] === '\n') return cursor + 1;
  const lineEnd = text.indexOf('\n', cursor);
  const first = graphemes(text.slice(cursor, lineEnd === -1 ? undefined : lineEnd))[0] ?? text[cursor]!;
  return cursor + first.length;
}

export function backspace(s: EditorState): EditorState {
  if (s.cursor === 0) return s;
  const start = prevBoundary(s.text, s.cursor);
  return { text: s.text.slice(0, start) + s.text.slice(s.cursor), cursor: start };
}

export function deleteForward(s: EditorState): EditorState {
  if (s.cursor >= s.text.length) return s;
  const end = nextBoundary(s.text, s.cursor);
  return { text: s.text.slice(0, s.cursor) + s.text.slice(end), cursor: s.cursor };
}

function wordStart(text: string, cursor: number): number {
  let i = cursor;
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  while (i > 0 && !/\s/.test(text[i - 1]!)) i--;
  return i;
}

function wordEnd(text: string, cursor: number): number {
  let i = cursor;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  while (i < text.length && !/\s/.test(text[i]!)) i++;
  return i;
}

export function deleteWordBack(s: EditorState): EditorState {
  const start = wordStart(s.text, s.cursor);
  return { text: s.text.slice(0, start) + s.text.slice(s.cursor), cursor: start };
}

export function left(s: EditorState, word = false): EditorState {
  return { ...s, cursor: word ? wordStart(s.text, s.cursor) : prevBoundary(s.text, s.cursor) };
}

export function right(s: EditorState, word = false): EditorState {
  return { ...s, cursor: word ? wordEnd(s.text, s.cursor) : nextBoundary(s.text, s.cursor) };
}

function lineBounds(text: string, cursor: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', cursor - 1) + 1;
  const nl = text.indexOf('\n', cursor);
  return { start, end: nl === -1 ? text.length : nl };
}

export function home(s: EditorState): EditorState {
  return { ...s, cursor: lineBounds(s.text, s.cursor).start };
}

export function end(s: EditorState): EditorState {
  return { ...s, cursor: lineBounds(s.text, s.cursor).end };
}

export function killToLineStart(s: EditorState): EditorState {
  const { start } = lineBounds(s.text, s.cursor);
  const from = start === s.cursor && start > 0 ? start - 1 : start;
  return { text: s.text.slice(0, from) + s.text.slice(s.cursor), cursor: from };
}

export function killToLineEnd(s: EditorState): EditorState {
  const { end: e } = lineBounds(s.text, s.cursor);
  const to = e === s.cursor && e < s.text.length ? e + 1 : e;
  return { text: s.text.slice(0, s.cursor) + s.text.slice(to), cursor: s.cursor };
}

/** Moves to the same column of the previous/next logical line; null when there is none. */
export function vertical(s: EditorState, dir: -1 | 1): EditorState | null {
  const { start, end: e } = lineBounds(s.text, s.cursor);
  const col = stringWidth(s.text.slice(start, s.cursor));
  let targetStart: number;
  if (dir < 0) {
    if (start === 0) return null;
    targetStart = s.text.lastIndexOf('\n', start - 2) + 1;
  } else {
    if (e >= s.text.length) return null;
    targetStart = e + 1;
  }
  const targetEnd = lineBounds(s.text, targetStart).end;
  let pos = targetStart;
  let width = 0;
  for (const g of graphemes(s.text.slice(targetStart, targetEnd))) {
    const w = stringWidth(g);
    if (width + w > col) break;
    width += w;
    pos += g.length;
  }
  return { ...s, cursor: pos };
}

export function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export interface EditorRow {
  /** Text of the row (no line break). */
  text: string;
  /** Column of the cursor in this row, or -1. */
  cursorCol: number;
  /** Index of the grapheme under the cursor within `text` as [start, end), when cursorCol >= 0. */
  cursorSpan?: [number, number];
}

/** Wraps the text into rows of at most `width` cells, with the cursor's row and column. */
export function layoutEditor(s: EditorState, width: number): { rows: EditorRow[]; cursorRow: number } {
  const w = Math.max(2, width);
  const rows: EditorRow[] = [];
  let cursorRow = 0;
  let offset = 0;
  for (const line of s.text.split('\n')) {
    let row = '';
    let rowWidth = 0;
    let rowStart = offset;
    const pushRow = (endOffset: number) => {
      const r: EditorRow = { text: row, cursorCol: -1 };
      if (s.cursor >= rowStart && s.cursor < endOffset) {
        const before = row.slice(0, s.cursor - rowStart);
        r.cursorCol = stringWidth(before);
        const g = graphemes(row.slice(s.cursor - rowStart))[0] ?? '';
        r.cursorSpan = [s.cursor - rowStart, s.cursor - rowStart + g.length];
        cursorRow = rows.length;
      }
      rows.push(r);
    };
    for (const g of graphemes(line)) {
      const gw = stringWidth(g);
      // keep one cell free at the end of a row for the cursor
      if (rowWidth + gw > w - 1 && row) {
        pushRow(offset);
        row = '';
        rowWidth = 0;
        rowStart = offset;
      }
      row += g;
      rowWidth += gw;
      offset += g.length;
    }
    // the cursor may sit at the end of the line
    pushRow(offset + 1);
    offset += 1; // the '\n'
  }
  return { rows, cursorRow };
}
