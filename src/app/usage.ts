// The usage report behind `coach usage` (and the UI's /usage): resolves the date range in a time
// zone, asks the store for per-(bucket, model) sums and folds them into rows, totals and the
// stable JSON document. Money stays integer micro-dollars until the document is built.
import { UsageError } from '../errors.js';
import type { Db } from '../store/db.js';
import {
  dayStatus,
  profileHandles,
  usageByBucket,
  usageByModel,
  usageByProfile,
  usageSpan,
  type DayStatus,
  type ModelAggregate,
  type TimeRange,
  type UsageAggregate,
} from '../store/usage.js';
import { addDays, dayBounds, localDay, monthBounds, monthsBack, startOfDay, type Day, type DayBounds } from '../util/dates.js';

export const REPORT_KINDS = ['daily', 'monthly', 'models', 'profiles'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** The JSON key of each report's list and of its rows' label. */
export const REPORT_KEYS: Record<ReportKind, { list: string; label: string }> = {
  daily: { list: 'daily', label: 'date' },
  monthly: { list: 'monthly', label: 'month' },
  models: { list: 'models', label: 'model' },
  profiles: { list: 'profiles', label: 'profile' },
};

export interface UsageReportOptions {
  kind: ReportKind;
  since?: Day;
  until?: Day;
  /** Last N days (months for `monthly`), today included. */
  last?: number;
  breakdown?: boolean;
  timeZone: string;
  /** One profile, or null for every profile (the `profiles` report always covers every profile). */
  profileId: number | null;
  now: number;
}

export interface UsageRow extends UsageAggregate {
  /** Date, month, model or profile handle. */
  key: string;
  modelsUsed: string[];
  /** Per model, most expensive first (only with `breakdown`). */
  models: ModelAggregate[];
}

export interface UsageReport {
  kind: ReportKind;
  timeZone: string;
  /** Inclusive local days covered; null when there is nothing to cover. */
  range: { since: Day; until: Day } | null;
  rows: UsageRow[];
  totals: UsageAggregate;
  /** Models seen without a price: their cost is unknown (JSON null). */
  unpricedModels: string[];
  breakdown: boolean;
}

export const emptyAggregate = (): UsageAggregate => ({
  requests: 0,
  inputTokens: 0,
  outputTokens: 0,
  cacheCreationTokens: 0,
  cacheReadTokens: 0,
  costMicros: 0,
  unpricedRequests: 0,
  errors: 0,
  interrupted: 0,
  refused: 0,
});

const SUMMED = Object.keys(emptyAggregate()) as (keyof UsageAggregate)[];

function addInto(target: UsageAggregate, from: UsageAggregate): void {
  for (const k of SUMMED) target[k] += from[k];
}

export const totalTokens = (a: UsageAggregate): number => a.inputTokens + a.outputTokens + a.cacheCreationTokens + a.cacheReadTokens;

/** Exact cost in USD, or null when part of it is unpriced (never a silent $0). */
export const costUSDOf = (a: UsageAggregate): number | null => (a.unpricedRequests > 0 ? null : a.costMicros / 1_000_000);

const byCostThenName = (a: ModelAggregate, b: ModelAggregate) => b.costMicros - a.costMicros || (a.model < b.model ? -1 : a.model > b.model ? 1 : 0);

/** The inclusive local days a report covers, or null when there is no usage to cover. */
export function resolveRange(db: Db, opts: UsageReportOptions): { since: Day; until: Day } | null {
  const today = localDay(opts.now, opts.timeZone);
  if (opts.last !== undefined) {
    if (!Number.isInteger(opts.last) || opts.last < 1) throw new UsageError(`--last must be a whole number of at least 1, got ${opts.last}`);
    if (opts.since || opts.until) throw new UsageError('--last cannot be combined with --since or --until');
    const since = opts.kind === 'monthly' ? monthsBack(today, opts.last - 1) : addDays(today, -(opts.last - 1));
    return { since, until: today };
  }
  if (opts.since && opts.until) {
    if (opts.since > opts.until) throw new UsageError(`--since ${opts.since} is after --until ${opts.until}`);
    return { since: opts.since, until: opts.until };
  }
  const span = usageSpan(db, opts.kind === 'profiles' ? null : opts.profileId);
  if (!span) return null;
  const first = localDay(span.start, opts.timeZone);
  const last = localDay(span.end - 1, opts.timeZone);
  const since = opts.since ?? first;
  const until = opts.until ?? (last > today ? last : today);
  return since <= until ? { since, until } : null;
}

function rangeOf(range: { since: Day; until: Day }, timeZone: string): TimeRange {
  return { start: startOfDay(range.since, timeZone), end: startOfDay(addDays(range.until, 1), timeZone) };
}

interface Group {
  key: string;
  sum: UsageAggregate;
  models: Map<string, ModelAggregate>;
}

function fold(groups: Map<string, Group>, key: string, part: ModelAggregate): void {
  let g = groups.get(key);
  if (!g) groups.set(key, (g = { key, sum: emptyAggregate(), models: new Map() }));
  addInto(g.sum, part);
  const m = g.models.get(part.model);
  if (m) addInto(m, part);
  else g.models.set(part.model, { ...part });
}

function toRow(g: Group, breakdown: boolean): UsageRow {
  const models = [...g.models.values()].map((m) => pickAggregate(m));
  return {
    key: g.key,
    ...g.sum,
    modelsUsed: models.filter((m) => m.requests > 0).map((m) => m.model).sort(),
    models: breakdown ? models.sort(byCostThenName) : [],
  };
}

function pickAggregate(m: ModelAggregate): ModelAggregate {
  const out = { model: m.model, ...emptyAggregate() };
  addInto(out, m);
  return out;
}

export function usageReport(db: Db, opts: UsageReportOptions): UsageReport {
  const range = resolveRange(db, opts);
  const breakdown = !!opts.breakdown;
  const report: UsageReport = { kind: opts.kind, timeZone: opts.timeZone, range, rows: [], totals: emptyAggregate(), unpricedModels: [], breakdown };
  const explicitRange = opts.last !== undefined || opts.since !== undefined || opts.until !== undefined;
  if (!range && (opts.kind === 'daily' || opts.kind === 'monthly' || explicitRange)) return report;

  const groups = new Map<string, Group>();
  if (opts.kind === 'daily' || opts.kind === 'monthly') {
    const buckets: DayBounds[] = opts.kind === 'daily' ? dayBounds(range!.since, range!.until, opts.timeZone) : monthBounds(range!.since, range!.until, opts.timeZone);
    for (const part of usageByBucket(db, buckets, opts.profileId)) fold(groups, buckets[part.bucket]!.key, part);
  } else if (opts.kind === 'models') {
    const within = explicitRange && range ? rangeOf(range, opts.timeZone) : null;
    for (const part of usageByModel(db, within, opts.profileId)) fold(groups, part.model, part);
  } else {
    const within = explicitRange && range ? rangeOf(range, opts.timeZone) : null;
    const handles = profileHandles(db);
    for (const part of usageByProfile(db, within)) fold(groups, handles.get(part.profileId) ?? `#${part.profileId}`, part);
  }

  const rows = [...groups.values()].map((g) => toRow(g, breakdown && opts.kind !== 'models'));
  if (opts.kind === 'models') rows.sort((a, b) => byCostThenName({ ...a, model: a.key }, { ...b, model: b.key }));
  else rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const unpriced = new Set<string>();
  for (const row of rows) {
    addInto(report.totals, row);
    for (const m of groups.get(row.key)!.models.values()) if (m.unpricedRequests > 0) unpriced.add(m.model);
  }
  report.rows = rows;
  report.unpricedModels = [...unpriced].sort();
  return report;
}

function numbers(a: UsageAggregate) {
  return {
    requests: a.requests,
    inputTokens: a.inputTokens,
    outputTokens: a.outputTokens,
    cacheCreationTokens: a.cacheCreationTokens,
    cacheReadTokens: a.cacheReadTokens,
    totalTokens: totalTokens(a),
    costUSD: costUSDOf(a),
  };
}

function counts(a: UsageAggregate) {
  return { errors: a.errors, interrupted: a.interrupted, refused: a.refused, unpricedRequests: a.unpricedRequests };
}

/** The stable JSON document (spec: `usage daily --json`), e.g. {daily:[{date, …}], totals:{…}}. */
export function usageDocument(report: UsageReport): Record<string, unknown> {
  const { list, label } = REPORT_KEYS[report.kind];
  const rows = report.rows.map((row) => ({
    [label]: row.key,
    ...numbers(row),
    ...(report.kind === 'models' ? {} : { modelsUsed: row.modelsUsed }),
    ...counts(row),
    ...(report.breakdown && report.kind !== 'models' ? { modelBreakdowns: row.models.map((m) => ({ model: m.model, ...numbers(m), ...counts(m) })) } : {}),
  }));
  return { [list]: rows, totals: { ...numbers(report.totals), ...counts(report.totals) } };
}

export interface TodayStatus extends DayStatus {
  day: Day;
}

/** A profile's messages and cost so far today (local day in `timeZone`). */
export function todayStatus(db: Db, profileId: number, timeZone: string, now: number): TodayStatus {
  const day = localDay(now, timeZone);
  return { day, ...dayStatus(db, profileId, { start: startOfDay(day, timeZone), end: startOfDay(addDays(day, 1), timeZone) }) };
}
