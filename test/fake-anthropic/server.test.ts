// Tests of the fake Anthropic server against the REAL @anthropic-ai/sdk.
// They also pin down SDK behaviour the app relies on (retries, how a broken
// stream surfaces), so an SDK upgrade that changes it fails here first.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Anthropic from '@anthropic-ai/sdk';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createPromptCache,
  fillerText,
  splitIntoChunks,
  startFakeAnthropic,
  type FakeAnthropic,
  type RecordedRequest,
} from './server.js';

const API_KEY = 'sk-ant-test-key-000000000000';
const PARAMS = {
  model: 'claude-sonnet-5',
  max_tokens: 256,
  system: 'You are a creator coach.',
  messages: [{ role: 'user' as const, content: 'How do I launch a paid community?' }],
};

let fake: FakeAnthropic;
let client: Anthropic;

beforeAll(async () => {
  fake = await startFakeAnthropic();
  client = new Anthropic({ apiKey: API_KEY, baseURL: fake.url, maxRetries: 2 });
});

afterEach(() => {
  fake.reset();
  fake.setDefault({ kind: 'reply' });
});

afterAll(async () => {
  await fake.close();
});

/** Iterate a raw SSE stream (`messages.create({stream: true})`), collecting text until it ends or throws. */
async function drainRaw(params: Anthropic.MessageCreateParamsStreaming, opts?: Anthropic.RequestOptions) {
  const types: string[] = [];
  const texts: string[] = [];
  let error: unknown;
  try {
    const stream = await client.messages.create(params, opts);
    for await (const ev of stream) {
      types.push(ev.type);
      if (ev.type === 'content_block_delta' && ev.delta.type === 'text_delta') texts.push(ev.delta.text);
    }
  } catch (e) {
    error = e;
  }
  return { types, texts, error };
}

