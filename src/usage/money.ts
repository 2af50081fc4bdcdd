// The one USD formatter. Money is integer micro-dollars (µ$) from the database to here; income and
// goals are stored in cents and converted with centsToMicros. No Intl: the first toLocaleString of
// a process costs 15–25 ms, and the status bar formats money in the UI's first frame.

export const MICROS_PER_USD = 1_000_000;

export const microsToUSD = (micros: number): number => micros / MICROS_PER_USD;
export const usdToMicros = (usd: number): number => Math.round(usd * MICROS_PER_USD);
export const centsToMicros = (cents: number): number => Math.round(cents * 10_000);

/** 1234567 → "1,234,567" (ASCII digits, en-US grouping, no Intl). */
export function groupThousands(whole: number): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export interface UsdFormat {
  /** Whole dollars without ".00" ("$1,500"), for incomes, goals and price ranges. */
  whole?: boolean;
}

/**
 * $1,234.56 for people. A sub-cent amount keeps 4 decimals ($0.0015) so a small chat never shows
 * as $0.00; null (a model without a price) is "unpriced". Rounds half away from zero, as Intl does.
 */
export function formatUSD(micros: number | null, opts: UsdFormat = {}): string {
  if (micros === null) return 'unpriced';
  if (!Number.isFinite(micros)) return `$${micros}`;
  const m = Math.round(Math.abs(micros));
  const sign = micros < 0 && m !== 0 ? '-' : '';
  if (m !== 0 && m < 10_000) return `${sign}$${(m / MICROS_PER_USD).toFixed(4)}`;
  const cents = Math.floor((m + 5_000) / 10_000);
  const dollars = groupThousands(Math.floor(cents / 100));
  if (opts.whole && cents % 100 === 0) return `${sign}$${dollars}`;
  return `${sign}$${dollars}.${String(cents % 100).padStart(2, '0')}`;
}

/** A sum that may include unpriced requests: "≥ $1.20" when part of it is unknown, "unpriced" when all is. */
export function formatCostSum(costMicros: number, unpricedRequests: number): string {
  if (unpricedRequests === 0) return formatUSD(costMicros);
  return costMicros === 0 ? 'unpriced' : `≥ ${formatUSD(costMicros)}`;
}
