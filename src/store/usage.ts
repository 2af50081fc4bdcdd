// ai_usage_logs, read side: the aggregations behind `coach usage` and the "today" line.
// Summing happens in SQLite; JS only sees one row per (time bucket[, model][, profile]).
// Logging and reservations live in src/limits, not here.
//
// What counts: `pending` rows (a request in flight) are left out everywhere. `refused` rows (never
// sent: limit or cap reached) are counted on their own; they carry no tokens and no cost, so they
// add nothing else. A row is "unpriced" when it carries tokens but no cost (a model missing in the
// pricing table): its cost is unknown, never a silent $0.
//
// Speed: each bucket is one range scan over the created_at (or profile_id, created_at) index with
// a streaming aggregate. A single GROUP BY over a whole range would make SQLite sort every row
// (about 2× slower at 1M rows); per-bucket queries keep any sort small or avoid it entirely.
import type { Db } from './db.js';

export interface UsageAggregate {
  requests: number;
  inputTokens: number;
  outputTokens: number;
  cacheCreationTokens: number;
  cacheReadTokens: number;
  /** Sum of the known costs, integer micro-dollars. */
  costMicros: number;
  /** Requests with tokens but no cost (unpriced model). */
  unpricedRequests: number;
  errors: number;
  interrupted: number;
  refused: number;
}

/** A half-open time range [start, end) in epoch ms. */
export interface TimeRange {
  start: number;
  end: number;
}

/** What each bucket is split by. */
export type UsageSplit = 'none' | 'model';

export interface UsagePart extends UsageAggregate {
  /** Index into the buckets passed in. */
  bucket: number;
  /** Set when split by model. */
  model: string | null;
  /** Models of the requests sent (not refused). */
  models: string[];
}

const TOKENS = 'u.input_tokens + u.output_tokens + u.cache_creation_tokens + u.cache_read_tokens';
const UNPRICED = `u.cost_micros IS NULL AND ${TOKENS} > 0`;

const AGGREGATES = `
  count(*) - sum(u.status = 'refused') AS requests,
  sum(u.input_tokens) AS inputTokens,
  sum(u.output_tokens) AS outputTokens,
  sum(u.cache_creation_tokens) AS cacheCreationTokens,
  sum(u.cache_read_tokens) AS cacheReadTokens,
  coalesce(sum(u.cost_micros), 0) AS costMicros,
  sum(${UNPRICED}) AS unpricedRequests,
  sum(u.status = 'error') AS errors,
  sum(u.status = 'interrupted') AS interrupted,
  sum(u.status = 'refused') AS refused`;

/** Without a model split, the distinct models of each part come along (cheap: no sort). */
const MODELS = "json_group_array(DISTINCT CASE WHEN u.status <> 'refused' THEN u.model END) AS models";

const SPLITS: Record<UsageSplit, { select: string; groupBy: string }> = {
  none: { select: `NULL AS model, ${MODELS}`, groupBy: '' },
  model: { select: 'u.model AS model, NULL AS models', groupBy: 'GROUP BY u.model' },
};

type RawPart = Omit<UsagePart, 'bucket' | 'models'> & { models: string | null };

function modelsOf(raw: RawPart): string[] {
  if (raw.models === null) return raw.model !== null && raw.requests > 0 ? [raw.model] : [];
  return (JSON.parse(raw.models) as (string | null)[]).filter((m): m is string => m !== null);
}

/**
 * Usage per time bucket (local days, computed by the caller so any time zone and DST change is
 * right), optionally split by model. `profileId` null means every profile.
 */
export function usageByBucket(db: Db, buckets: readonly TimeRange[], opts: { profileId: number | null; split: UsageSplit }): UsagePart[] {
  const { select, groupBy } = SPLITS[opts.split];
  const byProfile = opts.profileId === null ? '' : 'AND u.profile_id = ?';
  const stmt = db.$client.prepare(`
    SELECT ${select}, ${AGGREGATES}
    FROM ai_usage_logs u
    WHERE u.created_at >= ? AND u.created_at < ? ${byProfile} AND u.status <> 'pending'
    ${groupBy}`);
  const extra = opts.profileId === null ? [] : [opts.profileId];
  const out: UsagePart[] = [];
  buckets.forEach((b, bucket) => {
    for (const raw of stmt.all(b.start, b.end, ...extra) as RawPart[]) {
      if (raw.requests === null || (raw.requests === 0 && raw.refused === 0)) continue; // empty bucket
      out.push({ ...raw, bucket, models: modelsOf(raw) });
    }
  });
  return out;
}

