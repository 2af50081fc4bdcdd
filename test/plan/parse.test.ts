// The natural-input parser behind `--platform`, `--hours`, `--income`/`--goal` and onboarding:
// one table of what people type, with the value we store and the sentence we say back, or the error.
import { describe, expect, it } from 'vitest';
import { parseHours, parseMonthlyUSD, parsePlatforms, platformLabel, type Parsed } from '../../src/plan/parse.js';

type Row<T> = [input: string, value: T, understood: string];
type Bad = [input: string, error: RegExp];

const P = (platform: string, followers: number, engagementRate: number | null = null, handle: string | null = null) => ({ platform, handle, followers, avgViews: null, engagementRate });

const platforms: Row<ReturnType<typeof P>[]>[] = [
  ['YouTube 80k and Instagram 20,000', [P('youtube', 80_000), P('instagram', 20_000)], 'YouTube 80,000 · Instagram 20,000'],
  ['yt 80k, ig 20k', [P('youtube', 80_000), P('instagram', 20_000)], 'YouTube 80,000 · Instagram 20,000'],
  ['youtube: 80,000 (4%)', [P('youtube', 80_000, 4)], 'YouTube 80,000 (4% engagement)'],
  ['youtube:80k, instagram:20,000', [P('youtube', 80_000), P('instagram', 20_000)], 'YouTube 80,000 · Instagram 20,000'],
  ['instagram:45000:3.2', [P('instagram', 45_000, 3.2)], 'Instagram 45,000 (3.2% engagement)'],
  ['youtube@janecooks:12k', [P('youtube', 12_000, null, 'janecooks')], 'YouTube @janecooks 12,000'],
  ['tiktok:1.2m:6%', [P('tiktok', 1_200_000, 6)], 'TikTok 1,200,000 (6% engagement)'],
  ['80k on YouTube', [P('youtube', 80_000)], 'YouTube 80,000'],
  ['20,000 Instagram followers', [P('instagram', 20_000)], 'Instagram 20,000'],
  ['yt 80k subs, 4% engagement', [P('youtube', 80_000, 4)], 'YouTube 80,000 (4% engagement)'],
  ['tiktok 120k, youtube about 9k subs, newsletter 2,300', [P('tiktok', 120_000), P('youtube', 9_000), P('newsletter', 2_300)], 'TikTok 120,000 · YouTube 9,000 · Newsletter 2,300'],
  ['instagram roughly 20,000 followers and around 5k on youtube', [P('instagram', 20_000), P('youtube', 5_000)], 'Instagram 20,000 · YouTube 5,000'],
  ['ig ~15k', [P('instagram', 15_000)], 'Instagram 15,000'],
  ['Twitter 3.5k; newsletter 1,200', [P('x', 3_500), P('newsletter', 1_200)], 'X 3,500 · Newsletter 1,200'],
  ['youtube 1,234,567', [P('youtube', 1_234_567)], 'YouTube 1,234,567'],
  ['YOUTUBE 2 M', [P('youtube', 2_000_000)], 'YouTube 2,000,000'],
  ['mastodon 900', [P('mastodon', 900)], 'mastodon 900'],
  ['', [], 'no platforms'],
  ['none', [], 'no platforms'],
];
const badPlatforms: Bad[] = [
  ['youtube lots', /"youtube lots": followers must be a number like 80k/],
  ['instagram:lots', /followers must be a number/],
  ['?!', /is not a platform and follower count/],
  ['80k', /which platform/],
  ['youtube', /how many followers/],
  ['yt 80k and youtube 5k', /YouTube is given twice/],
  ['instagram:45000:300', /engagement must be a percentage from 0 to 100/],
  ['youtube 80.000', /whole number/],
];

const hours: Row<number>[] = [
  ['5', 5, '5 hours a week'],
  ['about 5', 5, '5 hours a week'],
  ['5 hours a week', 5, '5 hours a week'],
  ['5h/week', 5, '5 hours a week'],
  ['~10 hrs per week', 10, '10 hours a week'],
  ['5-6', 6, '6 hours a week (the middle of 5–6, rounded)'],
  ['4 to 6', 5, '5 hours a week (the middle of 4–6)'],
  ['1 hour a day', 7, '7 hours a week (1 a day)'],
  ['1 hour', 1, '1 hour a week'],
  ['2.5', 3, '3 hours a week (rounded)'],
];
const badHours: Bad[] = [
  ['', /how many hours/],
  ['lots', /not a number of hours/],
  ['0', /less than an hour/],
  ['-3', /less than an hour/],
  ['200', /more hours than a week has/],
  ['6-5', /not a number of hours/],
];

const money: Row<number>[] = [
  ['about $1,500 a month', 150_000, '$1,500 a month'],
  ['$5k', 500_000, '$5,000 a month'],
  ['5k', 500_000, '$5,000 a month'],
  ['1.5k', 150_000, '$1,500 a month'],
  ['none', 0, '$0 a month'],
  ['0', 0, '$0 a month'],
  ['$2,500.50', 250_050, '$2,500.50 a month'],
  ['2500 USD per month', 250_000, '$2,500 a month'],
  ['$2-3k', 250_000, '$2,500 a month (the middle of $2–3k)'],
  ['$60k a year', 500_000, '$5,000 a month ($60,000 a year ÷ 12)'],
  ['1 million', 100_000_000, '$1,000,000 a month'],
  ['$800/mo from sponsors', 80_000, '$800 a month'],
  ['about 2k a month (mostly YouTube ads)', 200_000, '$2,000 a month'],
  ['1,200 on Patreon', 120_000, '$1,200 a month'],
  ['$3k - brand deals, some months more', 300_000, '$3,000 a month'],
];
const badMoney: Bad[] = [
  ['', /how much a month/],
  ['-5', /cannot be negative/],
  ['€500', /US dollars/],
  ['lots', /not an amount/],
  ['from sponsors', /not an amount/],
];

function expectOk<T>(got: Parsed<T>, value: T, understood: string, input: string): void {
  expect(got, input).toEqual({ ok: true, value, understood });
}
function expectBad<T>(got: Parsed<T>, error: RegExp, input: string): void {
  expect(got.ok, input).toBe(false);
  if (!got.ok) {
    expect(got.error, input).toMatch(error);
    expect(got.error, input).not.toContain('\n');
  }
}

describe('natural input', () => {
  it('has at least 40 cases', () => {
    expect(platforms.length + badPlatforms.length + hours.length + badHours.length + money.length + badMoney.length).toBeGreaterThanOrEqual(40);
  });
  it.each(platforms)('platforms %j', (input, value, understood) => expectOk(parsePlatforms(input), value, understood, input));
  it.each(badPlatforms)('platforms %j is refused', (input, error) => expectBad(parsePlatforms(input), error, input));
  it.each(hours)('hours %j', (input, value, understood) => expectOk(parseHours(input), value, understood, input));
  it.each(badHours)('hours %j is refused', (input, error) => expectBad(parseHours(input), error, input));
  it.each(money)('money %j', (input, value, understood) => expectOk(parseMonthlyUSD(input), value, understood, input));
  it.each(badMoney)('money %j is refused', (input, error) => expectBad(parseMonthlyUSD(input), error, input));
  it('labels stored platform ids', () => {
    expect(platformLabel('youtube')).toBe('YouTube');
    expect(platformLabel('mastodon')).toBe('mastodon');
  });
});
