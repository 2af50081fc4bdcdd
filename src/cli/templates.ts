// coach templates list|show|validate
import { Command } from 'commander';
import { listTemplates, loadTemplate, validateTemplateFile } from '../plan/templates.js';
import { act, examples, jsonOption } from './shared.js';
import { count } from '../util/words.js';

export function registerTemplates(program: Command): void {
  const templates = program.command('templates').description('plan templates: the shipped ones and your own');
  examples(templates, ['coach templates list', 'coach templates show premium-community', 'coach templates validate ./my-template.json']);

  examples(templates.command('list').description('templates you can start a project from').addOption(jsonOption()), ['coach templates list', 'coach templates list --json'])
    .action(act(({ ctx, out, json }) => {
      const { templates: entries, problems } = listTemplates(ctx.templatesDir);
      for (const p of problems) out.warn(`skipped ${p.message}`);
      const rows = entries.map((e) => ({
        id: e.id, title: e.template.opportunity.title, category: e.template.opportunity.category, origin: e.origin, path: e.path,
        phases: e.template.phases.length, tasks: e.template.phases.reduce((n, p) => n + p.tasks.length, 0),
      }));
      if (json) return out.json(rows);
      out.line(out.table(['ID', 'Title', 'Phases', 'Tasks', 'From'], rows.map((r) => [r.id, r.title, r.phases, r.tasks, r.origin]), { drop: [undefined, undefined, 2, 3, 1] }));
      out.info(`Your own templates go in ${ctx.templatesDir} (format: see README).`);
    }));

  examples(templates.command('show').argument('<id>', 'template id').description('phases and tasks of a template').addOption(jsonOption()), ['coach templates show premium-community', 'coach templates show premium-community --json'])
    .action(act(({ ctx, out, json }, id: string) => {
      const t = loadTemplate(id, ctx.templatesDir);
      if (json) return out.json(t);
      out.line(out.bold(t.opportunity.title) + out.dim(` (${t.id})`));
      out.line(t.opportunity.summary);
      out.line(`Revenue: $${t.opportunity.revenueRangeUSD.min.toLocaleString('en-US')}–$${t.opportunity.revenueRangeUSD.max.toLocaleString('en-US')}/${t.opportunity.revenueRangeUSD.period} · ${t.opportunity.timelineWeeks.min}–${t.opportunity.timelineWeeks.max} weeks`);
      for (const phase of t.phases) {
        out.line('');
        out.line(out.bold(`${phase.id.toUpperCase()} ${phase.title}`) + ` — ${phase.goal}`);
        for (const task of phase.tasks) out.line(`  ${task.id.padEnd(4)}${task.title} ${out.dim(`(${task.hours} h, $${task.costUSD.min}–$${task.costUSD.max})`)}`);
      }
    }));

  examples(templates.command('validate').argument('<file>', 'template JSON file').description('check a template file against the schema').addOption(jsonOption()), ['coach templates validate ./my-template.json'])
    .action(act(({ out, json }, file: string) => {
      const t = validateTemplateFile(file);
      const tasks = t.phases.reduce((n, p) => n + p.tasks.length, 0);
      if (json) return out.json({ valid: true, id: t.id, phases: t.phases.length, tasks });
      out.success(`${file} is a valid template "${t.id}" (${count(t.phases.length, 'phase')}, ${count(tasks, 'task')})`);
    }));
}
