// active_projects: one project per profile may be active (a partial unique index enforces it).
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from './db.js';
import { activeProjects, type ProjectRow } from './schema.js';

export type ProjectStatus = ProjectRow['status'];

export function findActiveProject(db: Db, profileId: number): ProjectRow | null {
  return db.select().from(activeProjects)
    .where(and(eq(activeProjects.profileId, profileId), eq(activeProjects.status, 'active')))
    .get() ?? null;
}

/** The project commands work on: the active one, else the most recently touched paused one. */
export function findCurrentProject(db: Db, profileId: number): ProjectRow | null {
  return findActiveProject(db, profileId) ?? db.select().from(activeProjects)
    .where(and(eq(activeProjects.profileId, profileId), eq(activeProjects.status, 'paused')))
    .orderBy(desc(activeProjects.updatedAt), desc(activeProjects.id))
    .get() ?? null;
}

export function findProject(db: Db, profileId: number, id: number): ProjectRow | null {
  return db.select().from(activeProjects)
    .where(and(eq(activeProjects.profileId, profileId), eq(activeProjects.id, id)))
    .get() ?? null;
}

export function listProjects(db: Db, profileId: number): ProjectRow[] {
  return db.select().from(activeProjects).where(eq(activeProjects.profileId, profileId)).orderBy(desc(activeProjects.id)).all();
}

export interface NewProject {
  profileId: number;
  templateId: string;
  title: string;
  customizedPlan: string;
  targetLaunchDate: string | null;
}

export function insertProject(db: Db, project: NewProject, now: number): ProjectRow {
  return db.insert(activeProjects).values({ ...project, status: 'active', createdAt: now, updatedAt: now }).returning().get();
}

export function updateProjectStatus(db: Db, id: number, status: ProjectStatus, now: number): ProjectRow {
  return db.update(activeProjects).set({ status, updatedAt: now }).where(eq(activeProjects.id, id)).returning().get()!;
}

export function isActiveProjectConflict(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e.code === 'SQLITE_CONSTRAINT_UNIQUE' && !!e.message?.includes('active_projects.profile_id');
}

export function getProject(db: Db, id: number): ProjectRow | null {
  return db.select().from(activeProjects).where(eq(activeProjects.id, id)).get() ?? null;
}

/** Writes a re-planned `customized_plan` and the launch date it gives. */
export function updateProjectPlan(db: Db, id: number, change: { customizedPlan: string; targetLaunchDate: string | null }, now: number): ProjectRow {
  return db.update(activeProjects).set({ ...change, updatedAt: now }).where(eq(activeProjects.id, id)).returning().get()!;
}

/** Writes the business-number check-ins (JSON, validated by the caller: plan/metrics.ts). */
export function updateProjectMetrics(db: Db, id: number, metrics: string, now: number): ProjectRow {
  return db.update(activeProjects).set({ metrics, updatedAt: now }).where(eq(activeProjects.id, id)).returning().get()!;
}
