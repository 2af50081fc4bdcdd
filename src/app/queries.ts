// Read use cases the CLI (and the UI) call instead of the store's repositories: one function per
// question a command asks, each returning the rows or views it prints.
import { existsSync } from 'node:fs';
import { dbPath } from '../config/paths.js';
import type { DetectorPlan } from '../detector/types.js';
import { planProgress, type PlanProgress } from '../plan/progress.js';
import type { CustomizedPlan } from '../plan/schema.js';
import { loadTemplate } from '../plan/templates.js';
import { listDecisions } from '../store/decisions.js';
import { allMessages, lastMessages } from '../store/messages.js';
import { findProfile, listProfiles } from '../store/profiles.js';
import { findCurrentProject, listProjects } from '../store/projects.js';
import type { DecisionCategory } from '../plan/schema.js';
import type { DecisionRow, MessageRow, ProfileRow, ProjectRow } from '../store/schema.js';
import { doneTaskIds, taskStates } from '../store/tasks.js';
import { parsePlan, requireProfile, requireProject, type AppContext } from './context.js';
import { resolvePhase } from './tasks.js';
import { allTasks, detectorPlanOf, projectView, taskView, type TaskView } from './views.js';

/** The profile named by --profile (or the default), or null. */
export function findCurrentProfile(ctx: AppContext): ProfileRow | null {
  return findProfile(ctx.store().db, ctx.profileHandle) ?? null;
}

export function allProfiles(ctx: AppContext): ProfileRow[] {
  return listProfiles(ctx.store().db);
}

/** The done task ids of a project. */
export function doneTasksOf(ctx: AppContext, projectId: number): Set<string> {
  return doneTaskIds(ctx.store().db, projectId);
}

/** Each task's stored state (done, note, dates) of a project, by task id. */
export function taskStatesOf(ctx: AppContext, projectId: number) {
  return taskStates(ctx.store().db, projectId);
}

/** The current project's tasks with their state, filtered as `coach tasks list` asks. */
export function taskList(ctx: AppContext, opts: { phase?: string; open?: boolean; done?: boolean } = {}): TaskView[] {
  const profile = requireProfile(ctx);
  const { row, plan } = requireProject(ctx, profile, { allowPaused: true });
  const phase = opts.phase === undefined ? undefined : plan.phases[resolvePhase(plan, opts.phase) - 1]!.id;
  const states = taskStates(ctx.store().db, row.id);
  return allTasks(plan)
    .filter((t) => phase === undefined || t.phaseId === phase)
    .map((t) => taskView(t, states.get(t.id)))
    .filter((t) => (opts.open ? !t.done : opts.done ? t.done : true));
}

export interface PlanState {
  row: ProjectRow;
  plan: CustomizedPlan;
  done: Set<string>;
  progress: PlanProgress;
}

/** The current project (paused too) with its done tasks and progress: `plan` and `project show`. */
export function currentPlan(ctx: AppContext): PlanState {
  const profile = requireProfile(ctx);
  const { row, plan } = requireProject(ctx, profile, { allowPaused: true });
  const done = doneTaskIds(ctx.store().db, row.id);
  return { row, plan, done, progress: planProgress(plan, done) };
}

/** Every project of the profile with its progress. */
export function projectList(ctx: AppContext, profile: ProfileRow) {
  const db = ctx.store().db;
  return listProjects(db, profile.id).map((r) => {
    const p = planProgress(parsePlan(r), doneTaskIds(db, r.id));
    return projectView(r, { done: p.done, total: p.total, percent: p.percent });
  });
}

/** The projects `coach export` covers: the current one, or all of them (oldest first). */
export function projectsToExport(ctx: AppContext, profile: ProfileRow, all: boolean): ProjectRow[] {
  const db = ctx.store().db;
  if (all) return listProjects(db, profile.id).sort((a, b) => a.id - b.id);
  const current = findCurrentProject(db, profile.id);
  return current ? [current] : [];
}

export function projectDecisions(ctx: AppContext, projectId: number, opts: { category?: DecisionCategory; includeSuperseded?: boolean }): DecisionRow[] {
  return listDecisions(ctx.store().db, projectId, opts);
}

export function projectMessages(ctx: AppContext, projectId: number, last?: number): MessageRow[] {
  const db = ctx.store().db;
  return last === undefined ? allMessages(db, projectId) : lastMessages(db, projectId, last);
}

/** What `coach detect` reads against: the current project's plan (read-only, never creating a store), else the shipped template. */
export function detectionPlan(ctx: AppContext): DetectorPlan {
  if (existsSync(dbPath(ctx.home))) {
    const db = ctx.store().db;
    const profile = findProfile(db, ctx.profileHandle);
    const project = profile ? findCurrentProject(db, profile.id) : null;
    if (project) {
      const p = parsePlan(project);
      return detectorPlanOf(p.phases, p.decisionPoints, doneTaskIds(db, project.id));
    }
  }
  const t = loadTemplate('premium-community', ctx.templatesDir);
  return detectorPlanOf(t.phases, t.decisionPoints);
}
