// Pure pieces of the coach: pricing, prompt building, the offline engine, sanitising, settings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { costMicros, priceOf } from '../../src/usage/prices.js';
import { formatUSD } from '../../src/usage/money.js';
import { offlineWelcome } from '../../src/coach/offline.js';
import { personalise } from '../../src/plan/personalise.js';
import { parseTemplate } from '../../src/plan/templates.js';
import { sanitizeForTerminal } from '../../src/util/text.js';
import { openSettings, parseSettingValue } from '../../src/config/settings.js';
import { formatError, maskKey, UsageError } from '../../src/errors.js';
import { tempHome } from '../helpers/cli.js';

const template = parseTemplate(JSON.parse(readFileSync(join(import.meta.dirname, '../../templates/premium-community.json'), 'utf8')), 'premium-community.json');
const profile = { displayName: 'Jane', niche: 'vegan baking', platforms: [{ platform: 'instagram', followers: 45000, engagementRate: 3.2 }], totalAudience: 45000, currentMonthlyIncomeUSD: 800, incomeGoalUSD: 5000, hoursPerWeek: 6, experienceLevel: 'beginner' as const };
const { plan } = personalise(template, profile, new Date('2026-11-25T12:00:00Z'));

describe('pricing', () => {
  it('computes exact integer micro-dollars per model', () => {
    expect(costMicros('claude-sonnet-4-6', { inputTokens: 1_000_000, outputTokens: 1_000_000, cacheCreationTokens: 0, cacheReadTokens: 0 })).toBe(18_000_000);
  });
  it('rounds only the total, half up', () => {
    // haiku: 10×1 + 10×5 + 10×1.25 + 10×0.1 = 73.5 µ$ → 74
    expect(costMicros('claude-haiku-4-5', { inputTokens: 10, outputTokens: 10, cacheCreationTokens: 10, cacheReadTokens: 10 })).toBe(74);
  });
  it('matches dated snapshots by prefix and flags unknown models as unpriced', () => {
    expect(priceOf('claude-sonnet-4-5-20250929')).toEqual(priceOf('claude-sonnet-4-5'));
    expect(costMicros('gpt-9', { inputTokens: 5, outputTokens: 5, cacheCreationTokens: 0, cacheReadTokens: 0 })).toBeNull();
    expect(formatUSD(null)).toBe('unpriced');
    expect(formatUSD(1_234_567)).toBe('$1.23');
    expect(formatUSD(1_500)).toBe('$0.0015');
  });
});

// The Claude prompt: test/coach/prompt.test.ts.

describe('offline coach welcome', () => {
  it('writes a welcome with the numbers and first tasks', () => {
    const w = offlineWelcome(plan, 'Jane', '2027-03-01');
    expect(w).toMatch(/Welcome, Jane/);
    expect(w).toContain(`$${plan.personalisation.priceBand.suggested}/month`);
    expect(w).toMatch(/launch by \*\*2027-03-01\*\*/);
    expect(w).not.toMatch(/\{[a-zA-Z]+\}/);
  });
});

describe('sanitising', () => {
  it('removes escape sequences, controls and bidi overrides', () => {
    expect(sanitizeForTerminal('a\x1b[2Jb\x1b]0;pwned\x07c\x1b]8;;http://x\x1b\\d\u202ee\r\nf\x00\x7fg\x9b31mh')).toBe('abcde\nfgh');
    expect(sanitizeForTerminal('tab\tand\nnewline')).toBe('tab\tand\nnewline');
  });
});

describe('settings and errors', () => {
  it('validates values and names the range', () => {
    expect(() => parseSettingValue('dailyMessageLimit', '-1')).toThrow(UsageError);
    expect(() => parseSettingValue('model', '  ')).toThrow(/model/);
    expect(parseSettingValue('dailyCostCapUSD', 'off')).toBeNull();
    expect(parseSettingValue('temperature', '0.2')).toBe(0.2);
  });
  it('layers defaults < file < env, with sources', async () => {
    const { home, cleanup } = tempHome();
    try {
      const s = openSettings({ COACH_HOME: home }, home);
      expect(s.get('dailyMessageLimit')).toBe(50);
      await s.set('dailyMessageLimit', '80');
      expect(openSettings({}, home).get('dailyMessageLimit')).toBe(80);
      const env = openSettings({ MONETIZATION_DAILY_MESSAGE_LIMIT: '7' }, home);
      expect(env.describe().find((d) => d.key === 'dailyMessageLimit')).toEqual({ key: 'dailyMessageLimit', value: 7, source: 'env:MONETIZATION_DAILY_MESSAGE_LIMIT' });
      expect(() => openSettings({ COACH_DAILY_MESSAGE_LIMIT: 'lots' }, home).get('dailyMessageLimit')).toThrow(/COACH_DAILY_MESSAGE_LIMIT: expected a number/);
    } finally {
      cleanup();
    }
  });
  it('never prints a key', () => {
    expect(maskKey('sk-ant-api03-abcdefghijklmnop-WXYZ')).toBe('sk-ant-…WXYZ');
    expect(formatError(new Error('bad key sk-ant-api03-abcdefghijklmnop-WXYZ here'))).toBe('coach: bad key sk-ant-…WXYZ here');
  });
});
