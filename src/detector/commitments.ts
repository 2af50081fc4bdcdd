// Structure (tiers, cohorts, member cap …), timeline (launch dates) and content (weekly live
// calls, a course library …). These become decisions through commitment phrases ("I'll",
// "we decided", "launching on …"), judged in decisions.ts; here we find the items and their frame.
import type { Analysed } from './analyse.js';
import { candidate, idOf, type Candidate, type Frame } from './candidate.js';
import { mayStartDate, parseDateAt } from './dates.js';
import { numberOf, table, tokenAt, type Token } from './tokens.js';
import { F, register } from './vocab.js';

const OPENING_FILLERS = new Set(['ok', 'okay', 'so', 'and', 'also', 'plus', 'oh', 'then', 'just', 'a', 'an', 'the', 'right', 'yes', 'yep']);

/** The item opens its sentence (or follows only fillers): a declaration such as "Two tiers: …". */
function opensSentence(tokens: Token[], from: number): boolean {
  for (let k = 0; k < from; k++) {
    const t = tokens[k]!;
    if (t.kind === 'word' && !OPENING_FILLERS.has(t.low)) return false;
  }
  return true;
}

function declaredFrame(a: Analysed, from: number, to: number): Frame {
  if (opensSentence(a.tokens, from)) return 'strong';
  if (a.tokens[to]?.low === ':') return 'strong';
  return 'none';
}

// ---- structure ------------------------------------------------------------------------------

const TIER_WORDS = new Set(['tier', 'tiers', 'levels', 'level']);
const TIER_ADJ = new Set(['paid', 'membership', 'price', 'pricing', 'main', 'premium', 'separate', 'different', 'simple', 'distinct', 'membership']);
const FREE_NOUNS = new Set(['tier', 'plan', 'community', 'group', 'version', 'level', 'membership', 'option', 'space']);
const PAID_WORDS = new Set(['paid', 'premium', 'vip', 'pro', 'inner', 'upgrade', '$', '€', '£']);
const CAP_VERBS = new Set(['cap', 'capped', 'capping', 'limit', 'limited', 'limiting', 'max', 'maximum']);
const MEMBER_NOUNS = new Set(['members', 'people', 'spots', 'seats', 'folks', 'students', 'places']);

function tierCount(tokens: Token[], i: number): number {
  const t = tokens[i]!;
  const dash = (t.flags & F.HYPHEN) === 0 ? -1 : t.low.indexOf('-tier');
  if (dash > 0 && /^-tier(ed|s)?$/.test(t.low.slice(dash))) {
    const head = t.low.slice(0, dash);
    const digits = /^\d{1,2}$/.test(head);
    return digits ? Number(head) : numberOf({ ...t, low: head });
  }
  if (!TIER_WORDS.has(t.low)) return NaN;
  if (tokenAt(tokens, i - 1)?.low === '-' && tokenAt(tokens, i - 2)?.kind === 'num') return tokenAt(tokens, i - 2)!.value;
  for (let back = 1; back <= 2; back++) {
    const p = tokens[i - back];
    if (!p) break;
    if (p.low === 'a' || p.low === 'an') return NaN;
    const n = numberOf(p);
    if (Number.isFinite(n)) return n;
    if (!TIER_ADJ.has(p.low)) break;
  }
  return NaN;
}

/** Words without which a sentence has no structure item: the detector skips it. */
const STRUCTURE_TRIGGERS = new Set([
  ...TIER_WORDS,
  'free',
  'freemium',
  'cohort',
  'cohorts',
  'cohort-based',
  'evergreen',
  'rolling',
  'application',
  'application-only',
  'by',
  ...CAP_VERBS,
  'only',
  'annual',
  'yearly',
]);

register(STRUCTURE_TRIGGERS, F.STRUCTURE);

