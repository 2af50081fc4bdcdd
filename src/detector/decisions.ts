// Turns candidates into decisions: confidence from the cues around each item (commitment,
// hedges, negation, questions, hypotheticals, past tense, someone else's choice), rationale,
// confirmations in neighbouring sentences, merging, and the related plan task.
import { table } from './tokens.js';
import { cueBit, inRationale, leadingBecause, type Analysed } from './analyse.js';
import type { CueType } from './cues.js';
import { maxConfidence, minConfidence, rank, roleIn, roleTable, type Candidate } from './candidate.js';
import { contentCandidates, structureCandidates, timelineCandidates } from './commitments.js';
import { findPlatforms, platformCandidates, type PlatformMention } from './platforms.js';
import { pricingCandidates } from './pricing.js';
import { F, register } from './vocab.js';
import type { Confidence, DetectedDecision, DetectorPlan } from './types.js';

/** Candidates kept per category and sentence. */
export const MAX_PER_SENTENCE = 16;

export interface Judgement {
  confidence: Confidence | null;
  /** Held back by a hedge, question, hypothetical or past tense (not just by a weak frame). */
  hedged: boolean;
  negated: boolean;
}

/** Words that end the short look-ahead for post-item cues ("$29, maybe", "Skool for sure"). */
const FORWARD_STOP = new Set([
  'after',
  'for',
  'with',
  'to',
  'because',
  'depending',
  'if',
  'when',
  'once',
  'since',
  'which',
  'that',
  'who',
  'and',
  'or',
  'but',
  'on',
  'in',
  'at',
  'from',
  'by',
  'then',
  'so',
  'than',
  'as',
  'until',
]);
const POST_NEG = new Set(["isn't", 'isnt', 'is', 'not', 'off', 'never', 'nope', "wasn't", "aren't", 'no']);
const COMMIT_ING = new Set([
  'using',
  'going',
  'launching',
  'charging',
  'building',
  'hosting',
  'moving',
  'switching',
  'migrating',
  'running',
  'doing',
  'offering',
  'opening',
  'starting',
  'setting',
  'pricing',
  'keeping',
  'sticking',
  'staying',
  'creating',
  'adding',
  'limiting',
  'capping',
  'selling',
  'taking',
  'putting',
  'locking',
  'committing',
  'rolling',
  'introducing',
  'including',
]);
register(COMMIT_ING, F.COMMIT_ING);
const PROGRESSIVE_SUBJECT = new Set(["i'm", 'im', "we're", 'am', 'are']);
const ADVERBS = new Set(['also', 'definitely', 'just', 'now', 'still', 'actually', 'officially', 'really', 'totally', 'def', 'honestly']);
const LEAD_FILLERS = new Set(['ok', 'okay', 'so', 'and', 'also', 'oh', 'then', 'right', 'yes', 'yep', 'well', 'now']);

const J_STOP = 1; // FORWARD_STOP
const J_POST_NEG = 2;
const J_SUBJECT = 4; // PROGRESSIVE_SUBJECT
const J_ADVERB = 8;
const J_FILLER = 16; // LEAD_FILLERS
/** The judge's word lists by vocabulary id: one array read per token, no string hashing. */
const JUDGE_ROLE = roleTable([
  [FORWARD_STOP, J_STOP],
  [POST_NEG, J_POST_NEG],
  [PROGRESSIVE_SUBJECT, J_SUBJECT],
  [ADVERBS, J_ADVERB],
  [LEAD_FILLERS, J_FILLER],
]);

/** "I'm charging", "we're adding", or a sentence that opens with "Charging …" / "Launching …". */
function progressiveCommit(a: Analysed, k: number): boolean {
  const t = a.tokens[k]!;
  if ((t.flags & F.COMMIT_ING) === 0) return false; // (exactly the COMMIT_ING words)
  for (let j = k - 1; j >= Math.max(0, k - 3); j--) {
    const role = roleIn(JUDGE_ROLE, a.tokens[j]!);
    if ((role & J_SUBJECT) !== 0) return true;
    if ((role & J_ADVERB) === 0) break;
  }
  if (k - a.clauseStart[k]! > 4) return false;
  for (let j = a.clauseStart[k]!; j < k; j++) {
    const tj = a.tokens[j]!;
    if (tj.kind === 'word' && (roleIn(JUDGE_ROLE, tj) & (J_FILLER | J_ADVERB)) === 0) return false;
  }
  return true;
}

