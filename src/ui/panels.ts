// The content of the panels that open in place of the checklist: help, decisions, task details.
// Built from the shared views and services; every line is sanitised and wrapped to the width.
import { decisionView } from '../app/views.js';
import type { PlanTask } from '../plan/schema.js';
import type { DecisionRow, TaskCompletionRow } from '../store/schema.js';
import type { OverlayLine } from './components/Overlay.js';
import { COMMANDS } from './commands/index.js';
import { KEY_GROUPS } from './help.js';
import { plainRows } from '../util/markdown.js';

function wrapped(text: string, width: number, indent = 0, tone?: OverlayLine['tone']): OverlayLine[] {
  const pad = ' '.repeat(indent);
  return plainRows(text, Math.max(10, width - indent)).map((r) => ({ text: pad + r, tone }));
}

/** Keys and commands in two columns; a long description wraps under itself. */
export function helpPanel(width: number): OverlayLine[] {
  const sections = [
    ...KEY_GROUPS.map((g) => ({ title: g.title, rows: g.keys.map((k) => [k.keys, k.action] as const) })),
    { title: 'Commands', rows: COMMANDS.map((c) => [`/${c.name}${c.args ? ` ${c.args}` : ''}`, c.summary] as const) },
  ];
  // The keys column takes at most a third of a narrow screen; a longer key gets a line of its own.
  const longest = Math.max(...sections.flatMap((s) => s.rows.map(([k]) => k.length)));
  const col = Math.min(width < 80 ? Math.floor(width / 3) : Math.floor(width / 2), longest + 4);
  const lines: OverlayLine[] = [];
  for (const section of sections) {
    if (lines.length) lines.push({ text: '' });
    lines.push({ text: section.title, tone: 'title' });
    for (const [keys, action] of section.rows) {
      const desc = plainRows(action, Math.max(10, width - col - 1));
      const own = keys.length + 3 > col;
      if (own) lines.push({ text: `  ${keys}` });
      desc.forEach((d, i) => lines.push({ text: `${i === 0 && !own ? `  ${keys}`.padEnd(col) : ' '.repeat(col)}${d}` }));
    }
  }
  return lines;
}

export function decisionsPanel(rows: DecisionRow[], width: number, all: boolean): OverlayLine[] {
  const lines: OverlayLine[] = [];
  if (!rows.length) {
    lines.push(...wrapped('No decisions yet. Tell the coach what you decide ("I\'ve decided to charge $29/month because …") or run `coach decisions add`.', width, 0, 'dim'));
  }
  for (const d of rows.map(decisionView)) {
    const superseded = d.status === 'superseded';
    lines.push({ text: `${d.category.padEnd(10)} ${d.value ?? d.decision}${superseded ? '  (superseded)' : ''}`, tone: superseded ? 'dim' : 'title' });
    lines.push(...wrapped(`“${d.decision}”`, width, 11, superseded ? 'dim' : undefined));
    const meta = [d.rationale ? `because ${d.rationale.replace(/^because\s+/i, '')}` : null, `${d.confidence} confidence`, d.createdAt?.slice(0, 10)].filter(Boolean).join(' · ');
    lines.push(...wrapped(meta, width, 11, 'dim'));
  }
  lines.push({ text: '' });
  lines.push({ text: all ? 'a: only active decisions' : 'a: include superseded decisions (history)', tone: 'dim' });
  return lines;
}

export function taskPanel(task: PlanTask, state: TaskCompletionRow | undefined, width: number): OverlayLine[] {
  const lines: OverlayLine[] = [];
  const status = state?.done
    ? `done${state.completedAt ? ` on ${new Date(state.completedAt).toISOString().slice(0, 10)}` : ''}${state.source === 'chat' ? ' (from chat)' : ''}`
    : 'open';
  lines.push({ text: `${task.id} · ${status}`, tone: state?.done ? 'ok' : undefined });
  const cost = task.costUSD.max === 0 ? 'no cost' : task.costUSD.min === task.costUSD.max ? `$${task.costUSD.min}` : `$${task.costUSD.min}–$${task.costUSD.max}`;
  lines.push({ text: `Estimate: ~${task.hours} h · ${cost} · due by week ${task.dueWeek}`, tone: 'dim' });
  lines.push({ text: '' });
  lines.push(...wrapped(task.details, width));
  if (task.tips.length) {
    lines.push({ text: '' });
    lines.push({ text: 'Tips', tone: 'title' });
    for (const tip of task.tips) lines.push(...wrapped(`• ${tip}`, width, 2));
  }
  lines.push({ text: '' });
  lines.push({ text: 'Note', tone: 'title' });
  lines.push(...(state?.note ? wrapped(state.note, width, 2) : [{ text: '  (none — press n to add one)', tone: 'dim' as const }]));
  lines.push({ text: '' });
  lines.push({ text: 'Space: toggle done · n: note · Esc: back', tone: 'dim' });
  return lines;
}
