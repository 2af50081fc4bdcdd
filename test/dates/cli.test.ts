// Issue 17 through the built CLI: due dates in `tasks list`, `coach week`, a decided launch date
// that moves the plan, `project set --launch`, and hours per week that re-plan open tasks.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, setupProject, tempHome } from '../helpers/cli.js';
import { query } from '../helpers/db.js';

const todayUTC = () => new Date().toISOString().slice(0, 10);
const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const nextMarch3 = () => {
  const t = todayUTC();
  const y = Number(t.slice(0, 4));
  return `${t.slice(5) <= '03-03' ? y : y + 1}-03-03`;
};

describe('due dates and the week (CLI)', () => {
  let home: string;
  let cleanup: () => void;
  const run = (...args: string[]) => runCli(args, { home });
  const plan = () => JSON.parse(query<{ customized_plan: string }>(home, 'SELECT customized_plan FROM active_projects')[0]!.customized_plan);
  const launch = () => query<{ target_launch_date: string }>(home, 'SELECT target_launch_date FROM active_projects')[0]!.target_launch_date;

  beforeEach(async () => {
    ({ home, cleanup } = tempHome());
    await setupProject(home);
  });
  afterEach(() => cleanup());

  it('every task has a due date from today, in plan order, and the launch is stored with the plan', async () => {
    const r = await run('tasks', 'list', '--json');
    expect(r.code, r.stderr).toBe(0);
    const tasks = JSON.parse(r.stdout) as { id: string; dueDate: string; overdue: boolean }[];
    expect(tasks.length).toBeGreaterThan(5);
    const dates = tasks.map((t) => t.dueDate);
    expect(dates).toEqual([...dates].sort());
    expect(dates[0]! >= todayUTC()).toBe(true);
    expect(tasks.every((t) => t.overdue === false)).toBe(true);
    const p = plan();
    expect(p.schedule).toMatchObject({ startDate: todayUTC(), launchSource: 'plan', launchDate: launch() });
    expect(dates).toContain(launch());
    const table = await run('tasks', 'list');
    expect(table.stdout).toMatch(/Due/);
  });

  it('overdue tasks are flagged in tasks list and come first in coach week', async () => {
    // Move the first two tasks' due dates into the past, as if the project had started weeks ago.
    const p = plan();
    const [a, b] = p.phases[0].tasks;
    a.dueDate = plusDays(todayUTC(), -10);
    b.dueDate = plusDays(todayUTC(), -3);
    const db = new Database(join(home, 'coach.db'));
    db.prepare('UPDATE active_projects SET customized_plan = ?').run(JSON.stringify(p));
    db.close();

    const list = JSON.parse((await run('tasks', 'list', '--json')).stdout) as { id: string; overdue: boolean }[];
    expect(list.filter((t) => t.overdue).map((t) => t.id)).toEqual([a.id, b.id]);
    const text = await run('tasks', 'list');
    expect(text.stderr).toMatch(/2 tasks are overdue/);

    const w = await run('week', '--json');
    expect(w.code, w.stderr).toBe(0);
    const week = JSON.parse(w.stdout);
    expect(Object.keys(week)).toEqual(['today', 'weekStart', 'weekEnd', 'hoursPerWeek', 'plannedHours', 'launchDate', 'daysToLaunch', 'overdue', 'thisWeek', 'nextWeek']);
    expect(week.overdue.map((t: { id: string; daysLate: number }) => [t.id, t.daysLate])).toEqual([[a.id, 10], [b.id, 3]]);
    expect(week.hoursPerWeek).toBe(6);
    // overdue hours already exceed 6 h: nothing else is planned on top
    expect(a.hours + b.hours).toBeGreaterThan(6);
    expect(week.thisWeek).toEqual([]);

    const human = await run('week');
    expect(human.stdout).toMatch(/Overdue \(2\)/);
    expect(human.stdout.indexOf(a.title)).toBeLessThan(human.stdout.indexOf(b.title));
    expect(human.stdout).toMatch(/10 days late/);
  });

  it('the week holds the next open tasks that fit the hours, and tasks done are left out', async () => {
    const first = plan().phases[0].tasks[0];
    expect((await run('tasks', 'done', first.id)).code).toBe(0);
    const week = JSON.parse((await run('week', '--json')).stdout);
    const ids = week.thisWeek.map((t: { id: string }) => t.id);
    expect(ids).not.toContain(first.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(week.plannedHours <= 6 || ids.length === 1).toBe(true);
  });

  it('a timeline decision in chat moves the launch to the next March 3 and re-spreads open tasks; project show says so', async () => {
    const before = launch();
    const r = await run('ask', '--offline', "We're launching on March 3.");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`Launch date moved to ${nextMarch3()}`));
    expect(launch()).toBe(nextMarch3());
    const p = plan();
    expect(p.schedule).toMatchObject({ launchSource: 'decision', launchDate: nextMarch3(), previousLaunchDate: before });
    const launchTask = p.phases.flatMap((ph: { tasks: { id: string; dueDate: string }[] }) => ph.tasks).find((t: { id: string }) => t.id === p.schedule.launchTaskId);
    expect(launchTask.dueDate).toBe(nextMarch3());
    const show = await run('project', 'show');
    expect(show.stdout).toMatch(/Launch date set by your timeline decision #1/);
    const json = JSON.parse((await run('project', 'show', '--json')).stdout);
    expect(json.targetLaunchDate).toBe(nextMarch3());
    expect(json.schedule.launchSource).toBe('decision');
  });

  it('decisions add with a date moves the launch too; other timeline events do not', async () => {
    const before = launch();
    expect((await run('decisions', 'add', '--category', 'timeline', 'cart closes on March 9')).code).toBe(0);
    expect(launch()).toBe(before);
    const r = await run('decisions', 'add', '--category', 'timeline', 'doors open on March 3');
    expect(r.code, r.stderr).toBe(0);
    expect(launch()).toBe(nextMarch3());
  });

  it('project set --launch moves the launch by hand; a past or invalid date is exit 2 and changes nothing', async () => {
    const target = plusDays(todayUTC(), 60);
    const r = await run('project', 'set', '--launch', target, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ targetLaunchDate: target, schedule: { launchSource: 'manual', launchDate: target } });
    const storedPlan = plan();
    for (const bad of [plusDays(todayUTC(), -1), '2027-02-30', 'soon']) {
      const b = await run('project', 'set', '--launch', bad);
      expect(b.code).toBe(2);
      expect(b.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(launch()).toBe(target);
    expect(plan()).toEqual(storedPlan);
    expect((await run('project', 'show')).stdout).toMatch(/Launch date set by hand/);
  });

  it('changing hours per week re-plans the open tasks (not the done ones) and moves a plan-set launch', async () => {
    const first = plan().phases[0].tasks[0];
    await run('tasks', 'done', first.id);
    const before = plan();
    const r = await run('profile', 'set', '--hours', '20');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Launch date moved to/);
    const after = plan();
    const flat = (p: typeof before) => p.phases.flatMap((ph: { tasks: { id: string; dueDate: string }[] }) => ph.tasks);
    expect(flat(after)[0].dueDate).toBe(flat(before)[0].dueDate);
    expect(launch() < before.schedule.launchDate).toBe(true);
    expect(after.schedule.hoursPerWeek).toBe(20);
    // same hours again: nothing moves
    const again = await run('profile', 'set', '--hours', '20');
    expect(again.stderr).not.toMatch(/re-planned|moved/);
  });
});
