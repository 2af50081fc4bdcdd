import { describe, expect, it } from 'vitest';
import { parseDateAt } from '../../src/detector/dates.js';
import { detect } from '../../src/detector/index.js';
import { tokenize } from '../../src/detector/tokens.js';
import type { DecisionCategory } from '../../src/plan/schema.js';
import { templatePlan } from './helpers.js';

const plan = templatePlan();
const of = (category: DecisionCategory, text: string) => detect(text, plan).decisions.filter((d) => d.category === category);
const high = (category: DecisionCategory, text: string): string[] =>
  of(category, text)
    .filter((d) => d.confidence === 'high')
    .map((d) => d.value);

describe('structure', () => {
  it.each([
    ['Two tiers: a community tier and a coaching tier.', '2 tiers'],
    ["We're doing 3 tiers: basic, pro and VIP", '3 tiers'],
    ["I'm keeping it simple with one tier", '1 tier'],
    ["It's going to be a two-tier membership", '2 tiers'],
    ["It's going to be cohort-based", 'cohort-based'],
    ['Evergreen membership, people can join anytime.', 'evergreen'],
    ["I'll cap it at 100 members", 'cap at 100 members'],
    ["We're capping founding members at 50", 'cap at 50 members'],
    ["There'll be a free community and a paid tier", 'free + paid tiers'],
    ['Application-only, I want serious people.', 'application-only'],
  ])('%s → %s', (text, value) => {
    expect(high('structure', text)).toEqual([value]);
  });

  it('is not decided by questions, negations or the past', () => {
    expect(high('structure', 'Should I do two tiers or just one?')).toEqual([]);
    expect(high('structure', "I don't want multiple tiers")).toEqual([]);
    expect(high('structure', 'nah not doing a free tier')).toEqual([]);
    expect(high('structure', 'Three tiers felt like too much when I tried it last year.')).toEqual([]);
  });

  it('links to the structure decision point', () => {
    expect(of('structure', "I'll cap it at 100 members so I can actually know everyone")[0]).toMatchObject({
      rationale: 'so I can actually know everyone',
      relatedTaskId: 't7',
    });
  });
});

describe('timeline', () => {
  it.each([
    ['Launching on March 3!', 'launch on March 3'],
    ["I'll launch in 6 weeks", 'launch in 6 weeks'],
    ["I'll launch in six weeks", 'launch in 6 weeks'],
    ['we decided the doors open on 3rd of March 2027', 'launch on 2027-03-03'],
    ['The launch date is April 15th.', 'launch on April 15'],
    ['Going live next Monday 🚀', 'launch next Monday'],
    ['We go live Jan 15', 'launch on January 15'],
    ['Target launch: mid-April', 'launch in mid-April'],
    ['Launch is locked for 2027-01-12.', 'launch on 2027-01-12'],
    ['Doors open 14 September', 'launch on September 14'],
    ["We're launching in two weeks", 'launch in 2 weeks'],
    ['We launch in fourteen weeks.', 'launch in 14 weeks'],
    ["We're opening the doors in forty days", 'launch in 40 days'],
    ['Launch date moved to 10/15', 'launch on October 15'],
  ])('%s → %s', (text, value) => {
    expect(high('timeline', text)).toEqual([value]);
  });

  it('reads a beta and a cart window', () => {
    expect(high('timeline', 'Beta opens Feb 10 for founding members, public launch March 3.')).toEqual(['beta launch on February 10, launch on March 3']);
    expect(high('timeline', 'Cart opens May 5 and closes May 12')).toEqual(['launch on May 5, cart closes on May 12']);
  });

  it('is not a launch date when it is the past, someone else, another launch or a question', () => {
    for (const text of [
      'I launched my YouTube channel 3 years ago',
      'In 6 weeks I went from 2k to 10k followers',
      'Everyone says launch in 30 days',
      "I won't launch before January",
      'Can we realistically launch in 4 weeks?',
      "I'm launching the waitlist next week",
      'Launch workshop is booked for Thursday',
    ]) {
      expect(high('timeline', text), text).toEqual([]);
    }
  });

  it('holds goals and wishes to medium', () => {
    expect(of('timeline', 'Aiming to launch by the end of May, fingers crossed')).toMatchObject([
      { value: 'launch by end of May', confidence: 'medium' },
    ]);
    expect(of('timeline', 'I want to launch in the fall')[0]?.confidence).toBe('medium');
  });
});

describe('content', () => {
  it.each([
    ["I'll do weekly live calls and monthly challenges", 'weekly live calls, monthly challenges'],
    ['Members get a course library plus a Q&A every other week.', 'course library, biweekly Q&A sessions'],
    ["every Tuesday there'll be a live coaching call", 'weekly coaching calls'],
    ["I'm going to run monthly workshops", 'monthly workshops'],
    ['Office hours every Friday + a resource library', 'weekly office hours, resource library'],
    ['Members will get a new template every week', 'weekly templates'],
  ])('%s → %s', (text, value) => {
    expect(high('content', text)).toEqual([value]);
  });

  it('is not a decision when hated, refused, asked about or done by someone else', () => {
    for (const text of [
      'I hate weekly calls in other communities',
      "I won't do live calls",
      'Should I do weekly calls?',
      'my favourite creator does monthly masterclasses',
      'I had a great discovery call today',
    ]) {
      expect(high('content', text), text).toEqual([]);
    }
  });
});

describe('parseDateAt', () => {
  const parse = (text: string) => parseDateAt(tokenize(text), 0)?.text ?? null;
  it.each([
    ['on March 3', 'on March 3'],
    ['March 3rd, 2027', 'on 2027-03-03'],
    ['the 3rd of March', 'on March 3'],
    ['in 6 weeks', 'in 6 weeks'],
    ['within a month', 'in 1 month'],
    ['in a couple of weeks', 'in 2 weeks'],
    ['6 weeks from now', 'in 6 weeks'],
    ['by the end of May', 'by end of May'],
    ['in early June', 'in early June'],
    ['next Friday', 'next Friday'],
    ['in the fall', 'in autumn'],
    ['in Q2', 'in Q2'],
    ['on the 15th', 'on the 15th'],
    ['3/4', null],
    ['may be', null],
  ])('%s → %s', (text, value) => {
    expect(parse(text)).toBe(value);
  });
});
