// The usage report behind `coach usage` (and the UI's /usage): resolves the date range in a time
// zone, asks the store for per-(bucket, model) sums and folds them into rows, totals and the
// stable JSON document. Money stays integer micro-dollars until the document is built.
import type { StoreContext } from './context.js';
import { UsageError } from '../errors.js';
import type { Db } from '../store/db.js';
import {
  dayStatus,
  profileHandles,
  usageByBucket,
  usageSpan,
  type DayStatus,
  type UsageAggregate,
  type UsagePart,
  type UsageSplit,
  unpricedModelsIn,
} from '../store/usage.js';
import { priceOf } from '../usage/prices.js';
import { addDays, dayBounds, localDay, localDayBounds, monthsBack, type Day, type DayBounds } from '../util/dates.js';

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

export interface ModelAggregate extends UsageAggregate {
  model: string;
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

interface Group {
  key: string;
  sum: UsageAggregate;
  models: Set<string>;
  byModel: Map<string, ModelAggregate>;
}

function pickAggregate(from: UsageAggregate): UsageAggregate {
  const out = emptyAggregate();
  addInto(out, from);
  return out;
}

function fold(groups: Map<string, Group>, key: string, part: UsagePart): void {
  let g = groups.get(key);
  if (!g) groups.set(key, (g = { key, sum: emptyAggregate(), models: new Set(), byModel: new Map() }));
  addInto(g.sum, part);
  for (const m of part.models) g.models.add(m);
  if (part.model !== null) {
    const m = g.byModel.get(part.model);
    if (m) addInto(m, part);
    else g.byModel.set(part.model, { model: part.model, ...pickAggregate(part) });
  }
}

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** The local days of `range` that can hold usage: clipped to the first and last row in the store. */
function daysWithUsage(db: Db, range: { since: Day; until: Day }, profileId: number | null, timeZone: string): DayBounds[] {
  const span = usageSpan(db, profileId);
  if (!span) return [];
  const first = localDay(span.start, timeZone);
  const last = localDay(span.end - 1, timeZone);
  const since = range.since > first ? range.since : first;
  const until = range.until < last ? range.until : last;
  return since <= until ? dayBounds(since, until, timeZone) : [];
}

export function usageReport(ctx: Pick<StoreContext, 'store'>, opts: UsageReportOptions): UsageReport {
  const db = ctx.store().db;
  const range = resolveRange(db, opts);
  const breakdown = !!opts.breakdown && opts.kind !== 'models';
  const report: UsageReport = { kind: opts.kind, timeZone: opts.timeZone, range, rows: [], totals: emptyAggregate(), unpricedModels: [], breakdown };
  if (!range) return report;

  const groups = new Map<string, Group>();
  const unpriced = new Set<string>();
  // One profile (or all together), or each profile in turn for the profiles report: every query
  // then stays a streaming range scan over one index, with no sort.
  const handles = opts.kind === 'profiles' ? profileHandles(db) : null;
  const scopes: (number | null)[] = handles ? [...handles.keys()] : [opts.profileId];
  const split: UsageSplit = opts.kind === 'models' || breakdown ? 'model' : 'none';
  for (const profileId of scopes) {
    const days = daysWithUsage(db, range, profileId, opts.timeZone);
    const keyOf = (p: UsagePart): string => {
      switch (opts.kind) {
        case 'daily': return days[p.bucket]!.key;
        case 'monthly': return days[p.bucket]!.key.slice(0, 7);
        case 'models': return p.model!;
        case 'profiles': return handles!.get(profileId!)!;
      }
    };
    for (const part of usageByBucket(db, days, { profileId, split })) {
      fold(groups, keyOf(part), part);
      if (part.unpricedRequests === 0) continue;
      // Which model was unpriced: known when split by model, else the part's models without a
      // price; only if the pricing table cannot tell (it changed since), ask the store.
      const named = part.model !== null ? [part.model] : part.models.filter((m) => !priceOf(m));
      for (const m of named.length ? named : unpricedModelsIn(db, days[part.bucket]!, profileId)) unpriced.add(m);
    }
  }
  const rows: UsageRow[] = [...groups.values()].map((g) => ({
    key: g.key,
    ...g.sum,
    modelsUsed: [...g.models].sort(),
    models: breakdown ? [...g.byModel.values()].sort(byCostThenName) : [],
  }));
  if (opts.kind === 'models') rows.sort((a, b) => b.costMicros - a.costMicros || byKey(a, b));
  else rows.sort(byKey);
  for (const row of rows) addInto(report.totals, row);
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
export function todayStatus(ctx: StoreContext, profileId: number, timeZone: string): TodayStatus {
  const bounds = localDayBounds(ctx.now(), timeZone);
  return { day: bounds.key, ...dayStatus(ctx.store().sqlite, profileId, bounds) };
}
