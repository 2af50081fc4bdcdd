// `coach detect`: what the detector finds, stores nothing — decisions with their pricing tier,
// task completions, and the business numbers a text states (offered, never recorded).
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempHome } from '../helpers/cli.js';

describe('coach detect', () => {
  const { home, cleanup } = tempHome();
  afterAll(cleanup);

  it('--json lists decisions with their tier and the stated numbers', async () => {
    const r = await runCli(['detect', '--json', "Founding members get $15/month for life. We hit 180 on the waitlist and MRR is $348."], { home });
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.decisions).toEqual([expect.objectContaining({ category: 'pricing', tier: 'founding', value: '15 USD/month' })]);
    expect(j.numbers).toEqual([
      { metric: 'waitlist', value: 180, quote: 'We hit 180 on the waitlist and MRR is $348.' },
      { metric: 'mrrUSD', value: 348, quote: 'We hit 180 on the waitlist and MRR is $348.' },
    ]);
  });

  it('prints the numbers and the tier in text, and "Nothing detected." only when there is nothing', async () => {
    const r = await runCli(['detect', "Founding members get $15/month for life. We have 12 paying members now."], { home });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/pricing \(founding\): 15 USD\/month/);
    expect(r.stdout).toMatch(/number\s+12 paying members/);
    expect(r.stdout).not.toMatch(/Nothing detected/);
    expect((await runCli(['detect', 'I want 100 members by June'], { home })).stdout).toMatch(/Nothing detected/);
  });
});
