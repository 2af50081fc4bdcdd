import { describe, expect, it } from 'vitest';
import { detect } from '../../src/detector/index.js';
import { findPrices, formatPrice } from '../../src/detector/pricing.js';
import { tokenize } from '../../src/detector/tokens.js';
import { templatePlan } from './helpers.js';

const plan = templatePlan();
const pricing = (text: string) => detect(text, plan).decisions.filter((d) => d.category === 'pricing');
const values = (text: string): string[] => pricing(text).map((d) => d.value);
const high = (text: string): string[] => pricing(text).filter((d) => d.confidence === 'high').map((d) => d.value);

describe('pricing: amounts and periods as people write them', () => {
  it.each([
    ["I've decided to charge $29/month", '29 USD/month'],
    ["I'll charge 29 dollars a month", '29 USD/month'],
    ['Membership will be €15 per mo', '15 EUR/month'],
    ["It'll be $290 a year", '290 USD/year'],
    ['gonna charge 49 bucks monthly', '49 USD/month'],
    ['going with one-time $199', '199 USD one-time'],
    ["I'm charging £12/mo", '12 GBP/month'],
    ['price will be 25 USD monthly', '25 USD/month'],
    ['members pay 12€ per month', '12 EUR/month'],
    ["I'll charge CA$25/month", '25 CAD/month'],
    ["I'll charge ₹499 per month", '499 INR/month'],
    ['final answer: $29.99/month', '29.99 USD/month'],
    ["I'm charging a flat $1,200 one-off", '1200 USD one-time'],
    ["I'll charge $1k for lifetime access", '1000 USD one-time'],
    ['Price: £20 pcm', '20 GBP/month'],
    ["We'll charge $19 per member per month", '19 USD/month'],
  ])('%s → %s', (text, value) => {
    expect(high(text)).toEqual([value]);
  });

  it('reads ranges and caps them at medium (a range is not a decision yet)', () => {
    expect(pricing("I'll charge $19-29/month")).toMatchObject([{ value: '19-29 USD/month', confidence: 'medium' }]);
    expect(values('somewhere between $19 and $29 per month')).toEqual(['19-29 USD/month']);
  });

  it('keeps monthly and annual options of one sentence in one decision', () => {
    expect(high("I'll price it at $39 per month and $390 per year")).toEqual(['39 USD/month, 390 USD/year']);
  });

  it('lets an amount without a period take the period of the others in its sentence', () => {
    expect(high('Locked in: $19/month for founding members, then $29 for everyone else')).toEqual(['19 USD/month, 29 USD/month']);
  });

  it('reads "free tier plus $9" as a price and a free + paid structure', () => {
    const d = detect('Free tier plus $9/month for the premium stuff.', plan).decisions;
    expect(d).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ category: 'pricing', value: '9 USD/month', confidence: 'high' }),
        expect.objectContaining({ category: 'structure', value: 'free + paid tiers', confidence: 'high' }),
      ]),
    );
  });
});

describe('pricing: money that is not a price', () => {
  it.each([
    'I have 45k followers on Instagram and 12k on TikTok',
    'My goal is $5k/month by the end of the year',
    'I make $2,000 a month from ads',
    'I already earn 3k a month from coaching clients',
    'Skool costs $99 a month which feels steep',
    "I'm paying $89/month for Kajabi",
    "Circle's business plan is $219 a month",
    'My competitor charges $99/month',
    'Most communities in my niche are $20-50/month',
    'I want to replace my $4,500/month salary',
    'A brand deal paid me $1,500 last month',
    'I bought a $400 mic',
    'I charge $150/hour for 1:1 coaching',
    "I'll cap it at 100 members",
    'I post 3 times a week',
    '$$$ is tight this month lol',
  ])('%s', (text) => {
    expect(high(text)).toEqual([]);
  });
});

describe('pricing: confidence', () => {
  it('is high when committed, with the rationale', () => {
    const [d] = pricing("I'm going to charge $29/month because my audience is students");
    expect(d).toMatchObject({ value: '29 USD/month', confidence: 'high', rationale: 'because my audience is students', relatedTaskId: 't4' });
  });

  it.each([
    ['maybe $29?', 'low'],
    ['If I charged $50 would anyone pay?', 'low'],
    ['should I charge $29 or $39 a month?', 'low'],
    ["I'd charge $29 if I had more testimonials", 'low'],
    ['Thinking $25/month', 'low'],
    ['probably $25/month', 'medium'],
    ['I think $29 a month is the sweet spot', 'medium'],
    ['I used to charge $15/month on Patreon', 'low'],
  ])('%s → %s', (text, confidence) => {
    const found = pricing(text);
    expect(found.length).toBeGreaterThan(0);
    for (const d of found) expect(d.confidence).toBe(confidence);
  });

  it('never records a negated or sarcastic price', () => {
    expect(values("I won't charge more than $30")).toEqual([]);
    expect(values('Not doing $9/month, way too cheap')).toEqual([]);
    expect(values("sure, I'll just charge $500 a month and retire 🙄")).toEqual([]);
  });

  it('takes a confirmation in the next sentence', () => {
    expect(high("£12/mo. That's the price.")).toEqual(['12 GBP/month']);
    expect(pricing('£12/mo.')[0]?.confidence).toBe('medium');
    expect(high('Price is set. $35/month, $350/year.')).toEqual(['35 USD/month, 350 USD/year']);
  });
});

describe('findPrices / formatPrice', () => {
  it('reports every amount with its parts', () => {
    expect(findPrices(tokenize('$19-29/month or €290 a year'))).toMatchObject([
      { amount: 19, amount2: 29, currency: 'USD', period: 'month' },
      { amount: 290, amount2: null, currency: 'EUR', period: 'year' },
    ]);
  });

  it('formats values', () => {
    expect(formatPrice({ amount: 29, amount2: null, currency: 'USD', period: 'month' })).toBe('29 USD/month');
    expect(formatPrice({ amount: 199, amount2: null, currency: 'USD', period: 'one-time' })).toBe('199 USD one-time');
    expect(formatPrice({ amount: 29.5, amount2: null, currency: null, period: null })).toBe('29.50 USD');
    expect(formatPrice({ amount: 15, amount2: 25, currency: 'GBP', period: 'year' })).toBe('15-25 GBP/year');
  });
});

describe('pricing: amounts in words', () => {
  it.each([
    ["I'll charge twenty nine dollars a month", '29 USD/month'],
    ["I'll charge forty-nine bucks monthly", '49 USD/month'],
    ["It'll be fifteen euros a month", '15 EUR/month'],
    ["I'll charge a hundred dollars a year", '100 USD/year'],
  ])('%s → %s', (text, value) => {
    expect(high(text)).toEqual([value]);
  });

  it('needs the currency word', () => {
    expect(values("I'll do twenty nine videos a month")).toEqual([]);
  });
});
