// Turns a template into a creator's plan. Pure: no I/O, no clock (the caller passes `now`), so
// the same template, profile and date always give the same plan.
//
// - Price band: expected paying members = audience × conversion (conversion rises with
//   engagement); a starting price from engagement (trust) and audience size (small and close →
//   more per head, very large → volume pricing); raised toward the price that reaches the income
//   goal; snapped to familiar price points and kept inside $5–$199.
//   The rule for the goal: it can raise the suggested price (by at most 1.5×) but never lower it,
//   and a higher goal never gives a lower price (test/plan/personalise.test.ts checks this over
//   many generated profiles). A goal the audience already supports is reached with fewer members.
// - Timeline: the template's task hours ÷ hours per week (5 when unknown), clamped to the
//   template's minimum and twice its maximum; phases and tasks get weeks in proportion to hours.
// - Platforms: suggestions scored by the share of followers on each kind of platform, each with a
//   reason of its own (platforms.ts); a task's platformNotes for the creator's largest platforms
//   are added to its details. Lines of whyThisWorks that need a number the profile lacks (no
//   audience, no engagement data) are left out instead of saying "your 0 followers".
import type {
  CustomizedPlan,
  Personalisation,
  PlanPhase,
  PriceBand,
  Template,
} from './schema.js';
import { spliceText } from '../util/text.js';
import { audiencePlatform, notesForPlatforms, platformSuggestions, type PlatformShare } from './platforms.js';

export interface ProfileForPlan {
  displayName: string;
  niche: string | null;
  platforms: {
    platform: string;
    handle?: string | null;
    followers: number;
    avgViews?: number | null;
    /** Percent, e.g. 4.2 for 4.2 %. */
    engagementRate?: number | null;
  }[];
  totalAudience: number;
  currentMonthlyIncomeUSD: number | null;
  incomeGoalUSD: number | null;
  hoursPerWeek: number | null;
  experienceLevel: 'beginner' | 'intermediate' | 'advanced' | null;
}

export interface PersonaliseResult {
  plan: CustomizedPlan;
  /** YYYY-MM-DD, local calendar day: `now` + the plan's timeline. */
  targetLaunchDate: string;
}

export const DEFAULT_HOURS_PER_WEEK = 5;
/** Used when the profile has neither engagement rates nor average views. */
export const ASSUMED_ENGAGEMENT_PERCENT = 2.5;
/** Monthly prices people are used to seeing; every suggested price is one of these. */
export const PRICE_POINTS = [5, 7, 9, 12, 15, 19, 25, 29, 39, 49, 59, 69, 79, 99, 129, 149, 199] as const;

export function personalise(template: Template, profile: ProfileForPlan, now: Date): PersonaliseResult {
  const audience = audienceStats(profile);
  const pricing = priceBand(audience, profile);
  const hoursPerWeek = profile.hoursPerWeek !== null && profile.hoursPerWeek > 0 ? profile.hoursPerWeek : DEFAULT_HOURS_PER_WEEK;
  const schedule = scheduleOf(template, hoursPerWeek);
  const t = structuredClone(template);

  // null: the profile does not say, so a line that needs it is left out rather than claiming
  // "your 0 followers already trust you" or an engagement rate nobody measured.
  const values: Record<string, string | null> = {
    name: profile.displayName.trim() || 'Creator',
    niche: profile.niche?.trim() || 'your niche',
    audience: audience.total > 0 ? int(audience.total) : null,
    topPlatform: audience.top,
    engagement: audience.engagementSource === 'rates' ? pct(audience.engagement)
      : audience.engagementSource === 'views' ? `about ${pct(audience.engagement)} (estimated from your views)`
      : null,
    priceLow: usd(pricing.band.low),
    priceHigh: usd(pricing.band.high),
  };

  const personalisation: Personalisation = {
    priceBand: pricing.band,
    priceReasoning: pricing.reasoning,
    hoursPerWeek,
    totalHours: schedule.totalHours,
    timelineWeeks: schedule.weeks,
    platformSuggestions: platformSuggestions(audience.platforms, t.communityPlatforms),
    topAudiencePlatform: audience.top,
  };

  const phases: PlanPhase[] = t.phases.map((phase, p) => ({
    ...phase,
    startWeek: schedule.phases[p]!.startWeek,
    endWeek: schedule.phases[p]!.endWeek,
    tasks: phase.tasks.map((task, i) => ({
      ...task,
      details: withPlatformNotes(task.details, notesForPlatforms(task.platformNotes, audience.platforms)),
      phaseId: phase.id,
      dueWeek: schedule.phases[p]!.dueWeeks[i]!,
    })),
  }));

  const plan: CustomizedPlan = {
    templateId: t.id,
    opportunity: t.opportunity,
    whyThisWorks: t.whyThisWorks.flatMap((line) => fill(line, values) ?? []),
    phases,
    proTips: t.proTips,
    commonPitfalls: t.commonPitfalls,
    decisionPoints: t.decisionPoints,
    communityPlatforms: t.communityPlatforms,
    personalisation,
  };
  return { plan, targetLaunchDate: addDaysLocal(now, schedule.weeks * 7) };
}