/** Models with unpriced usage within a range (a full pass over it: only for the rare case the caller cannot tell). */
export function unpricedModelsIn(db: Db, range: TimeRange, profileId: number | null): string[] {
  const byProfile = profileId === null ? '' : 'AND u.profile_id = ?';
  const rows = db.$client
    .prepare(`SELECT DISTINCT u.model AS model FROM ai_usage_logs u WHERE u.created_at >= ? AND u.created_at < ? ${byProfile} AND u.status <> 'pending' AND ${UNPRICED}`)
    .all(range.start, range.end, ...(profileId === null ? [] : [profileId])) as { model: string }[];
  return rows.map((r) => r.model);
}

/** Every profile id with its handle (for report labels). */
export function profileHandles(db: Db): Map<number, string> {
  const rows = db.$client.prepare('SELECT id, handle FROM creator_profiles').all() as { id: number; handle: string }[];
  return new Map(rows.map((r) => [r.id, r.handle]));
}

/** First and last created_at of any usage row (of one profile, or all); null when there is none. */
export function usageSpan(db: Db, profileId: number | null): TimeRange | null {
  // Two single-aggregate queries: SQLite answers each from an index in O(log n).
  const where = profileId === null ? '' : 'WHERE profile_id = ?';
  const args = profileId === null ? [] : [profileId];
  const min = db.$client.prepare(`SELECT min(created_at) AS v FROM ai_usage_logs ${where}`).get(...args) as { v: number | null };
  if (min.v === null) return null;
  const max = db.$client.prepare(`SELECT max(created_at) AS v FROM ai_usage_logs ${where}`).get(...args) as { v: number };
  return { start: min.v, end: max.v + 1 };
}

export interface DayStatus {
  /** Chat messages that use up the daily limit (counted and not refused; in-flight ones included). */
  messagesUsed: number;
  /** Known cost of finished requests, integer micro-dollars. */
  costMicros: number;
  /** Held by requests in flight (their reservation, or what they have used if more): the cost cap counts it. */
  reservedMicros: number;
  unpricedRequests: number;
}

/** One profile's use of a day (bounds from the caller's local-day helper): the one query behind the
 * daily limit, the cost cap and every "today" figure. Takes the raw client so the reservation can
 * run it inside its own transaction. */
export function dayStatus(client: Db['$client'], profileId: number, day: TimeRange): DayStatus {
  return client.prepare(`
    SELECT
      coalesce(sum(u.kind = 'chat' AND u.counted = 1 AND u.status <> 'refused'), 0) AS messagesUsed,
      coalesce(sum(CASE WHEN u.status <> 'pending' THEN u.cost_micros END), 0) AS costMicros,
      coalesce(sum(CASE WHEN u.status = 'pending' THEN u.cost_micros END), 0) AS reservedMicros,
      coalesce(sum(u.status <> 'pending' AND ${UNPRICED}), 0) AS unpricedRequests
    FROM ai_usage_logs u
    WHERE u.profile_id = ? AND u.created_at >= ? AND u.created_at < ?`).get(profileId, day.start, day.end) as DayStatus;
}

export interface ProjectCost {
  requests: number;
  /** Micro-dollars over the priced requests. */
  costMicros: number;
  unpricedRequests: number;
  inputTokens: number;
  outputTokens: number;
}

/** Everything the AI cost for one project (finished requests of every kind). */
export function projectCost(db: Db, projectId: number): ProjectCost {
  const r = db.$client.prepare(`SELECT count(*) AS requests, coalesce(sum(cost_micros), 0) AS costMicros,
      coalesce(sum(cost_micros IS NULL), 0) AS unpricedRequests,
      coalesce(sum(input_tokens + cache_creation_tokens + cache_read_tokens), 0) AS inputTokens,
      coalesce(sum(output_tokens), 0) AS outputTokens
    FROM ai_usage_logs WHERE project_id = ? AND status <> 'pending'`).get(projectId) as ProjectCost;
  return r;
}
