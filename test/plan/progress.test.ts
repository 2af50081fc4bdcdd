import { describe, expect, it } from 'vitest';
import { personalise, type ProfileForPlan } from '../../src/plan/personalise.js';
import { currentPhase, nextOpenTasks, planProgress } from '../../src/plan/progress.js';
import { loadTemplate } from '../../src/plan/templates.js';

const profile: ProfileForPlan = {
  displayName: 'Sam',
  niche: 'woodworking',
  platforms: [{ platform: 'YouTube', followers: 10_000, engagementRate: 4 }],
  totalAudience: 10_000,
  currentMonthlyIncomeUSD: null,
  incomeGoalUSD: null,
  hoursPerWeek: 8,
  experienceLevel: 'beginner',
};
const { plan } = personalise(loadTemplate('premium-community'), profile, new Date(2025, 2, 1));
const ids = (n: number) => Array.from({ length: n }, (_, i) => `t${i + 1}`);

describe('progress', () => {
  it('is zero with nothing done and starts in the first phase', () => {
    const p = planProgress(plan, new Set());
    expect(p).toMatchObject({ done: 0, total: 22, percent: 0 });
    expect(p.currentPhase.id).toBe('p1');
    expect(p.phases.map((x) => x.total)).toEqual([9, 4, 5, 4]);
  });

  it('counts per phase and overall, and moves to the first phase with an open task', () => {
    // phase 1 is t1–t6, t12, t14 and t8 (ids stay with their meaning, the order follows the plan)
    const done = new Set(['t1', 't2', 't3', 't4', 't5', 't6', 't12', 't14', 't8', 't9', 'not-a-task']);
    const p = planProgress(plan, done);
    expect(p.phases[0]).toEqual({ phaseId: 'p1', title: plan.phases[0]!.title, done: 9, total: 9, percent: 100 });
    expect(p.phases[1]).toMatchObject({ phaseId: 'p2', done: 1, total: 4, percent: 25 });
    expect(p).toMatchObject({ done: 10, total: 22, percent: 45 });
    expect(p.currentPhase.id).toBe('p2');
    expect(nextOpenTasks(plan, done, 3).map((t) => t.id)).toEqual(['t7', 't10', 't11']);
  });

  it('accepts a map of done flags', () => {
    const done = new Map([['t1', true], ['t2', false]]);
    expect(planProgress(plan, done).done).toBe(1);
    expect(nextOpenTasks(plan, done, 2).map((t) => t.id)).toEqual(['t2', 't3']);
  });

  it('ends at 100% in the last phase with nothing open', () => {
    const done = new Set(ids(22));
    expect(planProgress(plan, done).percent).toBe(100);
    expect(currentPhase(plan, done).id).toBe('p4');
    expect(nextOpenTasks(plan, done, 5)).toEqual([]);
  });

  it('walks into later phases for next tasks', () => {
    const done = new Set(ids(21));
    expect(nextOpenTasks(plan, done, 3).map((t) => t.id)).toEqual(['t22']);
    expect(nextOpenTasks(plan, new Set(), 0)).toEqual([]);
  });
});
