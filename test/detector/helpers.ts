// Shared fixtures for the detector tests: the shipped template as a DetectorPlan, and a small
// hand-made plan for unit tests that should not depend on the template's wording.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DetectorPlan } from '../../src/detector/types.js';

interface TemplateJson {
  phases: { id: string; tasks: { id: string; title: string; keywords?: string[] }[] }[];
  decisionPoints: DetectorPlan['decisionPoints'];
}

export function templatePlan(doneTaskIds: string[] = []): DetectorPlan {
  const path = fileURLToPath(new URL('../../templates/premium-community.json', import.meta.url));
  const t = JSON.parse(readFileSync(path, 'utf8')) as TemplateJson;
  return {
    tasks: t.phases.flatMap((p) => p.tasks.map((k) => ({ id: k.id, title: k.title, phaseId: p.id, keywords: k.keywords ?? [] }))),
    decisionPoints: t.decisionPoints,
    doneTaskIds: new Set(doneTaskIds),
  };
}

export const smallPlan: DetectorPlan = {
  tasks: [
    { id: 't1', phaseId: 'p1', title: 'Set your price', keywords: ['pricing', 'price point'] },
    { id: 't2', phaseId: 'p1', title: 'Choose your platform', keywords: ['picked a platform'] },
    { id: 't3', phaseId: 'p2', title: 'Set up the community space', keywords: ['skool group', 'discord server'] },
    { id: 't4', phaseId: 'p2', title: 'Write the sales page', keywords: ['sales page', 'sales copy'] },
    { id: 't5', phaseId: 'p3', title: 'Open the doors', keywords: ['doors are open', 'launched the community'] },
    { id: 't6', phaseId: 'p3', title: 'Plan the launch calendar', keywords: ['launch calendar'] },
    { id: 't7', phaseId: 'p3', title: 'Record the welcome video', keywords: ['welcome video'] },
  ],
  decisionPoints: [
    { id: 'pricing', category: 'pricing', question: 'What will members pay?', taskIds: ['t1'], options: [] },
    { id: 'platform', category: 'platform', question: 'Which platform?', taskIds: ['t2', 't3'], options: [] },
    { id: 'timeline', category: 'timeline', question: 'When do doors open?', taskIds: ['t6', 't5'], options: [] },
    { id: 'content', category: 'content', question: 'What do members get?', taskIds: ['t7'], options: [] },
    { id: 'structure', category: 'structure', question: 'How many tiers?', taskIds: ['t1'], options: [] },
  ],
};
