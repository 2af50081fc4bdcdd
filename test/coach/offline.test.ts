// The offline coach's engine: reactions to what the detector recorded, wording per surface (TUI
// keys vs CLI commands), the founding price it shares with the personalisation, tasks found by
// template data rather than ids, and the number reader.
import { describe, expect, it } from 'vitest';
import { readNumbers } from '../../src/coach/offline/numbers.js';
import { personalise } from '../../src/plan/personalise.js';
import type { CustomizedPlan } from '../../src/plan/schema.js';
import { ask, done, fx, noDetection, plan, profile, taskTitled, tasks, today } from './offline-fixture.js';

const firstOpen = tasks.find((t) => !done.has(t.id))!;

describe('reactions to the detector', () => {
  const pricingPoint = plan.decisionPoints.find((d) => d.category === 'pricing')!;
  it('notes a recorded decision, checks it against the band, and says what it unlocks instead of re-answering pricing', () => {
    const a = ask("I've decided to charge $29/month because it matches my audience", {
      applied: { decisions: [{ category: 'pricing', value: '29 USD/month', decision: 'charge $29/month' }], tasksCompleted: [] },
    });
    expect(a.text).toMatch(/your \*\*pricing\*\* decision: 29 USD\/month/);
    expect(a.text).toContain(`That unlocks: ${pricingPoint.taskIds.filter((id) => !done.has(id))[0]}`);
    expect(a.text).toMatch(/(Inside|under|above) your \$\d+–\$\d+ band/);
    expect(a.text).not.toContain('paying member'); // not the pricing answer again
    expect(a.intent).toBe('report');
  });

  it('celebrates a completed task with the new count and the next step', () => {
    const t = firstOpen;
    const after = new Set([...done, t.id]);
    const a = ask(`I finished ${t.title.toLowerCase()}`, { done: after, applied: { decisions: [], tasksCompleted: [t.id] } });
    expect(a.text).toContain(`marked **${t.id} ${t.title}** as done (${after.size}/${tasks.length})`);
    const next = tasks.find((x) => !after.has(x.id))!;
    expect(a.text).toContain(`**${next.id} `);
    expect(a.text).not.toMatch(/can't answer|beyond the offline coach|don't have an offline answer/);
  });

  it('offers what it only suspects with the key in the TUI and the command on the CLI', () => {
    const detection = {
      ...noDetection,
      decisions: [{ category: 'platform' as const, decision: 'thinking about Skool', value: 'Skool', confidence: 'low' as const, rationale: null, relatedTaskId: null }],
      taskCompletions: [{ taskId: firstOpen.id, confidence: 'medium' as const, evidence: 'x' }],
    };
    const tui = ask('still thinking it over', { detection: detection as never, surface: 'tui' }).text;
    const cli = ask('still thinking it over', { detection: detection as never, surface: 'cli' }).text;
    expect(tui).toMatch(/weighing \*\*Skool\*\* for platform/);
    expect(tui).toContain('Ctrl+Y');
    expect(tui).toContain(`Space on ${firstOpen.id}`);
    expect(tui).not.toContain('coach decisions add');
    expect(cli).toContain('`coach decisions add --category platform "Skool"`');
    expect(cli).toContain(`\`coach tasks done ${firstOpen.id}\``);
    expect(cli).not.toMatch(/Ctrl\+|Space on/);
  });
});

describe('surfaces', () => {
  it('"this week" tells the TUI user the keys and the CLI user the command', () => {
    const tui = ask('what should I do this week', { surface: 'tui' }).text;
    const cli = ask('what should I do this week', { surface: 'cli' }).text;
    expect(tui).toMatch(new RegExp(`Tab, then Space on ${firstOpen.id}|/done ${firstOpen.id}`));
    expect(tui).not.toContain('coach tasks done');
    expect(cli).toContain(`\`coach tasks done ${firstOpen.id}\``);
  });
  it('the unknown answer points the CLI user at --offline and the TUI user at /offline', () => {
    expect(ask('whats the weather', { surface: 'cli' }).text).toContain('without --offline');
    expect(ask('whats the weather', { surface: 'tui' }).text).toContain('/offline');
  });
});