describe('streaming reply', () => {
  it('assembles the exact text from separate deltas and reports the final usage', async () => {
    const chunks = ['Hello', ', ', 'creator', '! ', 'Ünïcödé ✓'];
    fake.enqueue({
      kind: 'reply',
      chunks,
      usage: { input_tokens: 42, output_tokens: 17, cache_read_input_tokens: 5, cache_creation_input_tokens: 2 },
    });
    const stream = client.messages.stream(PARAMS);
    const deltas: string[] = [];
    stream.on('text', (d) => deltas.push(d));
    const msg = await stream.finalMessage();

    expect(deltas).toEqual(chunks); // one `text` event per text_delta, in order
    expect(msg.content).toEqual([{ type: 'text', text: chunks.join('') }]);
    expect(msg.role).toBe('assistant');
    expect(msg.model).toBe(PARAMS.model); // echoes the request's model
    expect(msg.id).toMatch(/^msg_/);
    expect(msg.stop_reason).toBe('end_turn');
    expect(msg.usage).toMatchObject({
      input_tokens: 42,
      output_tokens: 17,
      cache_read_input_tokens: 5,
      cache_creation_input_tokens: 2,
    });
    expect(stream.request_id).toMatch(/^req_/);
  });

  it('sends the real event sequence, with pings the SDK skips', async () => {
    fake.enqueue({ kind: 'reply', text: 'one two three', pingEvery: 1, usage: { output_tokens: 3 } });
    const res = await fetch(`${fake.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
      body: JSON.stringify({ ...PARAMS, stream: true }),
    });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(res.headers.get('request-id')).toMatch(/^req_/);
    const raw = await res.text();
    const frames = raw.split('\n\n').filter(Boolean);
    for (const f of frames) expect(f).toMatch(/^event: [a-z_]+\ndata: \{.*\}$/);
    const events = frames.map((f) => f.split('\n')[0]!.slice('event: '.length));
    expect(events).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      'content_block_delta',
      'ping',
      'content_block_delta',
      'ping',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    const data = frames.map((f) => JSON.parse(f.slice(f.indexOf('data: ') + 6)));
    expect(data[0].message).toMatchObject({
      type: 'message',
      role: 'assistant',
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: expect.any(Number), output_tokens: 1, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
    });
    expect(data.at(-2)).toMatchObject({
      type: 'message_delta',
      delta: { stop_reason: 'end_turn', stop_sequence: null },
      usage: { output_tokens: 3 },
    });

    // The SDK drops the pings: only the six real event types reach the caller.
    fake.enqueue({ kind: 'reply', text: 'one two three', pingEvery: 1 });
    const { types, texts, error } = await drainRaw({ ...PARAMS, stream: true });
    expect(error).toBeUndefined();
    expect(types).not.toContain('ping');
    expect(texts).toEqual(['one ', 'two ', 'three']);
  });

  it('defaults to a deterministic echo of the last user message; honours chunks, delays, stop reason', async () => {
    const msg = await client.messages.stream(PARAMS).finalMessage();
    expect(msg.content).toEqual([{ type: 'text', text: 'Echo: How do I launch a paid community?' }]);

    fake.enqueue({ kind: 'reply', text: 'abcdef', chunks: 3, tokenDelayMs: 30, stopReason: 'max_tokens', model: 'claude-other' });
    const times: number[] = [];
    const s = client.messages.stream(PARAMS);
    s.on('text', () => times.push(Date.now()));
    const m2 = await s.finalMessage();
    expect(m2.content[0]).toMatchObject({ text: 'abcdef' });
    expect(m2.stop_reason).toBe('max_tokens');
    expect(m2.model).toBe('claude-other');
    expect(times).toHaveLength(3);
    expect(times[2]! - times[0]!).toBeGreaterThanOrEqual(50); // 2 gaps of ~30 ms
  });

  it('supports a fixed-size benchmark reply', async () => {
    const text = fillerText(500);
    fake.enqueue({ kind: 'reply', text });
    const msg = await client.messages.stream(PARAMS).finalMessage();
    expect(msg.usage.output_tokens).toBe(500);
    expect(msg.content[0]).toMatchObject({ text });
    expect(splitIntoChunks(text).join('')).toBe(text);
  });
});

describe('non-streaming and count_tokens', () => {
  it('answers stream:false with one JSON message', async () => {
    fake.enqueue({ kind: 'reply', text: 'Plain answer.', usage: { output_tokens: 4 } });
    const msg = await client.messages.create(PARAMS);
    expect(msg.content).toEqual([{ type: 'text', text: 'Plain answer.' }]);
    expect(msg.usage.output_tokens).toBe(4);
    expect(fake.requests[0]!.stream).toBe(false);
  });

  it('counts tokens approximately without consuming a scenario', async () => {
    fake.enqueue({ kind: 'reply', text: 'still queued' });
    const { input_tokens } = await client.messages.countTokens({ model: PARAMS.model, messages: PARAMS.messages, system: PARAMS.system });
    expect(input_tokens).toBeGreaterThan(5);
    expect(fake.countTokensRequests).toHaveLength(1);
    expect(fake.requests).toHaveLength(0);
    expect(fake.queued).toBe(1);
  });
});

describe('HTTP errors and SDK retries', () => {
  it('429 with retry-after: 0 then success is retried transparently (after the SDK backoff)', async () => {
    fake.enqueue({ kind: 'http_error', status: 429, retryAfter: 0 }, { kind: 'reply', text: 'after retry' });
    const t0 = Date.now();
    const msg = await client.messages.stream(PARAMS).finalMessage();
    const elapsed = Date.now() - t0;
    expect(msg.content[0]).toMatchObject({ text: 'after retry' });
    expect(fake.requests.map((r) => r.scenario)).toEqual(['http_error', 'reply']);
    expect(fake.requests.map((r) => r.headers['x-stainless-retry-count'])).toEqual(['0', '1']);
    // retry-after: 0 is treated as "no hint": the SDK sleeps its default backoff (0.5 s minus up to 25 % jitter).
    expect(elapsed).toBeGreaterThanOrEqual(350);
  });

  it('retry-after-ms: 1 retries at once', async () => {
    fake.enqueue({ kind: 'http_error', status: 429, retryAfterMs: 1 });
    const t0 = Date.now();
    await client.messages.create(PARAMS);
    expect(Date.now() - t0).toBeLessThan(300);
    expect(fake.requests).toHaveLength(2);
  });

  it('529 three times: the SDK gives up after 2 retries with OverloadedError (status 529)', async () => {
    const overloaded = { kind: 'http_error', status: 529, retryAfterMs: 1 } as const;
    fake.enqueue(overloaded, overloaded, overloaded, { kind: 'reply' });
    const err = await client.messages.stream(PARAMS).finalMessage().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.APIError);
    expect(err).toBeInstanceOf(Anthropic.InternalServerError);
    expect(err).toBeInstanceOf(Anthropic.OverloadedError);
    const apiErr = err as InstanceType<typeof Anthropic.APIError>;
    expect(apiErr.status).toBe(529);
    expect(apiErr.type).toBe('overloaded_error');
    expect(apiErr.requestID).toMatch(/^req_/);
    expect(apiErr.error).toMatchObject({ type: 'error', error: { type: 'overloaded_error' }, request_id: apiErr.requestID });
    expect(fake.requests).toHaveLength(3);
    expect(fake.queued).toBe(1);
  });

  it('401 is an AuthenticationError and is not retried', async () => {
    fake.enqueue({ kind: 'http_error', status: 401 }, { kind: 'reply' });
    const err = await client.messages.create(PARAMS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.AuthenticationError);
    expect((err as InstanceType<typeof Anthropic.APIError>).status).toBe(401);
    expect((err as InstanceType<typeof Anthropic.APIError>).type).toBe('authentication_error');
    expect(fake.requests).toHaveLength(1);
  });

  it('x-should-retry overrides the status-based decision', async () => {
    fake.enqueue({ kind: 'http_error', status: 500, shouldRetry: false }, { kind: 'reply' });
    const err = await client.messages.create(PARAMS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.InternalServerError);
    expect(fake.requests).toHaveLength(1);

    fake.reset();
    fake.enqueue({ kind: 'http_error', status: 400, shouldRetry: true, retryAfterMs: 1 }, { kind: 'reply' });
    await client.messages.create(PARAMS);
    expect(fake.requests).toHaveLength(2);
  });

  it('a non-JSON error body still maps to the status class', async () => {
    fake.enqueue({ kind: 'http_error', status: 403, rawBody: '<html>denied</html>' });
    const err = await client.messages.create(PARAMS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.PermissionDeniedError);
    expect((err as Error).message).toContain('<html>denied</html>');
  });

  it('a reset before headers is a connection error the SDK retries', async () => {
    fake.enqueue({ kind: 'drop_before_headers' }, { kind: 'reply', text: 'ok' });
    const msg = await client.messages.create(PARAMS);
    expect(msg.content[0]).toMatchObject({ text: 'ok' });
    expect(fake.requests).toHaveLength(2);

    fake.reset();
    fake.enqueue({ kind: 'drop_before_headers' });
    const err = await client.messages.create(PARAMS, { maxRetries: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.APIConnectionError);
    expect(err).not.toBeInstanceOf(Anthropic.APIConnectionTimeoutError);
  });

  it('hang before headers: the SDK timeout fires (APIConnectionTimeoutError)', async () => {
    fake.enqueue({ kind: 'hang_before_headers' });
    const t0 = Date.now();
    const err = await client.messages.create({ ...PARAMS, stream: true }, { timeout: 150, maxRetries: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.APIConnectionTimeoutError);
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});

describe('broken streams', () => {
  it('mid-stream error event: the SDK throws while iterating, after some text', async () => {
    fake.enqueue({ kind: 'stream_error', afterChunks: 2, text: 'alpha beta gamma delta', errorType: 'overloaded_error' });
    const { texts, error } = await drainRaw({ ...PARAMS, stream: true });
    expect(texts).toEqual(['alpha ', 'beta ']);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    const apiErr = error as InstanceType<typeof Anthropic.APIError>;
    expect(apiErr.status).toBeUndefined(); // HTTP was 200: no status, not retried
    expect(apiErr.type).toBe('overloaded_error');
    expect(apiErr.error).toMatchObject({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
    expect(fake.requests).toHaveLength(1);

    // MessageStream helper: text events, then finalMessage() rejects with the same kind of error.
    fake.enqueue({ kind: 'stream_error', afterChunks: 1, text: 'alpha beta', errorType: 'api_error' });
    const s = client.messages.stream(PARAMS);
    const seen: string[] = [];
    s.on('text', (d) => seen.push(d));
    const err = await s.finalMessage().catch((e: unknown) => e);
    expect(seen).toEqual(['alpha ']);
    expect(err).toBeInstanceOf(Anthropic.APIError);
    expect((err as InstanceType<typeof Anthropic.APIError>).type).toBe('api_error');
  });

  it('drop: the SDK throws a connection-level error after some text', async () => {
    fake.enqueue({ kind: 'drop', afterChunks: 2, text: 'alpha beta gamma delta' });
    const { texts, error } = await drainRaw({ ...PARAMS, stream: true });
    expect(texts).toEqual(['alpha ', 'beta ']);
    // Raw stream: undici's TypeError('terminated'), NOT an AnthropicError, not retried.
    expect(error).toBeInstanceOf(TypeError);
    expect(error).not.toBeInstanceOf(Anthropic.AnthropicError);
    expect((error as Error).message).toBe('terminated');
    expect(((error as Error).cause as { code?: string }).code).toBe('UND_ERR_SOCKET');

    // MessageStream helper: wrapped in a plain AnthropicError whose cause is that TypeError.
    fake.enqueue({ kind: 'drop', afterChunks: 1, text: 'alpha beta' });
    const s = client.messages.stream(PARAMS);
    const seen: string[] = [];
    s.on('text', (d) => seen.push(d));
    const err = await s.finalMessage().catch((e: unknown) => e);
    expect(seen).toEqual(['alpha ']);
    expect(err).toBeInstanceOf(Anthropic.AnthropicError);
    expect(err).not.toBeInstanceOf(Anthropic.APIError);
    expect((err as Error).cause).toBeInstanceOf(TypeError);
    expect(fake.requests).toHaveLength(2);
  });

  it('truncate: a raw stream ends WITHOUT error; only the MessageStream helper notices', async () => {
    fake.enqueue({ kind: 'truncate', afterChunks: 2, text: 'alpha beta gamma' });
    const { types, error } = await drainRaw({ ...PARAMS, stream: true });
    expect(error).toBeUndefined();
    expect(types).toEqual(['message_start', 'content_block_start', 'content_block_delta', 'content_block_delta']);

    fake.enqueue({ kind: 'truncate', afterChunks: 1, text: 'alpha beta' });
    const s = client.messages.stream(PARAMS);
    await expect(s.done()).resolves.toBeUndefined(); // done() does not notice
    const err = await s.finalMessage().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.AnthropicError);
    expect((err as Error).message).toMatch(/stream ended without producing a Message/);
  });

  it('stall: the SDK timeout does not cover the body; AbortController ends it', async () => {
    fake.enqueue({ kind: 'stall', afterChunks: 1, text: 'alpha beta gamma', pingIntervalMs: 20 });
    const ac = new AbortController();
    const s = client.messages.stream(PARAMS, { signal: ac.signal, timeout: 100, maxRetries: 0 });
    const seen: string[] = [];
    s.on('text', (d) => seen.push(d));
    const settled = s.finalMessage().then(
      () => 'resolved',
      (e: unknown) => e,
    );
    await new Promise((r) => setTimeout(r, 350)); // > 3 × the 100 ms timeout: still pending
    expect(seen).toEqual(['alpha ']);
    expect(await Promise.race([settled, Promise.resolve('pending')])).toBe('pending');
    ac.abort();
    const err = await settled;
    expect(err).toBeInstanceOf(Anthropic.APIUserAbortError);
    expect(s.aborted).toBe(true);
  });

  it('stall on a raw stream: aborting ends the for-await loop silently', async () => {
    fake.enqueue({ kind: 'stall', afterChunks: 1, text: 'alpha beta' });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const { texts, error } = await drainRaw({ ...PARAMS, stream: true }, { signal: ac.signal });
    expect(texts).toEqual(['alpha ']);
    expect(error).toBeUndefined();
  });

  it('close() never hangs on stalled and hanging exchanges; clients see a dropped connection', async () => {
    const own = await startFakeAnthropic({ defaultScenario: { kind: 'stall', afterChunks: 1, text: 'x y z' } });
    const c = new Anthropic({ apiKey: API_KEY, baseURL: own.url, maxRetries: 0 });
    own.enqueue({ kind: 'hang_before_headers' });
    const hanging = c.messages.create(PARAMS).catch((e: unknown) => e);
    const stalled = c.messages.stream(PARAMS).finalMessage().catch((e: unknown) => e);
    await own.waitForRequests(2, 2000);
    await new Promise((r) => setTimeout(r, 30));
    const waiting = own.waitForRequests(99, 60_000);
    const t0 = Date.now();
    await own.close();
    expect(Date.now() - t0).toBeLessThan(1000);
    await expect(waiting).rejects.toThrow(/closed/);
    expect(await hanging).toBeInstanceOf(Anthropic.APIConnectionError);
    expect(await stalled).toBeInstanceOf(Anthropic.AnthropicError);
    await own.close(); // idempotent
  });

  it('SDK gotcha: iterating a MessageStream with a slow consumer can swallow the error; done() still rejects', async () => {
    fake.enqueue({ kind: 'stream_error', afterChunks: 5, text: 'a b c d e f g h' });
    const s = client.messages.stream(PARAMS);
    let iterError: unknown;
    try {
      for await (const _ev of s) await new Promise((r) => setTimeout(r, 5));
    } catch (e) {
      iterError = e;
    }
    expect(iterError).toBeUndefined();
    await expect(s.done()).rejects.toBeInstanceOf(Anthropic.APIError);
  });
});

describe('recording and control', () => {
  it('records model, max_tokens, system, messages and the credential header', async () => {
    await client.messages.stream(PARAMS).finalMessage();
    await fake.waitForRequests(1, 1000);
    const rec: RecordedRequest = fake.requests[0]!;
    expect(rec.method).toBe('POST');
    expect(rec.path).toBe('/v1/messages');
    expect(rec.stream).toBe(true);
    expect(rec.scenario).toBe('reply');
    expect(rec.receivedAt).toBeGreaterThan(Date.now() - 10_000);
    expect(rec.body).toMatchObject({
      model: PARAMS.model,
      max_tokens: PARAMS.max_tokens,
      system: PARAMS.system,
      messages: PARAMS.messages,
      stream: true,
    });
    // SDK 1.x sends `apiKey` as `Authorization: Bearer <key>` — there is no x-api-key header.
    expect(rec.headers['authorization']).toBe(`Bearer ${API_KEY}`);
    expect(rec.headers['x-api-key']).toBeUndefined();
    expect(rec.apiKey).toBe(API_KEY);
    expect(rec.headers['anthropic-version']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(rec.headers['content-type']).toBe('application/json');
  });

  it('an explicit x-api-key header is recorded too', async () => {
    await client.messages.create(PARAMS, { headers: { 'x-api-key': API_KEY } });
    expect(fake.requests[0]!.headers['x-api-key']).toBe(API_KEY);
    expect(fake.requests[0]!.apiKey).toBe(API_KEY);
  });

  it('rejects what the real API rejects, without consuming a scenario', async () => {
    fake.enqueue({ kind: 'reply', text: 'kept' });
    const res = await fetch(`${fake.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(PARAMS),
    });
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body).toMatchObject({ type: 'error', error: { type: 'authentication_error' }, request_id: res.headers.get('request-id') });
    const err = await client.messages.create({ ...PARAMS, messages: [] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.BadRequestError);
    expect(fake.requests.map((r) => r.scenario)).toEqual(['rejected', 'rejected']);
    expect(fake.queued).toBe(1);
  });

  it('enqueue validates scenarios; waitForRequests times out with a clear error', async () => {
    expect(() => fake.enqueue({ kind: 'nope' } as never)).toThrow(TypeError);
    expect(() => fake.enqueue({ kind: 'http_error', status: 200 })).toThrow(TypeError);
    expect(fake.queued).toBe(0);
    await expect(fake.waitForRequests(1, 50)).rejects.toThrow(/timed out/);
  });

  it('control endpoints script the server over HTTP', async () => {
    const post = (path: string, body?: unknown) =>
      fetch(`${fake.url}${path}`, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) });
    let r = await post('/__control/enqueue', [{ kind: 'reply', text: 'scripted' }, { kind: 'http_error', status: 401 }]);
    expect(await r.json()).toEqual({ ok: true, queued: 2 });
    expect((await client.messages.create(PARAMS)).content[0]).toMatchObject({ text: 'scripted' });
    await expect(client.messages.create(PARAMS)).rejects.toBeInstanceOf(Anthropic.AuthenticationError);

    r = await post('/__control/enqueue', [{ kind: 'bogus' }]);
    expect(r.status).toBe(400);

    const listed = (await (await fetch(`${fake.url}/__control/requests`)).json()) as { requests: RecordedRequest[] };
    expect(listed.requests.map((q) => q.scenario)).toEqual(['reply', 'http_error']);

    r = await post('/__control/default', { kind: 'reply', text: 'new default' });
    expect(r.status).toBe(200);
    expect((await client.messages.create(PARAMS)).content[0]).toMatchObject({ text: 'new default' });

    r = await post('/__control/reset');
    expect(await r.json()).toEqual({ ok: true });
    expect(fake.requests).toHaveLength(0);

    const notFound = await fetch(`${fake.url}/v1/models`);
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toMatchObject({ type: 'error', error: { type: 'not_found_error' } });
  });
});

