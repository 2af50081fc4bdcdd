// Pure due-date logic (plan/schedule.ts, plan/week.ts, plan/launch-date.ts) on a small synthetic plan,
// so the assertions do not depend on the shipped template's task list.
import { describe, expect, it } from 'vitest';
import { launchDateFrom } from '../../src/plan/launch-date.js';
import { ensureSchedule, initialSchedule, launchTaskOf, neededHoursPerWeek, phaseDates, replan, shortDay } from '../../src/plan/schedule.js';
import type { CustomizedPlan, PlanTask } from '../../src/plan/schema.js';
import { weekView } from '../../src/plan/week.js';

const task = (id: string, phaseId: string, hours: number, dueWeek: number): PlanTask => ({
  id, phaseId, title: `Task ${id}`, details: 'details of the task', hours, costUSD: { min: 0, max: 0 }, keywords: [], tips: [], dueWeek,
});

// 3 phases, 20 hours, 4 weeks at 5 h/week; the last phase is the launch phase, opened by t5.
function makePlan(lastTitle = 'Launch & grow'): CustomizedPlan {
  return {
    templateId: 'x', opportunity: { title: 'T', category: 'c', summary: 'summary text', revenueRangeUSD: { min: 1, max: 2, period: 'month' }, timelineWeeks: { min: 1, max: 8 } },
    whyThisWorks: [], proTips: [], commonPitfalls: [], decisionPoints: [],
    personalisation: { priceBand: { currency: 'USD', period: 'month', low: 9, suggested: 19, high: 29 }, priceReasoning: [], hoursPerWeek: 5, totalHours: 20, timelineWeeks: 4, platformSuggestions: [], topAudiencePlatform: null },
    phases: [
      { id: 'p1', title: 'Validate', goal: 'validate the idea', proTips: [], pitfalls: [], startWeek: 1, endWeek: 2, tasks: [task('t1', 'p1', 4, 1), task('t2', 'p1', 4, 2)] },
      { id: 'p2', title: 'Build', goal: 'build the thing', proTips: [], pitfalls: [], startWeek: 2, endWeek: 3, tasks: [task('t3', 'p2', 2, 2), task('t4', 'p2', 4, 3)] },
      { id: 'p3', title: lastTitle, goal: 'launch the thing', proTips: [], pitfalls: [], startWeek: 4, endWeek: 4, tasks: [task('t5', 'p3', 4, 4), task('t6', 'p3', 2, 4)] },
    ],
  };
}
const due = (plan: CustomizedPlan) => Object.fromEntries(plan.phases.flatMap((p) => p.tasks.map((t) => [t.id, t.dueDate])));

describe('initial schedule', () => {
  const plan = initialSchedule(makePlan(), '2027-01-04');

  it('puts each task at the end of its due week from the start day, and the launch on the launch task', () => {
    expect(due(plan)).toEqual({ t1: '2027-01-10', t2: '2027-01-17', t3: '2027-01-17', t4: '2027-01-24', t5: '2027-01-31', t6: '2027-01-31' });
    expect(plan.schedule).toMatchObject({ startDate: '2027-01-04', launchDate: '2027-01-31', launchTaskId: 't5', launchSource: 'plan', hoursPerWeek: 5 });
  });

  it('without a launch phase the launch is the last task', () => {
    expect(launchTaskOf(makePlan('Grow'))).toBeNull();
    expect(initialSchedule(makePlan('Grow'), '2027-01-04').schedule!.launchDate).toBe('2027-01-31');
  });

  it('ensureSchedule keeps a stored schedule and fills a plan stored before due dates', () => {
    expect(ensureSchedule(plan, '2030-01-01')).toBe(plan);
    expect(due(ensureSchedule(makePlan(), '2027-01-04'))).toEqual(due(plan));
  });

  it('gives phase date ranges and readable days', () => {
    expect(phaseDates(plan)).toEqual([
      { phaseId: 'p1', from: '2027-01-10', to: '2027-01-17' },
      { phaseId: 'p2', from: '2027-01-17', to: '2027-01-24' },
      { phaseId: 'p3', from: '2027-01-31', to: '2027-01-31' },
    ]);
    expect(shortDay('2027-03-03', '2027-01-01')).toBe('Wed Mar 3');
    expect(shortDay('2027-03-03', '2026-12-01')).toBe('Wed Mar 3 2027');
  });
});

