import { describe, expect, it } from 'vitest';
import { PRICE_POINTS, personalise, type ProfileForPlan } from '../../src/plan/personalise.js';
import { loadTemplate } from '../../src/plan/templates.js';

const template = loadTemplate('premium-community');
const now = new Date(2025, 0, 15, 10, 0);

function profile(over: Partial<ProfileForPlan> = {}): ProfileForPlan {
  return {
    displayName: 'Maya',
    niche: 'sourdough baking',
    platforms: [{ platform: 'YouTube', followers: 20_000, engagementRate: 4 }],
    totalAudience: 20_000,
    currentMonthlyIncomeUSD: null,
    incomeGoalUSD: null,
    hoursPerWeek: null,
    experienceLevel: null,
    ...over,
  };
}

const bigEngaged = profile({
  platforms: [
    { platform: 'YouTube', followers: 150_000, engagementRate: 7 },
    { platform: 'Instagram', followers: 50_000, engagementRate: 5 },
  ],
  totalAudience: 200_000,
});
const tinyDisengaged = profile({ platforms: [{ platform: 'TikTok', followers: 300, engagementRate: 0.4 }], totalAudience: 300 });

describe('price band', () => {
  it('charges more for a big engaged audience than a tiny disengaged one, within sane bounds', () => {
    const big = personalise(template, bigEngaged, now).plan.personalisation.priceBand;
    const tiny = personalise(template, tinyDisengaged, now).plan.personalisation.priceBand;
    expect(big.suggested).toBeGreaterThan(tiny.suggested);
    for (const band of [big, tiny]) {
      expect(band.low).toBeLessThan(band.suggested);
      expect(band.suggested).toBeLessThan(band.high);
      expect(band.low).toBeGreaterThanOrEqual(5);
      expect(band.high).toBeLessThanOrEqual(199);
      for (const price of [band.low, band.suggested, band.high]) expect(PRICE_POINTS).toContain(price);
    }
  });

  it('lets a small, highly engaged audience charge more per head than a huge passive one', () => {
    const small = profile({ platforms: [{ platform: 'newsletter', followers: 3_000, engagementRate: 10 }], totalAudience: 3_000 });
    const huge = profile({ platforms: [{ platform: 'TikTok', followers: 1_000_000, engagementRate: 1 }], totalAudience: 1_000_000 });
    expect(personalise(template, small, now).plan.personalisation.priceBand.suggested).toBeGreaterThan(
      personalise(template, huge, now).plan.personalisation.priceBand.suggested,
    );
  });

  it('nudges toward the income goal and explains it with numbers', () => {
    const plain = personalise(template, profile(), now).plan.personalisation;
    const ambitious = personalise(template, profile({ incomeGoalUSD: 10_000 }), now).plan.personalisation;
    expect(ambitious.priceBand.suggested).toBeGreaterThan(plain.priceBand.suggested);
    expect(ambitious.priceReasoning.join('\n')).toMatch(/\$10,000/);
    expect(plain.priceReasoning.some((l) => /20,000/.test(l))).toBe(true);
    expect(plain.priceReasoning.some((l) => /\d+(\.\d+)?%/.test(l))).toBe(true);
  });

  it('stays in bounds for extreme profiles', () => {
    const extremes = [
      profile({ platforms: [], totalAudience: 0 }),
      profile({ platforms: [{ platform: 'YouTube', followers: 50_000_000, engagementRate: 60 }], totalAudience: 50_000_000, incomeGoalUSD: 1e9 }),
      profile({ platforms: [{ platform: 'X', followers: 50, engagementRate: 0 }], totalAudience: 50, incomeGoalUSD: 1 }),
    ];
    for (const p of extremes) {
      const band = personalise(template, p, now).plan.personalisation.priceBand;
      expect(band.low).toBeGreaterThanOrEqual(5);
      expect(band.high).toBeLessThanOrEqual(199);
      expect(band.low).toBeLessThan(band.high);
    }
  });
});

