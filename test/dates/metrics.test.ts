// Business numbers: the check-in shape (validated on read and write), merging per date, derived
// figures (conversion, MRR vs goal, churn), the plan's checkpoint thresholds, and the text charts.
import { describe, expect, it } from 'vitest';
import { addCheckIn, latestNumbers, numbersLines, parseCheckIns, thresholdChecks, type CheckIn } from '../../src/plan/metrics.js';
import type { CustomizedPlan } from '../../src/plan/schema.js';
import { barOf, sparkline, trendText } from '../../src/util/charts.js';

const at = '2027-01-01T10:00:00.000Z';

describe('check-ins', () => {
  it('adds one per date, merging a second one on the same date, sorted by date', () => {
    let list: CheckIn[] = [];
    list = addCheckIn(list, '2027-01-10', { waitlist: 180 }, at);
    list = addCheckIn(list, '2027-01-03', { waitlist: 120, members: 0 }, at);
    list = addCheckIn(list, '2027-01-10', { members: 12, mrrUSD: 348 }, at);
    expect(list).toEqual([
      { date: '2027-01-03', waitlist: 120, members: 0, recordedAt: at },
      { date: '2027-01-10', waitlist: 180, members: 12, mrrUSD: 348, recordedAt: at },
    ]);
  });

  it('refuses negative, fractional and absurd numbers on write', () => {
    expect(() => addCheckIn([], '2027-01-10', { waitlist: -1 }, at)).toThrow();
    expect(() => addCheckIn([], '2027-01-10', { members: 1.5 }, at)).toThrow();
    expect(() => addCheckIn([], '2027-01-10', { mrrUSD: 1e12 }, at)).toThrow();
    expect(() => addCheckIn([], '2027-1-10', { waitlist: 1 }, at)).toThrow();
  });

  it('validates the stored column on read', () => {
    expect(parseCheckIns('[]')).toEqual({ ok: true, value: [] });
    expect(parseCheckIns('{nope')).toMatchObject({ ok: false, error: 'not JSON' });
    expect(parseCheckIns('[{"date":"2027-01-01","waitlist":-4,"recordedAt":"x"}]').ok).toBe(false);
    expect(parseCheckIns('{"date":"2027-01-01"}').ok).toBe(false);
  });
});

