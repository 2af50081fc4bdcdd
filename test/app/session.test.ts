// One session snapshot per exchange (issue 16): a turn reads the task states and the decisions
// once, and what its own message changed (a decision, a ticked task) still reaches the prompt and
// the offline reply, applied in memory. Run in process against the fake Anthropic server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createContext, requireProject, type AppContext } from '../../src/app/context.js';
import { runExchange } from '../../src/app/exchange.js';
import { startProject } from '../../src/app/projects.js';
import { updateProfile } from '../../src/app/profiles.js';
import { afterDetection, exchangeSessionOf, loadSession } from '../../src/app/session.js';
import { addDecision } from '../../src/app/tasks.js';
import { startFakeAnthropic, type FakeAnthropic } from '../fake-anthropic/server.js';

let fake: FakeAnthropic;
beforeAll(async () => {
  fake = await startFakeAnthropic();
});
afterAll(() => fake.close());

const homes: string[] = [];
afterEach(() => {
  for (const h of homes.splice(0)) rmSync(h, { recursive: true, force: true });
});

function setUp(withKey: boolean): AppContext {
  const home = mkdtempSync(join(tmpdir(), 'coach-session-'));
  homes.push(home);
  const env: NodeJS.ProcessEnv = { COACH_HOME: home, TZ: 'UTC', COACH_SECOND_READER: '0', ...(withKey ? { ANTHROPIC_API_KEY: 'sk-ant-test-session', ANTHROPIC_BASE_URL: fake.url } : {}) };
  const ctx = createContext({ env, now: () => Date.parse('2026-12-06T10:00:00Z') });
  const { profile } = updateProfile(ctx, { displayName: 'Ana', niche: 'sourdough baking', platforms: [{ platform: 'youtube', handle: null, followers: 40000, avgViews: null, engagementRate: 4 }], totalAudience: 40000, hoursPerWeek: 6 });
  startProject(ctx, profile, { templateId: 'premium-community' });
  return ctx;
}

/** Counts the SQL statements run on `ctx`'s connection that read `table`. */
function countReads(ctx: AppContext, table: string): { count: () => number } {
  const sqlite = ctx.store().sqlite;
  const prepare = sqlite.prepare.bind(sqlite);
  let n = 0;
  sqlite.prepare = ((sql: string) => {
    if (/^\s*select/i.test(sql) && sql.includes(`"${table}"`)) n++;
    return prepare(sql);
  }) as typeof sqlite.prepare;
  return { count: () => n };
}

describe('the session snapshot', () => {
  it('loadSession returns null without a profile, and the active project with its done tasks and decisions', () => {
    const ctx = setUp(false);
    const profile = loadSession(ctx)!.profile;
    const { row, plan } = requireProject(ctx, profile);
    addDecision(ctx, row.id, plan, { category: 'platform', decision: 'Skool', value: 'Skool', confidence: 'high' });
    const s = loadSession(ctx)!;
    expect(s.project.row.id).toBe(row.id);
    expect(s.decisions.map((d) => d.value)).toEqual(['Skool']);
    expect(s.done.size).toBe(0);
    const other = createContext({ env: { ...ctx.env }, profile: 'nobody' });
    expect(loadSession(other)).toBeNull();
    other.close();
    ctx.close();
  });

  it('afterDetection: a new price replaces only its own tier, ticked tasks join done, the message joins the history', () => {
    const ctx = setUp(false);
    const profile = loadSession(ctx)!.profile;
    const project = requireProject(ctx, profile);
    addDecision(ctx, project.row.id, project.plan, { category: 'pricing', tier: 'regular', decision: '$29/month', value: '29 USD/month', confidence: 'high' });
    addDecision(ctx, project.row.id, project.plan, { category: 'pricing', tier: 'founding', decision: '$15/month', value: '15 USD/month', confidence: 'high' });
    const before = exchangeSessionOf(ctx, profile, project, 50);
    const regular = addDecision(ctx, project.row.id, project.plan, { category: 'pricing', tier: 'regular', decision: '$35/month', value: '35 USD/month', confidence: 'high' }).decision;
    const message = { ...before.history.recent[0]!, id: 999, role: 'user' as const, content: 'hi' };
    const after = afterDetection(ctx, before, message, { decisions: [regular], tasksCompleted: ['t1'], launchMoved: null });
    // the same rows the store now holds, without reading them again
    expect(after.decisions.map((d) => [d.tier, d.value])).toEqual(loadSession(ctx)!.decisions.map((d) => [d.tier, d.value]));
    expect(after.decisions.map((d) => d.value).sort()).toEqual(['15 USD/month', '35 USD/month']);
    expect([...after.done]).toEqual(['t1']);
    expect(after.history.total).toBe(before.history.total + 1);
    expect(after.history.recent.at(-1)!.id).toBe(999);
    expect(before.done.size).toBe(0); // the snapshot it came from is untouched
    ctx.close();
  });

  it('an exchange reads task states and decisions once, and Claude still sees what this message decided', async () => {
    const ctx = setUp(true);
    const session = loadSession(ctx)!;
    const tasks = countReads(ctx, "project_task_completions");
    const decisions = countReads(ctx, 'project_decisions');
    fake.reset();
    const r = await runExchange(ctx, { profile: session.profile, project: session.project, text: "Decided: we're going with Skool for the community." });
    expect(r.status).toBe('complete');
    expect(r.applied.decisions.map((d) => d.value)).toEqual(['Skool']);
    // one snapshot read + the detection's own read inside its write transaction
    expect(tasks.count()).toBeGreaterThanOrEqual(1);
    expect(tasks.count()).toBeLessThanOrEqual(2);
    // one snapshot read + recordDecision's supersede check
    expect(decisions.count()).toBeGreaterThanOrEqual(1);
    expect(decisions.count()).toBeLessThanOrEqual(2);
    const body = fake.requests.at(-1)!.body as { system: { text: string }[] };
    const system = body.system.map((b) => b.text).join('\n');
    expect(system).toMatch(/platform[^\n]*Skool/i);
    ctx.close();
  });

  it('offline, a task ticked by this message is already done in the reply it gets', async () => {
    const ctx = setUp(false);
    const session = loadSession(ctx)!;
    const first = session.project.plan.phases[0]!.tasks[0]!;
    const r = await runExchange(ctx, { profile: session.profile, project: session.project, text: `I finished "${first.title}" today. What's my progress?` });
    expect(r.applied.tasksCompleted).toEqual([first.id]);
    expect(r.reply).toMatch(/1 of 22|1\/22/);
    ctx.close();
  });
});
