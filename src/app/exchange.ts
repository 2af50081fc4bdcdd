// One exchange with the coach, UI-free: validate → (reserve) → store the user message → detect and
// apply → stream the reply (or answer offline) → persist reply and usage. Emits events for the
// caller (the `ask` command prints them, the terminal UI renders them). Nothing is lost: the user
// message is stored before the request, the partial reply is written while it streams, and every
// API request ends with exactly one usage row. Everything the turn reads comes from one session
// snapshot (`app/session.ts`), read once at its start.
import { UsageError, type CoachError } from '../errors.js';
import type { Detection } from '../detector/types.js';
import { insertMessage } from '../store/messages.js';
import type { MessageRow, ProfileRow } from '../store/schema.js';
import { requestEstimateMicros, reserve, todayUsage } from '../limits/usage-log.js';
import { capMicrosOf, costWarningReached, costWarningText } from '../usage/budget.js';
import { ZERO_USAGE, type TokenUsage } from '../usage/prices.js';
import { estimateTokens } from '../util/text.js';
import { OFFLINE_MODEL, offlineReply, type Surface } from '../coach/offline.js';
import { buildConversation, buildSystemPrompt, systemPromptText, windowStart, type ApiMessage, type Conversation, type SystemPrompt } from '../coach/prompt.js';
import { streamToMessage } from '../coach/stream.js';
import { resolveMode, type AppContext, type ProjectView } from './context.js';
import { applyDetection, detectFor, type Applied } from './detection.js';
import { latestNumbersLines, promptNumbers } from './metrics.js';
import { profileForPlan } from './projects.js';
import { dayOf, weekOf } from './schedule.js';
import { afterDetection, exchangeSessionOf, type ExchangeSession, type Session } from './session.js';

export type ExchangeEvent =
  /** `retried`: the stored message of a failed or cancelled turn, answered again (not stored twice). */
  | { type: 'user'; message: MessageRow; retried: boolean }
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
  /**
   * `/retry` after a reply that failed or was cancelled: answer this stored user message again
   * instead of storing the text a second time (its detection was applied the first time). Only
   * while it is still the project's last user message; otherwise the text is stored as usual.
   */
  retryOf?: number;
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

/** The system prompt of a session; with `conversation`, it also carries the opening message and what was left out. */
export function systemPromptFor(ctx: AppContext, s: Session, conversation?: Conversation): SystemPrompt {
  const { profile, project } = s;
  return buildSystemPrompt({
    profile: { ...profileForPlan(profile), goals: profile.goals, platforms: profile.platforms },
    plan: project.plan,
    projectTitle: project.row.title,
    targetLaunchDate: project.row.targetLaunchDate,
    done: s.done,
    decisions: s.decisions,
    today: new Date(ctx.now()).toISOString().slice(0, 10),
    numbers: promptNumbers(project.row, project.plan, profile, weekOf(project.plan, s.done, profile, ctx.now())),
    opening: conversation?.opening ?? null,
    omitted: conversation?.omitted ?? 0,
  });
}

/** What a chat request sends: the recent conversation (see windowStart) and the system prompt. */
export function chatRequestFor(ctx: AppContext, s: ExchangeSession): { system: SystemPrompt; messages: ApiMessage[] } {
  const { recent, total } = s.history;
  const start = windowStart(total, ctx.settings.get('contextMessages'));
  const conversation = buildConversation(recent.slice(Math.max(0, recent.length - (total - start))), start);
  return { system: systemPromptFor(ctx, s, conversation), messages: conversation.messages };
}

/**
 * How many stored messages a turn reads: the request window (which starts on a step of 20, so
 * it may reach 19 messages further back) and the offline coach's view of the conversation.
 */
export function historyToRead(contextMessages: number): number {
  return Math.max(contextMessages + 20, OFFLINE_HISTORY);
}
const OFFLINE_HISTORY = 200;

const nothingApplied = (): Applied => ({ decisions: [], tasksCompleted: [], suggestedDecisions: [], suggestedCompletions: [], suggestedNumbers: [], launchMoved: null });

/**
 * The stored message a retry answers again, with the history cut after it: the failed or
 * interrupted replies that followed stay in the store but are not sent (the request ends on it).
 */
function retriedTurn(s: ExchangeSession, id: number): { message: MessageRow; session: ExchangeSession } | null {
  const { recent, total } = s.history;
  const i = recent.findIndex((m) => m.id === id && m.role === 'user');
  if (i < 0 || recent.slice(i + 1).some((m) => m.role === 'user' || m.status === 'complete')) return null;
  return { message: recent[i]!, session: { ...s, history: { recent: recent.slice(0, i + 1), total: total - (recent.length - i - 1) } } };
}

/** The last reply before this message, when the offline coach wrote it. */
function previousOfflineReply(history: MessageRow[]): string | null {
  const last = [...history].reverse().find((m) => m.role === 'assistant');
  return last && last.model === OFFLINE_MODEL ? last.content : null;
}

