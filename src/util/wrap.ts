// Word-wraps one line that may carry SGR colour codes (what marked-terminal produces) into rows
// of at most `width` cells. Continuation rows get a hanging indent (list items line up under
// their text) and re-open the colours that were active at the break, so every row stands alone:
// the UI can then count rows exactly and keep the live area within the terminal's height.
import stringWidth from 'string-width';

const SGR = /\u001b\[[0-9;:]*m/y;
const RESET = /^\u001b\[0?m$/;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

type Token = { sgr: string } | { ch: string; w: number };

// string-width costs microseconds a character (a grapheme segmenter, a regex per character), which
// added up to tens of milliseconds for the transcript at start-up. Printable ASCII is one cell a
// character; other graphemes are measured by string-width once and remembered.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const SGR_ALL = /\u001b\[[0-9;:]*m/g;
const graphemeWidths = new Map<string, number>();

function graphemeWidth(g: string): number {
  if (g.length === 1) {
    const c = g.charCodeAt(0);
    if (c >= 0x20 && c < 0x7f) return 1;
  }
  let w = graphemeWidths.get(g);
  if (w === undefined) {
    w = stringWidth(g);
    if (graphemeWidths.size >= 4096) graphemeWidths.clear();
    graphemeWidths.set(g, w);
  }
  return w;
}

/** Terminal cells of `text` (SGR codes count for nothing): string-width's answer, faster. */
export function cellWidth(text: string): number {
  let plain = text;
  if (text.includes('\u001b')) {
    plain = text.replace(SGR_ALL, '');
    if (plain.includes('\u001b')) return stringWidth(text);
  }
  if (PRINTABLE_ASCII.test(plain)) return plain.length;
  let w = 0;
  for (const { segment } of segmenter.segment(plain)) w += graphemeWidth(segment);
  return w;
}

function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let text = '';
  const flush = () => {
    if (PRINTABLE_ASCII.test(text)) {
      for (let k = 0; k < text.length; k++) tokens.push({ ch: text[k]!, w: 1 });
    } else {
      for (const { segment } of segmenter.segment(text)) tokens.push({ ch: segment, w: graphemeWidth(segment) });
    }
    text = '';
  };
  while (i < line.length) {
    if (line.charCodeAt(i) === 0x1b) {
      SGR.lastIndex = i;
      const m = SGR.exec(line);
      if (m) {
        flush();
        tokens.push({ sgr: m[0] });
        i += m[0].length;
        continue;
      }
    }
    text += line[i];
    i++;
  }
  flush();
  return tokens;
}

const isSpace = (t: Token) => 'ch' in t && t.ch === ' ';

function hangingIndent(plain: string, width: number): number {
  const m = /^(\s*(?:(?:[*\-•+]|\d+\.)\s+)?)/.exec(plain);
  const w = m ? cellWidth(m[1]!) : 0;
  return Math.min(w, Math.floor(width / 2));
}

function activeCodes(tokens: Token[], upto: number, initial: string[]): string[] {
  const codes = [...initial];
  for (let i = 0; i < upto; i++) {
    const t = tokens[i]!;
    if ('sgr' in t) {
      if (RESET.test(t.sgr)) codes.length = 0;
      else codes.push(t.sgr);
    }
  }
  return codes;
}

export function wrapAnsiLine(line: string, width: number): string[] {
  const w = Math.max(1, width);
  if (cellWidth(line) <= w) return [line];
  const tokens = tokenize(line);
  const plain = tokens.map((t) => ('ch' in t ? t.ch : '')).join('');
  const indent = hangingIndent(plain, w);
  const rows: string[] = [];
  let carried: string[] = [];
  let rowIndent = 0;
  let start = 0;
  while (start < tokens.length) {
    // Fill the row greedily, remembering the last space to break at.
    let width_ = rowIndent;
    let i = start;
    let lastSpace = -1;
    while (i < tokens.length) {
      const t = tokens[i]!;
      if ('ch' in t) {
        if (width_ + t.w > w) break;
        if (t.ch === ' ') lastSpace = i;
        width_ += t.w;
      }
      i++;
    }
    let endAt = i;
    let next = i;
    if (i < tokens.length) {
      if (isSpace(tokens[i]!)) {
        next = i + 1;
      } else if (lastSpace > start) {
        endAt = lastSpace;
        next = lastSpace + 1;
      }
      if (endAt === start) {
        endAt = start + 1; // a single cell wider than the row: place it anyway
        next = endAt;
      }
    }
    const body = tokens.slice(start, endAt).map((t) => ('sgr' in t ? t.sgr : t.ch)).join('');
    const open = carried.join('');
    const hasColour = open !== '' || tokens.slice(start, endAt).some((t) => 'sgr' in t);
    rows.push(' '.repeat(rowIndent) + open + body + (hasColour ? '\u001b[0m' : ''));
    carried = activeCodes(tokens.slice(start, next), next - start, carried);
    // skip spaces at the start of the next row
    while (next < tokens.length && isSpace(tokens[next]!)) next++;
    start = next;
    rowIndent = indent;
  }
  return rows;
}

export function wrapLines(lines: string[], width: number): string[] {
  const out: string[] = [];
  for (const line of lines) out.push(...wrapAnsiLine(line, width));
  return out;
}

/** Cuts a row that may carry SGR codes to `width` cells, ending in "…" (like Ink's truncate-end). */
export function truncateAnsi(line: string, width: number): string {
  const w = Math.max(1, width);
  if (cellWidth(line) <= w) return line;
  let out = '';
  let used = 0;
  let coloured = false;
  for (const t of tokenize(line)) {
    if ('sgr' in t) {
      out += t.sgr;
      coloured = true;
      continue;
    }
    if (used + t.w > w - 1) break;
    out += t.ch;
    used += t.w;
  }
  return `${out}…${coloured ? '\u001b[0m' : ''}`;
}
