// Issue 18, reliability: the world goes away mid-reply. A closed stdout (`| head -c 20`) ends the
// exchange like a cancel, silently, exit 141; SIGHUP and SIGTERM are cancels too (129, 143); usage
// is persisted as it streams so a kill -9 leaves a priced row; and one rule for requests whose
// reply never started, killed or stalled: the message is given back.
import { describe, expect, it } from 'vitest';
import { fillerText } from '../fake-anthropic/server.js';
import { messages, query, usage } from '../helpers/db.js';
import { runCli } from '../helpers/cli.js';
import { costMicros } from '../../src/usage/prices.js';
import { KEY, expectOneCleanLine, startCli, useProjectWithFakeApi, waitFor } from './helpers.js';

const fx = useProjectWithFakeApi('coach-rel-sig-');

const askEnv = (extra: Record<string, string> = {}) => ({ ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: fx.fake.url, ...extra });
const REPLY = fillerText(600);
const slowReply = { kind: 'reply' as const, text: REPLY, tokenDelayMs: 30, usage: { input_tokens: 1200 } };
const assistantRows = () => messages(fx.home).filter((m) => m.role === 'assistant' && m.model !== 'offline-coach');
const chatUsage = () => usage(fx.home).filter((u) => u.kind === 'chat');
const intact = () => expect(query(fx.home, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);

/** The store after a cancelled exchange: partial kept and marked, usage settled, priced and counted. */
function expectSettledInterrupted(error: RegExp): void {
  const [user, assistant] = messages(fx.home).slice(-2);
  expect(user).toMatchObject({ role: 'user', status: 'complete' });
  expect(assistant).toMatchObject({ role: 'assistant', status: 'interrupted' });
  expect(assistant!.content.length).toBeGreaterThan(0);
  expect(REPLY.startsWith(assistant!.content)).toBe(true);
  const [u] = chatUsage();
  expect(u).toMatchObject({ status: 'interrupted', counted: 1, pid: null, input_tokens: 1200, message_id: assistant!.id });
  expect(u!.output_tokens).toBeGreaterThan(0);
  expect(u!.cost_micros).toBeGreaterThan(0);
  expect(u!.error).toMatch(error);
  intact();
}

describe('a closed stdout', () => {
  it('`coach ask … | head -c 20`: the exchange ends like a cancel, silently, exit 141', async () => {
    fx.fake.enqueue(slowReply);
    const run = startCli(['ask', 'Plan my launch week'], { home: fx.home, env: askEnv() });
    await waitFor(() => run.stdout.length >= 20, 'the first 20 bytes');
    run.child.stdout!.destroy(); // what `head -c 20` does once it has its bytes
    const r = fx.seen.add(await run.done);
    expect(r.code).toBe(141);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('coach:'))).toEqual([]);
    expect(r.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expectSettledInterrupted(/^cancelled: stdout was closed/);
    // The coach carries on: the next exchange works.
    fx.fake.enqueue({ kind: 'reply', text: 'Next.' });
    const next = fx.seen.add(await runCli(['ask', 'go on'], { home: fx.home, env: askEnv() }));
    expect([next.code, next.stdout]).toEqual([0, 'Next.\n']);
  });

  it('a command that is not an exchange ends quietly with 141 too (no stack trace)', async () => {
    for (let i = 0; i < 3; i++) await runCli(['ask', '--offline', `question ${i} ${'x'.repeat(2000)}`], { home: fx.home });
    const run = startCli(['history'], { home: fx.home });
    run.child.stdout!.destroy();
    const r = fx.seen.add(await run.done);
    expect(r.code).toBe(141);
    expect(r.stderr).toBe('');
  });
});

