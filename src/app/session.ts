// One read of what a chat turn (or the UI's screen) works from: the profile, its project and plan,
// task states, active decisions, today's usage and, for an exchange, the recent conversation.
// Read once, in one read transaction, so every part of a turn (the cost estimate, the detector,
// the offline coach, the Claude prompt) sees the same rows; what the turn itself changes is
// applied to the snapshot in memory (`afterDetection`) instead of read again.
import { todayUsage, type TodayUsage } from '../limits/usage-log.js';
import { listDecisions } from '../store/decisions.js';
import { countMessages, lastMessages } from '../store/messages.js';
import { findProfile } from '../store/profiles.js';
import { findActiveProject, getProject } from '../store/projects.js';
import type { DecisionRow, MessageRow, ProfileRow, TaskCompletionRow } from '../store/schema.js';
import { taskStates } from '../store/tasks.js';
import { parsePlan, type AppContext, type ProjectView } from './context.js';
import type { Applied } from './detection.js';

export interface Session {
  profile: ProfileRow;
  project: ProjectView;
  states: Map<string, TaskCompletionRow>;
  done: Set<string>;
  /** Active decisions, by category then id (as `listDecisions` returns them). */
  decisions: DecisionRow[];
  today: TodayUsage;
}

/** The stored conversation's tail: enough for the request window and the offline coach. */
export interface History {
  recent: MessageRow[];
  /** How many messages the project has in all. */
  total: number;
}

export interface ExchangeSession extends Session {
  history: History;
}

/** The --profile profile and its active project, or null when either is missing (the onboarding takes over). */
export function loadSession(ctx: AppContext): Session | null {
  const db = ctx.store().db;
  const profile = findProfile(db, ctx.profileHandle);
  if (!profile) return null;
  const row = findActiveProject(db, profile.id);
  if (!row) return null;
  return sessionOf(ctx, profile, { row, plan: parsePlan(row) });
}

/** The session of a profile and project the caller already holds. */
export function sessionOf(ctx: AppContext, profile: ProfileRow, project: ProjectView): Session {
  const { db, sqlite } = ctx.store();
  return sqlite.transaction(() => {
    const states = taskStates(db, project.row.id);
    return {
      profile,
      project,
      states,
      done: doneOf(states),
      decisions: listDecisions(db, project.row.id),
      today: todayUsage(sqlite, profile.id, ctx.now()),
    };
  }).deferred();
}

/** `sessionOf` plus the last `historyMessages` messages of the conversation. */
export function exchangeSessionOf(ctx: AppContext, profile: ProfileRow, project: ProjectView, historyMessages: number): ExchangeSession {
  const { db, sqlite } = ctx.store();
  return sqlite.transaction(() => ({
    ...sessionOf(ctx, profile, project),
    history: { recent: lastMessages(db, project.row.id, historyMessages), total: countMessages(db, project.row.id) },
  })).deferred();
}

function doneOf(states: Map<string, TaskCompletionRow>): Set<string> {
  return new Set([...states.values()].filter((s) => s.done).map((s) => s.taskId));
}

/**
 * The session after this turn's user message was stored and its detection applied: the message
 * joins the history, ticked tasks join `done`, a recorded decision replaces the active one of its
 * category and tier (as `recordDecision` did in the store). Only a moved launch date re-reads the
 * project, whose plan was re-spread.
 */
export function afterDetection(ctx: AppContext, s: ExchangeSession, userMessage: MessageRow, applied: Pick<Applied, 'decisions' | 'tasksCompleted' | 'launchMoved'>): ExchangeSession {
  const replaced = (d: DecisionRow) => applied.decisions.some((n) => n.category === d.category && (n.tier ?? '') === (d.tier ?? ''));
  const decisions = [...s.decisions.filter((d) => !replaced(d)), ...applied.decisions]
    .sort((a, b) => (a.category === b.category ? a.id - b.id : a.category < b.category ? -1 : 1));
  const moved = applied.launchMoved ? getProject(ctx.store().db, s.project.row.id) : undefined;
  return {
    ...s,
    project: moved ? { row: moved, plan: parsePlan(moved) } : s.project,
    done: new Set([...s.done, ...applied.tasksCompleted]),
    decisions,
    history: { recent: [...s.history.recent, userMessage], total: s.history.total + 1 },
  };
}
