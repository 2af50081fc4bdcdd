// Local fake of the Anthropic Messages API, spoken over real HTTP so the real
// @anthropic-ai/sdk can talk to it through `baseURL` / ANTHROPIC_BASE_URL.
//
// Plain JavaScript ESM on purpose: vitest imports it in-process, benchmarks
// and the standalone runner (cli.js) import it from plain node. Node built-ins
// only. Types and full documentation live in server.d.ts.

import { createHash } from 'node:crypto';
import http from 'node:http';

const DEFAULT_MODEL = 'claude-fake';
const CONTROL_PREFIX = '/__control/';

/** Default `error.type` for an HTTP status, as the real API uses them. */
const ERROR_TYPE_BY_STATUS = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  408: 'timeout_error',
  409: 'conflict_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  502: 'api_error',
  503: 'api_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};

/** Default human-readable message for an error type. */
const ERROR_MESSAGE_BY_TYPE = {
  invalid_request_error: 'Invalid request.',
  authentication_error: 'invalid x-api-key',
  billing_error: 'Your credit balance is too low to access the Anthropic API.',
  permission_error: 'Your API key does not have permission to use the specified resource.',
  not_found_error: 'Not found.',
  timeout_error: 'Request timed out.',
  conflict_error: 'Conflict.',
  request_too_large: 'Request exceeds the maximum allowed number of bytes.',
  rate_limit_error: 'Number of request tokens has exceeded your per-minute rate limit.',
  api_error: 'Internal server error',
  overloaded_error: 'Overloaded',
};

/** Status to send when a non-streaming request meets a `stream_error` scenario. */
const STATUS_BY_ERROR_TYPE = {
  overloaded_error: 529,
  api_error: 500,
  rate_limit_error: 429,
  timeout_error: 504,
  invalid_request_error: 400,
  authentication_error: 401,
  permission_error: 403,
  not_found_error: 404,
};

const SCENARIO_KINDS = new Set([
  'reply',
  'http_error',
  'stream_error',
  'drop',
  'truncate',
  'stall',
  'hang_before_headers',
  'drop_before_headers',
]);

// ---------------------------------------------------------------------------
// Pure helpers (exported for tests and scripts)
// ---------------------------------------------------------------------------

/** Text of one message's content: a string, or the text blocks of an array joined with "\n". */
function contentText(content) {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .filter((b) => b && typeof b === 'object' && b.type === 'text' && typeof b.text === 'string')
      .map((b) => b.text)
      .join('\n');
  }
  return '';
}

/**
 * The text of the last `user` message of a Messages request body, or '' when
 * there is none.
 */
export function lastUserText(body) {
  const messages = body && Array.isArray(body.messages) ? body.messages : [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m && m.role === 'user') return contentText(m.content);
  }
  return '';
}

/** The reply text a `reply` scenario without `text` produces: `Echo: <last user message>`. */
export function defaultReplyText(body) {
  const last = lastUserText(body).trim();
  return `Echo: ${last || '(empty)'}`;
}

/** Rough token count (~4 characters a token, at least 1) — the fake's tokenizer. */
export function estimateTokens(text) {
  const s = typeof text === 'string' ? text : JSON.stringify(text ?? '');
  return Math.max(1, Math.ceil(s.length / 4));
}

/** Approximate input tokens of a Messages request: system + messages (+ tools), ~4 chars a token. */
export function estimateInputTokens(body) {
  if (!body || typeof body !== 'object') return 1;
  let chars = 0;
  const sys = body.system;
  if (typeof sys === 'string') chars += sys.length;
  else if (Array.isArray(sys)) chars += contentText(sys).length;
  if (Array.isArray(body.messages)) {
    for (const m of body.messages) {
      if (!m || typeof m !== 'object') continue;
      const t = typeof m.content === 'string' ? m.content : JSON.stringify(m.content ?? '');
      chars += t.length + 4; // a few tokens of per-message overhead
    }
  }
  if (Array.isArray(body.tools)) chars += JSON.stringify(body.tools).length;
  return Math.max(1, Math.ceil(chars / 4));
}

