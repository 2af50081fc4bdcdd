// The second reader, I/O half: one non-streaming Messages request with a hard deadline over the
// whole request (headers AND body: the SDK's own timeout stops at the headers) and at most one
// retry. Usage comes from the answer; when the answer's headers came but its body never finished,
// the input tokens are estimated (the API has billed them) and the output counted as 0.
import Anthropic from '@anthropic-ai/sdk';
import { ApiError } from '../errors.js';
import { estimateTokens } from '../util/text.js';
import { toCoachError } from './claude.js';
import { ZERO_USAGE, type TokenUsage } from '../usage/prices.js';

export interface ReaderRequest {
  apiKey: string;
  baseURL?: string;
  model: string;
  system: string;
  prompt: string;
  maxTokens: number;
  /** Deadline for the whole request, retries included. */
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface ReaderReply {
  text: string;
  model: string;
  usage: TokenUsage;
}

/** A request that gave no usable answer; `usage` is what it may still have cost. */
export class ReaderFailure extends Error {
  constructor(
    readonly error: Error,
    readonly usage: TokenUsage,
    readonly estimated: boolean,
  ) {
    super(error.message);
  }
}

const MessageShape = (v: unknown): v is Anthropic.Message =>
  !!v && typeof v === 'object' && Array.isArray((v as Anthropic.Message).content) && typeof (v as Anthropic.Message).usage === 'object';

export async function requestReader(req: ReaderRequest): Promise<ReaderReply> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, req.timeoutMs);
  const onOuterAbort = () => controller.abort();
  req.signal?.addEventListener('abort', onOuterAbort, { once: true });
  if (req.signal?.aborted) controller.abort();
  let headers = false;
  try {
    const client = new Anthropic({
      apiKey: req.apiKey,
      ...(req.baseURL ? { baseURL: req.baseURL } : {}),
      maxRetries: 1,
      // Our deadline (above) is the one that counts; the SDK's would retry a slow answer.
      timeout: req.timeoutMs + 1000,
      logLevel: 'off',
    });
    const response = await client.messages
      .create({ model: req.model, max_tokens: req.maxTokens, system: req.system, messages: [{ role: 'user', content: req.prompt }] }, { signal: controller.signal })
      .asResponse();
    headers = true;
    const body: unknown = JSON.parse(await response.text());
    if (!MessageShape(body)) throw new ApiError('the second reader got an answer that is not a message');
    const u = body.usage;
    return {
      text: body.content.map((b) => (b.type === 'text' ? b.text : '')).join(''),
      model: typeof body.model === 'string' && body.model ? body.model : req.model,
      usage: { inputTokens: u.input_tokens ?? 0, outputTokens: u.output_tokens ?? 0, cacheCreationTokens: u.cache_creation_input_tokens ?? 0, cacheReadTokens: u.cache_read_input_tokens ?? 0 },
    };
  } catch (err) {
    const error = timedOut
      ? new ApiError(`the second reader timed out after ${Math.round(req.timeoutMs / 1000)} s`)
      : req.signal?.aborted ? new Error('cancelled') : err instanceof ApiError ? err : toCoachError(err);
    // Headers came, the body did not: the API has read (and billed) the prompt.
    const usage = headers ? { ...ZERO_USAGE, inputTokens: estimateTokens(req.system) + estimateTokens(req.prompt) } : { ...ZERO_USAGE };
    throw new ReaderFailure(error, usage, headers);
  } finally {
    clearTimeout(timer);
    req.signal?.removeEventListener('abort', onOuterAbort);
  }
}
