// Business numbers stated in chat: a labelled table of creator messages, positives and the
// tricky negatives (goals, hedges, hypotheticals, questions, the past, other people's numbers,
// prices, other kinds of sign-ups). Prints precision and recall; every row must come out right.
import { describe, expect, it } from 'vitest';
import { detect, detectNumbersIn } from '../../src/detector/index.js';
import type { NumberMetric } from '../../src/detector/index.js';
import { templatePlan } from './helpers.js';

type Expected = Partial<Record<NumberMetric, number>>;

const POSITIVE: [string, Expected][] = [
  ['we hit 180 on the waitlist', { waitlist: 180 }],
  ["we're at 240 on the waitlist and 15 paid founding members, MRR is $285", { waitlist: 240, members: 15, mrrUSD: 285 }],
  ['15 paid founding members so far', { members: 15 }],
  ['14 people bought founding seats', { members: 14 }],
  ['3 of my 40 members cancelled', { churned: 3 }],
  ['our group has 40 members', { members: 40 }],
  ['30 people have paid for a founding spot', { members: 30 }],
  ['Waitlist is at 1.2k!', { waitlist: 1200 }],
  ['180 people signed up', { waitlist: 180 }],
  ['We have 12 paying members now.', { members: 12 }],
  ['23 founding members joined', { members: 23 }],
  ['MRR is $1,450', { mrrUSD: 1450 }],
  ["Honestly I'm making $900/month from it already", { mrrUSD: 900 }],
  ['3 people cancelled this month', { churned: 3 }],
  ['3 people churned this month', { churned: 3 }],
  ['Update: waitlist: 340, members: 28, MRR: $812', { waitlist: 340, members: 28, mrrUSD: 812 }],
  ['The waitlist went from 120 to 180 this week', { waitlist: 180 }],
  ['240 people are on the waitlist now', { waitlist: 240 }],
  ['Just crossed 1,000 sign-ups on the waitlist 🎉', { waitlist: 1000 }],
  ['We lost 2 members this month but gained 5', { churned: 2 }],
  ['2 members cancelled after the first month', { churned: 2 }],
  ["we're at $2.1k MRR", { mrrUSD: 2100 }],
  ['Monthly recurring revenue is now $3,200.', { mrrUSD: 3200 }],
  ['The community is bringing in $1,200 a month', { mrrUSD: 1200 }],
  ['So happy because 95 people joined the waitlist over the weekend', { waitlist: 95 }],
  ['Doors opened yesterday and 41 people paid', { members: 41 }],
  ['We have 40 members and MRR is $1,160', { members: 40, mrrUSD: 1160 }],
  ['member count is 57', { members: 57 }],
  ['twelve people joined the community so far', { members: 12 }],
  ["Three members left this month, that's rough", { churned: 3 }],
  ['The Skool group has 64 paying members.', { members: 64 }],
  ["we're up to 40 members", { members: 40 }],
  ['Our waitlist is 180 people, is that enough?', { waitlist: 180 }],
  ["we're making $450 a month off the membership", { mrrUSD: 450 }],
  ['2 people left the community', { churned: 2 }],
  ['1 person cancelled today', { churned: 1 }],
  ['waitlist sitting at 180', { waitlist: 180 }],
  ['We went from 50 members to 80 over the summer', { members: 80 }],
  ['Sent the launch email to 300 people on the waitlist', { waitlist: 300 }],
  ['I charge $29 a month and have 15 members so that is $435 MRR', { members: 15, mrrUSD: 435 }],
];

