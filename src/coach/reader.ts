// The second reader, pure half: the small structured request a cheap model answers after the
// coach's reply (what it is told and shown), and the strict reading of its JSON answer. Nothing
// here records anything: what survives validation becomes a suggestion the creator confirms.
// A proposal is dropped when its category is unknown, its task id is not in the plan (or already
// done), its quote is not the creator's own words, or it repeats what the rules or the creator's
// active decisions already say. Malformed JSON drops everything.
import * as z from 'zod/mini';
import '../util/zod.js';
import type { DetectedCompletion, DetectedDecision } from '../detector/types.js';
import { namesOnlyTools } from '../detector/platforms.js';
import { DECISION_CATEGORIES, type DecisionCategory } from '../plan/schema.js';
import { PRICING_TIERS, type PricingTier } from '../store/schema.js';

/** Replies are a handful of short proposals: this bounds the cost of a runaway answer. */
export const READER_MAX_TOKENS = 600;
/** At most this many proposals of each kind are kept. */
export const READER_MAX_PROPOSALS = 3;

/** The pricing tier of a finding (the detector's or the reader's; none means the regular price). */
export function tierOfFinding(d: DetectedDecision): PricingTier | null {
  return d.category === 'pricing' ? d.tier ?? 'regular' : null;
}

/** A decision as the reader is shown it; `tier` only for pricing (none means regular). */
export interface KnownDecision {
  category: DecisionCategory;
  value: string;
  tier?: PricingTier | null;
}

export interface ReaderContext {
  /** The creator's message, as stored. */
  message: string;
  /** The creator's local day (`YYYY-MM-DD`), so "next Friday" can become a date. */
  today: string;
  targetLaunchDate: string | null;
  tasks: { id: string; title: string; done: boolean }[];
  activeDecisions: KnownDecision[];
  /** What the rules found in this message (recorded or suggested). */
  detected: { decisions: (KnownDecision & { recorded: boolean })[]; completions: { taskId: string; recorded: boolean }[] };
}

export const READER_SYSTEM = [
  'You are a careful second reader for a coaching app that helps an online creator launch a paid community.',
  "A rule-based detector has already read the creator's latest message. Your job: find commitments the creator",
  'made in THIS message that the rules missed or got wrong, and plan tasks the creator says they have finished.',
  '',
  'Decision categories: pricing (the price the creator will charge, e.g. "29 USD/month", with its "tier":',
  `${PRICING_TIERS.join(', ')}; a founding or annual price does not replace the regular one), platform (where the`,
  'community will live, e.g. "Skool"; not payment or email tools), structure (tiers, cohorts, caps, format),',
  'timeline (launch dates and schedules), content (what they will publish and how often).',
  '',
  'Rules:',
  '- Only firm decisions the creator states as their own (not ideas, questions, hypotheticals, other people\'s',
  '  prices, or past choices they are leaving). Only tasks they say are finished, by id from the plan.',
  '- "quote" must be copied exactly from the message: the words that carry the decision or completion.',
  '- "value" is short and normalised, e.g. "29 USD/month", "Skool", "3 tiers", "launch on 2027-03-01".',
  '- Do not repeat what the rules already detected unless they got it wrong (then give the right value).',
  '- Most messages contain nothing new: then answer with empty arrays.',
  '',
  'Answer with ONE JSON object and nothing else:',
  '{"decisions":[{"category":"pricing","tier":"regular","value":"29 USD/month","quote":"...","rationale":null}],',
  ' "completions":[{"taskId":"t4","quote":"..."}]}',
].join('\n');

/** `pricing (founding)`; a pricing decision without a tier is the regular price. */
const tierOf = (d: KnownDecision): PricingTier | null => (d.category === 'pricing' ? d.tier ?? 'regular' : null);
const label = (d: KnownDecision) => (d.category === 'pricing' ? `pricing (${tierOf(d)})` : d.category);