export async function runExchange(ctx: AppContext, input: ExchangeInput): Promise<ExchangeResult> {
  const settings = ctx.settings.all();
  const text = cleanInput(input.text, settings.maxInputTokens);
  const { db, sqlite } = ctx.store();
  const emit = input.onEvent ?? (() => {});
  const projectId = input.project.row.id;
  const plan = input.project.plan;
  const mode = resolveMode(ctx, input.offline);
  const before = exchangeSessionOf(ctx, input.profile, input.project, historyToRead(settings.contextMessages));

  // Reserve first: a refused request stores nothing and throws LimitError (exit 3).
  const reservation = mode.offline
    ? null
    : reserve(sqlite, {
        profileId: input.profile.id, projectId, kind: 'chat', model: settings.model, limit: settings.dailyMessageLimit,
        capMicros: capMicrosOf(settings.dailyCostCapUSD), estimateMicros: estimateExchangeMicros(ctx, before, text), now: ctx.now(),
      });

  const retried = input.retryOf === undefined ? null : retriedTurn(before, input.retryOf);
  const userMessage = retried?.message ?? insertMessage(db, { projectId, role: 'user', content: text }, ctx.now());
  emit({ type: 'user', message: userMessage, retried: !!retried });
  emit(mode.offline
    ? { type: 'start', model: OFFLINE_MODEL, offline: true, used: null, limit: null }
    : { type: 'start', model: settings.model, offline: false, used: reservation!.used, limit: reservation!.limit });
  const detection = retried ? { decisions: [], taskCompletions: [], nextSteps: [], numbers: [] } : detectFor(text, plan, before.done);
  const applied = retried ? nothingApplied() : applyDetection(db, projectId, plan, detection, userMessage.id, ctx.now());
  emit({ type: 'detected', detection, applied });
  const s = retried?.session ?? afterDetection(ctx, before, userMessage, applied);

  const base = { detection, applied, userMessageId: userMessage.id };
  const todayLimit = () => ({ used: todayUsage(sqlite, input.profile.id, ctx.now()).messagesUsed, limit: settings.dailyMessageLimit });

  if (mode.offline) {
    const history = s.history.recent.slice(-OFFLINE_HISTORY);
    const reply = offlineReply({
      plan: s.project.plan, done: s.done, profile: { ...profileForPlan(s.profile), platforms: s.profile.platforms }, message: text, detection,
      applied: { decisions: applied.decisions, tasksCompleted: applied.tasksCompleted, numbers: applied.suggestedNumbers },
      decisions: s.decisions, turn: history.filter((m) => m.role === 'user').length,
      today: dayOf(ctx.now()), targetLaunchDate: s.project.row.targetLaunchDate, surface: input.surface ?? 'cli',
      previousReply: previousOfflineReply(history),
      recordedNumbers: latestNumbersLines(s.project.row, s.project.plan, s.profile),
    });
    emit({ type: 'text', delta: reply });
    const msg = insertMessage(db, { projectId, role: 'assistant', content: reply, model: OFFLINE_MODEL }, ctx.now());
    return { ...base, reply, model: OFFLINE_MODEL, offline: true, status: 'complete', usage: { ...ZERO_USAGE }, costMicros: 0, limit: todayLimit(), assistantMessageId: msg.id, error: null };
  }

  const { system, messages } = chatRequestFor(ctx, s);
  const outcome = await streamToMessage({
    usageId: reservation!.usageId, projectId, model: settings.model, system, messages, apiKey: mode.apiKey, baseURL: mode.baseURL,
    signal: input.signal, onText: (d) => emit({ type: 'text', delta: d }), ...streamSettings(ctx),
  });
  warnOnCost(ctx, input.profile.id, emit);
  return { ...base, ...outcome, offline: false, limit: todayLimit() };
}

/** Where a streamed reply is written and how long it may take: from the context's store and settings. */
export function streamSettings(ctx: AppContext) {
  return { store: ctx.store(), now: ctx.now, maxTokens: ctx.settings.get('maxOutputTokens'), stallMs: ctx.settings.get('stallTimeoutSeconds') * 1000 };
}

/** The most this exchange can cost (held against the cost cap while it runs): prompt, context, message, a full reply. */
function estimateExchangeMicros(ctx: AppContext, s: ExchangeSession, text: string): number | null {
  const settings = ctx.settings.all();
  if (capMicrosOf(settings.dailyCostCapUSD) === null) return null;
  // Without cache reads: an upper bound.
  const { system, messages } = chatRequestFor(ctx, s);
  const inputTokens = estimateTokens(systemPromptText(system)) + estimateTokens(messages.map((m) => m.content).join('\n')) + estimateTokens(text);
  return requestEstimateMicros(settings.model, inputTokens, settings.maxOutputTokens);
}

function warnOnCost(ctx: AppContext, profileId: number, emit: (e: ExchangeEvent) => void): void {
  const threshold = ctx.settings.get('costWarningUSD');
  const today = todayUsage(ctx.store().sqlite, profileId, ctx.now());
  if (costWarningReached(today.costMicros, threshold)) {
    emit({ type: 'warning', message: costWarningText(today.costMicros, threshold) });
  }
}
