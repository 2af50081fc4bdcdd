// Shapes the action detector takes and returns. Pure data: no database, no I/O.
import type { DecisionCategory, PricingTier } from './categories.js';
import type { Cue } from './cues.js';
import type { PriceMention } from './money.js';
import type { DetectedNumber } from './numbers.js';
export type { DetectedNumber };

export type Confidence = 'high' | 'medium' | 'low';

export interface DetectedDecision {
  category: DecisionCategory;
  /** The creator's sentence that carries the decision, trimmed. */
  decision: string;
  /** Normalised value, e.g. `29 USD/month`, `Skool`, `2 tiers`, `launch in 6 weeks`. */
  value: string;
  /** Pricing only: which price this is (a founding price does not replace the regular one). */
  tier: PricingTier | null;
  confidence: Confidence;
  /** The "because …" / "since …" / "so that …" clause, or null. */
  rationale: string | null;
  /** The plan task this decision belongs to (via the template's decision points), or null. */
  relatedTaskId: string | null;
}

export interface DetectedCompletion {
  taskId: string;
  confidence: Confidence;
  /** The sentence that says it was done. */
  evidence: string;
}

export interface NextStep {
  taskId: string;
  title: string;
  reason: string;
}

export interface Detection {
  decisions: DetectedDecision[];
  taskCompletions: DetectedCompletion[];
  nextSteps: NextStep[];
  /** Business numbers the message states ("180 on the waitlist"): suggestions, never recorded by detection. */
  numbers: DetectedNumber[];
}

export interface DecisionPointRef {
  id: string;
  category: DecisionCategory;
  taskIds: string[];
}

/** What the detector needs to know about the plan. */
export interface DetectorPlan {
  tasks: { id: string; title: string; phaseId: string; keywords: string[] }[];
  decisionPoints: DecisionPointRef[];
  /** Tasks already done: not offered as next steps. */
  doneTaskIds?: ReadonlySet<string>;
}

/** How strongly the words around an item say "this is my choice", before any cue is read.
 * strong: a declaration on its own ("Price: $29/mo", "Launch day is …", "Skool it is").
 * weak: a choosing frame that still needs a commitment ("$29/month", "use Skool").
 * none: a mention. */
export type Frame = 'strong' | 'weak' | 'none';

/** One item a category module found in a sentence; the judge turns it into a decision or not. */
export interface Candidate {
  value: string;
  tier?: PricingTier;
  /** Character range of the item in the sentence. */
  start: number;
  end: number;
  frame: Frame;
  /** Highest confidence this item may reach (a price range, a set-up report …). */
  cap?: Confidence;
}

/** A sentence as the category modules see it. */
export interface SentenceView {
  /** The sentence as written. */
  text: string;
  /** Lower case, curly apostrophes made straight (same length as `text`). */
  low: string;
  terminator: '?' | '!' | '.' | '\n' | '';
  /** Start offsets of the sentence's segments (clauses split at , ; : — and "but"), ascending. */
  segments: number[];
  /** Scans several readers need, done on first use and kept with the sentence. */
  prices?: PriceMention[];
  platformNames?: RegExpExecArray[];
  cues?: Cue[];
}

/** One entry of the category registry. */
export interface CategoryModule {
  category: DecisionCategory;
  find(sentence: SentenceView, context: FindContext): Candidate[];
}

export interface FindContext {
  /** The currencies the whole message names (so "29 dollars a month, 290 a year" is all USD). */
  currencies: ReadonlySet<string>;
}
