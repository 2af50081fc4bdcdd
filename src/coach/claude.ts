// The SDK wrapper: one streamed reply, with a watchdog (the SDK never times out a body that
// stops mid-stream), usage taken from message_start/message_delta, and errors mapped to ours.
import Anthropic from '@anthropic-ai/sdk';
import { ApiError, AuthError, UsageError, redactSecrets } from '../errors.js';
import { estimateTokens } from '../util/text.js';
import type { ApiMessage, SystemPrompt } from './prompt.js';
import { ZERO_USAGE, type TokenUsage } from '../usage/prices.js';

export interface StreamRequest {
  apiKey: string;
  baseURL?: string;
  model: string;
  system: SystemPrompt;
  messages: ApiMessage[];
  maxTokens: number;
  /** Give up when nothing arrives for this long (before headers or between events). */
  stallMs: number;
  signal?: AbortSignal;
  onText?: (delta: string) => void;
  /** Called once the API answered (headers received). */
  onResponse?: () => void;
  /** Called when the API reports usage (message_start, message_delta), to persist it as it arrives. */
  onUsage?: (usage: TokenUsage) => void;
}

export interface StreamResult {
  text: string;
  usage: TokenUsage;
  model: string;
  stopReason: string | null;
  requestId: string | null;
}

export type FailureStatus = 'interrupted' | 'error';

/** A stream that did not finish. Carries what arrived so nothing is lost. */
export class StreamFailure extends Error {
  constructor(
    readonly status: FailureStatus,
    readonly partialText: string,
    readonly usage: TokenUsage,
    /**
     * False when the reply never started (no message_start: refused connection, HTTP error, stall
     * or cancel before it): the message is given back to the daily limit. One rule, whatever the
     * cause, the same one recovery applies to a process killed before message_start.
     */
    readonly reachedApi: boolean,
    readonly error: Error,
    /** Output tokens were estimated from the partial text (the final count never arrived). */
    readonly estimatedOutput: boolean,
  ) {
    super(error.message);
  }
}

export function clientFor(apiKey: string, baseURL?: string, timeoutMs?: number): Anthropic {
  return new Anthropic({
    apiKey,
    ...(baseURL ? { baseURL } : {}),
    maxRetries: 2,
    ...(timeoutMs ? { timeout: timeoutMs } : {}),
    // The SDK must never print into the terminal UI.
    logLevel: 'off',
  });
}

/** Maps SDK and network failures to our typed errors (exit codes 4 and 5), without secrets. */
export function toCoachError(err: unknown, stalledSeconds?: number): Error {
  if (stalledSeconds !== undefined) {
    return new ApiError(`the API stopped sending data for ${stalledSeconds} s`, { hint: 'try again; the partial reply was kept' });
  }
  if (err instanceof Anthropic.AuthenticationError) {
    return new AuthError('the API key was rejected (401)', { hint: 'check it, then `coach config set-key` or set ANTHROPIC_API_KEY' });
  }
  if (err instanceof Anthropic.PermissionDeniedError) {
    return new AuthError('the API key is not allowed to use this model (403)', { hint: 'check your Anthropic plan, or `coach config set model …`' });
  }
  if (err instanceof Anthropic.RateLimitError) {
    return new ApiError('the API is rate limiting requests (429) and retries did not help', { hint: 'wait a minute and try again', cause: err });
  }
  if (err instanceof Anthropic.APIConnectionError) {
    return new ApiError(`cannot reach the Anthropic API (${redactSecrets(err.message)})`, { hint: 'check your network or ANTHROPIC_BASE_URL, then try again' });
  }
  if (err instanceof Anthropic.NotFoundError) {
    return new UsageError(`the API does not know this model (404): ${redactSecrets(err.message)}`, { hint: '`coach config set model claude-sonnet-4-6`' });
  }
  if (err instanceof Anthropic.APIError) {
    const status = err.status ? ` (${err.status})` : '';
    const kind = (err as { type?: string }).type === 'overloaded_error' || err.status === 529 ? 'the API is overloaded' : 'the API returned an error';
    return new ApiError(`${kind}${status}: ${redactSecrets(firstLine(err.message))}`, { hint: hintForStatus(err.status), cause: err });
  }
  const e = err as Error & { cause?: { code?: string } };
  if (e?.message === 'terminated' || e?.cause?.code === 'UND_ERR_SOCKET') {
    return new ApiError('the connection to the API dropped mid-reply', { hint: 'try again; the partial reply was kept' });
  }
  return new ApiError(`the request failed: ${redactSecrets(firstLine(e?.message ?? String(err)))}`);
}

/** The reason the caller gave for the cancel (e.g. "cancelled: stdout was closed"), else "cancelled". */
const cancelled = (signal: AbortSignal) => (signal.reason instanceof Error && signal.reason.name === 'Error' ? signal.reason : new Error('cancelled'));

/**
 * Only a failure that can pass is called transient: 5xx, 408, 409, 429 and mid-stream errors.
 * Another 4xx will fail the same way next time (400 a request the API refuses, 402 billing, 413 size).
 */
