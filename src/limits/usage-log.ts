// The daily message limit, the cost cap and the usage log of every API request (the rules; the
// SQL is in store/usage-log.ts and store/usage.ts).
// A request first *reserves* a row (status `pending`) inside one IMMEDIATE transaction that also
// counts the day's rows, so concurrent processes can never exceed the limit; the same row is then
// finished with tokens and cost. One row per request (unique request key): never counted twice.
import type Database from 'better-sqlite3';
import { LimitError } from '../errors.js';
import type { UsageKind } from '../store/schema.js';
import { costCapReached, costCapText } from '../usage/budget.js';
import { costMicros, type TokenUsage } from '../usage/prices.js';
import { formatUSD } from '../usage/money.js';
import { localDayBounds } from '../util/dates.js';
import { dayStatus } from '../store/usage.js';
import { finishUsageRow, insertUsageRow, linkUsageMessage, progressUsageRow } from '../store/usage-log.js';

export interface TodayUsage {
  messagesUsed: number;
  costMicros: number;
  /** True when some of today's usage is on an unpriced model (its cost is not in costMicros). */
  unpriced: boolean;
  /** Held by requests in flight (see `reserve`). */
  reservedMicros: number;
}

export function todayUsage(sqlite: Database.Database, profileId: number, now: number): TodayUsage {
  const day = dayStatus(sqlite, profileId, localDayBounds(now));
  return { messagesUsed: day.messagesUsed, costMicros: day.costMicros, unpriced: day.unpricedRequests > 0, reservedMicros: day.reservedMicros };
}

export interface ReserveInput {
  profileId: number;
  projectId: number | null;
  kind: UsageKind;
  model: string;
  /** Daily message limit; welcome requests do not count against it. */
  limit: number;
  /** Hard daily cost cap in µ$, or null. */
  capMicros: number | null;
  /** What this request may cost at most (`requestEstimateMicros`), held against the cap while it runs. */
  estimateMicros?: number | null;
  now: number;
}

/**
 * The most a request can cost: its input (estimated from the text sent) and a full reply of
 * `maxOutputTokens`. Null for an unpriced model (nothing to hold).
 */
export function requestEstimateMicros(model: string, inputTokens: number, maxOutputTokens: number): number | null {
  return costMicros(model, { inputTokens, outputTokens: maxOutputTokens, cacheCreationTokens: 0, cacheReadTokens: 0 });
}

export interface Reservation {
  usageId: number;
  requestKey: string;
  /** Messages used today including this one. */
  used: number;
  limit: number;
}

function untilMidnight(now: number): string {
  const mins = Math.ceil((localDayBounds(now).end - now) / 60_000);
  return mins >= 60 ? `${Math.floor(mins / 60)} h ${mins % 60} min` : `${mins} min`;
}

export function reserve(sqlite: Database.Database, input: ReserveInput): Reservation {
  // The global Web Crypto: node:crypto loads only when a request is reserved, not at start.
  const requestKey = globalThis.crypto.randomUUID();
  const counted = input.kind === 'chat';
  const row = { requestKey, profileId: input.profileId, projectId: input.projectId, kind: input.kind, model: input.model, createdAt: input.now };
  const tx = sqlite.transaction((): Reservation | LimitError => {
    const today = todayUsage(sqlite, input.profileId, input.now);
    const refuse = (message: string, hint: string) => {
      insertUsageRow(sqlite, { ...row, status: 'refused', counted: false, pid: null });
      return new LimitError(message, { hint });
    };
    // The cap counts what finished requests cost and what requests in flight hold: concurrent
    // requests cannot all start below the cap and finish far above it. A request starts only while
    // spent + held is below the cap, so the cap is passed by at most the requests already in flight
    // when it was reached (each bounded by its own estimate).
    if (costCapReached(today.costMicros + today.reservedMicros, input.capMicros)) {
      const held = today.reservedMicros > 0 ? ` (${formatUSD(today.reservedMicros)} of it held by requests in flight)` : '';
      return refuse(`${costCapText(today.costMicros + today.reservedMicros, input.capMicros!)}${held}`,
        `it resets at local midnight, in ${untilMidnight(input.now)}; raise it with \`coach config set dailyCostCapUSD …\``);
    }
    if (counted && today.messagesUsed >= input.limit) {
      return refuse(`daily message limit reached (${today.messagesUsed}/${input.limit})`,
        `it resets at local midnight, in ${untilMidnight(input.now)}; the offline coach (--offline) still answers`);
    }
    const usageId = insertUsageRow(sqlite, { ...row, status: 'pending', counted, pid: process.pid, costMicros: input.estimateMicros ?? null });
    return { usageId, requestKey, used: today.messagesUsed + (counted ? 1 : 0), limit: input.limit };
  });
  // IMMEDIATE takes the write lock before counting: two processes cannot both see "one left".
  const result = tx.immediate();
  if (result instanceof LimitError) throw result;
  return result;
}

export function linkMessage(sqlite: Database.Database, usageId: number, messageId: number): void {
  linkUsageMessage(sqlite, usageId, messageId);
}

/**
 * Persists the usage of a request in flight: the tokens reported so far. Its cost column keeps
 * holding the larger of the reservation and the cost so far (finish and recovery price the tokens).
 */
export function progress(sqlite: Database.Database, usageId: number, model: string, usage: TokenUsage): void {
  progressUsageRow(sqlite, usageId, { ...usage, costMicros: costMicros(model, usage) });
}

export interface FinishInput {
  status: 'ok' | 'interrupted' | 'error';
  model: string;
  usage: TokenUsage;
  latencyMs: number;
  error?: string | null;
  /** False when the request never reached the API: the message is given back. */
  counted?: boolean;
}

/** Completes a reservation exactly once; returns the cost in µ$ (null = unpriced). */
export function finish(sqlite: Database.Database, usageId: number, f: FinishInput): number | null {
  const cost = costMicros(f.model, f.usage);
  finishUsageRow(sqlite, usageId, {
    status: f.status, model: f.model, ...f.usage, costMicros: cost, latencyMs: f.latencyMs, error: f.error ?? null, counted: f.counted !== false,
  });
  return cost;
}