describe('numbers from the plan', () => {
  it('uses the founding price the personalisation computed, for small to very large audiences', () => {
    for (const followers of [300, 2_000, 45_000, 250_000, 2_000_000]) {
      const p = { ...profile, platforms: [{ platform: 'instagram', followers, engagementRate: 4 }], totalAudience: followers };
      const own = personalise(JSON.parse(JSON.stringify(templateOf())), p, new Date(`${today}T12:00:00`)).plan;
      const expected = Number(/Founding members: \$(\d+)/.exec(own.personalisation.priceReasoning.join('\n'))![1]);
      const a = ask('founding member price?', { plan: own, profile: p }).text;
      expect(a, `${followers} followers`).toContain(`**$${expected}/month**`);
    }
  });

  it('this week: open tasks in plan order whose hours fit the hours per week, the first one included', () => {
    for (const hours of [3, 6, 10]) {
      const a = ask(`what should I do this week, I have ${hours} hours`).text;
      const ids = [...a.matchAll(/\*\*(t\d+) /g)].map((m) => m[1]!);
      expect(ids[0]).toBe(firstOpen.id);
      const total = ids.reduce((s, id) => s + tasks.find((t) => t.id === id)!.hours, 0);
      if (ids.length > 1 || firstOpen.hours <= hours) expect(total, a).toBeLessThanOrEqual(hours);
      for (const id of ids) expect(done.has(id)).toBe(false);
    }
  });

  it('a task bigger than the week is split over weeks', () => {
    const big = [...tasks].sort((a, b) => b.hours - a.hours)[0]!;
    const before = new Set(tasks.slice(0, tasks.indexOf(big)).map((t) => t.id));
    const a = ask('what should i do this week', { done: before }).text;
    expect(a).toContain(`**${big.id} `);
    expect(a).toContain(`${Math.ceil(big.hours / 6)} weeks`);
  });

  it('burnout with no number halves the pace and gives the new launch date', () => {
    const a = ask("i'm exhausted, this is too much");
    expect(a.intent).toBe('pace');
    expect(a.text).toContain(fx.launchAt(3));
  });

  it('finds tasks by what the template says, not by their ids', () => {
    const renamed: CustomizedPlan = JSON.parse(JSON.stringify(plan).replace(/"t(\d+)"/g, '"t$10"'));
    const founding = taskTitled(/founding/i);
    const a = ask('founding member price?', { plan: renamed, done: new Set([...done].map((id) => `${id}0`)) }).text;
    expect(a).toContain(`**${founding.id}0 ${founding.title}**`);
  });

  it('when every task is done, "this week" and progress say so', () => {
    const all = new Set(tasks.map((t) => t.id));
    expect(ask('what should i do this week', { done: all }).text).toMatch(/Every task is done/);
    expect(ask('where am i', { done: all }).text).toMatch(/100%|22\/22/);
  });
});