function hintForStatus(status: number | undefined): string {
  if (status === 402) return 'check your Anthropic plan and billing; nothing was lost';
  if (status === 413) return 'the request is too large: lower contextMessages or maxInputTokens; nothing was lost';
  if (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 409 && status !== 429) {
    return 'retrying will not help: check the model with `coach config get model` and run `coach doctor`; nothing was lost';
  }
  return 'try again in a moment; nothing was lost';
}

const firstLine = (s: string) => s.split('\n')[0]!.slice(0, 300);

/**
 * The request body. Two cache breakpoints: the stable system block (role, profile, plan), and the
 * last message, so the next request reads the whole conversation so far from the cache (the API
 * looks back from a breakpoint for the longest prefix it has). The volatile block (date, progress,
 * decisions) sits between them: when it changes, only what follows it is written again.
 * No temperature: the Messages API of SDK 1.14 has no such field (the setting is kept, unsent).
 */
export function requestBody(req: Pick<StreamRequest, 'model' | 'maxTokens' | 'system' | 'messages'>): Anthropic.MessageCreateParamsStreaming {
  const cache = { type: 'ephemeral' as const };
  const last = req.messages.length - 1;
  return {
    model: req.model,
    max_tokens: req.maxTokens,
    system: [
      { type: 'text', text: req.system.stable, cache_control: cache },
      ...(req.system.volatile.trim() ? [{ type: 'text' as const, text: req.system.volatile }] : []),
    ],
    messages: req.messages.map((m, i) => (i === last ? { role: m.role, content: [{ type: 'text' as const, text: m.content, cache_control: cache }] } : m)),
    stream: true,
  };
}

export async function streamReply(req: StreamRequest): Promise<StreamResult> {
  const controller = new AbortController();
  let stalled = false;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      controller.abort();
    }, req.stallMs);
  };
  const onOuterAbort = () => controller.abort();
  req.signal?.addEventListener('abort', onOuterAbort, { once: true });
  if (req.signal?.aborted) controller.abort();

  let text = '';
  const usage: TokenUsage = { ...ZERO_USAGE };
  let reachedApi = false;
  let finished = false;
  let model = req.model;
  let stopReason: string | null = null;
  let requestId: string | null = null;
  const failure = (status: FailureStatus, error: Error) => {
    const estimated = !finished && text.length > 0;
    const u = estimated ? { ...usage, outputTokens: Math.max(usage.outputTokens, estimateTokens(text)) } : usage;
    return new StreamFailure(status, text, u, reachedApi, error, estimated);
  };

  try {
    arm();
    const client = clientFor(req.apiKey, req.baseURL);
    const { data: stream, response } = await client.messages
      .create(requestBody(req), { signal: controller.signal })
      .withResponse();
    requestId = response.headers.get('request-id');
    req.onResponse?.();
    arm();
    for await (const event of stream) {
      arm();
      switch (event.type) {
        case 'message_start': {
          const u = event.message.usage;
          model = event.message.model || model;
          usage.inputTokens = u.input_tokens ?? 0;
          usage.outputTokens = u.output_tokens ?? 0;
          usage.cacheCreationTokens = u.cache_creation_input_tokens ?? 0;
          usage.cacheReadTokens = u.cache_read_input_tokens ?? 0;
          reachedApi = true;
          req.onUsage?.({ ...usage });
          break;
        }
        case 'content_block_delta':
          if (event.delta.type === 'text_delta') {
            text += event.delta.text;
            req.onText?.(event.delta.text);
          }
          break;
        case 'message_delta': {
          const u = event.usage as Partial<Anthropic.MessageDeltaUsage>;
          if (u.output_tokens != null) usage.outputTokens = u.output_tokens;
          if (u.input_tokens != null) usage.inputTokens = u.input_tokens;
          if (u.cache_creation_input_tokens != null) usage.cacheCreationTokens = u.cache_creation_input_tokens;
          if (u.cache_read_input_tokens != null) usage.cacheReadTokens = u.cache_read_input_tokens;
          stopReason = event.delta.stop_reason ?? stopReason;
          req.onUsage?.({ ...usage });
          break;
        }
        case 'message_stop':
          finished = true;
          break;
        default:
          break;
      }
    }
    // The raw loop ends quietly on abort or a truncated body: decide why it ended.
    if (!finished) {
      if (stalled) throw failure('interrupted', toCoachError(null, Math.round(req.stallMs / 1000)));
      if (req.signal?.aborted) throw failure('interrupted', cancelled(req.signal));
      throw failure('interrupted', new ApiError('the reply ended before it was complete', { hint: 'try again; the partial reply was kept' }));
    }
    return { text, usage, model, stopReason, requestId };
  } catch (err) {
    if (err instanceof StreamFailure) throw err;
    if (stalled) throw failure('interrupted', toCoachError(err, Math.round(req.stallMs / 1000)));
    if (req.signal?.aborted) throw failure('interrupted', cancelled(req.signal));
    const mapped = toCoachError(err);
    throw failure(text.length > 0 ? 'interrupted' : 'error', mapped);
  } finally {
    clearTimeout(timer);
    req.signal?.removeEventListener('abort', onOuterAbort);
  }
}
