// Builds the facts every intent reads, once per message, and the small shared helpers: money and
// dates, how to tick a task or confirm a suggestion on this surface, and finding plan tasks by
// what the template says about them (title, keywords, phase) rather than by their ids.
import { ASSUMED_ENGAGEMENT_PERCENT, PRICE_POINTS } from '../../plan/personalise.js';
import { planProgress } from '../../plan/progress.js';
import { launchTaskOf } from '../../plan/schedule.js';
import type { Checkpoint, PlanTask, Personalisation } from '../../plan/schema.js';
import { addDays, dayNumber } from '../../util/dates.js';
import { count } from '../../util/words.js';
import { readNumbers } from './numbers.js';
import type { Facts, OfflineDecision, OfflineInput, Surface } from './types.js';

/** The plan task whose go/no-go checkpoint measures `id` (template data, any template), with that metric. */
export function checkpointMetric(f: Pick<Facts, 'tasks'>, id: string): { task: PlanTask; checkpoint: Checkpoint; metric: Checkpoint['metrics'][number] } | null {
  for (const task of f.tasks) {
    const metric = task.checkpoint?.metrics.find((m) => m.id === id);
    if (metric) return { task, checkpoint: task.checkpoint!, metric };
  }
  return null;
}

/** The creator's regular monthly price decision (not a founding or annual one), if any. */
export function regularPricing(f: Pick<Facts, 'decisions'>): OfflineDecision | undefined {
  return f.decisions.find((d) => d.category === 'pricing' && (d.tier ?? 'regular') === 'regular');
}

export function factsOf(input: OfflineInput): Facts {
  const { plan, done, profile } = input;
  const progress = planProgress(plan, done);
  const tasks = plan.phases.flatMap((p) => p.tasks);
  const open = tasks.filter((t) => !done.has(t.id));
  const p = plan.personalisation;
  const audience = profile.totalAudience > 0 ? profile.totalAudience : profile.platforms.reduce((s, x) => s + Math.max(0, x.followers), 0);
  return {
    ...input,
    text: input.message.toLowerCase().replace(/[’]/g, "'"),
    numbers: readNumbers(input.message),
    progress,
    phase: progress.currentPhase,
    tasks,
    open,
    hoursToLaunch: hoursToLaunch(tasks, launchTaskOf(plan), done),
    hoursPerWeek: p.hoursPerWeek,
    band: p.priceBand,
    foundingPrice: foundingPriceOf(p),
    audience,
    engagement: engagementOf(input.profile.platforms),
    launchDate: input.targetLaunchDate ?? addDays(input.today, p.timelineWeeks * 7),
    vary: <T>(key: string, variants: readonly T[]): T => variants[(input.turn + hash(key)) % variants.length]!,
  };
}

/** Open hours up to and including the launch task (the plan's last task when it names none). */
function hoursToLaunch(tasks: PlanTask[], launchTaskId: string | null, done: ReadonlySet<string>): number {
  const end = launchTaskId ? tasks.findIndex((t) => t.id === launchTaskId) : tasks.length - 1;
  return sum(tasks.slice(0, end < 0 ? tasks.length : end + 1).filter((t) => !done.has(t.id)).map((t) => t.hours));
}

/**
 * The founding-member price the personalisation computed: its own field when it has one,
 * otherwise its rule (the price point about 35% under the suggestion, at least one step down).
 */
export function foundingPriceOf(p: Personalisation): number {
  const own = (p as Personalisation & { foundingPrice?: unknown }).foundingPrice;
  if (typeof own === 'number' && own > 0) return own;
  const points: readonly number[] = PRICE_POINTS;
  const idx = Math.max(1, points.indexOf(p.priceBand.suggested));
  let best = 0;
  const target = p.priceBand.suggested * 0.65;
  for (let i = 1; i < points.length; i++) if (Math.abs(Math.log(points[i]! / target)) < Math.abs(Math.log(points[best]! / target))) best = i;
  return points[Math.min(best, idx - 1)]!;
}

