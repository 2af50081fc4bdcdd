/**
 * Fake Anthropic Messages API for tests and benchmarks.
 *
 * A real HTTP server on 127.0.0.1 that speaks the Messages API wire format
 * (SSE streaming, JSON errors with `request-id`), so the REAL `@anthropic-ai/sdk`
 * talks to it through `baseURL` (the app reads `ANTHROPIC_BASE_URL`).
 *
 * Routes:
 * - `POST /v1/messages` — consumes one scenario (queue first, else the default) and
 *   answers as SSE when the body has `stream: true`, else as one JSON message.
 *   Recorded in {@link FakeAnthropic.requests}.
 * - `POST /v1/messages/count_tokens` — `{ input_tokens }` (approximate, ~4 chars a token);
 *   consumes no scenario; recorded in {@link FakeAnthropic.countTokensRequests}.
 * - Control routes for other processes (never under `/v1/`), JSON in and out:
 *   - `POST /__control/enqueue` — body: a scenario or an array of scenarios → `{ ok, queued }`
 *   - `POST /__control/default` — body: a scenario; replaces the default → `{ ok }`
 *   - `POST /__control/reset`   — same as {@link FakeAnthropic.reset} → `{ ok }`
 *   - `GET  /__control/requests` — `{ requests, countTokensRequests, queued }`
 *   - `GET  /__control/health`  — `{ ok, url }`
 *   An invalid scenario answers 400 `{ ok: false, error }`.
 * - Anything else: 404 with an Anthropic `not_found_error` body.
 *
 * Unless `validate: false`, `/v1/messages*` first rejects what the real API would:
 * no `x-api-key` / `authorization` → 401 `authentication_error`; body not JSON,
 * no `model`, no integer `max_tokens >= 1` (messages only) or no non-empty `messages`
 * → 400 `invalid_request_error`. Such a request is recorded with `scenario: 'rejected'`
 * and consumes no scenario.
 *
 * Wire format of a streamed `reply` (each event `event: X\ndata: {json}\n\n`,
 * `content-type: text/event-stream`, `request-id` header):
 * `message_start` (usage: input/cache counts, `output_tokens: 1`) → `content_block_start`
 * (index 0, empty text block) → `ping` → N × `content_block_delta` (`text_delta`) →
 * `content_block_stop` → `message_delta` (stop_reason, stop_sequence, usage with the
 * final cumulative `output_tokens`) → `message_stop`.
 */

/** Token usage overrides. Unset fields are estimated (~4 chars a token) or 0 for the cache counts. */
export interface FakeUsage {
  /** Default: estimated from system + messages of the request. */
  input_tokens?: number;
  /** Default: estimated from the reply text (0 for an empty reply). Reported cumulatively in `message_delta`. */
  output_tokens?: number;
  /** Default 0. */
  cache_creation_input_tokens?: number;
  /** Default 0. */
  cache_read_input_tokens?: number;
}

export type FakeStopReason =
  | 'end_turn'
  | 'max_tokens'
  | 'stop_sequence'
  | 'tool_use'
  | 'pause_turn'
  | 'refusal'
  | 'model_context_window_exceeded';

/** `error.type` values the real API uses. */
export type FakeErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'billing_error'
  | 'permission_error'
  | 'not_found_error'
  | 'request_too_large'
  | 'rate_limit_error'
  | 'timeout_error'
  | 'api_error'
  | 'overloaded_error'
  | 'conflict_error';

/** Options shared by every scenario that produces (part of) a reply. */
export interface TextShape {
  /**
   * The reply text. Default: `Echo: <text of the last user message>` (text blocks
   * joined with "\n"; `Echo: (empty)` when there is none) — deterministic.
   * Ignored when `chunks` is an array.
   */
  text?: string;
  /**
   * How the text is cut into `text_delta` events:
   * - a number n: n pieces of nearly equal length (by code point, at most one a code point);
   * - a string[]: exactly these pieces (the text is their concatenation);
   * - default: word by word (whitespace kept), so joining the deltas gives the text exactly.
   */
  chunks?: number | string[];
  /** Delay between two deltas (ms). Default 0. */
  tokenDelayMs?: number;
  /** Delay before the response status and headers are sent (ms) — covered by the SDK's `timeout`. Default 0. */
  firstByteDelayMs?: number;
  /** Delay after `message_start`/`content_block_start`/`ping` and before the first delta (ms) — NOT covered by the SDK's `timeout`. Default 0. */
  firstTokenDelayMs?: number;
  /** Model reported in the message. Default: the request's `model`. */
  model?: string;
  /** Usage reported; see {@link FakeUsage} for defaults. */
  usage?: FakeUsage;
}

/** A complete, successful reply (streamed or JSON depending on the request's `stream`). */
export interface ReplyScenario extends TextShape {
  kind: 'reply';
  /** Default `end_turn`. */
  stopReason?: FakeStopReason;
  /** Sent as `stop_sequence` (use with `stopReason: 'stop_sequence'`). Default null. */
  stopSequence?: string | null;
  /** Extra `ping` event after every n-th delta (besides the one after `content_block_start`). Default: none. */
  pingEvery?: number;
}

