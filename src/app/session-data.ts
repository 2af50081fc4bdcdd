// What the terminal UI shows, read in one use case: the profile, its active project, task states,
// active decisions and today's usage — null when the profile or an active project is missing.
import type { AppContext, ProjectView } from './context.js';
import { parsePlan } from './context.js';
import { todayUsage, type TodayUsage } from '../limits/usage-log.js';
import { listDecisions } from '../store/decisions.js';
import { findProfile } from '../store/profiles.js';
import { findActiveProject } from '../store/projects.js';
import type { DecisionRow, ProfileRow, TaskCompletionRow } from '../store/schema.js';
import { taskStates } from '../store/tasks.js';

export interface SessionData {
  profile: ProfileRow;
  project: ProjectView;
  states: Map<string, TaskCompletionRow>;
  decisions: DecisionRow[];
  today: TodayUsage;
}

export function loadSessionData(ctx: AppContext): SessionData | null {
  const { db, sqlite } = ctx.store();
  const profile = findProfile(db, ctx.profileHandle);
  if (!profile) return null;
  const row = findActiveProject(db, profile.id);
  if (!row) return null;
  return {
    profile,
    project: { row, plan: parsePlan(row) },
    states: taskStates(db, row.id),
    decisions: listDecisions(db, row.id),
    today: todayUsage(sqlite, profile.id, ctx.now()),
  };
}
