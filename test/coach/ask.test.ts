// Issue 4: `coach ask` against the local fake Anthropic server, through the real SDK.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeAnthropic, type FakeAnthropic } from '../fake-anthropic/server.js';
import { runCli, setupProject, tempHome } from '../helpers/cli.js';
import { messages, query, usage } from '../helpers/db.js';

const KEY = 'sk-ant-api03-SECRETSECRETSECRET-abcd1234';
let fake: FakeAnthropic;
let home: string;
let cleanup: () => void;

beforeAll(async () => {
  fake = await startFakeAnthropic();
});
afterAll(() => fake.close());
beforeEach(async () => {
  ({ home, cleanup } = tempHome());
  fake.reset();
  await setupProject(home);
});
afterEach(() => cleanup());

const env = (extra: Record<string, string> = {}) => ({ ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: fake.url, ...extra });
const ask = (text: string, extra: Record<string, string> = {}, args: string[] = []) => runCli(['ask', ...args, text], { home, env: env(extra) });
const chatRows = () => usage(home).filter((u) => u.kind === 'chat');

function expectNoKey(...texts: string[]) {
  for (const t of texts) {
    expect(t).not.toContain(KEY);
    expect(t).not.toContain('SECRETSECRET');
  }
}

describe('ask, happy path', () => {
  it('streams the reply, stores both messages and one usage row with the exact cost', async () => {
    fake.enqueue({ kind: 'reply', text: 'Start with **t1**: define your promise.', chunks: 5, usage: { input_tokens: 1234, output_tokens: 567, cache_creation_input_tokens: 100, cache_read_input_tokens: 2000 } });
    const r = await ask('What should I do first?');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('Start with **t1**: define your promise.\n');
    expect(r.stderr).toMatch(/claude-sonnet-4-6/);
    expect(r.stderr).toMatch(/1\/50 messages today/);
    const msgs = messages(home);
    expect(msgs.slice(-2).map((m) => [m.role, m.status, m.content])).toEqual([
      ['user', 'complete', 'What should I do first?'],
      ['assistant', 'complete', 'Start with **t1**: define your promise.'],
    ]);
    const [row] = chatRows();
    expect(row).toMatchObject({ status: 'ok', counted: 1, input_tokens: 1234, output_tokens: 567, cache_creation_tokens: 100, cache_read_tokens: 2000, message_id: msgs.at(-1)!.id });
    // $3 / $15 / $3.75 / $0.30 per MTok = µ$ per token
    expect(row!.cost_micros).toBe(1234 * 3 + 567 * 15 + 100 * 3.75 + 2000 * 0.3);
  });

  it('sends the model, the two system blocks, max_tokens and the recent messages with cache breakpoints', async () => {
    // 60 earlier messages (plus the welcome) in the project
    const seed = await import('better-sqlite3');
    const db = new seed.default(join(home, 'coach.db'));
    const insert = db.prepare("INSERT INTO project_chat_messages (project_id, role, content, status, created_at, updated_at) VALUES (1, ?, ?, 'complete', 1, 1)");
    for (let i = 0; i < 60; i++) insert.run(i % 2 ? 'assistant' : 'user', `m${i}`);
    db.close();
    fake.enqueue({ kind: 'reply', text: 'ok' });
    const r = await ask('latest question');
    expect(r.code, r.stderr).toBe(0);
    type Block = { type: string; text: string; cache_control?: unknown };
    const body = fake.requests[0]!.body as { model: string; max_tokens: number; system: Block[]; messages: { role: string; content: string | Block[] }[]; stream: boolean };
    expect(body.model).toBe('claude-sonnet-4-6');
    expect(body.max_tokens).toBe(4096);
    expect(body.stream).toBe(true);
    expect(body).not.toHaveProperty('temperature'); // SDK 1.14's Messages API has none
    // stable block cached, volatile block after it
    expect(body.system).toHaveLength(2);
    expect(body.system[0]!.cache_control).toEqual({ type: 'ephemeral' });
    expect(body.system[1]!.cache_control).toBeUndefined();
    expect(body.system[0]!.text).toMatch(/Jane Cooks/);
    expect(body.system[0]!.text).toMatch(/Current phase in full: P1 /);
    expect(body.system[0]!.text).toMatch(/Suggested price: \$\d+\/month \(band \$\d+–\$\d+\)/);
    expect(body.system[1]!.text).toMatch(/^## Today: \d{4}-\d\d-\d\d/);
    // 62 stored messages, a window of 30 whose start moves in steps of 20: from the 21st (m19, the
    // coach's, so it is left out rather than preceded by a made-up user turn) → m20 … m59 + the new one.
    expect(body.messages.map((m) => (typeof m.content === 'string' ? m.content : m.content[0]!.text))).toEqual([
      ...Array.from({ length: 40 }, (_, i) => `m${i + 20}`),
      'latest question',
    ]);
    expect(body.system[1]!.text).toContain('(21 earlier chat messages are not included below.)');
    expect(JSON.stringify(body)).not.toMatch(/Earlier conversation omitted/);
    body.messages.forEach((m, i) => i > 0 && expect(m.role).not.toBe(body.messages[i - 1]!.role));
    // the conversation's cache breakpoint is on the last message only
    expect(body.messages.at(-1)!.content).toEqual([{ type: 'text', text: 'latest question', cache_control: { type: 'ephemeral' } }]);
    expect(body.messages.slice(0, -1).every((m) => typeof m.content === 'string')).toBe(true);
    expect(fake.requests[0]!.apiKey).toBe(KEY);
  });

  it("asks for Claude's welcome as the app, not as a made-up creator message, then sends it as the opening", async () => {
    const { home: h2, cleanup: c2 } = tempHome();
    try {
      expect((await runCli(['profile', 'set', '--name', 'Jane Cooks', '--platform', 'instagram:45000:3.2'], { home: h2 })).code).toBe(0);
      fake.enqueue({ kind: 'reply', text: 'Welcome, Jane! Start with t1.' });
      expect((await runCli(['project', 'start'], { home: h2, env: env() })).code).toBe(0);
      const welcome = fake.requests[0]!.body as { messages: { role: string; content: string | { text: string }[] }[] };
      expect(welcome.messages).toHaveLength(1);
      const asked = welcome.messages[0]!.content;
      expect(typeof asked === 'string' ? asked : asked[0]!.text).toMatch(/^\[From the app, not the creator: they have just started this project/);
      expect(messages(h2).map((m) => [m.role, m.content])).toEqual([['assistant', 'Welcome, Jane! Start with t1.']]);
      fake.enqueue({ kind: 'reply', text: 'ok' });
      expect((await runCli(['ask', 'hello'], { home: h2, env: env() })).code).toBe(0);
      const next = fake.requests[1]!.body as { system: { text: string }[]; messages: { role: string }[] };
      expect(next.system[0]!.text).toMatch(/You wrote this welcome; they have read it:\nWelcome, Jane! Start with t1\.$/);
      expect(next.messages.map((m) => m.role)).toEqual(['user']);
    } finally {
      c2();
    }
  });

  it('puts the welcome into the system prompt (no made-up user turn) and marks offline-coach replies', async () => {
    expect((await runCli(['ask', '--offline', 'what should I do this week?'], { home })).code).toBe(0);
    const offlineReply = messages(home).at(-1)!;
    expect(offlineReply.model).toBe('offline-coach');
    fake.enqueue({ kind: 'reply', text: 'ok' });
    expect((await ask('and after that?')).code).toBe(0);
    const body = fake.requests[0]!.body as { system: { text: string }[]; messages: { role: string; content: string | { text: string }[] }[] };
    // the offline welcome is summed up in the system prompt, not sent as Claude's turn
    expect(body.system[0]!.text).toMatch(/## The welcome they saw when the project started\n\[The app's offline coach \(built-in rules, not you\) welcomed them: /);
    expect(body.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(body.messages[0]!.content).toBe('what should I do this week?');
    const marked = body.messages[1]!.content as string;
    expect(marked).toMatch(/^\[The app's offline coach answered this \(built-in rules, not you\): ".+" \(\d+ lines, not repeated here\)\]$/);
    expect(marked.length).toBeLessThan(Math.min(300, offlineReply.content.length));
  });

  it('prints the spec JSON shape with --json', async () => {
    fake.enqueue({ kind: 'reply', text: 'Great choice.', usage: { input_tokens: 100, output_tokens: 10 } });
    const r = await ask("I've decided to charge $29/month because it matches my audience", {}, ['--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['reply', 'model', 'usage', 'costUSD', 'decisions', 'tasksCompleted', 'limit']));
    expect(out).toMatchObject({ reply: 'Great choice.', model: 'claude-sonnet-4-6', usage: { inputTokens: 100, outputTokens: 10, cacheCreationTokens: 0, cacheReadTokens: 0 }, costUSD: 0.00045, limit: { used: 1, limit: 50 } });
    expect(out.decisions).toEqual([expect.objectContaining({ category: 'pricing', value: '29 USD/month', status: 'active' })]);
  });
});

describe('ask, faults', () => {
  it('retries a 429 with retry-after transparently', async () => {
    fake.enqueue({ kind: 'http_error', status: 429, retryAfterMs: 1 }, { kind: 'reply', text: 'after retry' });
    const r = await ask('hello');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('after retry\n');
    expect(fake.requests).toHaveLength(2);
    expect(chatRows()).toHaveLength(1);
    expect(chatRows()[0]!.status).toBe('ok');
  });

  const faults = [
    { name: '529 three times', scenarios: [1, 2, 3].map(() => ({ kind: 'http_error' as const, status: 529, retryAfterMs: 1 })), code: 5, line: /overloaded \(529\)/, partial: '', status: 'error', counted: 0 },
    { name: '500 three times', scenarios: [1, 2, 3].map(() => ({ kind: 'http_error' as const, status: 500, retryAfterMs: 1 })), code: 5, line: /API returned an error \(500\)/, partial: '', status: 'error', counted: 0 },
    { name: '401', scenarios: [{ kind: 'http_error' as const, status: 401 }], code: 4, line: /API key was rejected/, partial: '', status: 'error', counted: 0 },
    { name: 'an error event mid-stream', scenarios: [{ kind: 'stream_error' as const, afterChunks: 3, chunks: ['one ', 'two ', 'three ', 'four ', 'five ', 'six'] }], code: 5, line: /overloaded|error/, partial: 'one two three', status: 'interrupted', counted: 1 },
    { name: 'a dropped socket', scenarios: [{ kind: 'drop' as const, afterChunks: 2, chunks: ['alpha ', 'beta ', 'gamma ', 'delta'] }], code: 5, line: /connection to the API dropped/, partial: 'alpha beta', status: 'interrupted', counted: 1 },
    { name: 'a stall past the watchdog', scenarios: [{ kind: 'stall' as const, afterChunks: 2, chunks: ['slow ', 'and ', 'then ', 'nothing'] }], code: 5, line: /stopped sending data for 1 s/, partial: 'slow and', status: 'interrupted', counted: 1 },
  ];
  for (const f of faults) {
    it(`handles ${f.name}: exit ${f.code}, one line, nothing lost`, async () => {
      fake.enqueue(...f.scenarios);
      const r = await ask('my question', { COACH_STALL_TIMEOUT_SECONDS: '1' });
      expect(r.code, r.stderr).toBe(f.code);
      const errorLines = r.stderr.split('\n').filter((l) => l.startsWith('coach:'));
      expect(errorLines).toHaveLength(1);
      expect(errorLines[0]).toMatch(f.line);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expectNoKey(r.stdout, r.stderr);
      const msgs = messages(home);
      const [user, assistant] = msgs.slice(-2);
      expect(user).toMatchObject({ role: 'user', content: 'my question', status: 'complete' });
      expect(assistant!.role).toBe('assistant');
      expect(assistant!.status).toBe(f.status);
      expect(assistant!.content.replace(/\s+/g, ' ').trim()).toBe(f.partial);
      const rows = chatRows();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ status: f.status, counted: f.counted });
      expect(rows[0]!.error).toBeTruthy();
    });
  }
});

describe('limits', () => {
  it('refuses the 4th message with limit 3 and makes no request', async () => {
    fake.setDefault({ kind: 'reply', text: 'ok' });
    for (let i = 0; i < 3; i++) expect((await ask(`q${i}`, { COACH_DAILY_MESSAGE_LIMIT: '3' })).code).toBe(0);
    const before = messages(home).length;
    const r = await ask('q4', { COACH_DAILY_MESSAGE_LIMIT: '3' });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/daily message limit reached \(3\/3\).*resets at local midnight/);
    expect(fake.requests).toHaveLength(3);
    expect(messages(home)).toHaveLength(before);
    expect(chatRows().map((u) => u.status)).toEqual(['ok', 'ok', 'ok', 'refused']);
  });

  it('lets exactly 5 of 10 concurrent processes through with limit 5', async () => {
    fake.setDefault({ kind: 'reply', text: 'ok', tokenDelayMs: 5, chunks: 3 });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => ask(`concurrent ${i}`, { COACH_DAILY_MESSAGE_LIMIT: '5' })));
    const codes = results.map((r) => r.code).sort();
    expect(codes).toEqual([0, 0, 0, 0, 0, 3, 3, 3, 3, 3]);
    expect(fake.requests).toHaveLength(5);
    for (const r of results) expect(r.stderr).not.toMatch(/SQLITE_BUSY|database is locked/);
    expect(chatRows().filter((u) => u.status === 'ok')).toHaveLength(5);
  });

  it('does not use up a message when the API was never reached', async () => {
    const r = await runCli(['ask', 'hello'], { home, env: { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: 'http://127.0.0.1:9' } });
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/cannot reach the Anthropic API/);
    expect(chatRows()).toEqual([expect.objectContaining({ status: 'error', counted: 0 })]);
  }, 30_000);

  it('refuses requests past the daily cost cap', async () => {
    fake.setDefault({ kind: 'reply', text: 'pricey', usage: { input_tokens: 1_000_000, output_tokens: 0 } });
    expect((await ask('one', { COACH_DAILY_COST_CAP_USD: '2' })).code).toBe(0); // $3
    const r = await ask('two', { COACH_DAILY_COST_CAP_USD: '2' });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/daily cost cap reached \(\$3\.00 of \$2\.00 today\)/);
    expect(fake.requests).toHaveLength(1);
  });

  it('warns on stderr past the cost warning threshold', async () => {
    fake.setDefault({ kind: 'reply', text: 'pricey', usage: { input_tokens: 1_000_000, output_tokens: 0 } });
    const r = await ask('one', { COACH_COST_WARNING_USD: '1' });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: today's AI cost is \$3\.00, past your warning threshold of \$1\.00/);
  });

  it('refuses an oversized message before any request', async () => {
    const r = await ask('x'.repeat(20_000));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/too long \(~5,000 tokens; the limit is 4,000\)/);
    expect(fake.requests).toHaveLength(0);
    expect(messages(home).filter((m) => m.role === 'user')).toHaveLength(0);
  });
});

