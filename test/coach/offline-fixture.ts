// The creator the offline-coach tests talk as: the README's Jane (Instagram 45k at 3.2 %, YouTube
// 12k, $800 → $5,000 goal, 6 h a week), her plan from the real template, the first two tasks done.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { offlineAnswer, type OfflineInput, type Surface } from '../../src/coach/offline.js';
import { personalise } from '../../src/plan/personalise.js';
import { parseTemplate } from '../../src/plan/templates.js';

const template = parseTemplate(JSON.parse(readFileSync(join(import.meta.dirname, '../../templates/premium-community.json'), 'utf8')), 'premium-community.json');
export const profile = {
  displayName: 'Jane Cooks', niche: 'vegan baking',
  platforms: [{ platform: 'instagram', followers: 45000, engagementRate: 3.2 }, { platform: 'youtube', followers: 12000, engagementRate: null }],
  totalAudience: 57000, currentMonthlyIncomeUSD: 800, incomeGoalUSD: 5000, hoursPerWeek: 6, experienceLevel: 'beginner' as const,
};
export const today = '2026-11-25';
export const { plan, targetLaunchDate } = personalise(template, profile, new Date(`${today}T12:00:00`));
export const tasks = plan.phases.flatMap((p) => p.tasks);
export const done = new Set(tasks.slice(0, 2).map((t) => t.id));
export const noDetection = { decisions: [], taskCompletions: [], nextSteps: [], numbers: [] };

export function input(message: string, over: Partial<OfflineInput> = {}): OfflineInput {
  return {
    plan, done, profile, message, detection: noDetection, applied: { decisions: [], tasksCompleted: [] }, decisions: [],
    turn: 0, today, targetLaunchDate, surface: 'cli' as Surface, ...over,
  };
}

export const ask = (message: string, over: Partial<OfflineInput> = {}) => offlineAnswer(input(message, over));

/** Calendar arithmetic written out here, independent of the engine's helpers. */
export function plusDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

export const taskTitled = (re: RegExp) => {
  const t = tasks.find((x) => re.test(x.title));
  if (!t) throw new Error(`no task titled ${re}`);
  return t;
};

const band = plan.personalisation.priceBand;
/** Open hours before the doors open: up to the launch task, the first of the "Launch" phase. */
const launchTask = plan.phases[plan.phases.length - 1]!.tasks[0]!;
const openHours = tasks.slice(0, tasks.indexOf(launchTask) + 1).filter((t) => !done.has(t.id)).reduce((s, t) => s + t.hours, 0);
const founding = Number(/Founding members: \$(\d+)/.exec(plan.personalisation.priceReasoning.join('\n'))?.[1]);

/** Facts an answer must state, computed from the fixture. */
export const fx = {
  band, founding, openHours,
  price: `$${band.suggested}/month`,
  annual: `$${(band.suggested * 10).toLocaleString('en-US')}/year`,
  /** The launch task's due date at this pace, as `coach week` and `plan` schedule it. */
  launchAt: (hours: number) => plusDays(today, Math.ceil((openHours / hours) * 7) - 1),
  progress: `${done.size}/${tasks.length}`,
  /** 57,000 × (0.15 × 3.2)% = 273.6 */
  expectedMembers: '274',
};
