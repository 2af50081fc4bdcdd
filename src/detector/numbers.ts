// Business numbers stated in chat: "we hit 180 on the waitlist", "12 paying members now", "MRR is
// $1,450", "3 people cancelled this month". Each comes back with its sentence, as a suggestion to
// confirm (the detector records nothing). Goals, hedges, questions, hypotheticals, the past and
// other people's numbers are read with the same cues as decisions and void the number; prices
// are not revenue. Word windows around each number, no nested patterns: linear like the rest.
import { METRIC_LIMITS, type NUMBER_FIELDS } from '../plan/metrics.js';
import { cuesOf, type CueType } from './cues.js';
import { pricesOf } from './money.js';
import { countOf, segmentEnd, segmentStart, TENS } from './text.js';
import type { SentenceView } from './types.js';

export type NumberMetric = (typeof NUMBER_FIELDS)[number];

export interface DetectedNumber {
  metric: NumberMetric;
  /** A head count, or USD a month for `mrrUSD`. */
  value: number;
  /** The creator's sentence that states it. */
  quote: string;
}

const SMALL = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const WORD_COUNT = `(?:${Object.keys(TENS).join('|')})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|${SMALL}`;
/** A head count: 180, 1,200, 1.2k, twelve (not a price, a percentage, a date part or a delta "+40"). */
const COUNT = new RegExp(
  `(?<![\\p{L}\\d$€£₹¥#.,:/+-])(?:(\\d{1,3}(?:,\\d{3})+|\\d{1,6}(?:\\.\\d{1,2})?\\s?k|\\d{1,9})|(${WORD_COUNT}))(?![\\p{L}\\d%]|\\s?%|[.,]\\d)`,
  'gu',
);
/** Cheap gates: a sentence needs a number and a metric word to state one. */
const WORD_NUMBER = new RegExp(`\\b(?:${WORD_COUNT})\\b`);
const hasNumber = (low: string): boolean => /\d/.test(low) || WORD_NUMBER.test(low);
const HAS_METRIC = /wait|sign|member|customer|join|mrr|revenue|mak|earn|bring|pull|generat|clearing|netting|doing|cancel|churn|lost|left|quit|dropped|paid|bought/;
/** Near a count or an amount, one of these must be there before its words are read. */
const COUNT_WORD = /wait|sign|member|customer|join|cancel|churn|lost|left|quit|dropped|paid|bought|purchas|ordered/;
const MONEY_WORD = /mrr|revenue|mak|earn|bring|pull|generat|clearing|netting|doing/;
const NEAR_CHARS = 45;

interface Token {
  w: string;
  start: number;
}
/** Words of a window (numbers as "#", punctuation as itself), offsets into the sentence. */
const TOKEN = /\d+(?:[.,]\d+)*k?|[\p{L}][\p{L}'-]*|[,;:.!?()—–~]/gu;
function tokens(low: string, from: number): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = from;
  for (let m = TOKEN.exec(low); m; m = TOKEN.exec(low)) {
    const c = m[0].charCodeAt(0);
    out.push({ w: c >= 48 && c <= 57 ? '#' : m[0], start: m.index });
  }
  return out;
}

