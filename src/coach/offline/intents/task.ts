// Questions about one task of the plan ("what goes on my sales page?", "refund policy?", "should I
// run a webinar?"): the task is found by its keywords and title words (template data, any
// template), and the answer is its how-to, a tip, the notes for the creator's top platform and its
// checkpoint, when it has them. Scores below the topic intents, so they win when both match.
import type { PlanTask } from '../../../plan/schema.js';
import { displayPlatform } from '../knowledge.js';
import { ref, sentences, tickHint } from '../facts.js';
import { dueText } from './plan.js';
import type { Facts, Intent } from '../types.js';

const STOP = new Set(['follow', 'followers', 'engagement', 'your', 'with', 'from', 'that', 'this', 'then', 'them', 'what', 'before', 'after', 'their', 'into', 'first', 'plan', 'start', 'write', 'create', 'build', 'open', 'make']);

const words = (s: string) => s.toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= 4 && !STOP.has(w));

/**
 * 4 for a keyword phrase in the message; 3.5 for two title words, or one long title word no other
 * task's title has ("referrals", "onboard"), compared by their first 5–6 letters; else 0.
 */
function taskScore(text: string, t: PlanTask, all: PlanTask[]): number {
  if (t.keywords.some((k) => k.length >= 4 && new RegExp(`\\b${k.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(text))) return 4;
  const said = words(text);
  const has = (w: string, n: number) => said.some((s) => s.slice(0, n) === w.slice(0, n));
  const hits = new Set(words(t.title).filter((w) => has(w, 5)).map((w) => w.slice(0, 5)));
  if (hits.size >= 2) return 3.5;
  const distinct = words(t.title).filter((w) => w.length >= 6 && has(w, 6) && !all.some((o) => o !== t && words(o.title).some((x) => x.slice(0, 6) === w.slice(0, 6))));
  return distinct.length ? 3.5 : 0;
}

function bestTask(f: Pick<Facts, 'text' | 'tasks'>): { task: PlanTask; score: number } | null {
  let best: { task: PlanTask; score: number } | null = null;
  for (const task of f.tasks) {
    const score = taskScore(f.text, task, f.tasks);
    if (score > (best?.score ?? 0)) best = { task, score };
  }
  return best;
}

export const taskHelp: Intent = {
  id: 'task',
  score: (f) => bestTask(f)?.score ?? 0,
  answer: (f) => {
    const { task } = bestTask(f)!;
    const parts = sentences(task.details);
    const top = [...f.profile.platforms].filter((p) => p.followers > 0).sort((a, b) => b.followers - a.followers)[0];
    const note = top && task.platformNotes
      ? Object.entries(task.platformNotes).find(([k]) => k.toLowerCase() === displayPlatform(top.platform).toLowerCase())
      : undefined;
    const state = f.done.has(task.id) ? 'done already' : `~${task.hours} h, ${dueText(task, f.today)}`;
    // "I finished the survey" that the detector did not tick: say how to, then what comes next.
    if (!f.done.has(task.id) && /\b(finished|done|completed|wrapped up|sent out|did)\b/.test(f.text) && !/\?\s*$/.test(f.text)) {
      const next = f.open.find((t) => t.id !== task.id);
      return [
        `Sounds like ${ref(task)} is done. To tick it off, ${tickHint(f.surface, task.id)}.`,
        ...(next ? [`Then: ${ref(next)} (~${next.hours} h). ${sentences(next.details)[0]}`] : []),
      ];
    }
    const out = [
      f.vary('task-open', [`That's ${ref(task)} in your plan (${state}).`, `Your plan covers it: ${ref(task)}, ${state}.`, `${ref(task)} (${state}) is the task for that.`]),
      ...parts.slice(0, 2).map((s) => `- ${s}`),
    ];
    if (task.tips.length) out.push(`- Tip: ${f.vary(`tip-${task.id}`, task.tips)}`);
    if (note) out.push(`- On ${note[0]}: ${note[1]}`);
    if (task.checkpoint) out.push(`- Go/no-go: ${task.checkpoint.metrics.map((m) => `${m.label} go ≥ ${m.go}${m.unit === 'percent' ? '%' : ''}, no-go < ${m.noGo}${m.unit === 'percent' ? '%' : ''}`).join('; ')}.`);
    if (!f.done.has(task.id)) out.push(`When it's done, ${tickHint(f.surface, task.id)}.`);
    return out;
  },
};