/**
 * An HTTP error before any stream: status + JSON body
 * `{"type":"error","error":{"type","message"},"request_id"}` + `request-id` header.
 */
export interface HttpErrorScenario {
  kind: 'http_error';
  /** 400..599, e.g. 400, 401, 403, 404, 413, 429, 500, 503, 529. */
  status: number;
  /** Default from status: 400 invalid_request_error, 401 authentication_error, 402 billing_error, 403 permission_error, 404 not_found_error, 408/504 timeout_error, 409 conflict_error, 413 request_too_large, 429 rate_limit_error, 529 overloaded_error, other 5xx api_error. */
  errorType?: FakeErrorType | (string & {});
  /** Default: a message typical of the error type. */
  message?: string;
  /** Seconds, sent as `retry-after`. NB: the SDK treats 0 (or <= 0) as absent and uses its own backoff (~0.5 s). */
  retryAfter?: number;
  /** Milliseconds, sent as `retry-after-ms` (the SDK prefers it over `retry-after`). NB: 0 also means "use backoff"; use 1 for an instant retry. */
  retryAfterMs?: number;
  /** Sent as `x-should-retry: true|false`; overrides the SDK's status-based decision. */
  shouldRetry?: boolean;
  /** Extra response headers. */
  headers?: Record<string, string>;
  /** Send this text (content-type text/plain) instead of the JSON error body, e.g. a proxy's HTML page. */
  rawBody?: string;
  /** Delay before answering (ms). */
  firstByteDelayMs?: number;
}

/**
 * HTTP 200 stream that sends `afterChunks` deltas, then an SSE `event: error`
 * with the error JSON, then ends the response normally. A non-streaming request
 * gets the HTTP error instead (529 for overloaded_error, 500 for api_error, ...).
 */
export interface StreamErrorScenario extends TextShape {
  kind: 'stream_error';
  afterChunks: number;
  /** Default `overloaded_error`. */
  errorType?: FakeErrorType;
  /** Default: a message typical of the error type. */
  message?: string;
}

/** Stream `afterChunks` deltas, then destroy the socket (no `message_stop`, no chunked terminator). Non-streaming: half the JSON body, then destroy. */
export interface DropScenario extends TextShape {
  kind: 'drop';
  afterChunks: number;
  /**
   * Pause (ms) between the last delta reaching the OS and the socket being destroyed. Default 20.
   * With 0 the client may lose the last deltas: undici discards body chunks not yet read
   * when the socket error arrives together with them.
   */
  dropDelayMs?: number;
}

/** Stream `afterChunks` deltas, then END the response cleanly without `content_block_stop`/`message_delta`/`message_stop`. Non-streaming: half the JSON body, then end. */
export interface TruncateScenario extends TextShape {
  kind: 'truncate';
  afterChunks: number;
}

/** Stream `afterChunks` deltas, then send nothing more, keeping the connection open until the client goes away or `close()`. Non-streaming: half the JSON body, then stall. */
export interface StallScenario extends TextShape {
  kind: 'stall';
  afterChunks: number;
  /** While stalled, send a `ping` event every this many ms (keep-alive without progress). Default: no pings. */
  pingIntervalMs?: number;
}

/** Accept the request and never answer (no status line) — for connect/first-byte timeouts. Ends when the client aborts or `close()`. */
export interface HangBeforeHeadersScenario {
  kind: 'hang_before_headers';
}

/** Read the request, then destroy the socket without any response (connection reset). */
export interface DropBeforeHeadersScenario {
  kind: 'drop_before_headers';
  /** Delay before the reset (ms). Default 0. */
  delayMs?: number;
}

export type Scenario =
  | ReplyScenario
  | HttpErrorScenario
  | StreamErrorScenario
  | DropScenario
  | TruncateScenario
  | StallScenario
  | HangBeforeHeadersScenario
  | DropBeforeHeadersScenario;

export type ScenarioKind = Scenario['kind'];

/** A content block of a request message (only `text` is interpreted by the fake). */
export interface RequestContentBlock {
  type: string;
  text?: string;
  [key: string]: unknown;
}

export interface RequestMessage {
  role: 'user' | 'assistant' | (string & {});
  content: string | RequestContentBlock[];
}

