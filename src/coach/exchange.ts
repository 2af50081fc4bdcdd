// One exchange with the coach, UI-free: validate → (reserve) → store the user message → detect and
// apply → stream the reply (or answer offline) → persist reply and usage. Emits events for the
// caller (the `ask` command prints them, the terminal UI renders them). Nothing is lost: the user
// message is stored before the request, the partial reply is written while it streams, and every
// API request ends with exactly one usage row.
import { applyDetection, detectFor, type Applied } from '../app/detection.js';
import type { AppContext, ProjectView } from '../app/context.js';
import { UsageError, type CoachError } from '../errors.js';
import type { Detection } from '../detector/types.js';
import { listDecisions } from '../store/decisions.js';
import { countMessages, insertMessage, lastMessages, updateMessage } from '../store/messages.js';
import type { MessageRow, ProfileRow } from '../store/schema.js';
import { doneTaskIds } from '../store/tasks.js';
import { finish, linkMessage, progress, requestEstimateMicros, reserve, todayUsage } from '../limits/usage-log.js';
import { capMicrosOf, costWarningReached, costWarningText } from '../usage/budget.js';
import { estimateTokens } from '../util/text.js';
import { localDay, systemTimeZone } from '../util/dates.js';
import { profileForPlan } from '../app/projects.js';
import { latestNumbersLines, promptNumbers } from '../app/metrics.js';
import { weekFor } from '../app/schedule.js';
import { OFFLINE_MODEL, offlineReply, type Surface } from './offline.js';
import { ZERO_USAGE, type TokenUsage } from '../usage/prices.js';
import { buildConversation, buildSystemPrompt, systemPromptText, windowStart, type ApiMessage, type Conversation, type SystemPrompt } from './prompt.js';

export type ExchangeEvent =
  | { type: 'user'; message: MessageRow }
  | { type: 'detected'; detection: Detection; applied: Applied }
  | { type: 'start'; model: string; offline: boolean; used: number | null; limit: number | null }
  | { type: 'text'; delta: string }
  | { type: 'warning'; message: string };

export interface ExchangeResult {
  reply: string;
  model: string;
  offline: boolean;
  status: 'complete' | 'interrupted' | 'error';
  usage: TokenUsage;
  costMicros: number | null;
  detection: Detection;
  applied: Applied;
  limit: { used: number; limit: number };
  userMessageId: number;
  assistantMessageId: number | null;
  /** Set when the reply did not complete (typed: its exit code is the spec's). */
  error: (Error & Partial<CoachError>) | null;
}

export interface ExchangeInput {
  profile: ProfileRow;
  project: ProjectView;
  text: string;
  offline?: boolean;
  /** Where the reply is read: the offline coach names keys in the TUI, commands on the CLI. */
  surface?: Surface;
  signal?: AbortSignal;
  onEvent?: (e: ExchangeEvent) => void;
}

/** NUL bytes are dropped and line endings normalised; empty or oversized messages are refused. */
export function cleanInput(text: string, maxInputTokens: number): string {
  const cleaned = text.replace(/\u0000/g, '').replace(/\r\n?/g, '\n').trim();
  if (!cleaned) throw new UsageError('the message is empty');
  const tokens = estimateTokens(cleaned);
  if (tokens > maxInputTokens) {
    throw new UsageError(`the message is too long (~${tokens.toLocaleString('en-US')} tokens; the limit is ${maxInputTokens.toLocaleString('en-US')})`, {
      hint: 'shorten it, or raise it with `coach config set maxInputTokens …`',
    });
  }
  return cleaned;
}

/** The system prompt; with `conversation`, it also carries the opening message and what was left out. */
export function systemPromptFor(ctx: AppContext, profile: ProfileRow, project: ProjectView, conversation?: Conversation): SystemPrompt {
  const db = ctx.store().db;
  const p = profileForPlan(profile);
  return buildSystemPrompt({
    profile: { ...p, goals: profile.goals, platforms: profile.platforms },
    plan: project.plan,
    projectTitle: project.row.title,
    targetLaunchDate: project.row.targetLaunchDate,
    done: doneTaskIds(db, project.row.id),
    decisions: listDecisions(db, project.row.id),
    today: new Date(ctx.now()).toISOString().slice(0, 10),
    numbers: promptNumbers(project.row, project.plan, profile, weekFor(db, project.row, profile, ctx.now())),
    opening: conversation?.opening ?? null,
    omitted: conversation?.omitted ?? 0,
  });
}

