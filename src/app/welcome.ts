// The welcome message at project start, stored as the project's first assistant message:
// from Claude when a key is set (kind `welcome`, not counted against the daily limit),
// otherwise, or if the API fails, from the offline coach.
import { formatError } from '../errors.js';
import { insertMessage } from '../store/messages.js';
import type { ProfileRow, ProjectRow } from '../store/schema.js';
import { requestEstimateMicros, reserve } from '../limits/usage-log.js';
import { estimateTokens } from '../util/text.js';
import { capMicrosOf } from '../usage/budget.js';
import { OFFLINE_LABEL, OFFLINE_MODEL, offlineWelcome } from '../coach/offline.js';
import { systemPromptText } from '../coach/prompt.js';
import { streamToMessage } from '../coach/stream.js';
import { parsePlan, resolveMode, type AppContext } from './context.js';
import { streamSettings, systemPromptFor } from './exchange.js';
import { sessionOf } from './session.js';

export interface Welcome {
  text: string;
  model: string;
  /** "offline coach" when the local engine wrote it. */
  label: string | null;
}

// The one request with no creator message yet. Its user turn says plainly that it comes from the
// app, and it is not stored: the welcome becomes the project's first message, and later requests
// put that opening into the system prompt instead of inventing a user turn before it.
const WELCOME_REQUEST =
  '[From the app, not the creator: they have just started this project and have not written anything yet.] Write their welcome, addressed to them, in under 200 words: why this works for them (use their numbers), the price and timeline you suggest, and the first three tasks to do this week.';

export async function welcomeProject(ctx: AppContext, profile: ProfileRow, row: ProjectRow, opts: { offline: boolean; onStatus?: (s: string) => void; onText?: (d: string) => void }): Promise<Welcome> {
  const plan = parsePlan(row);
  const mode = resolveMode(ctx, opts.offline);
  const offline = (): Welcome => {
    const text = offlineWelcome(plan, profile.displayName, row.targetLaunchDate);
    insertMessage(ctx.store().db, { projectId: row.id, role: 'assistant', content: text, model: OFFLINE_MODEL }, ctx.now());
    return { text, model: OFFLINE_MODEL, label: OFFLINE_LABEL };
  };
  if (mode.offline) return offline();

  const settings = ctx.settings.all();
  opts.onStatus?.(`Asking ${settings.model} for your welcome message…`);
  const system = systemPromptFor(ctx, sessionOf(ctx, profile, { row, plan }));
  let reservation;
  try {
    reservation = reserve(ctx.store().sqlite, {
      profileId: profile.id, projectId: row.id, kind: 'welcome', model: settings.model, limit: settings.dailyMessageLimit,
      capMicros: capMicrosOf(settings.dailyCostCapUSD), now: ctx.now(),
      estimateMicros: requestEstimateMicros(settings.model, estimateTokens(systemPromptText(system)) + estimateTokens(WELCOME_REQUEST), settings.maxOutputTokens),
    });
  } catch (err) {
    // The cost cap must not stop a project from starting: the offline coach welcomes instead.
    opts.onStatus?.(`${formatError(err)} — using the offline coach's welcome instead`);
    return offline();
  }
  const result = await streamToMessage({
    usageId: reservation.usageId, projectId: row.id, model: settings.model,
    system,
    messages: [{ role: 'user', content: WELCOME_REQUEST }],
    apiKey: mode.apiKey, baseURL: mode.baseURL, onText: opts.onText, ...streamSettings(ctx),
  });
  if (result.status === 'complete' && result.reply.trim()) return { text: result.reply, model: result.model, label: null };
  opts.onStatus?.(`${formatError(result.error ?? new Error('empty reply'))} — using the offline coach's welcome instead`);
  return offline();
}
