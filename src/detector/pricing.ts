// Pricing: which amounts are the creator's own price (not income, goals, spending, a tool's fee
// or what someone else charges), their frame, and their tier: a founding, annual, premium or
// trial price sits beside the regular one instead of replacing it.
import type { PricingTier } from './categories.js';
import { formatPrice, pricesOf, type Period, type PriceMention } from './money.js';
import { findPlatforms } from './platforms.js';
import { segmentEnd, segmentStart } from './text.js';
import type { Candidate, CategoryModule, Frame, SentenceView } from './types.js';

/** Words that make an amount the creator's price. */
const OWN = /\b(?:charge|charging|price|priced|pricing|prices|membership|members?|tier|fee|subscription|access|founders?|plan|costs? members|will be|it's)\b/g;
/** Words that make it income, a goal, an expense or a tool's cost instead. */
const NOT_PRICE = /\b(?:make|makes|making|made|earn|earning|earned|earns|income|revenue|profit|salary|adsense|ads|sponsorships?|sponsors?|deal|fund|affiliate|mrr|arr|goal|target|hit|reach|replace|saved|save|savings|spent|spend|spending|budget|bought|buy|invested|loan|debt|rent|sold|sales|worth|views|tools?|editor|mic|camera|software|cover|brings|payouts?|tips|donations|i'm paying|i pay|paying me|paid me|pays me)\b/g;
const PLATFORM_FEE = /^(?:'s)?\s?(?:\w+\s)?(?:costs?|is|are|was|plan|plans|fees?|charges|subscription|pricing|takes)\b|\s(?:for|on)\s$/;

/** Tier words in the price's segment. Order matters: a founding annual price is founding. */
const TIERS: [PricingTier, RegExp][] = [
  ['founding', /\b(?:founding|founders?|early[- ]?bird|beta members?|first \d+ (?:members|people|founders|spots|subscribers|customers|students)|first (?:round|cohort)|launch price|locked for life|for life)\b/],
  ['trial', /\b(?:trial)\b/],
  ['premium', /\b(?:vip|premium|pro|inner circle|mastermind|coaching|1:1|top tier|higher tier|upper tier)\b/],
];

/** Between two prices, words before the last "and"/","/"then" describe the first, the rest the second. */
const LINK = /^(.*)(?:\band\b|,|;|\bthen\b|\bplus\b|\bor\b|\+)/s;

/** The words that describe one price: from the previous price to the next, split at the links. */
function windowOf(v: SentenceView, all: PriceMention[], i: number): string {
  const p = all[i]!;
  const prev = all[i - 1];
  const next = all[i + 1];
  let from = prev ? prev.end : 0;
  if (prev) {
    const link = LINK.exec(v.low.slice(prev.end, p.start));
    if (link) from = prev.end + link[1]!.length;
  }
  let to = next ? next.start : v.low.length;
  if (next) {
    const link = LINK.exec(v.low.slice(p.end, next.start));
    if (link) to = p.end + link[1]!.length;
  }
  return v.low.slice(from, to);
}

function tierOf(v: SentenceView, all: PriceMention[], i: number, period: Period): PricingTier {
  const seg = windowOf(v, all, i);
  for (const [tier, re] of TIERS) {
    if (!re.test(seg)) continue;
    // "Free tier plus $9/month for the premium stuff": the only paid tier is the regular one
    if (tier === 'premium' && /\bfree\b/.test(v.low)) continue;
    return tier;
  }
  return period === 'year' ? 'annual' : 'regular';
}

/** Distance from the amount to the nearest match of `re` in its segment (Infinity if none). */
function nearest(v: SentenceView, p: PriceMention, re: RegExp): number {
  const from = segmentStart(v, p.start);
  const to = segmentEnd(v, p.end - 1);
  let best = Infinity;
  for (const m of v.low.slice(from, to).matchAll(re)) {
    const at = from + m.index;
    if (at >= p.start && at < p.end) continue;
    best = Math.min(best, at < p.start ? p.start - at - m[0].length : at - p.end);
  }
  return best;
}

function notAPrice(v: SentenceView, p: PriceMention): boolean {
  if (nearest(v, p, NOT_PRICE) < nearest(v, p, OWN)) return true;
  // a platform's own fee: "Skool costs $99", "Circle's plan is $219", "paying $89/month for Kajabi"
  for (const m of findPlatforms(v, true)) {
    const gap = m.start > p.end ? v.low.slice(p.end, m.start) : v.low.slice(m.end, p.start);
    if (gap.length > 24) continue;
    if (m.start > p.end ? PLATFORM_FEE.test(gap.slice(-6)) && !/\b(?:charge|charging|price)\b/.test(v.low.slice(0, p.start)) : PLATFORM_FEE.test(gap)) return true;
  }
  return false;
}

function frameOf(v: SentenceView, p: PriceMention): Frame {
  const seg = segmentStart(v, p.start);
  const before = v.low.slice(Math.max(seg, p.start - 40), p.start);
  if (/\b(?:charge|charging|price|priced|pricing|membership|members?|tier|fee|subscription|founders?|it's|will be|costs? members|is|at)\b[^$€£₹¥\d]*$/.test(before)) return 'strong';
  if (/^\s?(?:tier|membership|plan|access|for (?:the|my|lifetime|founding|members|everyone))\b/.test(v.low.slice(p.end, p.end + 24))) return 'strong';
  if (/^[\s\p{P}]*$/u.test(v.low.slice(seg, p.start).replace(/\b(?:ok|so|and|then|plus|or|annual only|monthly|yearly)\b/g, '')) && p.period !== null) return 'strong';
  return p.period !== null ? 'weak' : 'none';
}

const CHARGE_BEFORE = /\b(?:charge|charging|priced at|price it at|price at)\s$/;

export const pricing: CategoryModule = {
  category: 'pricing',
  find(v, context) {
    const mentions = pricesOf(v);
    if (mentions.length === 0) return [];
    // the one currency the message names (so "29 dollars a month, 290 a year" is all USD)
    const named = context.currencies;
    const onlyCurrency = named.size === 1 ? [...named][0]! : null;
    const kept = mentions.filter((m) => {
      if (m.currency === null) {
        const bareOk = m.period !== null && (named.size > 0 || nearest(v, m, OWN) < 40);
        if (!bareOk && !CHARGE_BEFORE.test(v.low.slice(Math.max(0, m.start - 14), m.start))) return false;
        if (/^\s?(?:members|people|spots|seats|followers|subs|views|hours|days|weeks|months|years|times|%)/.test(v.low.slice(m.end, m.end + 12))) return false;
      }
      return !notAPrice(v, m);
    });
    const periods = new Set(kept.map((m) => m.period).filter((x) => x !== null && x !== 'one-time'));
    const onlyPeriod = periods.size === 1 ? [...periods][0]! : null;
    const out: Candidate[] = [];
    let strongBefore = false;
    kept.forEach((m, i) => {
      const tier = tierOf(v, kept, i, m.period ?? onlyPeriod);
      const period = m.period ?? (tier === 'trial' ? null : onlyPeriod);
      let frame = frameOf(v, m);
      // a list shares its frame: "$15/month for the community and $79/month with coaching"
      if (strongBefore && frame !== 'strong') frame = 'strong';
      strongBefore ||= frame === 'strong';
      const currency = m.currency ?? onlyCurrency;
      const c: Candidate = { value: formatPrice({ ...m, currency, period }), tier, start: m.start, end: m.end, frame };
      if (m.amount2 !== null) c.cap = 'medium';
      out.push(c);
    });
    return out;
  },
};