export function structureCandidates(a: Analysed): Candidate[] {
  const { tokens } = a;
  const out: Candidate[] = [];
  if ((a.anyFlags & F.STRUCTURE) === 0) {
    let hyphenTier = false;
    if ((a.anyFlags & F.HYPHEN) !== 0) {
      for (const t of tokens) if (t.kind === 'word' && t.low.length > 5 && t.low.includes('-tier')) hyphenTier = true;
    }
    if (!hyphenTier) return out;
  }
  const push = (value: string, from: number, to: number): void => {
    if (out.some((c) => c.value === value)) return;
    out.push(candidate('structure', value, from, to, declaredFrame(a, from, to)));
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // every item below starts at a trigger word or a hyphenated "3-tier"
    if (t.kind !== 'word' || (t.flags & (F.STRUCTURE | F.HYPHEN)) === 0) continue;
    const n = tierCount(tokens, i);
    if (Number.isInteger(n) && n >= 1 && n <= 10) {
      let from = i;
      while (from > 0 && i - from < 3 && (TIER_ADJ.has(tokens[from - 1]!.low) || Number.isFinite(numberOf(tokens[from - 1])) || tokens[from - 1]!.low === '-')) from--;
      push(n === 1 ? '1 tier' : `${n} tiers`, from, i + 1);
      continue;
    }
    if (t.low === 'free' && FREE_NOUNS.has(tokens[i + 1]?.low ?? '')) {
      let paid = false;
      for (let k = 0; k < tokens.length && !paid; k++) if ((k < i || k > i + 1) && PAID_WORDS.has(tokens[k]!.low)) paid = true;
      if (paid) push('free + paid tiers', i, i + 2);
      continue;
    }
    if (t.low === 'freemium') {
      push('free + paid tiers', i, i + 1);
      continue;
    }
    if (t.low === 'cohort-based' || ((t.low === 'cohort' || t.low === 'cohorts') && !['founding', 'beta', 'first', 'pilot'].includes(tokenAt(tokens, i - 1)?.low ?? ''))) {
      let to = i + 1;
      if (tokens[i + 1]?.low === '-' && tokens[i + 2]?.low === 'based') to = i + 3;
      else if (tokens[i + 1]?.low === 'based') to = i + 2;
      push('cohort-based', i, to);
      continue;
    }
    if ((t.low === 'annual' || t.low === 'yearly') && ['option', 'plan', 'membership'].includes(tokens[i + 1]?.low ?? '')) {
      let priced = false;
      for (let k = i + 2; k < Math.min(tokens.length, i + 5); k++) if (tokens[k]!.kind === 'num') priced = true;
      if (!priced) push('annual plan', i, i + 2);
      continue;
    }
    if (t.low === 'evergreen' || (t.low === 'rolling' && /^(enrol|admission|membership|basis)/.test(tokens[i + 1]?.low ?? ''))) {
      push('evergreen', i, i + 1);
      continue;
    }
    if (t.low === 'application-only' || (t.low === 'application' && tokens[i + 1]?.low === 'only') || (t.low === 'by' && tokens[i + 1]?.low === 'application')) {
      push('application-only', i, i + (t.low === 'application-only' ? 1 : 2));
      continue;
    }
    if (CAP_VERBS.has(t.low)) {
      for (let k = i + 1; k < Math.min(tokens.length, i + 5); k++) {
        const v = numberOf(tokens[k]);
        if (tokens[k]!.kind === 'num' && Number.isInteger(v) && v >= 2 && v <= 100000) {
          let members = MEMBER_NOUNS.has(tokens[k + 1]?.low ?? '') || t.low.startsWith('cap');
          for (let j = i + 1; j < k; j++) if (tokens[j]!.low === 'members' || tokens[j]!.low === 'people') members = true;
          if (members) push(`cap at ${v} members`, i, k + 1);
          break;
        }
      }
      continue;
    }
    if (t.low === 'only' && tokens[i + 1]?.kind === 'num' && ['spots', 'seats', 'places'].includes(tokens[i + 2]?.low ?? '')) {
      push(`cap at ${tokens[i + 1]!.value} members`, i, i + 3);
    }
  }
  return out;
}

// ---- timeline -------------------------------------------------------------------------------

