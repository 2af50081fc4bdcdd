// Prices are data (usage/ is the low module for money: prices here, the formatter in money.ts,
// the warning/cap rule in budget.ts; limits/, app/, coach/, cli/ and ui/ import it).
// Prices are data: USD per million tokens, per model. Cost is computed in integer micro-dollars
// (1 USD = 1,000,000 µ$): a price per MTok is µ$ per token. Sums are done in integer hundredths
// of a µ$ (prices have at most 2 decimals), and only the request's total is rounded to whole µ$.
export interface ModelPrice {
  input: number;
  output: number;
  cacheWrite: number;
  cacheRead: number;
}

/** Per MTok, USD. Matched by exact id, then by the longest known prefix (dated snapshots). */
export const PRICES: Record<string, ModelPrice> = {
  'claude-opus-4-5': { input: 5, output: 25, cacheWrite: 6.25, cacheRead: 0.5 },
  'claude-opus-4-6': { input: 5, output: 25, cacheWrite: 6.25, cacheRead: 0.5 },
  'claude-opus-4-1': { input: 15, output: 75, cacheWrite: 18.75, cacheRead: 1.5 },
  'claude-opus-4': { input: 15, output: 75, cacheWrite: 18.75, cacheRead: 1.5 },
  'claude-sonnet-4-6': { input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 },
  'claude-sonnet-4-5': { input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 },
  'claude-sonnet-4': { input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 },
  'claude-haiku-4-5': { input: 1, output: 5, cacheWrite: 1.25, cacheRead: 0.1 },
  'claude-3-5-haiku': { input: 0.8, output: 4, cacheWrite: 1, cacheRead: 0.08 },
};

export function priceOf(model: string): ModelPrice | null {
  if (PRICES[model]) return PRICES[model];
  let best: string | null = null;
  for (const id of Object.keys(PRICES)) {
    if (model.startsWith(`${id}-`) && (!best || id.length > best.length)) best = id;
  }
  return best ? PRICES[best]! : null;
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  cacheCreationTokens: number;
  cacheReadTokens: number;
}

export const ZERO_USAGE: TokenUsage = { inputTokens: 0, outputTokens: 0, cacheCreationTokens: 0, cacheReadTokens: 0 };

/** Exact cost in integer micro-dollars, or null when the model has no price ("unpriced"). */
export function costMicros(model: string, u: TokenUsage): number | null {
  const p = priceOf(model);
  if (!p) return null;
  // price per MTok in USD == µ$ per token; prices have at most 2 decimals, so scale by 100 to stay integral.
  const cents = (n: number, price: number) => n * Math.round(price * 100);
  const total = cents(u.inputTokens, p.input) + cents(u.outputTokens, p.output) + cents(u.cacheCreationTokens, p.cacheWrite) + cents(u.cacheReadTokens, p.cacheRead);
  return Math.round(total / 100);
}
