// Pricing, founding-member pricing, and the annual plan / tiers.
import { BENCHMARKS } from '../knowledge.js';
import { addDays, expectedMembers, int, pct, plural, ref, regularPricing, taskAbout, usd } from '../facts.js';
import type { Facts, Intent } from '../types.js';
import { dueText } from './plan.js';
import { cues } from './score.js';

function bandVerdict(f: Facts, price: number): string {
  const { low, high, suggested } = f.band;
  if (price < low) return `${usd(price)} is under your band (${usd(low)}–${usd(high)}): it leaves money on the table and signals "cheap"; ${usd(suggested)} is still an easy yes for engaged followers.`;
  if (price > high) return `${usd(price)} is above your band (${usd(low)}–${usd(high)}): it works only as a premium tier with direct access to you and a small seat cap.`;
  return `${usd(price)} sits inside your band (${usd(low)}–${usd(high)}), so it is a sound price for this audience.`;
}

export const pricing: Intent = {
  id: 'pricing',
  score: ({ text }) => cues(text, [
    [/\b(pric(e|es|ing|ed)|charge|charging|how much|cost|fee|expensive|cheap|too (high|low|much))\b/, 3],
    [/\bhow much (should|do|can|could|would) (i|we) (charge|ask)\b|\bwhat (should|do) (i|we) charge\b/, 2],
    [/\$\s?\d|\b\d+\s*(dollars|usd|bucks)\b/, 1],
    [/\bper month|a month|\/mo(nth)?\b/, 1],
    [/\b\d+\s*(\$|dollars|usd|bucks)?\s*(a|per|\/)\s*mo(nth)?\b.*\b(fair|right|ok|okay|enough|reasonable|crazy|too)\b/, 2],
    [/\b(platform|skool|circle|discord|patreon|kajabi)\b/, -2],
  ]),
  answer: (f) => {
    const { low, high, suggested } = f.band;
    const members = expectedMembers(f.audience, f.engagement);
    const asked = f.numbers.money[0];
    const chosen = regularPricing(f);
    const out: string[] = [];
    if (asked !== undefined) out.push(`${f.vary('verdict', ['', 'Checked against your numbers: '])}${bandVerdict(f, asked)}`);
    else if (chosen) out.push(`You've set pricing at **${chosen.value ?? chosen.decision}**. ${f.vary('price-ref', ['For reference', 'To compare', 'As a check'])}: your band is ${usd(low)}–${usd(high)}/month, suggested ${usd(suggested)}.`);
    else out.push(f.vary('price-open', [
      `Charge **${usd(suggested)}/month** to start; anything in ${usd(low)}–${usd(high)} fits your ${int(f.audience)} followers (${pct(f.engagement)} engagement).`,
      `For ${int(f.audience)} followers at ${pct(f.engagement)} engagement, I'd charge **${usd(suggested)}/month** (band ${usd(low)}–${usd(high)}).`,
      `Your number: **${usd(suggested)}/month**, inside a band of ${usd(low)}–${usd(high)} for ${int(f.audience)} followers at ${pct(f.engagement)} engagement.`,
    ]));
    const price = asked ?? suggested;
    out.push(`- ~${plural(Math.round(members), 'paying member')} expected at first → about ${usd(members * price)}/month at ${usd(price)}.`);
    const goal = f.profile.incomeGoalUSD;
    if (goal && goal > 0) out.push(`- Your ${usd(goal)}/month goal needs ${plural(Math.ceil(goal / price), 'member')} at ${usd(price)}.`);
    out.push(`- ${usd(low)} wins the first members fast; ${usd(high)} only with direct access (a premium tier).`);
    const task = taskAbout(f, /\bpric/i);
    if (task && !f.done.has(task.id)) out.push(`Lock it in with ${ref(task)} (~${task.hours} h); founding members get ${usd(f.foundingPrice)}.`);
    else out.push(`Founding members get ${usd(f.foundingPrice)}/month; ask me about the founding round next.`);
    return out;
  },
};