/** What a chat request sends: the recent conversation (see windowStart) and the system prompt. */
export function chatRequestFor(ctx: AppContext, profile: ProfileRow, project: ProjectView): { system: SystemPrompt; messages: ApiMessage[] } {
  const db = ctx.store().db;
  const total = countMessages(db, project.row.id);
  const start = windowStart(total, ctx.settings.get('contextMessages'));
  const conversation = buildConversation(lastMessages(db, project.row.id, total - start), start);
  return { system: systemPromptFor(ctx, profile, project, conversation), messages: conversation.messages };
}

/** The last reply before this message, when the offline coach wrote it. */
function previousOfflineReply(history: MessageRow[]): string | null {
  const last = [...history].reverse().find((m) => m.role === 'assistant');
  return last && last.model === OFFLINE_MODEL ? last.content : null;
}

export function resolveMode(ctx: AppContext, offline?: boolean): { offline: true } | { offline: false; apiKey: string; baseURL?: string } {
  const key = offline ? null : ctx.settings.apiKey();
  if (!key) return { offline: true };
  return { offline: false, apiKey: key.key, baseURL: ctx.env.ANTHROPIC_BASE_URL?.trim() || undefined };
}

export async function runExchange(ctx: AppContext, input: ExchangeInput): Promise<ExchangeResult> {
  const settings = ctx.settings.all();
  const text = cleanInput(input.text, settings.maxInputTokens);
  const { db, sqlite } = ctx.store();
  const emit = input.onEvent ?? (() => {});
  const projectId = input.project.row.id;
  const plan = input.project.plan;
  const mode = resolveMode(ctx, input.offline);

  // Reserve first: a refused request stores nothing and throws LimitError (exit 3).
  const reservation = mode.offline
    ? null
    : reserve(sqlite, {
        profileId: input.profile.id, projectId, kind: 'chat', model: settings.model, limit: settings.dailyMessageLimit,
        capMicros: capMicrosOf(settings.dailyCostCapUSD), estimateMicros: estimateExchangeMicros(ctx, input, text), now: ctx.now(),
      });

  const userMessage = insertMessage(db, { projectId, role: 'user', content: text }, ctx.now());
  emit({ type: 'user', message: userMessage });
  emit(mode.offline
    ? { type: 'start', model: OFFLINE_MODEL, offline: true, used: null, limit: null }
    : { type: 'start', model: settings.model, offline: false, used: reservation!.used, limit: reservation!.limit });
  const detection = detectFor(text, plan, doneTaskIds(db, projectId));
  const applied = applyDetection(db, projectId, plan, detection, userMessage.id, ctx.now());
  emit({ type: 'detected', detection, applied });

  const base = { detection, applied, userMessageId: userMessage.id };
  const todayLimit = () => ({ used: todayUsage(sqlite, input.profile.id, ctx.now()).messagesUsed, limit: settings.dailyMessageLimit });

  if (mode.offline) {
    const history = lastMessages(db, projectId, 200);
    const reply = offlineReply({
      plan, done: doneTaskIds(db, projectId), profile: { ...profileForPlan(input.profile), platforms: input.profile.platforms }, message: text, detection,
      applied: { decisions: applied.decisions, tasksCompleted: applied.tasksCompleted },
      decisions: listDecisions(db, projectId), turn: history.filter((m) => m.role === 'user').length,
      today: localDay(ctx.now(), systemTimeZone()), targetLaunchDate: input.project.row.targetLaunchDate, surface: input.surface ?? 'cli',
      previousReply: previousOfflineReply(history),
      recordedNumbers: latestNumbersLines(input.project.row, plan, input.profile),
    });
    emit({ type: 'text', delta: reply });
    const msg = insertMessage(db, { projectId, role: 'assistant', content: reply, model: OFFLINE_MODEL }, ctx.now());
    return { ...base, reply, model: OFFLINE_MODEL, offline: true, status: 'complete', usage: { ...ZERO_USAGE }, costMicros: 0, limit: todayLimit(), assistantMessageId: msg.id, error: null };
  }

  const { system, messages } = chatRequestFor(ctx, input.profile, input.project);
  const outcome = await streamToMessage(ctx, {
    usageId: reservation!.usageId, projectId, model: settings.model, system, messages, apiKey: mode.apiKey, baseURL: mode.baseURL,
    signal: input.signal, onText: (d) => emit({ type: 'text', delta: d }),
  });
  warnOnCost(ctx, input.profile.id, emit);
  return { ...base, ...outcome, offline: false, limit: todayLimit() };
}

