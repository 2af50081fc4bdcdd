// Builds what the model sees. Pure: data in, data out.
//
// The system prompt has two blocks so the API can cache the big one:
// - stable: the role, how this app works, the creator's profile, the opportunity and the whole
//   plan (every phase by title and task titles, the current phase in full) and the welcome they
//   were shown. It changes only when the profile, the plan or the current phase changes.
// - volatile: today's date, progress, decisions, business numbers and dates (prompt-numbers.ts),
//   and what was left out of the conversation.
// Every value spliced into a sentence goes through spliceText, so a field that repeats the word
// before or after it ("a paid " + "Paid premium community", "because " + "because …") never
// reads twice. Sections with nothing to say are left out.
import type { CustomizedPlan, PlanPhase, PlanTask } from '../plan/schema.js';
import { isDone, planProgress } from '../plan/progress.js';
import { platformLabel } from '../plan/parse.js';
import { spliceText } from '../util/text.js';
import { count, relativeDays } from '../util/words.js';
import { OFFLINE_MODEL } from './offline.js';
import { numbersSection, type PromptNumbers } from './prompt-numbers.js';

export interface PromptProfile {
  displayName: string;
  niche: string | null;
  platforms: { platform: string; followers: number; engagementRate: number | null }[];
  totalAudience: number;
  currentMonthlyIncomeUSD: number | null;
  incomeGoalUSD: number | null;
  hoursPerWeek: number | null;
  experienceLevel: string | null;
  goals: string | null;
}

export interface PromptDecision {
  category: string;
  decision: string;
  value: string | null;
  rationale: string | null;
  /** Pricing tier ('regular', 'founding', 'annual', …); null or absent for other categories. */
  tier?: string | null;
}

export interface PromptInput {
  profile: PromptProfile;
  plan: CustomizedPlan;
  projectTitle: string;
  targetLaunchDate: string | null;
  done: ReadonlySet<string>;
  decisions: PromptDecision[];
  today: string;
  /** The project's first message (its welcome), when the conversation starts with it. */
  opening?: OpeningMessage | null;
  /** Older messages not sent (beyond the context window). */
  omitted?: number;
  /** Business numbers and dates (prompt-numbers.ts, volatile); absent: the section is left out. */
  numbers?: PromptNumbers;
}

export interface OpeningMessage {
  content: string;
  /** true when the app's offline coach wrote it, not Claude. */
  offline: boolean;
}

export interface SystemPrompt {
  stable: string;
  volatile: string;
}

/** Splices every value into the text without doubled words at the seams. */
function s(strings: TemplateStringsArray, ...values: unknown[]): string {
  const pieces: string[] = [];
  strings.forEach((str, i) => {
    pieces.push(str);
    if (i < values.length) pieces.push(String(values[i]));
  });
  return spliceText(pieces);
}

const n = (x: number) => x.toLocaleString('en-US');
const usd = (x: number) => `$${n(x)}`;
const section = (title: string, lines: string[]): string[] => (lines.length ? ['', `## ${title}`, ...lines] : []);
const lowerFirst = (text: string) => (/^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text);

export function buildSystemPrompt(input: PromptInput): SystemPrompt {
  return { stable: stableBlock(input).join('\n'), volatile: volatileBlock(input).join('\n') };
}

/** The two blocks as one text (tests, size checks). */
export function systemPromptText(p: SystemPrompt): string {
  return `${p.stable}\n\n${p.volatile}`;
}