// ── audience ────────────────────────────────────────────────────────────────────────────────

interface AudienceStats {
  total: number;
  /** Percent, clamped to 0–20 for the maths. */
  engagement: number;
  engagementSource: 'rates' | 'views' | 'assumed';
  platforms: PlatformShare[];
  followerSum: number;
  top: string | null;
}

function audienceStats(profile: ProfileForPlan): AudienceStats {
  const platforms = profile.platforms.map((p) => ({ ...audiencePlatform(p.platform), followers: Math.max(0, p.followers || 0) }));
  const followerSum = platforms.reduce((s, p) => s + p.followers, 0);
  const total = profile.totalAudience > 0 ? profile.totalAudience : followerSum;

  // Follower-weighted engagement over the platforms that report it; else estimated from views.
  const weighted = (pick: (p: ProfileForPlan['platforms'][number]) => number | null) => {
    const rows = profile.platforms.flatMap((p) => {
      const v = pick(p);
      return v === null || !Number.isFinite(v) || v < 0 ? [] : [{ v, w: Math.max(0, p.followers || 0) }];
    });
    if (rows.length === 0) return null;
    const w = rows.reduce((s, r) => s + r.w, 0);
    return w > 0 ? rows.reduce((s, r) => s + r.v * r.w, 0) / w : rows.reduce((s, r) => s + r.v, 0) / rows.length;
  };
  const rate = weighted((p) => p.engagementRate ?? null);
  // Views per follower → engagement: ~30 % of the view rate (10 % views/follower ≈ 3 % engagement).
  const viewRate = weighted((p) => (p.avgViews != null && p.followers > 0 ? (p.avgViews / p.followers) * 100 : null));
  const [engagement, engagementSource] =
    rate !== null ? [rate, 'rates' as const]
    : viewRate !== null ? [clamp(viewRate * 0.3, 0.5, 8), 'views' as const]
    : [ASSUMED_ENGAGEMENT_PERCENT, 'assumed' as const];

  let top: PlatformShare | null = null;
  for (const p of platforms) if (p.followers > 0 && (top === null || p.followers > top.followers)) top = p;
  return { total, engagement: clamp(engagement, 0, 20), engagementSource, platforms, followerSum, top: top?.name ?? null };
}

// ── price ───────────────────────────────────────────────────────────────────────────────────

