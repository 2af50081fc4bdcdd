// The business numbers a creator checks in over time (stored as JSON in active_projects.metrics)
// and what they mean: waitlist → member conversion, MRR against the income goal, churn, and the
// plan's own go/no-go thresholds (task checkpoints). Pure: validated data in, figures out.
import * as z from 'zod/mini';
import '../util/zod.js';
import { formatUSD, usdToMicros } from '../usage/money.js';
import { groupDigits } from './parse.js';
import type { CustomizedPlan } from './schema.js';

/** Upper bounds beyond which a number is a typo, not a business. */
export const METRIC_LIMITS = { count: 100_000_000, mrrUSD: 100_000_000 } as const;

const count = z.int().check(z.minimum(0), z.maximum(METRIC_LIMITS.count));

/** One check-in: the numbers as of `date`; a field left out was not measured that day. */
export const CheckInSchema = z.object({
  date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD')),
  waitlist: z.optional(count),
  members: z.optional(count),
  /** Monthly recurring revenue in USD (cents precision). */
  mrrUSD: z.optional(z.number().check(z.minimum(0), z.maximum(METRIC_LIMITS.mrrUSD))),
  /** Members who left since the previous check-in. */
  churned: z.optional(count),
  /** ISO-8601 instant of the last write. */
  recordedAt: z.string(),
});
export const CheckInsSchema = z.array(CheckInSchema);

export type CheckIn = z.output<typeof CheckInSchema>;
export type Numbers = Pick<CheckIn, 'waitlist' | 'members' | 'mrrUSD' | 'churned'>;
export const NUMBER_FIELDS = ['waitlist', 'members', 'mrrUSD', 'churned'] as const;

/** Parses the stored column; anything that is not a list of valid check-ins is an error (the caller says where). */
export function parseCheckIns(json: string): { ok: true; value: CheckIn[] } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, error: 'not JSON' };
  }
  const parsed = CheckInsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'invalid check-ins' };
  return { ok: true, value: parsed.data };
}

/**
 * Adds a check-in: one per date, so a second one on the same date fills in or corrects the fields
 * it gives and keeps the others. Returns the new list, sorted by date; the input is not changed.
 */
