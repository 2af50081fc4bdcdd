// The semantic cases of issue 14, each with a sibling, and the category registry.
import { describe, expect, it } from 'vitest';
import { DECISION_CATEGORIES, REGISTRY, detect } from '../../src/detector/index.js';
import { DECISION_CATEGORIES as PLAN_CATEGORIES } from '../../src/plan/schema.js';
import { templatePlan } from './helpers.js';

const plan = templatePlan();
const high = (text: string) =>
  detect(text, plan).decisions.filter((d) => d.confidence === 'high').map((d) => `${d.category}: ${d.value}${d.tier && d.tier !== 'regular' ? ` [${d.tier}]` : ''}`);

describe('category registry', () => {
  it('is the one list of categories, and the plan schema reads it', () => {
    expect(REGISTRY.map((m) => m.category)).toEqual([...DECISION_CATEGORIES]);
    expect([...PLAN_CATEGORIES]).toEqual([...DECISION_CATEGORIES]);
  });
});

describe('issue 14 semantics', () => {
  it.each([
    ['Founding members get in at $12/month for life, the regular price is $25/month.', ['pricing: 12 USD/month [founding]', 'pricing: 25 USD/month']],
    ['Annual members pay $240/year.', ['pricing: 240 USD/year [annual]']],
    ['VIP tier is $120 a month, the standard one $30 a month.', ['pricing: 120 USD/month [premium]', 'pricing: 30 USD/month']],
    ['Stripe is wired up for the checkout.', []],
    ["We'll send the welcome emails with Mailchimp.", []],
    ['I was on Patreon for ages but now we are moving to Circle.', ['platform: Circle']],
    ['Telegram costs nothing, so I will just use that.', ['platform: Telegram']],
    ["Settling on Mighty Networks, it has the best app.", ['platform: Mighty Networks']],
    ['Capping it at 35 members.', ['structure: cap at 35 members']],
    ['Every Wednesday there will be a live Q&A.', ['content: weekly Q&A sessions']],
    ['We open the doors next Tuesday.', ['timeline: launch next Tuesday']],
    ['Launching in five weeks.', ['timeline: launch in 5 weeks']],
    ['My cousin charges $60 a month for his club.', []],
    ["If I charged $40 would people pay?", []],
  ])('%s', (text, expected) => {
    expect(high(text).sort()).toEqual([...expected].sort());
  });

  it('a partial task completion is a suggestion; a platform decision ticks the choose-your-platform task', () => {
    const partial = detect('Sent out the audience survey today.', plan).taskCompletions;
    expect(partial).toEqual([expect.objectContaining({ taskId: 't2', confidence: 'medium' })]);
    const chosen = detect("I've chosen Skool.", plan).taskCompletions;
    expect(chosen).toEqual([expect.objectContaining({ taskId: 't5', confidence: 'high' })]);
  });
});
