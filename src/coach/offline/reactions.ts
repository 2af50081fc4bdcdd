// Reactions to what the detector found in this message: recorded decisions and ticked tasks (with
// what they unlock), and what it only suspects, with how to confirm it where the creator is.
import type { PlanTask } from '../../plan/schema.js';
import { confirmHint, ref, tickHint, usd } from './facts.js';
import type { Facts } from './types.js';

function unlocked(f: Facts, category: string): PlanTask[] {
  const ids = f.plan.decisionPoints.filter((d) => d.category === category).flatMap((d) => d.taskIds);
  return [...new Set(ids)].map((id) => f.tasks.find((t) => t.id === id)).filter((t): t is PlanTask => !!t && !f.done.has(t.id));
}

export function reactions(f: Facts, answeredCategory: string | null = null): string[] {
  const out: string[] = [];
  for (const d of f.applied.decisions) {
    out.push(`${f.vary('noted', ['Noted', 'Recorded', 'Got it'])} — your **${d.category}** decision: ${d.value ?? d.decision}.`);
    const price = d.category === 'pricing' ? Number(/(\d+(?:\.\d+)?)/.exec(d.value ?? d.decision)?.[1]) : NaN;
    if (Number.isFinite(price) && price > 0) {
      const { low, high } = f.band;
      out.push(price < low ? `That is under your ${usd(low)}–${usd(high)} band; fine for founders, but raise it for the public launch.`
        : price > high ? `That is above your ${usd(low)}–${usd(high)} band: make sure the offer includes direct access to you.`
        : `Inside your ${usd(low)}–${usd(high)} band.`);
    }
    const next = unlocked(f, d.category).slice(0, 2);
    if (next.length) out.push(`That unlocks: ${next.map((t) => `${t.id} ${t.title}`).join('; ')}.`);
  }
  for (const id of f.applied.tasksCompleted) {
    const task = f.tasks.find((t) => t.id === id);
    if (!task) continue;
    const phase = f.plan.phases.find((p) => p.id === task.phaseId);
    const phaseDone = phase ? phase.tasks.every((t) => f.done.has(t.id)) : false;
    out.push(`${f.vary('done', ['Nice work', 'Well done', 'Great'])}: marked ${ref(task)} as done (${f.progress.done}/${f.progress.total}).${phaseDone && phase ? ` That completes "${phase.title}".` : ''}`);
  }
  const appliedCategories = new Set(f.applied.decisions.map((d) => d.category));
  const tentative = f.detection.decisions.filter((d) => d.confidence !== 'high' && !appliedCategories.has(d.category) && d.category !== answeredCategory);
  for (const d of tentative.slice(0, 2)) {
    out.push(`It sounds like you're weighing **${d.value}** for ${d.category}. When you're sure, ${confirmHint(f.surface, d.category, d.value ?? d.decision)}.`);
  }
  const tentativeTasks = f.detection.taskCompletions.filter((c) => c.confidence !== 'high' && !f.applied.tasksCompleted.includes(c.taskId) && !f.done.has(c.taskId));
  for (const c of tentativeTasks.slice(0, 1)) {
    out.push(f.surface === 'tui'
      ? `If ${c.taskId} is finished, press Ctrl+Y to tick it (or ${tickHint('tui', c.taskId)}).`
      : `If ${c.taskId} is finished, ${tickHint('cli', c.taskId)}.`);
  }
  return out;
}
