// The offline coach: a deterministic local engine grounded in the plan. It answers with no key and
// no network, costs nothing, and is always labelled as such. Pure: data in, text out.
import { nextOpenTasks, planProgress } from '../plan/progress.js';
import type { CustomizedPlan, PlanTask } from '../plan/schema.js';
import type { Detection } from '../detector/types.js';

export const OFFLINE_MODEL = 'offline-coach';
export const OFFLINE_LABEL = 'offline coach';

export interface OfflineInput {
  plan: CustomizedPlan;
  done: ReadonlySet<string>;
  displayName: string;
  message: string;
  detection: Detection;
  /** What was recorded from this message (high confidence). */
  applied: { decisions: { category: string; value: string | null; decision: string }[]; tasksCompleted: string[] };
  /** Active decisions, by category. */
  decisions: { category: string; value: string | null; decision: string }[];
  /** Number of messages so far: rotates tips and pitfalls so replies do not repeat. */
  turn: number;
}

type Intent = 'pricing' | 'platform' | 'timeline' | 'stuck' | 'content' | 'next';

const INTENTS: [Intent, RegExp][] = [
  ['pricing', /\b(price|pricing|charge|cost|how much|tier|annual|discount)\b/i],
  ['platform', /\b(platform|skool|circle|discord|patreon|kajabi|where should i host|tool)\b/i],
  ['timeline', /\b(when|launch date|timeline|deadline|how long|weeks?)\b/i],
  ['stuck', /\b(stuck|overwhelm\w*|don'?t know|lost|behind|procrastinat\w*|help)\b/i],
  ['content', /\b(content|posts?|videos?|course|calls?|lessons?|library)\b/i],
];

function intentOf(message: string): Intent {
  for (const [intent, re] of INTENTS) if (re.test(message)) return intent;
  return 'next';
}

const pick = <T>(items: T[], turn: number): T | undefined => (items.length ? items[turn % items.length] : undefined);

function taskLine(t: PlanTask): string {
  const tip = t.tips[0] ? `\n   Tip: ${t.tips[0]}` : '';
  return `- **${t.id} ${t.title}** (~${t.hours} h). ${t.details}${tip}`;
}

function relatedOpenTasks(plan: CustomizedPlan, done: ReadonlySet<string>, category: string): PlanTask[] {
  const ids = plan.decisionPoints.filter((d) => d.category === category).flatMap((d) => d.taskIds);
  const all = plan.phases.flatMap((p) => p.tasks);
  return ids.map((id) => all.find((t) => t.id === id)).filter((t): t is PlanTask => !!t && !done.has(t.id));
}

export function offlineReply(input: OfflineInput): string {
  const { plan, done, detection, applied } = input;
  const progress = planProgress(plan, done);
  const phase = progress.currentPhase;
  const p = plan.personalisation;
  const parts: string[] = [];

  // 1. React to what the detector recorded or noticed.
  for (const d of applied.decisions) {
    parts.push(`Noted your **${d.category}** decision: ${d.value ?? d.decision}.`);
    const related = relatedOpenTasks(plan, done, d.category).slice(0, 2);
    if (related.length) parts.push(`That unlocks: ${related.map((t) => `${t.id} ${t.title}`).join('; ')}.`);
  }
  for (const id of applied.tasksCompleted) {
    const task = plan.phases.flatMap((ph) => ph.tasks).find((t) => t.id === id);
    if (task) parts.push(`Nice work: marked **${task.id} ${task.title}** as done.`);
  }
  const appliedCategories = new Set(applied.decisions.map((d) => d.category));
  const tentative = detection.decisions.filter((d) => d.confidence !== 'high' && !appliedCategories.has(d.category));
  for (const d of tentative.slice(0, 2)) {
    parts.push(`It sounds like you're weighing **${d.value}** for ${d.category}. When you're sure, say "I've decided…" (or run \`coach decisions add --category ${d.category} "${d.value}"\`) and I'll record it.`);
  }
  const tentativeTasks = detection.taskCompletions.filter((c) => c.confidence !== 'high' && !applied.tasksCompleted.includes(c.taskId) && !done.has(c.taskId));
  for (const c of tentativeTasks.slice(0, 1)) parts.push(`If ${c.taskId} is finished, tick it off with \`coach tasks done ${c.taskId}\`.`);

  // 2. Answer what they asked about, from the plan.
  const intent = intentOf(input.message);
  const active = (cat: string) => input.decisions.find((d) => d.category === cat);
  if (intent === 'pricing' && !appliedCategories.has('pricing')) {
    const chosen = active('pricing');
    parts.push(chosen
      ? `You've set pricing at ${chosen.value ?? chosen.decision}. For reference, your personalised band is $${p.priceBand.low}–$${p.priceBand.high}/month.`
      : `For your audience the band is **$${p.priceBand.low}–$${p.priceBand.high}/month**, and I'd start around **$${p.priceBand.suggested}/month**:`);
    if (!chosen) parts.push(...p.priceReasoning.slice(0, 3).map((r) => `- ${r}`));
  } else if (intent === 'platform' && !appliedCategories.has('platform')) {
    const chosen = active('platform');
    if (chosen) parts.push(`You chose ${chosen.value ?? chosen.decision} as your platform; the next step is setting it up.`);
    else parts.push('Where your audience is suggests:', ...p.platformSuggestions.slice(0, 3).map((s) => `- **${s.platform}**: ${s.reason}`));
  } else if (intent === 'timeline') {
    parts.push(`At ${p.hoursPerWeek} h/week the whole plan is about ${p.totalHours} hours: roughly **${p.timelineWeeks} weeks** to launch. You're in "${phase.title}" (weeks ${phase.startWeek}–${phase.endWeek}).`);
  } else if (intent === 'stuck') {
    const smallest = [...phase.tasks].filter((t) => !done.has(t.id)).sort((a, b) => a.hours - b.hours)[0];
    if (smallest) parts.push(`When it feels like a lot, shrink the next step. The smallest open task in this phase is **${smallest.id} ${smallest.title}** (~${smallest.hours} h): ${smallest.details}`);
  } else if (intent === 'content') {
    const contentTasks = relatedOpenTasks(plan, done, 'content');
    if (contentTasks.length) parts.push('On content, the plan has:', ...contentTasks.slice(0, 2).map(taskLine));
  }

  // 3. Always: where they are and what comes next.
  const next = nextOpenTasks(plan, done, 2).filter((t) => !parts.some((line) => line.includes(`**${t.id} `)));
  if (progress.done === progress.total) {
    parts.push(`Every task is done (${progress.total}/${progress.total}). Run your monthly review, and keep an eye on retention.`);
  } else {
    parts.push(`\nYou're ${progress.percent}% through (${progress.done}/${progress.total}), in **${phase.title}**.${next.length ? ' Next up:' : ''}`);
    parts.push(...next.map(taskLine));
  }
  const pitfall = pick(phase.pitfalls, input.turn);
  if (pitfall) parts.push(`\nWatch out: ${pitfall}`);
  const tip = pick(phase.proTips, input.turn + 1);
  if (tip) parts.push(`Pro tip: ${tip}`);
  return joinBlocks(parts);
}

/** Paragraphs get a blank line between them (markdown would join them); list items stay together. */
function joinBlocks(parts: string[]): string {
  let out = '';
  parts.forEach((raw, i) => {
    const part = raw.trim();
    const isItem = part.startsWith('- ');
    const prevItem = i > 0 && parts[i - 1]!.trim().startsWith('- ');
    out += i === 0 ? part : `${isItem && (prevItem || parts[i - 1]!.trim().endsWith(':')) ? '\n' : '\n\n'}${part}`;
  });
  return out;
}

export function offlineWelcome(plan: CustomizedPlan, displayName: string, targetLaunchDate: string | null): string {
  const p = plan.personalisation;
  const first = nextOpenTasks(plan, new Set(), 3);
  return [
    `Welcome, ${displayName}! Let's build your ${plan.opportunity.title.toLowerCase()}.`,
    '',
    '**Why this works for you**',
    ...plan.whyThisWorks.map((r) => `- ${r}`),
    '',
    `**Your numbers:** start around **$${p.priceBand.suggested}/month** (band $${p.priceBand.low}–$${p.priceBand.high}). At ${p.hoursPerWeek} h/week the plan takes about ${p.timelineWeeks} weeks${targetLaunchDate ? `, so you could launch by **${targetLaunchDate}**` : ''}.`,
    ...(p.platformSuggestions[0] ? [`**Platform to consider:** ${p.platformSuggestions[0].platform} — ${p.platformSuggestions[0].reason}`] : []),
    '',
    '**Start here**',
    ...first.map(taskLine),
    '',
    'Tell me what you decide and what you finish ("I\'ve decided to charge $29/month because…", "I set up the Skool group") and I\'ll keep your plan up to date.',
  ].join('\n');
}
