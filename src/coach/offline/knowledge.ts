// Coaching reference data the template does not carry: community platforms (price, fees, what
// they do well, which audience they fit) and the benchmarks a coach compares numbers against.
// Figures are typical published list prices and industry rules of thumb (2025); answers say
// "about" and tell the creator to check the current pricing before committing.

import { audiencePlatform } from '../../plan/platforms.js';

/** Where an audience lives, as personalise.ts groups platforms. */
export type AudienceFamily = 'video' | 'stream' | 'text' | 'professional' | 'patreon';

export interface PlatformInfo {
  name: string;
  /** Matches the name as creators type it ("skool", "circle.so", "fb group"). */
  match: RegExp;
  /** Monthly subscription in USD on the plan a paid community needs (0 = free). */
  monthlyUSD: number;
  /** Platform + payment fees as a share of revenue, percent. */
  feePercent: number;
  fees: string;
  strengths: string;
  weakness: string;
  /** How well it suits each kind of audience, 0–1 (missing = 0). */
  fits: Partial<Record<AudienceFamily, number>>;
  /** Takes payments and gates access by itself (or with its standard billing add-on). */
  paywall: boolean;
}

export const PLATFORMS: readonly PlatformInfo[] = [
  {
    name: 'Skool', match: /\bskool\b/, monthlyUSD: 99, feePercent: 2.9,
    fees: 'about $99/month (Pro) + ~2.9% card fees',
    strengths: 'course, feed, calendar and leaderboard in one simple app, plus a discovery page that sends new members',
    weakness: 'little branding or layout control; one look for every community',
    fits: { video: 1, professional: 0.7, text: 0.5 },
    paywall: true,
  },
  {
    name: 'Circle', match: /\bcircle(\.so)?\b/, monthlyUSD: 89, feePercent: 4.9,
    fees: 'about $89/month + ~2% platform fee + Stripe (~2.9%)',
    strengths: 'a branded home with spaces, long-form posts, courses, events, paid tiers and email integrations',
    weakness: 'more to set up, and no built-in discovery: every member comes from you',
    fits: { text: 1, professional: 1, video: 0.8 },
    paywall: true,
  },
  {
    name: 'Discord', match: /\bdiscord\b/, monthlyUSD: 0, feePercent: 6,
    fees: 'free; billing through Whop or LaunchPass (~3% + card fees) or Discord server subscriptions (10%)',
    strengths: 'real-time chat, voice and stage events where gaming and streaming audiences already are',
    weakness: 'chat scrolls away: courses and a resource library need another tool',
    fits: { stream: 1, patreon: 0.8, video: 0.3 },
    paywall: true,
  },
  {
    name: 'Patreon', match: /\bpatreon\b/, monthlyUSD: 0, feePercent: 13,
    fees: 'free to start; ~10% platform fee + payment processing',
    strengths: 'billing, tiers and a members feed that fans already trust, with a community chat',
    weakness: 'the highest fee here, and weaker courses and structure',
    fits: { patreon: 1, video: 0.5, stream: 0.4 },
    paywall: true,
  },
  {
    name: 'Kajabi', match: /\bkajabi\b/, monthlyUSD: 149, feePercent: 2.9,
    fees: 'about $149/month (Basic), no platform fee, card fees ~2.9%',
    strengths: 'courses, email marketing, sales pages and checkout in one place',
    weakness: 'expensive at the start, and the community feature is secondary to courses',
    fits: { text: 0.8, video: 0.7, professional: 0.6 },
    paywall: true,
  },
  {
    name: 'Mighty Networks', match: /\bmighty( networks?)?\b/, monthlyUSD: 119, feePercent: 5.9,
    fees: 'about $119/month for courses + paywalls, ~3% on lower plans + card fees',
    strengths: 'community, courses, events and a white-label app option',
    weakness: 'busier interface; the branded app costs a lot more',
    fits: { text: 0.8, professional: 0.8, video: 0.6 },
    paywall: true,
  },
  {
    name: 'Facebook group', match: /\b(facebook|fb)( group)?s?\b/, monthlyUSD: 0, feePercent: 3,
    fees: 'free, but no real paywall: you need an outside checkout (~3%) and manual access',
    strengths: 'your members already open Facebook every day',
    weakness: 'the feed algorithm decides what members see, and you do not own the platform or the list',
    fits: { video: 0.6 },
    paywall: false,
  },
  {
    name: 'Substack', match: /\bsubstack\b/, monthlyUSD: 0, feePercent: 13,
    fees: '10% + Stripe (~2.9%)',
    strengths: 'a paid newsletter tier plus chat, where readers already pay',
    weakness: 'built for writing, not for courses or group calls',
    fits: { text: 1 },
    paywall: true,
  },
  {
    name: 'Whop', match: /\bwhop\b/, monthlyUSD: 0, feePercent: 6,
    fees: '~3% + card fees',
    strengths: 'checkout and access for Discord, Telegram and courses, with a marketplace',
    weakness: 'a storefront more than a home: members still live in Discord or similar',
    fits: { stream: 0.8 },
    paywall: true,
  },
];

export function platformsNamedIn(text: string): PlatformInfo[] {
  return PLATFORMS.filter((p) => p.match.test(text));
}

export function platformByName(name: string): PlatformInfo | undefined {
  const key = name.toLowerCase();
  return PLATFORMS.find((p) => p.match.test(key));
}

/** "youtube" → "YouTube"; unknown names keep the creator's spelling (plan/platforms.ts's table). */
export function displayPlatform(name: string): string {
  return audiencePlatform(name).name;
}

/** The kind of audience a platform gathers (plan/platforms.ts's table), or null when unknown. */
export function familyOf(platform: string): AudienceFamily | null {
  const family = audiencePlatform(platform).family;
  return family === 'other' ? null : family;
}

/** Rules of thumb the numbers in a question are compared with (percent). */
export const BENCHMARKS = {
  /** Followers who join a waitlist for a paid community. */
  audienceToWaitlist: { low: 1, high: 5 },
  /** Landing-page visitors who join the waitlist. */
  visitorToWaitlist: { low: 20, high: 40 },
  /** Waitlist who buy the founding offer. */
  waitlistToPaid: { low: 10, high: 30 },
  /** Sales-page visitors who buy. */
  visitorToPaid: { low: 1, high: 5 },
  /** Monthly cancellations of a membership. */
  monthlyChurn: { good: 5, typical: 10 },
  /** Founding round size that proves the offer. */
  foundingSeats: { low: 20, high: 50 },
} as const;

/** A sustainable posting rhythm per kind of platform. */
export const CADENCE: Record<AudienceFamily, string> = {
  video: 'one long video or 3–5 short videos a week, stories on the days between',
  stream: '2–3 streams a week on fixed days, with one clip each',
  text: 'one issue or episode a week, on the same day',
  professional: '3–5 short posts a week, one of them a story or result',
  patreon: 'one members-first post a week, one public teaser',
};