const NONE: Judgement = { confidence: null, hedged: true, negated: false };
const NONE_NEGATED: Judgement = { confidence: null, hedged: true, negated: true };

function none(negated = false): Judgement {
  return negated ? NONE_NEGATED : NONE;
}

/** The judge's verdicts are few: shared objects instead of one per candidate (never mutated). */
const VERDICTS: Record<Confidence, [Judgement, Judgement]> = {
  low: [
    { confidence: 'low', hedged: false, negated: false },
    { confidence: 'low', hedged: true, negated: false },
  ],
  medium: [
    { confidence: 'medium', hedged: false, negated: false },
    { confidence: 'medium', hedged: true, negated: false },
  ],
  high: [
    { confidence: 'high', hedged: false, negated: false },
    { confidence: 'high', hedged: true, negated: false },
  ],
};

function verdict(confidence: Confidence, hedged: boolean): Judgement {
  return VERDICTS[confidence][hedged ? 1 : 0];
}

export function judge(a: Analysed, c: Candidate): Judgement {
  if (a.sarcasm || inRationale(a, c.from)) return none();
  const { tokens, cues } = a;
  const cs = a.clauseStart[c.from]!;
  const ce = a.clauseEnd[c.from]!;
  // `cueTypes` has the cue types outside the rationale: the scans that skip the rationale run
  // only when the sentence has a cue they look for
  if (hasCue(a, NEG)) {
    for (let k = c.from - 1; k >= Math.max(cs, c.from - 6); k--) {
      if (inRationale(a, k)) continue;
      const cue = cues[k];
      if (cue?.type === 'neg' && k + cue.len <= c.from) return none(true);
    }
  }
  if (hasCue(a, NEG) || a.rationale !== null) {
    for (let k = c.to; k < Math.min(ce, c.to + 3); k++) {
      const cue = cues[k];
      if (cue?.type === 'neg' && (roleIn(JUDGE_ROLE, tokens[k]!) & J_POST_NEG) !== 0) return none(true);
      if (cue && cue.type !== 'neg') break;
    }
  }
  // "We decided: Circle, $49 a month, two tiers, …" — a committed label colon covers the list after it
  let commit = c.ownCommit === true || progressiveCommit(a, c.from) || (a.committedColon >= 0 && a.committedColon < c.from);
  let med = false;
  let low = false;
  let hypo = false;
  let past = false;
  const lo = a.cueTypes !== 0 || (a.anyFlags & F.COMMIT_ING) !== 0 ? Math.max(a.segStart[c.from]!, c.from - 14) : c.from;
  for (let k = c.from - 1; k >= lo; k--) {
    if (inRationale(a, k)) continue;
    const cue = cues[k];
    if (!cue) {
      if (progressiveCommit(a, k)) commit = true;
      continue;
    }
    if (k + cue.len > c.from) continue;
    switch (cue.type) {
      case 'commit':
      case 'confirm':
        commit = true;
        break;
      case 'med':
        med = true;
        break;
      case 'low':
        low = true;
        break;
      case 'hypo':
        hypo = true;
        break;
      case 'past':
        past = true;
        break;
      case 'third':
        if (c.from - k <= 10) return none();
        break;
      case 'passing':
        if (c.category === 'platform' && c.from - k <= 3) return none();
        break;
      default:
        break;
    }
  }
  const ahead = a.cueTypes !== 0 ? Math.min(ce, c.to + 4) : c.to;
  for (let k = c.to; k < ahead; k++) {
    if (inRationale(a, k)) break;
    const cue = cues[k];
    if (cue) {
      if (cue.type === 'commit' || cue.type === 'confirm') commit = true;
      else if (cue.type === 'med') med = true;
      else if (cue.type === 'low') low = true;
      k += cue.len - 1;
    } else if (tokens[k]!.kind === 'word' && (roleIn(JUDGE_ROLE, tokens[k]!) & J_STOP) !== 0) break;
  }
  const confirmAfter = a.lastConfirm >= c.to;
  // a declaration with no verb of its own, in a sentence about the past ("Three tiers felt like too much …")
  if (!commit && c.frame === 'strong' && hasCue(a, PAST)) {
    for (let k = c.to; k < a.segEnd[c.from]!; k++) if (cues[k]?.type === 'past' && !inRationale(a, k)) past = true;
  }
  if (a.question || hypo || past || low) return verdict(minConfidence('low', c.cap), true);
  if (confirmAfter) return verdict(minConfidence('high', c.cap), false);
  if (med) return verdict(minConfidence('medium', c.cap), true);
  if (commit) return verdict(minConfidence('high', c.cap), false);
  const base: Confidence = c.frame === 'strong' ? 'high' : c.frame === 'weak' ? 'medium' : 'low';
  return verdict(minConfidence(base, c.cap), c.frame === 'none');
}

