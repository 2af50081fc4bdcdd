// The action detector: pure functions from a creator's message (and the plan) to decisions,
// task completions and next steps. No I/O, no database; linear in the length of the text.
import { analyse } from './analyse.js';
import { detectCompletions } from './completions.js';
import { detectDecisions } from './decisions.js';
import { suggestNextSteps } from './nextSteps.js';
import { splitSentences } from './sentences.js';
import type { Detection, DetectorPlan } from './types.js';

export type { Confidence, DetectedCompletion, DetectedDecision, Detection, DetectorPlan, NextStep } from './types.js';
export { splitSentences, MAX_SENTENCE_CHARS, type Sentence } from './sentences.js';
export { findPrices, formatPrice, type PriceMention, type Period } from './pricing.js';
export { PLATFORMS, findPlatforms, normalisePlatform, type PlatformInfo } from './platforms.js';
export { suggestNextSteps } from './nextSteps.js';
export { tokenize, stem } from './tokens.js';

/** Everything the detector finds in one message from the creator. */
export function detect(text: string, plan: DetectorPlan): Detection {
  const analysed = splitSentences(text).map(analyse);
  const decisions = detectDecisions(analysed, plan);
  const taskCompletions = detectCompletions(analysed, plan);
  const nextSteps = suggestNextSteps(plan, decisions, taskCompletions);
  return { decisions, taskCompletions, nextSteps };
}

/** Decisions only (e.g. to preview a draft). */
export function detectDecisionsIn(text: string, plan: Pick<DetectorPlan, 'decisionPoints'>): Detection['decisions'] {
  return detectDecisions(splitSentences(text).map(analyse), plan);
}

/** Completions only. */
export function detectCompletionsIn(text: string, plan: Pick<DetectorPlan, 'tasks'>): Detection['taskCompletions'] {
  return detectCompletions(splitSentences(text).map(analyse), plan);
}
