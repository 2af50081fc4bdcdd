// Text helpers shared by the category modules: the sentence view (lower case and segments),
// words with their offsets, stems for task matching, and numbers written as words.
import type { SentenceView } from './types.js';
import type { Sentence } from './sentences.js';

/** Segment breaks: punctuation that ends a clause, and "but"-like turns. Bounded, no nesting. */
const BREAK = /[,;:()\u2014\u2013]| - |\b(?:but|though|although|whereas|while|except|however)\b|\band (?=(?:i|i'm|i'll|i've|we|we're|we'll|mine|my|now)\b)/g;

export function viewOf(s: Pick<Sentence, 'text' | 'terminator'>): SentenceView {
  let low = s.text.toLowerCase().replace(/[\u2019\u2018]/g, "'");
  // offsets must match the text: fall back to ASCII lower case when Unicode changed the length
  if (low.length !== s.text.length) low = s.text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const segments = [0];
  for (const m of low.matchAll(BREAK)) {
    // a colon or comma inside a number ("1,200", "6:30") is not a break
    if ((m[0] === ',' || m[0] === ':') && /\d/.test(low[m.index - 1] ?? '') && /\d/.test(low[m.index + 1] ?? '')) continue;
    segments.push(m.index);
  }
  return { text: s.text, low, terminator: s.terminator, segments };
}

/** Start of the segment holding offset `at`. */
export function segmentStart(v: SentenceView, at: number): number {
  let start = 0;
  for (const b of v.segments) if (b <= at) start = b;
  return start;
}

/** End (exclusive) of the segment holding offset `at`. */
export function segmentEnd(v: SentenceView, at: number): number {
  for (const b of v.segments) if (b > at) return b;
  return v.low.length;
}

export interface Word {
  w: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

/** The words of a lower-case text with their offsets ("i'll", "one-time", "circle.so" stay whole). */
export function wordsOf(low: string): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(low); m; m = WORD.exec(low)) out.push({ w: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

export const UNITS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, a: 1, an: 1, couple: 2, few: 3,
};
export const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/** A count written in digits or words ("6", "six", "twenty-five", "a hundred"), or NaN. */
export function countOf(word: string): number {
  if (/^\d{1,6}$/.test(word)) return Number(word);
  if (word === 'hundred') return 100;
  const [head = '', tail] = word.split('-');
  if (TENS[head] !== undefined) return TENS[head]! + (tail ? (UNITS[tail] ?? NaN) : 0);
  return tail === undefined && UNITS[word] !== undefined ? UNITS[word]! : NaN;
}

/** A number-or-number-word pattern for regexes (one alternation, no nesting). */
export const COUNT_RE = `\\d{1,6}|(?:${Object.keys(TENS).join('|')})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|${Object.keys(UNITS).join('|')}`;

const SUFFIXES = ['ations', 'ation', 'ings', 'ing', 'ies', 'ied', 'ers', 'er', 'ed', 'es', 'ly', 's', 'y', 'e'];

const STEMS = new Map<string, string>();

/** A crude stem, enough to match "surveyed"/"survey", "organised"/"organise", "calls"/"call"
 * (remembered: the same few thousand words come back in every message). */
export function stem(word: string): string {
  let s = STEMS.get(word);
  if (s === undefined) {
    if (STEMS.size > 20_000) STEMS.clear();
    STEMS.set(word, (s = stemOf(word)));
  }
  return s;
}

function stemOf(word: string): string {
  let w = word.replace(/'s$/, '').replace(/[.']/g, '');
  if (w.length <= 3) return w;
  for (const s of SUFFIXES) {
    if (w.length - s.length >= 3 && w.endsWith(s)) {
      w = w.slice(0, -s.length);
      break;
    }
  }
  return w.replace(/(.)\1$/, '$1').replace(/is$/, 'iz').replace(/our$/, 'or');
}
