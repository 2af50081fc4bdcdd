// Task completions: "I've set up the Skool group", "finished the pricing page", "done with task 7",
// "t7 is done", "the waitlist is live". A report of finished work (past or perfect tense, a done
// state, a tick) matched to the plan's tasks by id, keywords and title words with light stemming.
// Future tense, negation, questions, conditionals and "almost/halfway/started" are not completions.
import { inRationale, type Analysed } from './analyse.js';
import { buildLexicon, matchCues, type CueType } from './cues.js';
import { stem, tokenAt, type Token } from './tokens.js';
import { F, register } from './vocab.js';
import type { Confidence, DetectedCompletion, DetectorPlan } from './types.js';

const STOP = new Set([
  'the',
  'a',
  'an',
  'my',
  'our',
  'your',
  'their',
  'his',
  'her',
  'its',
  'of',
  'to',
  'for',
  'on',
  'in',
  'at',
  'with',
  'and',
  'or',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'all',
  'this',
  'that',
  'these',
  'those',
  'it',
  'up',
  'out',
  'some',
  'just',
  'now',
  'finally',
  'today',
  'yesterday',
]);
/** Phrases people use for a task that the template words differently. */
const SYNONYMS: [string, string][] = [
  ['pricing page', 'sales page'],
  ['sales letter', 'sales page'],
  ['checkout page', 'checkout'],
  ['wait list', 'waitlist'],
  ['start here post', 'start here'],
];
/** Qualifiers that make a keyword mean something else ("YouTube channel" is not a community channel). */
const FOREIGN = new Set(['youtube', 'instagram', 'tiktok', 'podcast', 'twitch', 'telegram', 'whatsapp', 'facebook', 'email', 'newsletter']);

const L: Record<string, CueType> = {};
const add = (type: CueType, phrases: string): void => {
  for (const p of phrases.split('|')) L[p] = type;
};
// 'commit' marks a completion signal, 'neg' a blocker anywhere in the chunk, 'hypo' a blocker
// before the signal, 'low' a partial report.
add(
  'commit',
  "i've|ive|i have|we've|we have|already|done|done with|finished|finished with|completed|complete|wrapped up|" +
    'checked off|ticked off|crossed off|knocked out|nailed|hit publish|✅|✔|☑|✔️|☑️',
);
add(
  'neg',
  "will|i'll|we'll|going to|gonna|need to|needs to|have to|has to|should|plan to|planning to|want to|wanna|about to|" +
    "hoping to|trying to|try to|tomorrow|tonight|later|soon|next week|this weekend|after the weekend|todo|to do|" +
    "still need|yet to|can't wait to|aim to|aiming to|would|could|might|not|never|no|haven't|havent|hasn't|didn't|" +
    "didnt|don't|dont|isn't|isnt|aren't|won't|wont|not yet|booked|for a week|for weeks|for days|for ages|for a while|" +
    'all week|by friday|by monday|by the weekend|time to',
);
add('hypo', 'if|once|when|as soon as|before|until|unless|after i|after we');
add('low', 'almost|nearly|halfway|half|partly|partially|mostly|started|starting|start|begun|began|working on|work on|in progress|kinda|kind of|sort of|stuck|drafting|writing');
const LEX = buildLexicon(L, F.COMPLETION_CUE);

