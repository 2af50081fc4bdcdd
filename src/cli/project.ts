// coach project start|show|list|pause|resume|complete|abandon, and coach plan
import { Command } from 'commander';
import { parsePlan, requireProfile, requireProject } from '../app/context.js';
import { isAlready, moveProject, projectToMove, startProject, type ProjectAction } from '../app/projects.js';
import { UsageError } from '../errors.js';
import { projectView } from '../app/views.js';
import { planProgress } from '../plan/progress.js';
import { doneTasksOf, projectList } from '../app/queries.js';
import { FLAG_RANGES, act, commandLine, confirm, examples, interactive, jsonOption, parseIntArg } from './shared.js';
import { CANCEL_EXIT } from './lifecycle.js';
import { dueCell, launchInfo, launchMovedLine, numbersTrend, progressBar } from './schedule-view.js';
import { dayOf, setLaunchDate } from '../app/schedule.js';
import { checkInsOf } from '../app/metrics.js';
import { phaseDates, shortDay } from '../plan/schedule.js';
import { parseDay } from '../util/dates.js';

export function registerProject(program: Command): void {
  const project = program.command('project').description('your project: one personalised plan at a time');
  examples(project, ['coach project start', 'coach project show', 'coach project pause']);

  examples(
    project.command('start').description('start a project from a plan template, personalised to your profile')
      .option('--template <id>', 'template id (see `coach templates list`)', 'premium-community')
      .option('--title <text>', 'project title')
      .option('--offline', 'use the offline coach for the welcome message, even with an API key')
      .addOption(jsonOption()),
    ['coach project start', 'coach project start --title "Sourdough Circle" --offline', 'coach project start --template my-course'],
  ).action(act(async ({ ctx, out, json }, opts: { template: string; title?: string; offline?: boolean }) => {
    const profile = requireProfile(ctx);
    const row = startProject(ctx, profile, { templateId: opts.template, title: opts.title });
    const plan = parsePlan(row);
    const { welcomeProject } = await import('../app/welcome.js');
    const welcome = await welcomeProject(ctx, profile, row, { offline: !!opts.offline, onStatus: (s) => out.info(s) });
    if (json) return out.json({ ...projectView(row), welcome: { text: welcome.text, model: welcome.model } });
    out.success(`Started "${row.title}" (#${row.id}) — target launch ${row.targetLaunchDate ?? 'open'}`);
    const band = plan.personalisation.priceBand;
    out.line(out.bold(`Suggested price: $${band.suggested}/month`) + out.dim(` (band $${band.low}–$${band.high})`));
    out.line(`Timeline: ${plan.personalisation.timelineWeeks} weeks at ${plan.personalisation.hoursPerWeek} h/week`);
    out.line('');
    out.line(welcome.label ? `${out.cyan(welcome.label)}\n${welcome.text}` : welcome.text);
  }));

  examples(project.command('show').description('the current project with progress').addOption(jsonOption()), ['coach project show', 'coach project show --json'])
    .action(act(({ ctx, out, json }) => {
      const profile = requireProfile(ctx);
      const { row, plan } = requireProject(ctx, profile, { allowPaused: true });
      const progress = planProgress(plan, doneTasksOf(ctx, row.id));
      const launch = launchInfo(plan, doneTasksOf(ctx, row.id), dayOf(ctx.now()));
      if (json) return out.json({ ...projectView(row, { done: progress.done, total: progress.total, percent: progress.percent }), personalisation: plan.personalisation, currentPhase: progress.currentPhase.id, schedule: plan.schedule ?? null, neededHoursPerWeek: launch.neededHoursPerWeek });
      out.line(`${out.bold(row.title)} ${out.dim(`#${row.id} · ${row.status} · template ${row.templateId}`)}`);
      out.line(`Target launch: ${row.targetLaunchDate ?? '—'}   Progress: ${progressBar(out, progress.percent / 100)} ${progress.done}/${progress.total} (${progress.percent}%)`);
      for (const l of launch.lines) out.line(l);
      out.line(`Current phase: ${progress.currentPhase.title}`);
      const band = plan.personalisation.priceBand;
      out.line(`Suggested price: $${band.suggested}/month (band $${band.low}–$${band.high})`);
      for (const s of plan.personalisation.platformSuggestions.slice(0, 2)) out.line(`Platform idea: ${s.platform} — ${s.reason}`);
    }));

  examples(project.command('list').description('all projects of the profile').addOption(jsonOption()), ['coach project list', 'coach project list --json'])
    .action(act(({ ctx, out, json }) => {
      const profile = requireProfile(ctx);
      const rows = projectList(ctx, profile);
      if (json) return out.json(rows);
      if (!rows.length) return out.info('No projects yet: `coach project start`.');
      out.line(out.table(['#', 'Title', 'Status', 'Progress', 'Launch'], rows.map((r) => [r.id, r.title, r.status, `${r.progress!.percent}%`, r.targetLaunchDate ?? '']), { drop: [undefined, undefined, 3, 2, 1] }));
    }));

  examples(
    project.command('set').description('change the current project: its launch date (open tasks are re-planned to it)')
      .requiredOption('--launch <date>', 'target launch date, YYYY-MM-DD (today or later)')
      .addOption(jsonOption()),
    ['coach project set --launch 2027-03-03', 'coach project set --launch 20270303 --json'],
  ).action(act(({ ctx, out, json }, opts: { launch: string }) => {
    const date = parseDay(opts.launch, '--launch');
    const profile = requireProfile(ctx);
    const { row } = requireProject(ctx, profile, { allowPaused: true });
    const result = setLaunchDate(ctx, row, date);
    if (json) return out.json({ ...projectView(result.row), schedule: result.plan.schedule ?? null });
    out.success(launchMovedLine(result.move));
  }));

  const moves: [ProjectAction, string, string][] = [
    ['pause', 'pause the active project', 'coach project pause'],
    ['resume', 'resume a paused project', 'coach project resume'],
    ['complete', 'mark the project completed (asks first; --yes when not in a terminal)', 'coach project complete'],
    ['abandon', 'abandon the project (asks first; --yes when not in a terminal)', 'coach project abandon'],
  ];
  // Completing or abandoning cannot be undone from the CLI: ask in a terminal, else require --yes.
  const FINAL = new Set<ProjectAction>(['complete', 'abandon']);
  for (const [action, description, example] of moves) {
    const cmd = project.command(action).description(description).argument('[id]', 'project id (default: the current one)').addOption(jsonOption());
    if (FINAL.has(action)) cmd.option('-y, --yes', 'do it without asking (needed when not in a terminal)');
    examples(cmd, FINAL.has(action) ? [example, `${example} 3 --yes`] : [example, `${example} 3`])
      .action(act(async ({ ctx, out, json }, id: string | undefined, opts: { yes?: boolean }) => {
        const profile = requireProfile(ctx);
        const projectId = id === undefined ? undefined : parseIntArg('project id', id, FLAG_RANGES.id);
        const target = projectToMove(ctx, profile, action, projectId);
        // Already there (gh's "already closed"): said, nothing changed, exit 0.
        if (isAlready(action, target)) {
          if (json) return out.json(projectView(target));
          out.info(`Project "${target.title}" (#${target.id}) is already ${target.status}.`);
          return;
        }
        if (FINAL.has(action) && !opts.yes) {
          const what = `${action} project "${target.title}" (#${target.id})`;
          if (!interactive()) throw new UsageError(`${what}: not confirmed`, { hint: `run it in a terminal, or add --yes: \`${commandLine(ctx, `project ${action} ${target.id} --yes`)}\`` });
          const answer = await confirm(`${what[0]!.toUpperCase()}${what.slice(1)}? This cannot be undone. [y/N] `);
          if (answer === 'no answer') throw new UsageError(`${what}: not confirmed (no answer)`, { hint: `answer y, or add --yes: \`${commandLine(ctx, `project ${action} ${target.id} --yes`)}\`` });
          if (answer === 'interrupted') {
            out.info('Cancelled: nothing changed.');
            process.exitCode = CANCEL_EXIT.SIGINT;
            return;
          }
          if (answer === 'no') {
            out.info('Nothing changed.');
            return;
          }
        }
        const row = moveProject(ctx, profile, action, projectId);
        if (json) return out.json(projectView(row));
        out.success(`Project "${row.title}" is now ${row.status}`);
      }));
  }

  examples(program.command('plan').description('phases, tasks and progress of the current project').addOption(jsonOption()), ['coach plan', 'coach plan --json'])
    .action(act(({ ctx, out, json }) => {
      const profile = requireProfile(ctx);
      const { row, plan } = requireProject(ctx, profile, { allowPaused: true });
      const done = doneTasksOf(ctx, row.id);
      const progress = planProgress(plan, done);
      if (json) return out.json({ project: projectView(row), progress: { done: progress.done, total: progress.total, percent: progress.percent, currentPhase: progress.currentPhase.id, phases: progress.phases }, plan });
      out.line(row.title === plan.opportunity.title ? out.bold(row.title) : `${out.bold(plan.opportunity.title)} — ${row.title}`);
      out.line(`${progressBar(out, progress.percent / 100, 20)} ${progress.done}/${progress.total} tasks (${progress.percent}%) · launch target ${row.targetLaunchDate ?? '—'}`);
      const today = dayOf(ctx.now());
      const dates = new Map(phaseDates(plan).map((d) => [d.phaseId, d]));
      for (const phase of plan.phases) {
        const p = progress.phases.find((x) => x.phaseId === phase.id)!;
        const current = phase.id === progress.currentPhase.id;
        out.line('');
        const d = dates.get(phase.id);
        const span = d ? `${shortDay(d.from, today)} → ${shortDay(d.to, today)}` : `weeks ${phase.startWeek}–${phase.endWeek}`;
        out.line(`${current ? out.cyan('▶ ') : '  '}${out.bold(`${phase.id.toUpperCase()} ${phase.title}`)}  ${progressBar(out, p.percent / 100)} ${p.done}/${p.total}  ${out.dim(span)}`);
        for (const t of phase.tasks) {
          const isDone = done.has(t.id);
          out.line(`    ${isDone ? out.green('✓') : '☐'} ${t.id.padEnd(4)}${t.title} ${out.dim(`(${t.hours} h)`)} ${dueCell(out, t.dueDate ?? null, today, isDone)}`.trimEnd());
        }
      }
      const trend = numbersTrend(out, checkInsOf(row));
      if (trend.length) {
        out.line('');
        out.line(out.bold('Numbers') + out.dim('  (`coach metrics`)'));
        for (const l of trend) out.line(`  ${l}`);
      }
    }));
}