// A small deterministic generator (mulberry32): the property runs over the same profiles every time.
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('price band: the income goal only ever raises the price', () => {
  const kinds = ['YouTube', 'Instagram', 'TikTok', 'Twitch', 'Substack', 'LinkedIn', 'Patreon', 'podcast'];
  const random = rng(20261206);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const generated = Array.from({ length: 400 }, () => {
    const platforms = Array.from({ length: Math.floor(random() * 4) }, () => ({
      platform: pick(kinds),
      followers: Math.round(10 ** (1 + random() * 6.5)), // 10 … ~30 million
      engagementRate: random() < 0.25 ? null : Math.round(random() * 150) / 10,
      avgViews: random() < 0.5 ? null : Math.round(10 ** (random() * 6)),
    }));
    return profile({
      platforms,
      totalAudience: random() < 0.2 ? Math.round(10 ** (random() * 7)) : 0,
      currentMonthlyIncomeUSD: random() < 0.5 ? null : Math.round(random() * 8_000),
    });
  });
  const goals = [null, 100, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 100_000, 1e7];

  it('goal ↑ ⇒ suggested price (and the band around it) not ↓, over 400 generated profiles', () => {
    let raised = 0;
    for (const p of generated) {
      const bands = goals.map((incomeGoalUSD) => personalise(template, { ...p, incomeGoalUSD }, now).plan.personalisation.priceBand);
      for (let i = 1; i < bands.length; i++) {
        const [before, after] = [bands[i - 1]!, bands[i]!];
        const where = `${JSON.stringify(p.platforms)} income ${p.currentMonthlyIncomeUSD}: goal ${goals[i - 1]} → ${goals[i]}`;
        expect(after.suggested, where).toBeGreaterThanOrEqual(before.suggested);
        expect(after.low, where).toBeGreaterThanOrEqual(before.low);
        expect(after.high, where).toBeGreaterThanOrEqual(before.high);
      }
      if (bands.at(-1)!.suggested > bands[0]!.suggested) raised++;
    }
    // the property is not vacuous: for most profiles a big enough goal does raise the price
    expect(raised).toBeGreaterThan(generated.length / 2);
  });

  it('a modest goal keeps the price the audience supports and says how many members reach it', () => {
    const without = personalise(template, profile(), now).plan.personalisation;
    const modest = personalise(template, profile({ incomeGoalUSD: 300 }), now).plan.personalisation;
    expect(modest.priceBand).toEqual(without.priceBand);
    expect(modest.priceReasoning.join('\n')).toMatch(/so the goal does not change the price\./);
    expect(modest.priceReasoning).toContain(`At $${modest.priceBand.suggested}/month, about ${Math.ceil(300 / modest.priceBand.suggested)} paying members reach your goal.`);
  });
});

describe('timeline', () => {
  it('takes longer with fewer hours per week, defaulting to 5 h/week', () => {
    const weeks = (hoursPerWeek: number | null) => personalise(template, profile({ hoursPerWeek }), now).plan.personalisation;
    expect(weeks(3).timelineWeeks).toBeGreaterThan(weeks(10).timelineWeeks);
    expect(weeks(null).hoursPerWeek).toBe(5);
    expect(weeks(null).timelineWeeks).toBe(Math.ceil(weeks(null).totalHours / 5));
    expect(weeks(80).timelineWeeks).toBe(template.opportunity.timelineWeeks.min);
  });

  it('gives monotonic due weeks inside each phase window, ending at the timeline', () => {
    for (const hoursPerWeek of [2, 5, 7.5, 20]) {
      const { plan } = personalise(template, profile({ hoursPerWeek }), now);
      const tasks = plan.phases.flatMap((p) => p.tasks);
      for (let i = 1; i < tasks.length; i++) expect(tasks[i]!.dueWeek).toBeGreaterThanOrEqual(tasks[i - 1]!.dueWeek);
      for (const phase of plan.phases) {
        expect(phase.startWeek).toBeLessThanOrEqual(phase.endWeek);
        for (const t of phase.tasks) {
          expect(t.phaseId).toBe(phase.id);
          expect(t.dueWeek).toBeGreaterThanOrEqual(phase.startWeek);
          expect(t.dueWeek).toBeLessThanOrEqual(phase.endWeek);
        }
      }
      expect(plan.phases[0]!.startWeek).toBe(1);
      expect(plan.phases.at(-1)!.endWeek).toBe(plan.personalisation.timelineWeeks);
    }
  });

  it('sets the target launch date from the timeline', () => {
    const { plan, targetLaunchDate } = personalise(template, profile({ hoursPerWeek: 10 }), now);
    expect(plan.personalisation.timelineWeeks).toBe(9); // 84 h at 10 h/week
    expect(targetLaunchDate).toBe('2025-03-19');
  });
});

