// Hand-written tokenizer and light stemmer. One left-to-right pass, no regular expressions over
// the input (the only regex tests a single character), so the cost is linear in the text.

import { F, HASH_PRIME, HASH_SEED, vocabFlags, vocabId, vocabKey, vocabSlot, vocabSlotAt, wordId } from './vocab.js';

export type TokenKind = 'word' | 'num' | 'sym';

export interface Token {
  /** The text as written. */
  raw: string;
  /** Lower case, curly apostrophes straightened. */
  low: string;
  kind: TokenKind;
  /** Offsets into the tokenized string. */
  start: number;
  end: number;
  /** Whitespace directly before the token. */
  space: boolean;
  /** Numbers: the value (with a k/m suffix applied); NaN when the digit run is absurdly long. */
  value: number;
  /** Numbers: 1st, 2nd, 3rd, 15th. */
  ordinal: boolean;
  /** Numbers: written with a k or m suffix ("5k"). */
  suffix: '' | 'k' | 'm';
  /** Words: the first letter is upper case. */
  cap: boolean;
  /** Which lexicons know the word (bits of `F` in vocab.ts). */
  flags: number;
  /** Vocabulary id of `low` (`wordId` in vocab.ts), or -1 when no lexicon registered it: phrase
   * matching compares ids instead of strings. */
  id: number;
}

/* Sentence strings come in many V8 representations (sliced or flat, one- or two-byte,
 * internalized), so a method looked up on them (`s.charCodeAt`, `s.slice`) sees more string maps
 * than V8's inline caches keep apart: the lookup goes megamorphic and costs a generic property
 * lookup on every call, which was a third of the tokenizer's time. Calling the String.prototype
 * methods directly needs no lookup. */
const charCodeAtMethod = String.prototype.charCodeAt;
const sliceMethod = String.prototype.slice;

/** `s.charCodeAt(i)` without the per-call method lookup (see above). */
export function codeAt(s: string, i: number): number {
  return charCodeAtMethod.call(s, i);
}

/** `s.slice(from, to)` without the per-call method lookup (see above). */
function sliceOf(s: string, from: number, to: number): string {
  return sliceMethod.call(s, from, to);
}

/** Longest digit run still read as a number; longer runs are not amounts anyone writes. */
const MAX_DIGITS = 12;

