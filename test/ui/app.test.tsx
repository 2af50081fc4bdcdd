// The whole app on a real store (temp COACH_HOME), rendered with ink-testing-library: layout
// height, checklist keys, the offline coach, slash commands, detector suggestions and limits.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext, type AppContext } from '../../src/app/context.js';
import { moveProject, startProject } from '../../src/app/projects.js';
import { reserve } from '../../src/limits/usage-log.js';
import { listDecisions } from '../../src/store/decisions.js';
import { allMessages } from '../../src/store/messages.js';
import { findProfile, upsertProfile } from '../../src/store/profiles.js';
import { taskStates } from '../../src/store/tasks.js';
import { App } from '../../src/ui/App.js';

const ROWS = 20;
const tick = (ms = 40) => new Promise((r) => setTimeout(r, ms));

let home: string;
let ctx: AppContext;
let projectId: number;

function setup(env: Record<string, string> = {}) {
  ctx = createContext({ env: { COACH_HOME: home, TZ: 'UTC', COACH_SECOND_READER: '0', ...env } });
  const { profile } = upsertProfile(ctx.store().db, 'default', {
    displayName: 'Jane Cooks', niche: 'vegan baking', platforms: [{ platform: 'instagram', handle: null, followers: 45000, avgViews: null, engagementRate: 3.2 }], hoursPerWeek: 6,
  }, Date.now());
  projectId = startProject(ctx, profile, { templateId: 'premium-community' }).id;
  return profile;
}

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'coach-ui-'));
});
afterEach(() => {
  ctx?.close();
  rmSync(home, { recursive: true, force: true });
});

/** Lines of the live area: from the plan line (or a suggestion above it) to the status bar. */
function liveLines(frame: string): string[] {
  const lines = frame.split('\n');
  const start = lines.findIndex((l) => /^(\? |Plan \d+%)/.test(l));
  expect(start).toBeGreaterThanOrEqual(0);
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.slice(start);
}

async function type(app: ReturnType<typeof render>, text: string, ms = 40) {
  app.stdin.write(text);
  await tick(ms);
}

