// The money module: the one USD formatter (checked against Intl's rounding) and the one budget rule.
import { describe, expect, it } from 'vitest';
import { budgetState, capMicrosOf, costCapReached, costWarningReached, costWarningText } from '../../src/usage/budget.js';
import { centsToMicros, formatCostSum, formatUSD, usdToMicros } from '../../src/usage/money.js';

/** The reference: what Intl prints for the same amount (the formatter avoids Intl for start-up time). */
function intl(micros: number): string {
  const usd = micros / 1_000_000;
  if (usd !== 0 && Math.abs(usd) < 0.01) return `${usd < 0 ? '-' : ''}$${Math.abs(usd).toFixed(4)}`;
  const text = Math.abs(usd).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${usd < 0 && text !== '0.00' ? '-' : ''}$${text}`;
}

describe('formatUSD', () => {
  it('prints cents with thousands separators, sub-cent amounts with 4 decimals, null as unpriced', () => {
    expect(formatUSD(null)).toBe('unpriced');
    expect(formatUSD(0)).toBe('$0.00');
    expect(formatUSD(1_500)).toBe('$0.0015');
    expect(formatUSD(1_234_567)).toBe('$1.23');
    expect(formatUSD(1_005_000)).toBe('$1.01');
    expect(formatUSD(12_345_678_901)).toBe('$12,345.68');
    expect(formatUSD(-1_500_000)).toBe('-$1.50');
  });

  it('agrees with Intl rounding on every magnitude', () => {
    const values = [0, 1, 99, 100, 4_999, 5_000, 9_999, 10_000, 14_999, 15_000, 1_005_000, 999_995_000, -15_000, -1_005_000];
    for (let i = 0; i < 2_000; i++) values.push(Math.floor(Math.random() * 10 ** (1 + (i % 12))));
    for (const v of values) expect(formatUSD(v), String(v)).toBe(intl(v));
  });

  it('drops .00 for whole dollars on request (incomes and goals) but keeps real cents', () => {
    expect(formatUSD(centsToMicros(150_000), { whole: true })).toBe('$1,500');
    expect(formatUSD(centsToMicros(150_050), { whole: true })).toBe('$1,500.50');
  });

  it('marks sums with unpriced requests', () => {
    expect(formatCostSum(1_200_000, 0)).toBe('$1.20');
    expect(formatCostSum(1_200_000, 2)).toBe('≥ $1.20');
    expect(formatCostSum(0, 2)).toBe('unpriced');
  });
});

describe('the budget rule (>= everywhere)', () => {
  it('warns once the day reaches the threshold, never at $0', () => {
    expect(costWarningReached(usdToMicros(10) - 1, 10)).toBe(false);
    expect(costWarningReached(usdToMicros(10), 10)).toBe(true);
    expect(costWarningReached(0, 0)).toBe(false);
    expect(costWarningReached(1, 0)).toBe(true);
    expect(costWarningText(usdToMicros(10.5), 10)).toBe("today's AI cost is $10.50, past your warning threshold of $10.00");
  });

  it('caps once the day reaches the cap; null is no cap', () => {
    expect(capMicrosOf(null)).toBeNull();
    expect(capMicrosOf(2.5)).toBe(2_500_000);
    expect(costCapReached(2_499_999, 2_500_000)).toBe(false);
    expect(costCapReached(2_500_000, 2_500_000)).toBe(true);
    expect(costCapReached(10 ** 12, null)).toBe(false);
  });

  it('says capped before warning', () => {
    expect(budgetState(0, { warningUSD: 1, capUSD: 5 })).toBe('ok');
    expect(budgetState(usdToMicros(1), { warningUSD: 1, capUSD: 5 })).toBe('warning');
    expect(budgetState(usdToMicros(5), { warningUSD: 1, capUSD: 5 })).toBe('capped');
    expect(budgetState(usdToMicros(5), { warningUSD: 1, capUSD: null })).toBe('warning');
  });
});
