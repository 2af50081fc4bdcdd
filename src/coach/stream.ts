// Streams one Claude reply into an assistant message: the message is written as the text arrives
// and the request's usage row is settled exactly once, whatever happens (complete, cut off,
// cancelled, failed). No settings, no profile: the caller says what to send and where.
import type { Store } from '../store/db.js';
import { insertMessage, updateMessage } from '../store/messages.js';
import { finish, linkMessage, progress } from '../limits/usage-log.js';
import { ZERO_USAGE, type TokenUsage } from '../usage/prices.js';
import { estimateTokens } from '../util/text.js';
import type { ApiMessage, SystemPrompt } from './prompt.js';

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
  store: Pick<Store, 'db' | 'sqlite'>;
  now: () => number;
  maxTokens: number;
  stallMs: number;
}

/** Streams a reply into an assistant message (written as it arrives) and finishes its usage row. */
export async function streamToMessage(i: StreamToMessageInput) {
  const { db, sqlite } = i.store;
  const now = i.now;
  // The SDK loads only when a request is made: the offline coach never pays for it.
  const { StreamFailure, streamReply } = await import('./claude.js');
  const started = Date.now();
  // One transaction: another process's recovery must never see a `streaming` message that is not
  // yet linked to its (live) pending usage row, or it would mark a live reply interrupted.
  const assistant = sqlite.transaction(() => {
    const m = insertMessage(db, { projectId: i.projectId, role: 'assistant', content: '', status: 'streaming', model: i.model }, now());
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
      updateMessage(db, assistant.id, { content: partial }, now());
      if (reported) progress(sqlite, i.usageId, i.model, { ...reported, outputTokens: Math.max(reported.outputTokens, estimateTokens(partial)) });
    }).immediate();
  };
  try {
    const result = await streamReply({
      apiKey: i.apiKey, baseURL: i.baseURL, model: i.model, system: i.system, messages: i.messages,
      maxTokens: i.maxTokens, stallMs: i.stallMs, signal: i.signal,
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
      updateMessage(db, assistant.id, { content: result.text, status: 'complete', model: result.model, inputTokens: result.usage.inputTokens, outputTokens: result.usage.outputTokens }, now());
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
      updateMessage(db, assistant.id, { content: text, status, inputTokens: usage.inputTokens, outputTokens: usage.outputTokens }, now());
      return finish(sqlite, i.usageId, {
        status, model: i.model, usage, latencyMs: Date.now() - started,
        error: `${error.message}${f?.estimatedOutput ? ' (output tokens estimated from the partial reply)' : ''}`,
        counted: f ? f.reachedApi : true,
      });
    }).immediate();
    return { reply: text, model: i.model, status, usage, costMicros: cost, assistantMessageId: assistant.id, error };
  }
}