const IRREGULAR_PAST = new Set(['wrote', 'written', 'built', 'sent', 'ran', 'made', 'did', 'got', 'set', 'put', 'shot', 'took', 'held', 'drew', 'hit', 'led', 'met', 'setup']);
const DECISION_VERBS = new Set(['locked', 'decided', 'settled', 'chose', 'chosen', 'picked', 'opted', 'landed', 'committed']);
const NOT_PAST = new Set([
  'need',
  'needed',
  'wanted',
  'tried',
  'hoped',
  'used',
  'based',
  'interested',
  'excited',
  'scared',
  'worried',
  'stressed',
  'overwhelmed',
  'tired',
  'bored',
  'called',
  'named',
  'obsessed',
  'confused',
  'annoyed',
  'motivated',
  'inspired',
  'surprised',
  'amazed',
  'pleased',
  'priced',
  'billed',
  'flopped',
  'failed',
  'watched',
  'asked',
  'red',
  'bed',
  'feed',
  'speed',
  'indeed',
  'hundred',
  'seed',
  'shed',
  'embed',
  'paid',
  'ended',
  'cancelled',
  'canceled',
  'scheduled',
  'saved',
  'spent',
  'bought',
  'played',
  'stayed',
  'moved',
  'switched',
  'signed',
  'joined',
  'followed',
]);
const DONE_STATE = new Set([
  'done',
  'finished',
  'complete',
  'completed',
  'live',
  'up',
  'ready',
  'sorted',
  'published',
  'written',
  'built',
  'created',
  'recorded',
  'open',
  'launched',
  'sent',
  'scheduled',
  'organised',
  'organized',
  'connected',
  'set',
  'running',
  'drafted',
  'pinned',
  'posted',
  'uploaded',
  'finalised',
  'finalized',
  'defined',
  'ticked',
]);
/** Title lead verbs too general to identify a task on their own. */
const GENERIC_VERBS = new Set(['build', 'writ', 'plan', 'run', 'set', 'open', 'start', 'host', 'mak', 'creat', 'design', 'choos', 'defin', 'study', 'track', 'invit', 'connect', 'collect', 'review', 'record', 'launch']);
const BE = new Set(['is', 'are', "it's", "'s", 'was', 'were']);
register([...BE, 'task', 'tasks'], F.COMPLETION_CUE);
// words that report work on their own; the perfect auxiliaries count as such here
register([...[...LEX.keys()].filter((w) => LEX.get(w)!.some((p) => p.type === 'commit')), 'task', 'tasks'], F.DONE);
register([...IRREGULAR_PAST, ...DECISION_VERBS, ...BE], F.WORK);
const CHUNK_WORDS = new Set(['and', 'plus', 'also', 'then', '&', '+']);
const VERBISH = new Set(['is', 'are', 'was', 'were', 'i', 'we', "i'm", "we're", 'has', 'have', 'had', 'feels', 'looks']);
// The per-token tests below run on every token of a work report, so each set test is gated by
// something cheaper that every member passes: a vocabulary bit (F.WORK covers BE, the irregular
// pasts and the decision verbs) or the longest member's length.
const isChunkWord = (low: string): boolean => low.length <= 4 && CHUNK_WORDS.has(low);
const isVerbish = (low: string): boolean => low.length <= 5 && VERBISH.has(low);
const isBe = (t: Token): boolean => (t.flags & F.WORK) !== 0 && BE.has(t.low);
const isDecisionVerb = (t: Token | undefined): boolean => t !== undefined && (t.flags & F.WORK) !== 0 && DECISION_VERBS.has(t.low);

// ---- the plan's tasks, prepared once per plan --------------------------------------------------

interface TaskIndex {
  id: string;
  /** Title stems, as stem ids (see `PlanIndex.stemId`). */
  title: number[];
  keywords: number[][];
  /** Distinct title stems and their weights (1 / how many tasks use the stem), as two parallel
   * arrays: this loop runs for every candidate task, and destructuring pairs was its main cost. */
  titleStems: number[];
  titleWeights: number[];
  /** Keywords that name a decision ("decided on pricing", "picked a platform"). */
  decisionKeywords: number[][];
  /** Scratch mark while collecting candidate tasks for one chunk. */
  seen: number;
  titleTotal: number;
}

// Matching compares stems as small integers: every stem that occurs in a title or keyword gets an
// id when the plan is indexed, a chunk's words are looked up once, and scoring is then array reads
// and integer compares (a stem no task uses is NO_STEM and can match nothing).
const NO_STEM = -1;

interface PlanIndex {
  tasks: TaskIndex[];
  ids: Set<string>;
  /** Stem → id, for every stem of a title or keyword. */
  stemId: Map<string, number>;
  /** Stem id → tasks that use it (in the title or as a keyword's first stem): only those are scored for a chunk. */
  byStem: TaskIndex[][];
  /** Stem id → the one task whose title alone names it ("survey"), when the stem is rare and specific enough. */
  uniqueTitle: (TaskIndex | null)[];
  /** Stem id → stamp of the last chunk that contained it (scratch for `bestTask`). */
  present: number[];
  /** Recent words → stem id (see `stemIdOf`). */
  wordStem: Map<string, number>;
}

