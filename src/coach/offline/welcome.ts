// The offline coach's welcome at project start: why this works, the numbers, the first tasks.
import { nextOpenTasks } from '../../plan/progress.js';
import type { CustomizedPlan, PlanTask } from '../../plan/schema.js';

function taskLine(t: PlanTask): string {
  const tip = t.tips[0] ? `\n   Tip: ${t.tips[0]}` : '';
  return `- **${t.id} ${t.title}** (~${t.hours} h). ${t.details}${tip}`;
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
