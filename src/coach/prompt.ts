// Builds what the model sees: a system prompt grounded in the creator's data, and the recent
// conversation as alternating user/assistant turns. Pure: data in, data out.
import type { CustomizedPlan } from '../plan/schema.js';
import { planProgress } from '../plan/progress.js';
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
}

export interface PromptInput {
  profile: PromptProfile;
  plan: CustomizedPlan;
  projectTitle: string;
  targetLaunchDate: string | null;
  done: ReadonlySet<string>;
  decisions: PromptDecision[];
  today: string;
  /** Business numbers and dates (prompt-numbers.ts); absent: the section is left out. */
  numbers?: PromptNumbers;
}

const n = (x: number) => x.toLocaleString('en-US');

export function buildSystemPrompt(input: PromptInput): string {
  const { profile, plan, done } = input;
  const progress = planProgress(plan, done);
  const phase = progress.currentPhase;
  const band = plan.personalisation.priceBand;
  const lines: string[] = [];
  lines.push(
    `You are an expert, candid business coach for online creators. You are helping ${profile.displayName} launch a paid ${plan.opportunity.title.toLowerCase()}.`,
    'Be specific to their numbers and plan. Prefer short, actionable answers with concrete next steps. When they make a decision, acknowledge it and say what it unlocks. Never invent facts about their audience.',
    `Today is ${input.today}.`,
    '',
    '## Creator profile',
    `- Name: ${profile.displayName}`,
    `- Niche: ${profile.niche ?? 'not given'}`,
    `- Total audience: ${n(profile.totalAudience)}`,
    ...profile.platforms.map((p) => `  - ${p.platform}: ${n(p.followers)} followers${p.engagementRate != null ? `, ${p.engagementRate}% engagement` : ''}`),
    `- Current monthly income: ${profile.currentMonthlyIncomeUSD != null ? `$${n(profile.currentMonthlyIncomeUSD)}` : 'not given'}; goal: ${profile.incomeGoalUSD != null ? `$${n(profile.incomeGoalUSD)}/month` : 'not given'}`,
    `- Hours per week for this project: ${profile.hoursPerWeek ?? 'not given'}; experience: ${profile.experienceLevel ?? 'not given'}`,
    ...(profile.goals ? [`- Their goals: ${profile.goals}`] : []),
    '',
    '## Opportunity',
    `- ${plan.opportunity.title} (${plan.opportunity.category}): ${plan.opportunity.summary}`,
    `- Project: ${input.projectTitle}; target launch: ${input.targetLaunchDate ?? 'not set'}; timeline ${plan.personalisation.timelineWeeks} weeks`,
    `- Suggested price band: $${band.low}–$${band.high}/month, suggested $${band.suggested}/month`,
    ...plan.personalisation.platformSuggestions.slice(0, 3).map((s) => `- Platform idea: ${s.platform} — ${s.reason}`),
    '',
    '## Progress',
    `- Overall: ${progress.done}/${progress.total} tasks (${progress.percent}%)`,
    ...progress.phases.map((p) => `- ${p.title}: ${p.done}/${p.total}${p.phaseId === phase.id ? ' ← current phase' : ''}`),
    '',
    `## Current phase: ${phase.title}`,
    `Goal: ${phase.goal}`,
    'Open tasks:',
    ...phase.tasks.filter((t) => !done.has(t.id)).map((t) => `- [${t.id}] ${t.title} (~${t.hours} h): ${t.details}`),
    'Done tasks:',
    ...(plan.phases.flatMap((p) => p.tasks).filter((t) => done.has(t.id)).map((t) => `- [${t.id}] ${t.title}`) || []),
    '',
    '## Decisions made so far',
    ...(input.decisions.length
      ? input.decisions.map((d) => `- ${d.category}: ${d.value ?? d.decision}${d.rationale ? ` (because ${d.rationale})` : ''}`)
      : ['- none yet']),
    '',
    '## Tips for this phase',
    ...phase.proTips.map((t) => `- ${t}`),
    '## Pitfalls to steer them away from',
    ...phase.pitfalls.map((t) => `- ${t}`),
    ...numbersSection(input.numbers),
  );
  return lines.join('\n');
}

export interface HistoryMessage {
  role: 'user' | 'assistant';
  content: string;
  status: string;
}

export type ApiMessage = { role: 'user' | 'assistant'; content: string };

/**
 * The last messages as the API wants them: non-empty, starting with the user, alternating.
 * Consecutive turns of one role are joined; an interrupted reply is kept and marked as cut off.
 */
export function buildMessages(history: HistoryMessage[]): ApiMessage[] {
  const out: ApiMessage[] = [];
  for (const m of history) {
    let text = m.content.trim();
    if (!text) continue;
    if (m.role === 'assistant' && m.status === 'interrupted') text += '\n\n[reply cut off]';
    const last = out[out.length - 1];
    if (last && last.role === m.role) last.content += `\n\n${text}`;
    else out.push({ role: m.role, content: text });
  }
  if (out[0]?.role === 'assistant') out.unshift({ role: 'user', content: '(Earlier conversation omitted. Continue coaching me.)' });
  return out;
}