/**
 * Prompt caching the way the API does it, for benchmarks: `startFakeAnthropic({ promptCache: true })`
 * (or `cli.js --prompt-cache`). The request is read as a sequence of blocks (tools, the system
 * blocks, then every message's content blocks, a string content being one block); a block with
 * `cache_control` is a breakpoint. For each breakpoint the longest prefix already cached ending at
 * it, or at one of the 20 blocks before it, is read from the cache; the rest up to the last
 * breakpoint is written; what follows the last breakpoint is plain input. A prefix shorter than
 * `minTokens` (1024, the minimum for Sonnet models) is not cached; an entry lives `ttlMs` (5 min)
 * and a hit refreshes it and the shorter cached prefixes inside it. The same model, and the same blocks in the same order, make the same
 * prefix (cache_control itself is not part of it). Tokens ≈ 4 characters, like the rest of the fake.
 */
export function createPromptCache({ minTokens = 1024, ttlMs = 5 * 60_000, now = () => Date.now() } = {}) {
  /** prefix hash → expiry time */
  const entries = new Map();
  const blocksOf = (body) => {
    const out = [];
    if (Array.isArray(body.tools)) for (const t of body.tools) out.push({ role: 'tools', block: t });
    const sys = body.system;
    if (typeof sys === 'string' && sys) out.push({ role: 'system', block: { type: 'text', text: sys } });
    else if (Array.isArray(sys)) for (const b of sys) out.push({ role: 'system', block: b });
    for (const m of Array.isArray(body.messages) ? body.messages : []) {
      if (typeof m?.content === 'string') out.push({ role: m.role, block: { type: 'text', text: m.content }, first: true });
      else if (Array.isArray(m?.content)) m.content.forEach((b, i) => out.push({ role: m.role, block: b, first: i === 0 }));
    }
    return out;
  };
  return {
    /** Cache read/write/plain input token counts for one request, updating the cache. */
    usage(body) {
      const blocks = blocksOf(body);
      const hashes = [];
      const cum = [];
      let h = createHash('sha256').update(String(body.model)).digest('hex');
      let tokens = 0;
      for (const { role, block, first } of blocks) {
        const { cache_control: _ignored, ...rest } = block ?? {};
        const text = typeof rest.text === 'string' ? rest.text : JSON.stringify(rest);
        h = createHash('sha256').update(h).update(role).update(JSON.stringify(rest)).digest('hex');
        tokens += Math.ceil(text.length / 4) + (first ? 1 : 0); // + a token of per-message overhead
        hashes.push(h);
        cum.push(tokens);
      }
      const total = Math.max(1, tokens);
      const t = now();
      const live = (i) => (entries.get(hashes[i]) ?? -1) > t;
      const breakpoints = blocks.flatMap((b, i) => (b.block && b.block.cache_control ? [i] : []));
      if (breakpoints.length === 0) return { input_tokens: total, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
      let hit = -1;
      for (const bp of breakpoints) {
        for (let j = bp; j >= Math.max(0, bp - 20); j--) {
          if (live(j)) {
            hit = Math.max(hit, j);
            break;
          }
        }
      }
      const last = breakpoints[breakpoints.length - 1];
      const read = hit >= 0 ? cum[hit] : 0;
      // A hit refreshes the entry read and every shorter cached prefix inside it (they share the text).
      if (hit >= 0) for (let j = 0; j <= hit; j++) if (live(j)) entries.set(hashes[j], t + ttlMs);
      let written = read;
      for (const bp of breakpoints) {
        if (cum[bp] < minTokens) continue;
        if (!live(bp)) entries.set(hashes[bp], t + ttlMs);
        if (bp > hit) written = Math.max(written, cum[bp]);
      }
      const creation = written - read;
      return { input_tokens: total - read - creation, cache_creation_input_tokens: creation, cache_read_input_tokens: read };
    },
    clear() {
      entries.clear();
    },
  };
}

/**
 * Split `text` into delta pieces.
 * - `chunks` a string[]: used as is.
 * - `chunks` a number n: n pieces of nearly equal length (by code point; never more pieces than code points).
 * - otherwise: word by word (each word keeps its trailing whitespace).
 * The pieces always join back to exactly the text.
 */
export function splitIntoChunks(text, chunks) {
  if (Array.isArray(chunks)) return chunks.map(String);
  const cps = Array.from(text);
  if (cps.length === 0) return [];
  if (typeof chunks === 'number' && Number.isFinite(chunks) && chunks >= 1) {
    const n = Math.min(Math.floor(chunks), cps.length);
    const out = [];
    for (let i = 0; i < n; i++) {
      const from = Math.floor((i * cps.length) / n);
      const to = Math.floor(((i + 1) * cps.length) / n);
      out.push(cps.slice(from, to).join(''));
    }
    return out;
  }
  return text.match(/\s*\S+\s*|\s+/g) ?? [text];
}

const FILLER_SENTENCES = [
  'Start by naming the one transformation your paid community promises. ',
  'Invite your ten most engaged followers to a founding-member call this week. ',
  'Price the founding tier so that saying yes feels easy and urgent. ',
  'Write the welcome post before launch day so momentum never stalls. ',
  'Track replies, not likes: a reply is a buyer raising their hand. ',
];

/**
 * Deterministic coach-like filler of exactly `tokens * 4` characters, so a
 * `reply` with it reports `output_tokens === tokens` by the fake's estimate
 * (handy for benchmarks: `{ kind: 'reply', text: fillerText(500) }`).
 */
export function fillerText(tokens) {
  const want = Math.max(0, Math.floor(tokens)) * 4;
  let out = '';
  for (let i = 0; out.length < want; i++) out += FILLER_SENTENCES[i % FILLER_SENTENCES.length];
  out = out.slice(0, want);
  // Never end on a space, so the text survives trimming; keep the length exact.
  return out.endsWith(' ') ? out.slice(0, -1) + '.' : out;
}

/** One server-sent event exactly as the real API frames it. */
export function sseEvent(type, data) {
  return `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** The JSON error body the real API sends. */
export function errorBody(errorType, message, requestId) {
  return { type: 'error', error: { type: errorType, message }, request_id: requestId };
}

/**
 * Check that a value is a valid scenario; throws a TypeError naming the problem.
 * Returns the scenario.
 */
export function validateScenario(s) {
  if (!s || typeof s !== 'object' || Array.isArray(s)) {
    throw new TypeError(`fake-anthropic: a scenario must be an object, got ${JSON.stringify(s)}`);
  }
  if (!SCENARIO_KINDS.has(s.kind)) {
    throw new TypeError(
      `fake-anthropic: unknown scenario kind ${JSON.stringify(s.kind)} (one of ${[...SCENARIO_KINDS].join(', ')})`,
    );
  }
  if (s.kind === 'http_error' && !(Number.isInteger(s.status) && s.status >= 400 && s.status <= 599)) {
    throw new TypeError(`fake-anthropic: http_error needs an integer status 400..599, got ${JSON.stringify(s.status)}`);
  }
  if (
    (s.kind === 'stream_error' || s.kind === 'drop' || s.kind === 'stall' || s.kind === 'truncate') &&
    s.afterChunks !== undefined &&
    !(Number.isInteger(s.afterChunks) && s.afterChunks >= 0)
  ) {
    throw new TypeError(`fake-anthropic: ${s.kind}.afterChunks must be an integer >= 0`);
  }
  if (s.chunks !== undefined && !Array.isArray(s.chunks) && !(typeof s.chunks === 'number' && s.chunks >= 1)) {
    throw new TypeError('fake-anthropic: chunks must be a number >= 1 or an array of strings');
  }
  if (Array.isArray(s.chunks) && typeof s.text === 'string' && s.chunks.join('') !== s.text) {
    throw new TypeError('fake-anthropic: chunks (array) must join to exactly text');
  }
  return s;
}

// ---------------------------------------------------------------------------
// Server
// ---------------------------------------------------------------------------

let serverSeq = 0;

/**
 * Start a fake Anthropic Messages API on 127.0.0.1.
 * @param {import('./server.d.ts').FakeAnthropicOptions} [options]
 * @returns {Promise<import('./server.d.ts').FakeAnthropic>}
 */
export async function startFakeAnthropic(options = {}) {
  const port = options.port ?? 0;
  const logRequests = !!options.logRequests;
  const validate = options.validate !== false;
  let defaultScenario = validateScenario(options.defaultScenario ?? { kind: 'reply' });
  const promptCache = options.promptCache ? createPromptCache(typeof options.promptCache === 'object' ? options.promptCache : {}) : null;
  const serverTag = (++serverSeq).toString(36).toUpperCase().padStart(2, '0');

  /** @type {import('./server.d.ts').Scenario[]} */
  const queue = [];
  /** @type {import('./server.d.ts').RecordedRequest[]} */
  const requests = [];
  /** @type {import('./server.d.ts').RecordedRequest[]} */
  const countTokensRequests = [];
  /** @type {Set<{n: number, resolve: () => void, reject: (e: Error) => void, timer: NodeJS.Timeout}>} */
  const waiters = new Set();
  /** Every open socket, so close() can destroy stalled streams and keep-alive connections. */
  const sockets = new Set();
  /** Every in-flight exchange, so close() can stop its timers. */
  const exchanges = new Set();
  let idSeq = 0;
  let closed = false;

  const nextId = (prefix) => {
    idSeq += 1;
    // Real ids look like msg_01XFDUDYJgAACzvnptvVoYEL (24 chars after the prefix).
    return `${prefix}_01FAKE${serverTag}${idSeq.toString(36).toUpperCase().padStart(24 - 6 - serverTag.length, '0')}`;
  };

  const log = (line) => {
    if (logRequests) process.stderr.write(`[fake-anthropic] ${line}\n`);
  };

  const notifyWaiters = () => {
    for (const w of waiters) {
      if (requests.length >= w.n) {
        clearTimeout(w.timer);
        waiters.delete(w);
        w.resolve();
      }
    }
  };

  const server = http.createServer({ noDelay: true, keepAliveTimeout: 5000 });

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('close', () => sockets.delete(socket));
  });
  // A client going away mid-request must never crash the test process.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });

  server.on('request', (req, res) => {
    handle(req, res).catch((err) => {
      log(`internal error: ${err && err.stack ? err.stack : err}`);
      if (!res.headersSent && !res.destroyed) {
        const requestId = nextId('req');
        sendJson(res, 500, errorBody('api_error', `fake-anthropic internal error: ${err}`, requestId), {
          'request-id': requestId,
        });
      } else {
        res.destroy();
      }
    });
  });

  /** Read and JSON-parse the request body. */
  function readBody(req) {
    return new Promise((resolve, reject) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      const done = () => resolve(Buffer.concat(chunks).toString('utf8'));
      req.on('end', done);
      req.on('close', done); // client gave up mid-body: whatever arrived
      req.on('error', reject);
    });
  }

  function sendJson(res, status, obj, headers = {}) {
    if (res.destroyed) return;
    const payload = JSON.stringify(obj);
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(payload),
      ...headers,
    });
    res.end(payload);
  }

  function sendApiError(res, status, errorType, message, extraHeaders = {}) {
    const requestId = nextId('req');
    sendJson(res, status, errorBody(errorType, message, requestId), { 'request-id': requestId, ...extraHeaders });
  }

  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const raw = await readBody(req);
    // The client gave up before sending its whole body: nothing to answer, nothing to record.
    if (!req.complete) return void res.destroy();

    if (path.startsWith(CONTROL_PREFIX)) return handleControl(req, res, path, raw);

    if (req.method === 'POST' && (path === '/v1/messages' || path === '/v1/messages/count_tokens')) {
      let body;
      try {
        body = raw.length ? JSON.parse(raw) : {};
      } catch (e) {
        body = undefined;
      }
      const headers = normalizeHeaders(req.headers);
      const isCount = path === '/v1/messages/count_tokens';

      /** @type {import('./server.d.ts').RecordedRequest} */
      const rec = {
        index: isCount ? countTokensRequests.length : requests.length,
        method: req.method,
        path: url.pathname + url.search,
        headers,
        apiKey: credentialOf(headers),
        body: body === undefined ? { __raw: raw } : body,
        stream: !!(body && body.stream === true),
        receivedAt: Date.now(),
        scenario: 'rejected',
      };

      const problem = validate ? validateRequest(headers, body, isCount) : null;
      if (problem) {
        rec.rejected = problem.message;
        (isCount ? countTokensRequests : requests).push(rec);
        notifyWaiters();
        log(`${req.method} ${path} -> ${problem.status} ${problem.type}: ${problem.message}`);
        return sendApiError(res, problem.status, problem.type, problem.message);
      }

      if (isCount) {
        rec.scenario = 'count_tokens';
        countTokensRequests.push(rec);
        log(`${req.method} ${path} -> count_tokens`);
        const requestId = nextId('req');
        return sendJson(res, 200, { input_tokens: estimateInputTokens(body) }, { 'request-id': requestId });
      }

      const scenario = queue.length ? queue.shift() : defaultScenario;
      rec.scenario = scenario.kind;
      rec.scenarioSpec = scenario;
      requests.push(rec);
      notifyWaiters();
      log(`${req.method} ${path} stream=${rec.stream} -> ${scenario.kind}`);
      return runScenario(req, res, scenario, body);
    }

    log(`${req.method} ${path} -> 404`);
    return sendApiError(res, 404, 'not_found_error', `Not found: ${req.method} ${path}`);
  }

  /** Reject what the real API would reject before any model work. */
  function validateRequest(headers, body, isCount) {
    if (!headers['x-api-key'] && !headers['authorization']) {
      return { status: 401, type: 'authentication_error', message: 'x-api-key header is required' };
    }
    if (body === undefined || typeof body !== 'object' || Array.isArray(body) || body === null) {
      return { status: 400, type: 'invalid_request_error', message: 'The request body is not valid JSON.' };
    }
    if (typeof body.model !== 'string' || !body.model) {
      return { status: 400, type: 'invalid_request_error', message: 'model: Field required' };
    }
    if (!isCount && !(Number.isInteger(body.max_tokens) && body.max_tokens >= 1)) {
      return { status: 400, type: 'invalid_request_error', message: 'max_tokens: Field required' };
    }
    if (!Array.isArray(body.messages) || body.messages.length === 0) {
      return { status: 400, type: 'invalid_request_error', message: 'messages: at least one message is required' };
    }
    return null;
  }

  function handleControl(req, res, path, raw) {
    const route = `${req.method} ${path}`;
    let payload;
    try {
      payload = raw.length ? JSON.parse(raw) : undefined;
    } catch {
      return sendJson(res, 400, { ok: false, error: 'body is not valid JSON' });
    }
    try {
      switch (route) {
        case 'POST /__control/enqueue': {
          const list = Array.isArray(payload) ? payload : payload === undefined ? [] : [payload];
          api.enqueue(...list);
          return sendJson(res, 200, { ok: true, queued: queue.length });
        }
        case 'POST /__control/default':
          api.setDefault(payload);
          return sendJson(res, 200, { ok: true });
        case 'POST /__control/reset':
          api.reset();
          return sendJson(res, 200, { ok: true });
        case 'GET /__control/requests':
          return sendJson(res, 200, { requests, countTokensRequests, queued: queue.length });
        case 'GET /__control/health':
          return sendJson(res, 200, { ok: true, url: api.url });
        default:
          return sendJson(res, 404, { ok: false, error: `unknown control route ${route}` });
      }
    } catch (e) {
      return sendJson(res, 400, { ok: false, error: String(e && e.message ? e.message : e) });
    }
  }

  // -------------------------------------------------------------------------
  // Scenario execution
  // -------------------------------------------------------------------------

  /**
   * One in-flight exchange: tracks its timers so a departing client or close()
   * stops it at once.
   */
  function makeExchange(req, res) {
    const ex = {
      done: false,
      /** Settles once the last written chunk has been handed to the OS. */
      lastFlush: Promise.resolve(),
      timers: new Set(),
      wakers: new Set(),
      finish() {
        if (ex.done) return;
        ex.done = true;
        for (const t of ex.timers) clearTimeout(t);
        ex.timers.clear();
        for (const w of ex.wakers) w();
        ex.wakers.clear();
        exchanges.delete(ex);
      },
      /** Resolves after ms (or at once when the exchange ends); true when still live. */
      sleep(ms) {
        if (ex.done) return Promise.resolve(false);
        if (!ms || ms <= 0) return Promise.resolve(!ex.done);
        return new Promise((resolve) => {
          const waker = () => {
            clearTimeout(t);
            ex.timers.delete(t);
            resolve(false);
          };
          const t = setTimeout(() => {
            ex.timers.delete(t);
            ex.wakers.delete(waker);
            resolve(!ex.done);
          }, ms);
          ex.timers.add(t);
          ex.wakers.add(waker);
        });
      },
      /** Parks until the exchange ends (client gone or close()). */
      park() {
        if (ex.done) return Promise.resolve();
        return new Promise((resolve) => ex.wakers.add(resolve));
      },
      /** Write, honouring backpressure; false when the exchange is over. */
      async write(chunk) {
        if (ex.done || res.destroyed || res.writableEnded) return false;
        let flushed;
        ex.lastFlush = new Promise((resolve) => (flushed = resolve));
        const ok = res.write(chunk, () => flushed());
        if (!ok) {
          await new Promise((resolve) => {
            const onDone = () => {
              res.off('drain', onDone);
              ex.wakers.delete(onDone);
              resolve();
            };
            res.on('drain', onDone);
            ex.wakers.add(onDone);
          });
        }
        return !ex.done && !res.destroyed;
      },
    };
    exchanges.add(ex);
    // Fires when the response finished or the client went away (abort, socket destroyed).
    res.on('close', () => ex.finish());
    return ex;
  }

  async function runScenario(req, res, scenario, body) {
    const ex = makeExchange(req, res);
    const stream = body && body.stream === true;
    try {
      switch (scenario.kind) {
        case 'hang_before_headers':
          await ex.park();
          return;
        case 'drop_before_headers':
          if (!(await ex.sleep(scenario.delayMs ?? 0))) return;
          req.socket.destroy();
          return;
        case 'http_error':
          return await runHttpError(res, ex, scenario);
        default:
          if (stream) return await runStream(req, res, ex, scenario, body);
          return await runNonStream(req, res, ex, scenario, body);
      }
    } finally {
      // Parked exchanges (stall, hang) get here only once the client or close() ended them.
      ex.finish();
    }
  }

  async function runHttpError(res, ex, s) {
    if (!(await ex.sleep(s.firstByteDelayMs ?? 0))) return;
    const status = s.status;
    const errorType = s.errorType ?? ERROR_TYPE_BY_STATUS[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
    const message = s.message ?? ERROR_MESSAGE_BY_TYPE[errorType] ?? `HTTP ${status}`;
    const requestId = nextId('req');
    const headers = { 'request-id': requestId };
    if (s.retryAfter !== undefined) headers['retry-after'] = String(s.retryAfter);
    if (s.retryAfterMs !== undefined) headers['retry-after-ms'] = String(s.retryAfterMs);
    if (s.shouldRetry !== undefined) headers['x-should-retry'] = s.shouldRetry ? 'true' : 'false';
    Object.assign(headers, s.headers ?? {});
    if (s.rawBody !== undefined) {
      res.writeHead(status, {
        'content-type': 'text/plain; charset=utf-8',
        'content-length': Buffer.byteLength(s.rawBody),
        ...headers,
      });
      res.end(s.rawBody);
      return;
    }
    sendJson(res, status, errorBody(errorType, message, requestId), headers);
  }

  /** What every streaming/non-streaming shape derives from a scenario and the request. */
  function plan(scenario, body) {
    const chunksOpt = scenario.chunks;
    const text = Array.isArray(chunksOpt)
      ? chunksOpt.join('')
      : typeof scenario.text === 'string'
        ? scenario.text
        : defaultReplyText(body);
    const pieces = splitIntoChunks(text, chunksOpt);
    const u = scenario.usage ?? {};
    const cached = promptCache && body ? promptCache.usage(body) : null;
    const inputTokens = u.input_tokens ?? cached?.input_tokens ?? estimateInputTokens(body);
    const outputTokens = u.output_tokens ?? (text.length ? estimateTokens(text) : 0);
    const cacheCreation = u.cache_creation_input_tokens ?? cached?.cache_creation_input_tokens ?? 0;
    const cacheRead = u.cache_read_input_tokens ?? cached?.cache_read_input_tokens ?? 0;
    const model = scenario.model ?? (body && typeof body.model === 'string' ? body.model : DEFAULT_MODEL);
    return {
      text,
      pieces,
      model,
      id: nextId('msg'),
      requestId: nextId('req'),
      usage: { inputTokens, outputTokens, cacheCreation, cacheRead },
      stopReason: scenario.stopReason ?? 'end_turn',
      stopSequence: scenario.stopSequence ?? null,
    };
  }

  function fullUsage(p, outputTokens) {
    return {
      input_tokens: p.usage.inputTokens,
      cache_creation_input_tokens: p.usage.cacheCreation,
      cache_read_input_tokens: p.usage.cacheRead,
      cache_creation: { ephemeral_5m_input_tokens: p.usage.cacheCreation, ephemeral_1h_input_tokens: 0 },
      output_tokens: outputTokens,
      output_tokens_details: null,
      server_tool_use: null,
      service_tier: 'standard',
      inference_geo: null,
      speed: null,
    };
  }

  function messageObject(p, content, stopReason, stopSequence, outputTokens) {
    return {
      id: p.id,
      type: 'message',
      role: 'assistant',
      model: p.model,
      content,
      stop_reason: stopReason,
      stop_sequence: stopSequence,
      stop_details: null,
      container: null,
      diagnostics: null,
      usage: fullUsage(p, outputTokens),
    };
  }

  async function runStream(req, res, ex, s, body) {
    const p = plan(s, body);
    if (!(await ex.sleep(s.firstByteDelayMs ?? 0))) return;
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      'request-id': p.requestId,
    });
    res.flushHeaders();

    const send = (type, data) => ex.write(sseEvent(type, data));
    const startOutput = Math.min(1, p.usage.outputTokens);

    if (!(await send('message_start', { type: 'message_start', message: messageObject(p, [], null, null, startOutput) })))
      return;
    if (!(await send('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } })))
      return;
    if (!(await send('ping', { type: 'ping' }))) return;

    // How many deltas to send before the scenario's failure (all of them for reply).
    const failing = s.kind !== 'reply';
    const limit = failing ? Math.min(s.afterChunks ?? 1, p.pieces.length) : p.pieces.length;
    const delay = s.tokenDelayMs ?? 0;
    const pingEvery = s.pingEvery ?? 0;

    if (!(await ex.sleep(s.firstTokenDelayMs ?? 0))) return;
    for (let i = 0; i < limit; i++) {
      if (i > 0 && delay > 0 && !(await ex.sleep(delay))) return;
      if (!(await send('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: p.pieces[i] } })))
        return;
      if (pingEvery > 0 && (i + 1) % pingEvery === 0 && i + 1 < limit) {
        if (!(await send('ping', { type: 'ping' }))) return;
      }
    }

    switch (s.kind) {
      case 'reply': {
        if (!(await send('content_block_stop', { type: 'content_block_stop', index: 0 }))) return;
        if (
          !(await send('message_delta', {
            type: 'message_delta',
            delta: { stop_reason: p.stopReason, stop_sequence: p.stopSequence, stop_details: null, container: null },
            usage: {
              input_tokens: p.usage.inputTokens,
              cache_creation_input_tokens: p.usage.cacheCreation,
              cache_read_input_tokens: p.usage.cacheRead,
              output_tokens: p.usage.outputTokens,
              output_tokens_details: null,
              server_tool_use: null,
            },
          }))
        )
          return;
        if (!(await send('message_stop', { type: 'message_stop' }))) return;
        res.end();
        return;
      }
      case 'stream_error': {
        const errorType = s.errorType ?? 'overloaded_error';
        const message = s.message ?? ERROR_MESSAGE_BY_TYPE[errorType] ?? errorType;
        if (!(await send('error', errorBody(errorType, message, p.requestId)))) return;
        res.end();
        return;
      }
      case 'truncate':
        res.end();
        return;
      case 'drop':
        // Let the deltas reach the client before the connection dies: undici discards
        // body chunks not yet read when the socket error arrives in the same tick.
        await Promise.race([ex.lastFlush, ex.park()]);
        if (!(await ex.sleep(s.dropDelayMs ?? 20))) return;
        res.destroy();
        return;
      case 'stall':
        await stallWithPings(ex, s, () => send('ping', { type: 'ping' }));
        return;
    }
  }

  async function stallWithPings(ex, s, ping) {
    const every = s.pingIntervalMs ?? 0;
    if (!(every > 0)) return ex.park();
    while (await ex.sleep(every)) {
      if (!(await ping())) return;
    }
  }

  async function runNonStream(req, res, ex, s, body) {
    const p = plan(s, body);
    if (!(await ex.sleep(s.firstByteDelayMs ?? 0))) return;
    if (s.kind === 'reply') {
      // A non-streaming reply arrives whole, after the time the deltas would have taken.
      const total = (s.firstTokenDelayMs ?? 0) + Math.max(0, p.pieces.length - 1) * (s.tokenDelayMs ?? 0);
      if (!(await ex.sleep(total))) return;
      const content = p.text.length ? [{ type: 'text', text: p.text }] : [];
      const msg = messageObject(p, content, p.stopReason, p.stopSequence, p.usage.outputTokens);
      return sendJson(res, 200, msg, { 'request-id': p.requestId });
    }
    if (s.kind === 'stream_error') {
      // Without a stream there is no event to fail in: the API answers with the error status.
      const errorType = s.errorType ?? 'overloaded_error';
      const message = s.message ?? ERROR_MESSAGE_BY_TYPE[errorType] ?? errorType;
      return sendJson(res, STATUS_BY_ERROR_TYPE[errorType] ?? 500, errorBody(errorType, message, p.requestId), {
        'request-id': p.requestId,
      });
    }
    // drop / truncate / stall: headers plus part of the JSON body, then the failure.
    const whole = JSON.stringify(messageObject(p, [{ type: 'text', text: p.text }], p.stopReason, null, p.usage.outputTokens));
    const part = whole.slice(0, Math.max(1, Math.floor(whole.length / 2)));
    res.writeHead(200, { 'content-type': 'application/json', 'request-id': p.requestId });
    if (!(await ex.write(part))) return;
    if (s.kind === 'truncate') return void res.end();
    if (s.kind === 'drop') {
      await Promise.race([ex.lastFlush, ex.park()]);
      if (!(await ex.sleep(s.dropDelayMs ?? 20))) return;
      return void res.destroy();
    }
    return ex.park();
  }

  // -------------------------------------------------------------------------
  // Public handle
  // -------------------------------------------------------------------------

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address();
  const url = `http://127.0.0.1:${addr.port}`;

  /** @type {import('./server.d.ts').FakeAnthropic} */
  const api = {
    url,
    port: addr.port,
    requests,
    countTokensRequests,
    enqueue(...scenarios) {
      for (const s of scenarios) validateScenario(s);
      queue.push(...scenarios);
    },
    setDefault(s) {
      defaultScenario = validateScenario(s);
    },
    get defaultScenario() {
      return defaultScenario;
    },
    get queued() {
      return queue.length;
    },
    reset() {
      promptCache?.clear();
      queue.length = 0;
      requests.length = 0;
      countTokensRequests.length = 0;
    },
    waitForRequests(n, timeoutMs = 5000) {
      if (requests.length >= n) return Promise.resolve();
      if (closed) return Promise.reject(new Error('fake-anthropic: server is closed'));
      return new Promise((resolve, reject) => {
        const w = {
          n,
          resolve,
          reject,
          timer: setTimeout(() => {
            waiters.delete(w);
            reject(
              new Error(
                `fake-anthropic: timed out after ${timeoutMs} ms waiting for ${n} request(s), got ${requests.length}`,
              ),
            );
          }, timeoutMs),
        };
        waiters.add(w);
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const w of waiters) {
        clearTimeout(w.timer);
        w.reject(new Error('fake-anthropic: server closed while waiting for requests'));
      }
      waiters.clear();
      for (const ex of [...exchanges]) ex.finish();
      const done = new Promise((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      sockets.clear();
      server.closeAllConnections?.();
      await done;
    },
  };
  return api;
}

/**
 * The credential a request carried: `x-api-key`, else the token of
 * `authorization: Bearer <token>` (SDK 1.x sends `apiKey` that way), else null.
 */
export function credentialOf(headers) {
  if (headers['x-api-key']) return headers['x-api-key'];
  const m = /^Bearer\s+(.+)$/i.exec(headers['authorization'] ?? '');
  return m ? m[1].trim() : null;
}

/** Map of header name (lower-case) to value; repeated headers joined with ", ". */
function normalizeHeaders(h) {
  const out = {};
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
  }
  return out;
}
