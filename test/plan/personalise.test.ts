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
    expect(plan.personalisation.timelineWeeks).toBe(9); // 87 h at 10 h/week
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
      expect(plan.whyThisWorks.length).toBe(template.whyThisWorks.length);
      expect(plan.proTips).toEqual(template.proTips);
      expect(plan.commonPitfalls).toEqual(template.commonPitfalls);
      expect(plan.decisionPoints).toEqual(template.decisionPoints);
      expect(plan.phases.map((ph) => ph.pitfalls)).toEqual(template.phases.map((ph) => ph.pitfalls));
    }
    expect(personalise(template, bigEngaged, now).plan.whyThisWorks.join(' ')).toMatch(/Maya.*200,000.*YouTube/);
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
