// `coach export`: one document with the profile, its project(s), the plan with progress, every
// decision (superseded ones too, so the history stays), task notes and the chat transcript.
// JSON is the lossless form (stable camelCase, the same shapes as the other --json outputs);
// Markdown is for people. Building reads the store; rendering is pure; writing is atomic.
import { closeSync, constants, fsyncSync, linkSync, openSync, renameSync, statSync, unlinkSync, writeSync, chmodSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors.js';
import type { CustomizedPlan } from '../plan/schema.js';
import { planProgress } from '../plan/progress.js';
import type { Db } from '../store/db.js';
import { listDecisions } from '../store/decisions.js';
import { allMessages } from '../store/messages.js';
import { taskStates } from '../store/tasks.js';
import type { DecisionRow, ProfileRow, ProjectRow } from '../store/schema.js';
import { sanitizeForTerminal } from '../util/text.js';
import { parsePlan, type StoreContext } from './context.js';
import { allTasks, decisionView, iso, messageView, profileView, projectView, taskView, type TaskView } from './views.js';

export const EXPORT_FORMAT = 'creator-coach-export';
export const EXPORT_VERSION = 1;

export type ExportTask = Omit<TaskView, 'phaseId' | 'title'> & { phaseId: string | null; title: string | null };

export function exportDecisionView(d: DecisionRow) {
  return { ...decisionView(d), sourceMessageId: d.sourceMessageId, relatedTaskId: d.relatedTaskId, updatedAt: iso(d.updatedAt) };
}

export interface ExportProject extends ReturnType<typeof projectView> {
  progress: { done: number; total: number; percent: number };
  currentPhase: string;
  phases: { phaseId: string; title: string; done: number; total: number; percent: number }[];
  plan: CustomizedPlan;
  tasks: ExportTask[];
  decisions: ReturnType<typeof exportDecisionView>[];
  messages: ReturnType<typeof messageView>[];
}

export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  profile: ReturnType<typeof profileView>;
  projects: ExportProject[];
}

export function exportProject(db: Db, row: ProjectRow): ExportProject {
  const plan = parsePlan(row);
  const states = taskStates(db, row.id);
  const progress = planProgress(plan, new Map([...states].map(([id, s]) => [id, s.done])));
  const inPlan = new Set(allTasks(plan).map((t) => t.id));
  const tasks: ExportTask[] = allTasks(plan).map((t) => taskView(t, states.get(t.id)));
  // A state for a task the plan no longer has (hand-edited plan): kept, so no note is lost.
  for (const s of states.values()) {
    if (!inPlan.has(s.taskId)) tasks.push({ id: s.taskId, phaseId: null, title: null, done: s.done, note: s.note, completedAt: s.done ? iso(s.completedAt) : null, source: s.source, dueDate: null });
  }
  const decisions = listDecisions(db, row.id, { includeSuperseded: true }).sort((a, b) => a.id - b.id);
  return {
    ...projectView(row, { done: progress.done, total: progress.total, percent: progress.percent }),
    progress: { done: progress.done, total: progress.total, percent: progress.percent },
    currentPhase: progress.currentPhase.id,
    phases: progress.phases,
    plan,
    tasks,
    decisions: decisions.map(exportDecisionView),
    messages: allMessages(db, row.id).map(messageView),
  };
}

export function buildExport(ctx: StoreContext, profile: ProfileRow, projects: ProjectRow[]): ExportDocument {
  const db = ctx.store().db;
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(ctx.now()).toISOString(),
    profile: profileView(profile),
    projects: projects.map((p) => exportProject(db, p)),
  };
}

// ---------------------------------------------------------------- Markdown

const clean = (text: string) => sanitizeForTerminal(text).trim();
/** Continuation lines of a list item stay inside it. */
const indent = (text: string, pad: string) => clean(text).split('\n').join(`\n${pad}`);
const quote = (text: string) => (clean(text) || '…').split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n');
const usd = (n: number | null) => (n == null ? '—' : `$${n.toLocaleString('en-US')}`);