function stableBlock(input: PromptInput): string[] {
  const { profile, plan } = input;
  const phase = planProgress(plan, input.done).currentPhase;
  const project = input.projectTitle.trim() && input.projectTitle.trim() !== plan.opportunity.title ? s` ("${input.projectTitle.trim()}")` : '';
  return [
    s`You are an expert, candid business coach for online creators. You are coaching ${profile.displayName} to launch their ${lowerFirst(plan.opportunity.title)}${project}.`,
    '',
    '## How this app works',
    '- The app reads every message the creator sends: decisions they state (price, platform, structure, timeline, content) are recorded, tasks they say they have finished are ticked off, and business numbers they state (waitlist sign-ups, paying members, MRR, churned members) are offered to them to record; when it is unsure it asks them. So never tell them to run a command or tick a box to record a decision, a finished task or a number: acknowledge what they did and say what it unlocks.',
    '- Refer to tasks by id and title (e.g. "t2 Survey your audience") so they can find them in their checklist.',
    '- Be specific to their numbers and their plan; prefer short, actionable answers with concrete next steps. Never invent facts about their audience: if you need a number they have not shared, ask for it.',
    ...section('The creator', profileLines(profile)),
    ...section(s`The opportunity: ${plan.opportunity.title} (${plan.opportunity.category})`, opportunityLines(plan)),
    ...section(s`The plan: ${plan.phases.length} phases, ${plan.phases.reduce((k, p) => k + p.tasks.length, 0)} tasks`, outlineLines(plan, phase)),
    ...section(s`Current phase in full: ${phase.id.toUpperCase()} ${phase.title}`, phaseLines(phase)),
    ...section('What works in this business', [...plan.proTips.map((t) => `- ${t}`), ...plan.commonPitfalls.map((t) => s`- Avoid: ${lowerFirst(t)}`)]),
    ...section('The welcome they saw when the project started', openingLines(input.opening ?? null)),
  ];
}

function profileLines(p: PromptProfile): string[] {
  const missing: string[] = [];
  const lines = [s`- Name: ${p.displayName}`];
  if (p.niche) lines.push(s`- Niche: ${p.niche}`);
  else missing.push('niche');
  if (p.platforms.length || p.totalAudience > 0) {
    lines.push(`- Audience: ${n(p.totalAudience)} in total`);
    for (const x of p.platforms) lines.push(s`  - ${platformLabel(x.platform)}: ${n(x.followers)} followers${x.engagementRate != null ? `, ${x.engagementRate}% engagement` : ''}`);
  } else missing.push('audience platforms and follower counts');
  if (p.currentMonthlyIncomeUSD != null) lines.push(`- Income now: ${usd(p.currentMonthlyIncomeUSD)}/month`);
  else missing.push('current income');
  if (p.incomeGoalUSD != null) lines.push(`- Income goal: ${usd(p.incomeGoalUSD)}/month`);
  else missing.push('income goal');
  if (p.hoursPerWeek != null) lines.push(`- Hours per week for this project: ${p.hoursPerWeek}`);
  else missing.push('hours per week');
  if (p.experienceLevel) lines.push(s`- Experience: ${p.experienceLevel}`);
  if (p.goals) lines.push(s`- Their goals, in their words: ${p.goals}`);
  if (missing.length) lines.push(`- Not in their profile yet: ${missing.join(', ')}`);
  return lines;
}

function opportunityLines(plan: CustomizedPlan): string[] {
  const o = plan.opportunity;
  const p = plan.personalisation;
  const band = p.priceBand;
  return [
    o.summary,
    `- Typical revenue: ${usd(o.revenueRangeUSD.min)}–${usd(o.revenueRangeUSD.max)}/${o.revenueRangeUSD.period}; typical timeline ${o.timelineWeeks.min}–${o.timelineWeeks.max} weeks`,
    `- Their timeline: ${p.timelineWeeks} weeks at ${p.hoursPerWeek} h/week (${n(p.totalHours)} h of tasks)`,
    `- Suggested price: ${usd(band.suggested)}/month (band ${usd(band.low)}–${usd(band.high)}), worked out as:`,
    ...p.priceReasoning.map((r) => `  - ${r}`),
    ...p.platformSuggestions.slice(0, 3).map((x) => s`- Community platform idea, ${x.platform}: ${x.reason}`),
    ...plan.whyThisWorks.map((w) => `- Why it fits them: ${w}`),
  ];
}

