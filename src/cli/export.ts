// coach export [--format md|json|ics|html] [-o FILE] [--force] [--all]
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { requireProfile } from '../app/context.js';
import { buildExport, renderMarkdown, writeFileAtomic, type ExportDocument } from '../app/export.js';
import { renderIcs } from '../app/ics.js';
import { htmlReportOf } from '../app/html-report.js';
import { UsageError } from '../errors.js';
import { projectsToExport } from '../app/queries.js';
import { parseTimeZone, systemTimeZone } from '../util/dates.js';
import { jsonText } from './output.js';
import { act, examples, jsonOption, offering } from './shared.js';
import { VERSION } from './version.js';
import { count } from '../util/words.js';

interface ExportFlags {
  format?: string;
  json?: boolean;
  output?: string;
  force?: boolean;
  all?: boolean;
  timezone?: string;
}

type Format = 'md' | 'json' | 'ics' | 'html';

function formatOf(flags: ExportFlags): Format {
  // --json is --format json, as on every other command that prints data.
  if (flags.json) {
    if (flags.format !== undefined && flags.format.trim().toLowerCase() !== 'json') throw new UsageError(`--json and --format ${flags.format} disagree`);
    return 'json';
  }
  if (flags.format === undefined) {
    const ext = /\.(json|ics|html?)$/i.exec(flags.output ?? '')?.[1]?.toLowerCase();
    return ext === 'json' ? 'json' : ext === 'ics' ? 'ics' : ext === 'html' || ext === 'htm' ? 'html' : 'md';
  }
  const f = flags.format.trim().toLowerCase();
  if (f === 'md' || f === 'markdown') return 'md';
  if (f === 'json' || f === 'ics' || f === 'html') return f;
  throw new UsageError(`--format must be md, json, ics or html, got "${flags.format}"`);
}

function render(format: Format, doc: ExportDocument, timeZone: string, html: () => string): string {
  if (format === 'json') return `${jsonText(doc)}\n`;
  if (format === 'ics') return renderIcs(doc, VERSION);
  if (format === 'html') return html();
  return renderMarkdown(doc, timeZone);
}

export function registerExport(program: Command): void {
  const cmd = program
    .command('export')
    .description('everything about your project in one file: profile, plan and progress, decisions (with history), notes, chat')
    .addOption(offering(new Option('--format <format>', 'md (for people), json (lossless), ics (calendar: tasks with due dates, the launch) or html (a report with charts); default from FILE\'s extension, else md'), ['md', 'json', 'ics', 'html']))
    .option('-o, --output <file>', 'write to FILE (atomically, mode 0600) instead of stdout')
    .option('--force', 'overwrite FILE if it exists')
    .option('--all', 'every project of the profile (default: the current one)')
    .option('--timezone <zone>', 'IANA time zone for the times in Markdown (default: TZ, else the system zone)')
    .addOption(jsonOption());
  examples(cmd, [
    'coach export > my-community.md',
    'coach export --format json -o backup.json',
    'coach export --format ics -o launch-plan.ics',
    'coach export --format html -o report.html',
  ]);
  cmd.action(act(({ ctx, out }, flags: ExportFlags) => {
    const format = formatOf(flags);
    const timeZone = flags.timezone === undefined ? systemTimeZone() : parseTimeZone(flags.timezone);
    const profile = requireProfile(ctx);
    const projects = projectsToExport(ctx, profile, !!flags.all);
    if (!projects.length) out.warn(`profile "${profile.handle}" has no ${flags.all ? '' : 'current '}project: exporting the profile only`);
    const doc = buildExport(ctx, profile, projects);
    const text = render(format, doc, timeZone, () => {
      if (flags.all || projects.length !== 1) throw new UsageError(flags.all ? 'the html report covers one project: drop --all' : `profile "${profile.handle}" has no project to report on`);
      return htmlReportOf(ctx, doc, projects[0]!);
    });
    if (!flags.output || flags.output === '-') return out.raw(text);
    const file = resolve(flags.output);
    writeFileAtomic(file, text, { force: flags.force });
    if (format === 'ics') {
      const tasks = doc.projects.reduce((n, p) => n + p.plan.phases.reduce((m, ph) => m + ph.tasks.length, 0), 0);
      return out.success(`Exported ${count(tasks, 'task')} with due dates and ${count(doc.projects.filter((p) => p.targetLaunchDate).length, 'launch date')} to ${file} (ics, mode 0600)`);
    }
    const counts = doc.projects.reduce((s, p) => ({ d: s.d + p.decisions.length, m: s.m + p.messages.length }), { d: 0, m: 0 });
    out.success(`Exported ${count(doc.projects.length, 'project')}, ${count(counts.d, 'decision')}, ${count(counts.m, 'message')} to ${file} (${format}, mode 0600)`);
  }));
}
