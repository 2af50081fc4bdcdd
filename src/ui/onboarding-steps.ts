// The onboarding's questions as data, and what each answer is understood as — through the one
// natural-input parser (src/plan/parse.ts) the CLI flags use too. Pure: text in, the profile
// fields plus the sentence shown back ("YouTube 80,000 · Instagram 20,000"), or one line saying
// what is wrong.
import { parseHours, parseMonthlyUSD, parsePlatforms } from '../plan/parse.js';
import type { PlatformPresence } from '../store/schema.js';

export type FieldStep = 'name' | 'niche' | 'platform' | 'hours' | 'income' | 'goal';

export interface Answers {
  name: string;
  niche: string | null;
  platforms: PlatformPresence[];
  hours: number;
  incomeCents: number | null;
  goalCents: number | null;
}

export const EMPTY_ANSWERS: Answers = { name: '', niche: null, platforms: [], hours: 5, incomeCents: null, goalCents: null };

export const FIELDS: Record<FieldStep, { label: string; title: string; help: string; placeholder: string }> = {
  name: { label: 'Name', title: 'What should your coach call you?', help: 'Your name or creator name.', placeholder: 'e.g. Jane Cooks' },
  niche: { label: 'Niche', title: 'What do you make content about?', help: 'A few words (Enter to skip).', placeholder: 'e.g. vegan baking' },
  platform: {
    label: 'Audience',
    title: 'Where is your audience, and how big is it?',
    help: 'Say it your way, e.g. "YouTube 80k and Instagram 20,000" (Enter to skip).',
    placeholder: 'e.g. YouTube 80k and Instagram 20,000',
  },
  hours: { label: 'Time', title: 'How many hours a week can you give this project?', help: '"about 5", "5 hours a week", "5-6" (Enter for 5).', placeholder: 'e.g. 5-6' },
  income: { label: 'Income now', title: 'What does your content earn a month now?', help: '"about $1,500 a month", "$800", "none" (Enter to skip).', placeholder: 'e.g. about $1,500 a month' },
  goal: { label: 'Income goal', title: 'What would you like it to earn a month?', help: '"$5k", "5000 a month", "$60k a year", "none" (Enter to skip).', placeholder: 'e.g. $5k' },
};

export const ORDER: FieldStep[] = ['name', 'niche', 'platform', 'hours', 'income', 'goal'];

export type Understood = { ok: true; patch: Partial<Answers>; understood: string } | { ok: false; error: string };

const ok = (patch: Partial<Answers>, understood: string): Understood => ({ ok: true, patch, understood });

/** What an answer means for the profile, with the sentence shown back. Empty answers skip where allowed. */
export function understand(step: FieldStep, raw: string): Understood {
  const v = raw.trim();
  switch (step) {
    case 'name':
      return v ? ok({ name: v.slice(0, 80) }, v.slice(0, 80)) : { ok: false, error: 'a name is needed (it is only stored on this computer)' };
    case 'niche':
      return v ? ok({ niche: v.slice(0, 120) }, v.slice(0, 120)) : ok({ niche: null }, 'skipped');
    case 'platform': {
      if (!v) return ok({ platforms: [] }, 'skipped');
      const p = parsePlatforms(v);
      return p.ok ? ok({ platforms: p.value }, p.value.length ? p.understood : 'none yet') : { ok: false, error: p.error };
    }
    case 'hours': {
      if (!v) return ok({ hours: 5 }, '5 hours a week');
      const h = parseHours(v);
      return h.ok ? ok({ hours: h.value }, h.understood) : { ok: false, error: h.error };
    }
    case 'income':
    case 'goal': {
      const key = step === 'income' ? 'incomeCents' : 'goalCents';
      if (!v) return ok({ [key]: null }, 'skipped');
      const m = parseMonthlyUSD(v);
      return m.ok ? ok({ [key]: m.value }, m.value === 0 ? 'none ($0 a month)' : m.understood) : { ok: false, error: m.error };
    }
  }
}