/** The user turn: a compact view of the plan, then the creator's message as data. */
export function readerPrompt(c: ReaderContext): string {
  const tasks = c.tasks.map((t) => `${t.id}${t.done ? ' (done)' : ''}: ${t.title}`).join('\n');
  const decisions = c.activeDecisions.map((d) => `${label(d)}: ${d.value}`).join('\n') || '(none)';
  const found = [
    ...c.detected.decisions.map((d) => `${label(d)}: ${d.value} (${d.recorded ? 'recorded' : 'suggested'})`),
    ...c.detected.completions.map((t) => `${t.taskId} finished (${t.recorded ? 'recorded' : 'suggested'})`),
  ].join('\n') || '(nothing)';
  const weekday = new Date(`${c.today}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });
  return [
    `Today is ${weekday} ${c.today}; the target launch date is ${c.targetLaunchDate ?? 'not set'}.`,
    `<plan_tasks>\n${tasks}\n</plan_tasks>`,
    `<active_decisions>\n${decisions}\n</active_decisions>`,
    `<rules_found_in_this_message>\n${found}\n</rules_found_in_this_message>`,
    `<creator_message>\n${c.message}\n</creator_message>`,
  ].join('\n\n');
}

const text = (max: number, min = 1) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));

const DecisionProposal = z.object({
  category: z.enum(DECISION_CATEGORIES),
  tier: z.optional(z.nullable(z.enum(PRICING_TIERS))),
  value: text(120),
  quote: text(600, 3),
  rationale: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(300)))),
});

const CompletionProposal = z.object({
  taskId: z.string().check(z.trim(), z.regex(/^t\d+$/)),
  quote: text(600, 3),
});

const ReaderAnswer = z.object({
  decisions: z._default(z.array(z.unknown()), []),
  completions: z._default(z.array(z.unknown()), []),
});

export interface ReaderProposals {
  /** Pricing ones name their tier (a founding price is not the price). */
  decisions: DetectedDecision[];
  completions: DetectedCompletion[];
  /** Proposals present in the answer but refused (invalid, unknown task, not quoted, repeated). */
  dropped: number;
}

/** The JSON object of an answer: bare, or inside a ```json fence, or amid a sentence of prose. */
export function extractJson(answer: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(answer);
  const body = (fenced ? fenced[1]! : answer).trim();
  const start = body.indexOf('{');
  const end = body.lastIndexOf('}');
  if (start < 0 || end < start) return undefined;
  try {
    return JSON.parse(body.slice(start, end + 1)) as unknown;
  } catch {
    return undefined;
  }
}

/** Lower case, one space, straight quotes: how a quote is compared with the message. */
export function normalise(s: string): string {
  return s.toLowerCase().replace(/[\u2018\u2019\u201B]/g, "'").replace(/[\u201C\u201D]/g, '"').replace(/[\u2013\u2014]/g, '-').replace(/\s+/g, ' ').trim();
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Same category, same tier (pricing), same value once normalised. */
const sameDecision = (a: KnownDecision, b: KnownDecision) => a.category === b.category && tierOf(a) === tierOf(b) && normalise(a.value) === normalise(b.value);

/** Validates an answer against the plan and what is already known; never throws. */
export function parseReaderAnswer(answer: string, c: ReaderContext): ReaderProposals {
  const out: ReaderProposals = { decisions: [], completions: [], dropped: 0 };
  const top = ReaderAnswer.safeParse(extractJson(answer));
  if (!top.success) return out;
  const message = normalise(c.message);
  const quoted = (q: string) => message.includes(normalise(q));
  const taskIds = new Map(c.tasks.map((t) => [t.id, t]));

  for (const raw of top.data.decisions) {
    const p = DecisionProposal.safeParse(raw);
    const d = p.success ? { ...p.data, tier: p.data.category === 'pricing' ? p.data.tier ?? 'regular' : null } : null;
    const known = d && [...c.activeDecisions, ...c.detected.decisions, ...out.decisions].some((a) => sameDecision(a, d));
    // a payment or email tool ("Stripe Tax", "Kit forms") is never the community's platform
    const tool = d?.category === 'platform' && namesOnlyTools(d.value);
    if (!d || known || tool || !quoted(d.quote) || out.decisions.length >= READER_MAX_PROPOSALS) {
      out.dropped += 1;
      continue;
    }
    out.decisions.push({ category: d.category, tier: d.tier, decision: oneLine(d.quote), value: oneLine(d.value), confidence: 'medium', rationale: d.rationale ? oneLine(d.rationale) : null, relatedTaskId: null });
  }

  for (const raw of top.data.completions) {
    const p = CompletionProposal.safeParse(raw);
    const t = p.success ? p.data : null;
    const task = t ? taskIds.get(t.taskId) : undefined;
    const known = t && (c.detected.completions.some((x) => x.taskId === t.taskId) || out.completions.some((x) => x.taskId === t.taskId));
    if (!t || !task || task.done || known || !quoted(t.quote) || out.completions.length >= READER_MAX_PROPOSALS) {
      out.dropped += 1;
      continue;
    }
    out.completions.push({ taskId: t.taskId, confidence: 'medium', evidence: oneLine(t.quote) });
  }
  return out;
}
