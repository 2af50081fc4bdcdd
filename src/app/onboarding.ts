// First run, as use cases: where the onboarding starts (no profile → the questions; a profile
// without an active project → a template pick, or resuming a paused project), saving the answers
// as the profile, and resuming. The terminal UI calls these instead of the store.
import type { AppContext } from './context.js';
import { moveProject } from './projects.js';
import { listTemplates, type TemplateEntry } from '../plan/templates.js';
import { findProfile, upsertProfile, type ProfilePatch } from '../store/profiles.js';
import { findCurrentProject } from '../store/projects.js';
import type { ProfileRow, ProjectRow } from '../store/schema.js';
import { UsageError } from '../errors.js';

export interface OnboardingStart {
  /** Where to begin: the questions, resuming a paused project, or picking a template. */
  step: 'questions' | 'paused' | 'template';
  pausedTitle: string | null;
  templates: TemplateEntry[];
}

export function onboardingStart(ctx: AppContext): OnboardingStart {
  const db = ctx.store().db;
  const templates = listTemplates(ctx.templatesDir).templates;
  const profile = findProfile(db, ctx.profileHandle);
  if (!profile) return { step: 'questions', pausedTitle: null, templates };
  const current = findCurrentProject(db, profile.id);
  return current?.status === 'paused' ? { step: 'paused', pausedTitle: current.title, templates } : { step: 'template', pausedTitle: null, templates };
}

export function saveOnboardingProfile(ctx: AppContext, patch: ProfilePatch): ProfileRow {
  return upsertProfile(ctx.store().db, ctx.profileHandle, patch, ctx.now()).profile;
}

export function currentProfile(ctx: AppContext): ProfileRow {
  const profile = findProfile(ctx.store().db, ctx.profileHandle);
  if (!profile) throw new UsageError('the profile is missing');
  return profile;
}

export function resumePausedProject(ctx: AppContext): ProjectRow {
  return moveProject(ctx, currentProfile(ctx), 'resume', undefined);
}
