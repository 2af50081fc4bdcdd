// The second reader, wired in: after a completed exchange with a key, a cheap model re-reads the
// creator's message and proposes decisions/completions the rules missed or got wrong. Proposals
// are NEVER recorded here: they come back as suggestions for the creator to confirm. The request
// has its own usage row (kind `detect`): its cost counts toward the daily cost cap, never toward
// the message limit. It never throws: a failure is a status and one line, the exchange stands.
import type { AppContext, ProjectView } from './context.js';
import type { Applied } from './detection.js';
import { allTasks } from './views.js';
import type { DetectedCompletion, DetectedDecision, Detection } from '../detector/types.js';
import { finish, requestEstimateMicros, reserve, todayUsage } from '../limits/usage-log.js';
import { estimateTokens } from '../util/text.js';
import { localDay, systemTimeZone } from '../util/dates.js';
import { capMicrosOf, costCapReached } from '../usage/budget.js';
import { ZERO_USAGE, type TokenUsage } from '../usage/prices.js';
import { READER_MAX_TOKENS, READER_SYSTEM, parseReaderAnswer, readerPrompt, tierOfFinding, type KnownDecision, type ReaderContext } from '../coach/reader.js';
import { resolveMode } from './context.js';
import { listDecisions } from '../store/decisions.js';
import { doneTaskIds } from '../store/tasks.js';
import type { ProfileRow } from '../store/schema.js';

/** The whole request (one retry included) gives up after this long, or the stall timeout if shorter. */
export const READER_TIMEOUT_MS = 15_000;

export interface SecondReadInput {
  profile: ProfileRow;
  project: ProjectView;
  /** The creator's message as stored. */
  message: string;
  /** The exchange's outcome: the reader runs only after a complete, online reply. */
  exchange: { status: string; offline: boolean; detection: Detection; applied: Applied };
  signal?: AbortSignal;
}

export interface SecondReading {
  status: 'ok' | 'error' | 'skipped';
  model: string;
  decisions: DetectedDecision[];
  completions: DetectedCompletion[];
  /** Proposals the answer held but validation refused. */
  dropped: number;
  usage: TokenUsage;
  /** µ$; null for an unpriced model. 0 when no request was made. */
  costMicros: number | null;
  /** Why it failed or was skipped: one line, no secrets. */
  note: string | null;
}

/** Whether a second reading follows this exchange: setting on, a key, a complete online reply. */
export function wantsSecondReading(ctx: AppContext, exchange: SecondReadInput['exchange']): boolean {
  return ctx.settings.get('secondReader') && !exchange.offline && exchange.status === 'complete' && !resolveMode(ctx).offline;
}

/** A finding of the rules as the reader sees it (its tier, when the detector gives one). */
const known = (d: DetectedDecision): KnownDecision => ({ category: d.category, value: d.value, tier: tierOfFinding(d) });

export function readerContextOf(ctx: AppContext, input: SecondReadInput): ReaderContext {
  const db = ctx.store().db;
  const projectId = input.project.row.id;
  const done = doneTaskIds(db, projectId);
  const a = input.exchange.applied;
  return {
    message: input.message,
    today: localDay(ctx.now(), systemTimeZone()),
    targetLaunchDate: input.project.row.targetLaunchDate,
    tasks: allTasks(input.project.plan).map((t) => ({ id: t.id, title: t.title, done: done.has(t.id) })),
    activeDecisions: listDecisions(db, projectId).map((d) => ({ category: d.category, value: d.value ?? d.decision, tier: d.tier })),
    detected: {
      decisions: [
        ...a.decisions.map((d) => ({ category: d.category, value: d.value ?? d.decision, tier: d.tier, recorded: true })),
        ...a.suggestedDecisions.map((d) => ({ ...known(d), recorded: false })),
      ],
      completions: [
        ...a.tasksCompleted.map((taskId) => ({ taskId, recorded: true })),
        ...a.suggestedCompletions.map((c) => ({ taskId: c.taskId, recorded: false })),
      ],
    },
  };
}

/** Runs the second reader if it should; null when it does not apply (off, offline, no key, failed reply). */
export async function secondRead(ctx: AppContext, input: SecondReadInput): Promise<SecondReading | null> {
  if (!wantsSecondReading(ctx, input.exchange)) return null;
  const mode = resolveMode(ctx);
  if (mode.offline) return null;
  const settings = ctx.settings.all();
  const model = settings.secondReaderModel;
  const nothing = (status: SecondReading['status'], note: string): SecondReading =>
    ({ status, model, decisions: [], completions: [], dropped: 0, usage: { ...ZERO_USAGE }, costMicros: 0, note });
  const { sqlite } = ctx.store();
  const capMicros = capMicrosOf(settings.dailyCostCapUSD);
  // A spent cap skips the reading quietly (no refused row: the creator asked for nothing).
  const today = todayUsage(sqlite, input.profile.id, ctx.now());
  if (costCapReached(today.costMicros + today.reservedMicros, capMicros)) return nothing('skipped', 'the daily cost cap is reached');
  const context = readerContextOf(ctx, input);
  const prompt = readerPrompt(context);
  let usageId: number;
  try {
    usageId = reserve(sqlite, {
      profileId: input.profile.id, projectId: input.project.row.id, kind: 'detect', model, limit: settings.dailyMessageLimit, capMicros, now: ctx.now(),
      // Held against the cap while it runs, like any request: the prompt and a full answer.
      estimateMicros: capMicros === null ? null : requestEstimateMicros(model, estimateTokens(READER_SYSTEM) + estimateTokens(prompt), READER_MAX_TOKENS),
    }).usageId;
  } catch (err) {
    return nothing('skipped', (err as Error).message);
  }

  const started = Date.now();
  const { requestReader, ReaderFailure } = await import('../coach/reader-request.js');
  try {
    const reply = await requestReader({
      apiKey: mode.apiKey, baseURL: mode.baseURL, model, system: READER_SYSTEM, prompt, maxTokens: READER_MAX_TOKENS,
      timeoutMs: Math.min(READER_TIMEOUT_MS, settings.stallTimeoutSeconds * 1000), signal: input.signal,
    });
    const proposals = parseReaderAnswer(reply.text, context);
    const costMicros = finish(sqlite, usageId, { status: 'ok', model: reply.model, usage: reply.usage, latencyMs: Date.now() - started, counted: false });
    return { status: 'ok', model: reply.model, ...proposals, usage: reply.usage, costMicros, note: null };
  } catch (err) {
    const f = err instanceof ReaderFailure ? err : null;
    const usage = f?.usage ?? { ...ZERO_USAGE };
    const error = f?.error ?? (err as Error);
    const costMicros = finish(sqlite, usageId, {
      status: input.signal?.aborted ? 'interrupted' : 'error', model, usage, latencyMs: Date.now() - started,
      error: `${error.message}${f?.estimated ? ' (input tokens estimated: the answer never finished)' : ''}`, counted: false,
    });
    return { ...nothing('error', error.message), usage, costMicros };
  }
}
