// Streaming inside the app (ink-testing-library) against the fake Anthropic server in-process:
// tokens are batched into a bounded number of frames, Ctrl+C cancels and keeps the partial reply.
// Also the terminal session's one idempotent cleanup.
import { render } from 'ink-testing-library';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeAnthropic, type FakeAnthropic } from '../fake-anthropic/server.js';
import type { AppContext } from '../../src/app/context.js';
import { appHome, tick, until } from './app-fixture.js';
import { allMessages } from '../../src/store/messages.js';
import { App } from '../../src/ui/App.js';
import { startTerminalSession } from '../../src/ui/terminal.js';

let fake: FakeAnthropic;
let home: string;
let ctx: AppContext;
let projectId: number;
let cleanup: () => void;

beforeAll(async () => {
  fake = await startFakeAnthropic();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  ({ ctx, home, projectId, cleanup } = appHome('coach-ui-stream-', { COACH_SECOND_READER: '0', ANTHROPIC_API_KEY: 'sk-ant-test-stream-0000000000', ANTHROPIC_BASE_URL: fake.url }));
});
afterEach(() => cleanup());


describe('streaming in the app', () => {
  it('batches 300 tokens into a bounded number of frames (≤ ~30 renders/s)', async () => {
    const words = Array.from({ length: 300 }, (_, i) => `w${i + 1}`).join(' ');
    fake.enqueue({ kind: 'reply', text: words, tokenDelayMs: 4 });
    const app = render(<App ctx={ctx} offline={false} size={{ columns: 100, rows: 30 }} />);
    await tick();
    app.stdin.write('stream please');
    await tick();
    const before = app.frames.length;
    const t0 = Date.now();
    app.stdin.write('\r');
    await until(app, (f) => f.includes('w300') && f.includes('today: 1/50 messages'));
    const seconds = (Date.now() - t0) / 1000;
    const frames = app.frames.length - before;
    // Without batching this would be one frame per token (300+). The frame count grows with the
    // stream's duration on a loaded machine, so the bound that matters is the rate below.
    expect(frames).toBeLessThan(150);
    expect(frames / seconds).toBeLessThanOrEqual(30);
    app.unmount();
  });

  it('Ctrl+C cancels the stream: the partial reply stays, marked interrupted; a second Ctrl+C on the idle prompt quits', async () => {
    const words = Array.from({ length: 150 }, (_, i) => `slow${i + 1}`).join(' ');
    fake.enqueue({ kind: 'reply', text: words, tokenDelayMs: 100 });
    let exited = false;
    const app = render(<App ctx={ctx} offline={false} size={{ columns: 100, rows: 30 }} onExit={() => (exited = true)} />);
    await tick();
    app.stdin.write('go slowly');
    await tick();
    app.stdin.write('\r');
    await until(app, (f) => f.includes('slow3') && f.includes('Esc cancel reply'));
    app.stdin.write('\u0003');
    const frame = await until(app, (f) => f.includes('Interrupted — the partial reply was kept.'));
    expect(frame).toContain('coach · claude-sonnet-4-6 · interrupted');
    expect(exited).toBe(false);
    const reply = allMessages(ctx.store().db, projectId).at(-1)!;
    expect(reply).toMatchObject({ role: 'assistant', status: 'interrupted' });
    expect(reply.content).toMatch(/^slow1 slow2 slow3/);
    expect(reply.content).not.toContain('slow150');
    await tick(1600); // past the double-press window: this is a fresh Ctrl+C on an idle, empty prompt
    app.stdin.write('\u0003');
    await until(() => exited);
    app.unmount();
  });
});

