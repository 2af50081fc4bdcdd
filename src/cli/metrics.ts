// coach metrics [--json]            the business numbers over time, what they mean, and charts
// coach metrics add [--date D] …    record a check-in (waitlist, members, MRR, churned)
import { Command } from 'commander';
import { requireProfile, requireProject } from '../app/context.js';
import { addNumbers, numbersReport, type NumbersReport } from '../app/metrics.js';
import { dayOf } from '../app/schedule.js';
import { UsageError } from '../errors.js';
import { numbersLines, usdText, type Numbers } from '../plan/metrics.js';
import { groupDigits, parseAmount, parseMonthlyUSD } from '../plan/parse.js';
import { parseDay } from '../util/dates.js';
import type { Output } from './output.js';
import { numbersTrend } from './schedule-view.js';
import { FLAG_RANGES, act, checkRange, examples, jsonOption } from './shared.js';

interface AddFlags {
  date?: string;
  waitlist?: string;
  members?: string;
  mrr?: string;
  churned?: string;
}

/** A head count: "180", "1,200", "1.2k"; whole, not negative, not absurd. */
function parseCount(flag: string, raw: string): number {
  const text = raw.trim();
  if (/^[-−]/.test(text)) throw new UsageError(`${flag} cannot be negative, got "${raw}"`);
  const n = parseAmount(text);
  if (n === null || !Number.isInteger(n)) throw new UsageError(`${flag} must be a whole number like 180, 1,200 or 1.2k, got "${raw}"`);
  return checkRange(flag, raw, n, FLAG_RANGES.metricCount, groupDigits);
}

function parseMrr(raw: string): number {
  if (/^[-−]/.test(raw.trim())) throw new UsageError(`--mrr cannot be negative, got "${raw}"`);
  const parsed = parseMonthlyUSD(raw);
  if (!parsed.ok) throw new UsageError(`--mrr: ${parsed.error}`);
  return checkRange('--mrr', raw, parsed.value / 100, FLAG_RANGES.mrrUSD, usdText);
}

export function parseAddFlags(flags: AddFlags, today: string): { date: string; numbers: Numbers } {
  const numbers: Numbers = {};
  if (flags.waitlist !== undefined) numbers.waitlist = parseCount('--waitlist', flags.waitlist);
  if (flags.members !== undefined) numbers.members = parseCount('--members', flags.members);
  if (flags.mrr !== undefined) numbers.mrrUSD = parseMrr(flags.mrr);
  if (flags.churned !== undefined) numbers.churned = parseCount('--churned', flags.churned);
  if (!Object.keys(numbers).length) throw new UsageError('give at least one number: --waitlist, --members, --mrr or --churned');
  const date = flags.date === undefined ? today : parseDay(flags.date, '--date');
  if (date > today) throw new UsageError(`--date ${date} is in the future (today is ${today})`);
  return { date, numbers };
}

function print(out: Output, r: NumbersReport): void {
  if (!r.checkIns.length) {
    out.info('No numbers yet. Record a check-in: `coach metrics add --waitlist 180 --members 12 --mrr 348`.');
    return;
  }
  const cell = (v: number | undefined, fmt: (n: number) => string) => (v === undefined ? '' : fmt(v));
  out.line(out.table(['Date', 'Waitlist', 'Members', 'MRR', 'Churned'], r.checkIns.map((c) => [
    c.date, cell(c.waitlist, groupDigits), cell(c.members, groupDigits), cell(c.mrrUSD, usdText), cell(c.churned, groupDigits),
  ]), { align: ['left', 'right', 'right', 'right', 'right'] }));
  out.line('');
  // A colour terminal gets sparklines; NO_COLOR, pipes and CI get the same series in words.
  for (const line of numbersTrend(out, r.checkIns)) out.line(line);
  for (const line of numbersLines(r.latest, r.checks)) out.line(line);
}

export function registerMetrics(program: Command): void {
  const metrics = examples(
    program.command('metrics').description('your business numbers over time: waitlist, members, MRR, churn — and what they mean against your goal and the plan')
      .addOption(jsonOption()),
    ['coach metrics', 'coach metrics add --waitlist 180 --members 12 --mrr 348', 'coach metrics --json | jq .latest.conversionPercent'],
  ).action(act(({ ctx, out, json }) => {
    const profile = requireProfile(ctx);
    const { row, plan } = requireProject(ctx, profile, { allowPaused: true });
    const report = numbersReport(row, plan, profile);
    if (json) return out.json(report);
    print(out, report);
  }));

  examples(
    metrics.command('add').description('record a check-in of your numbers (one per date: a second one that day fills in or corrects it)')
      .option('--date <date>', 'the day the numbers are from, YYYY-MM-DD (default: today)')
      .option('--waitlist <n>', 'people on the waitlist (e.g. 180, 1.2k)')
      .option('--members <n>', 'paying members')
      .option('--mrr <usd>', 'monthly recurring revenue in USD (e.g. 348, $1.2k)')
      .option('--churned <n>', 'members who left since the last check-in')
      .addOption(jsonOption()),
    ['coach metrics add --waitlist 180', 'coach metrics add --date 2027-01-10 --members 12 --mrr 348 --churned 1', 'coach metrics add --members 40 --mrr 1160 --json'],
  ).action(act(({ ctx, out, json }, flags: AddFlags) => {
    const { date, numbers } = parseAddFlags(flags, dayOf(ctx.now()));
    const profile = requireProfile(ctx);
    const { row, plan } = requireProject(ctx, profile, { allowPaused: true });
    const list = addNumbers(ctx, row.id, date, numbers);
    const report = numbersReport({ id: row.id, metrics: JSON.stringify(list) }, plan, profile);
    if (json) return out.json({ checkIn: list.find((c) => c.date === date), latest: report.latest, checks: report.checks });
    out.success(`Recorded your numbers for ${date}`);
    for (const line of numbersLines(report.latest, report.checks)) out.info(line);
  }));
}
