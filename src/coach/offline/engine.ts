// The offline coach: finds the intent of a message, answers it from the creator's own facts, and
// reacts to what the detector recorded. Deterministic and pure: the same input, the same text.
import { INTENT_CATEGORY, INTENTS, UNKNOWN } from './intents/index.js';
import { nextAfterReport } from './intents/chat.js';
import { factsOf } from './facts.js';
import { reactions } from './reactions.js';
import type { Facts, Intent, OfflineInput } from './types.js';

export function classify(f: Pick<Facts, 'text' | 'numbers' | 'tasks' | 'detection'>): { intent: Intent; score: number } {
  let best: { intent: Intent; score: number } = { intent: UNKNOWN, score: 0 };
  for (const intent of INTENTS) {
    const score = intent.score(f);
    if (score > best.score) best = { intent, score };
  }
  return best;
}

/** Minimum score for an answer; weaker matches count as not understood. After a report the
 * detector recorded ("I finished the survey"), only a clear question gets an answer too. */
const THRESHOLD = 2;
const THRESHOLD_AFTER_REPORT = 4;

export function offlineAnswer(input: OfflineInput): { intent: string; text: string } {
  const f = factsOf(input);
  const { intent, score } = classify(f);
  // A question the answer covers needs no "it sounds like you're weighing…" for the same topic.
  const parts = reactions(f, score >= THRESHOLD ? INTENT_CATEGORY[intent.id] ?? null : null);
  const recorded = new Set(f.applied.decisions.map((d) => d.category));
  const reported = f.applied.decisions.length + f.applied.tasksCompleted.length > 0;
  const answered = score >= (reported ? THRESHOLD_AFTER_REPORT : THRESHOLD) && !(INTENT_CATEGORY[intent.id] && recorded.has(INTENT_CATEGORY[intent.id]!));
  let id = intent.id;
  if (answered && !(reported && intent.id === 'greeting')) parts.push(...intent.answer(f));
  else if (reported || parts.length) {
    id = 'report';
    parts.push(nextAfterReport(f));
  } else {
    id = UNKNOWN.id;
    parts.push(...UNKNOWN.answer(f));
  }
  return { intent: id, text: joinBlocks(withoutRepeats(parts, input.previousReply ?? null)) };
}

/**
 * Drops advice the previous reply gave word for word (blocks without a digit: the boilerplate);
 * facts (numbers, ids, dates) stay, and the opening line, which varies by turn, always stays.
 */
export function withoutRepeats(parts: string[], previous: string | null): string[] {
  if (!previous) return parts;
  const before = new Set(previous.split('\n').map((l) => l.trim()).filter(Boolean));
  const kept = parts.filter((p, i) => i === 0 || /\d/.test(p) || !before.has(p.trim()));
  return kept.length >= 2 ? kept : parts;
}

export function offlineReply(input: OfflineInput): string {
  return offlineAnswer(input).text;
}

/** Paragraphs get a blank line between them (markdown would join them); list items stay together. */
export function joinBlocks(parts: string[]): string {
  let out = '';
  parts.forEach((raw, i) => {
    const part = raw.trim();
    const isItem = part.startsWith('- ');
    const prev = i > 0 ? parts[i - 1]!.trim() : '';
    out += i === 0 ? part : `${isItem && (prev.startsWith('- ') || prev.endsWith(':')) ? '\n' : '\n\n'}${part}`;
  });
  return out;
}
