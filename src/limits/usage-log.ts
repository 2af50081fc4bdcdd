// The daily message limit, the cost cap and the usage log of every API request.
// A request first *reserves* a row (status `pending`) inside one IMMEDIATE transaction that also
// counts the day's rows, so concurrent processes can never exceed the limit; the same row is then
// finished with tokens and cost. One row per request (unique request key): never counted twice.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { LimitError } from '../errors.js';
import { costMicros, formatUSD, type TokenUsage } from '../coach/pricing.js';
import { dayStatus } from '../store/usage.js';

export interface DayBounds {
  start: number;
  end: number;
}

/** The local calendar day (process TZ) containing `now`, as epoch-ms bounds [start, end). */
export function localDay(now: number): DayBounds {
  const d = new Date(now);
  return {
    start: new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime(),
    end: new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime(),
  };
}

export interface TodayUsage {
  messagesUsed: number;
  costMicros: number;
  /** True when some of today's usage is on an unpriced model (its cost is not in costMicros). */
  unpriced: boolean;
}

export function todayUsage(sqlite: Database.Database, profileId: number, now: number): TodayUsage {
  const day = dayStatus(sqlite, profileId, localDay(now));
  return { messagesUsed: day.messagesUsed, costMicros: day.costMicros, unpriced: day.unpricedRequests > 0 };
}

export interface ReserveInput {
  profileId: number;
  projectId: number | null;
  kind: 'chat' | 'welcome';
  model: string;
  /** Daily message limit; welcome requests do not count against it. */
  limit: number;
  /** Hard daily cost cap in µ$, or null. */
  capMicros: number | null;
  now: number;
}

export interface Reservation {
  usageId: number;
  requestKey: string;
  /** Messages used today including this one. */
  used: number;
  limit: number;
}

function untilMidnight(now: number): string {
  const mins = Math.ceil((localDay(now).end - now) / 60_000);
  return mins >= 60 ? `${Math.floor(mins / 60)} h ${mins % 60} min` : `${mins} min`;
}

export function reserve(sqlite: Database.Database, input: ReserveInput): Reservation {
  const requestKey = randomUUID();
  const insert = sqlite.prepare(
    `INSERT INTO ai_usage_logs (request_key, profile_id, project_id, kind, model, status, counted, pid, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const counted = input.kind === 'chat';
  const tx = sqlite.transaction((): Reservation | LimitError => {
    const today = todayUsage(sqlite, input.profileId, input.now);
    const refuse = (message: string, hint: string) => {
      insert.run(requestKey, input.profileId, input.projectId, input.kind, input.model, 'refused', 0, null, input.now);
      return new LimitError(message, { hint });
    };
    if (input.capMicros !== null && today.costMicros >= input.capMicros) {
      return refuse(`daily cost cap reached (${formatUSD(today.costMicros)} of ${formatUSD(input.capMicros)} today)`,
        `it resets at local midnight, in ${untilMidnight(input.now)}; raise it with \`coach config set dailyCostCapUSD …\``);
    }
    if (counted && today.messagesUsed >= input.limit) {
      return refuse(`daily message limit reached (${today.messagesUsed}/${input.limit})`,
        `it resets at local midnight, in ${untilMidnight(input.now)}; the offline coach (--offline) still answers`);
    }
    const info = insert.run(requestKey, input.profileId, input.projectId, input.kind, input.model, 'pending', counted ? 1 : 0, process.pid, input.now);
    return { usageId: Number(info.lastInsertRowid), requestKey, used: today.messagesUsed + (counted ? 1 : 0), limit: input.limit };
  });
  // IMMEDIATE takes the write lock before counting: two processes cannot both see "one left".
  const result = tx.immediate();
  if (result instanceof LimitError) throw result;
  return result;
}

export function linkMessage(sqlite: Database.Database, usageId: number, messageId: number): void {
  sqlite.prepare('UPDATE ai_usage_logs SET message_id = ? WHERE id = ?').run(messageId, usageId);
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
  sqlite.prepare(
    `UPDATE ai_usage_logs SET status = ?, model = ?, input_tokens = ?, output_tokens = ?, cache_creation_tokens = ?,
       cache_read_tokens = ?, cost_micros = ?, latency_ms = ?, error = ?, pid = NULL,
       counted = CASE WHEN ? = 0 THEN 0 ELSE counted END
     WHERE id = ? AND status = 'pending'`,
  ).run(f.status, f.model, f.usage.inputTokens, f.usage.outputTokens, f.usage.cacheCreationTokens, f.usage.cacheReadTokens,
    cost, Math.round(f.latencyMs), f.error ?? null, f.counted === false ? 0 : 1, usageId);
  return cost;
}