const ANCHOR_SKIP_AFTER = new Set([
  'workshop',
  'email',
  'emails',
  'calendar',
  'content',
  'plan',
  'sequence',
  'ads',
  'event',
  'webinar',
  'video',
  'post',
  'posts',
  'party',
  'checklist',
  'strategy',
  'budget',
  'week',
  'offer',
  'stream',
]);
const OTHER_OBJECTS = new Set(['waitlist', 'wait', 'channel', 'podcast', 'newsletter', 'ebook', 'book', 'youtube', 'video', 'product', 'shop', 'store', 'website', 'site', 'app', 'page', 'course', 'survey']);
const OWN_OBJECTS = new Set(['community', 'membership', 'doors', 'group', 'it', 'club']);

interface Anchor {
  at: number;
  event: string;
  form: 'present' | 'base' | 'noun' | 'past';
}

function anchorAt(tokens: Token[], i: number): Anchor | null {
  const t = tokens[i]!;
  // every anchor is a TIMELINE word, or "going"/"went" … before "live" (one)
  if ((t.flags & F.TIMELINE) === 0 && !(i + 1 < tokens.length && (tokens[i + 1]!.flags & F.TIMELINE) !== 0)) return null;
  const low = t.low;
  const prev = tokenAt(tokens, i - 1)?.low ?? '';
  const next = tokens[i + 1]?.low ?? '';
  const betaNear = prev === 'beta' || prev === 'founding' || prev === 'soft' || tokenAt(tokens, i - 2)?.low === 'founding';
  let event = betaNear ? 'beta launch' : 'launch';
  if (low === 'launch' || low === 'launching' || low === 'launches' || low === 'launched' || low === 'release' || low === 'releasing') {
    if (ANCHOR_SKIP_AFTER.has(next) && !(next === 'week' && false)) return null;
    if (low === 'launched') return { at: i, event, form: 'past' };
    if (low === 'launch') {
      const noun =
        next === 'date' || next === 'day' || next === 'is' || next === ':' || ['public', 'target', 'the', 'our', 'soft', 'official', 'big', 'hard'].includes(prev) || i === 0;
      if (prev === 'my' || prev === 'last' || prev === 'first') return { at: i, event, form: 'past' };
      if (prev === 'we' || prev === 'i' || prev === 'officially') return { at: i, event, form: 'present' };
      return { at: i, event, form: noun ? 'noun' : 'base' };
    }
    return { at: i, event, form: 'present' };
  }
  if ((low === 'going' || low === 'go' || low === 'goes' || low === 'went') && next === 'live') {
    const we = prev === 'we' || prev === 'i' || prev === 'doors' || prev === 'community';
    return { at: i, event, form: low === 'went' ? 'past' : low === 'go' && !we ? 'base' : 'present' };
  }
  if (low === 'open' || low === 'opens' || low === 'opening' || low === 'opened') {
    const doors = prev === 'doors' || next === 'the' || next === 'doors' || prev === 'beta' || prev === 'cart' || prev === 'community' || prev === 'waitlist';
    if (!doors) return null;
    if (prev === 'waitlist') return null;
    if (prev === 'beta') event = 'beta launch';
    if (low === 'opened') return { at: i, event, form: 'past' };
    const we = prev === 'we' || prev === 'doors' || prev === 'beta' || prev === 'cart' || prev === 'community';
    return { at: i, event, form: low === 'open' && !we ? 'base' : 'present' };
  }
  if (low === 'closes' || low === 'close' || low === 'closing') {
    for (let d = 1; d <= 5; d++) {
      const w = tokens[i - d]?.low;
      if (w === 'cart' || w === 'doors') return { at: i, event: 'cart closes', form: 'present' };
    }
    return null;
  }
  if (low === 'beta' && (next === 'opens' || next === 'starts' || next === 'launches')) return null; // the verb is the anchor
  return null;
}

/** Date expressions read per sentence at most. */
const MAX_DATES = 16;

/** Words without which a sentence has no launch anchor: the detector skips it. */
const TIMELINE_TRIGGERS = new Set([
  'launch',
  'launching',
  'launches',
  'launched',
  'release',
  'releasing',
  'live',
  'open',
  'opens',
  'opening',
  'opened',
  'closes',
  'close',
  'closing',
]);

register(TIMELINE_TRIGGERS, F.TIMELINE);