export const founding: Intent = {
  id: 'founding',
  score: ({ text }) => cues(text, [
    [/\bfound(ing|er)s?\b/, 5],
    [/\b(early[- ]?(bird|access|adopters?)|beta (members?|price|pricing)|first (members|cohort)|launch (discount|price|offer))\b/, 4],
    [/\b(pric|charge|discount|cost|seats?)/, 1],
  ]),
  answer: (f) => {
    const { suggested } = f.band;
    const off = Math.round((1 - f.foundingPrice / suggested) * 100);
    const members = expectedMembers(f.audience, f.engagement);
    const seats = Math.min(BENCHMARKS.foundingSeats.high, Math.max(10, Math.round(members * 0.3 / 5) * 5));
    const task = taskAbout(f, /found/i);
    const gate = task && f.tasks.find((t) => t.checkpoint && t.phaseId === task.phaseId);
    const closes = addDays(f.launchDate, -14);
    return [
      f.vary('founding-open', [
        `Founding price: **${usd(f.foundingPrice)}/month** (${off}% off your ${usd(suggested)}), locked in for as long as they stay.`,
        `Offer founding members **${usd(f.foundingPrice)}/month**, ${off}% under the regular ${usd(suggested)}, kept while they stay subscribed.`,
        `Your founding members pay **${usd(f.foundingPrice)}/month** for life (${off}% below ${usd(suggested)}) in return for being first and giving feedback.`,
      ]),
      `- Cap it at **${seats} seats** (the ${BENCHMARKS.foundingSeats.low}–${BENCHMARKS.foundingSeats.high} that prove an offer, scaled to your ~${int(members)} expected members).`,
      gate
        ? `- Pre-sell it before you build, and close it at ${ref(gate)} (week ${gate.dueWeek}): ${gate.checkpoint!.metrics.filter((m) => m.unit === 'count').map((m) => `${m.go}+ paid is a go`).join(', ') || 'the go/no-go'}.`
        : `- Close the round on **${closes}**, two weeks before your ${f.launchDate} launch, so the deadline is real.`,
      `- Full: ${seats} × ${usd(f.foundingPrice)} = ${usd(seats * f.foundingPrice)}/month before the public launch.`,
      task ? `It's ${ref(task)} in your plan (${f.done.has(task.id) ? 'done' : `~${task.hours} h, ${dueText(task, f.today)}`}); ask them for a testimonial in return.` : 'Ask founding members for a testimonial in return.',
    ];
  },
};

export const tiers: Intent = {
  id: 'tiers',
  score: ({ text }) => cues(text, [
    [/\b(annual(ly)?|yearly|per year|a year|year(ly)? plan)\b/, 5],
    [/\b(tiers?|levels?|vip|premium tier|upsell|second tier|higher tier|two prices)\b/, 4],
    [/\b(lifetime (deal|access|membership)|ltd|one[- ]time)\b/, 6],
    [/\b(free trial|trial (period|week|month)|first month free)\b/, 5],
  ]),
  answer: (f) => {
    const { suggested, high } = f.band;
    const annual = suggested * 10;
    const members = Math.max(10, Math.round(expectedMembers(f.audience, f.engagement)));
    const annualShare = Math.round(members * 0.2);
    const premium = Math.max(1, Math.round(members * 0.1));
    const mrr = (members - annualShare - premium) * suggested + annualShare * (annual / 12) + premium * high;
    const task = taskAbout(f, /\b(tier|pric)/i);
    const lifetime = /\b(lifetime|ltd|one[- ]time)\b/.test(f.text);
    return [
      lifetime
        ? f.vary('lifetime-open', ['No lifetime deal: it trades your best members\' future payments for one spike of cash, and they stop counting toward your monthly goal.', 'Skip the lifetime deal: the members who would buy it are the ones who would have paid you for years.'])
        : f.vary('tiers-open', ['Keep it simple at launch: one tier plus an annual plan.', 'Start with one membership and an annual option; add a tier later.', 'One price, one annual option, and a premium tier only when members ask.']),
      `- **Annual: ${usd(annual)}/year** (${usd(suggested)} × 10, two months free). Annual members cannot churn monthly, and you get cash up front.`,
      `- **Premium: ${usd(high)}/month**, only once members ask for more of you (small-group calls, feedback), with a seat cap.`,
      `- Example with ${members} members (${annualShare} annual, ${premium} premium): about ${usd(mrr)}/month.`,
      /\btrial|free\b/.test(f.text)
        ? `Skip free trials: they fill the community with tourists; your refund policy already takes the risk out of joining at ${usd(suggested)}.`
        : lifetime ? 'The annual plan gives the same "pay once" feeling and renews.' : 'Skip lifetime deals: they trade your best members\' future payments for one spike.',
      ...(task && !f.done.has(task.id) ? [`Decide it in ${ref(task)}.`] : []),
    ];
  },
};
