// The intent table. Order breaks ties (earlier wins). To add an intent (e.g. business-number
// check-ins), write one file exporting an `Intent` and add it here.
import type { Intent } from '../types.js';
import { capabilities, greeting, pitfalls, unknown } from './chat.js';
import { cadence, launchContent, memberContent, offer } from './content.js';
import { checkins, stated } from './checkins.js';
import { audience, conversion, retention } from './growth.js';
import { founding, pricing, tiers } from './money.js';
import { platform } from './platform.js';
import { taskHelp } from './task.js';
import { pace, progress, stuck, timeline, week } from './plan.js';
import { moderation, naming, runningTime } from './running.js';
import { cartWindow, fear, firstMembers, nonBuyers, refunds, trackMetrics } from './selling.js';

export const INTENTS: readonly Intent[] = [
  capabilities, stated, trackMetrics, refunds, cartWindow, nonBuyers, fear, firstMembers, runningTime, naming, moderation,
  founding, tiers, conversion, checkins, retention, platform, pricing, pace, timeline, week, progress,
  launchContent, cadence, memberContent, offer, audience, stuck, pitfalls, greeting, taskHelp,
];

export const UNKNOWN: Intent = unknown;

/** Which decision category an intent is about: a decision just recorded in it answers the question. */
export const INTENT_CATEGORY: Readonly<Record<string, string>> = {
  pricing: 'pricing', founding: 'pricing', tiers: 'pricing', platform: 'platform', timeline: 'timeline', pace: 'timeline',
};
