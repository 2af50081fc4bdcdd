// Per-sentence analysis shared by every detector: tokens, cue phrases, clause and contrast
// boundaries, the rationale clause, and whether the sentence is a question or sarcastic.
import { DECISION_LEXICON, matchCues, type Cue, type CueType } from './cues.js';
import type { Sentence } from './sentences.js';
import { codeAt, tokenize, tokenAt, type Token } from './tokens.js';
import { F, register } from './vocab.js';

export interface Analysed {
  sentence: Sentence;
  tokens: Token[];
  cues: (Cue | undefined)[];
  /** Start (inclusive) and end (exclusive) token index of the comma-level clause of each token. */
  clauseStart: number[];
  clauseEnd: number[];
  /** Same for the contrast segment ("…, but …", "; …", "— …"). */
  segStart: number[];
  segEnd: number[];
  /** Token range of the "because …" clause, or null. */
  rationale: { from: number; to: number; text: string } | null;
  question: boolean;
  sarcasm: boolean;
  /** Mostly symbols and numbers (pasted junk, a run of "$1$1…"): nothing to detect. */
  junk: boolean;
  /** OR of every token's lexicon bits, plus NUMBER when the sentence has a number: detectors
   * whose trigger bits are missing skip the sentence. */
  anyFlags: number;
  /** Bit per cue type present outside the rationale (see `cueBit`). */
  cueTypes: number;
  /** Words (not symbols or numbers) in the sentence. */
  words: number;
  /** Index of the last confirmation cue outside the rationale ("that's final"), or -1. */
  lastConfirm: number;
  /** Index of the first ":" right after a commitment ("We decided: …"), or -1. */
  committedColon: number;
}

const SEGMENT_SYMS = new Set([';']);
const CONTRAST_WORDS = new Set(['but', 'however', 'though', 'although', 'whereas', 'otherwise', 'tho']);
const FIRST_PERSON = new Set([
  'i',
  "i'm",
  'im',
  "i'll",
  "i've",
  'ive',
  'we',
  "we're",
  "we'll",
  "we've",
  "i'd",
  "let's",
  'lets',
]);
const SUBJECT_START = new Set([
  ...FIRST_PERSON,
  'my',
  'it',
  "it's",
  'its',
  'they',
  "they're",
  'their',
  'our',
  'the',
  'this',
  'that',
  "that's",
  'thats',
  'you',
  'your',
  'everyone',
  'most',
  'people',
  'members',
  'half',
  'all',
  'nobody',
  'there',
  "there's",
  'he',
  'she',
  'lots',
  'many',
  'a',
]);
const SINCE_TIME = new Set([
  'then',
  'last',
  'launch',
  'yesterday',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'forever',
  'ever',
  'day',
  'the start',
]);
const AS_BLOCKERS = new Set(['as', 'such', 'soon', 'well', 'same', 'much', 'long', 'just', 'twice', 'so', 'far', 'known']);
const QUESTION_START = new Set([
  'what',
  "what's",
  'whats',
  'which',
  'how',
  "how's",
  'hows',
  'why',
  'where',
  'who',
  'whose',
  'thoughts',
  'any',
  'anyone',
  'anybody',
]);
const AUX = new Set([
  'should',
  'shall',
  'would',
  'could',
  'can',
  'do',
  'does',
  'is',
  'are',
  'was',
  'were',
  'will',
  'am',
  'have',
  'has',
  'did',
]);
const QUESTION_SUBJECT = new Set([
  'i',
  'we',
  'you',
  'it',
  'they',
  'he',
  'she',
  'people',
  'my',
  'our',
  'the',
  'this',
  'that',
  'there',
  'anyone',
  'anybody',
  'members',
  'a',
  'an',
]);
const FILLERS = new Set([
  'ok',
  'okay',
  'so',
  'hey',
  'hi',
  'also',
  'and',
  'but',
  'quick',
  'question',
  'honestly',
  'um',
  'hmm',
  'lol',
  'btw',
  'well',
  'oh',
  'right',
  'plus',
  'mainly',
  'mostly',
  'partly',
  'just',
]);
const MAX_RATIONALE_CHARS = 300;
// the words the per-token passes below look at: any other word skips them with a bit test
register([...CONTRAST_WORDS, 'so', 'and', 'because', 'cause', 'cuz', 'coz', "'cause", 'since', 'as', 'given', 'seeing'], F.CLAUSE);
const SO_SUBJECTS = new Set(['i', 'we', 'they', 'people', 'members', 'everyone', 'folks', 'you', 'it']);
const SO_MODALS = new Set(['can', 'could', "don't", "won't", 'get', 'know', 'have']);