function stems(text: string): string[] {
  const out: string[] = [];
  for (const part of text.toLowerCase().split(/[^a-z0-9'&]+/)) {
    if (!part || STOP.has(part) || /^\d+$/.test(part)) continue;
    out.push(stem(part));
  }
  return out;
}

const DECISION_STEMS = new Set(['lock', 'decid', 'settl', 'pick', 'chose', 'set']);
const indexCache = new WeakMap<object, PlanIndex>();

function indexPlan(plan: Pick<DetectorPlan, 'tasks'>): PlanIndex {
  const cached = indexCache.get(plan.tasks);
  if (cached) return cached;
  const stemId = new Map<string, number>();
  const idOf = (s: string): number => {
    let id = stemId.get(s);
    if (id === undefined) stemId.set(s, (id = stemId.size));
    return id;
  };
  const df = new Map<string, number>();
  const titleDf = new Map<string, number>();
  const prepared = plan.tasks.map((t) => {
    const title = stems(t.title);
    const keywords = t.keywords.map(stems).filter((k) => k.length > 0);
    for (const s of new Set([...title, ...keywords.flat()])) df.set(s, (df.get(s) ?? 0) + 1);
    for (const s of new Set(title)) titleDf.set(s, (titleDf.get(s) ?? 0) + 1);
    return { id: t.id, title, keywords };
  });
  const tasks: TaskIndex[] = prepared.map(({ id, title, keywords }) => ({
    id,
    title: title.map(idOf),
    keywords: keywords.map((k) => k.map(idOf)),
    decisionKeywords: keywords.filter((k) => k.some((s) => DECISION_STEMS.has(s))).map((k) => k.map(idOf)),
    titleStems: [...new Set(title)].map(idOf),
    titleWeights: [...new Set(title)].map((s) => 1 / (df.get(s) ?? 1)),
    titleTotal: 0,
    seen: 0,
  }));
  const byStem: TaskIndex[][] = Array.from({ length: stemId.size }, () => []);
  const uniqueTitle: (TaskIndex | null)[] = new Array<TaskIndex | null>(stemId.size).fill(null);
  for (const task of tasks) {
    for (const w of task.titleWeights) task.titleTotal += w;
    for (const id of new Set([...task.title, ...task.keywords.map((k) => k[0]!)])) byStem[id]!.push(task);
  }
  for (const [s, id] of stemId) {
    if (titleDf.get(s) === 1 && (df.get(s) ?? 0) <= 3 && s.length > 4 && !GENERIC_VERBS.has(s)) {
      uniqueTitle[id] = tasks.find((t) => t.title.includes(id))!;
    }
  }
  const present = new Array<number>(stemId.size).fill(0);
  const index = { tasks, ids: new Set(plan.tasks.map((t) => t.id)), stemId, byStem, uniqueTitle, present, wordStem: new Map<string, number>() };
  indexCache.set(plan.tasks, index);
  return index;
}

// ---- matching ---------------------------------------------------------------------------------

interface Match {
  taskId: string;
  strength: 'strong' | 'weak';
  score: number;
}

/** The stem id of a word: one lookup in the plan's cache of recent words (bounded, so hostile
 * input cannot grow it without limit), stemming only a word not seen lately. */
function stemIdOf(index: PlanIndex, word: string): number {
  let id = index.wordStem.get(word);
  if (id === undefined) {
    if (index.wordStem.size > 4096) index.wordStem.clear();
    id = index.stemId.get(stem(word)) ?? NO_STEM;
    index.wordStem.set(word, id);
  }
  return id;
}

const SYNONYM_FROM = SYNONYMS.map(([a]) => a.split(' '));
const SYNONYM_TO = SYNONYMS.map(([, b]) => b.split(' '));
const SYNONYM_FIRST = new Set(SYNONYM_FROM.map((a) => a[0]!));

// Scratch space for chunkStems: a chunk's stems live only until bestTask has scored them, so
// the arrays are reused instead of allocated for every chunk.
const scratchRaw: string[] = [];
const scratch: ChunkStems = { stems: [], prev: [], last: '' };

/** Adds one word to the chunk's stems (stop words and bare numbers only move `last`). */
function emit(index: PlanIndex, chunk: ChunkStems, word: string): void {
  const c = word.charCodeAt(0);
  if (STOP.has(word) || (c >= 48 && c <= 57 && /^\d+$/.test(word))) {
    chunk.last = word;
    return;
  }
  chunk.stems.push(stemIdOf(index, word));
  chunk.prev.push(chunk.last);
  chunk.last = word;
}

/** The stem ids of tokens [from, to). The result is valid until the next call. */
function chunkStems(index: PlanIndex, tokens: Token[], from: number, to: number): ChunkStems {
  // the chunk's words (hyphenated and dotted words in parts), with the synonym phrases swapped in
  const raw = scratchRaw;
  raw.length = 0;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (t.kind === 'sym') continue;
    // F.HYPHEN: the tokenizer glued the word with a hyphen (the only way a word holds one)
    if (t.kind === 'word' && ((t.flags & F.HYPHEN) !== 0 || t.low.includes('.'))) {
      for (const part of t.low.split(/[^a-z0-9'&]+/)) {
        if (!part) continue;
        raw.push(part);
      }
    } else {
      raw.push(t.low);
    }
  }
  const chunk = scratch;
  chunk.stems.length = 0;
  chunk.prev.length = 0;
  chunk.last = '';
  for (let i = 0; i < raw.length; ) {
    let swapped = false;
    const synonymAhead = SYNONYM_FIRST.has(raw[i]!);
    for (let q = 0; synonymAhead && q < SYNONYM_FROM.length; q++) {
      const a = SYNONYM_FROM[q]!;
      const b = SYNONYM_TO[q]!;
      if (raw[i] !== a[0] || i + a.length > raw.length) continue;
      let hit = true;
      for (let j = 1; j < a.length && hit; j++) if (raw[i + j] !== a[j]) hit = false;
      if (hit) {
        for (const w of b) emit(index, chunk, w);
        i += a.length;
        swapped = true;
        break;
      }
    }
    if (!swapped) {
      emit(index, chunk, raw[i]!);
      i++;
    }
  }
  return chunk;
}

/** First position of `needle` in the chunk (chunks are a clause at most: a short scan). */
function find(chunk: ChunkStems, needle: number[]): number {
  const { stems } = chunk;
  const first = needle[0]!;
  outer: for (let at = 0; at + needle.length <= stems.length; at++) {
    if (stems[at] !== first) continue;
    for (let k = 1; k < needle.length; k++) if (stems[at + k] !== needle[k]) continue outer;
    return at;
  }
  return -1;
}

/** `find(chunk, [a, b]) >= 0` without building the needle. */
function hasPair(stems: number[], a: number, b: number): boolean {
  for (let at = 0; at + 1 < stems.length; at++) if (stems[at] === a && stems[at + 1] === b) return true;
  return false;
}

interface ChunkStems {
  /** Stem ids (NO_STEM for a stem no task uses). */
  stems: number[];
  /** The word before each stem (stop words included). */
  prev: string[];
  /** Scratch while building: the last word seen. */
  last: string;
}

let epoch = 0;
const scratchCandidates: TaskIndex[] = [];

function bestTask(index: PlanIndex, chunk: ChunkStems, decisionVerbOnly: boolean): Match | null {
  const { stems } = chunk;
  const present = index.present;
  let best: Match | null = null;
  const candidates = scratchCandidates;
  candidates.length = 0;
  const stamp = ++epoch;
  for (const s of stems) {
    if (s === NO_STEM) continue;
    present[s] = stamp;
    for (const task of index.byStem[s]!) {
      if (task.seen === stamp) continue;
      task.seen = stamp;
      candidates.push(task);
    }
  }
  for (const task of candidates) {
    let kw = 0;
    // a decision verb alone ("I've decided …") completes only a task whose keyword says so ("decided on pricing")
    for (const k of decisionVerbOnly ? task.decisionKeywords : task.keywords) {
      const at = find(chunk, k);
      if (at < 0) continue;
      if (k.length === 1 && FOREIGN.has(chunk.prev[at] ?? '')) continue;
      kw = Math.max(kw, k.length);
    }
    if (decisionVerbOnly) {
      if (kw > 0 && (!best || kw * 2 > best.score)) best = { taskId: task.id, strength: 'strong', score: kw * 2 };
      continue;
    }
    let num = 0;
    let hits = 0;
    const { titleStems, titleWeights } = task;
    for (let i = 0; i < titleStems.length; i++) {
      if (present[titleStems[i]!] === stamp) {
        num += titleWeights[i]!;
        hits++;
      }
    }
    const title = task.titleTotal > 0 ? num / task.titleTotal : 0;
    let bigram = false;
    for (let i = 0; hits >= 2 && i + 1 < task.title.length && !bigram; i++) {
      if (hasPair(stems, task.title[i]!, task.title[i + 1]!)) bigram = true;
    }
    let strength: Match['strength'] | null = null;
    if (kw >= 1 || (bigram && !decisionVerbOnly)) strength = 'strong';
    else if (!decisionVerbOnly && hits >= 2 && title >= 0.4) strength = 'strong';
    else if (!decisionVerbOnly && hits >= 2 && title >= 0.3) strength = 'weak';
    if (!strength) continue;
    const score = kw * 2 + title * 3 + (strength === 'strong' ? 1 : 0);
    if (!best || score > best.score) best = { taskId: task.id, strength, score };
  }
  if (best || decisionVerbOnly) return best;
  // one title word that only one task uses ("the survey is done"): that task, if nothing else fits
  let unique: TaskIndex | null = null;
  for (const s of stems) {
    const task = s === NO_STEM ? null : index.uniqueTitle[s]!;
    if (task === null) continue;
    if (unique && unique.id !== task.id) return null;
    unique = task;
  }
  if (!unique) return null;
  // by id, not object: an unvalidated plan may repeat an id, and the first task with it leads
  const { id } = unique;
  const lead = index.tasks.find((t) => t.id === id)!.title[0];
  return { taskId: id, strength: lead !== undefined && present[lead] === stamp ? 'strong' : 'weak', score: 0 };
}

/** "t7" … "t999" (what /^t\d{1,3}$/ matches), without a regex. */
export function isTaskId(low: string): boolean {
  const n = low.length;
  if (n < 2 || n > 4 || low.charCodeAt(0) !== 116) return false;
  for (let k = 1; k < n; k++) {
    const c = low.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** "t7", "task 7", "task #7", "#7", "step 7" → "t7". */
function taskRefs(tokens: Token[], from: number, to: number, ids: Set<string>, listed: boolean[]): string[] {
  const out: string[] = [];
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    let id: string | null = null;
    if (t.kind === 'word' && isTaskId(t.low)) id = t.low;
    else if (t.kind === 'num' && Number.isInteger(t.value) && !t.ordinal) {
      const p = tokenAt(tokens, k - 1)?.low;
      const pp = tokenAt(tokens, k - 2)?.low;
      if (p === 'task' || p === 'tasks' || p === 'step' || p === '#' || (p === '#' && pp === 'task')) id = `t${t.value}`;
      else if ((p === 'and' || p === ',' || p === '&') && k >= 2 && listed[k - 2]) id = `t${t.value}`;
    }
    if (id) listed[k] = true;
    if (id && ids.has(id) && !out.includes(id)) out.push(id);
  }
  return out;
}

// ---- signals ----------------------------------------------------------------------------------

interface ChunkSignal {
  positive: boolean;
  decisionVerbOnly: boolean;
  blocked: boolean;
  partial: boolean;
  verbish: boolean;
}

/** `low.endsWith("'s")` without the builtin call (it runs on every word of a work report). */
function endsWithApostropheS(low: string): boolean {
  const n = low.length;
  return n >= 2 && low.charCodeAt(n - 1) === 115 && low.charCodeAt(n - 2) === 39;
}

function isPastWord(t: Token): boolean {
  if (t.kind !== 'word') return false;
  const work = (t.flags & F.WORK) !== 0;
  if (work && IRREGULAR_PAST.has(t.low)) return true;
  const w = t.low;
  const n = w.length;
  return n > 4 && w.charCodeAt(n - 1) === 100 && w.charCodeAt(n - 2) === 101 && !NOT_PAST.has(w) && !(work && DECISION_VERBS.has(w)); // …ed
}

/** The cue at `k` is "i've", "ive", "i have", "we've" or "we have" (token words never hold a space). */
function isPerfectAux(tokens: Token[], k: number, len: number): boolean {
  const w = tokens[k]!.low;
  if (len === 1) return w === "i've" || w === 'ive' || w === "we've";
  if (len === 2) return (w === 'i' || w === 'we') && tokens[k + 1]!.low === 'have';
  return false;
}

const PAST_LEADS = new Set(['i', 'we', 'just', 'finally', 'already', 'also', 'and', 'then', 'today', 'yesterday', 'ive', "i've", "we've"]);

function signalOf(a: Analysed, cues: ReturnType<typeof matchCues>, from: number, to: number): ChunkSignal {
  const { tokens } = a;
  let positive = false;
  let decisionVerbOnly = false;
  let blocked = false;
  let partial = false;
  let verbish = false;
  let hypoBefore = false;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    const cue = cues[k];
    if (isVerbish(t.low)) verbish = true;
    if (cue) {
      if (cue.type === 'neg') blocked = true;
      else if (cue.type === 'hypo' && !positive) hypoBefore = true;
      else if (cue.type === 'low') partial = true;
      else if (cue.type === 'commit') {
        const next = tokens[k + cue.len];
        const after = next?.low ?? '';
        const aux = isPerfectAux(tokens, k, cue.len);
        const decisionVerb = isDecisionVerb(next);
        if (aux && (decisionVerb || after === 'been' || after === 'got' || after === 'always')) {
          if (decisionVerb) decisionVerbOnly = true;
        } else positive = true;
      }
      k += cue.len - 1;
      continue;
    }
    const be = isBe(t);
    if (be || endsWithApostropheS(t.low)) {
      const n1 = tokens[k + 1];
      const n2 = tokens[k + 2];
      if (n1 && (DONE_STATE.has(n1.low) || (n1.low === 'now' && n2 && DONE_STATE.has(n2.low)))) positive = true;
      if (n1?.low === 'in' && (n2 === undefined || n2.kind === 'sym')) positive = true; // "the results are in!"
      if (be) verbish = true;
      continue;
    }
    if (isPastWord(t)) {
      // a past verb reports work when it leads its chunk or follows a subject ("I wrote", "just published")
      const p = tokenAt(tokens, k - 1)?.low ?? '';
      if (k === from || PAST_LEADS.has(p) || k - from <= 1) {
        positive = true;
      }
      continue;
    }
    if (isDecisionVerb(t)) decisionVerbOnly = true;
  }
  if (!positive && decisionVerbOnly) positive = true;
  else decisionVerbOnly = false;
  return { positive, decisionVerbOnly, blocked: blocked || hypoBefore, partial, verbish };
}

const NO_REFS: boolean[] = [];
const NO_IDS: string[] = [];
register(['task', 'tasks', 'step', '#', ...Array.from({ length: 99 }, (_, i) => `t${i + 1}`)], F.TASK_REF);

/** Cheap pre-check: a sentence with no done-word, past verb, "is … done" or task reference is skipped. */
function mayReportWork(tokens: Token[]): boolean {
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind === 'sym') {
      if (t.low === '#' || (t.flags & F.DONE) !== 0) return true;
      continue;
    }
    if (t.kind !== 'word') continue;
    const work = (t.flags & F.WORK) !== 0;
    if ((t.flags & F.DONE) !== 0 || isPastWord(t) || (work && DECISION_VERBS.has(t.low))) return true;
    if (((work && BE.has(t.low)) || endsWithApostropheS(t.low)) && tokens[k + 1] !== undefined) {
      const next = tokens[k + 1]!.low;
      if (DONE_STATE.has(next) || next === 'in' || next === 'now') return true;
    }
    if (t.low.charCodeAt(0) === 116 && t.low.length > 1 && t.low.charCodeAt(1) >= 48 && t.low.charCodeAt(1) <= 57) return true; // t7
  }
  return false;
}

function rankOf(c: Confidence): number {
  return c === 'high' ? 2 : c === 'medium' ? 1 : 0;
}

function record(found: Map<string, DetectedCompletion>, taskId: string, c: Confidence, evidence: string): void {
  const prev = found.get(taskId);
  if (!prev || rankOf(c) > rankOf(prev.confidence)) found.set(taskId, { taskId, confidence: c, evidence });
}

/** Completions in the analysed sentences of one message. */
export function detectCompletions(analysed: Analysed[], plan: Pick<DetectorPlan, 'tasks'>): DetectedCompletion[] {
  const index = indexPlan(plan);
  let found: Map<string, DetectedCompletion> | null = null;
  for (const a of analysed) {
    if (a.question || a.sarcasm || a.junk || a.tokens.length === 0) continue;
    const { tokens } = a;
    if (!mayReportWork(tokens)) continue;
    const cues = matchCues(tokens, LEX);
    // chunks: clauses, further split at "and", "plus", "+" … (chunk i is [bounds[i], bounds[i + 1]))
    const bounds: number[] = [];
    let start = 0;
    for (let k = 0; k <= tokens.length; k++) {
      const boundary = k === tokens.length || (k > start && (a.clauseStart[k] !== a.clauseStart[k - 1] || isChunkWord(tokens[k]!.low)));
      if (boundary) {
        if (k > start) {
          if (bounds.length === 0) bounds.push(start);
          bounds.push(k);
        }
        start = k;
      }
    }
    const chunkCount = bounds.length === 0 ? 0 : bounds.length - 1;
    const signals: ChunkSignal[] = new Array(chunkCount);
    let sentencePositive = false;
    let sentenceBlocked = false;
    for (let i = 0; i < chunkCount; i++) {
      const sig = signalOf(a, cues, bounds[i]!, bounds[i + 1]!);
      signals[i] = sig;
      if (sig.positive && !sig.blocked && !sig.partial && !sig.decisionVerbOnly) sentencePositive = true;
      if (sig.blocked) sentenceBlocked = true;
    }
    // numbers in a task list ("tasks 9 and 10") are marked left to right across chunks
    const hasRefs = (a.anyFlags & F.TASK_REF) !== 0;
    const listed: boolean[] = hasRefs ? new Array(tokens.length).fill(false) : NO_REFS;
    if (hasRefs) taskRefs(tokens, 0, tokens.length, index.ids, listed);
    let evidence: string | null = null;
    for (let i = 0; i < chunkCount; i++) {
      const f = bounds[i]!;
      const t = bounds[i + 1]!;
      if (inRationale(a, f)) continue;
      const sig = signals[i]!;
      if (sig.blocked) continue;
      let confidence: Confidence | null = null;
      if (sig.positive) confidence = sig.partial ? 'low' : 'high';
      else if (sentencePositive && !sentenceBlocked && !sig.verbish && !sig.partial && joined(tokens, bounds, i, chunkCount)) confidence = 'high';
      else if (sig.partial && sentencePositive) confidence = 'low';
      if (!confidence) continue;
      const refs = hasRefs ? taskRefs(tokens, f, t, index.ids, listed) : NO_IDS;
      evidence ??= a.sentence.text.length > 300 ? a.sentence.text.slice(0, 300) + '…' : a.sentence.text;
      found ??= new Map<string, DetectedCompletion>();
      if (refs.length > 0) {
        for (const id of refs) record(found, id, confidence, evidence);
        continue;
      }
      const m = bestTask(index, chunkStems(index, tokens, f, t), sig.decisionVerbOnly);
      if (!m) continue;
      record(found, m.taskId, m.strength === 'weak' && confidence === 'high' ? 'medium' : confidence, evidence);
    }
  }
  return found === null ? [] : [...found.values()];
}

/** A verbless chunk borrows the verb only across "and", "plus", "+": "wrote the rules and the refund policy". */
function joined(tokens: Token[], bounds: number[], i: number, chunkCount: number): boolean {
  const here = isChunkWord(tokens[bounds[i]!]!.low);
  const label = tokens[bounds[i + 1]! - 1]?.low === ':';
  return here || label || (i + 1 < chunkCount && isChunkWord(tokens[bounds[i + 1]!]!.low));
}