describe('latest numbers', () => {
  const list: CheckIn[] = [
    { date: '2027-01-03', waitlist: 120, recordedAt: at },
    { date: '2027-01-10', waitlist: 200, members: 40, mrrUSD: 1160, recordedAt: at },
    { date: '2027-02-10', members: 38, mrrUSD: 1102, churned: 4, recordedAt: at },
  ];

  it('takes each number from the latest check-in that has it and derives conversion, goal share and churn', () => {
    const n = latestNumbers(list, 5000);
    expect(n.waitlist).toEqual({ value: 200, date: '2027-01-10' });
    expect(n.members).toEqual({ value: 38, date: '2027-02-10' });
    expect(n.conversionPercent).toBe(19); // 38 / 200
    expect(n.goalPercent).toBe(22); // 1102 / 5000
    expect(n.goalGapUSD).toBe(3898);
    expect(n.churnPercent).toBe(10); // 4 of the 40 members at the check-in before
    expect(n.change).toEqual({ waitlist: 80, members: -2, mrrUSD: -58 });
  });

  it('without a goal, a waitlist or earlier members the figures are null, never a division by zero', () => {
    const n = latestNumbers([{ date: '2027-01-01', members: 3, churned: 1, recordedAt: at }], null);
    expect([n.conversionPercent, n.goalPercent, n.goalGapUSD]).toEqual([null, null, null]);
    expect(n.churnPercent).toBe(25); // 1 of the 3 + 1 there before
    expect(latestNumbers([{ date: '2027-01-01', waitlist: 0, members: 0, recordedAt: at }], 0).conversionPercent).toBeNull();
    expect(numbersLines(latestNumbers([], 100))).toEqual([]);
  });

  it('a reached goal has no gap', () => {
    const n = latestNumbers([{ date: '2027-01-01', mrrUSD: 6000, recordedAt: at }], 5000);
    expect([n.goalPercent, n.goalGapUSD]).toEqual([120, 0]);
    expect(numbersLines(n).join('\n')).toMatch(/120%.*goal reached/);
  });

  it('answers the plan checkpoints it has numbers for, with the plan\'s next step', () => {
    const plan = {
      phases: [{ tasks: [
        { id: 't8', checkpoint: { metrics: [
          { id: 'paidFounding', label: 'paid founding members', unit: 'count', go: 10, noGo: 5 },
          { id: 'waitlistToPaid', label: 'share of the waitlist that paid', unit: 'percent', go: 10, noGo: 5 },
          { id: 'visitorToWaitlist', label: 'visitors who signed up', unit: 'percent', go: 5, noGo: 2 },
        ], ifGo: 'Build it.', ifBetween: 'Rework the offer.', ifNoGo: 'Refund and rethink.' } },
        { id: 't22', checkpoint: { metrics: [{ id: 'goalShare', label: 'MRR as a share of your goal', unit: 'percent', go: 25, noGo: 10 }], ifGo: 'On track.', ifBetween: 'Grow the list.', ifNoGo: 'Fix the offer.' } },
      ] }],
    } as unknown as CustomizedPlan;
    const n = latestNumbers([{ date: '2027-01-10', waitlist: 200, members: 14, mrrUSD: 406, recordedAt: at }], 5000);
    const checks = thresholdChecks(plan, n);
    expect(checks.map((c) => [c.metricId, c.value, c.verdict, c.next])).toEqual([
      ['paidFounding', 14, 'go', 'Build it.'],
      ['waitlistToPaid', 7, 'between', 'Rework the offer.'],
      ['goalShare', 8.1, 'no-go', 'Fix the offer.'],
    ]);
    const text = numbersLines(n, checks).join('\n');
    expect(text).toMatch(/Waitlist → member conversion: 7%/);
    expect(text).toMatch(/MRR vs the \$5,000\/month income goal: 8\.1%, \$4,594 to go/);
    expect(text).toMatch(/share of the waitlist that paid: 7% → between \(go at 10%\+, no-go under 5%\)\. Rework the offer\./);
  });
});

describe('text charts', () => {
  it('sparklines scale between min and max; a flat series is level', () => {
    expect(sparkline([0, 50, 100])).toBe('▁▅█');
    expect(sparkline([5, 5])).toBe('▄▄');
    expect(sparkline([])).toBe('');
  });

  it('the plain-text form names the values and the change', () => {
    expect(trendText([120, 150, 180])).toBe('120 → 150 → 180 (+60)');
    expect(trendText([1, 2, 3, 4, 5, 6, 3])).toBe('1 → … → 4 → 5 → 6 → 3 (+2)');
    expect(trendText([9, 4], (n) => `$${n}`)).toBe('$9 → $4 (−$5)');
  });

  it('bars fill in proportion, in blocks or in ASCII', () => {
    expect(barOf(0.5, 10)).toBe('█████░░░░░');
    expect(barOf(0.25, 8, true)).toBe('[##......]');
    expect(barOf(7, 4)).toBe('████');
  });
});

describe('the coach prompt section', async () => {
  const { numbersSection } = await import('../../src/coach/prompt-numbers.js');
  it('lists the numbers and dates, or invites a first check-in', () => {
    const lines = numbersLines(latestNumbers([{ date: '2027-01-10', waitlist: 200, members: 8, recordedAt: at }], null));
    const text = numbersSection({ lines, schedule: ['Target launch: 2027-03-03 (in 52 days); today is 2027-01-10'] }).join('\n');
    expect(text).toMatch(/## Dates\n- Target launch: 2027-03-03/);
    expect(text).toMatch(/## Their business numbers[^\n]*\n- Waitlist: 200 as of 2027-01-10\n- Paying members: 8 as of 2027-01-10\n- Waitlist → member conversion: 4%/);
    expect(numbersSection({ lines: [] }).join('\n')).toMatch(/None recorded yet\. Numbers they state in a message are offered to them to record/);
    expect(numbersSection(undefined)).toEqual([]);
  });
});
