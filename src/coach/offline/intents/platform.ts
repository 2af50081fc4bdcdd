// Platform choice: weighs the platforms named in the question (or the plan's suggestions) against
// where this creator's audience is, what each costs at the expected size, and what it is good at.
import { displayPlatform, familyOf, platformByName, platformsNamedIn, type AudienceFamily, type PlatformInfo } from '../knowledge.js';
import { expectedMembers, ref, taskAbout, usd } from '../facts.js';
import type { Facts, Intent } from '../types.js';
import { cues } from './score.js';

const FAMILY_WORDS: Record<AudienceFamily, string> = {
  video: 'video/social', stream: 'streaming', text: 'newsletter/podcast', professional: 'professional-network', patreon: 'Patreon',
};

/** The creator's audience by family, largest first. */
function audienceFamilies(f: Facts): { family: AudienceFamily; followers: number; names: string[] }[] {
  const by = new Map<AudienceFamily, { followers: number; names: string[] }>();
  for (const p of f.profile.platforms) {
    const family = familyOf(p.platform);
    if (!family || p.followers <= 0) continue;
    const row = by.get(family) ?? { followers: 0, names: [] };
    row.followers += p.followers;
    row.names.push(displayPlatform(p.platform));
    by.set(family, row);
  }
  return [...by.entries()].map(([family, r]) => ({ family, ...r })).sort((a, b) => b.followers - a.followers);
}

function monthlyCost(p: PlatformInfo, members: number, price: number): number {
  return p.monthlyUSD + (members * price * p.feePercent) / 100;
}

export const platform: Intent = {
  id: 'platform',
  score: ({ text }) => cues(text, [
    [/\b(platforms?|host|hosting|where should (i|we) (host|build|run|put)|which (app|tool|site))\b/, 4],
    [/\b(skool|circle|discord|patreon|kajabi|mighty( networks)?|substack|whop|facebook group|fb group)\b/, 3],
    [/\b(vs\.?|versus|or|better|compare|comparison|switch)\b/, 1],
  ]),
  answer: (f) => {
    const members = Math.max(10, Math.round(expectedMembers(f.audience, f.engagement)));
    const price = f.band.suggested;
    const families = audienceFamilies(f);
    const top = families[0];
    const chosen = f.decisions.find((d) => d.category === 'platform');
    let named = platformsNamedIn(f.text);
    const fromPlan = f.plan.personalisation.platformSuggestions.map((s) => platformByName(s.platform)).filter((p): p is PlatformInfo => !!p);
    const compared = named.length > 0;
    if (!compared) named = fromPlan.slice(0, 2);
    const fit = (p: PlatformInfo) => families.reduce((s, fam) => s + (p.fits[fam.family] ?? 0) * fam.followers, 0);
    const ranked = [...named].sort((a, b) => Number(b.paywall) - Number(a.paywall) || fit(b) - fit(a) || monthlyCost(a, members, price) - monthlyCost(b, members, price));
    const out: string[] = [];
    const where = top ? `${Math.round((top.followers / Math.max(1, families.reduce((s, x) => s + x.followers, 0))) * 100)}% of your audience is on ${top.names.join(' and ')} (${FAMILY_WORDS[top.family]})` : 'your profile has no follower numbers per platform yet';
    out.push(compared && named.length > 1
      ? f.vary('platform-cmp', [`${named.map((p) => p.name).join(' vs ')}, for you: ${where}.`, `Weighing ${named.map((p) => p.name).join(' and ')} — ${where}.`, `Comparing ${named.map((p) => p.name).join(' with ')}: ${where}.`])
      : compared ? f.vary('platform-one', [`${named[0]!.name}, for you: ${where}.`, `Is ${named[0]!.name} right for you? ${where}.`])
      : f.vary('platform-plan', [`From your plan's suggestions — ${where}:`, `Two platforms fit you best; ${where}:`]));
    for (const p of ranked.slice(0, 3)) {
      const w = top ? p.fits[top.family] ?? 0 : 0;
      const fits = w >= 0.8 ? 'fits that audience' : w >= 0.5 ? 'workable for that audience' : 'not where most of your audience is';
      // The template's own platform notes win over the built-in ones.
      const own = f.plan.communityPlatforms?.find((c) => c.name.toLowerCase() === p.name.toLowerCase());
      out.push(`- **${p.name}** (${fits}): ${own?.strengths ?? p.strengths}. About ${usd(monthlyCost(p, members, price))}/month at ${members} members × ${usd(price)} (${own?.fees ?? p.fees}). Watch: ${own?.watchOut ?? p.weakness}.`);
    }
    const best = ranked[0];
    if (best && ranked.length > 1) {
      const second = ranked[1]!;
      const why = best.paywall && !second.paywall ? `: ${second.name} cannot charge members by itself` : fit(best) > fit(second) ? ', because it matches where your members already are' : ', the cheaper of equals at your size';
      out.push(`My pick: **${best.name}**${why}. Prices change: check them before you commit.`);
    }
    else if (best && compared) {
      const alt = fromPlan.find((p) => p.name !== best.name);
      out.push(alt && fit(alt) > fit(best) ? `For your audience ${alt.name} fits better; try both free trials side by side.` : `It suits your audience; check the current pricing before you commit.`);
    }
    const planTop = fromPlan[0];
    if (compared && planTop && !named.includes(planTop) && best && fit(planTop) > fit(best) * 1.15) {
      out.push(`For a ${top ? FAMILY_WORDS[top.family] : 'mixed'} audience, your plan's first suggestion fits even better: **${planTop.name}** (${f.plan.communityPlatforms?.find((c) => c.name.toLowerCase() === planTop.name.toLowerCase())?.fees ?? planTop.fees}).`);
    }
    if (chosen) out.push(`(You already chose **${chosen.value ?? chosen.decision}**; switching is cheap only before members join.)`);
    const task = taskAbout(f, /platform/i);
    if (task && !f.done.has(task.id)) out.push(`Decide in ${ref(task)} (~${task.hours} h): build a test space in each and join as a member from your phone.`);
    return out;
  },
};