describe('cli.js', () => {
  it('prints its URL first, serves the SDK, and exits on SIGTERM', async () => {
    const cli = fileURLToPath(new URL('./cli.js', import.meta.url));
    const child = spawn(
      process.execPath,
      [cli, '--scenario', JSON.stringify({ kind: 'reply', text: 'from the cli' })],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const rl = createInterface({ input: child.stdout! });
      const [first] = (await once(rl, 'line')) as [string];
      expect(first).toMatch(/^FAKE_ANTHROPIC_URL=http:\/\/127\.0\.0\.1:\d+$/);
      const url = first.split('=')[1]!;
      const c = new Anthropic({ apiKey: API_KEY, baseURL: url, maxRetries: 0 });
      const msg = await c.messages.stream(PARAMS).finalMessage();
      expect(msg.content[0]).toMatchObject({ text: 'from the cli' });
      const listed = (await (await fetch(`${url}/__control/requests`)).json()) as { requests: RecordedRequest[] };
      expect(listed.requests).toHaveLength(1);
    } finally {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      expect(code).toBe(0);
    }
  });
});

describe('prompt cache simulation', () => {
  const big = (label: string) => `${label} `.repeat(1200); // 1,800–2,400 tokens
  const body = (messages: { role: string; content: unknown }[], system: unknown[]) => ({ model: 'claude-sonnet-4-6', max_tokens: 10, system, messages });
  const sys = [{ type: 'text', text: big('stable'), cache_control: { type: 'ephemeral' } }, { type: 'text', text: 'volatile: day 1' }];
  const turn = (text: string, mark: boolean) => ({ role: 'user', content: [{ type: 'text', text, ...(mark ? { cache_control: { type: 'ephemeral' } } : {}) }] });

  it('writes on the first request, then reads the stable prefix and the earlier conversation', () => {
    let t = 0;
    const cache = createPromptCache({ now: () => t });
    const first = cache.usage(body([turn(big('q1'), true)], sys));
    expect(first.cache_read_input_tokens).toBe(0);
    expect(first.cache_creation_input_tokens).toBeGreaterThan(3000); // system + the first message
    expect(first.input_tokens).toBe(0);
    // the next turn: the old messages lose their marker, the new last message carries it
    const second = cache.usage(body([turn(big('q1'), false), { role: 'assistant', content: 'a1' }, turn('q2', true)], sys));
    expect(second.cache_read_input_tokens).toBe(first.cache_creation_input_tokens);
    expect(second.cache_creation_input_tokens).toBeLessThan(10);
    // a changed volatile block breaks everything after it, but not the stable block before it
    const changed = [sys[0], { type: 'text', text: 'volatile: day 2' }];
    const third = cache.usage(body([turn(big('q1'), false), { role: 'assistant', content: 'a1' }, turn('q2', true)], changed));
    expect(third.cache_read_input_tokens).toBe(Math.ceil(sys[0]!.text.length / 4));
    expect(third.cache_creation_input_tokens).toBe(second.cache_read_input_tokens + second.cache_creation_input_tokens - third.cache_read_input_tokens);
    // entries expire after 5 minutes without a hit
    t += 5 * 60_000 + 1;
    expect(cache.usage(body([turn('q3', true)], sys)).cache_read_input_tokens).toBe(0);
  });

  it('caches nothing without breakpoints or below the minimum length', () => {
    const cache = createPromptCache();
    const plain = body([{ role: 'user', content: big('x') }], [{ type: 'text', text: big('s') }]);
    expect(cache.usage(plain)).toMatchObject({ cache_creation_input_tokens: 0, cache_read_input_tokens: 0 });
    const small = body([turn('hi', true)], [{ type: 'text', text: 'short', cache_control: { type: 'ephemeral' } }]);
    expect(cache.usage(small)).toMatchObject({ cache_creation_input_tokens: 0, cache_read_input_tokens: 0 });
    expect(cache.usage(small)).toMatchObject({ cache_creation_input_tokens: 0, cache_read_input_tokens: 0 });
  });

  it('reports the simulated counts through the SDK when the server is started with promptCache', async () => {
    const server = await startFakeAnthropic({ promptCache: true });
    try {
      const c = new Anthropic({ apiKey: API_KEY, baseURL: server.url, maxRetries: 0 });
      const params = { model: 'claude-sonnet-4-6', max_tokens: 10, system: sys as Anthropic.TextBlockParam[], messages: [turn('hello', true) as Anthropic.MessageParam] };
      const a = await c.messages.create(params);
      const b = await c.messages.create(params);
      expect(a.usage.cache_creation_input_tokens).toBeGreaterThan(1000);
      expect(b.usage).toMatchObject({ cache_creation_input_tokens: 0, cache_read_input_tokens: a.usage.cache_creation_input_tokens });
    } finally {
      await server.close();
    }
  });
});
