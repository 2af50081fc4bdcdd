import { describe, expect, it } from 'vitest';
import { detect } from '../../src/detector/index.js';
import { templatePlan } from './helpers.js';

const plan = templatePlan();
const first = (text: string) => detect(text, plan).decisions[0];

describe('detect: shape', () => {
  it('returns decisions, completions and next steps with every field', () => {
    const r = detect("Okay big update. I've decided on Skool because the gamification keeps people engaged, and I'm charging $39/month. Launching on May 1st!", plan);
    expect(r.decisions).toEqual([
      {
        category: 'platform',
        decision: "I've decided on Skool because the gamification keeps people engaged, and I'm charging $39/month.",
        value: 'Skool',
        confidence: 'high',
        rationale: 'because the gamification keeps people engaged',
        relatedTaskId: 't5',
      },
      {
        category: 'pricing',
        decision: "I've decided on Skool because the gamification keeps people engaged, and I'm charging $39/month.",
        value: '39 USD/month',
        confidence: 'high',
        rationale: 'because the gamification keeps people engaged',
        relatedTaskId: 't4',
      },
      {
        category: 'timeline',
        decision: 'Launching on May 1st!',
        value: 'launch on May 1',
        confidence: 'high',
        rationale: null,
        relatedTaskId: 't16',
      },
    ]);
    expect(r.taskCompletions).toEqual([]);
    expect(r.nextSteps.length).toBeGreaterThan(0);
  });

  it('returns empty lists for empty or blank text', () => {
    for (const text of ['', '   ', '\n\n', '🙂']) {
      const r = detect(text, plan);
      expect(r.decisions).toEqual([]);
      expect(r.taskCompletions).toEqual([]);
    }
  });

  it('has no related task when the plan has no decision point for the category', () => {
    const d = detect("I've decided to charge $29/month", { ...plan, decisionPoints: [] }).decisions[0];
    expect(d?.relatedTaskId).toBeNull();
  });

  it('works with an empty plan', () => {
    const r = detect("I've decided to charge $29/month. Finished the sales page.", { tasks: [], decisionPoints: [] });
    expect(r.decisions).toMatchObject([{ value: '29 USD/month', relatedTaskId: null }]);
    expect(r.taskCompletions).toEqual([]);
    expect(r.nextSteps).toEqual([]);
  });

  it('is safe with words that are Object.prototype keys', () => {
    const r = detect('constructor 5 toString __proto__ hasOwnProperty valueOf Skool. I will use constructor Skool.', plan);
    expect(r.decisions.map((d) => d.value)).toEqual(['Skool']);
  });
});

describe('detect: rationale', () => {
  it.each([
    ["I'm going to charge $29/month because my audience is students", 'because my audience is students'],
    ["I'll use Discord since my community already hangs out there", 'since my community already hangs out there'],
    ["I'll cap it at 100 members so that everyone gets feedback", 'so that everyone gets feedback'],
    ["I'll cap it at 100 members so I can know everyone", 'so I can know everyone'],
    ["I'll use Skool as my audience is used to it", 'as my audience is used to it'],
    ["Because my audience is on Discord, I'll use Discord", 'Because my audience is on Discord'],
    ["I'm going with Discord. That's because my people are there.", 'because my people are there'],
    ["I'm going with Discord. Because my people are there!", 'Because my people are there'],
  ])('%s', (text, rationale) => {
    expect(first(text)?.rationale).toBe(rationale);
  });

  it('is null without a reason, and "as"/"since" in other senses are not reasons', () => {
    expect(first("I'll charge $29/month")?.rationale).toBeNull();
    expect(first("I'll use Skool as well")?.rationale).toBeNull();
    expect(first("I'll use Skool, same as since January")?.rationale).toBeNull();
  });

  it('never takes an item inside the reason for a decision', () => {
    const d = detect("I'm going with Skool because Circle is too expensive", plan).decisions;
    expect(d.map((x) => x.value)).toEqual(['Skool']);
  });

  it('caps a runaway reason', () => {
    const r = first(`I'll use Skool because ${'it is great and '.repeat(100)}`)?.rationale ?? '';
    expect(r.length).toBeLessThanOrEqual(301);
    expect(r.startsWith('because it is great')).toBe(true);
  });
});

describe('detect: commitment', () => {
  it('is high for decisions, low for musings, and never high for questions, negations or hypotheticals', () => {
    const conf = (text: string) => detect(text, plan).decisions.map((d) => d.confidence);
    expect(conf("I've decided to charge $29/month")).toEqual(['high']);
    expect(conf('maybe $29?')).toEqual(['low']);
    expect(conf('thinking about Skool')).toEqual(['low']);
    expect(conf('leaning towards Circle')).toEqual(['medium']);
    for (const text of [
      'should I use Discord?',
      'Should I charge $29/month?',
      "I won't use Patreon",
      'not Discord',
      'definitely not Skool',
      'if I charged $50 would people pay',
      'What if I launched on March 3?',
      "Yeah right, like I'd ever move my people to Facebook Groups lol",
    ]) {
      expect(conf(text).filter((c) => c === 'high'), text).toEqual([]);
    }
  });

  it('keeps a contrast apart: the first half does not decide the second', () => {
    const d = detect("So I was going to charge $19 but after the survey results I've decided on $29/month.", plan).decisions;
    expect(d.filter((x) => x.confidence === 'high').map((x) => x.value)).toEqual(['29 USD/month']);
    expect(d.find((x) => x.value === '19 USD/month' || x.value === '19 USD')?.confidence).toBe('low');
  });

  it('applies a confirmation at the end of the message to bare items listed before it', () => {
    const d = detect('charging $29/mo. launching in 6 weeks. skool. weekly calls. done planning, time to build 💪', plan).decisions;
    expect(d.map((x) => [x.category, x.value, x.confidence])).toEqual([
      ['pricing', '29 USD/month', 'high'],
      ['timeline', 'launch in 6 weeks', 'high'],
      ['platform', 'Skool', 'high'],
      ['content', 'weekly live calls', 'high'],
    ]);
  });
});
