// Shapes the action detector returns. Pure data: no database, no I/O.
import type { DecisionCategory, DecisionPoint } from '../plan/schema.js';

export type Confidence = 'high' | 'medium' | 'low';

export interface DetectedDecision {
  category: DecisionCategory;
  /** The creator's sentence that carries the decision, trimmed. */
  decision: string;
  /** Normalised value, e.g. `29 USD/month`, `Skool`, `2 tiers`, `launch in 6 weeks`. */
  value: string;
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
}

/** What the detector needs to know about the plan. */
export interface DetectorPlan {
  tasks: { id: string; title: string; phaseId: string; keywords: string[] }[];
  decisionPoints: DecisionPoint[];
  /** Tasks already done: not offered as next steps. */
  doneTaskIds?: ReadonlySet<string>;
}
