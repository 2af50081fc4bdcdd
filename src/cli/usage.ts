// coach usage [daily|monthly|models|profiles]: usage and cost reports (the seed's admin usage view).
import { Argument, Command, Option } from 'commander';
import { REPORT_KINDS, todayStatus, totalTokens, usageDocument, usageReport, type ReportKind, type UsageReport, type UsageRow } from '../app/usage.js';
import { budgetState } from '../usage/budget.js';
import { formatCostSum, formatUSD, usdToMicros } from '../usage/money.js';
import { priceOf } from '../usage/prices.js';
import { UsageError } from '../errors.js';
import { findCurrentProfile } from '../app/queries.js';
import { count } from '../util/words.js';
import type { UsageAggregate } from '../store/usage.js';
import { parseDay, parseTimeZone, systemTimeZone } from '../util/dates.js';
import { bar, type Output } from './output.js';
import { FLAG_RANGES, act, examples, jsonOption, parseIntArg, type CommandEnv } from './shared.js';

interface UsageFlags {
  since?: string;
  until?: string;
  last?: string;
  breakdown?: boolean;
  timezone?: string;
  tz?: string;
  allProfiles?: boolean;
}

const fmtInt = (n: number) => n.toLocaleString('en-US');

const formatCost = (a: Pick<UsageAggregate, 'costMicros' | 'unpricedRequests'>): string => formatCostSum(a.costMicros, a.unpricedRequests);

const shortModel = (m: string) => m.replace(/^claude-/, '');

interface Column {
  head: string;
  align: 'left' | 'right';
  /** Lower is dropped first when the terminal is narrow; undefined is always kept. */
  drop?: number;
  cell(row: UsageRow | UsageAggregate, kind: 'row' | 'model' | 'total', label: string): string;
}

function columns(out: Output, report: UsageReport, scale: (a: UsageAggregate) => number): Column[] {
  const label = { daily: 'Date', monthly: 'Month', models: 'Model', profiles: 'Profile' }[report.kind];
  const cols: Column[] = [
    { head: label, align: 'left', cell: (_r, kind, l) => (kind === 'total' ? out.bold(l) : kind === 'model' ? out.dim(`  └ ${shortModel(l)}`) : report.kind === 'models' ? shortModel(l) : l) },
  ];
  if (report.kind !== 'models') {
    cols.push({ head: 'Models', align: 'left', drop: 7, cell: (r, kind) => (kind === 'row' ? (r as UsageRow).modelsUsed.map(shortModel).join(', ') : '') });
  }
  const num = (head: string, drop: number | undefined, get: (a: UsageAggregate) => number): Column => ({
    head, align: 'right', drop, cell: (r, kind) => (kind === 'total' ? out.bold(fmtInt(get(r))) : fmtInt(get(r))),
  });
  cols.push(
    num('Requests', undefined, (a) => a.requests),
    num('Input', 5, (a) => a.inputTokens),
    num('Output', 6, (a) => a.outputTokens),
    num('Cache write', 2, (a) => a.cacheCreationTokens),
    num('Cache read', 1, (a) => a.cacheReadTokens),
    num('Total tokens', undefined, totalTokens),
    { head: 'Cost', align: 'right', cell: (r, kind) => (kind === 'total' ? out.bold(formatCost(r)) : formatCost(r)) },
    num('Errors', 4, (a) => a.errors),
    num('Interrupted', 3, (a) => a.interrupted),
    { head: '', align: 'left', drop: 8, cell: (r, kind) => (kind === 'row' ? out.cyan(bar(scale(r), 8)) : '') },
  );
  return cols;
}

function render(out: Output, report: UsageReport): string {
  const scaleBy = report.rows.some((r) => r.costMicros > 0) ? (a: UsageAggregate) => a.costMicros : totalTokens;
  const max = Math.max(1, ...report.rows.map(scaleBy));
  const cols = columns(out, report, (a) => scaleBy(a) / max);
  const body: string[][] = [];
  for (const row of report.rows) {
    body.push(cols.map((c) => c.cell(row, 'row', row.key)));
    for (const m of row.models) body.push(cols.map((c) => (c.head === '' ? '' : c.cell(m, 'model', m.model))));
  }
  body.push(cols.map((c) => c.cell(report.totals, 'total', 'Total')));
  // Fits the terminal: the least important columns go first (Output.table), totals under a rule.
  return out.table(cols.map((c) => c.head), body, { align: cols.map((c) => c.align), drop: cols.map((c) => c.drop), totals: true });
}