describe('signals mid-stream', () => {
  for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    it(`${signal}: partial kept and marked, usage settled and priced, exit ${code}, one line`, async () => {
      fx.fake.enqueue(slowReply);
      const run = startCli(['ask', 'Write my sales page'], { home: fx.home, env: askEnv() });
      await waitFor(() => run.stdout.length > 20, 'text on stdout');
      run.child.kill(signal);
      const r = fx.seen.add(await run.done);
      expect(r.code).toBe(code);
      expect(expectOneCleanLine(r.stderr)).toBe(`coach: stopped by ${signal} — the partial reply was kept`);
      expectSettledInterrupted(new RegExp(`^cancelled by ${signal}`));
      expect(r.stdout.trimEnd()).toBe(assistantRows().at(-1)!.content.trimEnd());
    });
  }

  it('kill -9: the usage persisted while streaming prices the recovered row', async () => {
    fx.fake.enqueue(slowReply);
    const run = startCli(['ask', 'Plan my launch week'], { home: fx.home, env: askEnv() });
    await waitFor(() => run.stdout.length > 40, 'text on stdout');
    await waitFor(() => chatUsage()[0]?.input_tokens, 'input tokens persisted at message_start');
    run.child.kill('SIGKILL');
    fx.seen.add(await run.done);
    const before = chatUsage()[0]!;
    expect(before).toMatchObject({ status: 'pending', input_tokens: 1200 });
    expect(before.cost_micros).toBeGreaterThan(0);
    const h = fx.seen.add(await runCli(['usage', '--json'], { home: fx.home }));
    expect(h.code, h.stderr).toBe(0);
    const after = chatUsage()[0]!;
    // The pending row held the cap reservation (or more); recovery prices the tokens it had reported.
    expect(after).toMatchObject({ status: 'interrupted', counted: 1, input_tokens: 1200, output_tokens: before.output_tokens });
    expect(after.output_tokens).toBeGreaterThan(0);
    expect(after.cost_micros).toBe(costMicros('claude-sonnet-4-6', { inputTokens: 1200, outputTokens: after.output_tokens, cacheCreationTokens: 0, cacheReadTokens: 0 }));
    expect(after.error).toMatch(/ended before the reply finished/);
    intact();
  });
});

describe('one rule for a reply that never started: the message is given back', () => {
  it('killed (-9) while the request waits for headers', async () => {
    fx.fake.enqueue({ kind: 'hang_before_headers' });
    const run = startCli(['ask', 'Anything?'], { home: fx.home, env: askEnv() });
    await fx.fake.waitForRequests(1, 10_000);
    run.child.kill('SIGKILL');
    fx.seen.add(await run.done);
    const r = fx.seen.add(await runCli(['tasks', 'list'], { home: fx.home }));
    expect(r.code, r.stderr).toBe(0);
    expect(chatUsage()).toEqual([expect.objectContaining({ status: 'interrupted', counted: 0, input_tokens: 0, error: 'the coach process ended before the API answered' })]);
    intact();
  });

  it('stalled before headers (watchdog): exit 5, one line, message given back', async () => {
    fx.fake.enqueue({ kind: 'hang_before_headers' });
    const r = fx.seen.add(await runCli(['ask', 'Anything?'], { home: fx.home, env: askEnv({ COACH_STALL_TIMEOUT_SECONDS: '1' }) }));
    expect(r.code).toBe(5);
    expect(expectOneCleanLine(r.stderr)).toMatch(/stopped sending data for 1 s/);
    expect(chatUsage()).toEqual([expect.objectContaining({ status: 'interrupted', counted: 0, input_tokens: 0 })]);
    intact();
  });

  it('cancelled (SIGTERM) before headers: exit 143, message given back', async () => {
    fx.fake.enqueue({ kind: 'hang_before_headers' });
    const run = startCli(['ask', 'Anything?'], { home: fx.home, env: askEnv() });
    await fx.fake.waitForRequests(1, 10_000);
    run.child.kill('SIGTERM');
    const r = fx.seen.add(await run.done);
    expect(r.code).toBe(143);
    expect(expectOneCleanLine(r.stderr)).toBe('coach: stopped by SIGTERM — no reply had started (the message was not counted)');
    expect(chatUsage()).toEqual([expect.objectContaining({ status: 'interrupted', counted: 0, pid: null })]);
    intact();
  });
});
