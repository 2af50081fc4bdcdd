// coach tasks list|toggle|done|undo|note
import { Command } from 'commander';
import { requireProfile, requireProject, type AppContext } from '../app/context.js';
import { markTasks, resolvePhase, resolveTask, resolveTasks, setTask, toggleTask, type TaskOutcome } from '../app/tasks.js';
import { allTasks, taskView, type TaskView } from '../app/views.js';
import { dayOf } from '../app/schedule.js';
import { UsageError } from '../errors.js';
import { taskStatesOf } from '../app/queries.js';
import { dueCell } from './schedule-view.js';
import { act, examples, jsonOption, type CommandEnv } from './shared.js';

export type ListedTask = TaskView & { overdue: boolean };

export function listTaskViews(ctx: AppContext, opts: { phase?: string; open?: boolean; done?: boolean } = {}): ListedTask[] {
  const profile = requireProfile(ctx);
  const { row, plan } = requireProject(ctx, profile, { allowPaused: true });
  const phase = opts.phase === undefined ? undefined : plan.phases[resolvePhase(plan, opts.phase) - 1]!.id;
  const states = taskStatesOf(ctx, row.id);
  const today = dayOf(ctx.now());
  return allTasks(plan)
    .filter((t) => phase === undefined || t.phaseId === phase)
    .map((t) => {
      const view = taskView(t, states.get(t.id));
      return { ...view, overdue: !view.done && view.dueDate !== null && view.dueDate < today };
    })
    .filter((t) => (opts.open ? !t.done : opts.done ? t.done : true));
}

/** One task: its view with `changed`; several: an array of those (stable shapes, see README). */
function report({ out, json }: CommandEnv, outcomes: TaskOutcome[], said: (o: TaskOutcome, view: TaskView) => string): void {
  const views = outcomes.map((o) => ({ ...taskView(o.task, o.row ?? undefined), changed: o.changed }));
  if (json) return out.json(views.length === 1 ? views[0] : views);
  outcomes.forEach((o, i) => (o.changed ? out.success(said(o, views[i]!)) : out.info(said(o, views[i]!))));
}

function withProject(env: CommandEnv) {
  const profile = requireProfile(env.ctx);
  return requireProject(env.ctx, profile);
}

const IDS_HELP = 'task ids (t3 or 3), ranges (t3-t5) or the start of a title';

export function registerTasks(program: Command): void {
  const tasks = program.command('tasks').description('the tasks of your plan: list, tick off, undo, add notes');
  examples(tasks, ['coach tasks list --open', 'coach tasks done t3 t4', 'coach tasks note t7 "Skool group live, invite link in bio"']);

  examples(
    tasks.command('list').description('list tasks with their state')
      .option('--phase <p>', 'only one phase: p2 (as the table shows it) or 2')
      .option('--open', 'only tasks not done yet')
      .option('--done', 'only tasks done')
      .addOption(jsonOption()),
    ['coach tasks list', 'coach tasks list --phase p2 --open', 'coach tasks list --json | jq \'.[] | select(.overdue) | .dueDate\''],
  ).action(act(({ ctx, out, json }, opts: { phase?: string; open?: boolean; done?: boolean }) => {
    if (opts.open && opts.done) throw new UsageError('--open and --done cannot be used together');
    const views = listTaskViews(ctx, opts);
    if (json) return out.json(views);
    if (!views.length) return out.info('No tasks match.');
    const today = dayOf(ctx.now());
    out.line(out.table(['', 'ID', 'Phase', 'Task', 'Due', 'Note'], views.map((t) => [
      t.done ? out.green('✓') : t.overdue ? out.red('!') : '☐', t.id, t.phaseId, t.title, dueCell(out, t.dueDate, today, t.done), t.note ?? '',
    ]), { drop: [undefined, undefined, 2, undefined, 3, 1] }));
    const late = views.filter((t) => t.overdue).length;
    if (late) out.info(`${late} task${late === 1 ? ' is' : 's are'} overdue: \`coach week\` plans them first.`);
  }));

  examples(tasks.command('toggle').argument('<ids...>', IDS_HELP).option('--note <text>', 'also set a note').addOption(jsonOption())
    .description('flip tasks between done and open, and say which they are now'), ['coach tasks toggle t3', 'coach tasks toggle 3 --note "done with Jo"'])
    .action(act((env, ids: string[], opts: { note?: string }) => {
      const { row, plan } = withProject(env);
      const { ctx } = env;
      const outcomes = resolveTasks(plan, ids).map((task) => ({ task, row: toggleTask(ctx, row.id, task, opts.note), changed: true }));
      report(env, outcomes, (_o, v) => `${v.id} is now ${v.done ? 'done' : 'open'}: ${v.title}`);
    }));

  examples(tasks.command('done').argument('<ids...>', IDS_HELP).option('--note <text>', 'also set a note').addOption(jsonOption())
    .description('mark tasks done'), ['coach tasks done t3', 'coach tasks done t3 t4', 'coach tasks done t3-t5', 'coach tasks done t7 --note "launched to 40 founding members"'])
    .action(act((env, ids: string[], opts: { note?: string }) => {
      const { row, plan } = withProject(env);
      const outcomes = markTasks(env.ctx, row.id, resolveTasks(plan, ids), { done: true, note: opts.note });
      report(env, outcomes, (o, v) => (o.changed ? `${v.id} done: ${v.title}` : `${v.id} was already done: ${v.title}`));
    }));

  examples(tasks.command('undo').argument('<ids...>', IDS_HELP).addOption(jsonOption())
    .description('mark tasks open again'), ['coach tasks undo t3', 'coach tasks undo t3-t5'])
    .action(act((env, ids: string[]) => {
      const { row, plan } = withProject(env);
      const outcomes = markTasks(env.ctx, row.id, resolveTasks(plan, ids), { done: false });
      report(env, outcomes, (o, v) => (o.changed ? `${v.id} reopened: ${v.title}` : `${v.id} was not done: ${v.title}`));
    }));

  examples(tasks.command('note').argument('<id>', 'task id (t3 or 3) or the start of its title').argument('<text>', 'the note ("" clears it)').addOption(jsonOption())
    .description('set or clear a task note'), ['coach tasks note t3 "Skool group live"', 'coach tasks note t3 ""'])
    .action(act((env, id: string, text: string) => {
      const { row, plan } = withProject(env);
      const task = resolveTask(plan, id);
      const saved = setTask(env.ctx, row.id, task, { note: text.trim() || null });
      report(env, [{ task, row: saved, changed: true }], (_o, v) => `${v.id} note ${v.note ? 'saved' : 'cleared'}: ${v.title}`);
    }));
}
