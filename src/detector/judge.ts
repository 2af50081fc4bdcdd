// The one confidence judge every category shares: a candidate's frame plus the cues around it
// (scoped to its segment, commitments reaching forward over the sentence) give high, medium,
// low or nothing. Also finds the rationale ("because …", "X is free, so I'll use it").
import type { Cue } from './cues.js';
import { segmentEnd, segmentStart } from './text.js';
import type { Candidate, Confidence, SentenceView } from './types.js';

export interface Scene {
  view: SentenceView;
  cues: Cue[];
  /** The message says "final", "decided", "that's the plan" somewhere. */
  confirmed: boolean;
}

const RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };
export const minConfidence = (a: Confidence, b: Confidence | undefined): Confidence => (b !== undefined && RANK[b] < RANK[a] ? b : a);

/** A turn that stops a commitment reaching further ("I was going to … but I've decided …"). */
const TURN = /\b(?:but|though|although|whereas|while|however)\b/;
/** How far after an item a negation still belongs to it ("Stripe isn't available"). */
const NEG_AFTER = 14;

function has(cues: Cue[], type: Cue['type'], from: number, to: number): Cue | undefined {
  return cues.find((c) => c.type === type && c.start >= from && c.start < to);
}

/** The confidence of a candidate, or null when the words around it void it. */
export function judge(scene: Scene, c: Candidate): Confidence | null {
  const { view, cues } = scene;
  const a = segmentStart(view, c.start);
  const b = segmentEnd(view, c.start);
  if (cues.some((q) => q.type === 'sarcasm')) return null;
  // inside a reason ("… because Discord handles roles") the item is not the choice
  const reason = cues.find((q) => q.type === 'because' && q.start >= a && q.start < c.start && view.low.slice(q.start, q.end) !== 'so');
  if (reason && !TURN.test(view.low.slice(reason.end, c.start))) return null;
  const before = (type: Cue['type']): Cue | undefined => has(cues, type, a, c.start);
  if (before('neg') || before('third') || has(cues, 'neg', c.end, Math.min(b, c.end + NEG_AFTER))) return null;
  const past = before('past');
  const commitBefore = cues.filter((q) => q.type === 'commit' && q.start < c.start && !TURN.test(view.low.slice(q.end, c.start)));
  if (past && !commitBefore.some((q) => q.start > past.start)) return null;
  // a question is not a decision ("Skool or Discord for me?", "should I use Circle?"): not even a suggestion
  if (view.terminator === '?') return null;
  if (before('hypo') || before('low')) return minConfidence('low', c.cap);
  if (commitBefore.length === 0 && has(cues, 'low', c.end, Math.min(b, c.end + 16))) return minConfidence('low', c.cap);
  const committed = commitBefore.length > 0 || has(cues, 'after', c.end, b) !== undefined || soCommit(scene, b) || scene.confirmed;
  const hedged = before('med') !== undefined && !scene.confirmed;
  let level: Confidence;
  if (hedged) level = 'medium';
  else if (committed || c.frame === 'strong') level = 'high';
  else if (c.frame === 'weak') level = 'medium';
  else return null;
  return minConfidence(level, c.cap);
}

/** "Discord is free, so I'll just use that": the next segment commits to "that"/"it". */
function soCommit(scene: Scene, segEnd: number): boolean {
  const rest = scene.view.low.slice(segEnd);
  const m = /^[,;]?\s*(?:and\s+)?so\s+(.{0,60})/.exec(rest);
  if (!m) return false;
  return /\b(?:that|it|this|them|one)\b/.test(m[1]!) && scene.cues.some((q) => (q.type === 'commit' || q.type === 'after') && q.start > segEnd && q.start < segEnd + m[0].length);
}

/** The reason given for a choice in this sentence, or null. */
export function rationaleOf(scene: Scene, next: SentenceView | undefined): string | null {
  const { view, cues } = scene;
  const because = cues.find((q) => q.type === 'because');
  if (because) {
    const word = view.low.slice(because.start, because.end);
    if (word === 'so') {
      const head = view.text.slice(0, because.start).replace(/[\s,;]+$/, '');
      return head.length > 3 && /\b(?:that|it|this)\b/.test(view.low.slice(because.end, because.end + 40)) ? head : null;
    }
    const text = view.text.slice(because.end).trim().replace(/[.!?\s]+$/, '');
    if (text.length > 3) return text;
  }
  if (next && /^(?:because|since|cause)\b/.test(next.low)) return next.text.replace(/^\S+\s*/, '').replace(/[.!?\s]+$/, '') || null;
  return null;
}
