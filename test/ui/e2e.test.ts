// End to end in a real pseudo-terminal: the built CLI under node-pty, its output in a headless
// xterm (100x30), talking to the fake Anthropic server. Assertions poll the emulated screen.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAnthropic, type FakeAnthropic } from '../fake-anthropic/server.js';
import { runCli, setupProject, tempHome } from '../helpers/cli.js';
import { ensureBuilt, KEYS, PtyApp } from './pty.js';

let fake: FakeAnthropic;
const apps: PtyApp[] = [];
const homes: (() => void)[] = [];

beforeAll(async () => {
  ensureBuilt();
  fake = await startFakeAnthropic();
}, 120_000);
afterEach(() => {
  for (const a of apps.splice(0)) a.kill();
});
afterAll(async () => {
  await fake?.close();
  for (const c of homes) c();
});

function home(): string {
  const h = tempHome('coach-e2e-');
  homes.push(h.cleanup);
  return h.home;
}

function start(args: string[], h: string, env: Record<string, string | undefined> = {}, size: { cols?: number; rows?: number } = {}): PtyApp {
  const app = new PtyApp(args, { home: h, env, ...size });
  apps.push(app);
  return app;
}

/** Types text, waits until the screen shows it, then presses Enter. */
async function send(app: PtyApp, text: string, shown = text) {
  app.write(text);
  await app.waitFor(shown);
  app.write(KEYS.enter);
}