function when(isoText: string | null, timeZone: string): string {
  if (!isoText) return '';
  const d = new Date(isoText);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(d).map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

function profileSection(doc: ExportDocument): string[] {
  const p = doc.profile;
  const lines = ['## Profile', ''];
  lines.push(`- Handle: ${p.handle}`);
  if (p.niche) lines.push(`- Niche: ${clean(p.niche)}`);
  lines.push(`- Audience: ${p.totalAudience.toLocaleString('en-US')}`);
  for (const pl of p.platforms) {
    lines.push(`  - ${clean(pl.platform)}${pl.handle ? ` @${clean(pl.handle)}` : ''}: ${pl.followers.toLocaleString('en-US')} followers${pl.engagementRate != null ? `, ${pl.engagementRate}% engagement` : ''}`);
  }
  lines.push(`- Monthly income: ${usd(p.currentMonthlyIncomeUSD)} · goal ${usd(p.incomeGoalUSD)}`);
  lines.push(`- Hours per week: ${p.hoursPerWeek ?? '—'} · experience: ${p.experienceLevel ?? '—'}`);
  if (p.goals) lines.push(`- Goals: ${indent(p.goals, '  ')}`);
  return lines;
}

function projectSection(p: ExportProject, timeZone: string): string[] {
  const lines = [`## Project: ${clean(p.title)} (#${p.id})`, ''];
  lines.push(`- Status: ${p.status} · template ${p.templateId} · target launch ${p.targetLaunchDate ?? '—'}`);
  lines.push(`- Progress: ${p.progress.done}/${p.progress.total} tasks (${p.progress.percent}%) · current phase ${p.currentPhase}`);
  const band = p.plan.personalisation?.priceBand;
  if (band) lines.push(`- Suggested price: $${band.suggested}/month (band $${band.low}–$${band.high})`);
  lines.push(`- Started: ${when(p.createdAt, timeZone)}`);

  lines.push('', '### Plan', '');
  const byId = new Map(p.tasks.map((t) => [t.id, t]));
  for (const phase of p.plan.phases) {
    const prog = p.phases.find((x) => x.phaseId === phase.id);
    lines.push(`#### ${phase.id.toUpperCase()} ${clean(phase.title)} — ${prog?.done ?? 0}/${prog?.total ?? phase.tasks.length} (${prog?.percent ?? 0}%)`, '');
    for (const task of phase.tasks) {
      const t = byId.get(task.id);
      const done = t?.done ? `done ${when(t.completedAt, timeZone)}${t.source === 'chat' ? ' (from chat)' : ''}` : '';
      lines.push(`- [${t?.done ? 'x' : ' '}] ${task.id} ${clean(task.title)}${done ? ` — ${done}` : ''}`);
      if (t?.note) lines.push(`  - Note: ${indent(t.note, '    ')}`);
    }
    lines.push('');
  }
  const orphans = p.tasks.filter((t) => t.phaseId === null);
  if (orphans.length) {
    lines.push('#### Tasks no longer in the plan', '');
    for (const t of orphans) lines.push(`- [${t.done ? 'x' : ' '}] ${t.id}${t.note ? ` — Note: ${indent(t.note, '    ')}` : ''}`);
    lines.push('');
  }

  lines.push('### Decisions', '');
  if (!p.decisions.length) lines.push('_No decisions yet._', '');
  const categories = [...new Set(p.decisions.map((d) => d.category))];
  for (const category of categories) {
    lines.push(`#### ${category[0]!.toUpperCase()}${category.slice(1)}`, '');
    const list = p.decisions.filter((d) => d.category === category).sort((a, b) => (a.status === b.status ? b.id - a.id : a.status === 'active' ? -1 : 1));
    for (const d of list) {
      const value = d.value && d.value !== d.decision ? ` (${clean(d.value)})` : '';
      const state = d.status === 'active' ? `active, ${d.confidence} confidence` : `superseded by #${d.supersededBy ?? '?'}`;
      const text = d.status === 'active' ? `**${clean(d.decision)}**` : `~~${clean(d.decision)}~~`;
      lines.push(`- #${d.id} ${text}${value} — ${state} · ${when(d.createdAt, timeZone)}`);
      if (d.rationale) lines.push(`  - Why: ${indent(d.rationale, '    ')}`);
    }
    lines.push('');
  }

  const notes = p.tasks.filter((t) => t.note);
  lines.push('### Task notes', '');
  if (!notes.length) lines.push('_No notes yet._');
  for (const t of notes) lines.push(`- ${t.id}${t.title ? ` ${clean(t.title)}` : ''}: ${indent(t.note!, '  ')}`);
  lines.push('');

  lines.push('### Chat transcript', '');
  if (!p.messages.length) lines.push('_No messages yet._', '');
  for (const m of p.messages) {
    const who = m.role === 'user' ? 'You' : m.model === 'offline-coach' ? 'Coach (offline coach)' : `Coach${m.model ? ` (${m.model})` : ''}`;
    const status = m.status === 'complete' ? '' : ` · _${m.status}_`;
    lines.push(`**${who}** · ${when(m.createdAt, timeZone)}${status}`, '', quote(m.content), '');
  }
  return lines;
}

/** Markdown for people: times in `timeZone`, text made safe to print in a terminal. */
export function renderMarkdown(doc: ExportDocument, timeZone: string): string {
  const p = doc.profile;
  const lines = [`# ${clean(p.displayName)} — creator coach export`, '', `_Exported ${when(doc.exportedAt, timeZone)} (${timeZone})_`, ''];
  lines.push(...profileSection(doc), '');
  if (!doc.projects.length) lines.push('_No project yet._', '');
  for (const project of doc.projects) lines.push(...projectSection(project, timeZone));
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

// ---------------------------------------------------------------- writing

/**
 * Writes `content` to `file` atomically with mode 0600: a temp file in the same directory, fsync,
 * then a rename (with `force`) or a hard link that fails if the file appeared meanwhile (without).
 */
export function writeFileAtomic(file: string, content: string, opts: { force?: boolean } = {}): void {
  const dir = dirname(file);
  let dirStat;
  try {
    dirStat = statSync(dir);
  } catch {
    throw new UsageError(`cannot write ${file}: the directory ${dir} does not exist`);
  }
  if (!dirStat.isDirectory()) throw new UsageError(`cannot write ${file}: ${dir} is not a directory`);
  let existing;
  try {
    existing = statSync(file);
  } catch {
    existing = null;
  }
  if (existing?.isDirectory()) throw new UsageError(`${file} is a directory`);
  if (existing && !opts.force) throw new UsageError(`${file} already exists`, { hint: 'add --force to overwrite it' });

  const tmp = join(dir, `.${basename(file)}.${process.pid}.${globalThis.crypto.randomUUID().slice(0, 8)}.tmp`);
  let fd: number;
  try {
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  } catch (err) {
    throw new UsageError(`cannot write in ${dir}: ${(err as Error).message}`);
  }
  try {
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(tmp, 0o600);
    if (opts.force) {
      renameSync(tmp, file);
    } else {
      try {
        linkSync(tmp, file); // atomic "create if absent"
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new UsageError(`${file} already exists`, { hint: 'add --force to overwrite it' });
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw err;
        renameSync(tmp, file); // a file system without hard links: checked above, rename now
      }
    }
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      // already renamed
    }
  }
}
