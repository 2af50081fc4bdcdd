// Issue 14: the second reader. After a complete reply, with a key, a cheap model re-reads the
// creator's message (one non-streaming JSON request to the fake server) and proposes what the
// rules missed; `coach ask` shows the proposals as suggestions with the command that accepts
// them, records nothing, logs the request as kind `detect` (cost cap yes, message limit no) and
// never lets its failure touch the exchange.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeAnthropic, type FakeAnthropic, type Scenario } from '../fake-anthropic/server.js';
import { runCli, setupProject, tempHome } from '../helpers/cli.js';
import { query, usage } from '../helpers/db.js';

const KEY = 'sk-ant-api03-READERREADERREADER-abcd1234';
let fake: FakeAnthropic;
let home: string;
let cleanup: () => void;

beforeAll(async () => {
  fake = await startFakeAnthropic();
});
afterAll(() => fake.close());
beforeEach(async () => {
  ({ home, cleanup } = tempHome('coach-reader-'));
  fake.reset();
  await setupProject(home);
});
afterEach(() => cleanup());

const env = (extra: Record<string, string> = {}) => ({ ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: fake.url, COACH_SECOND_READER: '1', ...extra });
const ask = (text: string, extra: Record<string, string> = {}, args: string[] = []) => runCli(['ask', ...args, text], { home, env: env(extra) });
// Words the rules cannot read (an unknown platform, a synonym of no task keyword): whatever the
// detector learns, these proposals stay the second reader's own.
const MESSAGE = 'ok so the members will hang out on Kitchen Table from now on. Also 212 people answered my questionnaire.';
const CHAT: Scenario = { kind: 'reply', text: 'Good progress.', usage: { input_tokens: 1000, output_tokens: 100 } };
const answer = (json: unknown, usage = { input_tokens: 800, output_tokens: 60 }): Scenario => ({ kind: 'reply', text: typeof json === 'string' ? json : JSON.stringify(json), usage });
const PROPOSALS = {
  decisions: [{ category: 'platform', value: 'Kitchen Table', quote: 'the members will hang out on Kitchen Table', rationale: null }],
  completions: [{ taskId: 't2', quote: '212 people answered my questionnaire' }],
};
const decisionRows = () => query(home, 'SELECT category, value FROM project_decisions');
const doneRows = () => query(home, 'SELECT task_id FROM project_task_completions WHERE done = 1');
const detectRows = () => usage(home).filter((u) => u.kind === 'detect');
const stderrLines = (s: string) => s.split('\n').filter(Boolean);
async function titleOf(id: string): Promise<string> {
  const r = await runCli(['tasks', 'list', '--json'], { home });
  return (JSON.parse(r.stdout) as { id: string; title: string }[]).find((t) => t.id === id)!.title;
}