export function timelineCandidates(a: Analysed): Candidate[] {
  const { tokens } = a;
  const out: Candidate[] = [];
  if ((a.anyFlags & F.TIMELINE) === 0) return out;
  let lastEnd = -1;
  let unitHint = '';
  let dates = 0;
  for (let i = 0; i < tokens.length && dates < MAX_DATES; i++) {
    if (i < lastEnd || !mayStartDate(tokens[i]!)) continue;
    const d = parseDateAt(tokens, i, unitHint);
    if (!d) continue;
    lastEnd = d.to;
    dates++;
    if (d.unit !== '') unitHint = d.unit;
    // the nearest anchor before the date (same segment), else right after it
    let anchor: Anchor | null = null;
    const lo = Math.max(a.segStart[i]!, i - 12);
    for (let k = i - 1; k >= lo && !anchor; k--) {
      const an = anchorAt(tokens, k);
      if (!an) continue;
      let other = false;
      let own = false;
      for (let j = k + 1; j < i; j++) {
        if (OTHER_OBJECTS.has(tokens[j]!.low)) {
          other = true;
          own = false;
        } else if (OWN_OBJECTS.has(tokens[j]!.low) && other) own = true;
      }
      if (other && !own) {
        anchor = null;
        break;
      }
      const labelColon = tokenAt(tokens, a.clauseStart[i]! - 1)?.low === ':' && a.clauseStart[i]! - 1 > k;
      if (a.clauseStart[k] !== a.clauseStart[i] && !(labelColon && a.clauseStart[a.clauseStart[i]! - 1] === a.clauseStart[k])) {
        let ownInClause = false;
        for (let j = a.clauseStart[i]!; j < i; j++) if (OWN_OBJECTS.has(tokens[j]!.low)) ownInClause = true;
        if (!ownInClause) break;
      }
      anchor = an;
    }
    if (!anchor) {
      for (let k = d.to; k < Math.min(tokens.length, d.to + 4); k++) {
        const an = anchorAt(tokens, k);
        if (an) {
          anchor = an;
          break;
        }
      }
    }
    if (!anchor || anchor.form === 'past') continue;
    const from = Math.min(anchor.at, d.from);
    const text = d.text;
    out.push(
      candidate('timeline', `${anchor.event} ${text}`, d.from, d.to, anchor.form === 'noun' || anchor.form === 'present' || opensSentence(tokens, from) ? 'strong' : 'weak', {
        ownCommit: anchor.form === 'present',
      }),
    );
    i = d.to - 1;
  }
  return out;
}

// ---- content --------------------------------------------------------------------------------