export function addCheckIn(list: readonly CheckIn[], date: string, numbers: Numbers, recordedAt: string): CheckIn[] {
  const given = Object.fromEntries(NUMBER_FIELDS.filter((k) => numbers[k] !== undefined).map((k) => [k, numbers[k]]));
  const existing = list.find((c) => c.date === date);
  const next: CheckIn = CheckInSchema.parse({ ...(existing ?? {}), ...given, date, recordedAt });
  return [...list.filter((c) => c.date !== date), next].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export interface Latest<T> {
  value: T;
  date: string;
}

export interface LatestNumbers {
  waitlist: Latest<number> | null;
  members: Latest<number> | null;
  mrrUSD: Latest<number> | null;
  churned: Latest<number> | null;
  /** Members ÷ waitlist, percent (1 decimal). */
  conversionPercent: number | null;
  /** MRR ÷ income goal, percent (1 decimal), and what is missing to reach it. */
  goalPercent: number | null;
  goalGapUSD: number | null;
  incomeGoalUSD: number | null;
  /** Members lost in the latest check-in ÷ members at the check-in before, percent (1 decimal). */
  churnPercent: number | null;
  /** Changes since the check-in before the latest one that has the same number. */
  change: { waitlist: number | null; members: number | null; mrrUSD: number | null };
  checkIns: number;
}

function latestOf(list: readonly CheckIn[], key: (typeof NUMBER_FIELDS)[number], skip = 0): Latest<number> | null {
  let seen = 0;
  for (let i = list.length - 1; i >= 0; i--) {
    const v = list[i]![key];
    if (v !== undefined && seen++ === skip) return { value: v, date: list[i]!.date };
  }
  return null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** The latest numbers and the figures derived from them: what the offline coach and the prompt quote. */
export function latestNumbers(list: readonly CheckIn[], incomeGoalUSD: number | null): LatestNumbers {
  const waitlist = latestOf(list, 'waitlist');
  const members = latestOf(list, 'members');
  const mrrUSD = latestOf(list, 'mrrUSD');
  const churned = latestOf(list, 'churned');
  const conversionPercent = waitlist && members && waitlist.value > 0 ? round1((members.value / waitlist.value) * 100) : null;
  const goal = incomeGoalUSD !== null && incomeGoalUSD > 0 ? incomeGoalUSD : null;
  const goalPercent = goal && mrrUSD ? round1((mrrUSD.value / goal) * 100) : null;
  const goalGapUSD = goal && mrrUSD ? round2(Math.max(0, goal - mrrUSD.value)) : null;
  let churnPercent: number | null = null;
  if (churned) {
    // members before the period: the check-in before the churn's, else the members now plus those who left
    const before = list.filter((c) => c.date < churned.date && c.members !== undefined).at(-1)?.members;
    const base = before ?? (members && members.date === churned.date ? members.value + churned.value : undefined);
    if (base !== undefined && base > 0) churnPercent = round1((churned.value / base) * 100);
  }
  const delta = (key: 'waitlist' | 'members' | 'mrrUSD') => {
    const a = latestOf(list, key);
    const b = latestOf(list, key, 1);
    return a && b ? round2(a.value - b.value) : null;
  };
  return {
    waitlist, members, mrrUSD, churned, conversionPercent, goalPercent, goalGapUSD, incomeGoalUSD: goal, churnPercent,
    change: { waitlist: delta('waitlist'), members: delta('members'), mrrUSD: delta('mrrUSD') },
    checkIns: list.length,
  };
}

export interface ThresholdCheck {
  taskId: string;
  metricId: string;
  label: string;
  value: number;
  unit: 'count' | 'percent';
  go: number;
  noGo: number;
  verdict: 'go' | 'between' | 'no-go';
  /** What the plan says to do on that verdict. */
  next: string;
}

/** The plan's checkpoint metrics the latest numbers answer (paid founding members, waitlist → paid, MRR vs goal). */
export function thresholdChecks(plan: CustomizedPlan, n: LatestNumbers): ThresholdCheck[] {
  const values: Record<string, number | null> = {
    paidFounding: n.members?.value ?? null,
    waitlistToPaid: n.conversionPercent,
    goalShare: n.goalPercent,
  };
  const out: ThresholdCheck[] = [];
  for (const task of plan.phases.flatMap((p) => p.tasks)) {
    const cp = task.checkpoint;
    if (!cp) continue;
    for (const m of cp.metrics) {
      const value = values[m.id];
      if (value === null || value === undefined) continue;
      const verdict = value >= m.go ? 'go' : value < m.noGo ? 'no-go' : 'between';
      out.push({
        taskId: task.id, metricId: m.id, label: m.label, value, unit: m.unit, go: m.go, noGo: m.noGo, verdict,
        next: verdict === 'go' ? cp.ifGo : verdict === 'no-go' ? cp.ifNoGo : cp.ifBetween,
      });
    }
  }
  return out;
}

/** $1,234 or $1,234.50 (no Intl: `coach metrics` must start fast). */
export const usdText = (n: number) => formatUSD(usdToMicros(n), { whole: true });
const usd = usdText;
const int = groupDigits;

/** One stated number in words: "180 on the waitlist", "12 paying members", "MRR of $1,450", "3 members churned". */
export function numberPhrase(metric: (typeof NUMBER_FIELDS)[number], value: number): string {
  if (metric === 'waitlist') return `${int(value)} on the waitlist`;
  if (metric === 'members') return `${int(value)} paying ${value === 1 ? 'member' : 'members'}`;
  if (metric === 'mrrUSD') return `MRR of ${usd(value)}`;
  return `${int(value)} ${value === 1 ? 'member' : 'members'} churned`;
}

/** The numbers of one message, said together: "180 on the waitlist and MRR of $1,450". */
export function numbersPhrase(numbers: Numbers): string {
  const parts = NUMBER_FIELDS.filter((k) => numbers[k] !== undefined).map((k) => numberPhrase(k, numbers[k]!));
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '');
}

/** The numbers a message stated, as one check-in (a metric said twice: the last value). */
export function numbersOf(found: readonly { metric: (typeof NUMBER_FIELDS)[number]; value: number }[]): Numbers {
  const out: Numbers = {};
  for (const f of found) out[f.metric] = f.value;
  return out;
}

/** One short line per figure, for the coach's prompt and the offline coach ("Waitlist: 180 (+40) as of 2027-01-10"). */
export function numbersLines(n: LatestNumbers, checks: readonly ThresholdCheck[] = []): string[] {
  if (n.checkIns === 0) return [];
  const lines: string[] = [];
  const change = (d: number | null, fmt: (x: number) => string) => (d === null || d === 0 ? '' : ` (${d > 0 ? '+' : '−'}${fmt(Math.abs(d))} since the check-in before)`);
  if (n.waitlist) lines.push(`Waitlist: ${int(n.waitlist.value)}${change(n.change.waitlist, int)} as of ${n.waitlist.date}`);
  if (n.members) lines.push(`Paying members: ${int(n.members.value)}${change(n.change.members, int)} as of ${n.members.date}`);
  if (n.conversionPercent !== null) lines.push(`Waitlist → member conversion: ${n.conversionPercent}%`);
  if (n.mrrUSD) lines.push(`MRR: ${usd(n.mrrUSD.value)}${change(n.change.mrrUSD, usd)} as of ${n.mrrUSD.date}`);
  if (n.goalPercent !== null && n.incomeGoalUSD !== null) {
    lines.push(`MRR vs the ${usd(n.incomeGoalUSD)}/month income goal: ${n.goalPercent}%${n.goalGapUSD ? `, ${usd(n.goalGapUSD)} to go` : ' — goal reached'}`);
  }
  if (n.churned) lines.push(`Churned: ${int(n.churned.value)} as of ${n.churned.date}${n.churnPercent !== null ? ` (${n.churnPercent}% churn)` : ''}`);
  for (const c of checks) {
    const v = c.unit === 'percent' ? `${c.value}%` : int(c.value);
    const band = c.unit === 'percent' ? `go at ${c.go}%+, no-go under ${c.noGo}%` : `go at ${c.go}+, no-go under ${c.noGo}`;
    lines.push(`Plan checkpoint (${c.taskId}) ${c.label}: ${v} → ${c.verdict} (${band}). ${c.next}`);
  }
  return lines;
}