describe('replan', () => {
  const start = initialSchedule(makePlan(), '2027-01-04');

  it('at a new pace moves only open tasks, from today, and the launch moves with them', () => {
    const next = replan(start, '2027-01-04', { today: '2027-01-11', done: new Set(['t1']), hoursPerWeek: 10 });
    // 10 h/week = 0.7 days per hour: t2 (4 h) → 3rd day, t3 (6 h) → 5th day, t4 (10 h) → 7th day …
    expect(due(next)).toEqual({ t1: '2027-01-10', t2: '2027-01-13', t3: '2027-01-15', t4: '2027-01-17', t5: '2027-01-20', t6: '2027-01-22' });
    expect(next.schedule).toMatchObject({ launchDate: '2027-01-20', previousLaunchDate: '2027-01-31', movedOn: '2027-01-11', launchSource: 'plan', hoursPerWeek: 10 });
    expect(next.personalisation.hoursPerWeek).toBe(10);
    expect(start.schedule!.launchDate).toBe('2027-01-31'); // the input is not changed
  });

  it('to a chosen launch date spreads the open pre-launch tasks by hours, the launch task on the day, post-launch after it', () => {
    const next = replan(start, '2027-01-04', { today: '2027-01-04', done: new Set(['t3']), launch: { date: '2027-02-15', source: 'decision', decisionId: 7 } });
    const d = due(next);
    expect(d.t3).toBe('2027-01-17'); // done: kept
    expect(d.t5).toBe('2027-02-15');
    expect([d.t1, d.t2, d.t4, d.t5]).toEqual([...[d.t1, d.t2, d.t4, d.t5]].sort());
    // 16 pre-launch open hours over 42 days: t1 (4 h) at a quarter
    expect(d.t1).toBe('2027-01-15');
    expect(d.t6! > '2027-02-15').toBe(true);
    expect(next.schedule).toMatchObject({ launchDate: '2027-02-15', launchSource: 'decision', decisionId: 7, previousLaunchDate: '2027-01-31' });
    // a later hours change keeps the chosen date
    const again = replan(next, '2027-01-04', { today: '2027-01-05', done: new Set(['t3']), hoursPerWeek: 2 });
    expect(again.schedule).toMatchObject({ launchDate: '2027-02-15', launchSource: 'decision' });
    expect(neededHoursPerWeek(again, new Set(['t3']), '2027-01-05')).toBeCloseTo(16 / (42 / 7), 1);
  });

  it('a launch date of today makes every open pre-launch task due today', () => {
    const next = replan(start, '2027-01-04', { today: '2027-01-20', done: new Set(), launch: { date: '2027-01-20', source: 'manual' } });
    const d = due(next);
    expect([d.t1, d.t2, d.t3, d.t4, d.t5]).toEqual(Array(5).fill('2027-01-20'));
    expect(d.t6! > '2027-01-20').toBe(true);
  });
});

describe('week view', () => {
  const plan = initialSchedule(makePlan(), '2027-01-04');

  it('lists overdue tasks first, then the next ones that fit the hours, and what is due next week', () => {
    const w = weekView(plan, new Set(), '2027-01-12', 9);
    expect(w.overdue.map((t) => [t.id, t.daysLate])).toEqual([['t1', 2]]);
    expect(w.thisWeek.map((t) => t.id)).toEqual(['t2']); // 4 + 4 = 8 ≤ 9; t3 (2 h) would make 10
    expect(w.plannedHours).toBe(8);
    expect(w.nextWeek.map((t) => t.id)).toEqual(['t4']); // due Jan 24, in Jan 19–25
    expect(w).toMatchObject({ weekStart: '2027-01-12', weekEnd: '2027-01-18', launchDate: '2027-01-31', daysToLaunch: 19 });
  });

  it('allows one task bigger than the week on its own, never a second', () => {
    const w = weekView(plan, new Set(), '2027-01-04', 3);
    expect(w.thisWeek.map((t) => t.id)).toEqual(['t1']);
    expect(w.plannedHours).toBe(4);
  });

  it('overdue hours count against the week, and done tasks are never listed', () => {
    const w = weekView(plan, new Set(['t1', 't2']), '2027-01-25', 5);
    expect(w.overdue.map((t) => t.id)).toEqual(['t3', 't4']);
    expect(w.thisWeek).toEqual([]);
    const all = weekView(plan, new Set(['t1', 't2', 't3', 't4', 't5', 't6']), '2027-01-25', 5);
    expect([all.overdue, all.thisWeek, all.nextWeek]).toEqual([[], [], []]);
  });
});

describe('launch date from a timeline decision', () => {
  const today = '2026-12-06';
  it.each([
    ['launch on March 3', '2027-03-03'],
    ["We're launching on March 3", '2027-03-03'],
    ['doors open Jan 15th', '2027-01-15'],
    ['launch on December 6', '2026-12-06'],
    ['launch on December 5', '2027-12-05'],
    ['launch on 2027-03-03', '2027-03-03'],
    ['Launch is on the 3rd of March 2028', '2028-03-03'],
    ['launch in 6 weeks', '2027-01-17'],
    ['launch in two months', '2027-02-06'],
    ['launch by end of February', '2027-02-28'],
    ['we go live on April 2', '2027-04-02'],
  ])('%s → %s', (text, expected) => {
    expect(launchDateFrom(text, today)).toBe(expected);
  });

  it.each([
    ['cart closes on March 9'], ['beta launch on March 10'], ['the founding round opens Feb 1'], ['launch soon'],
    ['launch on February 30'], ['pricing is 29 a month'],
  ])('%s → no launch date', (text) => {
    expect(launchDateFrom(text, today)).toBeNull();
  });
});
