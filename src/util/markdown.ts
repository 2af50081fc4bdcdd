// Markdown to terminal rows (the TUI transcript and `coach ask` in a terminal): marked + marked-terminal, wrapped to the width, memoised by
// (text, width) so a finished message is rendered once per width, never per keystroke.
// Every string is sanitised first (escape and control sequences from the model or the
// database must never reach the terminal); markdown styling is added after.
import { Marked, type MarkedExtension, type Tokens } from 'marked';
import { markedTerminal } from 'marked-terminal';
import { sanitizeForTerminal } from './text.js';
import { wrapLines } from './wrap.js';

const instances = new Map<number, Marked>();

function markedFor(width: number): Marked {
  let m = instances.get(width);
  if (m) return m;
  m = new Marked({ gfm: true, breaks: false });
  m.use(markedTerminal({ width, reflowText: true, emoji: false, showSectionPrefix: false, tab: 2 }) as unknown as MarkedExtension);
  m.use({
    renderer: {
      // marked-terminal 7 leaves inline markdown of tight list items unparsed (`item **two**`).
      text(token: Tokens.Text | Tokens.Escape) {
        if ('tokens' in token && token.tokens?.length) return this.parser.parseInline(token.tokens);
        return false;
      },
      // Plain "text (url)": no OSC 8 hyperlinks, so widths stay measurable.
      link(token: Tokens.Link) {
        const text = this.parser.parseInline(token.tokens);
        return text && text !== token.href ? `${text} (${token.href})` : token.href;
      },
    },
  });
  if (instances.size > 8) instances.clear();
  instances.set(width, m);
  return m;
}

function tidy(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const blank = line.replace(/\u001b\[[0-9;:]*m/g, '').trim() === '';
    if (blank && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(blank ? '' : line.replace(/\s+$/, ''));
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out;
}

/** Markdown → rows of at most `width` cells. Falls back to plain wrapped text if parsing fails. */
export function markdownRows(raw: string, width: number): string[] {
  const text = sanitizeForTerminal(raw);
  const w = Math.max(10, width);
  let rendered: string;
  try {
    rendered = markedFor(w).parse(text, { async: false }) as string;
  } catch {
    rendered = text;
  }
  return wrapLines(tidy(rendered.split('\n')), w);
}

/** Plain text (the creator's own words) → rows, sanitised, no markdown. */
export function plainRows(raw: string, width: number): string[] {
  const text = sanitizeForTerminal(raw).replace(/\t/g, '    ');
  return wrapLines(text.split('\n').map((l) => l.replace(/\s+$/, '')), Math.max(10, width));
}

const cache = new Map<string, string[]>();
const CACHE_MAX = 500;

/** Memoised by (kind, width, text): the key of a rendered message. */
export function messageRows(text: string, width: number, kind: 'markdown' | 'plain'): string[] {
  const key = `${kind}\u0000${width}\u0000${text}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const rows = kind === 'markdown' ? markdownRows(text, width) : plainRows(text, width);
  cache.set(key, rows);
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
  return rows;
}

export function clearMarkdownCache(): void {
  cache.clear();
}
