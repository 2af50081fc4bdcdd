// Issue 16: real plurals everywhere a count is said: "in 1 day", "1 day late", "today", never
// "1 days" or "in 0 days" (util/words: Intl.PluralRules), in `coach week`, /week and the prompt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weekLines, type WeekView } from '../../src/plan/week.js';
import { addDays } from '../../src/util/dates.js';
import { count, relativeDays } from '../../src/util/words.js';
import { runCli, setupProject, tempHome } from '../helpers/cli.js';

describe('words', () => {
  it('count and relativeDays', () => {
    expect([count(1, 'day'), count(0, 'day'), count(2, 'reply', 'replies'), count(1200, 'task')]).toEqual(['1 day', '0 days', '2 replies', '1,200 tasks']);
    expect([1, 2, 0, -1, -3].map(relativeDays)).toEqual(['in 1 day', 'in 2 days', 'today', '1 day ago', '3 days ago']);
  });

  it('the week in the prompt says "1 day late" and "in 1 day"', () => {
    const task = { id: 't1', phaseId: 'p1', title: 'Define the promise', hours: 3, dueDate: '2027-01-09', daysLate: 1 };
    const w: WeekView = { today: '2027-01-10', weekStart: '2027-01-10', weekEnd: '2027-01-16', hoursPerWeek: 6, plannedHours: 3, launchDate: '2027-01-11', daysToLaunch: 1, overdue: [task], thisWeek: [], nextWeek: [] };
    expect(weekLines(w)).toEqual([
      'Target launch: 2027-01-11 (in 1 day); today is 2027-01-10',
      'Overdue: t1 Define the promise (3 h, due 2027-01-09, 1 day late)',
    ]);
    expect(weekLines({ ...w, daysToLaunch: 0, launchDate: '2027-01-10', overdue: [] })).toEqual(['Target launch: 2027-01-10 (today); today is 2027-01-10']);
  });
});

describe('coach week', () => {
  const fx = tempHome();
  beforeAll(async () => {
    await setupProject(fx.home);
  }, 30_000);
  afterAll(fx.cleanup);

  it('says "in 1 day" and "today" for the launch', async () => {
    const today = new Date().toISOString().slice(0, 10);
    for (const [launch, said] of [[addDays(today, 1), '(in 1 day)'], [today, '(today)']] as const) {
      const set = await runCli(['project', 'set', '--launch', launch], { home: fx.home });
      expect(set.code, set.stderr).toBe(0);
      const w = await runCli(['week'], { home: fx.home });
      expect(w.stdout.split('\n')[0]).toContain(said);
    }
  }, 30_000);
});