/** Index of the first token starting at or after `pos`. */
function firstAt(toks: Token[], pos: number): number {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Words read on either side of a number. */
const SIDE = 8;
/** Characters before a number that its words before can reach (8 words). */
const BACK = 90;
const NEAR = 80;
const set = (words: string) => new Set(words.split(' '));
/** Between a count and its noun: "180 [people are on the] waitlist", "12 [paying] members". */
const FILL_AFTER = set("people person folks ppl creators humans of them us you are is 're have has now already just total paying founding premium real active on in the my our to onto into who");
/** Between a noun and its count: "waitlist [is now at] 180", "MRR [just crossed] $2k". */
const FILL_BEFORE = set("is 's are at has have hit hits reached now currently just already up to crossed passed about around roughly sits sitting stands standing went grew jumped climbed total count size officially finally : our my the");
const DELTA = set('new more another extra additional');
const PAID_NEXT = set('for up already today yesterday upfront now so and in this last within on a the their founding seats seat spots spot places memberships membership , . ! ; —');
const LEFT_NOT = set('a an reviews review comments comment feedback testimonials notes messages');
const STATE_BEFORE = set("have has got hit reached at now with 've");
/** A verb acting on the people counted ("invited 20 members", "emailed 300 people on the waitlist"). */
const ACTS_ON = /^(?:\p{L}+ed|email|invite|contact|message|dm|ask|send|sent|welcome|need|needs|want|get|for|of|from|with|than)$/u;
const NOT_ACTS_ON = set('reached crossed passed topped cleared surpassed exceeded');
const STATE_AFTER = /^\s?(?:\S+\s){0,3}?(?:joined|now|already|so far|total|signed|paid|in|inside|on board|onboard|and counting|paying|today|this (?:week|month))\b/;
/** Not the community's sign-ups or buyers: a workshop, a newsletter, a course … */
const OTHER_THING = /\b(?:workshop|webinar|masterclass|challenge|live (?:stream|session|call|event|class)|livestream|event|newsletter|email list|mailing list|course|trial|class|call|calls|giveaway|lead magnet|freebie|summit|bootcamp|ebook|book|template|merch|ticket|youtube|channel|podcast)\b/;
const FREE = /\bfree\b/;
/** Words that make a number a goal, a limit, a projection or a rough bound rather than where things stand. */
const NOT_NOW_BEFORE = /\b(?:goals?|target|aim|aiming|needs?|needed|wants?|wanted|hope|hoping|dream|plans?|planning|projected|projection|expect|expecting|forecast|would|could|should|will|going to|gonna|trying|try|to get|get to|getting to|to reach|reach|to hit|by(?! now)|until|before|away from|short of|threshold|minimum|min|maximum|max|cap|caps|capped|capping|limit|limited|limiting|first|at least|over(?= [\d$])|under(?= [\d$])|more than|less than|fewer than|almost|nearly|out of|if|unless|once|when)\b|'ll\b/;
const NOT_NOW_AFTER = /^[^,;:]*?\b(?:goal|target|dream|by|before|would|will|in mind|needed|to break even|to go|is the plan|away)\b/;
const BOUND_BEFORE = /\b(?:over|under|below|above|upwards of)\s*\$?\s*$/;
/** "has 200 members" is ours only when we, I, my or our community has them ("the average community has 200 members" is not). */
const OURS = set("we i my our us it it's community group membership skool circle discord server");
const THEIRS = /^(?:average|typical|top|biggest|largest|best|most|other|others|their|his|her|someone|somebody|competitors?|friends?|everyone|every|each|a|an|this|that|these|those|successful|big)$|'s$/;
function ownSubject(B: Token[]): boolean {
  // "I charge $29 and have 15 members": a verb joined to the one before shares its subject
  if (/^(?:and|but|also|so|now|already|still)$/.test(B[1]?.w ?? '')) return true;
  const words = B.slice(1, 5).map((t) => t.w);
  const cut = words.findIndex((w) => /^[,;:.!?—–]$/.test(w));
  const subject = cut >= 0 ? words.slice(0, cut) : words;
  if (subject.some((w) => THEIRS.test(w) && w !== "it's")) return false;
  return subject.some((w) => OURS.has(w));
}

/** Cues that void a number before it (in its clause) and just after it. */
const VOID_BEFORE = new Set<CueType>(['neg', 'third', 'hypo', 'low', 'med', 'past']);
const VOID_AFTER = new Set<CueType>(['neg', 'hypo', 'low', 'med']);

/** What a count names, reading the words after it, or null. */
function nounAfter(A: Token[]): { metric: NumberMetric; kind: 'list' | 'signup' | 'member' | 'join' | 'buy' | 'churn'; end: number } | null {
  if (A[0] && DELTA.has(A[0].w)) return null;
  for (let i = 0; i < Math.min(A.length, 5); i++) {
    const w = A[i]!.w;
    const n = A[i + 1]?.w;
    const end = (k: number) => A[k]!.start + A[k]!.w.length;
    if (/^wait-?list(?:'s)?$/.test(w)) return { metric: 'waitlist', kind: 'list', end: end(i) };
    if ((w === 'wait' || w === 'waiting') && n === 'list') return { metric: 'waitlist', kind: 'list', end: end(i + 1) };
    if (w === 'signups' || w === 'sign-ups' || ((w === 'sign' || w === 'signed') && n === 'up') || (w === 'sign' && n === 'ups')) {
      // "signed up for the waitlist" names the list: read on
      const list = A.slice(i + 2, i + 5).findIndex((t) => /^wait-?list/.test(t.w));
      if (list >= 0) return { metric: 'waitlist', kind: 'list', end: end(i + 2 + list) };
      return { metric: 'waitlist', kind: 'signup', end: end(w.includes('-') || w === 'signups' ? i : i + 1) };
    }
    if (/^(?:cancell?ed|churned|quit|cancell?ations|unsubscribed)$/.test(w) || (w === 'left' && !(n && LEFT_NOT.has(n))) || (w === 'dropped' && (n === 'off' || n === 'out'))) {
      return { metric: 'churned', kind: 'churn', end: end(i) };
    }
    if (/^(?:members?|customers?)$/.test(w) || (w === 'paid' && n === 'members')) {
      const k = w === 'paid' ? i + 1 : i;
      // "3 members cancelled": the verb after the noun decides
      const churn = A.slice(k + 1, k + 3).find((t) => /^(?:cancell?ed|churned|quit|left|dropped)$/.test(t.w));
      if (churn) return { metric: 'churned', kind: 'churn', end: churn.start + churn.w.length };
      return { metric: 'members', kind: 'member', end: end(k) };
    }
    if (w === 'joined') {
      const list = A.slice(i + 1, i + 4).findIndex((t) => /^wait-?list/.test(t.w));
      return list >= 0 ? { metric: 'waitlist', kind: 'list', end: end(i + 1 + list) } : { metric: 'members', kind: 'join', end: end(i) };
    }
    // "41 people paid" (not "4 paid communities")
    if (/^(?:paid|bought|purchased|prepaid|pre-paid|preordered|pre-ordered)$/.test(w) && (n === undefined || PAID_NEXT.has(n))) return { metric: 'members', kind: 'buy', end: end(i) };
    if (!FILL_AFTER.has(w)) return null;
  }
  return null;
}

/** What a count (or an amount, for MRR) is the value of, reading the words before it, or null. */
function nounBefore(B: Token[], money: boolean, monthly: boolean): { metric: NumberMetric; start: number; signup: boolean } | null {
  for (let j = 0; j < Math.min(B.length, 7); j++) {
    const w = B[j]!.w;
    const p = B[j + 1]?.w;
    if (money) {
      if (w === 'mrr' || (w === 'revenue' && (p === 'recurring' || p === 'monthly' || monthly))) return { metric: 'mrrUSD', start: B[w === 'revenue' && (p === 'recurring' || p === 'monthly') ? j + 1 : j]!.start, signup: false };
    } else {
      if (/^wait-?list(?:'s)?$/.test(w) || (w === 'list' && (p === 'wait' || p === 'waiting'))) return { metric: 'waitlist', start: B[j]!.start, signup: false };
      if (w === 'signups' || w === 'sign-ups' || (w === 'ups' && p === 'sign')) return { metric: 'waitlist', start: B[j]!.start, signup: true };
      if (/^(?:members?|customers)$/.test(w)) return { metric: 'members', start: B[j]!.start, signup: false };
      if (/^(?:churn|churned|cancell?ations|cancell?ed)$/.test(w)) return { metric: 'churned', start: B[j]!.start, signup: false };
    }
    // "waitlist went from 120 to 180": a "from N" is part of the way there
    if (w === '#' && p === 'from') {
      j++;
      continue;
    }
    if (!FILL_BEFORE.has(w)) return null;
  }
  return null;
}

const MAKING = set('making make makes earning earns generating generates clearing netting doing');
const COMMUNITY_WORDS = set("community membership memberships members group skool circle discord patreon subscriptions subscription it it's its");
const SOURCE = /^\s?(?:from|off|on|at|with|through|via|in)\s(?:my |the |our |a )?([\p{L}'-]+)/u;

/** MRR stated as income from the community: "it's making $900/month", "bringing in $1.2k a month from the group". */
function makingMrr(v: SentenceView, B: Token[], start: number, end: number): number | null {
  let j = 0;
  while (j < 3 && B[j] && /^(?:now|already|about|around|roughly|currently|consistently|like)$/.test(B[j]!.w)) j++;
  const verb = B[j];
  const isVerb = verb && (MAKING.has(verb.w) || (verb.w === 'in' && /^(?:bringing|brings|pulling|pulls)$/.test(B[j + 1]?.w ?? '')));
  if (!isVerb) return null;
  const after = v.low.slice(end, end + 40);
  const source = SOURCE.exec(after);
  if (source && !COMMUNITY_WORDS.has(source[1]!)) return null;
  const head = v.low.slice(segmentStart(v, verb.start), verb.start);
  const named = (source !== null) || [...head.matchAll(/[\p{L}']+/gu)].some((m) => COMMUNITY_WORDS.has(m[0]));
  return named ? verb.start : null;
}

/** True when the words around an item (its clause, a little after it) leave it a plain statement of where things stand. */
function stated(v: SentenceView, from: number, to: number): boolean {
  const a = segmentStart(v, from);
  const b = segmentEnd(v, Math.max(from, to - 1));
  // the question is about the number ("Do I need 100 members?"), not after it ("We have 40, enough?")
  if (v.terminator === '?' && b === v.low.length) return false;
  const cues = cuesOf(v);
  if (cues.some((c) => c.type === 'sarcasm')) return false;
  for (const c of cues) {
    if (c.start >= from && c.start < to) continue; // the item's own words ("3 people cancelled")
    if (c.start >= a && c.start < from && VOID_BEFORE.has(c.type)) return false;
    if (c.start >= to && c.start < Math.min(b, to + 24) && VOID_AFTER.has(c.type)) return false;
  }
  // "over 200", "under 20": a bound, not the count
  if (BOUND_BEFORE.test(v.low.slice(Math.max(a, from - 16), from))) return false;
  // goal words belong to the number when they are near it in its clause
  return !NOT_NOW_BEFORE.test(v.low.slice(Math.max(a, from - NEAR), from)) && !NOT_NOW_AFTER.test(v.low.slice(to, Math.min(b, to + NEAR)));
}

function countValue(m: RegExpExecArray): number {
  if (m[2] !== undefined) return countOf(m[2]);
  const raw = m[1]!.replace(/,/g, '');
  return raw.endsWith('k') ? Math.round(Number(raw.slice(0, -1).trim()) * 1000) : Number(raw);
}

/** The numbers one sentence states, in order. `currencies`: those the whole message names. */
export function numbersIn(v: SentenceView, currencies: ReadonlySet<string>): DetectedNumber[] {
  if (!hasNumber(v.low) || !HAS_METRIC.test(v.low)) return [];
  const out: (DetectedNumber & { at: number })[] = [];
  const add = (metric: NumberMetric, value: number, from: number, to: number) => {
    const cap = metric === 'mrrUSD' ? METRIC_LIMITS.mrrUSD : METRIC_LIMITS.count;
    if (Number.isFinite(value) && value >= 0 && value <= cap && stated(v, from, to)) out.push({ metric, value, quote: v.text, at: from });
  };
  // the sentence's words, once; each number reads a few on either side
  let toks: Token[] = [];
  let tokFrom = -1;
  const around = (start: number, end: number): { A: Token[]; B: Token[] } => {
    if (tokFrom < 0 || (tokFrom > 0 && start - BACK < tokFrom)) {
      // from a little before the first number that needs them (at a space) to the end
      tokFrom = Math.max(0, start - BACK);
      while (tokFrom > 0 && v.low.charCodeAt(tokFrom - 1) !== 32) tokFrom--;
      toks = tokens(v.low, tokFrom);
    }
    const b = firstAt(toks, start);
    const a = firstAt(toks, end);
    return { A: toks.slice(a, a + SIDE), B: toks.slice(Math.max(0, b - SIDE), b).reverse() };
  };
  const money: [number, number][] = [];
  for (const p of pricesOf(v)) {
    if (p.currency !== null) money.push([p.start, p.end]);
    const usd = p.currency === 'USD' || (p.currency === null && [...currencies].every((c) => c === 'USD'));
    if (!usd || p.amount2 !== null || (p.period !== null && p.period !== 'month')) continue;
    if (!MONEY_WORD.test(v.low.slice(Math.max(0, p.start - NEAR_CHARS), p.end + NEAR_CHARS))) continue;
    const { A, B } = around(p.start, p.end);
    const after = A[0]?.w === 'mrr' ? 0 : (A[0]?.w === 'in' || A[0]?.w === 'of') && A[1]?.w === 'mrr' ? 1 : -1;
    const before = nounBefore(B, true, p.period === 'month');
    const making = after < 0 && !before && p.period === 'month' ? makingMrr(v, B, p.start, p.end) : null;
    if (after >= 0) add('mrrUSD', p.amount, p.start, A[after]!.start + 3);
    else if (before) add('mrrUSD', p.amount, before.start, p.end);
    else if (making !== null) add('mrrUSD', p.amount, making, p.end);
  }
  let other: boolean | undefined;
  const free = new Map<number, boolean>();
  const freeSegment = (at: number): boolean => {
    const a = segmentStart(v, at);
    let f = free.get(a);
    if (f === undefined) free.set(a, (f = FREE.test(v.low.slice(a, segmentEnd(v, at)))));
    return f;
  };
  COUNT.lastIndex = 0;
  for (let m = COUNT.exec(v.low); m; m = COUNT.exec(v.low)) {
    const start = m.index;
    const end = start + m[0].length;
    if (money.some(([s, e]) => start >= s && start < e)) continue;
    // most numbers in a message are not near a metric word: one look before reading the words
    if (!COUNT_WORD.test(v.low.slice(Math.max(0, start - NEAR_CHARS), end + NEAR_CHARS))) continue;
    const value = countValue(m);
    const { A, B } = around(start, end);
    if (B[0] && DELTA.has(B[0].w)) continue; // "another 20 joined": a change, not the total
    if (B[0] && ACTS_ON.test(B[0].w) && !NOT_ACTS_ON.has(B[0].w) && B[0].w !== 'lost' && !(B[0].w === 'to' && B[1]?.w === 'up')) continue;
    other ??= OTHER_THING.test(v.low);
    // "we lost 3 members": the verb before decides
    if (B[0]?.w === 'lost' && (!A[0] || /^(?:people|members?|folks|customers|subscribers|paying|of|this|since|[,.;!])$/.test(A[0].w))) {
      add('churned', value, B[0].start, end);
      continue;
    }
    const noun = nounAfter(A);
    if (noun) {
      if ((noun.kind === 'signup' || noun.kind === 'join' || noun.kind === 'buy' || noun.kind === 'member') && other) continue;
      if ((noun.kind === 'join' || noun.kind === 'buy') && freeSegment(start)) continue;
      // "3 of my 40 members cancelled": the churned are the 3, not the 40
      if (noun.kind === 'churn') {
        const of = B[0]?.w === 'of' ? 0 : B[1]?.w === 'of' && /^(?:my|our|the)$/.test(B[0]?.w ?? '') ? 1 : -1;
        if (of >= 0) {
          const first = B[of + 1];
          const raw = first?.w === '#' ? /^\d[\d,]*/.exec(v.low.slice(first.start))?.[0] : undefined;
          if (raw) add('churned', Number(raw.replace(/,/g, '')), first!.start, noun.end);
          continue;
        }
      }
      if (noun.kind === 'member') {
        if (freeSegment(start)) continue;
        if (B[0] && (B[0].w === 'has' || B[0].w === 'have') && !ownSubject(B)) continue;
        const upTo = B[0]?.w === 'to' && B[1]?.w === 'up';
        if (!upTo && !(B[0] && STATE_BEFORE.has(B[0].w)) && !STATE_AFTER.test(v.low.slice(noun.end, noun.end + 30))) continue;
      }
      add(noun.metric, value, start, noun.end);
      continue;
    }
    const before = nounBefore(B, false, false);
    if (before && !(before.signup && other) && !(before.metric === 'members' && FREE.test(v.low))) add(before.metric, value, before.start, end);
  }
  // in the order the sentence says them
  return out.sort((x, y) => x.at - y.at).map(({ metric, value, quote }) => ({ metric, value, quote }));
}

/** The numbers a message states: one per metric, the last one said wins. */
export function statedNumbers(views: SentenceView[], currencies: ReadonlySet<string>): DetectedNumber[] {
  const byMetric = new Map<NumberMetric, DetectedNumber>();
  for (const v of views) for (const n of numbersIn(v, currencies)) byMetric.set(n.metric, n);
  return [...byMetric.values()];
}