describe('terminal UI (ink-testing-library, real store)', () => {
  it('keeps the live area within rows - 1: long pasted input, help panel', async () => {
    setup();
    const app = render(<App ctx={ctx} offline={false} size={{ columns: 100, rows: ROWS }} />);
    await tick();
    expect(liveLines(app.lastFrame()!).length).toBeLessThanOrEqual(ROWS - 1);
    expect(app.lastFrame()).toContain('offline coach');
    const pasted = Array.from({ length: 30 }, (_, i) => `pasted line ${i + 1}`).join('\r');
    await type(app, `\u001b[200~${pasted}\u001b[201~`);
    let frame = app.lastFrame()!;
    expect(frame).toContain('pasted line 30');
    expect(frame).toContain('more lines above');
    expect(liveLines(frame).length).toBeLessThanOrEqual(ROWS - 1);
    expect(allMessages(ctx.store().db, projectId)).toHaveLength(0); // a paste never sends
    await type(app, '\u0003'); // Ctrl+C clears the input
    expect(app.lastFrame()).not.toContain('pasted line 30');
    // the documented newline keys: Alt+Enter and Ctrl+J
    await type(app, 'first');
    await type(app, '\u001b\r');
    await type(app, 'second');
    await type(app, '\n');
    await type(app, 'third');
    expect(app.lastFrame()).toMatch(/│ › first +│\n│   second +│\n│   third/);
    expect(allMessages(ctx.store().db, projectId)).toHaveLength(0);
    await type(app, '\u0003');
    await type(app, '?');
    frame = app.lastFrame()!;
    expect(frame).toContain('Help');
    expect(frame).toContain('Everywhere');
    expect(liveLines(frame).length).toBeLessThanOrEqual(ROWS - 1);
    app.unmount();
  });

  it('opens with the input focused; Tab reaches the checklist, whose keys act; typed sentences go to the input', async () => {
    setup();
    const app = render(<App size={{ columns: 100, rows: 30 }} ctx={ctx} offline={false} />);
    await tick();
    expect(app.lastFrame()).toContain('Tab checklist');
    expect(app.lastFrame()).not.toMatch(/› \[ \] t1/); // no cursor in the checklist: the input has the focus
    await type(app, ' ');
    expect(taskStates(ctx.store().db, projectId).size).toBe(0); // Space typed into the input, not a toggle
    await type(app, '\u0003');
    await type(app, '\t');
    expect(app.lastFrame()).toMatch(/› \[ \] t1/);
    await type(app, '\u001b[B'); // down
    await type(app, ' ');
    expect(app.lastFrame()).toMatch(/› \[x\] t2/);
    expect(taskStates(ctx.store().db, projectId).get('t2')).toMatchObject({ done: true, source: 'manual' });
    await type(app, 'n');
    await type(app, 'asked 40 people');
    await type(app, '\r');
    expect(taskStates(ctx.store().db, projectId).get('t2')?.note).toBe('asked 40 people');
    expect(app.lastFrame()).toContain('✎ asked 40 people');
    await type(app, '\r');
    let frame = app.lastFrame()!;
    expect(frame).toContain('Task t2: Survey your audience');
    expect(frame).toMatch(/Estimate: ~\d+ h/);
    await type(app, ' '); // toggles from the details panel too
    expect(taskStates(ctx.store().db, projectId).get('t2')?.done).toBe(false);
    await type(app, '\u001b');
    await tick(); // Ink waits a moment to tell a lone Esc from a sequence
    expect(app.lastFrame()).not.toContain('Task t2:');
    // A sentence typed while the checklist has focus lands in the input, which takes the focus.
    expect(app.lastFrame()).toMatch(/› \[ \] t2/);
    for (const ch of 'I finished the survey') await type(app, ch, 5);
    frame = app.lastFrame()!;
    expect(frame).toMatch(/│ › I finished the survey/);
    expect(frame).not.toMatch(/› \[ \] t2/);
    expect(taskStates(ctx.store().db, projectId).get('t2')?.done).toBe(false);
    expect(taskStates(ctx.store().db, projectId).get('t2')?.note).toBe('asked 40 people');
    // Once the input holds text, even a documented letter typed in the checklist goes to the input.
    await type(app, '\t');
    await type(app, 'd');
    expect(app.lastFrame()).toMatch(/│ › I finished the surveyd/);
    expect(app.lastFrame()).not.toContain('Decisions');
    // A paste always goes to the input.
    await type(app, '\u0003');
    await type(app, '\t');
    await type(app, '\u001b[200~note: pasted text\u001b[201~');
    expect(app.lastFrame()).toMatch(/│ › note: pasted text/);
    app.unmount();
  });

  it('talks to the offline coach; slash commands; a detector suggestion confirmed with Ctrl+Y', async () => {
    setup();
    const app = render(<App ctx={ctx} offline={false} size={{ columns: 100, rows: 30 }} />);
    await tick();
    await type(app, "I'm thinking about charging $39 a month");
    await type(app, '\r');
    let frame = app.lastFrame()!;
    expect(frame).toContain("I'm thinking about charging $39 a month");
    expect(frame).toMatch(/coach · offline coach/);
    expect(frame).toContain('? Sounds like a pricing decision: 39 USD/month. Record it?');
    expect(listDecisions(ctx.store().db, projectId)).toHaveLength(0);
    await type(app, '\u0019'); // Ctrl+Y
    expect(app.lastFrame()).toContain('Recorded pricing decision: 39 USD/month');
    expect(listDecisions(ctx.store().db, projectId).map((d) => d.value)).toEqual(['39 USD/month']);

    await type(app, '/done t3');
    await type(app, '\r');
    expect(taskStates(ctx.store().db, projectId).get('t3')?.done).toBe(true);
    expect(app.lastFrame()).toContain('Marked t3');
    await type(app, '/undo 3');
    await type(app, '\r');
    expect(taskStates(ctx.store().db, projectId).get('t3')?.done).toBe(false);
    // Several ids and ranges (in the plan's order), like `coach tasks done`; what already was so is said.
    await type(app, '/done t4 t6-t8');
    await type(app, '\r');
    const done = () => [...taskStates(ctx.store().db, projectId).values()].filter((t) => t.done).map((t) => t.taskId).sort();
    expect(done()).toEqual(['t12', 't14', 't4', 't6', 't8']);
    expect(app.lastFrame()).toContain('Marked t4, t6, t12, t14, t8 done');
    await type(app, '/done t4');
    await type(app, '\r');
    expect(app.lastFrame()).toMatch(/t4 .+ was already done/);
    await type(app, '/undo t4,t6-t8');
    await type(app, '\r');
    expect(done()).toEqual([]);
    await type(app, '/done t99');
    await type(app, '\r');
    expect(app.lastFrame()).toMatch(/unknown task "t99"/);
    await type(app, '/de');
    expect(app.lastFrame()).toContain('/decisions');
    await type(app, '\t'); // completes
    await type(app, '\r');
    frame = app.lastFrame()!;
    expect(frame).toContain('Decisions');
    expect(frame).toMatch(/pricing +39 USD\/month/);
    expect(allMessages(ctx.store().db, projectId).map((m) => m.role)).toEqual(['user', 'assistant']);
    await type(app, '\u001b');
    await tick();
    await type(app, '/usage');
    await type(app, '\r');
    expect(app.lastFrame()).toContain('Today: 0/50 messages · $0.00');
    expect(app.lastFrame()).toContain('the offline coach answers');
    app.unmount();
  });

  it('a limit shows as one line in the chat and the typed message stays in the input', async () => {
    const profile = setup({ ANTHROPIC_API_KEY: 'sk-ant-test-0000000000000000', ANTHROPIC_BASE_URL: 'http://127.0.0.1:9', COACH_DAILY_MESSAGE_LIMIT: '1' });
    reserve(ctx.store().sqlite, { profileId: profile.id, projectId, kind: 'chat', model: 'claude-sonnet-4-6', limit: 1, capMicros: null, now: Date.now() });
    const app = render(<App ctx={ctx} offline={false} size={{ columns: 100, rows: 30 }} />);
    await tick();
    expect(app.lastFrame()).toContain('claude-sonnet-4-6 · today: 1/1 messages');
    await type(app, 'hello coach');
    await type(app, '\r');
    await tick(100);
    const frame = app.lastFrame()!;
    expect(frame).toContain('daily message limit reached (1/1)');
    expect(frame).toMatch(/│ › hello coach/);
    expect(allMessages(ctx.store().db, projectId)).toHaveLength(0);
    // the offline coach is free and not counted: /offline lets the creator carry on
    await type(app, '\u0003');
    await type(app, '/offline');
    await type(app, '\r');
    expect(app.lastFrame()).toContain('offline coach · today: 1/1 messages');
    await type(app, 'hello coach');
    await type(app, '\r');
    expect(app.lastFrame()).toMatch(/coach · offline coach/);
    expect(allMessages(ctx.store().db, projectId).map((m) => m.model)).toEqual([null, 'offline-coach']);
    await type(app, '/offline');
    await type(app, '\r');
    await type(app, '/model claude-haiku-4-5');
    await type(app, '\r');
    expect(app.lastFrame()).toContain('Using claude-haiku-4-5 for this session.');
    expect(app.lastFrame()).toContain('claude-haiku-4-5 · today: 1/1 messages');
    app.unmount();
  });

  it('onboarding understands natural answers, shows what it understood, asks income and goal, and saves them', async () => {
    ctx = createContext({ env: { COACH_HOME: home, TZ: 'UTC' } });
    const app = render(<App size={{ columns: 80, rows: 24 }} ctx={ctx} offline={false} />);
    await tick();
    expect(app.lastFrame()).toContain('set-up 1/7');
    const answer = async (text: string) => {
      await type(app, text);
      await type(app, '\r');
    };
    await answer('Jane Cooks');
    await answer('vegan baking');
    await type(app, 'YouTube 80k and Instagram 20,000');
    expect(app.lastFrame()).toContain('understood: YouTube 80,000 · Instagram 20,000');
    await type(app, '\r');
    expect(app.lastFrame()).toMatch(/✓ Audience +YouTube 80,000 · Instagram 20,000/);
    await answer('lots'); // not understood: one line, the question stays
    expect(app.lastFrame()).toContain('How many hours a week');
    expect(app.lastFrame()).toContain('"lots" is not a number of hours');
    await type(app, '\u0015'); // Ctrl+U
    await answer('5-6');
    expect(app.lastFrame()).toMatch(/✓ Time +6 hours a week \(the middle of 5–6, rounded\)/);
    await answer('about $1,500 a month');
    await answer('$5k');
    expect(app.lastFrame()).toContain('Pick a plan');
    const profile = findProfile(ctx.store().db, 'default')!;
    expect(profile).toMatchObject({ displayName: 'Jane Cooks', niche: 'vegan baking', totalAudience: 100_000, hoursPerWeek: 6, currentMonthlyIncomeCents: 150_000, incomeGoalCents: 500_000 });
    app.unmount();
    const again = render(<App size={{ columns: 80, rows: 24 }} ctx={ctx} offline={false} />);
    await tick();
    expect(again.lastFrame()).toContain('Pick a plan'); // a profile without a project: straight to the templates
    again.unmount();
  });

  it('onboarding: Enter skips niche, audience, income and goal; Esc goes back with the answer kept', async () => {
    ctx = createContext({ env: { COACH_HOME: home, TZ: 'UTC' } });
    const app = render(<App size={{ columns: 60, rows: 20 }} ctx={ctx} offline={false} />);
    await tick();
    await type(app, 'Sam');
    await type(app, '\r');
    await type(app, '\r');
    await type(app, 'yt 12k');
    await type(app, '\r');
    await type(app, '\u001b');
    await tick();
    expect(app.lastFrame()).toMatch(/│ › yt 12k/);
    await type(app, '\r');
    for (let i = 0; i < 3; i++) await type(app, '\r');
    expect(app.lastFrame()).toContain('Pick a plan');
    expect(findProfile(ctx.store().db, 'default')).toMatchObject({ displayName: 'Sam', niche: null, totalAudience: 12_000, hoursPerWeek: 5, currentMonthlyIncomeCents: null, incomeGoalCents: null });
    app.unmount();
  });

  it('a paused project: the app offers to resume it, then opens the main screen', async () => {
    const profile = setup();
    moveProject(ctx, profile, 'pause', undefined);
    const app = render(<App ctx={ctx} offline={false} size={{ columns: 100, rows: 30 }} />);
    await tick();
    expect(app.lastFrame()).toContain('is paused');
    await type(app, '\r');
    await tick();
    expect(app.lastFrame()).toContain('Resumed "Paid premium community for vegan baking"');
    expect(app.lastFrame()).toContain('today: 0/50 messages');
    app.unmount();
  });
});