const THINGS: [string, string][] = [
  ['live coaching calls', 'coaching calls'],
  ['live coaching call', 'coaching calls'],
  ['group coaching calls', 'coaching calls'],
  ['group coaching call', 'coaching calls'],
  ['coaching calls', 'coaching calls'],
  ['coaching call', 'coaching calls'],
  ['live calls', 'live calls'],
  ['live call', 'live calls'],
  ['group calls', 'live calls'],
  ['group call', 'live calls'],
  ['zoom calls', 'live calls'],
  ['zoom call', 'live calls'],
  ['live sessions', 'live calls'],
  ['live session', 'live calls'],
  ['calls', 'live calls'],
  ['call', 'live calls'],
  ['live q&a', 'Q&A sessions'],
  ['live q&as', 'Q&A sessions'],
  ['q&a', 'Q&A sessions'],
  ['q&as', 'Q&A sessions'],
  ['q&a sessions', 'Q&A sessions'],
  ['q&a session', 'Q&A sessions'],
  ['ama', 'Q&A sessions'],
  ['amas', 'Q&A sessions'],
  ['office hours', 'office hours'],
  ['workshops', 'workshops'],
  ['workshop', 'workshops'],
  ['masterclasses', 'masterclasses'],
  ['masterclass', 'masterclasses'],
  ['challenges', 'challenges'],
  ['challenge', 'challenges'],
  ['hot seats', 'hot seats'],
  ['hot seat', 'hot seats'],
  ['hot-seats', 'hot seats'],
  ['hot-seat', 'hot seats'],
  ['coworking sessions', 'coworking sessions'],
  ['coworking session', 'coworking sessions'],
  ['co-working sessions', 'coworking sessions'],
  ['co-working session', 'coworking sessions'],
  ['accountability check-ins', 'accountability check-ins'],
  ['accountability calls', 'accountability check-ins'],
  ['guest expert sessions', 'guest expert sessions'],
  ['guest expert session', 'guest expert sessions'],
  ['guest experts', 'guest expert sessions'],
  ['guest speakers', 'guest expert sessions'],
  ['meetups', 'meetups'],
  ['meetup', 'meetups'],
  ['prompts', 'prompts'],
  ['live streams', 'live streams'],
  ['livestreams', 'live streams'],
  ['feedback sessions', 'feedback sessions'],
  ['critiques', 'feedback sessions'],
  ['accountability pods', 'accountability pods'],
  ['accountability pod', 'accountability pods'],
  ['accountability groups', 'accountability pods'],
  ['templates', 'templates'],
  ['template', 'templates'],
  ['worksheets', 'worksheets'],
  ['course library', 'course library'],
  ['resource library', 'resource library'],
  ['template library', 'template library'],
  ['templates library', 'template library'],
  ['video library', 'video library'],
];
const LIBRARY = new Set(['course library', 'resource library', 'template library', 'video library', 'accountability pods']);
/** Things that are content only with a frequency ("a new template every week"). */
const NEEDS_FREQ = new Set(['call', 'calls', 'template', 'templates', 'worksheets']);
const THING_INDEX = new Map<string, { words: string[]; value: string }[]>();
for (const [phrase, value] of THINGS) {
  const words = phrase.split(' ');
  let list = THING_INDEX.get(words[0]!);
  if (!list) THING_INDEX.set(words[0]!, (list = []));
  list.push({ words, value });
}
for (const list of THING_INDEX.values()) list.sort((x, y) => y.words.length - x.words.length);
register(THING_INDEX.keys(), F.CONTENT);
type Thing = { words: string[]; value: string };
/** THING_INDEX by the vocabulary id of the first word (filled, not sparse: see platforms.ts). */
const THING_IDS = [...THING_INDEX.keys()].map(idOf);
const THINGS_BY_ID = new Array<Thing[] | undefined>(Math.max(...THING_IDS) + 1).fill(undefined);
for (const [w, list] of THING_INDEX) THINGS_BY_ID[idOf(w)] = list;

/** The phrases that open with token `t` (a CONTENT word), if any. */
function thingsAt(t: Token): Thing[] | undefined {
  return (t.flags & F.CONTENT) !== 0 ? THINGS_BY_ID[t.id] : undefined;
}

const SINGLE_FREQ: Record<string, string> = table({
  weekly: 'weekly',
  'bi-weekly': 'biweekly',
  biweekly: 'biweekly',
  fortnightly: 'biweekly',
  monthly: 'monthly',
  daily: 'daily',
  quarterly: 'quarterly',
  'twice-weekly': 'twice-weekly',
});
const WEEKDAY_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mondays', 'tuesdays', 'wednesdays', 'thursdays', 'fridays', 'saturdays', 'sundays']);

/** Frequency phrase at `i`: weekly, every other week, once a month, every Tuesday … */
function freqAt(tokens: Token[], i: number): { freq: string; len: number } | null {
  const t = tokens[i];
  if (!t || t.kind !== 'word') return null;
  const single = SINGLE_FREQ[t.low];
  if (single) return { freq: single, len: 1 };
  const n1 = tokens[i + 1]?.low ?? '';
  const n2 = tokens[i + 2]?.low ?? '';
  if (t.low === 'every' || t.low === 'each') {
    if (n1 === 'other' && n2 === 'week') return { freq: 'biweekly', len: 3 };
    if ((n1 === 'two' || n1 === '2' || n1 === 'second') && (n2 === 'weeks' || n2 === 'week')) return { freq: 'biweekly', len: 3 };
    if (n1 === 'week') return { freq: 'weekly', len: 2 };
    if (n1 === 'month') return { freq: 'monthly', len: 2 };
    if (n1 === 'day' || n1 === 'morning') return { freq: 'daily', len: 2 };
    if (n1 === 'quarter') return { freq: 'quarterly', len: 2 };
    if (WEEKDAY_WORDS.has(n1)) return { freq: 'weekly', len: 2 };
  }
  if ((t.low === 'once' || t.low === 'twice') && (n1 === 'a' || n1 === 'per') && (n2 === 'week' || n2 === 'month')) {
    if (t.low === 'once') return { freq: n2 === 'week' ? 'weekly' : 'monthly', len: 3 };
    return { freq: n2 === 'week' ? 'twice-weekly' : 'twice-monthly', len: 3 };
  }
  if (t.low === 'on' && WEEKDAY_WORDS.has(n1) && n1.endsWith('s')) return { freq: 'weekly', len: 2 };
  return null;
}