function isRationaleStart(tokens: Token[], i: number): number {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  switch (t.low) {
    case 'because':
    case 'cause':
    case 'cuz':
    case 'coz':
    case "'cause":
      return 1;
    case 'since':
      return next && next.kind === 'word' && SUBJECT_START.has(next.low) && !SINCE_TIME.has(next.low) ? 1 : 0;
    case 'as': {
      const prev = tokenAt(tokens, i - 1);
      if (prev && AS_BLOCKERS.has(prev.low)) return 0;
      return next && next.kind === 'word' && SUBJECT_START.has(next.low) && next.low !== 'a' && next.low !== 'the' ? 1 : 0;
    }
    case 'so': {
      if (next?.low === 'that') return 1;
      const modal = tokens[i + 2]?.low;
      const subj = next?.low ?? '';
      if (SO_SUBJECTS.has(subj)) {
        if (modal && SO_MODALS.has(modal)) return 1;
      }
      return 0;
    }
    case 'given':
      return next?.low === 'that' ? 1 : 0;
    case 'seeing':
      return next?.low === 'as' ? 1 : 0;
    default:
      return 0;
  }
}

function trimRationale(text: string): string {
  let t = text.trim();
  while (t.length > 0 && ',.;:!?—–-'.includes(t[t.length - 1]!)) t = t.slice(0, -1).trimEnd();
  if (t.length > MAX_RATIONALE_CHARS) {
    const cut = t.lastIndexOf(' ', MAX_RATIONALE_CHARS);
    t = t.slice(0, cut > MAX_RATIONALE_CHARS / 2 ? cut : MAX_RATIONALE_CHARS) + '…';
  }
  return t;
}

function findRationale(s: Sentence, tokens: Token[]): Analysed['rationale'] {
  let r = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.kind === 'word' && (tokens[i]!.flags & F.CLAUSE) !== 0 && isRationaleStart(tokens, i)) {
      r = i;
      break;
    }
  }
  if (r < 0) return null;
  let leading = true;
  for (let k = 0; k < r; k++) {
    const t = tokens[k]!;
    if (t.kind === 'word' && !FILLERS.has(t.low) && t.low !== "that's" && t.low !== 'thats') leading = false;
  }
  let end = tokens.length;
  for (let k = r + 1; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (leading) {
      if (t.low === ',') {
        end = k;
        break;
      }
      continue;
    }
    if (SEGMENT_SYMS.has(t.low) || t.low === '—' || t.low === '–' || t.low === '(' || CONTRAST_WORDS.has(t.low)) {
      end = k;
      break;
    }
    if ((isClauseSymAt(tokens, k) || t.low === 'and' || t.low === 'so') && FIRST_PERSON.has(tokens[k + 1]?.low ?? '')) {
      end = k;
      break;
    }
  }
  const from = tokens[r]!.start;
  const to = tokens[end - 1]!.end;
  const text = trimRationale(s.text.slice(from, to));
  return text.length > 0 ? { from: r, to: end, text } : null;
}

