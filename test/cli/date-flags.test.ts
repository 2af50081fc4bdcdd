// Issue 16: every date flag (--since, --until, metrics add --date, project set --launch) is read by
// one parser: a real calendar day from 2000-01-01 to 2100-12-31, else one line, exit 2, nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, setupProject, tempHome } from '../helpers/cli.js';

const fx = tempHome();
const run = (args: string[]) => runCli(args, { home: fx.home });
beforeAll(async () => {
  await setupProject(fx.home);
}, 30_000);
afterAll(fx.cleanup);

const RANGE = 'must be a date from 2000-01-01 to 2100-12-31';

describe('date flags', () => {
  const cases: [string[], string][] = [
    [['usage', '--since', '0001-01-01'], `--since ${RANGE}, got "0001-01-01"`],
    [['usage', '--until', '99991231'], `--until ${RANGE}, got "99991231"`],
    [['usage', 'monthly', '--since', '1999-12-31'], `--since ${RANGE}, got "1999-12-31"`],
    [['usage', '--since', '2025-02-30'], '--since: 2025-02-30 is not a calendar date'],
    [['usage', '--since', '2025-3-1'], '--since must be a date like 2025-03-01 or 20250301, got "2025-3-1"'],
    [['metrics', 'add', '--members', '3', '--date', '1970-01-01'], `--date ${RANGE}, got "1970-01-01"`],
    [['project', 'set', '--launch', '2101-01-01'], `--launch ${RANGE}, got "2101-01-01"`],
    [['project', 'set', '--launch', '0000-00-00'], `--launch ${RANGE}, got "0000-00-00"`],
  ];
  it('out-of-range, impossible and malformed dates: exit 2, one line, nothing stored', async () => {
    const before = (await run(['project', 'show', '--json'])).stdout;
    for (const [args, line] of cases) {
      const r = await run(args);
      expect([args.join(' '), r.code, r.stderr, r.stdout]).toEqual([args.join(' '), 2, `coach: ${line}\n`, '']);
    }
    expect((await run(['project', 'show', '--json'])).stdout).toBe(before);
    expect(JSON.parse((await run(['metrics', '--json'])).stdout).checkIns).toEqual([]);
  }, 60_000);

  it('the ends of the range are accepted', async () => {
    const u = await run(['usage', '--since', '20000101', '--until', '2100-12-31', '--json']);
    expect([u.code, u.stderr]).toEqual([0, '']);
    expect(JSON.parse(u.stdout).totals.requests).toBe(0);
    const launch = await run(['project', 'set', '--launch', '2100-12-31', '--json']);
    expect(launch.code, launch.stderr).toBe(0);
    expect(JSON.parse(launch.stdout).targetLaunchDate).toBe('2100-12-31');
    const m = await run(['metrics', 'add', '--members', '3', '--date', '2000-01-01', '--json']);
    expect(m.code, m.stderr).toBe(0);
  }, 30_000);
});