/** All candidates of a sentence, in order of appearance. */
export function sentenceCandidates(a: Analysed): Candidate[] {
  return [...candidatesAndMentions(a).candidates];
}

interface SentenceFindings {
  candidates: Candidate[];
  negatedPlatform: boolean;
}

const NO_MENTIONS: PlatformMention[] = [];
const NO_CANDIDATES: Candidate[] = [];

/** Shared result for the many sentences with nothing to find (never mutated). */
const NOTHING: SentenceFindings = { candidates: [], negatedPlatform: false };

/** The lexicon bits some candidate pass needs (pricing, platforms, structure, timeline,
 * content): a sentence with none of them skips every pass. */
const TRIGGERS = F.NUMBER | F.CURRENCY | F.PLATFORM | F.STRUCTURE | F.HYPHEN | F.TIMELINE | F.CONTENT;

function candidatesAndMentions(a: Analysed): SentenceFindings {
  const flags = a.anyFlags;
  if (a.junk || (flags & TRIGGERS) === 0) return NOTHING;
  const mentions = (flags & F.PLATFORM) !== 0 ? findPlatforms(a.tokens, flags) : NO_MENTIONS;
  // "not Discord", "definitely not Skool": a platform named only to be ruled out
  let negatedPlatform = false;
  if (hasCue(a, NEG) || a.rationale !== null) {
    for (const m of mentions) {
      for (let k = Math.max(a.clauseStart[m.from]!, m.from - 2); k < m.from; k++) {
        if (a.cues[k]?.type === 'neg') negatedPlatform = true;
      }
    }
  }
  let all = NO_CANDIDATES;
  let groups = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    const xs = runPass(pass, a, mentions);
    if (xs.length === 0) continue;
    groups++;
    all = take(all, xs);
  }
  if (groups > 1) sortByFrom(all);
  if (all.length === 0 && !negatedPlatform) return NOTHING;
  return { candidates: all, negatedPlatform };
}

const PASSES = 5;

/** The candidate passes in order (pricing, platforms, structure, timeline, content), each run
 * only when the sentence has its trigger bits. */
function runPass(pass: number, a: Analysed, mentions: PlatformMention[]): Candidate[] {
  const flags = a.anyFlags;
  switch (pass) {
    case 0:
      return (flags & (F.NUMBER | F.CURRENCY)) !== 0 ? pricingCandidates(a, mentions) : NO_CANDIDATES;
    case 1:
      if (mentions.length === 0) return NO_CANDIDATES;
      return platformCandidates(a, mentions.length > MAX_PER_SENTENCE * 2 ? mentions.slice(0, MAX_PER_SENTENCE * 2) : mentions);
    case 2:
      return (flags & (F.STRUCTURE | F.HYPHEN)) !== 0 ? structureCandidates(a) : NO_CANDIDATES;
    case 3:
      return (flags & F.TIMELINE) !== 0 ? timelineCandidates(a) : NO_CANDIDATES;
    default:
      return (flags & F.CONTENT) !== 0 ? contentCandidates(a) : NO_CANDIDATES;
  }
}

