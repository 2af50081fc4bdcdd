// Business numbers stated to `coach ask` (offline coach, no key): offered on stderr and in --json
// with the exact `coach metrics add` command, never recorded by the exchange itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, setupProject, tempHome } from '../helpers/cli.js';
import { query } from '../helpers/db.js';

describe('coach ask: numbers stated in chat', () => {
  const { home, cleanup } = tempHome();
  const run = (...args: string[]) => runCli(args, { home });
  const stored = () => JSON.parse(query<{ metrics: string | null }>(home, 'SELECT metrics FROM active_projects')[0]!.metrics ?? '[]');
  const numberLines = (stderr: string) => stderr.split('\n').filter((l) => /metrics add/.test(l));

  beforeAll(() => setupProject(home));
  afterAll(cleanup);

  it('offers the numbers of one message on one stderr line with the command that records them, and stores none', async () => {
    const r = await run('ask', 'Good week! We hit 180 on the waitlist and we have 12 paying members now. MRR is $348.');
    expect(r.code, r.stderr).toBe(0);
    expect(numberLines(r.stderr)).toEqual([
      'sounds like 180 on the waitlist, 12 paying members and MRR of $348 — to record them: coach metrics add --waitlist 180 --members 12 --mrr 348',
    ]);
    expect(stored()).toEqual([]);
  });

  it('keeps the --profile the user gave in the command', async () => {
    const r = await run('--profile', 'default', 'ask', '3 people cancelled this month');
    expect(r.code, r.stderr).toBe(0);
    expect(numberLines(r.stderr)).toEqual(['sounds like 3 members churned — to record it: coach --profile default metrics add --churned 3']);
  });

  it('--json puts them in the suggestions array with the metric fields, the quote and the command', async () => {
    const r = await run('ask', '--json', 'Update: 23 founding members joined. Also I want 100 members by June.');
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.suggestions).toEqual([
      { source: 'rules', kind: 'numbers', numbers: { members: 23 }, quote: 'Update: 23 founding members joined.', command: 'coach metrics add --members 23' },
    ]);
    expect(r.stderr).not.toMatch(/metrics add/);
  });

  it('goals, hypotheticals, other people and prices are not numbers', async () => {
    for (const text of ['I want 100 members', 'aiming for $5k MRR', 'if we get 200 sign-ups I launch', 'my friend has 300 members', "I'm charging $29/month"]) {
      const r = await run('ask', text);
      expect(r.code, r.stderr).toBe(0);
      expect(numberLines(r.stderr), text).toEqual([]);
    }
  });

  it('the offered command records it; the same number said again is not offered twice', async () => {
    const first = await run('ask', 'we hit 180 on the waitlist');
    const command = numberLines(first.stderr)[0]!.split(': ').at(-1)!;
    const add = await run(...command.split(' ').slice(1));
    expect(add.code, add.stderr).toBe(0);
    expect(stored()).toEqual([expect.objectContaining({ waitlist: 180 })]);
    const again = await run('ask', 'still 180 on the waitlist, we hit 180 on the waitlist');
    expect(numberLines(again.stderr)).toEqual([]);
    const more = await run('ask', 'we hit 210 on the waitlist');
    expect(numberLines(more.stderr)).toEqual(['sounds like 210 on the waitlist — to record it: coach metrics add --waitlist 210']);
  });
});