describe('queued messages and failures', () => {
  const users = () => allMessages(ctx.store().db, projectId).filter((m) => m.role === 'user').map((m) => m.content);

  it('Enter during a reply queues the message (shown as queued); Esc cancels the reply and the queued message goes next', async () => {
    const words = Array.from({ length: 150 }, (_, i) => `slow${i + 1}`).join(' ');
    fake.enqueue({ kind: 'reply', text: words, tokenDelayMs: 80 });
    const app = render(<App ctx={ctx} offline={false} size={{ columns: 100, rows: 30 }} />);
    await tick();
    app.stdin.write('first question');
    await tick();
    app.stdin.write('\r');
    await until(app, (f) => f.includes('slow2'));
    app.stdin.write('second question');
    await tick();
    app.stdin.write('\r');
    let frame = await until(app, (f) => f.includes('queued second question'));
    expect(frame).toContain('Enter queue (1 queued');
    expect(frame).not.toMatch(/│ › second question/); // the input is free again
    expect(users()).toEqual(['first question']);
    app.stdin.write('\u001b');
    // The default reply of the fake server echoes the last user message.
    frame = await until(app, (f) => f.includes('Echo: second question'));
    expect(frame).toContain('Interrupted — the partial reply was kept.');
    expect(frame).not.toContain('queued second question');
    expect(users()).toEqual(['first question', 'second question']);
    app.unmount();
  });

  it('a failed reply hands queued messages back to the input instead of sending them; ↑ takes a queued message back', async () => {
    fake.enqueue({ kind: 'stream_error', text: Array.from({ length: 40 }, (_, i) => `part${i + 1}`).join(' '), afterChunks: 8, tokenDelayMs: 80 });
    const app = render(<App ctx={ctx} offline={false} size={{ columns: 100, rows: 30 }} />);
    await tick();
    app.stdin.write('first');
    await tick();
    app.stdin.write('\r');
    await until(app, (f) => f.includes('part1'));
    for (const text of ['second', 'third']) {
      app.stdin.write(text);
      await tick();
      app.stdin.write('\r');
      await until(app, (f) => f.includes(`queued ${text}`));
    }
    app.stdin.write('\u001b[A'); // ↑ on the empty input: the last queued message comes back to edit
    await until(app, (f) => /│ › third/.test(f) && !f.includes('queued third'));
    app.stdin.write('\u0015'); // Ctrl+U: dropped
    const frame = await until(app, (f) => f.includes('Claude is overloaded right now'));
    expect(frame).toMatch(/│ › second/);
    expect(frame).toContain('Your queued message is back in the input, not sent');
    expect(frame).not.toContain('{"type"');
    expect(users()).toEqual(['first']);
    app.unmount();
  });

  it('errors are one human line: overloaded then Ctrl+R retries; rate limit with the wait; a rejected key offers /offline', async () => {
    fake.enqueue(...Array.from({ length: 3 }, () => ({ kind: 'http_error' as const, status: 529, retryAfterMs: 1 })));
    const app = render(<App ctx={ctx} offline={false} size={{ columns: 100, rows: 30 }} />);
    await tick();
    app.stdin.write('hello there');
    await tick();
    app.stdin.write('\r');
    let frame = await until(app, (f) => f.includes('Claude is overloaded right now') && !f.includes('replying'));
    expect(frame).not.toContain('{');
    app.stdin.write('\u0012'); // Ctrl+R
    frame = await until(app, (f) => f.includes('Echo: hello there'));
    // The retry answers the stored message again: stored once, shown once, sent once.
    const rows = allMessages(ctx.store().db, projectId).map((m) => [m.role, m.status, m.content]);
    expect(rows).toEqual([['user', 'complete', 'hello there'], ['assistant', 'error', ''], ['assistant', 'complete', 'Echo: hello there']]);
    expect(frame.split('hello there').length - 1).toBe(2); // the message and the echo
    const sent = fake.requests.at(-1)!.body.messages.map((m) => [m.role, JSON.stringify(m.content)]);
    expect(sent.at(-1)).toEqual(['user', expect.stringContaining('hello there')]);
    expect(sent.filter(([, c]) => c!.includes('hello there'))).toHaveLength(1);

    fake.enqueue(...Array.from({ length: 3 }, () => ({ kind: 'http_error' as const, status: 429, retryAfterMs: 1, headers: { 'retry-after': '30' } })));
    app.stdin.write('again');
    await tick();
    app.stdin.write('\r');
    frame = await until(app, (f) => f.includes('The API is rate-limiting you — wait 30 s, then Ctrl+R'));

    fake.enqueue({ kind: 'http_error', status: 401 });
    app.stdin.write('/retry');
    await tick();
    app.stdin.write('\r');
    frame = await until(app, (f) => f.includes('Your API key was rejected'));
    expect(frame).toContain('API key rejected: /offline uses the offline coach');
    app.stdin.write('/offline');
    await tick();
    app.stdin.write('\r');
    await tick();
    app.stdin.write('\u0012');
    frame = await until(app, (f) => /coach · offline coach/.test(f));
    expect(frame).not.toContain('API key rejected: /offline');
    app.unmount();
  });
});

describe('terminal session', () => {
  it('turns bracketed paste on, routes console output and warnings into the UI, and restores once', async () => {
    const writes: string[] = [];
    const stdout = { isTTY: true, destroyed: false, write: (s: string) => writes.push(s) } as unknown as NodeJS.WriteStream;
    const stray: string[] = [];
    const originalLog = console.log;
    const session = startTerminalSession({ stdout, onStray: (line) => stray.push(line), onSignal: () => {} });
    console.log('sdk chatter');
    console.warn('deprecated thing');
    process.emitWarning('careful now');
    await tick(10);
    session.restore();
    session.restore();
    expect(writes).toEqual(['\u001b[?2004h', '\u001b[?2004l\u001b[?25h']);
    expect(stray).toEqual(['sdk chatter', 'deprecated thing', 'Warning: careful now']);
    expect(console.log).toBe(originalLog);
    expect(session.restored).toBe(true);
  });
});