/** The first (longest) phrase of `list` written at `i`. */
function longestThingAt(tokens: Token[], i: number, list: { words: string[]; value: string }[]): { words: string[]; value: string } | undefined {
  outer: for (const e of list) {
    if (i + e.words.length > tokens.length) continue;
    for (let k = 1; k < e.words.length; k++) if (tokens[i + k]!.low !== e.words[k]) continue outer;
    return e;
  }
  return undefined;
}

export function contentCandidates(a: Analysed): Candidate[] {
  const { tokens } = a;
  if ((a.anyFlags & F.CONTENT) === 0) return [];
  const found: { value: string; thing: string; from: number; to: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const list = thingsAt(tokens[i]!);
    if (!list) continue;
    const hit = longestThingAt(tokens, i, list);
    if (!hit) continue;
    const to = i + hit.words.length;
    let freq: string | null = null;
    let from = i;
    if (!LIBRARY.has(hit.value)) {
      // nearest frequency before (skipping a couple of adjectives) or after, within the clause
      let cs = a.clauseStart[i]!;
      if (tokenAt(tokens, cs - 1)?.low === ':') cs = a.clauseStart[cs - 1]!;
      const ce = a.clauseEnd[i]!;
      let before: { freq: string; at: number } | null = null;
      for (let k = i - 1; k >= Math.max(cs, i - 6); k--) {
        const f = freqAt(tokens, k);
        if (f && k + f.len <= i) {
          before = { freq: f.freq, at: k };
          break;
        }
        if (k < i - 1 && thingsAt(tokens[k]!) !== undefined) break;
      }
      let after: { freq: string; at: number } | null = null;
      for (let k = to; k < Math.min(ce, to + 4); k++) {
        const f = freqAt(tokens, k);
        if (f) {
          after = { freq: f.freq, at: k };
          break;
        }
      }
      const db = before ? i - before.at : Infinity;
      const da = after ? after.at - to + 1 : Infinity;
      if (before && db <= da) {
        freq = before.freq;
        from = before.at;
      } else if (after) freq = after.freq;
      // a bare "call" is content only with a frequency ("weekly calls")
      if (NEEDS_FREQ.has(hit.words[0]!) && !freq) continue;
      if ((hit.words[0] === 'call' || hit.words[0] === 'calls') && ['discovery', 'sales', 'strategy', 'the', 'a'].includes(tokenAt(tokens, i - 1)?.low ?? '')) {
        if (tokenAt(tokens, i - 1)?.low === 'discovery' || tokenAt(tokens, i - 1)?.low === 'sales' || tokenAt(tokens, i - 1)?.low === 'strategy') continue;
      }
    }
    found.push({ value: freq ? `${freq} ${hit.value}` : hit.value, thing: hit.value, from, to });
    i = to - 1;
  }
  // items listed together share the frame of the first ("Office hours every Friday + a resource library")
  const out: Candidate[] = [];
  if (found.length === 0) return out;
  let listFrame: Frame | null = null;
  let listClause = -1;
  const seen = found.length > 1 ? new Set<string>() : null;
  for (const f of found) {
    if (seen !== null) {
      if (seen.has(f.value)) continue;
      seen.add(f.value);
    }
    let frame = declaredFrame(a, f.from, f.to);
    const clause = a.clauseStart[f.from]!;
    if (listFrame !== null && clause === listClause && frame === 'none') frame = listFrame;
    if (listClause !== clause) {
      listClause = clause;
      listFrame = frame;
    }
    out.push(candidate('content', f.value, f.from, f.to, frame));
  }
  return out;
}
