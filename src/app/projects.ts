// Starting and moving projects through their statuses.
import { article } from '../util/words.js';
import { UsageError } from '../errors.js';
import { personalise, type ProfileForPlan } from '../plan/personalise.js';
import { loadTemplate } from '../plan/templates.js';
import { writeTx, type Db } from '../store/db.js';
import { findActiveProject, insertProject, isActiveProjectConflict, listProjects, updateProjectStatus, type ProjectStatus } from '../store/projects.js';
import type { ProfileRow, ProjectRow } from '../store/schema.js';
import type { AppContext, StoreContext } from './context.js';
import { startSchedule } from './schedule.js';

export function profileForPlan(p: ProfileRow): ProfileForPlan {
  return {
    displayName: p.displayName,
    niche: p.niche,
    platforms: p.platforms,
    totalAudience: p.totalAudience,
    currentMonthlyIncomeUSD: p.currentMonthlyIncomeCents == null ? null : p.currentMonthlyIncomeCents / 100,
    incomeGoalUSD: p.incomeGoalCents == null ? null : p.incomeGoalCents / 100,
    hoursPerWeek: p.hoursPerWeek,
    experienceLevel: p.experienceLevel,
  };
}

function conflict(active: ProjectRow): UsageError {
  return new UsageError(`profile already has an active project: "${active.title}" (#${active.id})`, {
    hint: 'pause, complete or abandon it first: `coach project pause`',
  });
}

export function startProject(ctx: AppContext, profile: ProfileRow, opts: { templateId: string; title?: string }): ProjectRow {
  const db = ctx.store().db;
  const active = findActiveProject(db, profile.id);
  if (active) throw conflict(active);
  const template = loadTemplate(opts.templateId, ctx.templatesDir);
  const personalised = personalise(template, profileForPlan(profile), new Date(ctx.now()));
  const { plan, targetLaunchDate } = startSchedule(personalised.plan, ctx.now());
  const title = opts.title?.trim() || `${template.opportunity.title}${profile.niche ? ` for ${profile.niche}` : ''}`;
  try {
    return insertProject(db, { profileId: profile.id, templateId: template.id, title, customizedPlan: JSON.stringify(plan), targetLaunchDate }, ctx.now());
  } catch (err) {
    // Another process started one between our check and the insert: the index said no.
    if (isActiveProjectConflict(err)) throw conflict(findActiveProject(db, profile.id) ?? ({ title: 'another project', id: 0 } as ProjectRow));
    throw err;
  }
}

const TRANSITIONS: Record<'pause' | 'resume' | 'complete' | 'abandon', { from: ProjectStatus[]; to: ProjectStatus }> = {
  pause: { from: ['active'], to: 'paused' },
  resume: { from: ['paused'], to: 'active' },
  complete: { from: ['active', 'paused'], to: 'completed' },
  abandon: { from: ['active', 'paused'], to: 'abandoned' },
};

export type ProjectAction = keyof typeof TRANSITIONS;

const DONE: Record<ProjectAction, string> = { pause: 'paused', resume: 'resumed', complete: 'completed', abandon: 'abandoned' };

/** The project is where the action would take it already (paused, completed …): nothing to do. */
export function isAlready(action: ProjectAction, project: Pick<ProjectRow, 'status'>): boolean {
  return project.status === TRANSITIONS[action].to;
}

/** Checks and moves in one IMMEDIATE transaction: two processes cannot both make the same move. */
export function moveProject(ctx: StoreContext, profile: ProfileRow, action: ProjectAction, projectId: number | undefined): ProjectRow {
  const now = ctx.now();
  return writeTx(ctx.store().db, (tx) => moveProjectIn(tx, profile, action, projectId, now));
}

/** The project an action would move (the given one, else the current one it applies to); throws when there is none. */
export function projectToMove(ctx: Pick<AppContext, 'store'>, profile: ProfileRow, action: ProjectAction, projectId: number | undefined): ProjectRow {
  return targetOf(ctx.store().db, profile, action, projectId);
}

function targetOf(db: Db, profile: ProfileRow, action: ProjectAction, projectId: number | undefined): ProjectRow {
  const { from, to } = TRANSITIONS[action];
  const candidates = listProjects(db, profile.id);
  // Without an id: the one the action applies to, else (pause, resume) the one already there.
  const project = projectId !== undefined
    ? candidates.find((p) => p.id === projectId)
    : candidates.find((p) => from.includes(p.status)) ?? candidates.find((p) => p.status === to && (to === 'paused' || to === 'active'));
  if (!project) {
    throw new UsageError(projectId !== undefined ? `no project #${projectId} for profile "${profile.handle}"` : `no ${from.join(' or ')} project to ${action}`, {
      hint: 'see your projects with `coach project list`',
    });
  }
  if (!from.includes(project.status) && project.status !== to) {
    throw new UsageError(`project #${project.id} is ${project.status}: only ${article(from.join(' or '))} project can be ${DONE[action]}`);
  }
  return project;
}

function moveProjectIn(db: Db, profile: ProfileRow, action: ProjectAction, projectId: number | undefined, now: number): ProjectRow {
  const { to } = TRANSITIONS[action];
  const project = targetOf(db, profile, action, projectId);
  if (project.status === to) return project;
  if (to === 'active') {
    const active = findActiveProject(db, profile.id);
    if (active) throw conflict(active);
  }
  try {
    return updateProjectStatus(db, project.id, to, now);
  } catch (err) {
    if (isActiveProjectConflict(err)) throw conflict(findActiveProject(db, profile.id)!);
    throw err;
  }
}
