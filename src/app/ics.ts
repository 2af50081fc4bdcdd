// `coach export --format ics`: the plan as an RFC 5545 calendar. Pure: the export document in,
// text out. Each task is a VTODO with DTSTART (the day its work starts: the previous task's due
// date, or the project's start) and DUE (its due date), its details, estimate, tips and note as
// the description, and its state; the launch date is an all-day VEVENT. UIDs are built from the
// profile, project and task ids, so importing the file again updates the entries instead of
// adding copies. Lines end in CRLF and are folded at 75 octets without splitting a character.
import type { ExportDocument, ExportProject } from './export.js';

const CRLF = '\r\n';

/** TEXT value escaping (RFC 5545 §3.3.11); control characters other than newline are dropped. */
export function escapeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

/** Folds a content line into chunks of at most 75 octets (continuations start with a space). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > limit) {
      out.push(current);
      current = ' ';
      octets = 1;
      limit = 75;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

const day = (d: string) => d.replaceAll('-', '');
const plusOne = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

function uid(doc: ExportDocument, project: ExportProject, what: string): string {
  return `${what}.project-${project.id}.${doc.profile.handle.toLowerCase()}@creator-coach`;
}

function projectComponents(doc: ExportDocument, p: ExportProject, dtstamp: string): string[][] {
  const components: string[][] = [];
  const states = new Map(p.tasks.map((t) => [t.id, t]));
  const start = p.plan.schedule?.startDate ?? p.createdAt?.slice(0, 10) ?? null;
  let previousDue = start;
  for (const phase of p.plan.phases) {
    for (const task of phase.tasks) {
      const due = task.dueDate ?? null;
      const state = states.get(task.id);
      const cost = task.costUSD.max > 0 ? ` · $${task.costUSD.min}–$${task.costUSD.max}` : '';
      const description = [
        task.details,
        '',
        `Estimate: ${task.hours} h${cost} · ${phase.title}`,
        ...(task.tips.length ? ['', 'Tips:', ...task.tips.map((t) => `- ${t}`)] : []),
        ...(state?.note ? ['', `Note: ${state.note}`] : []),
      ].join('\n');
      const lines = [
        'BEGIN:VTODO',
        `UID:${uid(doc, p, `task-${task.id}`)}`,
        `DTSTAMP:${dtstamp}`,
        `SUMMARY:${escapeText(`${task.id} ${task.title}`)}`,
        `DESCRIPTION:${escapeText(description)}`,
        `CATEGORIES:${escapeText(phase.title)}`,
      ];
      if (due) {
        const begin = previousDue && previousDue < due ? previousDue : due;
        lines.push(`DTSTART;VALUE=DATE:${day(begin)}`, `DUE;VALUE=DATE:${day(due)}`);
        previousDue = due;
      }
      if (state?.done) {
        lines.push('STATUS:COMPLETED', 'PERCENT-COMPLETE:100');
        if (state.completedAt) lines.push(`COMPLETED:${stamp(state.completedAt)}`);
      } else {
        lines.push('STATUS:NEEDS-ACTION');
      }
      lines.push('END:VTODO');
      components.push(lines);
    }
  }
  if (p.targetLaunchDate) {
    const s = p.plan.schedule;
    const why = s?.launchSource === 'decision' ? 'set by your timeline decision' : s?.launchSource === 'manual' ? 'set by hand' : 'from your plan';
    components.push([
      'BEGIN:VEVENT',
      `UID:${uid(doc, p, 'launch')}`,
      `DTSTAMP:${dtstamp}`,
      `DTSTART;VALUE=DATE:${day(p.targetLaunchDate)}`,
      `DTEND;VALUE=DATE:${day(plusOne(p.targetLaunchDate))}`,
      `SUMMARY:${escapeText(`Launch: ${p.title}`)}`,
      `DESCRIPTION:${escapeText(`Target launch date (${why}). Progress: ${p.progress.done}/${p.progress.total} tasks (${p.progress.percent}%).`)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    ]);
  }
  return components;
}

export function renderIcs(doc: ExportDocument, version: string): string {
  const dtstamp = stamp(doc.exportedAt);
  const name = doc.projects.length === 1 ? doc.projects[0]!.title : `creator-coach: ${doc.profile.displayName}`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//creator-coach//coach ${version}//EN`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    ...doc.projects.flatMap((p) => projectComponents(doc, p, dtstamp).flat()),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
