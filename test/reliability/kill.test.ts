// Issue 8, reliability: a `coach ask` killed mid-stream (SIGKILL) or cancelled (SIGINT) loses
// nothing. The database stays intact, the user message and the partial reply are kept, and the
// next run's recovery step marks an exchange whose process died as interrupted (message and usage).
import { describe, expect, it } from 'vitest';
import { fillerText } from '../fake-anthropic/server.js';
import { runCli } from '../helpers/cli.js';
import { messages, query, usage } from '../helpers/db.js';
import { KEY, useProjectWithFakeApi, expectOneCleanLine, filesUnder, modeOf, startCli, waitFor } from './helpers.js';

const fx = useProjectWithFakeApi('coach-rel-kill-');

const askEnv = () => ({ ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: fx.fake.url });
/** A long reply streamed slowly: ~400 words at 30 ms each, far longer than any test waits. */
const REPLY = fillerText(600);
const slowReply = { kind: 'reply' as const, text: REPLY, tokenDelayMs: 30 };

const assistantRows = () => messages(fx.home).filter((m) => m.role === 'assistant' && m.model !== 'offline-coach');
const chatUsage = () => usage(fx.home).filter((u) => u.kind === 'chat');

describe('kill -9 mid-stream', () => {
  it('keeps the database intact, the user message and the partial reply; the next run marks both interrupted', async () => {
    fx.fake.enqueue(slowReply);
    const run = startCli(['ask', 'Plan my launch week'], { home: fx.home, env: askEnv() });
    // Some text reached stdout, and the partial reply has been written to the store at least once.
    await waitFor(() => run.stdout.length > 20, 'text on stdout');
    const partialInDb = await waitFor(() => assistantRows().at(-1)?.content, 'a partial reply in the database');
    run.child.kill('SIGKILL');
    const r = fx.seen.add(await run.done);
    expect(r.signal).toBe('SIGKILL');

    // Before any other run: intact file, exchange still "in flight" as the killed process left it.
    expect(query(fx.home, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(query(fx.home, 'PRAGMA foreign_key_check')).toEqual([]);
    const [user, assistant] = messages(fx.home).slice(-2);
    expect(user).toMatchObject({ role: 'user', content: 'Plan my launch week', status: 'complete' });
    expect(assistant).toMatchObject({ role: 'assistant', status: 'streaming' });
    expect(assistant!.content.length).toBeGreaterThanOrEqual(partialInDb.length);
    expect(REPLY.startsWith(assistant!.content)).toBe(true);
    expect(r.stdout.startsWith(assistant!.content)).toBe(true); // stored ⊆ shown: at most ~0.5 s behind
    expect(chatUsage()).toEqual([expect.objectContaining({ status: 'pending', pid: run.child.pid, message_id: assistant!.id })]);
    // What the killed process left behind is private too.
    for (const f of filesUnder(fx.home)) expect([f, modeOf(f)]).toEqual([f, 0o600]);

    // The next command that opens the store recovers it.
    const h = fx.seen.add(await runCli(['history', '--json'], { home: fx.home }));
    expect(h.code, h.stderr).toBe(0);
    const last = JSON.parse(h.stdout).at(-1);
    expect(last).toMatchObject({ id: assistant!.id, role: 'assistant', status: 'interrupted', content: assistant!.content });
    expect(chatUsage()).toEqual([expect.objectContaining({ status: 'interrupted', counted: 1, message_id: assistant!.id })]);
    expect(chatUsage()[0]!.error).toMatch(/ended before the reply finished/);
    expect(query(fx.home, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);

    // Human history says so; and the coach carries on: the next exchange works and counts 2 of 50.
    const human = fx.seen.add(await runCli(['history'], { home: fx.home }));
    expect(human.stdout).toMatch(/coach \[interrupted\]/);
    fx.fake.enqueue({ kind: 'reply', text: 'Picking up where we left off.' });
    const next = fx.seen.add(await runCli(['ask', 'go on'], { home: fx.home, env: askEnv() }));
    expect(next.code, next.stderr).toBe(0);
    expect(next.stdout).toBe('Picking up where we left off.\n');
    expect(next.stderr).toMatch(/2\/50 messages today/);
  });

  it('recovers an exchange killed after the API answered but before the first token', async () => {
    fx.fake.enqueue({ ...slowReply, firstTokenDelayMs: 60_000 });
    const run = startCli(['ask', 'Anything?'], { home: fx.home, env: askEnv() });
    await fx.fake.waitForRequests(1, 10_000);
    await waitFor(() => assistantRows().at(-1)?.status === 'streaming', 'the streaming assistant row');
    run.child.kill('SIGKILL');
    fx.seen.add(await run.done);

    const r = fx.seen.add(await runCli(['tasks', 'list', '--json'], { home: fx.home }));
    expect(r.code, r.stderr).toBe(0);
    expect(query(fx.home, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(messages(fx.home).slice(-2).map((m) => [m.role, m.status, m.content])).toEqual([
      ['user', 'complete', 'Anything?'],
      ['assistant', 'interrupted', ''],
    ]);
    expect(chatUsage()).toEqual([expect.objectContaining({ status: 'interrupted' })]);
  });

  it('leaves a live exchange alone: recovery only takes over rows whose process is gone', async () => {
    fx.fake.enqueue(slowReply);
    const run = startCli(['ask', 'Still streaming'], { home: fx.home, env: askEnv() });
    await waitFor(() => run.stdout.length > 20, 'text on stdout');
    await waitFor(() => chatUsage()[0]?.message_id, 'the usage row linked to its message');
    // Another process opens the store (recovery runs) while the first one streams.
    const other = fx.seen.add(await runCli(['history', '--json'], { home: fx.home }));
    expect(other.code, other.stderr).toBe(0);
    expect(JSON.parse(other.stdout).at(-1)).toMatchObject({ role: 'assistant', status: 'streaming' });
    expect(chatUsage()[0]).toMatchObject({ status: 'pending', pid: run.child.pid });
    run.child.kill('SIGKILL');
    fx.seen.add(await run.done);
  });
});

describe('SIGINT mid-stream', () => {
  it('keeps the partial reply as interrupted, exits 130 with one line', async () => {
    fx.fake.enqueue(slowReply);
    const run = startCli(['ask', 'Write my sales page'], { home: fx.home, env: askEnv() });
    await waitFor(() => run.stdout.length > 20, 'text on stdout');
    run.child.kill('SIGINT');
    const r = fx.seen.add(await run.done);
    expect(r.code).toBe(130);
    expect(expectOneCleanLine(r.stderr)).toMatch(/interrupted — the partial reply was kept/);

    const [user, assistant] = messages(fx.home).slice(-2);
    expect(user).toMatchObject({ role: 'user', content: 'Write my sales page', status: 'complete' });
    expect(assistant).toMatchObject({ role: 'assistant', status: 'interrupted' });
    expect(assistant!.content.length).toBeGreaterThan(20);
    expect(REPLY.startsWith(assistant!.content)).toBe(true);
    // Everything shown was kept, and nothing that was not shown.
    expect(r.stdout.trimEnd()).toBe(assistant!.content.trimEnd());
    expect(chatUsage()).toEqual([expect.objectContaining({ status: 'interrupted', counted: 1, pid: null, message_id: assistant!.id })]);
    expect(chatUsage()[0]!.output_tokens).toBeGreaterThan(0);
    expect(query(fx.home, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });

  it('stores the interrupted exchange in --json mode too, with status and error in the document', async () => {
    fx.fake.enqueue(slowReply);
    const run = startCli(['ask', '--json', 'Write my welcome post'], { home: fx.home, env: askEnv() });
    await waitFor(() => assistantRows().at(-1)?.content, 'a partial reply in the database');
    run.child.kill('SIGINT');
    const r = fx.seen.add(await run.done);
    expect(r.code).toBe(130);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ status: 'interrupted', model: 'claude-sonnet-4-6' });
    expect(doc.reply.length).toBeGreaterThan(0);
    expect(assistantRows().at(-1)).toMatchObject({ status: 'interrupted', content: doc.reply });
  });
});