async function json<T>(args: string[], h: string): Promise<T> {
  const r = await runCli([...args, '--json'], { home: h });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

interface HistoryItem { role: string; content: string; status: string }

describe('terminal UI in a pseudo-terminal', () => {
  it('streams replies, keeps a cancelled partial reply, records a decision, /quit restores the terminal', { timeout: 90_000 }, async () => {
    const h = home();
    await setupProject(h);
    const env = { ANTHROPIC_BASE_URL: fake.url, ANTHROPIC_API_KEY: 'sk-ant-test-e2e-0123456789' };
    const list = Array.from({ length: 60 }, (_, i) => `- step ${i + 1} of the launch plan`).join('\n');
    fake.enqueue({ kind: 'reply', text: `Here is **your plan**:\n\n${list}\n\nThat is all.`, tokenDelayMs: 2 });
    const app = start(['chat'], h, env);
    await app.waitFor('today: 0/50 messages');
    expect(app.screen()).toContain('claude-sonnet-4-6');

    // 1. a streamed reply, taller than the screen
    await send(app, 'What should I do first?');
    await app.waitFor((s) => s.includes('That is all.') && s.includes('today: 1/50 messages'));
    expect(app.all()).toContain('Here is your plan:');
    expect(app.all()).toContain('step 60 of the launch plan');

    // 2. a multi-line paste is one message, sent by the next Enter only
    app.write('\u001b[200~line one\rline two\u001b[201~');
    await app.waitFor('line two');
    expect(app.screen()).not.toContain('Echo:');
    // An Enter within 40 ms of a paste is taken as part of it (dropped): press it like a person would.
    await new Promise((r) => setTimeout(r, 150));
    app.write(KEYS.enter);
    await app.waitFor('Echo: line one');

    // 3. Esc mid-stream: the partial reply stays, marked interrupted
    const words = Array.from({ length: 150 }, (_, i) => `part${String(i + 1).padStart(2, '0')}`).join(' ');
    fake.enqueue({ kind: 'reply', text: words, tokenDelayMs: 120 });
    await send(app, 'Tell me everything');
    await app.waitFor('part05');
    app.write(KEYS.esc);
    await app.waitFor('Interrupted — the partial reply was kept.');
    await app.waitFor(/coach · claude-sonnet-4-6 · interrupted/);

    // 4. a decision in plain words is recorded and shows in the decisions view
    fake.enqueue({ kind: 'reply', text: 'Noted: **$29/month** it is.' });
    await send(app, "I've decided to charge $29/month because it matches my audience");
    await app.waitFor('Recorded pricing decision: 29 USD/month');
    await app.waitFor('Noted: $29/month it is.');
    await send(app, '/decisions');
    await app.waitFor(/pricing +29 USD\/month/);
    expect(app.screen()).toContain('because it matches my audience');
    app.write(KEYS.esc);
    await app.waitFor((s) => !s.includes('Esc close'));

    // 5. an API error is one line in the chat, never a crash
    fake.enqueue({ kind: 'http_error', status: 401 });
    await send(app, 'one more question');
    await app.waitFor('Your API key was rejected — /offline switches to the free offline coach');
    await app.waitFor('API key rejected: /offline uses the offline coach');

    // 6. /quit: exit code 0, bracketed paste off, cursor shown; Ink never had to clear the screen
    await send(app, '/quit');
    const exit = await app.exited;
    expect(exit.exitCode).toBe(0);
    await app.waitFor('Bye');
    expect(app.term.modes.bracketedPasteMode).toBe(false);
    expect(app.cursorHidden()).toBe(false);
    expect(app.raw).not.toContain('\u001b[2J');

    const history = await json<HistoryItem[]>(['history'], h);
    const interrupted = history.find((m) => m.status === 'interrupted');
    expect(interrupted?.role).toBe('assistant');
    expect(interrupted?.content).toMatch(/^part01 part02 part03 part04 part05/);
    expect(interrupted?.content).not.toContain('part150');
    expect(history.some((m) => m.role === 'user' && m.content === 'line one\nline two')).toBe(true);
    const decisions = await json<{ category: string; value: string }[]>(['decisions', 'list'], h);
    expect(decisions).toEqual([expect.objectContaining({ category: 'pricing', value: '29 USD/month' })]);
  });

  it('bare `coach` opens with the input focused: typing talks; Tab reaches the checklist where Space toggles; Ctrl+C quits', { timeout: 60_000 }, async () => {
    const h = home();
    await setupProject(h);
    const app = start([], h);
    await app.waitFor('today: 0/50 messages');
    await app.waitFor('Tab checklist');
    expect(app.screen()).not.toMatch(/› \[ \] t1/);
    // A sentence typed at once is a message, not checklist keys (Space, n, d).
    await send(app, 'now what do I do next?');
    await app.waitFor((s) => s.includes('message your coach') && !s.includes('› now what'));
    app.write(KEYS.tab);
    await app.waitFor(/› \[ \] t1/);
    app.write(KEYS.down);
    await app.waitFor(/› \[ \] t2/);
    app.write(KEYS.space);
    await app.waitFor(/› \[x\] t2/);
    await app.waitFor('1/9 done');
    // resize: the live area reflows to the new width, once (no stale copies of it on screen)
    app.term.resize(72, 24);
    app.proc.resize(72, 24);
    await app.waitFor((s) => s.split('\n').filter((l) => l.includes('today: 0/50 messages')).length === 1 && /› \[x\] t2/.test(s) && s.includes('╰' + '─'.repeat(70) + '╯'));
    app.write(KEYS.ctrlC);
    expect((await app.exited).exitCode).toBe(0);
    const tasks = await json<{ id: string; done: boolean; source: string | null; note: string | null }[]>(['tasks', 'list'], h);
    expect(tasks.find((t) => t.id === 't2')).toMatchObject({ done: true, source: 'manual' });
    expect(tasks.filter((t) => t.done).map((t) => t.id)).toEqual(['t2']);
    const history = await json<HistoryItem[]>(['history'], h);
    expect(history.filter((m) => m.role === 'user').map((m) => m.content)).toEqual(['now what do I do next?']);
  });

  it('first run with an empty COACH_HOME: natural answers are understood and shown back; the profile and project are made (offline)', { timeout: 60_000 }, async () => {
    const h = home();
    const app = start([], h, {}, { cols: 70, rows: 20 });
    await app.waitFor('What should your coach call you?');
    await send(app, 'Jane Cooks');
    await app.waitFor('What do you make content about?');
    await send(app, 'vegan baking');
    await app.waitFor('Where is your audience');
    await send(app, 'Instagram 45,000 (3.2%) and yt 5k', 'understood: Instagram 45,000');
    await app.waitFor(/✓ Audience +Instagram 45,000/);
    await app.waitFor('How many hours a week');
    await send(app, 'maybe 6 hours a week', 'understood: 6 hours a week');
    await app.waitFor('What does your content earn a month now?');
    await send(app, 'none');
    await app.waitFor('What would you like it to earn a month?');
    await send(app, 'about $1,500 a month', 'understood: $1,500 a month');
    await app.waitFor('Pick a plan');
    app.write(KEYS.enter);
    await app.waitFor('offline coach · today: 0/50 messages', { timeoutMs: 30_000 });
    await app.waitFor(/Welcome, Jane Cooks/, { scrollback: true });
    expect(app.all().replace(/\s+/g, ' ')).toContain('Saved profile "default": Jane Cooks · vegan baking · audience 50,000 · 6 h/week · earning $0/month · goal $1,500/month');
    app.write(KEYS.ctrlC);
    expect((await app.exited).exitCode).toBe(0);

    const profile = await json<Record<string, unknown>>(['profile', 'show'], h);
    expect(profile).toMatchObject({ displayName: 'Jane Cooks', niche: 'vegan baking', totalAudience: 50000, hoursPerWeek: 6, currentMonthlyIncomeUSD: 0, incomeGoalUSD: 1500 });
    const project = await json<{ status: string; templateId: string }>(['project', 'show'], h);
    expect(project).toMatchObject({ status: 'active', templateId: 'premium-community' });
    const history = await json<HistoryItem[]>(['history'], h);
    expect(history[0]).toMatchObject({ role: 'assistant', status: 'complete' });
  });

  it('a message sent during a reply is queued and answered next; after a fault of the server Ctrl+R (/retry) resends', { timeout: 60_000 }, async () => {
    const h = home();
    await setupProject(h);
    const words = Array.from({ length: 60 }, (_, i) => `tok${String(i + 1).padStart(2, '0')}`).join(' ');
    fake.enqueue({ kind: 'reply', text: words, tokenDelayMs: 60 });
    const app = start(['chat'], h, { ANTHROPIC_BASE_URL: fake.url, ANTHROPIC_API_KEY: 'sk-ant-test-e2e-0123456789' });
    await app.waitFor('today: 0/50 messages');
    await send(app, 'first question');
    await app.waitFor('tok03');
    await send(app, 'what about pricing?');
    await app.waitFor('queued what about pricing?');
    // the reply ends, then the queued message is sent and answered (the fake server echoes it)
    await app.waitFor((s) => s.includes('Echo: what about pricing?') && s.includes('today: 2/50 messages'), { timeoutMs: 30_000 });
    expect(app.all()).toContain('tok60');

    fake.enqueue(...Array.from({ length: 3 }, () => ({ kind: 'http_error' as const, status: 529, retryAfterMs: 1 })));
    await send(app, 'are you there?');
    await app.waitFor('Claude is overloaded right now');
    expect(app.all()).not.toContain('overloaded_error');
    app.write('\u0012'); // Ctrl+R
    await app.waitFor('Echo: are you there?');
    app.write(KEYS.ctrlC);
    expect((await app.exited).exitCode).toBe(0);
    const history = await json<HistoryItem[]>(['history'], h);
    expect(history.filter((m) => m.role === 'user').map((m) => m.content)).toEqual(['first question', 'what about pricing?', 'are you there?']);
  });

  it('SIGTERM mid-stream: the partial reply is saved as interrupted and the terminal restored', { timeout: 60_000 }, async () => {
    const h = home();
    await setupProject(h);
    const words = Array.from({ length: 150 }, (_, i) => `bit${String(i + 1).padStart(2, '0')}`).join(' ');
    fake.enqueue({ kind: 'reply', text: words, tokenDelayMs: 120 });
    const app = start(['chat'], h, { ANTHROPIC_BASE_URL: fake.url, ANTHROPIC_API_KEY: 'sk-ant-test-e2e-0123456789' });
    await app.waitFor('today: 0/50 messages');
    await send(app, 'Go on');
    await app.waitFor('bit04');
    app.proc.kill('SIGTERM');
    expect((await app.exited).exitCode).toBe(143);
    expect(app.term.modes.bracketedPasteMode).toBe(false);
    const history = await json<HistoryItem[]>(['history'], h);
    expect(history.at(-1)).toMatchObject({ role: 'assistant', status: 'interrupted' });
    expect(history.at(-1)!.content).toMatch(/^bit01 bit02 bit03 bit04/);
  });

  it('without a terminal, bare `coach` prints the help and exits 0; `coach chat` refuses with a hint', async () => {
    const h = home();
    const bare = await runCli([], { home: h });
    expect(bare.code).toBe(0);
    expect(bare.stdout).toContain('Usage: coach');
    expect(bare.stdout).toContain('chat');
    const chat = await runCli(['chat'], { home: h });
    expect(chat.code).toBe(2);
    expect(chat.stderr).toContain('needs an interactive terminal');
    const typo = await runCli(['chta'], { home: h });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("unknown command 'chta'");
  });
});
