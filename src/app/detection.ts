// Runs the detector on a user message and applies what it is sure of: high-confidence decisions
// are recorded (superseding the category's active one), high-confidence completions tick tasks
// off with source `chat`. Everything else comes back as suggestions to confirm.
import { detect } from '../detector/index.js';
import type { Detection, DetectedCompletion, DetectedDecision } from '../detector/types.js';
import type { DetectedNumber } from '../detector/numbers.js';
import { latestNumbers } from '../plan/metrics.js';
import type { CustomizedPlan } from '../plan/schema.js';
import type { Db } from '../store/db.js';
import { recordDecision } from '../store/decisions.js';
import type { DecisionRow } from '../store/schema.js';
import { getProject } from '../store/projects.js';
import { doneTaskIds, upsertTask } from '../store/tasks.js';
import { checkInsOf } from './metrics.js';
import { detectorPlanOf } from './views.js';
import { applyTimelineDecision, type LaunchMove } from './schedule.js';
import { taskForCategory } from './tasks.js';

export interface Applied {
  decisions: DecisionRow[];
  tasksCompleted: string[];
  /** Medium/low findings: offered to the creator, not recorded. */
  suggestedDecisions: DetectedDecision[];
  suggestedCompletions: DetectedCompletion[];
  /** Business numbers the message states: always a suggestion (a check-in is recorded only when the creator confirms). */
  suggestedNumbers: DetectedNumber[];
  /** A timeline decision named a new launch date: the open tasks were re-planned to it. */
  launchMoved: LaunchMove | null;
}

export function detectFor(text: string, plan: CustomizedPlan, done: ReadonlySet<string>): Detection {
  return detect(text, detectorPlanOf(plan.phases, plan.decisionPoints, done));
}

export function applyDetection(db: Db, projectId: number, plan: CustomizedPlan, detection: Detection, sourceMessageId: number, now: number): Applied {
  const done = doneTaskIds(db, projectId);
  const applied: Applied = { decisions: [], tasksCompleted: [], suggestedDecisions: [], suggestedCompletions: [], suggestedNumbers: newNumbers(db, projectId, detection.numbers), launchMoved: null };
  db.transaction((tx) => {
    for (const d of detection.decisions) {
      if (d.confidence !== 'high') {
        applied.suggestedDecisions.push(d);
        continue;
      }
      const { decision } = recordDecision(tx as unknown as Db, projectId, {
        category: d.category, tier: d.tier, decision: d.decision, value: d.value, rationale: d.rationale, confidence: d.confidence,
        sourceMessageId, relatedTaskId: d.relatedTaskId ?? taskForCategory(plan, d.category),
      }, now);
      applied.decisions.push(decision);
      applied.launchMoved = applyTimelineDecision(tx as unknown as Db, projectId, decision, now) ?? applied.launchMoved;
    }
    for (const c of detection.taskCompletions) {
      if (done.has(c.taskId)) continue;
      if (c.confidence !== 'high') {
        applied.suggestedCompletions.push(c);
        continue;
      }
      upsertTask(tx as unknown as Db, projectId, c.taskId, { done: true, source: 'chat', sourceMessageId }, now);
      done.add(c.taskId);
      applied.tasksCompleted.push(c.taskId);
    }
  }, { behavior: 'immediate' });
  return applied;
}

/** The stated numbers that differ from the latest recorded ones ("still 180 on the waitlist" asks nothing). */
function newNumbers(db: Db, projectId: number, numbers: readonly DetectedNumber[]): DetectedNumber[] {
  if (numbers.length === 0) return [];
  const row = getProject(db, projectId);
  let latest: ReturnType<typeof latestNumbers> | null = null;
  try {
    latest = row ? latestNumbers(checkInsOf(row), null) : null;
  } catch {
    latest = null; // unreadable numbers: `coach metrics` reports them; every stated number is new
  }
  // churn counts a period: the same number again is new members leaving
  return numbers.filter((n) => n.metric === 'churned' || latest?.[n.metric]?.value !== n.value);
}
