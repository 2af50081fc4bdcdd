// The UI's changes to the project, each through the shared services (src/app/tasks.ts and the
// store repositories) — the same code paths as `coach tasks …` and `coach decisions …`.
import type { AppContext } from '../app/context.js';
import { recordConfirmedNumbers } from '../app/metrics.js';
import { addDecision, resolveTask, setTask, toggleTask } from '../app/tasks.js';
import { numbersPhrase } from '../plan/metrics.js';
import { costWarningReached } from '../usage/budget.js';
import { formatUSD, usdToMicros } from '../usage/money.js';
import { priceOf, PRICES } from '../usage/prices.js';
import type { PlanTask } from '../plan/schema.js';
import type { TaskCompletionRow } from '../store/schema.js';
import type { Suggestion } from './hooks/useChat.js';
import type { Snapshot } from './session.js';
import { findTask } from './session.js';
import { parseSettingValue } from '../config/settings.js';
import { tierOfFinding } from '../coach/reader.js';

export function toggleTaskNow(ctx: AppContext, snap: Snapshot, task: PlanTask): TaskCompletionRow {
  return toggleTask(ctx, snap.project.row.id, task, undefined);
}

export function saveNote(ctx: AppContext, snap: Snapshot, taskId: string, text: string): void {
  const task = resolveTask(snap.project.plan, taskId);
  setTask(ctx, snap.project.row.id, task, { note: text.trim() || null });
}

export function suggestionText(s: Suggestion, snap: Snapshot): string {
  const by = s.by === 'reader' ? 'Second reader: ' : '';
  if (s.kind === 'decision') {
    const tier = tierOfFinding(s.decision);
    return `${by}Sounds like a ${s.decision.category}${tier && tier !== 'regular' ? ` (${tier})` : ''} decision: ${s.decision.value}. Record it?`;
  }
  if (s.kind === 'numbers') return `${by}Sounds like ${numbersPhrase(s.numbers)}. Record ${Object.keys(s.numbers).length > 1 ? 'them' : 'it'} in today's numbers?`;
  const t = findTask(snap, s.completion.taskId);
  return `${by}Did you finish ${s.completion.taskId}${t ? ` ${t.title}` : ''}? Mark it done?`;
}

/** Applies a confirmed suggestion; returns the notice to show. */
export function applySuggestion(ctx: AppContext, snap: Snapshot, s: Suggestion): string {
  const projectId = snap.project.row.id;
  if (s.kind === 'decision') {
    const d = s.decision;
    addDecision(ctx, projectId, snap.project.plan, {
      category: d.category, decision: d.decision, value: d.value, rationale: d.rationale, confidence: d.confidence,
      sourceMessageId: s.sourceMessageId || null, relatedTaskId: d.relatedTaskId, tier: tierOfFinding(d),
    });
    return `Recorded ${d.category} decision: ${d.value}`;
  }
  if (s.kind === 'numbers') {
    const { date } = recordConfirmedNumbers(ctx, projectId, s.numbers);
    return `Recorded ${numbersPhrase(s.numbers)} in your numbers for ${date} (see /progress)`;
  }
  const task = resolveTask(snap.project.plan, s.completion.taskId);
  setTask(ctx, projectId, task, { done: true, source: 'chat', sourceMessageId: s.sourceMessageId || null });
  return `Marked ${task.id} ${task.title} done`;
}

export function usageText(snap: Snapshot): string {
  const t = snap.today;
  const coach = snap.offline ? 'the offline coach answers (free, not counted)' : `model ${snap.model}`;
  const warn = costWarningReached(t.costMicros, snap.costWarningUSD) ? ' — past your warning threshold' : '';
  return [
    `Today: ${t.messagesUsed}/${snap.limit} messages · ${formatUSD(t.costMicros)}${t.unpriced ? ' + unpriced usage' : ''} (warning at ${formatUSD(usdToMicros(snap.costWarningUSD))})${warn}.`,
    `Now: ${coach}. Reports by day, month and model: \`coach usage\`.`,
  ].join('\n');
}

/** `/model NAME`: validated like the setting; an unknown model is allowed but flagged unpriced. */
export function checkModel(name: string): { model: string; warning: string | null } {
  const model = parseSettingValue('model', name);
  return { model, warning: priceOf(model) ? null : `"${model}" has no price in the table: its cost will show as unpriced` };
}

export function knownModels(): string[] {
  return Object.keys(PRICES);
}
