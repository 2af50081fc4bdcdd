// The action detector: pure functions from a creator's message (and the plan) to decisions,
// task completions and next steps. No I/O. Sentences are capped in length and each is read by a
// fixed set of regular expressions without nesting, so the work is linear in the message.
import { completionsIn, taskIndexOf, type TaskIndex } from './completions.js';
import { cuesOf } from './cues.js';
import { judge, rationaleOf, type Scene } from './judge.js';
import { pricesOf } from './money.js';
import { suggestNextSteps } from './nextSteps.js';
import { statedNumbers } from './numbers.js';
import { REGISTRY } from './registry.js';
import { splitSentences } from './sentences.js';
import { viewOf } from './text.js';
import type { DetectedNumber } from './numbers.js';
import type { Confidence, DetectedCompletion, DetectedDecision, Detection, DetectorPlan, SentenceView } from './types.js';

export type { Confidence, DetectedCompletion, DetectedDecision, Detection, DetectorPlan, NextStep } from './types.js';
export type { DetectedNumber, NumberMetric } from './numbers.js';
export { DECISION_CATEGORIES, PRICING_TIERS, type DecisionCategory, type PricingTier } from './categories.js';
export { splitSentences, MAX_SENTENCE_CHARS, type Sentence } from './sentences.js';
export { findPrices, formatPrice, type PriceMention, type Period } from './money.js';
export { PLATFORMS, namesOnlyTools, normalisePlatform, type PlatformInfo } from './platforms.js';
export { suggestNextSteps } from './nextSteps.js';
export { REGISTRY } from './registry.js';

const RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };
/** Task titles that a decision settles ("Choose your community platform"). */
const CHOOSING = /^(?:choose|pick|select|decide)\b/i;

/** The message's sentences, each lower-cased and segmented once for every reader. */
const viewsOf = (text: string): SentenceView[] => splitSentences(text).map(viewOf);

/** Decisions only (e.g. to preview a draft). */
export function detectDecisionsIn(text: string, plan: Pick<DetectorPlan, 'decisionPoints'>): DetectedDecision[] {
  return decisionsIn(viewsOf(text), plan);
}

/** The currencies the whole message names (so "29 dollars a month, 290 a year" is all USD). */
function currenciesOf(views: SentenceView[]): Set<string> {
  const currencies = new Set<string>();
  for (const v of views) for (const p of pricesOf(v)) if (p.currency) currencies.add(p.currency);
  return currencies;
}

/** The business numbers a message states, each with its sentence (suggestions to confirm). */
export function detectNumbersIn(text: string): DetectedNumber[] {
  const views = viewsOf(text);
  return statedNumbers(views, currenciesOf(views));
}

function decisionsIn(views: SentenceView[], plan: Pick<DetectorPlan, 'decisionPoints'>): DetectedDecision[] {
  const scenes: Scene[] = views.map((view) => ({ view, cues: cuesOf(view), confirmed: false }));
  const confirmed = scenes.some((s) => s.cues.some((c) => c.type === 'confirm'));
  const context = { currencies: currenciesOf(views) };
  const out: DetectedDecision[] = [];
  // the same value found again only raises its confidence (a Map: the list may be long)
  const byValue = new Map<string, DetectedDecision>();
  // a sentence repeated in one message (with the same next sentence) reads the same: read it once
  const seen = new Map<string, Set<string>>();
  scenes.forEach((scene, i) => {
    scene.confirmed = confirmed;
    const next = views[i + 1]?.text ?? '';
    const followers = seen.get(scene.view.text) ?? new Set<string>();
    if (followers.has(next)) return;
    seen.set(scene.view.text, followers.add(next));
    for (const module of REGISTRY) {
      for (const c of module.find(scene.view, context)) {
        const confidence = judge(scene, c);
        if (confidence === null) continue;
        const tier = module.category === 'pricing' ? (c.tier ?? 'regular') : null;
        const id = `${module.category}\u0000${tier}\u0000${c.value}`;
        const same = byValue.get(id);
        if (same) {
          if (RANK[confidence] > RANK[same.confidence]) same.confidence = confidence;
          continue;
        }
        const decision: DetectedDecision = {
          category: module.category,
          decision: scene.view.text,
          value: c.value,
          tier,
          confidence,
          rationale: rationaleOf(scene, views[i + 1]),
          relatedTaskId: plan.decisionPoints.find((p) => p.category === module.category)?.taskIds[0] ?? null,
        };
        out.push(decision);
        byValue.set(id, decision);
      }
    }
  });
  return out;
}

/** Completions only. */
export function detectCompletionsIn(text: string, plan: Pick<DetectorPlan, 'tasks'>): DetectedCompletion[] {
  return completionsOf(viewsOf(text), plan);
}

function completionsOf(views: SentenceView[], plan: Pick<DetectorPlan, 'tasks'>): DetectedCompletion[] {
  const out: DetectedCompletion[] = [];
  const seen = new Set<string>();
  // the plan's task phrases, indexed once for the whole message
  const index: TaskIndex = taskIndexOf(plan.tasks);
  for (const v of views) {
    if (seen.has(v.text)) continue;
    seen.add(v.text);
    for (const c of completionsIn(v, plan.tasks, index)) {
      const same = out.find((o) => o.taskId === c.taskId);
      if (!same) out.push(c);
      else if (RANK[c.confidence] > RANK[same.confidence]) Object.assign(same, c);
    }
  }
  return out;
}

/** Everything the detector finds in one message from the creator. */
export function detect(text: string, plan: DetectorPlan): Detection {
  const views = viewsOf(text);
  const decisions = decisionsIn(views, plan);
  const taskCompletions = completionsOf(views, plan);
  // a decision also settles the plan's "choose …" task of its decision point (the first sure
  // decision of a category does; later ones would change nothing)
  const settled = new Set<string>();
  for (const d of decisions) {
    if (d.confidence !== 'high' || settled.has(d.category)) continue;
    settled.add(d.category);
    for (const point of plan.decisionPoints.filter((p) => p.category === d.category)) {
      const task = plan.tasks.find((t) => point.taskIds.includes(t.id) && CHOOSING.test(t.title));
      if (!task || plan.doneTaskIds?.has(task.id)) continue;
      const same = taskCompletions.find((c) => c.taskId === task.id);
      if (same) same.confidence = 'high';
      else taskCompletions.push({ taskId: task.id, confidence: 'high', evidence: d.decision });
    }
  }
  const nextSteps = suggestNextSteps(plan, decisions, taskCompletions);
  return { decisions, taskCompletions, nextSteps, numbers: statedNumbers(views, currenciesOf(views)) };
}
