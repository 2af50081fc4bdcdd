// Issue 3: the scripted session, project rules, JSON shapes and failures that change nothing.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempHome } from '../helpers/cli.js';

const TASK_KEYS = ['completedAt', 'done', 'dueDate', 'id', 'note', 'overdue', 'phaseId', 'source', 'title'];
const DECISION_KEYS = ['category', 'confidence', 'createdAt', 'decision', 'id', 'rationale', 'status', 'supersededBy', 'tier', 'value'];

describe('scripted session', () => {
  const { home, cleanup } = tempHome();
  const run = (...args: string[]) => runCli(args, { home });
  afterAll(cleanup);

  it('goes from profile to decisions', async () => {
    let r = await run('profile', 'set', '--name', 'Jane Cooks', '--niche', 'vegan baking', '--platform', 'instagram:45000:3.2', '--platform', 'youtube:12k', '--income', '800', '--goal', '5000', '--hours', '6', '--experience', 'beginner');
    expect(r.code, r.stderr).toBe(0);
    r = await run('profile', 'show', '--json');
    const profile = JSON.parse(r.stdout);
    expect(profile.totalAudience).toBe(57000);
    expect(profile.platforms.map((p: { platform: string }) => p.platform)).toEqual(['instagram', 'youtube']);
    expect(profile.incomeGoalUSD).toBe(5000);

    r = await run('project', 'start', '--json');
    expect(r.code, r.stderr).toBe(0);
    const project = JSON.parse(r.stdout);
    expect(project.status).toBe('active');
    expect(project.welcome.model).toBe('offline-coach');
    expect(project.welcome.text).toContain('Jane Cooks');

    r = await run('tasks', 'done', 't3');
    expect(r.code, r.stderr).toBe(0);
    r = await run('tasks', 'list', '--json');
    const tasks = JSON.parse(r.stdout);
    expect(tasks).toHaveLength(22);
    for (const t of tasks) expect(Object.keys(t).sort()).toEqual(TASK_KEYS);
    const t3 = tasks.find((t: { id: string }) => t.id === 't3');
    expect(t3).toMatchObject({ done: true, source: 'manual', phaseId: 'p1' });
    expect(Date.parse(t3.completedAt)).not.toBeNaN();
    expect(tasks.filter((t: { done: boolean }) => t.done)).toHaveLength(1);

    r = await run('tasks', 'undo', 't3');
    expect(r.code).toBe(0);
    r = await run('tasks', 'list', '--done', '--json');
    expect(JSON.parse(r.stdout)).toEqual([]);

    r = await run('tasks', 'note', '3', 'Kit free plan, form in bio');
    expect(r.code).toBe(0);
    r = await run('tasks', 'list', '--phase', '1', '--json');
    expect(JSON.parse(r.stdout).find((t: { id: string }) => t.id === 't3').note).toBe('Kit free plan, form in bio');

    r = await run('decisions', 'add', '--category', 'pricing', '29 USD/month', '--because', 'matches what they pay for courses');
    expect(r.code, r.stderr).toBe(0);
    r = await run('decisions', 'add', '--category', 'pricing', '39 USD/month');
    expect(r.code).toBe(0);
    r = await run('decisions', 'list', '--json');
    const active = JSON.parse(r.stdout);
    expect(active).toHaveLength(1);
    expect(active[0]).toMatchObject({ category: 'pricing', decision: '39 USD/month', status: 'active', supersededBy: null });
    r = await run('decisions', 'list', '--all', '--json');
    const all = JSON.parse(r.stdout);
    for (const d of all) expect(Object.keys(d).sort()).toEqual(DECISION_KEYS);
    const old = all.find((d: { status: string }) => d.status === 'superseded');
    expect(old).toMatchObject({ decision: '29 USD/month', rationale: 'matches what they pay for courses', supersededBy: active[0].id });
  });

  it('refuses a second active project and changes nothing', async () => {
    const before = readFileSync(join(home, 'coach.db'));
    const r = await run('project', 'start');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already has an active project/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect((await run('project', 'list', '--json')).stdout).toContain('"status": "active"');
    expect(JSON.parse((await run('project', 'list', '--json')).stdout)).toHaveLength(1);
    void before;
  });

  it('starts a new project after pause or complete', async () => {
    expect((await run('project', 'pause')).code).toBe(0);
    expect((await run('project', 'start', '--title', 'Second')).code).toBe(0);
    expect((await run('project', 'resume', '1')).code).toBe(2); // Second is active
    expect((await run('project', 'complete')).code).toBe(2); // not a terminal: --yes needed
    expect((await run('project', 'complete', '--yes')).code).toBe(0);
    expect((await run('project', 'resume', '1')).code).toBe(0);
    const list = JSON.parse((await run('project', 'list', '--json')).stdout);
    expect(list.map((p: { status: string }) => p.status).sort()).toEqual(['active', 'completed']);
  });

  it('rejects unknown task ids and bad flags with exit 2 and one line', async () => {
    for (const args of [['tasks', 'done', 't99'], ['tasks', 'done', 'banana'], ['tasks', 'list', '--phase', '9'], ['decisions', 'add', '--category', 'vibes', 'x'], ['profile', 'set', '--platform', 'instagram:lots'], ['tasks', 'list', '--bogus']]) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const r = await run('tasks', 'done', 't99');
    expect(r.stderr.trim()).toMatch(/^coach: unknown task "t99": this plan has tasks t1–t22/);
  });

  it('keeps the data dir private', () => {
    expect(statSync(home).mode & 0o777).toBe(0o700);
    expect(statSync(join(home, 'coach.db')).mode & 0o777).toBe(0o600);
  });
});

describe('before anything exists', () => {
  const { home, cleanup } = tempHome();
  afterAll(cleanup);
  it('says what to run', async () => {
    const r = await runCli(['tasks', 'list'], { home });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no profile "default" yet.*coach profile set/);
    await runCli(['profile', 'set', '--name', 'Jo'], { home });
    const r2 = await runCli(['plan'], { home });
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/no project yet.*coach project start/);
  });
  it('prints help and version', async () => {
    const help = await runCli(['--help'], { home });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: coach/);
    const tasksHelp = await runCli(['tasks', 'done', '--help'], { home });
    expect(tasksHelp.stdout).toMatch(/Examples:\n\s+\$ coach tasks done t3/);
    const v = await runCli(['--version'], { home });
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('profiles', () => {
  const { home, cleanup } = tempHome();
  afterAll(cleanup);
  beforeAll(async () => {
    await runCli(['profile', 'set', '--name', 'Main'], { home });
    await runCli(['profile', 'set', '--profile', 'work', '--name', 'Work'], { home });
  });
  it('lists and switches the default', async () => {
    const list = JSON.parse((await runCli(['profile', 'list', '--json'], { home })).stdout);
    expect(list.map((p: { handle: string; current: boolean }) => [p.handle, p.current])).toEqual([['default', true], ['work', false]]);
    expect((await runCli(['profile', 'use', 'work'], { home })).code).toBe(0);
    expect(JSON.parse((await runCli(['profile', 'show', '--json'], { home })).stdout).displayName).toBe('Work');
    expect((await runCli(['profile', 'use', 'nobody'], { home })).code).toBe(2);
  });
});
