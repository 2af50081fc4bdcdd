// Task completions: "I've set up the Skool group" ticks the plan's task whose keywords or title
// it names, when a done-word sits next to the match ("set up", "finished", "… is live", "✅")
// and nothing around it says not yet, soon or maybe. Explicit ids ("t7 is done", "task 12 ✅")
// count too. A task whose title joins two jobs ("Survey your audience and run discovery calls")
// is only a suggestion when the message names one of them.
import { segmentEnd, segmentStart, stem, wordsOf, type Word } from './text.js';
import type { DetectedCompletion, DetectorPlan, SentenceView } from './types.js';

const STOP = new Set(['the', 'a', 'an', 'my', 'your', 'our']);
/** Words a job of a title shares with others: no evidence of which job was done. */
const GENERIC = new Set(['to', 'of', 'and', 'for', 'in', 'on', 'with', 'all', 'it', 'its', 'is', 'are', 'i', 'we', 'this', 'that', 'up', 'out', 'first', 'next', 'new', 'at', 'whole', 'space']);
/** Verbs that open a job in a task title; they are not evidence of which job was done. */
const TITLE_VERBS = new Set(['run', 'write', 'collect', 'test', 'plan', 'set', 'build', 'create', 'open', 'invite', 'host', 'track', 'follow', 'start', 'record', 'choose', 'pick', 'define', 'study', 'connect', 'design', 'launch', 'send', 'publish', 'review', 'draft', 'post', 'add', 'make', 'map', 'join', 'ask', 'grow'].map((w) => stem(w)));
/** A done-word before the match (at most six words back), in it, or a done predicate after it. */
const DONE_WORDS = String.raw`set up|finished|finsihed|done|wrote|written|recorded|sent|published|launched|ran|studied|built|made|created|collected|invited|opened|hosted|drafted|reviewed|organi[sz]ed|defined|mapped|planned|scheduled|connected|hooked up|wrapped up|wrapped|knocked out|completed|got|interviewed|did|followed up|posted|compared|picked|chose|hit publish on|checked off|ticked off|added|designed|filmed|received|recieved|went live`;
const DONE_BEFORE = new RegExp(String.raw`\b(?:${DONE_WORDS}|(?!(?:locked|decided|priced|charged|used|supposed|needed|wanted|started|booked|based|interested|excited|scared|stuck|moved|pushed|raised|called|named|limited|capped|billed|built in)\b)\w+ed)\s(?:\S+\s){0,5}$`);
const DONE_IN = new RegExp(String.raw`\b(?:${DONE_WORDS})\b|\bare open\b`);
const DONE_AFTER = /^\s?(?:\S+\s){0,3}?(?:(?:is|are|'s) (?:now )?(?:live|in|up|set|open|connected|hooked up|wrapped(?: up)?|out(?! of))|(?:is|are|'s)?\s?(?:done|set up|ready|written|up and running|finished|complete|sorted|scheduled|recorded|organi[sz]ed|pinned))\b|^[^.!?]{0,30}✅|^\s?:\s?(?:recorded|written|sorted|done)/;
const NOT_YET = /\b(?:not|isn't|aren't|haven't|havent|didn't|still|need to|needs|will|going to|gonna|i'll|tomorrow|tonight|later|almost|halfway|working on|started|about to|supposed to|once|if|should|when|kinda|kind of|want to|plan to|next is|next up|before|yet|stuck|ago|last year)\b/;
/** A sentence without any done-word cannot report a completion (a cheap gate before stemming). */
const MAY_BE_DONE = new RegExp(String.raw`ed\b|✅|\b(?:${DONE_WORDS}|done|live|ready|open|complete|sorted|pinned|(?:is|are|'s) (?:in|up|set|out))\b`);
const IDS = /(?:\b(?:tasks?\s?|t)|#)(\d{1,2})\b(?:\s?(?:,|and|&)\s?(?:#|t)?(\d{1,2})\b)?/g;
const ID_DONE = /\b(?:done|finished|complete|completed|checked off|ticked off)\b|✅/;

interface Matcher {
  id: string;
  title: string;
  phrases: string[][];
  /** Stems of each job of the title, when it joins more than one. */
  parts: Set<string>[];
  /** Per job, the words that name it alone: its first word, and words no other task uses ("beta"; not "call"). */
  namers: Set<string>[];
}

/** A job's first word on its own ("the survey is done" for "Survey your audience and run discovery
 * calls"): evidence of that job only, so at most a suggestion. */
interface Single {
  m: Matcher;
  part: number;
}

const content = (text: string): string[] => wordsOf(text.toLowerCase().replace(/-/g, ' ')).map((w) => stem(w.w)).filter((s) => !STOP.has(s));

function matcherOf(t: DetectorPlan['tasks'][number]): Matcher {
  // "Promote and host the launch workshop": a bare verb shares the next job's object, it is not a job
  const jobs = t.title.split(/,? and (?=\S+)/i).filter((part, i) => i === 0 || TITLE_VERBS.has(stem(part.split(' ')[0]!.toLowerCase())))
    .filter((part, i, all) => i === all.length - 1 || part.trim().includes(' '));
  const parts = jobs.length > 1 ? jobs.map((p) => new Set(content(p).filter((s) => !TITLE_VERBS.has(s) && !GENERIC.has(s)))) : [];
  const titled = t.title.split(/,? and /i).map(content).filter((p) => p.length >= 2);
  const phrases = [...t.keywords.map(content).filter((p) => p.length > 0), ...titled];
  return { id: t.id, title: t.title, phrases, parts: parts.length > 1 ? parts : [], namers: [] };
}

export interface TaskIndex {
  matchers: Matcher[];
  /** Every phrase by its first stem, with its task. */
  byFirst: Map<string, { m: Matcher; phrase: string[] }[]>;
  /** The first word of each job of a two-job title, by stem. */
  singles: Map<string, Single[]>;
}
/** Indexes by the plan's task text: the app builds a new plan object for every message, so the
 * key is what the tasks say, not which object holds them. A few plans at most are in use. */
const INDEX = new Map<string, TaskIndex>();
const MAX_PLANS = 8;
/** The plan's matchers and phrase index, built once per distinct task list (look it up once per
 * message: the key is the whole task text). */
export function taskIndexOf(tasks: DetectorPlan['tasks']): TaskIndex {
  const key = tasks.map((t) => `${t.id}\u0001${t.title}\u0001${t.keywords.join('\u0002')}`).join('\u0000');
  let index = INDEX.get(key);
  if (!index) {
    const matchers = tasks.map(matcherOf);
    const byFirst = new Map<string, { m: Matcher; phrase: string[] }[]>();
    const singles = new Map<string, Single[]>();
    const users = new Map<string, Set<Matcher>>();
    for (const m of matchers) for (const phrase of m.phrases) for (const st of phrase) users.set(st, (users.get(st) ?? new Set()).add(m));
    for (const m of matchers) {
      m.namers = m.parts.map((p) => new Set([...p].filter((st, i) => i === 0 || (users.get(st)?.size ?? 0) <= 1)));
      for (const phrase of m.phrases) byFirst.set(phrase[0]!, [...(byFirst.get(phrase[0]!) ?? []), { m, phrase }]);
      m.parts.forEach((p, part) => {
        const first = p.values().next().value;
        if (first !== undefined) singles.set(first, [...(singles.get(first) ?? []), { m, part }]);
      });
    }
    if (INDEX.size >= MAX_PLANS) INDEX.delete(INDEX.keys().next().value!);
    INDEX.set(key, (index = { matchers, byFirst, singles }));
  }
  return index;
}

/** The phrase's stems in order from word `i` (gaps of at most two words), as a text range. */
function matchAt(stems: string[], i: number, phrase: string[], words: Word[]): [number, number] | null {
  let j = i;
  for (let k = 1; k < phrase.length; k++) {
    let hit = -1;
    for (let g = j + 1; g <= Math.min(stems.length - 1, j + 3); g++) if (stems[g] === phrase[k]) { hit = g; break; }
    if (hit < 0) return null;
    j = hit;
  }
  return [words[i]!.start, words[j]!.end];
}

/** Completions in one sentence of the creator's. */
export function completionsIn(v: SentenceView, tasks: DetectorPlan['tasks'], index: TaskIndex): DetectedCompletion[] {
  if (v.terminator === '?' || !MAY_BE_DONE.test(v.low)) return [];
  const out: DetectedCompletion[] = [];
  const add = (taskId: string, confidence: DetectedCompletion['confidence']): void => {
    if (!out.some((c) => c.taskId === taskId)) out.push({ taskId, confidence, evidence: v.text });
  };
  if (ID_DONE.test(v.low) && !NOT_YET.test(v.low)) {
    for (const m of v.low.matchAll(IDS)) {
      for (const n of [m[1], m[2]]) {
        if (n === undefined) continue;
        const task = tasks.find((t) => t.id === `t${n}`) ?? tasks[Number(n) - 1];
        if (task) add(task.id, 'high');
      }
    }
  }
  const words = wordsOf(v.low.replace(/-/g, ' ')).filter((w) => !STOP.has(w.w));
  const stems = words.map((w) => stem(w.w));
  const found = new Map<Matcher, { evidence: Set<number>; unassigned: boolean }>();
  const { byFirst, singles } = index;
  const isDone = (at: [number, number]): boolean => {
    const head = v.low.slice(segmentStart(v, at[0]), at[0]);
    const tail = v.low.slice(at[1], segmentEnd(v, at[0]));
    const done = DONE_BEFORE.test(head) || DONE_IN.test(v.low.slice(at[0], at[1])) || DONE_AFTER.test(v.low.slice(at[1], at[1] + 40));
    return done && !NOT_YET.test(head) && !NOT_YET.test(tail);
  };
  const entry = (m: Matcher) => {
    let best = found.get(m);
    if (!best) found.set(m, (best = { evidence: new Set(), unassigned: false }));
    return best;
  };
  /** Words some phrase matched (a job's first word alone does not count there: "feedback survey"). */
  const covered = new Set<number>();
  stems.forEach((first, i) => {
    for (const { m, phrase } of byFirst.get(first) ?? []) {
      const at = matchAt(stems, i, phrase, words);
      if (!at) continue;
      for (let k = i; k < words.length && words[k]!.start < at[1]; k++) covered.add(k);
      if (!isDone(at)) continue;
      const best = entry(m);
      if (!m.parts.some((p) => phrase.some((s) => p.has(s)))) best.unassigned = true;
      // every job of the title the sentence names counts as done: the phrase's own, a job named by one
      // of its own words or by two of its words ("weekly calls" alone is not "discovery calls")
      m.parts.forEach((p, k) => (phrase.some((s) => p.has(s)) || stems.some((s) => m.namers[k]!.has(s)) || stems.filter((s) => p.has(s)).length >= 2) && best.evidence.add(k));
    }
  });
  // "the survey is done", "Survey's out": a job named by its first word, after the/my/our or first in the sentence
  stems.forEach((s, i) => {
    if (covered.has(i)) return;
    for (const { m, part } of singles.get(s) ?? []) {
      const w = words[i]!;
      if (w.start > 0 && !/\b(?:the|my|our|this|that)\s$/.test(v.low.slice(Math.max(0, w.start - 6), w.start))) continue;
      if (!isDone([w.start, w.w.endsWith("'s") ? w.end - 2 : w.end])) continue;
      entry(m).evidence.add(part);
    }
  });
  // in plan order, whatever order the sentence names them in
  for (const m of index.matchers) {
    const f = found.get(m);
    if (!f) continue;
    const partial = m.parts.length > 1 && !f.unassigned && f.evidence.size < m.parts.length;
    add(m.id, partial ? 'medium' : 'high');
  }
  return out;
}