function detectQuestion(s: Sentence, tokens: Token[]): boolean {
  if (s.terminator === '?') return true;
  let k = 0;
  while (k < tokens.length && (tokens[k]!.kind !== 'word' || FILLERS.has(tokens[k]!.low))) k++;
  const first = tokens[k];
  if (!first) return false;
  if (QUESTION_START.has(first.low)) return true;
  if (AUX.has(first.low) && first.low !== 'did') {
    const second = tokens[k + 1];
    if (second && (QUESTION_SUBJECT.has(second.low) || second.kind !== 'word' || second.cap)) return true;
  }
  return false;
}

/** A long stretch with hardly any letters ("$1$1$1…", "9999…", "🙄🙄…") carries no decision. */
function hardlyLetters(text: string): boolean {
  const n = text.length;
  if (n <= 120) return false;
  let letters = 0;
  for (let i = 0; i < n; i++) {
    const c = codeAt(text, i) | 32;
    if (c >= 97 && c <= 122) letters++;
  }
  return letters * 8 < n;
}

/** A symbol that closes a comma-level clause: , ; : ( ) — – | [ ]. Checked by code: a symbol
 * token's `low` is one code point, so its first code unit decides. */
function isClauseSymCode(c: number): boolean {
  switch (c) {
    case 44: // ,
    case 59: // ;
    case 58: // :
    case 40: // (
    case 41: // )
    case 0x2014: // —
    case 0x2013: // –
    case 124: // |
    case 91: // [
    case 93: // ]
      return true;
    default:
      return false;
  }
}

/** Token `i` ends a clause: a clause symbol, or a free-standing " - ". */
function isClauseSymAt(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.kind !== 'sym') return false;
  const c = codeAt(t.low, 0);
  return isClauseSymCode(c) || (c === 45 && t.space && (tokens[i + 1]?.space ?? true));
}

/** A symbol token with this single-character `low` (compared by code: no string compare). */
function isSym(t: Token | undefined, c: number): boolean {
  return t !== undefined && t.kind === 'sym' && codeAt(t.low, 0) === c;
}