/** `all` followed by up to MAX_PER_SENTENCE of a pass's `xs` (no human sentence names more than a
 * handful of prices or platforms: this caps the work on junk). Every pass returns a fresh array
 * when it finds something, so the first group is taken over instead of copied. */
function take(all: Candidate[], xs: Candidate[]): Candidate[] {
  if (xs.length === 0) return all;
  if (all.length === 0) {
    if (xs.length > MAX_PER_SENTENCE) xs.length = MAX_PER_SENTENCE;
    return xs;
  }
  for (let i = 0; i < xs.length && i < MAX_PER_SENTENCE; i++) all.push(xs[i]!);
  return all;
}

/** Stable sort by position, like `all.sort((x, y) => x.from - y.from)`; a sentence has at most
 * 5 × MAX_PER_SENTENCE candidates, so an insertion sort is cheaper than the general sort. */
export function sortByFrom(all: Candidate[]): void {
  for (let i = 1; i < all.length; i++) {
    const c = all[i]!;
    let j = i - 1;
    while (j >= 0 && all[j]!.from > c.from) {
      all[j + 1] = all[j]!;
      j--;
    }
    all[j + 1] = c;
  }
}

interface Found {
  c: Candidate;
  j: Judgement;
  confidence: Confidence;
  sentence: number;
}

const CATEGORY_WORDS: Record<string, Candidate['category']> = table({
  price: 'pricing',
  pricing: 'pricing',
  prices: 'pricing',
  platform: 'platform',
  launch: 'timeline',
});

function bitsOf(types: CueType[]): number {
  let bits = 0;
  for (const t of types) bits |= cueBit(t);
  return bits;
}

const COMMIT_OR_CONFIRM = bitsOf(['commit', 'confirm']);
const NEG = bitsOf(['neg']);
const PAST = bitsOf(['past']);
const CONFIRM = bitsOf(['confirm']);
const CONFIRMATION_BLOCKERS = bitsOf(['neg', 'low', 'med', 'hypo', 'past']);
const CARRY_BLOCKERS = bitsOf(['neg', 'low', 'hypo']);

function hasCue(a: Analysed, bits: number): boolean {
  return (a.cueTypes & bits) !== 0;
}

/** A short sentence that only confirms ("That's final.", "Decided.", "Done deciding."). */
function isConfirmation(a: Analysed, candidates: Candidate[]): boolean {
  if (candidates.length > 0 || a.question || a.sarcasm || a.words > 7) return false;
  return hasCue(a, COMMIT_OR_CONFIRM) && !hasCue(a, CONFIRMATION_BLOCKERS);
}

export function detectDecisions(analysed: Analysed[], plan: Pick<DetectorPlan, 'decisionPoints'>): DetectedDecision[] {
  const n = analysed.length;
  const findings: SentenceFindings[] = new Array<SentenceFindings>(n);
  let any = false;
  for (let s = 0; s < n; s++) {
    const f = candidatesAndMentions(analysed[s]!);
    findings[s] = f;
    if (f.candidates.length > 0) any = true;
  }
  if (!any) return [];
  const found: Found[] = [];
  let messageConfirmAt = -1;
  for (let s = 0; s < n; s++) {
    if (hasCue(analysed[s]!, CONFIRM) || isConfirmation(analysed[s]!, findings[s]!.candidates)) messageConfirmAt = s;
  }
  for (let s = 0; s < n; s++) {
    const a = analysed[s]!;
    const cands = findings[s]!.candidates;
    if (cands.length === 0) continue;
    const nextConfirms = s + 1 < n && isConfirmation(analysed[s + 1]!, findings[s + 1]!.candidates);
    // "Price is set. $35/month, $350/year." — a committed sentence that names the category
    const prev = s > 0 ? analysed[s - 1] : undefined;
    let carried: Candidate['category'] | null = null;
    if (prev && findings[s - 1]!.candidates.length === 0 && hasCue(prev, COMMIT_OR_CONFIRM) && !prev.question && !hasCue(prev, CARRY_BLOCKERS)) {
      for (const t of prev.tokens) carried = carried ?? CATEGORY_WORDS[t.low] ?? null;
    }
    let negatedPlatform = findings[s]!.negatedPlatform;
    for (const c of cands) {
      const j = judge(a, c);
      if (j.negated && c.category === 'platform') negatedPlatform = true;
      if (j.confidence === null) continue;
      let confidence = j.confidence;
      if (!j.hedged && confidence === 'medium' && c.cap === undefined) {
        if (nextConfirms || carried === c.category) confidence = 'high';
        else if (c.bare && (messageConfirmAt > s || (c.category === 'platform' && negatedPlatform))) confidence = 'high';
      }
      found.push({ c, j, confidence, sentence: s });
    }
  }
  return assemble(found, analysed, plan);
}