describe('offline coach', () => {
  it('answers from the plan with no key and writes no API usage', async () => {
    const r = await runCli(['ask', 'What should I do next?'], { home });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/offline coach/);
    expect(r.stdout).toMatch(/t1 Define the community's core promise/);
    // On the CLI the offline coach names the command, not a key.
    expect(r.stdout).toContain('`coach tasks done t1`');
    expect(r.stdout).not.toMatch(/Ctrl\+|Space on/);
    expect(usage(home)).toEqual([]);
    expect(fake.requests).toHaveLength(0);
  });

  it('reacts to decisions and completions it records', async () => {
    const r = await runCli(['ask', "I've decided to charge $29/month because it matches my audience"], { home });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Recorded pricing decision: 29 USD\/month/);
    expect(r.stdout).toMatch(/(Noted|Recorded|Got it) — your \*\*pricing\*\* decision: 29 USD\/month/);
    // It comments on the price against the band instead of repeating the pricing lecture.
    expect(r.stdout).toMatch(/(Inside|under|above) your \$\d+–\$\d+ band/);
    const decisions = JSON.parse((await runCli(['decisions', 'list', '--json'], { home })).stdout);
    expect(decisions[0]).toMatchObject({ category: 'pricing', value: '29 USD/month', rationale: expect.stringMatching(/matches my audience/) });
  });

  it('answers the question asked, and does not repeat its advice when asked again', async () => {
    const first = await runCli(['ask', 'churn is 12% what do I do'], { home });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/\*\*12%\*\*/);
    expect(first.stdout).toMatch(/8\.3 months/);
    const advice = first.stdout.split('\n').find((l) => l.length > 25 && !/\d/.test(l));
    expect(advice).toBeDefined();
    const again = await runCli(['ask', 'churn is 12% what do I do'], { home });
    expect(again.stdout).toMatch(/8\.3 months/);
    expect(again.stdout).not.toContain(advice!);
  });

  it('is used with --offline even when a key is set, and is not counted', async () => {
    const r = await ask('what next?', { COACH_DAILY_MESSAGE_LIMIT: '1' }, ['--offline', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ model: 'offline-coach', costUSD: 0 });
    expect(fake.requests).toHaveLength(0);
    expect(usage(home)).toEqual([]);
  });
});