/** The parsed JSON body of a Messages request, as sent. */
export interface MessagesRequestBody {
  model: string;
  max_tokens: number;
  messages: RequestMessage[];
  system?: string | RequestContentBlock[];
  stream?: boolean;
  temperature?: number;
  stop_sequences?: string[];
  metadata?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface RecordedRequest {
  /** 0-based position in its list (`requests` or `countTokensRequests`) since the last reset. */
  index: number;
  method: string;
  /** Path plus query string, e.g. `/v1/messages`. */
  path: string;
  /** All request headers, names lower-case; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /**
   * The credential sent: `x-api-key`, else the token of `authorization: Bearer <token>`, else null.
   * NB: @anthropic-ai/sdk 1.x sends `apiKey` as `authorization: Bearer <key>`, not `x-api-key`.
   */
  apiKey: string | null;
  /** Parsed JSON body; `{ __raw: string }` when the body was not JSON. */
  body: MessagesRequestBody;
  /** `body.stream === true`. */
  stream: boolean;
  /** `Date.now()` when the body had been read. */
  receivedAt: number;
  /** Kind of the scenario that answered; `'rejected'` for a request failing validation; `'count_tokens'` for count_tokens. */
  scenario: ScenarioKind | 'rejected' | 'count_tokens';
  /** The scenario that answered (absent for rejected and count_tokens requests). */
  scenarioSpec?: Scenario;
  /** Why validation rejected it (only when `scenario === 'rejected'`). */
  rejected?: string;
}

export interface FakeAnthropicOptions {
  /** Port on 127.0.0.1. Default 0 (a free port). */
  port?: number;
  /** Scenario used when the queue is empty. Default `{ kind: 'reply' }` (echo). */
  defaultScenario?: Scenario;
  /** Log one line per request to stderr. Default false. */
  logRequests?: boolean;
  /** Reject requests the real API would reject (missing credential/model/max_tokens/messages). Default true. */
  validate?: boolean;
  /**
   * Simulate prompt caching from the request's `cache_control` breakpoints (see createPromptCache):
   * usage then reports cache reads and writes instead of 0. A scenario's `usage` still wins.
   * Default false.
   */
  promptCache?: boolean | PromptCacheOptions;
}

export interface PromptCacheOptions {
  /** Shortest prefix that is cached, in tokens. Default 1024. */
  minTokens?: number;
  /** Lifetime of an entry; a hit refreshes it. Default 5 minutes. */
  ttlMs?: number;
  now?: () => number;
}

export interface PromptCacheUsage {
  input_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
}

export declare function createPromptCache(options?: PromptCacheOptions): {
  usage(body: MessagesRequestBody): PromptCacheUsage;
  clear(): void;
};

export interface FakeAnthropic {
  /** Base URL to pass as `baseURL` / `ANTHROPIC_BASE_URL`, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  readonly url: string;
  readonly port: number;
  /** Every `POST /v1/messages` since the last reset, in arrival order (live array). */
  readonly requests: RecordedRequest[];
  /** Every `POST /v1/messages/count_tokens` since the last reset (live array). */
  readonly countTokensRequests: RecordedRequest[];
  /** Scenarios still queued. */
  readonly queued: number;
  /** The scenario used when the queue is empty. */
  readonly defaultScenario: Scenario;
  /** Queue scenarios; each `/v1/messages` request takes the next one, then the default. Throws TypeError on an invalid scenario (nothing queued). */
  enqueue(...scenarios: Scenario[]): void;
  /** Replace the default scenario. */
  setDefault(scenario: Scenario): void;
  /** Clear the queue, the recorded requests and the simulated prompt cache (the default scenario stays). */
  reset(): void;
  /** Resolves once `requests.length >= n`; rejects after `timeoutMs` (default 5000) or on close(). */
  waitForRequests(n: number, timeoutMs?: number): Promise<void>;
  /** Stop: ends stalled/hanging exchanges, destroys every open socket (clients see a dropped connection), closes the listener. Idempotent; never hangs. */
  close(): Promise<void>;
}

export function startFakeAnthropic(options?: FakeAnthropicOptions): Promise<FakeAnthropic>;

// Helpers (also used by the server itself).

/** Throws a TypeError unless `s` is a valid scenario; returns it. */
export function validateScenario(s: unknown): Scenario;
/** Text of the last `user` message ('' when none). */
export function lastUserText(body: unknown): string;
/** The default reply text: `Echo: <last user text>` or `Echo: (empty)`. */
export function defaultReplyText(body: unknown): string;
/** ~4 characters a token, at least 1. */
export function estimateTokens(text: unknown): number;
/** Approximate input tokens of a Messages request body. */
export function estimateInputTokens(body: unknown): number;
/** Split text into delta pieces; see {@link TextShape.chunks}. */
export function splitIntoChunks(text: string, chunks?: number | string[]): string[];
/** One SSE frame: `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`. */
export function sseEvent(type: string, data: unknown): string;
/** The real API's error body. */
export function errorBody(
  errorType: string,
  message: string,
  requestId: string | null,
): { type: 'error'; error: { type: string; message: string }; request_id: string | null };
/** Credential of a header map: `x-api-key`, else the Bearer token, else null. */
export function credentialOf(headers: Record<string, string | undefined>): string | null;
/**
 * Deterministic coach-like filler text of exactly `tokens * 4` characters: a `reply`
 * with it reports `output_tokens === tokens` (e.g. a fixed 500-token benchmark reply).
 */
export function fillerText(tokens: number): string;