/** The most this exchange can cost (held against the cost cap while it runs): prompt, context, message, a full reply. */
function estimateExchangeMicros(ctx: AppContext, input: ExchangeInput, text: string): number | null {
  const settings = ctx.settings.all();
  if (capMicrosOf(settings.dailyCostCapUSD) === null) return null;
  // Without cache reads: an upper bound.
  const { system, messages } = chatRequestFor(ctx, input.profile, input.project);
  const inputTokens = estimateTokens(systemPromptText(system)) + estimateTokens(messages.map((m) => m.content).join('\n')) + estimateTokens(text);
  return requestEstimateMicros(settings.model, inputTokens, settings.maxOutputTokens);
}

export interface StreamToMessageInput {
  usageId: number;
  projectId: number;
  model: string;
  system: SystemPrompt;
  messages: ApiMessage[];
  apiKey: string;
  baseURL?: string;
  signal?: AbortSignal;
  onText?: (delta: string) => void;
}

/** Streams a reply into an assistant message (written as it arrives) and finishes its usage row. */
export async function streamToMessage(ctx: AppContext, i: StreamToMessageInput) {
  const { db, sqlite } = ctx.store();
  const settings = ctx.settings.all();
  // The SDK loads only when a request is made: the offline coach never pays for it.
  const { StreamFailure, streamReply } = await import('./claude.js');
  const started = Date.now();
  // One transaction: another process's recovery must never see a `streaming` message that is not
  // yet linked to its (live) pending usage row, or it would mark a live reply interrupted.
  const assistant = sqlite.transaction(() => {
    const m = insertMessage(db, { projectId: i.projectId, role: 'assistant', content: '', status: 'streaming', model: i.model }, ctx.now());
    linkMessage(sqlite, i.usageId, m.id);
    return m;
  }).immediate();
  // Write the partial reply and the usage so far at most twice a second (and at once when the
  // API reports its input tokens), so a killed process loses at most that much and is priced.
  let partial = '';
  let reported: TokenUsage | null = null;
  let lastFlush = 0;
  const flush = (force = false) => {
    if (!force && Date.now() - lastFlush < 500) return;
    lastFlush = Date.now();
    sqlite.transaction(() => {
      updateMessage(db, assistant.id, { content: partial }, ctx.now());
      if (reported) progress(sqlite, i.usageId, i.model, { ...reported, outputTokens: Math.max(reported.outputTokens, estimateTokens(partial)) });
    }).immediate();
  };
  try {
    const result = await streamReply({
      apiKey: i.apiKey, baseURL: i.baseURL, model: i.model, system: i.system, messages: i.messages,
      maxTokens: settings.maxOutputTokens, stallMs: settings.stallTimeoutSeconds * 1000, signal: i.signal,
      onText: (d) => {
        partial += d;
        i.onText?.(d);
        flush();
      },
      onUsage: (u) => {
        const first = reported === null;
        reported = u;
        flush(first);
      },
    });
    const cost = sqlite.transaction(() => {
      updateMessage(db, assistant.id, { content: result.text, status: 'complete', model: result.model, inputTokens: result.usage.inputTokens, outputTokens: result.usage.outputTokens }, ctx.now());
      return finish(sqlite, i.usageId, { status: 'ok', model: result.model, usage: result.usage, latencyMs: Date.now() - started });
    }).immediate();
    return { reply: result.text, model: result.model, status: 'complete' as const, usage: result.usage, costMicros: cost, assistantMessageId: assistant.id, error: null };
  } catch (err) {
    const f = err instanceof StreamFailure ? err : null;
    const status = f?.status ?? 'error';
    const usage = f?.usage ?? { ...ZERO_USAGE };
    const error = f?.error ?? (err as Error);
    const text = f?.partialText ?? partial;
    const cost = sqlite.transaction(() => {
      updateMessage(db, assistant.id, { content: text, status, inputTokens: usage.inputTokens, outputTokens: usage.outputTokens }, ctx.now());
      return finish(sqlite, i.usageId, {
        status, model: i.model, usage, latencyMs: Date.now() - started,
        error: `${error.message}${f?.estimatedOutput ? ' (output tokens estimated from the partial reply)' : ''}`,
        counted: f ? f.reachedApi : true,
      });
    }).immediate();
    return { reply: text, model: i.model, status, usage, costMicros: cost, assistantMessageId: assistant.id, error };
  }
}

function warnOnCost(ctx: AppContext, profileId: number, emit: (e: ExchangeEvent) => void): void {
  const threshold = ctx.settings.get('costWarningUSD');
  const today = todayUsage(ctx.store().sqlite, profileId, ctx.now());
  if (costWarningReached(today.costMicros, threshold)) {
    emit({ type: 'warning', message: costWarningText(today.costMicros, threshold) });
  }
}