/** Engagement as personalise.ts reads it: follower-weighted rates, else ~30% of views per follower, else assumed. */
function engagementOf(platforms: OfflineInput['profile']['platforms']): number {
  const weighted = (pick: (p: OfflineInput['profile']['platforms'][number]) => number | null) => {
    const rows = platforms.flatMap((p) => {
      const v = pick(p);
      return v === null || !Number.isFinite(v) || v < 0 ? [] : [{ v, w: Math.max(0, p.followers || 0) }];
    });
    if (rows.length === 0) return null;
    const w = sum(rows.map((r) => r.w));
    return w > 0 ? sum(rows.map((r) => r.v * r.w)) / w : sum(rows.map((r) => r.v)) / rows.length;
  };
  const rate = weighted((p) => p.engagementRate ?? null);
  if (rate !== null) return Math.min(20, rate);
  const views = weighted((p) => (p.avgViews != null && p.followers > 0 ? (p.avgViews / p.followers) * 100 : null));
  return views !== null ? Math.min(8, Math.max(0.5, views * 0.3)) : ASSUMED_ENGAGEMENT_PERCENT;
}

/** Expected paying members from an audience, with personalise.ts's conversion rule. */
export function expectedMembers(audience: number, engagement: number): number {
  const conversion = Math.min(2, Math.max(0.1, 0.15 * engagement));
  return (audience * conversion) / 100;
}

// ── finding tasks by template data ───────────────────────────────────────────────────────────

/** The task whose title or keywords best match `re` (open tasks first when `preferOpen`). */
export function taskAbout(f: Pick<Facts, 'tasks' | 'done'>, re: RegExp, preferOpen = true): PlanTask | undefined {
  const scored = f.tasks
    .map((t, i) => ({ t, i, s: (re.test(t.title) ? 2 : 0) + (t.keywords.some((k) => re.test(k)) ? 1 : 0) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => (preferOpen ? Number(f.done.has(a.t.id)) - Number(f.done.has(b.t.id)) : 0) || b.s - a.s || a.i - b.i);
  return scored[0]?.t;
}

export function tasksAbout(f: Pick<Facts, 'tasks'>, re: RegExp): PlanTask[] {
  return f.tasks.filter((t) => re.test(t.title) || t.keywords.some((k) => re.test(k)));
}

// ── wording ──────────────────────────────────────────────────────────────────────────────────

export const ref = (t: PlanTask) => `**${t.id} ${t.title}**`;

/** A text's sentences: a stop followed by a capitalised word ("e.g. a weekly call" stays whole). */
export function sentences(text: string): string[] {
  return text.split(/(?<!\b(?:e\.g|i\.e|etc|vs|approx)\.)(?<=[.!?])\s+(?=["“(]?[A-Z0-9])/).map((x) => x.trim()).filter(Boolean);
}

export { addDays };

/** How to tick a task off where the creator is. */
export function tickHint(surface: Surface, id: string): string {
  return surface === 'tui' ? `tick it in the checklist (Tab, then Space on ${id}) or type /done ${id}` : `run \`coach tasks done ${id}\``;
}

/** How to record a decision the coach only suspects. */
export function confirmHint(surface: Surface, category: string, value: string): string {
  return surface === 'tui'
    ? 'press Ctrl+Y to record it (Ctrl+X dismisses)'
    : `say "I've decided…" or run \`coach decisions add --category ${category} "${value}"\``;
}

export function usd(n: number): string {
  const r = n >= 100 ? Math.round(n) : Math.round(n * 100) / 100;
  return `$${r.toLocaleString('en-US', { maximumFractionDigits: r % 1 ? 2 : 0 })}`;
}

export const int = (n: number) => Math.round(n).toLocaleString('en-US');
export const pct = (n: number) => `${Number(n.toFixed(n < 1 ? 2 : 1))}%`;
export const plural = (n: number, word: string) => count(Math.round(n), word);

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0;
  return h;
}