export function analyse(sentence: Sentence): Analysed {
  if (hardlyLetters(sentence.text)) return junkSentence(sentence, []);
  const tokens = tokenize(sentence.text);
  if (tokens.length > 40) {
    let words = 0;
    for (const t of tokens) if (t.kind === 'word') words++;
    if (words * 6 < tokens.length) return junkSentence(sentence, tokens);
  }
  const n = tokens.length;
  const cues = matchCues(tokens, DECISION_LEXICON);
  const clauseStart: number[] = new Array<number>(n);
  const clauseEnd: number[] = new Array<number>(n);
  const segStart: number[] = new Array<number>(n);
  const segEnd: number[] = new Array<number>(n);

  // One forward pass: clause and segment starts, the lexicon bits, word count, "sure, … just"
  // and the committed colon. Symbols are told apart by char code, words by their lexicon bits,
  // so the common token costs no string compare.
  let cs = 0;
  let ss = 0;
  let anyFlags = 0;
  let words = 0;
  let sarcasm = false;
  let committedColon = -1;
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    anyFlags |= t.flags;
    let sym = false;
    let semicolon = false;
    if (t.kind === 'word') {
      words++;
      if ((t.flags & F.CLAUSE) !== 0) {
        const contrastWord =
          CONTRAST_WORDS.has(t.low) ||
          (t.low === 'so' && i > 0 && (isSym(tokens[i - 1], 44) || FIRST_PERSON.has(tokens[i + 1]?.low ?? '')));
        if (contrastWord) {
          ss = i;
          cs = i;
        } else if (t.low === 'and' && FIRST_PERSON.has(tokens[i + 1]?.low ?? '')) {
          cs = i;
        }
      }
      if (codeAt(t.low, 0) === 115 && t.low === 'sure' && isSym(tokens[i + 1], 44)) {
        for (let k = i + 2; k < Math.min(n, i + 6); k++) if (tokens[k]!.low === 'just') sarcasm = true;
      }
    } else if (t.kind === 'num') {
      anyFlags |= F.NUMBER;
    } else {
      const c = codeAt(t.low, 0);
      sym = isClauseSymCode(c) || (c === 45 && t.space && (tokens[i + 1]?.space ?? true));
      semicolon = c === 59;
      if (c === 58 && committedColon < 0 && i > 0) {
        const before = cues[i - 1] ?? (i > 1 ? cues[i - 2] : undefined);
        if (before && (before.type === 'commit' || before.type === 'confirm')) committedColon = i;
      }
    }
    clauseStart[i] = cs;
    segStart[i] = ss;
    if (sym) {
      cs = i + 1;
      if (semicolon) ss = i + 1;
    }
  }
  let ce = n;
  let se = n;
  for (let i = n - 1; i >= 0; i--) {
    if (i + 1 < n && clauseStart[i + 1] !== clauseStart[i]) ce = i + 1;
    if (i + 1 < n && segStart[i + 1] !== segStart[i]) se = i + 1;
    clauseEnd[i] = ce;
    segEnd[i] = se;
  }

  // a rationale opens on a CLAUSE word: without one there is nothing to look for
  const rationale = (anyFlags & F.CLAUSE) !== 0 ? findRationale(sentence, tokens) : null;
  const rFrom = rationale === null ? n : rationale.from;
  const rTo = rationale === null ? n : rationale.to;
  let lastConfirm = -1;
  let cueTypes = 0;
  for (let k = 0; k < n; k++) {
    const cue = cues[k];
    if (cue === undefined) continue;
    if (cue.type === 'sarcasm') sarcasm = true;
    if (k < rFrom || k >= rTo) {
      cueTypes |= CUE_BITS[cue.type];
      if (cue.type === 'confirm') lastConfirm = k;
    }
  }
  return {
    sentence,
    tokens,
    junk: false,
    anyFlags,
    cueTypes,
    words,
    cues,
    clauseStart,
    clauseEnd,
    segStart,
    segEnd,
    rationale,
    question: detectQuestion(sentence, tokens),
    sarcasm,
    lastConfirm,
    committedColon,
  };
}

function junkSentence(sentence: Sentence, tokens: Token[]): Analysed {
  const n = tokens.length;
  return {
    sentence,
    tokens,
    junk: true,
    anyFlags: 0,
    cueTypes: 0,
    words: 0,
    cues: new Array(n),
    clauseStart: new Array<number>(n).fill(0),
    clauseEnd: new Array<number>(n).fill(n),
    segStart: new Array<number>(n).fill(0),
    segEnd: new Array<number>(n).fill(n),
    rationale: null,
    question: false,
    sarcasm: false,
    lastConfirm: -1,
    committedColon: -1,
  };
}

const CUE_BITS: Record<CueType, number> = {
  commit: 1,
  confirm: 2,
  med: 4,
  low: 8,
  neg: 16,
  hypo: 32,
  past: 64,
  third: 128,
  passing: 256,
  sarcasm: 512,
  neutral: 1024,
};

export function cueBit(type: CueType): number {
  return CUE_BITS[type];
}

export function inRationale(a: Analysed, i: number): boolean {
  return a.rationale !== null && i >= a.rationale.from && i < a.rationale.to;
}

/** A sentence that opens with "Because …" / "That's because …": the reason for the one before. */
export function leadingBecause(a: Analysed): string | null {
  const r = a.rationale;
  if (!r) return null;
  for (let k = 0; k < r.from; k++) {
    const low = a.tokens[k]!.low;
    if (a.tokens[k]!.kind === 'word' && low !== "that's" && low !== 'thats' && low !== 'and' && low !== 'it' && low !== "it's") return null;
  }
  const lead = a.tokens[r.from]!.low;
  if (lead !== 'because' && lead !== 'cause' && lead !== 'cuz' && lead !== 'coz') return null;
  return trimRationale(a.sentence.text.slice(a.tokens[r.from]!.start));
}
