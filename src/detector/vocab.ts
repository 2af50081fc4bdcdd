// One shared vocabulary: every lexicon registers its words with a bit, and the tokenizer looks
// each token up once. Later passes test a bit instead of hashing the word again, so a word that
// no lexicon knows costs a single lookup however many detectors run.

export const F = {
  /** First word of a decision cue phrase (cues.ts). */
  DECISION_CUE: 1 << 0,
  /** First word of a completion cue phrase (completions.ts). */
  COMPLETION_CUE: 1 << 1,
  /** First word of a platform alias (platforms.ts). */
  PLATFORM: 1 << 2,
  /** A currency word or code (pricing.ts). */
  CURRENCY: 1 << 3,
  /** A structure trigger: tiers, cohort, evergreen … (commitments.ts). */
  STRUCTURE: 1 << 4,
  /** A launch anchor: launch, live, doors … (commitments.ts). */
  TIMELINE: 1 << 5,
  /** First word of a content item (commitments.ts). */
  CONTENT: 1 << 6,
  /** May open a date expression (dates.ts). */
  DATE: 1 << 7,
  /** Set on a sentence (not a word) that contains a number. */
  NUMBER: 1 << 8,
  /** A completion signal that needs no neighbour (done, finished, ✅ …; completions.ts). */
  DONE: 1 << 9,
  /** A number written as a word: twenty, nine, twenty-nine, hundred (pricing.ts). */
  NUMBER_WORD: 1 << 10,
  /** A task reference: task, tasks, step, #, t1 … t99 (completions.ts). */
  TASK_REF: 1 << 11,
  /** A progressive commitment verb: using, charging, launching … (decisions.ts). */
  COMMIT_ING: 1 << 12,
  /** A word the platform frame looks for before a name: a choice or set-up verb, a
   * preposition, a list joiner, a word that rules the frame out (platforms.ts). */
  PLATFORM_FRAME: 1 << 13,
  /** Set by the tokenizer (not a lexicon) on a word glued with a hyphen: ko-fi, 3-tier, one-time. */
  HYPHEN: 1 << 14,
  /** May open a "because …" clause, or start a new clause or contrast (analyse.ts). */
  CLAUSE: 1 << 15,
  /** An irregular past, a decision verb or a form of "be" (completions.ts). */
  WORK: 1 << 16,
} as const;

const VOCAB = new Map<string, number>();

export function register(words: Iterable<string>, flag: number): void {
  for (const w of words) VOCAB.set(w, (VOCAB.get(w) ?? 0) | flag);
}

export function flagsOf(low: string): number {
  return VOCAB.get(low) ?? 0;
}