function priceBand(a: AudienceStats, profile: ProfileForPlan): { band: PriceBand; reasoning: string[] } {
  const reasoning: string[] = [];
  const top = a.platforms.find((p) => p.name === a.top);
  reasoning.push(
    a.total > 0
      ? `Audience: ${int(a.total)} followers${top ? `; the largest group is on ${top.name} (${int(top.followers)})` : ''}.`
      : 'Audience: none in your profile yet (add your platforms and follower counts for a sharper price).',
  );
  reasoning.push(
    a.engagementSource === 'rates' ? `Engagement: ${pct(a.engagement)} (follower-weighted average of the rates in your profile).`
    : a.engagementSource === 'views' ? `Engagement: about ${pct(a.engagement)}, estimated from your average views per follower (add engagement rates to your profile for a sharper estimate).`
    : `Engagement: no rates or views in your profile, so a typical ${pct(a.engagement)} is assumed.`,
  );

  // Conversion to paid: 0.15 % of the audience per engagement point, between 0.1 % and 2 %.
  const conversion = clamp(0.15 * a.engagement, 0.1, 2);
  const members = (a.total * conversion) / 100;
  reasoning.push(
    a.total > 0
      ? `Expected paying members in the first months: ~${count(members)} (${int(a.total)} × ${pct(conversion)} conversion; more engaged audiences convert better).`
      : 'Expected paying members: unknown without an audience in your profile; 10–20 founding members who pay before you build is the first target.',
  );

  // Starting price: engagement is trust; size adjusts per-head value.
  const fromEngagement = 15 + 6 * Math.min(a.engagement, 15);
  const [sizeFactor, sizeWhy] =
    a.total < 500 ? [0.7, 'a very small audience: start lower to win your first members and proof']
    : a.total < 5_000 && a.engagement >= 5 ? [1.15, 'a small, highly engaged audience: close access to you is worth more per head']
    : a.total < 50_000 ? [1, 'a mid-sized audience: no size adjustment']
    : a.total < 500_000 ? [0.9, 'a large audience: a slightly lower price converts more casual followers']
    : [0.8, 'a very large audience: volume pricing reaches the most members'];
  const base = fromEngagement * sizeFactor;
  reasoning.push(`Starting price ≈ ${usd(base)}/month: ${usd(fromEngagement)} for ${pct(a.engagement)} engagement × ${sizeFactor} for ${sizeWhy}.`);

  let target = base;
  /** Set when the goal needs no more than the audience supports: the members that reach it are counted at the final price. */
  let goalGap: number | null = null;
  const goal = profile.incomeGoalUSD;
  const current = profile.currentMonthlyIncomeUSD ?? 0;
  if (goal !== null && goal > 0) {
    const gap = goal - current;
    const gapText = current > 0 ? `the ${usd(gap)}/month between your current ${usd(current)} and your ${usd(goal)} goal` : `your ${usd(goal)}/month goal`;
    if (gap <= 0) {
      reasoning.push(`You already earn your ${usd(goal)}/month goal, so the price follows what your audience supports.`);
    } else if (members < 1) {
      reasoning.push(`Fewer than one paying member is expected yet, so ${gapText} cannot set the price: grow the waitlist first.`);
    } else {
      const needed = gap / members;
      // The goal only ever raises the price (up to 1.5× what the audience supports), never lowers
      // it: a creator who states a goal must not be told to charge less than one who does not.
      target = clamp(needed, base, base * 1.5);
      const verdict =
        needed > base * 1.5 ? `more than this audience is likely to pay, so the suggestion is nudged up only to ${usd(target)}; close the rest with audience growth, an annual plan or a higher tier`
        : needed <= base ? 'no more than your audience supports, so the goal does not change the price'
        : `within reach, so the suggestion moves up to about ${usd(target)}`;
      reasoning.push(`To earn ${gapText} with ~${count(members)} members you need ${usd(needed)}/member: ${verdict}.`);
      if (needed <= base) goalGap = gap;
    }
  }

  const idx = clamp(nearestPointIndex(target), 1, PRICE_POINTS.length - 2);
  const suggested = PRICE_POINTS[idx]!;
  const low = Math.min(pointAtMost(suggested * 0.6), PRICE_POINTS[idx - 1]!);
  const high = Math.max(pointAtLeast(suggested * 1.7), PRICE_POINTS[idx + 1]!);
  const founding = PRICE_POINTS[Math.min(nearestPointIndex(suggested * 0.65), idx - 1)]!;
  reasoning.push(
    `Suggested ${usd(suggested)}/month (band ${usd(low)}–${usd(high)})${a.total > 0 ? `: ~${count(members)} members × ${usd(suggested)} ≈ ${usd(members * suggested)}/month` : ''}; use ${usd(high)} for a premium tier with direct access.`,
  );
  if (goalGap !== null) reasoning.push(`At ${usd(suggested)}/month, about ${Math.ceil(goalGap / suggested)} paying members reach your goal.`);
  reasoning.push(`Founding members: ${usd(founding)}/month locked in while they stay (about ${Math.round((1 - founding / suggested) * 100)}% off), with a real seat cap and deadline.`);
  return { band: { currency: 'USD', period: 'month', low, suggested, high }, reasoning };
}