/** Under the table: today's messages used / limit and cost vs the warning threshold (and the cap). */
function todayLine({ ctx, out }: CommandEnv, profileId: number, handle: string, timeZone: string): string {
  const today = todayStatus(ctx, profileId, timeZone);
  const limit = ctx.settings.get('dailyMessageLimit');
  const warnAt = ctx.settings.get('costWarningUSD');
  const cap = ctx.settings.get('dailyCostCapUSD');
  const msgs = `${fmtInt(today.messagesUsed)} / ${fmtInt(limit)} messages`;
  let cost = `${formatCost(today)} of ${formatUSD(usdToMicros(warnAt))} warning threshold`;
  if (cap !== null) cost += ` (cap ${formatUSD(usdToMicros(cap))})`;
  const state = budgetState(today.costMicros, { warningUSD: warnAt, capUSD: cap });
  const paintCost = state === 'capped' ? out.red : state === 'warning' ? out.yellow : (t: string) => t;
  return `Today ${today.day} (${timeZone}), profile ${handle}: ${today.messagesUsed >= limit ? out.red(msgs) : msgs} · ${paintCost(cost)}`;
}

export function registerUsage(program: Command): void {
  const cmd = program
    .command('usage')
    .description('AI usage and cost: per day, month, model or profile (days are local calendar days)')
    .addArgument(new Argument('[report]', 'daily, monthly, models or profiles').choices([...REPORT_KINDS]).default('daily'))
    .option('--since <date>', 'first local day, inclusive (YYYY-MM-DD or YYYYMMDD)')
    .option('--until <date>', 'last local day, inclusive (YYYY-MM-DD or YYYYMMDD)')
    .option('--last <n>', 'the last N days (months for monthly), today included')
    .option('--breakdown', 'per-model rows under each day, month or profile')
    .option('--timezone <zone>', 'IANA time zone for local days (default: TZ, else the system zone)')
    .addOption(new Option('--tz <zone>', 'alias of --timezone').hideHelp())
    .option('--all-profiles', 'every profile together (default: the current --profile)')
    .addOption(jsonOption());
  examples(cmd, [
    'coach usage',
    'coach usage monthly --breakdown',
    'coach usage daily --since 2025-03-01 --until 20250331 --json',
    'coach usage models --last 7 --timezone Europe/Berlin',
  ]);
  cmd.addHelpText('after', 'Refused requests (limit or cap reached) are counted apart and cost nothing; requests in flight are left out.\nA cost shown as "unpriced" (JSON costUSD null) comes from a model missing in the pricing table.\n');

  cmd.action(act((env, report: ReportKind, flags: UsageFlags) => {
    const { ctx, out, json } = env;
    const since = flags.since === undefined ? undefined : parseDay(flags.since, '--since');
    const until = flags.until === undefined ? undefined : parseDay(flags.until, '--until');
    if (since && until && since > until) throw new UsageError(`--since ${since} is after --until ${until}`);
    const last = flags.last === undefined ? undefined : parseIntArg('--last', flags.last, report === 'monthly' ? FLAG_RANGES.usageLastMonths : FLAG_RANGES.usageLastDays);
    if (last !== undefined && (since || until)) throw new UsageError('--last cannot be combined with --since or --until');
    if (flags.timezone && flags.tz && flags.timezone !== flags.tz) throw new UsageError('--timezone and --tz disagree');
    const zoneFlag = flags.timezone ?? flags.tz;
    const timeZone = zoneFlag === undefined ? systemTimeZone() : parseTimeZone(zoneFlag, flags.timezone ? '--timezone' : '--tz');
    if (flags.breakdown && report === 'models') throw new UsageError('--breakdown applies to daily, monthly and profiles (the models report is already per model)');
    if (flags.allProfiles && ctx.profileExplicit) throw new UsageError('use either --profile or --all-profiles');

    const profile = findCurrentProfile(ctx);
    if (!profile && ctx.profileExplicit && report !== 'profiles') {
      throw new UsageError(`no profile "${ctx.profileHandle}"`, { hint: 'see them with `coach profile list`, or use --all-profiles' });
    }
    const everyone = report === 'profiles' || !!flags.allProfiles;
    // No profile yet (fresh install): id -1 matches nothing, so the document is simply empty.
    const profileId = everyone ? null : (profile?.id ?? -1);
    const result = usageReport(ctx, { kind: report, since, until, last, breakdown: flags.breakdown, timeZone, profileId, now: ctx.now() });

    for (const model of result.unpricedModels) {
      const why = priceOf(model) ? 'some of its usage has no recorded cost' : 'it is not in the pricing table';
      out.warn(`${model}: ${why}, so its cost is unknown and shows as ${json ? 'costUSD null' : '"unpriced"'}`);
    }
    if (json) return out.json(usageDocument(result));
    // Settings are read before anything is printed, so a bad one fails cleanly, not half-way.
    const today = profile ? todayLine(env, profile.id, profile.handle, timeZone) : null;
    if (result.rows.length === 0) {
      out.info(result.range ? `No AI usage from ${result.range.since} to ${result.range.until} (${timeZone}).` : 'No AI usage recorded yet (the offline coach costs nothing).');
    } else {
      out.line(render(out, result));
      if (result.totals.refused > 0) out.info(`${count(result.totals.refused, 'request')} ${result.totals.refused === 1 ? 'was' : 'were'} refused (daily limit or cost cap) and are not counted above.`);
    }
    if (today) out.line(today);
  }));
}