const NEGATIVE: string[] = [
  'I want 100 members',
  "I'm aiming for $5k MRR by summer",
  'if we get 200 sign-ups I will launch',
  'my friend has 300 members in her community',
  "I'm charging $29/month for the community",
  'Members pay $29/month and get weekly calls',
  'The founding price is $19/month for the first 50 members',
  'My goal is 500 people on the waitlist',
  'We need 50 members to break even',
  "We'll have 200 members by launch",
  'Should I wait until I have 300 on the waitlist?',
  'Do I need 100 members before launching?',
  'maybe 40 people signed up, not sure',
  'I think we have around 30 members',
  'Last year I had 400 on my waitlist',
  'Ran a 3-day launch workshop last week, 400 signups',
  '150 people signed up for the webinar',
  'My free Discord has 2,000 members',
  'I make $4,000 a month from YouTube ads',
  "I'm making $3k a month at my day job",
  'Kajabi costs $149/month',
  'Survey results are in — 74% want weekly calls',
  'Capping the community at 100 members',
  'Most creators in my niche have 1,000 members',
  'We got 50 new sign-ups today',
  'Another 20 people joined',
  "Not even 10 people on the waitlist, it's not working",
  'I have 80k followers on YouTube and 12k email subscribers',
  'A community of 500 members would be amazing',
  "Oh great, 3 people on the waitlist 🙄",
  'Launching on March 3 with 2 tiers',
  'I posted 3 times this week about the waitlist',
  'Hoping to hit 1k on the waitlist',
  'she makes $10k MRR from her Skool group',
  '€900 MRR now',
  'Will 29 members be enough to launch?',
  'The plan says 2-5% of the waitlist converts',
  'Studied 4 paid communities in my niche and took notes on what they charge',
  'the average community has 200 members',
  "Skool's top group has 5,000 members. How do they do it?",
  'my course has 300 customers',
  '500 people joined my free skool group',
  'we have under 20 on the waitlist',
  'we have over 200 members now',
  "nah not doing a free tier, I'm going with one paid tier at $15/mo",
  'Invited 20 founding members today and 14 said yes!',
  '2 people left comments on the post',
  '12 people joined the free trial',
  '$1k MRR is my goal',
  'Getting to $5k MRR is the dream',
  'I lost 3 hours today on this',
  'Sent 3 emails to the waitlist',
  'I need to email the 300 people on my waitlist',
];

const tally = { tp: 0, fp: 0, fn: 0 };

function found(text: string): Expected {
  return Object.fromEntries(detectNumbersIn(text).map((n) => [n.metric, n.value]));
}

describe('stated business numbers', () => {
  it.each(POSITIVE)('%s', (text, expected) => {
    const got = found(text);
    for (const [k, v] of Object.entries(got)) (expected[k as NumberMetric] === v ? tally.tp++ : tally.fp++);
    for (const k of Object.keys(expected)) if (got[k as NumberMetric] !== expected[k as NumberMetric]) tally.fn++;
    expect(got).toEqual(expected);
  });

  it.each(NEGATIVE.map((t) => [t]))('no number: %s', (text) => {
    const got = found(text);
    tally.fp += Object.keys(got).length;
    expect(got).toEqual({});
  });

  it('prints precision and recall', () => {
    const p = tally.tp / Math.max(1, tally.tp + tally.fp);
    const r = tally.tp / Math.max(1, tally.tp + tally.fn);
    console.log(`stated numbers: ${POSITIVE.length} positive + ${NEGATIVE.length} negative messages; tp ${tally.tp} fp ${tally.fp} fn ${tally.fn}; precision ${(p * 100).toFixed(1)}%, recall ${(r * 100).toFixed(1)}%`);
    expect(POSITIVE.length + NEGATIVE.length).toBeGreaterThanOrEqual(60);
  });

  it('each number keeps the sentence it came from', () => {
    const n = detectNumbersIn('Good week. We hit 180 on the waitlist! Also 12 paying members now.');
    expect(n).toEqual([
      { metric: 'waitlist', value: 180, quote: 'We hit 180 on the waitlist!' },
      { metric: 'members', value: 12, quote: 'Also 12 paying members now.' },
    ]);
  });

  it('detect() carries them next to the decisions, and a stated number is not a price decision', () => {
    const d = detect('MRR is $1,450 and we have 50 members', templatePlan());
    expect(d.numbers.map((n) => [n.metric, n.value])).toEqual([['mrrUSD', 1450], ['members', 50]]);
    expect(d.decisions.filter((x) => x.category === 'pricing')).toEqual([]);
  });

  it('reads a long message full of numbers (its time is in bench/detector.js: "stated numbers")', () => {
    const text = 'we hit 180 on the waitlist, we have 12 paying members, MRR is $1,450. '.repeat(1500);
    expect(detectNumbersIn(text).map((n) => [n.metric, n.value])).toEqual([['waitlist', 180], ['members', 12], ['mrrUSD', 1450]]);
  });
});