function nearestPointIndex(price: number): number {
  let best = 0;
  for (let i = 1; i < PRICE_POINTS.length; i++) {
    if (Math.abs(Math.log(PRICE_POINTS[i]! / price)) < Math.abs(Math.log(PRICE_POINTS[best]! / price))) best = i;
  }
  return best;
}
const pointAtMost = (price: number) => [...PRICE_POINTS].reverse().find((p) => p <= price) ?? PRICE_POINTS[0]!;
const pointAtLeast = (price: number) => PRICE_POINTS.find((p) => p >= price) ?? PRICE_POINTS[PRICE_POINTS.length - 1]!;

// ── timeline ────────────────────────────────────────────────────────────────────────────────

interface Schedule {
  totalHours: number;
  weeks: number;
  phases: { startWeek: number; endWeek: number; dueWeeks: number[] }[];
}

function scheduleOf(template: Template, hoursPerWeek: number): Schedule {
  const totalHours = template.phases.reduce((s, p) => s + p.tasks.reduce((t, task) => t + task.hours, 0), 0);
  const { min, max } = template.opportunity.timelineWeeks;
  const weeks = clamp(Math.ceil(totalHours / hoursPerWeek - 1e-9), min, Math.max(min, max * 2));
  // Week in which the cumulative hours `h` fall, with a little slack for float sums (0.1 + 0.2).
  const weekOf = (h: number) => Math.max(1, Math.ceil((h / totalHours) * weeks - 1e-9));
  let done = 0;
  const phases = template.phases.map((phase) => {
    const startWeek = Math.min(weeks, Math.floor((done / totalHours) * weeks + 1e-9) + 1);
    const dueWeeks = phase.tasks.map((task) => weekOf((done += task.hours)));
    return { startWeek, endWeek: dueWeeks[dueWeeks.length - 1]!, dueWeeks };
  });
  return { totalHours, weeks, phases };
}

function addDaysLocal(now: Date, days: number): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

// ── small helpers ───────────────────────────────────────────────────────────────────────────

/**
 * Replaces known {placeholders}, without doubling a word at the seams ("in {niche}" with the niche
 * "in fitness"); unknown ones stay visible so a template author notices them. Null when a value
 * the line needs is unknown (the caller leaves the line out).
 */
export function fill(text: string, values: Record<string, string | null>): string | null {
  const pieces: string[] = [];
  let at = 0;
  for (const m of text.matchAll(/\{(\w+)\}/g)) {
    pieces.push(text.slice(at, m.index));
    const value = values[m[1]!];
    if (value === null) return null;
    pieces.push(value ?? m[0]);
    at = m.index + m[0].length;
  }
  pieces.push(text.slice(at));
  return spliceText(pieces);
}

/** A task's details plus how to do it on the creator's own platforms (TemplateTask.platformNotes). */
function withPlatformNotes(details: string, notes: { platform: string; note: string }[]): string {
  const lead = (platform: string) => (platform === 'Newsletter' ? 'In your newsletter' : platform === 'Podcast' ? 'On your podcast' : `On ${platform}`);
  return spliceText([details, ...notes.flatMap((n) => [' ', `${lead(n.platform)}: `, n.note])]);
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const usd = (n: number) => (n < 10 ? `$${Number(n.toFixed(2))}` : `$${int(n)}`);
const pct = (n: number) => `${Number(n.toFixed(n < 1 ? 2 : 1))}%`;
const count = (n: number) => (n < 10 ? String(Number(n.toFixed(1))) : int(n));
