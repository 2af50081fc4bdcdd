// `coach metrics add` and `coach metrics` through the built CLI: stored shape, validation (exit 2,
// nothing stored), derived figures in --json, and the chart that degrades to text without colour.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, setupProject, tempHome } from '../helpers/cli.js';
import { query } from '../helpers/db.js';

describe('coach metrics', () => {
  const { home, cleanup } = tempHome();
  const run = (...args: string[]) => runCli(args, { home });
  const stored = () => JSON.parse(query<{ metrics: string }>(home, 'SELECT metrics FROM active_projects')[0]!.metrics);

  beforeAll(async () => {
    await setupProject(home);
    const goal = await run('profile', 'set', '--goal', '5000');
    if (goal.code !== 0) throw new Error(goal.stderr);
  });
  afterAll(cleanup);

  it('starts empty', async () => {
    const r = await run('metrics', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ checkIns: [], latest: { checkIns: 0, conversionPercent: null } });
    const text = await run('metrics');
    expect(text.stderr).toMatch(/No numbers yet/);
  });

  it('records check-ins and stores them in active_projects.metrics', async () => {
    for (const args of [
      ['--date', '2026-01-05', '--waitlist', '120'],
      ['--date', '2026-01-12', '--waitlist', '1.2k', '--members', '40', '--mrr', '$1,160'],
      ['--date', '2026-02-12', '--members', '38', '--mrr', '1102', '--churned', '4'],
    ]) {
      const r = await run('metrics', 'add', ...args);
      expect(r.code, r.stderr).toBe(0);
    }
    const list = stored();
    expect(list.map((c: Record<string, unknown>) => ({ ...c, recordedAt: typeof c.recordedAt }))).toEqual([
      { date: '2026-01-05', waitlist: 120, recordedAt: 'string' },
      { date: '2026-01-12', waitlist: 1200, members: 40, mrrUSD: 1160, recordedAt: 'string' },
      { date: '2026-02-12', members: 38, mrrUSD: 1102, churned: 4, recordedAt: 'string' },
    ]);
  });

  it('derives conversion, MRR against the income goal and churn', async () => {
    const r = JSON.parse((await run('metrics', '--json')).stdout);
    expect(Object.keys(r)).toEqual(['checkIns', 'latest', 'checks']);
    expect(r.latest).toMatchObject({
      waitlist: { value: 1200, date: '2026-01-12' }, members: { value: 38, date: '2026-02-12' },
      conversionPercent: 3.2, goalPercent: 22, goalGapUSD: 3898, incomeGoalUSD: 5000, churnPercent: 10,
    });
    const text = await run('metrics');
    expect(text.stdout).toMatch(/MRR vs the \$5,000\/month income goal: 22%, \$3,898 to go/);
    expect(text.stdout).toMatch(/Waitlist → member conversion: 3\.2%/);
    // NO_COLOR (the test env): the series as words, not glyphs
    expect(text.stdout).toMatch(/Waitlist: 120 → 1,200 \(\+1,080\)/);
    expect(text.stdout).not.toMatch(/[▁▂▃▄▅▆▇█]/);
    const colour = await runCli(['metrics'], { home, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(colour.stdout).toMatch(/[▁▂▃▄▅▆▇█]{2}/);
  });

  it.each([
    [['--waitlist', '-5'], /cannot be negative/],
    [['--waitlist', '-1'], /cannot be negative/],
    [['--members', '2.5'], /whole number/],
    // the bounds are FLAG_RANGES.metricCount (the same ones the stored check-ins are checked with)
    [['--members', '500000000'], /--members must be from 0 to 100,000,000, got "500000000"/],
    [['--waitlist', '1e9'], /whole number/],
    [['--churned', '2000m'], /--churned must be from 0 to 100,000,000/],
    [['--mrr', '-10'], /cannot be negative/],
    [['--mrr', '€300'], /US dollars/],
    [['--mrr', '900m'], /more than \$100 million|not a plausible/],
    [['--churned', '500'], /more members than you had/],
    [[], /at least one number/],
    [['--waitlist', '10', '--date', '2099-01-01'], /in the future/],
    [['--waitlist', '10', '--date', '2026-02-30'], /not a calendar date/],
  ])('refuses %j with exit 2, one line, nothing stored', async (args, message) => {
    const before = stored();
    const r = await run('metrics', 'add', ...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message as RegExp);
    expect(stored()).toEqual(before);
  });

  it('coach plan shows progress bars and the numbers over time, as text without colour', async () => {
    const plain = await run('plan');
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toMatch(/\[[#.]{20}\] 0\/\d+ tasks/);
    expect(plain.stdout).toMatch(/Numbers[\s\S]*Waitlist: 120 → 1,200 \(\+1,080\)[\s\S]*MRR: \$1,160 → \$1,102 \(−\$58\)/);
    expect(plain.stdout).not.toMatch(/[█░▁▂▃▄▅▆▇]/);
    const colour = await runCli(['plan'], { home, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(colour.stdout).toMatch(/░{10}/);
    expect(colour.stdout).toMatch(/MRR\s+\S*[▁▂▃▄▅▆▇█]/);
  });

  it('add --json returns the check-in and the latest figures', async () => {
    const r = await run('metrics', 'add', '--waitlist', '1300', '--json');
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.checkIn).toMatchObject({ waitlist: 1300 });
    expect(j.latest.waitlist.value).toBe(1300);
    expect(Array.isArray(j.checks)).toBe(true);
  });
});