function outlineLines(plan: CustomizedPlan, current: PlanPhase): string[] {
  return plan.phases.map((ph) => {
    const head = s`- ${ph.id.toUpperCase()} ${ph.title} (weeks ${ph.startWeek}–${ph.endWeek})`;
    if (ph.id === current.id) return `${head}: the current phase, in full below`;
    return `${head}: ${ph.goal} Tasks: ${ph.tasks.map((t) => s`${t.id} ${t.title}`).join('; ')}`;
  });
}

function taskLines(t: PlanTask): string[] {
  const cost = t.costUSD.max === 0 ? 'no cost' : t.costUSD.min === t.costUSD.max ? usd(t.costUSD.min) : `${usd(t.costUSD.min)}–${usd(t.costUSD.max)}`;
  const lines = [s`- ${t.id} ${t.title} (~${t.hours} h, ${cost}, due week ${t.dueWeek}): ${t.details}`];
  for (const tip of t.tips) lines.push(s`  - Tip: ${tip}`);
  if (t.checkpoint) {
    const unit = (m: { unit: string }, v: number) => (m.unit === 'percent' ? `${v}%` : String(v));
    for (const m of t.checkpoint.metrics) lines.push(s`  - Checkpoint, ${m.label}: go at ${unit(m, m.go)} or more, no-go below ${unit(m, m.noGo)}`);
    lines.push(s`  - If go: ${t.checkpoint.ifGo} In between: ${t.checkpoint.ifBetween} If no-go: ${t.checkpoint.ifNoGo}`);
  }
  return lines;
}

function phaseLines(phase: PlanPhase): string[] {
  return [
    s`Goal: ${phase.goal}`,
    ...phase.tasks.flatMap(taskLines),
    ...phase.proTips.map((t) => s`- Pro tip: ${t}`),
    ...phase.pitfalls.map((t) => s`- Pitfall to steer them away from: ${t}`),
  ];
}

function openingLines(opening: OpeningMessage | null): string[] {
  if (!opening || !opening.content.trim()) return [];
  if (opening.offline) return [oneLine(opening.content, 'The app\'s offline coach (built-in rules, not you) welcomed them')];
  return ['You wrote this welcome; they have read it:', opening.content.trim()];
}

function volatileBlock(input: PromptInput): string[] {
  const { plan, done } = input;
  const progress = planProgress(plan, done);
  const current = progress.currentPhase;
  const open = current.tasks.filter((t) => !isDone(done, t.id));
  const doneIds = plan.phases.flatMap((p) => p.tasks).filter((t) => isDone(done, t.id)).map((t) => t.id);
  // The Dates section, when there is one, says the launch date and the days to it.
  const launch = input.targetLaunchDate && !input.numbers?.schedule?.length ? `; target launch ${input.targetLaunchDate}${weeksUntil(input.today, input.targetLaunchDate)}` : '';
  const lines = [
    `## Today: ${input.today}${launch}`,
    `- Progress: ${progress.done}/${progress.total} tasks (${progress.percent}%); ${progress.phases.map((p) => `${p.phaseId.toUpperCase()} ${p.done}/${p.total}`).join(', ')}`,
    ...(doneIds.length ? [`- Done: ${doneIds.join(', ')}`] : []),
    ...(open.length ? [s`- Open in the current phase (${current.id.toUpperCase()}): ${open.map((t) => t.id).join(', ')}; next up: ${open[0]!.id} ${open[0]!.title}`] : []),
    ...section('Decisions recorded', input.decisions.length ? input.decisions.map(decisionLine) : [`- None yet: ${plan.decisionPoints.map((d) => d.category).join(', ') || 'price, platform, timeline'} are still open.`]),
    ...numbersSection(input.numbers),
  ];
  if (input.omitted && input.omitted > 0) lines.push('', `(${n(input.omitted)} earlier chat messages are not included below.)`);
  return lines;
}

