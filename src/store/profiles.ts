// creator_profiles: the local "user".
import { asc, eq } from 'drizzle-orm';
import type { Db } from './db.js';
import { creatorProfiles, type PlatformPresence, type ProfileRow } from './schema.js';

export type ExperienceLevel = 'beginner' | 'intermediate' | 'advanced';

export interface ProfilePatch {
  displayName?: string;
  niche?: string | null;
  platforms?: PlatformPresence[];
  currentMonthlyIncomeCents?: number | null;
  incomeGoalCents?: number | null;
  hoursPerWeek?: number | null;
  experienceLevel?: ExperienceLevel | null;
  goals?: string | null;
}

export function findProfile(db: Db, handle: string): ProfileRow | null {
  return db.select().from(creatorProfiles).where(eq(creatorProfiles.handle, handle)).get() ?? null;
}

export function listProfiles(db: Db): ProfileRow[] {
  return db.select().from(creatorProfiles).orderBy(asc(creatorProfiles.handle)).all();
}

export function totalAudienceOf(platforms: PlatformPresence[]): number {
  return platforms.reduce((sum, p) => sum + p.followers, 0);
}

/** Creates the profile on first use, otherwise changes only the given fields. */
export function upsertProfile(db: Db, handle: string, patch: ProfilePatch, now: number): { profile: ProfileRow; created: boolean } {
  return db.transaction((tx) => {
    const existing = tx.select().from(creatorProfiles).where(eq(creatorProfiles.handle, handle)).get();
    const audience = patch.platforms ? { totalAudience: totalAudienceOf(patch.platforms) } : {};
    if (!existing) {
      const profile = tx
        .insert(creatorProfiles)
        .values({ handle, displayName: patch.displayName ?? handle, ...patch, ...audience, createdAt: now, updatedAt: now })
        .returning()
        .get();
      return { profile, created: true };
    }
    const profile = tx
      .update(creatorProfiles)
      .set({ ...patch, ...audience, updatedAt: now })
      .where(eq(creatorProfiles.id, existing.id))
      .returning()
      .get();
    return { profile, created: false };
  }, { behavior: 'immediate' });
}
