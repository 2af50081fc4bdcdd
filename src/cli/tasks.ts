// coach tasks list|toggle|done|undo|note
import { Command } from 'commander';
import { requireProfile, requireProject, type AppContext } from '../app/context.js';
import { resolveTask, setTask, toggleTask } from '../app/tasks.js';
import { allTasks, taskView, type TaskView } from '../app/views.js';
import { dayOf } from '../app/schedule.js';
import { UsageError } from '../errors.js';
import { taskStates } from '../store/tasks.js';
import type { TaskCompletionRow } from '../store/schema.js';
import { dueCell } from './schedule-view.js';
import { FLAG_RANGES, act, examples, jsonOption, parseIntArg, type CommandEnv } from './shared.js';

export type ListedTask = TaskView & { overdue: boolean };

export function listTaskViews(ctx: AppContext, opts: { phase?: number; open?: boolean; done?: boolean } = {}): ListedTask[] {
  const profile = requireProfile(ctx);
  const { row, plan } = requireProject(ctx, profile, { allowPaused: true });
  if (opts.phase !== undefined && !plan.phases[opts.phase - 1]) {
    throw new UsageError(`no phase ${opts.phase}: this plan has phases 1–${plan.phases.length}`);
  }
  const states = taskStates(ctx.store().db, row.id);
  const today = dayOf(ctx.now());
  return allTasks(plan)
    .filter((t) => opts.phase === undefined || t.phaseId === plan.phases[opts.phase - 1]!.id)
    .map((t) => {
      const view = taskView(t, states.get(t.id));
      return { ...view, overdue: !view.done && view.dueDate !== null && view.dueDate < today };
    })
    .filter((t) => (opts.open ? !t.done : opts.done ? t.done : true));
}

function report({ out, json }: CommandEnv, view: TaskView, verb: string): void {
  if (json) out.json(view);
  else out.success(`${view.id} ${verb}: ${view.title}`);
}

/** Reports the row the change wrote (a fresh read could show another process's later change). */
function change(env: CommandEnv, rawId: string, apply: (ctx: AppContext, projectId: number, task: ReturnType<typeof resolveTask>) => TaskCompletionRow, verb: string): void {
  const { ctx } = env;
  const profile = requireProfile(ctx);
  const { row, plan } = requireProject(ctx, profile);
  const task = resolveTask(plan, rawId);
  report(env, taskView(task, apply(ctx, row.id, task)), verb);
}

export function registerTasks(program: Command): void {
  const tasks = program.command('tasks').description('the tasks of your plan: list, tick off, undo, add notes');
  examples(tasks, ['coach tasks list --open', 'coach tasks done t3', 'coach tasks note t7 "Skool group live, invite link in bio"']);

  examples(
    tasks.command('list').description('list tasks with their state')
      .option('--phase <n>', 'only phase N (1–4)')
      .option('--open', 'only tasks not done yet')
      .option('--done', 'only tasks done')
      .addOption(jsonOption()),
    ['coach tasks list', 'coach tasks list --phase 2 --open', 'coach tasks list --json | jq \'.[] | select(.overdue) | .dueDate\''],
  ).action(act(({ ctx, out, json }, opts: { phase?: string; open?: boolean; done?: boolean }) => {
    if (opts.open && opts.done) throw new UsageError('--open and --done cannot be used together');
    const phase = opts.phase === undefined ? undefined : parseIntArg('--phase', opts.phase, FLAG_RANGES.phase);
    const views = listTaskViews(ctx, { phase, open: opts.open, done: opts.done });
    if (json) return out.json(views);
    if (!views.length) return out.info('No tasks match.');
    const today = dayOf(ctx.now());
    out.line(out.table(['', 'ID', 'Phase', 'Task', 'Due', 'Note'], views.map((t) => [
      t.done ? out.green('✔') : t.overdue ? out.red('!') : '☐', t.id, t.phaseId, t.title, dueCell(out, t.dueDate, today, t.done), t.note ?? '',
    ]), { drop: [undefined, undefined, 2, undefined, 3, 1] }));
    const late = views.filter((t) => t.overdue).length;
    if (late) out.info(`${late} task${late === 1 ? ' is' : 's are'} overdue: \`coach week\` plans them first.`);
  }));

  examples(tasks.command('toggle').argument('<id>', 'task id, e.g. t3').option('--note <text>', 'also set a note').addOption(jsonOption())
    .description('flip a task between done and open'), ['coach tasks toggle t3', 'coach tasks toggle 3 --note "done with Jo"'])
    .action(act((env, id: string, opts: { note?: string }) => {
      change(env, id, (ctx, projectId, task) => toggleTask(ctx.store().db, projectId, task, opts.note, ctx.now()), 'toggled');
    }));

  examples(tasks.command('done').argument('<id>', 'task id, e.g. t3').option('--note <text>', 'also set a note').addOption(jsonOption())
    .description('mark a task done'), ['coach tasks done t3', 'coach tasks done t7 --note "launched to 40 founding members"'])
    .action(act((env, id: string, opts: { note?: string }) => {
      change(env, id, (ctx, projectId, task) => setTask(ctx.store().db, projectId, task, { done: true, source: 'manual', ...(opts.note !== undefined ? { note: opts.note } : {}) }, ctx.now()), 'done');
    }));

  examples(tasks.command('undo').argument('<id>', 'task id, e.g. t3').addOption(jsonOption())
    .description('mark a task open again'), ['coach tasks undo t3'])
    .action(act((env, id: string) => {
      change(env, id, (ctx, projectId, task) => setTask(ctx.store().db, projectId, task, { done: false, source: 'manual' }, ctx.now()), 'reopened');
    }));

  examples(tasks.command('note').argument('<id>', 'task id, e.g. t3').argument('<text>', 'the note ("" clears it)').addOption(jsonOption())
    .description('set or clear a task note'), ['coach tasks note t7 "Skool group live"', 'coach tasks note t7 ""'])
    .action(act((env, id: string, text: string) => {
      change(env, id, (ctx, projectId, task) => setTask(ctx.store().db, projectId, task, { note: text.trim() || null }, ctx.now()), 'note saved');
    }));
}