function decisionLine(d: PromptDecision): string {
  const what = d.value ?? d.decision;
  const tier = d.tier && d.tier !== 'regular' ? ` (${d.tier})` : '';
  const why = d.rationale?.trim() ? s` because ${d.rationale.trim()}` : '';
  return s`- ${d.category}${tier}: ${what}${why}`;
}

function weeksUntil(today: string, target: string): string {
  const days = Math.round((Date.parse(`${target}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  if (!Number.isFinite(days)) return '';
  if (days < 0) return ` (${count(Math.ceil(-days / 7), 'week')} ago)`;
  return days < 14 ? ` (${relativeDays(days)})` : ` (in ${count(Math.round(days / 7), 'week')})`;
}

/** One line standing for a whole message: who wrote it and how it started. */
function oneLine(content: string, who: string): string {
  const first = content.trim().split('\n').map((l) => l.replace(/[*_`#>]/g, '').trim()).find((l) => l.length > 0) ?? '';
  const cut = first.length > 140 ? `${first.slice(0, 139)}…` : first;
  return `[${who}: "${cut}" (${count(content.trim().split('\n').length, 'line')}, not repeated here)]`;
}

// ── the conversation ───────────────────────────────────────────────────────────────────────

export interface HistoryMessage {
  role: 'user' | 'assistant';
  content: string;
  status: string;
  /** 'offline-coach' for replies of the app's offline coach. */
  model?: string | null;
}

export type ApiMessage = { role: 'user' | 'assistant'; content: string };

export interface Conversation {
  messages: ApiMessage[];
  /** The project's first message when the window starts with it (goes into the system prompt). */
  opening: OpeningMessage | null;
  /** Older messages left out: those beyond the window plus assistant turns the window started with. */
  omitted: number;
}

/**
 * The messages as the API wants them: non-empty, starting with the user, alternating. Nothing is
 * made up: a window that starts with assistant turns moves the project's opening (its welcome)
 * into the system prompt, or, when older messages were cut, leaves them out and counts them.
 * Offline-coach replies become one line saying so (they are not Claude's words, and they are
 * long). Consecutive turns of one role are joined; an interrupted reply is marked as cut off.
 * `omitted`: how many older messages the window left out.
 */
export function buildConversation(history: HistoryMessage[], omitted = 0): Conversation {
  const out: ApiMessage[] = [];
  let opening: OpeningMessage | null = null;
  let skipped = omitted;
  // The last message added was a reply that was cut off: a retry's reply that follows replaces it.
  let cut = false;
  for (const m of history) {
    let text = m.content.trim();
    if (!text) continue;
    const offline = m.role === 'assistant' && m.model === OFFLINE_MODEL;
    if (out.length === 0 && m.role === 'assistant') {
      if (omitted === 0 && opening === null) opening = { content: text, offline };
      else skipped++;
      continue;
    }
    if (offline) text = oneLine(text, "The app's offline coach answered this (built-in rules, not you)");
    else if (m.role === 'assistant' && m.status === 'interrupted') text += '\n\n[reply cut off]';
    const last = out[out.length - 1];
    if (last && last.role === 'assistant' && m.role === 'assistant' && cut) last.content = text;
    else if (last && last.role === m.role) last.content += `\n\n${text}`;
    else out.push({ role: m.role, content: text });
    cut = m.role === 'assistant' && m.status !== 'complete';
  }
  return { messages: out, opening, omitted: skipped };
}

/**
 * Which stored messages to send: the last `n`, but with the window's start moved in steps of
 * `step` messages, so consecutive requests share the same first messages and the conversation
 * prefix stays cached for step/2 turns (a window sliding by one message would change the prefix,
 * and rewrite the whole conversation to the cache, on every turn). Sends n to n + step − 1.
 * Returns the index of the first message to send, out of `total`.
 */
export function windowStart(total: number, n: number, step = 20): number {
  if (total <= n) return 0;
  return Math.floor((total - n) / step) * step;
}
