// Issue 14 through the app: a founding price said in chat is recorded beside the regular one
// (its own tier), a new regular price supersedes only the regular one, `decisions list` shows the
// tiers, and a payment processor never becomes the platform decision.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempHome } from '../helpers/cli.js';

describe('pricing tiers from chat', () => {
  const { home, cleanup } = tempHome();
  const run = (...args: string[]) => runCli(args, { home });
  const active = async () => JSON.parse((await run('decisions', 'list', '--json')).stdout) as { category: string; value: string; tier: string | null; status: string }[];
  beforeAll(async () => {
    expect((await run('profile', 'set', '--name', 'Ana', '--platform', 'youtube:30000')).code).toBe(0);
    expect((await run('project', 'start', '--offline')).code).toBe(0);
  });
  afterAll(cleanup);

  it('records the founding price beside the regular one; a new regular price supersedes only the regular', async () => {
    let r = await run('ask', '--offline', "I'm charging $29/month. Founding members get $15/month for life.");
    expect(r.code, r.stderr).toBe(0);
    expect((await active()).map((d) => [d.value, d.tier])).toEqual(expect.arrayContaining([['29 USD/month', 'regular'], ['15 USD/month', 'founding']]));
    r = await run('ask', '--offline', "Settling on $35/month, it's a good middle ground.");
    expect(r.code, r.stderr).toBe(0);
    const pricing = (await active()).filter((d) => d.category === 'pricing');
    expect(pricing.map((d) => [d.value, d.tier]).sort()).toEqual([['15 USD/month', 'founding'], ['35 USD/month', 'regular']]);
    const table = (await run('decisions', 'list')).stdout;
    expect(table).toMatch(/pricing \(founding\)/);
  });

  it('a payment processor is not the platform; the community platform is, and it ticks the choose-platform task', async () => {
    const r = await run('ask', '--offline', 'Stripe is connected for payments, and the community lives on Discord, decided.');
    expect(r.code, r.stderr).toBe(0);
    expect((await active()).filter((d) => d.category === 'platform').map((d) => d.value)).toEqual(['Discord']);
    const tasks = JSON.parse((await run('tasks', 'list', '--json')).stdout) as { id: string; title: string; done: boolean }[];
    expect(tasks.find((t) => /choose your community platform/i.test(t.title))).toMatchObject({ done: true });
  });

  it('decisions add stores a typed price the way chat does ("$39/month" → 39 USD/month), so both read the same', async () => {
    for (const [text, value] of [['$39/month', '39 USD/month'], ['€25 a month', '25 EUR/month'], ['49', '49 USD/month']] as const) {
      const r = await run('decisions', 'add', '--category', 'pricing', text, '--json');
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ decision: text, value, tier: 'regular' });
    }
    // a yearly price is the annual plan (it does not replace the monthly one); words with a number are not a price
    const annual = await run('decisions', 'add', '--category', 'pricing', '$290/year', '--json');
    expect(JSON.parse(annual.stdout)).toMatchObject({ value: '290 USD/year', tier: 'annual' });
    const words = await run('decisions', 'add', '--category', 'pricing', 'annual plan with 2 months free', '--json');
    expect(JSON.parse(words.stdout)).toMatchObject({ value: 'annual plan with 2 months free', tier: 'annual' });
    expect((await active()).filter((d) => d.category === 'pricing' && d.tier === 'regular').map((d) => d.value)).toEqual(['49 USD/month']);
    const r = await run('decisions', 'add', '--category', 'platform', 'Skool, with the classroom', '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ value: 'Skool, with the classroom' });
  });
});