describe('reading numbers', () => {
  it.each([
    ['I have 300 on the waitlist and only 6 paid', { waitlist: 300, buyers: 6 }],
    ['1,200 people visited the landing page and 150 signed up', { visitors: 1200, waitlist: 150 }],
    ['waitlist is at 900, 120 bought the founding offer', { waitlist: 900, buyers: 120 }],
    ['4 of my 40 members cancelled this month', { cancelled: 4, members: 40 }],
    ['out of 300 signups, 9 bought', { waitlist: 300, buyers: 9 }],
    ['i have 12k subscribers on youtube', { audience: 12000 }],
    ['my email list has 2.5k subscribers', { waitlist: 2500 }],
  ])('%s', (text, expected) => {
    expect(readNumbers(text)).toMatchObject(expected);
  });
  it('reads hours per week, percentages and money', () => {
    expect(readNumbers('can I slow down to 3 hours a week').hoursPerWeek).toBe(3);
    expect(readNumbers("i'll only have 2h/week").hoursPerWeek).toBe(2);
    expect(readNumbers('maybe five hours').hoursPerWeek).toBe(5);
    expect(readNumbers('churn is 12% and 3.5 percent').percents).toEqual([12, 3.5]);
    expect(readNumbers('is $49 or 15 bucks or $1.5k better').money).toEqual([49, 15, 1500]);
  });
  it('ignores numbers it cannot label', () => {
    expect(readNumbers('I posted 3 times in 2 weeks')).toMatchObject({ waitlist: null, buyers: null, audience: null, members: null });
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTemplate } from '../../src/plan/templates.js';
function templateOf() {
  return parseTemplate(JSON.parse(readFileSync(join(import.meta.dirname, '../../templates/premium-community.json'), 'utf8')), 'premium-community.json');
}

import { targetDayIn } from '../../src/coach/offline/when.js';
describe('reading a target day', () => {
  it.each([
    ['launch before christmas', '2026-12-24'],
    ['by march', '2027-03-31'],
    ['before march', '2027-03-01'],
    ['by the end of january', '2027-01-31'],
    ['in 6 weeks', '2027-01-06'],
    ['on 2027-02-01', '2027-02-01'],
    ['mid april', '2027-04-15'],
    ['by feb 14', '2027-02-14'],
    ['launch in november', '2026-11-30'],
  ])('%s → %s (from 2026-11-25)', (text, day) => {
    expect(targetDayIn(text, '2026-11-25')).toBe(day);
  });
  it('finds none in a question without a date', () => {
    expect(targetDayIn('when can I launch?', '2026-11-25')).toBeNull();
  });
});

describe('the same figures as the personalisation', () => {
  it('expects the members the price reasoning expects, for rates, views and no data', () => {
    const cases = [
      [{ platform: 'instagram', followers: 45000, engagementRate: 3.2 }],
      [{ platform: 'youtube', followers: 80000, avgViews: 12000 }],
      [{ platform: 'tiktok', followers: 9000 }],
    ];
    for (const platforms of cases) {
      const total = platforms[0]!.followers;
      const p = { ...profile, platforms, totalAudience: total };
      const own = personalise(templateOf(), p, new Date(`${today}T12:00:00`)).plan;
      const expected = /Expected paying members[^~]*~([\d,.]+)/.exec(own.personalisation.priceReasoning.join('\n'))![1]!;
      const a = ask('how many members can i realistically expect', { plan: own, profile: p }).text;
      expect(a, JSON.stringify(platforms)).toContain(`about ${expected})`);
    }
  });
});

describe('pace changes become a decision', () => {
  it('the sentence it suggests is one the detector records as the timeline decision', async () => {
    const { detect } = await import('../../src/detector/index.js');
    const { detectorPlanOf } = await import('../../src/app/views.js');
    const tui = ask('can I slow down to 3 hours a week', { surface: 'tui' }).text;
    const said = /tell me "([^"]+)"/.exec(tui)![1]!;
    expect(said).toContain(fx.launchAt(3));
    const found = detect(said, detectorPlanOf(plan.phases, plan.decisionPoints, done));
    expect(found.decisions).toContainEqual(expect.objectContaining({ category: 'timeline', confidence: 'high' }));
    expect(tui).not.toContain('coach ');
  });
});

describe('questions and reports', () => {
  it('a comparison question gets no "weighing" note for the topic it answers', () => {
    const detection = {
      ...noDetection,
      decisions: [{ category: 'platform' as const, decision: 'Discord', value: 'Discord', confidence: 'low' as const, rationale: null, relatedTaskId: null }],
    };
    const a = ask('Discord or Circle?', { detection: detection as never });
    expect(a.intent).toBe('platform');
    expect(a.text).not.toMatch(/weighing/);
  });
  it('a finished task the detector did not tick is acknowledged with how to tick it, not its how-to', () => {
    const sales = taskTitled(/sales page/i);
    const a = ask('ok I finished the sales page');
    expect(a.intent).toBe('task');
    expect(a.text).toContain(`Sounds like **${sales.id} `);
    expect(a.text).toContain(`\`coach tasks done ${sales.id}\``);
  });
});

describe('numbers the creator just stated (the detector read them; the app offers to record them)', () => {
  const said = async (q: string, over = {}) => {
    const { detect } = await import('../../src/detector/index.js');
    const { detectorPlanOf } = await import('../../src/app/views.js');
    return ask(q, { detection: detect(q, detectorPlanOf(plan.phases, plan.decisionPoints, done)), ...over });
  };
  const revenueTask = taskTitled(/revenue checkpoint/i);

  it('paying members: said back as MRR at the price, against the income goal and the revenue checkpoint', async () => {
    const a = await said('we have 30 paying members now');
    expect(a.intent).toBe('stated-numbers');
    const mrr = 30 * fx.band.suggested;
    expect(a.text).toContain(`Noted: 30 paying members.`);
    expect(a.text).toContain(`$${mrr.toLocaleString('en-US')}/month`);
    expect(a.text).toContain(`${Number(((mrr / 5000) * 100).toFixed(1))}%** of your $5,000/month goal`);
    expect(a.text).toContain(`**${revenueTask.id} `);
    expect(a.text).toContain('The command below records it');
  });

  it('a waitlist: the rate against the followers, and what it gives at the plan\'s go/no-go rates', async () => {
    const a = await said('we hit 180 on the waitlist');
    expect(a.text).toContain('180 of 57,000 = **0.32%** (1–5% is typical): low so far.');
    expect(a.text).toContain('at 5–10% of the list, 9–18 founding members in **');
  });

  it('at the price the creator decided, not the suggested one; in the TUI, Ctrl+Y', async () => {
    const a = await said('we have 30 paying members now', { surface: 'tui', decisions: [{ category: 'pricing', value: '49 USD/month', decision: '$49/month', tier: 'regular' }, { category: 'pricing', value: '19 USD/month', decision: '$19', tier: 'founding' }] });
    expect(a.text).toContain('30 × $49 ≈ **$1,470/month**');
    expect(a.text).toContain('Ctrl+Y records it');
  });

  it('a waitlist with buyers is still the conversion answer; a price question with a number in it is still the price answer', async () => {
    expect((await said("we're at 240 on the waitlist and 15 paid founding members")).intent).toBe('conversion');
    expect((await said('we have 30 paying members now, how much should I charge?')).intent).toBe('pricing');
  });
});

describe('review findings', () => {
  it('sentences are not cut after "e.g." even when a number or a capital follows', async () => {
    const { sentences } = await import('../../src/coach/offline/facts.js');
    expect(sentences('A real seat cap (e.g. 20–50) and a deadline. Spaces (e.g. Start here, Wins). Next.')).toEqual(['A real seat cap (e.g. 20–50) and a deadline.', 'Spaces (e.g. Start here, Wins).', 'Next.']);
  });

  it('a number inside a question is not "noted": the question is answered', async () => {
    const { detect } = await import('../../src/detector/index.js');
    const { detectorPlanOf } = await import('../../src/app/views.js');
    for (const q of ['we have 12 paying members. How do I get more?', 'we have 200 on the waitlist. How do I convert them?']) {
      const a = ask(q, { detection: detect(q, detectorPlanOf(plan.phases, plan.decisionPoints, done)) });
      expect(a.intent, q).not.toBe('stated-numbers');
      expect(a.text, q).not.toMatch(/^(Noted|Got it)/);
    }
  });

  it('a number already recorded is not offered again, and the answer says so instead of pointing at a missing command', async () => {
    const { detect } = await import('../../src/detector/index.js');
    const { detectorPlanOf } = await import('../../src/app/views.js');
    const q = 'we hit 180 on the waitlist';
    const a = ask(q, { detection: detect(q, detectorPlanOf(plan.phases, plan.decisionPoints, done)), applied: { decisions: [], tasksCompleted: [], numbers: [] } });
    expect(a.text).toContain('That is what you recorded last time.');
    expect(a.text).not.toMatch(/command below|Ctrl\+Y/);
  });

  it('"what if nobody pays?" and "is that enough to start?" with a list reach their answers', () => {
    expect(ask('what if nobody pays?').intent).toBe('fear');
    expect(ask('I have 500 on my newsletter, is that enough to start?').intent).toBe('conversion');
    expect(ask('I have 2000 on my email list, is that enough to start?').text).toContain('100–200 founding members');
  });
});
