// What every command and the UI start from: settings, the store (opened on first use) and the
// selected profile. One copy of "which profile / which project" logic, shared by cli and ui.
import { UsageError } from '../errors.js';
import { dataHome, dbPath, userTemplatesDir } from '../config/paths.js';
import { openSettings, type SettingsStore } from '../config/settings.js';
import { ensureSchedule } from '../plan/schedule.js';
import type { CustomizedPlan } from '../plan/schema.js';
import { localDay, systemTimeZone } from '../util/dates.js';
import { openStore, type Store } from '../store/db.js';
import { findProfile, listProfiles } from '../store/profiles.js';
import { findCurrentProject } from '../store/projects.js';
import type { ProfileRow, ProjectRow } from '../store/schema.js';

export interface AppContext {
  env: NodeJS.ProcessEnv;
  home: string;
  settings: SettingsStore;
  /** The handle chosen by --profile, else the defaultProfile setting. */
  profileHandle: string;
  /** True when --profile was given explicitly. */
  profileExplicit: boolean;
  store(): Store;
  templatesDir: string;
  now: () => number;
  close(): void;
}

/** What a use case that reads or writes the store needs of the context (tests can pass a bare store and clock). */
export type StoreContext = Pick<AppContext, 'store' | 'now'>;

export function createContext(opts: { profile?: string; env?: NodeJS.ProcessEnv; now?: () => number } = {}): AppContext {
  const env = opts.env ?? process.env;
  const home = dataHome(env);
  const settings = openSettings(env, home);
  let store: Store | undefined;
  const handle = opts.profile?.trim() || settings.get('defaultProfile');
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(handle)) {
    throw new UsageError(`invalid profile name "${handle}": use letters, digits, . _ - (up to 64)`);
  }
  return {
    env,
    home,
    settings,
    profileHandle: handle,
    profileExplicit: !!opts.profile,
    templatesDir: userTemplatesDir(home),
    now: opts.now ?? (() => Date.now()),
    store() {
      store ??= openStore({ file: dbPath(home) });
      return store;
    },
    close() {
      store?.close();
    },
  };
}

/** Opens (and migrates, after a backup) the store now: a store problem then surfaces before a screen is drawn. */
export function openData(ctx: AppContext): void {
  ctx.store();
}

/** A command to suggest in a hint, keeping the flags the user gave that change its meaning (`--profile var`). */
export function coachCommand(ctx: Pick<AppContext, 'profileExplicit' | 'profileHandle'>, rest: string): string {
  return `coach ${rest}${ctx.profileExplicit ? ` --profile ${ctx.profileHandle}` : ''}`;
}

export function requireProfile(ctx: AppContext): ProfileRow {
  const profile = findProfile(ctx.store().db, ctx.profileHandle);
  if (!profile) {
    throw new UsageError(`no profile "${ctx.profileHandle}" yet`, {
      hint: `create it with \`${coachCommand(ctx, 'profile set --name "Your Name" --niche "your niche" --platform instagram:12000')}\``,
    });
  }
  return profile;
}

export interface ProjectView {
  row: ProjectRow;
  plan: CustomizedPlan;
}

/** The stored plan, with due dates (a plan stored before due dates gets them from its start day). */
export function parsePlan(row: ProjectRow): CustomizedPlan {
  return ensureSchedule(JSON.parse(row.customizedPlan) as CustomizedPlan, localDay(row.createdAt, systemTimeZone()));
}

/** The project commands act on: the active one (or a paused one, for show/resume). */
export function requireProject(ctx: AppContext, profile: ProfileRow, opts: { allowPaused?: boolean } = {}): ProjectView {
  const row = findCurrentProject(ctx.store().db, profile.id);
  if (!row) {
    throw new UsageError(`profile "${profile.handle}" has no project yet`, { hint: `start one with \`${coachCommand(ctx, 'project start')}\`` });
  }
  if (row.status !== 'active' && !opts.allowPaused) {
    throw new UsageError(`project "${row.title}" is paused`, { hint: `resume it with \`${coachCommand(ctx, 'project resume')}\`` });
  }
  return { row, plan: parsePlan(row) };
}

/** The task ids of the profile's current project (none without one): for completion. */
export function currentTaskIds(ctx: AppContext): string[] {
  const profile = findProfile(ctx.store().db, ctx.profileHandle);
  const row = profile ? findCurrentProject(ctx.store().db, profile.id) : undefined;
  return row ? parsePlan(row).phases.flatMap((p) => p.tasks.map((t) => t.id)) : [];
}

/** Every profile's handle: for completion and pickers. */
export function profileHandles(ctx: AppContext): string[] {
  return listProfiles(ctx.store().db).map((p) => p.handle);
}

/** Who answers: Claude with the configured key (and `ANTHROPIC_BASE_URL`), or the offline coach (no key, or `offline`). */
export function resolveMode(ctx: AppContext, offline?: boolean): { offline: true } | { offline: false; apiKey: string; baseURL?: string } {
  const key = offline ? null : ctx.settings.apiKey();
  if (!key) return { offline: true };
  return { offline: false, apiKey: key.key, baseURL: ctx.env.ANTHROPIC_BASE_URL?.trim() || undefined };
}