describe('second reader: proposals become suggestions, never records', () => {
  it('prints each proposal on stderr with the command that accepts it, and records nothing', async () => {
    fake.enqueue(CHAT, answer(PROPOSALS));
    const r = await ask(MESSAGE);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('Good progress.\n');
    const lines = stderrLines(r.stderr);
    expect(lines).toContain('the second reader suggests a platform decision: Kitchen Table — to record it: coach decisions add --category platform "Kitchen Table"');
    expect(lines).toContain(`the second reader suggests t2 ${await titleOf('t2')} is done — to mark it: coach tasks done t2`);
    // Its cost is on the status line, apart from the reply's: 800 × $1 + 60 × $5 per MTok.
    expect(lines).toContain('claude-sonnet-4-6 · 1000 in / 100 out tokens · $0.0045 (+ $0.0011 second reader) · 1/50 messages today');
    expect(decisionRows().filter((d) => d.value === 'Kitchen Table')).toEqual([]);
    expect(doneRows().filter((d) => d.task_id === 't2')).toEqual([]);

    // One chat request (streamed) then one reader request (JSON, the cheap model).
    expect(fake.requests).toHaveLength(2);
    const [chat, reader] = fake.requests;
    expect(chat!.stream).toBe(true);
    expect(reader!.stream).toBe(false);
    expect(reader!.body.model).toBe('claude-haiku-4-5');
    expect(reader!.body.max_tokens).toBe(600);
    expect(reader!.apiKey).toBe(KEY);
    const prompt = reader!.body.messages[0]!.content as string;
    expect(prompt).toContain(`<creator_message>\n${MESSAGE}\n</creator_message>`);
    const today = new Date().toISOString().slice(0, 10); // TZ=UTC in the tests
    expect(prompt.split('\n')[0]).toMatch(new RegExp(`^Today is [A-Z][a-z]+day ${today}; the target launch date is \\d{4}-\\d{2}-\\d{2}\\.$`));
    expect(prompt).toContain(`\nt2: ${await titleOf('t2')}\n`);
    expect(prompt).not.toContain('Good progress.'); // the coach's words are never read for decisions

    // The suggested command really does what the line says.
    const accepted = await runCli(['decisions', 'add', '--category', 'platform', 'Kitchen Table'], { home });
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(decisionRows()).toContainEqual({ category: 'platform', value: 'Kitchen Table' });
    expect((await runCli(['tasks', 'done', 't2'], { home })).code).toBe(0);
    expect(doneRows()).toContainEqual({ task_id: 't2' });
  });

  it('adds a suggestions array (rules and reader, with commands) and the reader outcome to --json', async () => {
    fake.enqueue(CHAT, answer(PROPOSALS));
    const r = await ask(MESSAGE, {}, ['--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    const reader = out.suggestions.filter((s: { source: string }) => s.source === 'reader');
    expect(reader).toEqual([
      { source: 'reader', kind: 'decision', category: 'platform', tier: null, value: 'Kitchen Table', quote: 'the members will hang out on Kitchen Table', rationale: null, command: 'coach decisions add --category platform "Kitchen Table"' },
      { source: 'reader', kind: 'task', taskId: 't2', title: await titleOf('t2'), quote: '212 people answered my questionnaire', command: 'coach tasks done t2' },
    ]);
    for (const s of out.suggestions) expect(['rules', 'reader']).toContain(s.source);
    // 800 input tokens at $1/MTok + 60 output at $5/MTok = 1100 µ$
    expect(out.secondReader).toEqual({ status: 'ok', model: 'claude-haiku-4-5', costUSD: 0.0011, dropped: 0 });
    expect(out.limit).toEqual({ used: 1, limit: 50 });
    expect(r.stderr).not.toMatch(/second reader suggests/); // --json: stdout carries it
  });

  it('names the pricing tier: accepting a founding price keeps the regular one', async () => {
    expect((await runCli(['decisions', 'add', '--category', 'pricing', '29 USD/month'], { home })).code).toBe(0);
    const message = 'Thinking about it more: the first 50 people in pay fifteen a month, forever.';
    fake.enqueue(CHAT, answer({ decisions: [{ category: 'pricing', tier: 'founding', value: '15 USD/month', quote: 'the first 50 people in pay fifteen a month, forever' }] }));
    const r = await ask(message, {}, ['--json']);
    expect(r.code, r.stderr).toBe(0);
    const [s] = JSON.parse(r.stdout).suggestions.filter((x: { source: string }) => x.source === 'reader');
    expect(s).toMatchObject({ kind: 'decision', category: 'pricing', tier: 'founding', value: '15 USD/month', command: 'coach decisions add --category pricing --tier founding "15 USD/month"' });
    expect(fake.requests[1]!.body.messages[0]!.content).toContain('<active_decisions>\npricing (regular): 29 USD/month\n</active_decisions>');
    const accepted = await runCli(['decisions', 'add', '--category', 'pricing', '--tier', 'founding', '15 USD/month'], { home });
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(query(home, "SELECT tier, value FROM project_decisions WHERE status = 'active' ORDER BY id")).toEqual([{ tier: 'regular', value: '29 USD/month' }, { tier: 'founding', value: '15 USD/month' }]);
    const wrong = await runCli(['decisions', 'add', '--category', 'platform', '--tier', 'founding', 'Skool'], { home });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/--tier is for pricing decisions, not platform/);
  });

  it('quotes a value for the shell and names an explicit --profile in the command', async () => {
    const p = await runCli(['--profile', 'studio', 'profile', 'set', '--name', 'Sam', '--niche', 'pottery', '--platform', 'youtube:20000'], { home });
    expect(p.code, p.stderr).toBe(0);
    expect((await runCli(['--profile', 'studio', 'project', 'start', '--offline'], { home })).code).toBe(0);
    fake.enqueue(CHAT, answer({ decisions: [{ category: 'pricing', value: '$25/month', quote: 'twenty-five a month' }], completions: [] }));
    const r = await runCli(['--profile', 'studio', 'ask', "OK: twenty-five a month, that's the price."], { home, env: env() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("to record it: coach --profile studio decisions add --category pricing '$25/month'");
  });
});

describe('second reader: what it proposes is checked', () => {
  it('drops unknown task ids, done tasks, invalid categories, words the creator never wrote, and repeats', async () => {
    fake.enqueue(CHAT, answer({
      decisions: [
        { category: 'audience', value: 'bakers', quote: 'the members' }, // not a category
        { category: 'pricing', value: '49 USD/month', quote: 'I will charge $49' }, // not in the message
        { category: 'platform', value: 'Kitchen Table', quote: 'hang out on  Kitchen   Table' }, // kept (spacing is not a difference)
        { category: 'platform', value: 'kitchen table', quote: 'on Kitchen Table' }, // repeat of the one above
        { category: 'platform', value: 42, quote: 'Kitchen Table' }, // wrong type
      ],
      completions: [
        { taskId: 't99', quote: 'answered my questionnaire' }, // not in the plan
        { taskId: 'survey', quote: 'answered my questionnaire' }, // not a task id
        { taskId: 't1', quote: 'I finished my core promise' }, // not in the message
      ],
    }));
    const r = await ask(MESSAGE, {}, ['--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.suggestions.filter((s: { source: string }) => s.source === 'reader').map((s: { value?: string; taskId?: string }) => s.value ?? s.taskId)).toEqual(['Kitchen Table']);
    expect(out.secondReader).toMatchObject({ status: 'ok', dropped: 7 });
    expect(decisionRows()).toEqual([]);
  });

  it('reads nothing from malformed JSON, but still logs what the request cost', async () => {
    fake.enqueue(CHAT, answer('{"decisions": [{"category": "platform", "value": "Kitchen Table", "quote": "Kitchen Table"}', { input_tokens: 700, output_tokens: 20 }));
    const r = await ask(MESSAGE, {}, ['--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.suggestions.filter((s: { source: string }) => s.source === 'reader')).toEqual([]);
    expect(out.secondReader).toEqual({ status: 'ok', model: 'claude-haiku-4-5', costUSD: 0.0008, dropped: 0 });
    expect(detectRows()).toMatchObject([{ status: 'ok', input_tokens: 700, output_tokens: 20, cost_micros: 800, counted: 0 }]);
  });

  it('does not re-propose what the creator already decided', async () => {
    expect((await runCli(['decisions', 'add', '--category', 'platform', 'Kitchen Table'], { home })).code).toBe(0);
    fake.enqueue(CHAT, answer(PROPOSALS));
    const r = await ask(MESSAGE, {}, ['--json']);
    const out = JSON.parse(r.stdout);
    expect(out.suggestions.filter((s: { source: string }) => s.source === 'reader').map((s: { kind: string }) => s.kind)).toEqual(['task']);
  });
});

describe('second reader: usage, limits and cost', () => {
  it('logs one detect row with the exact cost that does not count as a message', async () => {
    fake.enqueue(CHAT, answer(PROPOSALS, { input_tokens: 1234, output_tokens: 56 }));
    const r = await ask(MESSAGE);
    expect(r.code, r.stderr).toBe(0);
    const rows = usage(home);
    expect(rows.map((u) => [u.kind, u.status, u.counted])).toEqual([['chat', 'ok', 1], ['detect', 'ok', 0]]);
    // claude-haiku-4-5: $1 / $5 per MTok = µ$ per token
    expect(rows[1]).toMatchObject({ model: 'claude-haiku-4-5', input_tokens: 1234, output_tokens: 56, cost_micros: 1234 + 56 * 5, message_id: null });
  });

  it('does not use up the daily message limit', async () => {
    fake.enqueue(CHAT, answer(PROPOSALS), CHAT, answer(PROPOSALS));
    const first = await ask('first question', { COACH_DAILY_MESSAGE_LIMIT: '2' });
    const second = await ask('second question', { COACH_DAILY_MESSAGE_LIMIT: '2' }, ['--json']);
    expect(first.code, first.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout).limit).toEqual({ used: 2, limit: 2 });
    expect(detectRows()).toHaveLength(2);
  });

  it('counts toward the daily cost cap', async () => {
    // chat 1000 in / 100 out on sonnet = 4500 µ$; reader 800/60 on haiku = 1100 µ$. Cap $0.005:
    // without the reader the next message would be allowed (4500 < 5000); with it, it is refused.
    fake.enqueue(CHAT, answer(PROPOSALS));
    const first = await ask('first question', { COACH_DAILY_COST_CAP_USD: '0.005' });
    expect(first.code, first.stderr).toBe(0);
    const second = await ask('second question', { COACH_DAILY_COST_CAP_USD: '0.005' });
    expect(second.code).toBe(3);
    expect(second.stderr).toMatch(/daily cost cap reached \(\$0\.0056 of \$0\.0050 today\)/);
  });

  it('holds its estimate against the cap while it runs (like any request), and releases it when it fails', async () => {
    fake.enqueue(CHAT, { kind: 'hang_before_headers' });
    const running = ask(MESSAGE, { COACH_DAILY_COST_CAP_USD: '5', COACH_STALL_TIMEOUT_SECONDS: '2' });
    await fake.waitForRequests(2, 15_000);
    const [held] = query<{ status: string; cost_micros: number }>(home, "SELECT status, cost_micros FROM ai_usage_logs WHERE kind = 'detect'");
    // ~700 prompt tokens at $1/MTok + a full 600-token answer at $5/MTok
    expect(held!.status).toBe('pending');
    expect(held!.cost_micros).toBeGreaterThan(3000 + 500);
    expect(held!.cost_micros).toBeLessThan(3000 + 2000);
    const r = await running;
    expect(r.code, r.stderr).toBe(0);
    expect(detectRows()).toMatchObject([{ status: 'error', cost_micros: 0 }]);
  });

  it('is skipped, without a request or a row, once the reply itself reached the cost cap', async () => {
    fake.enqueue(CHAT);
    const r = await ask('a question', { COACH_DAILY_COST_CAP_USD: '0.004' });
    expect(r.code, r.stderr).toBe(0);
    expect(fake.requests).toHaveLength(1);
    expect(detectRows()).toEqual([]);
  });
});

describe('second reader: its failure never fails the exchange', () => {
  // A stall after the headers: the API has read the prompt, so its input tokens are estimated.
  const failures: { name: string; scenarios: Scenario[]; requests: number; error: RegExp; billed: boolean }[] = [
    { name: 'a 500 (retried once)', scenarios: [{ kind: 'http_error', status: 500, retryAfterMs: 1 }, { kind: 'http_error', status: 500, retryAfterMs: 1 }], requests: 3, error: /\(500\)/, billed: false },
    { name: 'a 401', scenarios: [{ kind: 'http_error', status: 401 }], requests: 2, error: /rejected \(401\)/, billed: false },
    { name: 'a stall mid-answer', scenarios: [{ kind: 'stall', afterChunks: 0, text: JSON.stringify(PROPOSALS) }], requests: 2, error: /timed out after 1 s \(input tokens estimated/, billed: true },
    { name: 'no answer at all', scenarios: [{ kind: 'hang_before_headers' }], requests: 2, error: /^the second reader timed out after 1 s$/, billed: false },
  ];
  for (const f of failures) {
    it(`${f.name}: exit 0, the reply and its usage stand, one error row for the reader`, async () => {
      fake.enqueue(CHAT, ...f.scenarios);
      const t0 = Date.now();
      const r = await ask(MESSAGE, { COACH_STALL_TIMEOUT_SECONDS: '1' }, ['--json']);
      expect(r.code, r.stderr).toBe(0);
      expect(Date.now() - t0).toBeLessThan(10_000);
      const out = JSON.parse(r.stdout);
      expect(out).toMatchObject({ reply: 'Good progress.', status: 'complete' });
      expect(out.error).toBeUndefined();
      expect(out.secondReader).toMatchObject({ status: 'error' });
      expect(fake.requests).toHaveLength(f.requests);
      expect(usage(home).map((u) => [u.kind, u.status])).toEqual([['chat', 'ok'], ['detect', 'error']]);
      expect(detectRows()[0]!.error).toMatch(f.error);
      expect(detectRows()[0]!.counted).toBe(0);
      const { input_tokens: input, cost_micros: cost } = detectRows()[0]!;
      if (f.billed) {
        expect(input).toBeGreaterThan(300);
        expect(cost).toBe(input); // haiku: $1/MTok input
      } else expect([input, cost]).toEqual([0, 0]);
      expect(r.stderr).not.toMatch(/^coach:/m);
      expect(r.stderr + r.stdout + JSON.stringify(usage(home))).not.toContain('READERREADER');
    });
  }

  it('says one dim line about the failure under --debug, nothing without it', async () => {
    fake.enqueue(CHAT, { kind: 'http_error', status: 401 }, CHAT, { kind: 'http_error', status: 401 });
    const quiet = await ask(MESSAGE);
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stderr).not.toMatch(/second reader/);
    const loud = await runCli(['--debug', 'ask', MESSAGE], { home, env: env() });
    expect(loud.code, loud.stderr).toBe(0);
    expect(stderrLines(loud.stderr).filter((l) => l.includes('second reader'))).toEqual(['second reader: failed (the API key was rejected (401))']);
  });
});

describe('second reader: the setting', () => {
  it('off (env or config) → no second request; offline → none either', async () => {
    fake.enqueue(CHAT, CHAT);
    const r = await ask(MESSAGE, { COACH_SECOND_READER: '0' });
    expect(r.code, r.stderr).toBe(0);
    expect(fake.requests).toHaveLength(1);

    const set = await runCli(['config', 'set', 'secondReader', 'off'], { home });
    expect(set.code, set.stderr).toBe(0);
    const r2 = await runCli(['ask', MESSAGE], { home, env: { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: fake.url, COACH_SECOND_READER: undefined } });
    expect(r2.code, r2.stderr).toBe(0);
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests.every((q) => q.stream)).toBe(true);

    const offline = await ask(MESSAGE, {}, ['--offline']);
    expect(offline.code, offline.stderr).toBe(0);
    expect(fake.requests).toHaveLength(2);
    expect(detectRows()).toEqual([]);
  });

  it('is listed by `config list`, on by default, and refuses a value that is not on/off', async () => {
    const list = await runCli(['config', 'list', '--json'], { home, env: { COACH_SECOND_READER: undefined } });
    const rows = JSON.parse(list.stdout).settings as { key: string; value: unknown; source: string }[];
    expect(rows.find((s) => s.key === 'secondReader')).toEqual({ key: 'secondReader', value: true, source: 'default' });
    expect(rows.find((s) => s.key === 'secondReaderModel')).toEqual({ key: 'secondReaderModel', value: 'claude-haiku-4-5', source: 'default' });
    const bad = await runCli(['config', 'set', 'secondReader', 'maybe'], { home });
    expect(bad.code).toBe(2);
    expect(stderrLines(bad.stderr)[0]).toMatch(/^coach: secondReader cannot be "maybe": expected on or off/);
    const envBad = await runCli(['config', 'list'], { home, env: { COACH_SECOND_READER: 'perhaps' } });
    expect(envBad.code).toBe(2);
    expect(envBad.stderr).toMatch(/COACH_SECOND_READER: expected on or off/);
  });

  it('uses the secondReaderModel setting', async () => {
    expect((await runCli(['config', 'set', 'secondReaderModel', 'claude-3-5-haiku'], { home })).code).toBe(0);
    fake.enqueue(CHAT, answer(PROPOSALS, { input_tokens: 1000, output_tokens: 100 }));
    const r = await ask(MESSAGE);
    expect(r.code, r.stderr).toBe(0);
    expect(fake.requests[1]!.body.model).toBe('claude-3-5-haiku');
    expect(detectRows()[0]).toMatchObject({ model: 'claude-3-5-haiku', cost_micros: 1000 * 0.8 + 100 * 4 });
  });
});
