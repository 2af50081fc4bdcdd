// What the UI shows, read through the shared services (never its own queries): the profile, the
// project and its plan, task states, decisions and today's usage. Plus the session's overrides
// (`/model NAME`, `/offline`), applied by wrapping the context, so runExchange sees them as settings.
import { resolveMode, type AppContext } from '../app/context.js';
import { onboardingStart, type OnboardingStart } from '../app/onboarding.js';
import { OFFLINE_LABEL, OFFLINE_MODEL } from '../coach/offline.js';
import { planProgress, type PlanProgress } from '../plan/progress.js';
import type { PlanTask } from '../plan/schema.js';
import type { MessageRow } from '../store/schema.js';
import { projectMessages } from '../app/queries.js';
import { loadSession, type Session } from '../app/session.js';

export interface SessionOptions {
  /** `/model NAME`: used for this session only. */
  model: string | null;
  /** `/offline`: the offline coach answers even with a key. */
  offline: boolean;
}

export function sessionContext(ctx: AppContext, opts: SessionOptions): AppContext {
  if (!opts.model) return ctx;
  const model = opts.model;
  const base = ctx.settings;
  return {
    ...ctx,
    settings: {
      ...base,
      all: () => ({ ...base.all(), model }),
      get: ((key) => (key === 'model' ? model : base.get(key))) as typeof base.get,
    },
  };
}

/** The app's session (`app/session.ts`) with what the screen derives from it and the session's settings. */
export interface Snapshot extends Session {
  progress: PlanProgress;
  model: string;
  /** The offline coach answers (no key, or /offline). */
  offline: boolean;
  limit: number;
  costWarningUSD: number;
  loadedAt: number;
}

/** Null when the profile or its active project is missing (the onboarding takes over). */
export function loadSnapshot(ctx: AppContext, opts: SessionOptions): Snapshot | null {
  const data = loadSession(ctx);
  if (!data) return null;
  const settings = sessionContext(ctx, opts).settings.all();
  return {
    ...data,
    progress: planProgress(data.project.plan, data.done),
    model: settings.model,
    offline: resolveMode(ctx, opts.offline).offline,
    limit: settings.dailyMessageLimit,
    costWarningUSD: settings.costWarningUSD,
    loadedAt: ctx.now(),
  };
}

export function findTask(s: Snapshot, id: string): PlanTask | undefined {
  for (const phase of s.project.plan.phases) {
    const t = phase.tasks.find((x) => x.id === id);
    if (t) return t;
  }
  return undefined;
}

export type Tone = 'info' | 'ok' | 'warn' | 'error';

export type TranscriptItem =
  | { kind: 'banner'; key: string; title: string; lines: string[] }
  | { kind: 'message'; key: string; role: 'user' | 'assistant'; content: string; status: MessageRow['status']; label: string | null }
  | { kind: 'notice'; key: string; text: string; tone: Tone };

let seq = 0;
export const nextKey = (prefix: string) => `${prefix}-${++seq}`;

export function labelOf(model: string | null): string | null {
  if (!model) return null;
  return model === OFFLINE_MODEL ? OFFLINE_LABEL : model;
}

export function messageItem(m: MessageRow): TranscriptItem {
  return { kind: 'message', key: `m${m.id}`, role: m.role, content: m.content, status: m.status, label: m.role === 'assistant' ? labelOf(m.model) : null };
}

export const HISTORY_ON_SCREEN = 40;

/** The last messages of the project, as transcript items; older ones are one notice away. */
export function historyItems(ctx: AppContext, projectId: number): TranscriptItem[] {
  const rows = projectMessages(ctx, projectId, HISTORY_ON_SCREEN + 1);
  const items: TranscriptItem[] = [];
  if (rows.length > HISTORY_ON_SCREEN) {
    rows.shift();
    items.push({ kind: 'notice', key: nextKey('n'), tone: 'info', text: 'Earlier messages are in `coach history`.' });
  }
  for (const m of rows) items.push(messageItem(m));
  return items;
}

/** What the main screen's transcript opens with: the banner, items carried over, then the history. */
export function openingItems(ctx: AppContext, snap: Snapshot, carried: TranscriptItem[] = []): TranscriptItem[] {
  const banner: TranscriptItem = {
    kind: 'banner', key: nextKey('b'), title: `creator-coach · ${snap.project.row.title}`,
    lines: [
      `${snap.profile.displayName} · ${snap.project.plan.opportunity.title} · target launch ${snap.project.row.targetLaunchDate ?? 'open'}`,
      'Tab switches chat ↔ checklist · /help lists keys and commands',
    ],
  };
  return [banner, ...carried, ...historyItems(ctx, snap.project.row.id)];
}

/** What the app's first screen needs: the snapshot (null → onboarding) and the opening transcript. */
export interface Boot {
  snapshot: Snapshot | null;
  /** Without a snapshot: where the onboarding begins, and the templates it offers. */
  onboarding: OnboardingStart | null;
  items: TranscriptItem[];
  /** How many of the items are already on the terminal (printed by the runner before Ink). */
  printed: number;
}

export function loadBoot(ctx: AppContext, offline: boolean, carried: TranscriptItem[] = []): Boot {
  const snapshot = loadSnapshot(ctx, { model: null, offline });
  if (!snapshot) return { snapshot, onboarding: onboardingStart(ctx), items: [], printed: 0 };
  return { snapshot, onboarding: null, items: openingItems(ctx, snapshot, carried), printed: 0 };
}