const LETTER_RE = /[\p{L}\p{M}]/u;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A-Z to a-z; any other code as it is. */
function asciiLower(c: number): number {
  return c >= 65 && c <= 90 ? c | 32 : c;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isLetterAt(s: string, i: number): boolean {
  const c = codeAt(s, i);
  if (c < 128) return isAsciiLetter(c);
  if (c >= 0xd800 && c <= 0xdfff) return false; // astral: emoji and friends, never letters here
  return LETTER_RE.test(s[i]!);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 0x2009 || c === 0x202f || c === 12;
}

function makeToken(s: string, kind: TokenKind, start: number, end: number, space: boolean): Token {
  const raw = sliceOf(s, start, end);
  return tokenOf(raw, raw, kind, start, end, space, false, vocabSlot(raw));
}

/** Every token is built here, fields in one order, so they all share one shape. `slot`: where
 * `low` is in the vocabulary, or -1. */
function tokenOf(raw: string, low: string, kind: TokenKind, start: number, end: number, space: boolean, cap: boolean, slot: number): Token {
  const flags = slot < 0 ? 0 : vocabFlags(slot);
  const id = slot < 0 ? -1 : vocabId(slot);
  return { raw, low, kind, start, end, space, value: NaN, ordinal: false, suffix: '', cap, flags, id };
}

/** A word token. `plain`: the word is all lower-case ASCII, so it is its own lower case; `ascii`:
 * all ASCII, so its lower case is the ASCII one. `h` is the vocabulary hash of that lower case,
 * folded in while the word was scanned: a known word is found without slicing or lower-casing
 * and takes the registered string as `low` (and as `raw` when plain). */
function wordToken(s: string, start: number, end: number, space: boolean, plain: boolean, ascii: boolean, hyphen: boolean, h: number): Token {
  let tok: Token;
  if (plain) {
    const slot = vocabSlotAt(s, start, end, h);
    const raw = slot < 0 ? sliceOf(s, start, end) : vocabKey(slot);
    tok = tokenOf(raw, raw, 'word', start, end, space, false, slot);
  } else if (ascii) {
    const raw = sliceOf(s, start, end);
    const slot = vocabSlotAt(s, start, end, h);
    const c = codeAt(s, start);
    tok = tokenOf(raw, slot < 0 ? raw.toLowerCase() : vocabKey(slot), 'word', start, end, space, c >= 65 && c <= 90, slot);
  } else {
    const raw = sliceOf(s, start, end);
    let low = raw.toLowerCase();
    if (low.indexOf('\u2019') >= 0) low = low.split('\u2019').join("'");
    const slot = vocabSlot(low);
    const cap = codeAt(raw, 0) !== codeAt(low, 0);
    tok = tokenOf(raw, slot < 0 ? low : vocabKey(slot), 'word', start, end, space, cap, slot);
  }
  if (hyphen) tok.flags |= F.HYPHEN;
  return tok;
}

/** Split a sentence into words, numbers and single-character symbols. Linear. */
export function tokenize(s: string): Token[] {
  const out: Token[] = [];
  const n = s.length;
  let i = 0;
  let space = true;
  while (i < n) {
    const c = codeAt(s, i);
    if (isSpace(c)) {
      space = true;
      i++;
      continue;
    }
    if (isDigit(c)) {
      const start = i;
      let intPart = 0;
      let intDigits = 0;
      let frac = 0;
      let fracScale = 0; // 0: no decimal point yet
      while (i < n) {
        const d = codeAt(s, i);
        if (isDigit(d)) {
          if (fracScale === 0) {
            intDigits++;
            if (intDigits <= MAX_DIGITS) intPart = intPart * 10 + (d - 48);
          } else if (fracScale < 1e6) {
            fracScale *= 10;
            frac = frac * 10 + (d - 48);
          }
          i++;
        } else if ((d === 44 || d === 46) && i + 1 < n && isDigit(codeAt(s, i + 1))) {
          // 2,000 (thousands) · 29.99 (decimal) · 29,99 (decimal, European style)
          let run = 0;
          while (i + 1 + run < n && isDigit(codeAt(s, i + 1 + run)) && run < 4) run++;
          if (d === 44 && run === 3 && fracScale === 0) {
            i++;
          } else if (fracScale === 0) {
            fracScale = 1;
            i++;
          } else {
            break;
          }
        } else break;
      }
      const tok = makeToken(s, 'num', start, i, space);
      tok.value = intDigits > MAX_DIGITS ? NaN : intPart + (fracScale > 1 ? frac / fracScale : 0);
      // suffixes glued to the number: 5k, 1.2m, 3rd, 15th
      if (i < n) {
        const a = s[i]!.toLowerCase();
        const nextIsLetter = i + 1 < n && isLetterAt(s, i + 1);
        if ((a === 'k' || a === 'm') && !nextIsLetter) {
          tok.suffix = a;
          tok.value = tok.value * (a === 'k' ? 1_000 : 1_000_000);
          i++;
          tok.end = i;
          tok.raw = sliceOf(s, start, i);
          tok.low = tok.raw.toLowerCase();
          tok.id = wordId(tok.low); // (the flags stay those of the bare number)
        } else if (i + 1 < n) {
          const two = sliceOf(s, i, i + 2).toLowerCase();
          const after = i + 2 < n && isLetterAt(s, i + 2);
          if (!after && (two === 'st' || two === 'nd' || two === 'rd' || two === 'th')) {
            tok.ordinal = true;
            i += 2;
            tok.end = i;
            tok.raw = sliceOf(s, start, i);
            tok.low = tok.raw.toLowerCase();
            tok.id = wordId(tok.low);
          }
        }
      }
      out.push(tok);
      space = false;
      continue;
    }
    if (isLetterAt(s, i)) {
      const start = i;
      let plain = c >= 97 && c <= 122;
      let ascii = c < 128;
      let hyphen = false;
      // the hash is of the ASCII lower case, so "The" finds "the" without a toLowerCase
      let h = Math.imul(HASH_SEED ^ asciiLower(c), HASH_PRIME);
      i++;
      while (i < n) {
        const d = codeAt(s, i);
        if ((d >= 97 && d <= 122) || isDigit(d)) {
          h = Math.imul(h ^ d, HASH_PRIME);
          i++;
          continue;
        }
        if (d >= 65 && d <= 90) {
          plain = false;
          h = Math.imul(h ^ (d | 32), HASH_PRIME);
          i++;
          continue;
        }
        if (d >= 128 && isLetterAt(s, i)) {
          plain = false;
          ascii = false;
          i++;
          continue;
        }
        // glue: it's, I’m, ko-fi, one-time, circle.so, q&a — only between letters
        const joiner = d === 39 || d === 0x2019 || d === 45 || d === 46 || d === 38;
        if (joiner && i + 1 < n && isLetterAt(s, i + 1) && isLetterAt(s, i - 1)) {
          if (d === 38 && i - start > 2) break; // & only inside short forms: q&a, r&d
          const e = codeAt(s, i + 1);
          if (d === 0x2019 || !(e >= 97 && e <= 122)) plain = false;
          if (d === 0x2019 || e >= 128) ascii = false;
          if (d === 45) hyphen = true;
          h = Math.imul(Math.imul(h ^ d, HASH_PRIME) ^ asciiLower(e), HASH_PRIME);
          i += 2;
          continue;
        }
        break;
      }
      out.push(wordToken(s, start, i, space, plain, ascii, hyphen, h));
      space = false;
      continue;
    }
    // one symbol (a whole code point, so emoji stay in one piece); a run of the same symbol
    // ("!!!!", "$$$", "🙄🙄🙄") is one token that reads as a single one
    const start = i;
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    i += width;
    while (i + width <= n && codeAt(s, i) === c && (width === 1 || codeAt(s, i + 1) === codeAt(s, start + 1))) i += width;
    const tok = makeToken(s, 'sym', start, i, space);
    if (i - start > width) {
      tok.low = sliceOf(s, start, start + width);
      const slot = vocabSlot(tok.low);
      tok.flags = slot < 0 ? 0 : vocabFlags(slot);
      tok.id = slot < 0 ? -1 : vocabId(slot);
    }
    out.push(tok);
    space = false;
  }
  return out;
}

/** `tokens[i]`, or undefined before the start. Reading an array at a negative index is a named
 * property lookup ("-1") on V8's slow path, many times the cost of an element read, and the
 * look-behinds (`tokens[i - 1]` at the first token) do it for nearly every sentence. */
export function tokenAt(tokens: Token[], i: number): Token | undefined {
  return i >= 0 ? tokens[i] : undefined;
}

/** A lookup table without a prototype: a word such as "constructor" or "__proto__" is just a miss. */
export function table<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

const IRREGULAR: Record<string, string> = table({
  wrote: 'writ',
  written: 'writ',
  built: 'build',
  sent: 'send',
  ran: 'run',
  made: 'mak',
  did: 'do',
  done: 'do',
  got: 'get',
  gotten: 'get',
  held: 'hold',
  shot: 'shoot',
  took: 'tak',
  taken: 'tak',
  began: 'begin',
  begun: 'begin',
  setup: 'set',
  organized: 'organis',
  organised: 'organis',
  organize: 'organis',
  organise: 'organis',
  organizing: 'organis',
  organising: 'organis',
  emails: 'email',
  'e-mail': 'email',
  'e-mails': 'email',
  signups: 'signup',
  'sign-ups': 'signup',
  'sign-up': 'signup',
  waitlists: 'waitlist',
  'wait-list': 'waitlist',
  'on-boarding': 'onboard',
  onboarding: 'onboard',
  'check-out': 'checkout',
  'check-in': 'checkin',
  'check-ins': 'checkin',
  'co-working': 'cowork',
  coworking: 'cowork',
});

/** Irregular forms map straight to the stem their base form gets ("wrote" → stem("write")). */
/** Light stemmer: plural, -ing, -ed, final e, doubled consonant, -ize/-ise. Good enough to
 * make "pricing" meet "price" and "recorded" meet "record"; not a linguistic tool. */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.endsWith("'s")) w = w.slice(0, -2);
  const irr = IRREGULAR[w];
  if (irr !== undefined) return irr;
  if (w.length === 3 && w.endsWith('s') && !'aeiouy'.includes(w[0]!) && !'aeiouy'.includes(w[1]!)) return w.slice(0, 2); // dms, cms
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('ied') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('es') && (w.endsWith('ches') || w.endsWith('shes') || w.endsWith('xes'))) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is') && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  if (w.endsWith('iz')) w = w.slice(0, -2) + 'is';
  const last = w.charCodeAt(w.length - 1);
  if (w.length > 3 && last >= 98 && last <= 122 && last === w.charCodeAt(w.length - 2) && last !== 108 && last !== 115) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** One to nineteen written as words: counts here, and the units of written-out prices (pricing.ts). */
export const UNIT_WORDS: Record<string, number> = table({
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
});

/** The tens written as words. */
export const TENS_WORDS: Record<string, number> = table({ twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 });

/** Words that read as a count: the cardinals above, plus "a", "single", "a couple", "hundred". */
const NUMBER_WORDS: Record<string, number> = table({ ...UNIT_WORDS, ...TENS_WORDS, a: 1, an: 1, single: 1, couple: 2, hundred: 100 });

/** "6" or "six" (and "a"/"an" as one) → number; anything else → NaN. */
export function numberOf(t: Token | undefined): number {
  if (!t) return NaN;
  if (t.kind === 'num') return t.ordinal ? NaN : t.value;
  const v = NUMBER_WORDS[t.low];
  return v === undefined ? NaN : v;
}