describe('platforms and text', () => {
  it('suggests Discord for a Twitch audience and names the numbers', () => {
    const p = profile({
      platforms: [
        { platform: 'Twitch', followers: 40_000, avgViews: 1_200 },
        { platform: 'YouTube', followers: 10_000 },
      ],
      totalAudience: 50_000,
    });
    const { personalisation } = personalise(template, p, now).plan;
    expect(personalisation.topAudiencePlatform).toBe('Twitch');
    expect(personalisation.platformSuggestions[0]!.platform).toBe('Discord');
    expect(personalisation.platformSuggestions[0]!.reason).toMatch(/80% .*40,000.*Twitch/);
  });

  it('suggests Skool or Circle for video audiences and Circle or Substack for newsletters', () => {
    const video = personalise(template, bigEngaged, now).plan.personalisation.platformSuggestions.map((s) => s.platform);
    expect(video.slice(0, 2)).toEqual(['Skool', 'Circle']);
    const news = profile({ platforms: [{ platform: 'Substack', followers: 8_000, engagementRate: 6 }], totalAudience: 8_000 });
    const text = personalise(template, news, now).plan.personalisation.platformSuggestions.map((s) => s.platform);
    expect(text).toEqual(['Circle', 'Substack']);
  });

  it('fills every placeholder and copies the template guidance', () => {
    for (const p of [bigEngaged, profile({ niche: null, platforms: [], totalAudience: 0 })]) {
      const { plan } = personalise(template, p, now);
      expect(plan.whyThisWorks.join(' ')).not.toContain('{');
      expect(plan.proTips).toEqual(template.proTips);
      expect(plan.commonPitfalls).toEqual(template.commonPitfalls);
      expect(plan.decisionPoints).toEqual(template.decisionPoints);
      expect(plan.phases.map((ph) => ph.pitfalls)).toEqual(template.phases.map((ph) => ph.pitfalls));
    }
    expect(personalise(template, bigEngaged, now).plan.whyThisWorks).toHaveLength(template.whyThisWorks.length);
    expect(personalise(template, bigEngaged, now).plan.whyThisWorks.join(' ')).toMatch(/Maya.*200,000.*YouTube/);
  });

  it('says nothing about followers or engagement the profile does not have', () => {
    const nobody = personalise(template, profile({ niche: null, platforms: [], totalAudience: 0 }), now).plan;
    const text = [...nobody.whyThisWorks, ...nobody.personalisation.priceReasoning].join('\n');
    expect(text).not.toMatch(/\b0 followers|your 0\b|already trust you|engagement rate of/i);
    expect(nobody.whyThisWorks.length).toBeGreaterThanOrEqual(3); // the lines that need no numbers
    expect(nobody.personalisation.priceReasoning[0]).toMatch(/^Audience: none in your profile yet/);
    // followers but no engagement data: the trust line stays, the engagement line goes
    const noRates = personalise(template, profile({ platforms: [{ platform: 'YouTube', followers: 5_000 }], totalAudience: 5_000 }), now).plan;
    expect(noRates.whyThisWorks.join(' ')).toMatch(/your 5,000 followers already trust you, mostly on YouTube/);
    expect(noRates.whyThisWorks.join(' ')).not.toMatch(/engagement rate/i);
  });

  it('gives each platform suggestion a reason of its own: where the audience is, fees, what to watch', () => {
    const mixed = profile({
      platforms: [
        { platform: 'YouTube', followers: 30_000, engagementRate: 4 },
        { platform: 'Twitch', followers: 20_000, engagementRate: 6 },
        { platform: 'Substack', followers: 10_000, engagementRate: 8 },
      ],
      totalAudience: 60_000,
    });
    for (const p of [mixed, bigEngaged, profile({ platforms: [], totalAudience: 0 })]) {
      const suggestions = personalise(template, p, now).plan.personalisation.platformSuggestions;
      expect(suggestions.length).toBeGreaterThanOrEqual(2);
      // nothing shared but the numbers: no sentence repeated from one platform to the next
      const sentences = suggestions.map((s) => s.reason.replace(/^\d+% of your followers \([\d,]+ of [\d,]+\) are on [^:]+: /, ''));
      expect(new Set(sentences).size).toBe(sentences.length);
      for (const s of suggestions) {
        const data = template.communityPlatforms.find((c) => c.name === s.platform)!;
        expect(s.reason, s.platform).toContain(`Fees: ${data.fees}`);
      }
    }
    const reasons = Object.fromEntries(personalise(template, mixed, now).plan.personalisation.platformSuggestions.map((s) => [s.platform, s.reason]));
    expect(reasons.Discord).toMatch(/^33% of your followers \(20,000 of 60,000\) are on Twitch: stream audiences already spend hours a day in Discord/);
    expect(reasons.Skool).toMatch(/on YouTube: viewers already follow your videos/);
  });

  it("adds the launch notes for the creator's own largest platforms to the task", () => {
    const launch = (p: ProfileForPlan) => personalise(template, p, now).plan.phases.flatMap((ph) => ph.tasks).find((t) => t.id === 't16')!;
    const base = template.phases.flatMap((ph) => ph.tasks).find((t) => t.id === 't16')!;
    const yt = launch(bigEngaged).details;
    expect(yt.startsWith(base.details)).toBe(true);
    expect(yt).toContain(`On YouTube: ${base.platformNotes!.YouTube}`);
    expect(yt).toContain(`On Instagram: ${base.platformNotes!.Instagram}`);
    expect(yt.indexOf('On YouTube')).toBeLessThan(yt.indexOf('On Instagram')); // the larger audience first
    expect(yt).not.toContain('TikTok');
    const writer = launch(profile({ platforms: [{ platform: 'substack', followers: 4_000 }, { platform: 'beehiiv', followers: 900 }], totalAudience: 4_900 })).details;
    expect(writer.match(/In your newsletter:/g)).toHaveLength(1);
    expect(launch(profile({ platforms: [], totalAudience: 0 })).details).toBe(base.details);
  });

  it('is deterministic and does not mutate the template', () => {
    const before = JSON.stringify(template);
    const a = personalise(template, bigEngaged, now);
    const b = personalise(template, bigEngaged, now);
    expect(a).toEqual(b);
    a.plan.phases[0]!.tasks[0]!.tips.push('changed');
    expect(JSON.stringify(template)).toBe(before);
  });
});