describe('the key', () => {
  it('never appears in output, the database or anywhere but the settings file', async () => {
    const set = await runCli(['config', 'set-key'], { home, input: `${KEY}\n` });
    expect(set.code, set.stderr).toBe(0);
    expect(set.stderr).toMatch(/sk-ant-…1234/);
    fake.enqueue({ kind: 'http_error', status: 401 }, { kind: 'reply', text: 'fine' });
    const runs = [
      await runCli(['ask', 'hi'], { home, env: { ANTHROPIC_BASE_URL: fake.url } }),
      await runCli(['ask', 'hi again', '--json'], { home, env: { ANTHROPIC_BASE_URL: fake.url } }),
      await runCli(['config', 'list'], { home }),
      await runCli(['config', 'list', '--json'], { home }),
      await runCli(['history', '--json'], { home }),
    ];
    expect(runs[0]!.code).toBe(4);
    expect(fake.requests.at(-1)!.apiKey).toBe(KEY);
    for (const r of runs) expectNoKey(r.stdout, r.stderr);
    expectNoKey(readFileSync(join(home, 'coach.db')).toString('latin1'));
    expect(query(home, "SELECT * FROM ai_usage_logs WHERE error LIKE '%SECRET%'")).toEqual([]);
    expect(readFileSync(join(home, 'settings.json'), 'utf8')).toContain(KEY);
  });
});
