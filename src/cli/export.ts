// coach export [--format md|json] [-o FILE] [--force] [--all]
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { requireProfile } from '../app/context.js';
import { buildExport, renderMarkdown, writeFileAtomic } from '../app/export.js';
import { UsageError } from '../errors.js';
import { findCurrentProject, listProjects } from '../store/projects.js';
import { parseTimeZone, systemTimeZone } from '../util/dates.js';
import { act, examples } from './shared.js';

interface ExportFlags {
  format?: string;
  output?: string;
  force?: boolean;
  all?: boolean;
  timezone?: string;
}

function formatOf(flags: ExportFlags): 'md' | 'json' {
  if (flags.format === undefined) return flags.output?.toLowerCase().endsWith('.json') ? 'json' : 'md';
  const f = flags.format.trim().toLowerCase();
  if (f === 'md' || f === 'markdown') return 'md';
  if (f === 'json') return 'json';
  throw new UsageError(`--format must be md or json, got "${flags.format}"`);
}

export function registerExport(program: Command): void {
  const cmd = program
    .command('export')
    .description('everything about your project in one file: profile, plan and progress, decisions (with history), notes, chat')
    .addOption(new Option('--format <format>', 'md (for people) or json (lossless); default md, or json when FILE ends in .json'))
    .option('-o, --output <file>', 'write to FILE (atomically, mode 0600) instead of stdout')
    .option('--force', 'overwrite FILE if it exists')
    .option('--all', 'every project of the profile (default: the current one)')
    .option('--timezone <zone>', 'IANA time zone for the times in Markdown (default: TZ, else the system zone)');
  examples(cmd, [
    'coach export > my-community.md',
    'coach export --format json -o backup.json',
    'coach export --all -o everything.md --force',
  ]);
  cmd.action(act(({ ctx, out }, flags: ExportFlags) => {
    const format = formatOf(flags);
    const timeZone = flags.timezone === undefined ? systemTimeZone() : parseTimeZone(flags.timezone);
    const profile = requireProfile(ctx);
    const db = ctx.store().db;
    const current = findCurrentProject(db, profile.id);
    const projects = flags.all ? listProjects(db, profile.id).sort((a, b) => a.id - b.id) : current ? [current] : [];
    if (!projects.length) out.warn(`profile "${profile.handle}" has no ${flags.all ? '' : 'current '}project: exporting the profile only`);
    const doc = buildExport(db, profile, projects, ctx.now());
    const text = format === 'json' ? `${JSON.stringify(doc, null, 2)}\n` : renderMarkdown(doc, timeZone);
    if (!flags.output || flags.output === '-') return out.raw(text);
    const file = resolve(flags.output);
    writeFileAtomic(file, text, { force: flags.force });
    const counts = doc.projects.reduce((s, p) => ({ d: s.d + p.decisions.length, m: s.m + p.messages.length }), { d: 0, m: 0 });
    out.success(`Exported ${doc.projects.length} project(s), ${counts.d} decision(s), ${counts.m} message(s) to ${file} (${format}, mode 0600)`);
  }));
}
