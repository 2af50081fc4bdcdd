// Writing a profile: create or update the --profile profile, and keep its project's dates true to it.
import { findProfile, upsertProfile, type ProfilePatch } from '../store/profiles.js';
import type { ProfileRow, ProjectRow } from '../store/schema.js';
import type { AppContext } from './context.js';
import { replanForHours, type LaunchMove } from './schedule.js';

export interface ProfileUpdate {
  profile: ProfileRow;
  created: boolean;
  /** Set when the hours per week changed: the current project's open tasks were re-planned (and maybe the launch moved). */
  replanned: { row: ProjectRow; move: LaunchMove | null } | null;
}

/**
 * Creates the profile named by --profile or updates it. With `mergePlatforms`, the patch's
 * platforms replace same-named ones and keep the others; without, they replace the list. A new
 * hours-per-week re-plans the current project's open tasks at that pace.
 */
export function updateProfile(ctx: AppContext, patch: ProfilePatch, opts: { mergePlatforms?: boolean } = {}): ProfileUpdate {
  const db = ctx.store().db;
  const before = findProfile(db, ctx.profileHandle);
  if (patch.platforms && opts.mergePlatforms) {
    const byName = new Map((before?.platforms ?? []).map((p) => [p.platform, p]));
    for (const p of patch.platforms) byName.set(p.platform, p);
    patch = { ...patch, platforms: [...byName.values()] };
  }
  const { profile, created } = upsertProfile(db, ctx.profileHandle, patch, ctx.now());
  const hoursChanged = !created && patch.hoursPerWeek !== undefined && before?.hoursPerWeek !== patch.hoursPerWeek;
  return { profile, created, replanned: hoursChanged ? replanForHours(ctx, profile) : null };
}