/** `values.join(', ')`: concatenation of the few values is much cheaper than the generic join. */
function joinValues(values: string[]): string {
  let out = values[0]!;
  for (let i = 1; i < values.length; i++) out += ', ' + values[i]!;
  return out;
}

function assemble(found: Found[], analysed: Analysed[], plan: Pick<DetectorPlan, 'decisionPoints'>): DetectedDecision[] {
  if (found.length === 0) return [];
  // merge the same category and confidence within a sentence: "Skool, Stripe", "29 USD/month, 290 USD/year"
  type Group = { category: Candidate['category']; values: string[]; confidence: Confidence; sentence: number };
  const merged: Group[] = [];
  let sentenceFrom = 0; // first group of the current sentence: groups only merge within one
  for (const f of found) {
    if (merged.length > 0 && merged[merged.length - 1]!.sentence !== f.sentence) sentenceFrom = merged.length;
    let last: Group | undefined;
    for (let g = sentenceFrom; g < merged.length; g++) {
      const m = merged[g]!;
      if (m.category === f.c.category && m.confidence === f.confidence) last = m;
    }
    if (last) {
      if (!last.values.includes(f.c.value) && last.values.length < 20) last.values.push(f.c.value);
    } else {
      merged.push({ category: f.c.category, values: [f.c.value], confidence: f.confidence, sentence: f.sentence });
    }
  }
  const out: DetectedDecision[] = [];
  // decisions by category and value: a scan while there are few, a map once there are many
  let byValue: Map<string, DetectedDecision> | null = null;
  for (const m of merged) {
    const value = joinValues(m.values);
    let dup: DetectedDecision | undefined;
    if (byValue === null) {
      for (const d of out) {
        if (d.category === m.category && d.value === value) {
          dup = d;
          break;
        }
      }
    } else dup = byValue.get(`${m.category}|${value}`);
    if (dup) {
      dup.confidence = maxConfidence(dup.confidence, m.confidence);
      continue;
    }
    const a = analysed[m.sentence]!;
    const following = analysed[m.sentence + 1];
    const rationale = a.rationale?.text ?? (following ? leadingBecause(following) : null);
    let point: DetectorPlan['decisionPoints'][number] | undefined;
    for (const p of plan.decisionPoints) {
      if (p.category === m.category) {
        point = p;
        break;
      }
    }
    const decision: DetectedDecision = {
      category: m.category,
      decision: a.sentence.text.length > 500 ? a.sentence.text.slice(0, 500) + '…' : a.sentence.text,
      value,
      confidence: m.confidence,
      rationale: rationale ?? null,
      relatedTaskId: point?.taskIds[0] ?? null,
    };
    out.push(decision);
    if (byValue !== null) byValue.set(`${m.category}|${value}`, decision);
    else if (out.length > 8) {
      byValue = new Map();
      for (const d of out) byValue.set(`${d.category}|${d.value}`, d);
    }
  }
  return out;
}

export { rank };
