// Suggestions on the command line: what the rules were unsure of and what the second reader
// proposes, each with the exact command that accepts it (nothing is recorded without one).
import { article } from '../util/words.js';
import type { Applied } from '../app/detection.js';
import type { SecondReading } from '../app/second-reader.js';
import type { DetectedCompletion, DetectedDecision } from '../detector/types.js';
import type { DetectedNumber } from '../detector/numbers.js';
import { NUMBER_FIELDS, numbersOf, numbersPhrase, type Numbers } from '../plan/metrics.js';
import type { CustomizedPlan } from '../plan/schema.js';
import { allTasks } from '../app/views.js';
import { tierOfFinding } from '../coach/reader.js';

export type SuggestionSource = 'rules' | 'reader';

export type SuggestionView =
  | { source: SuggestionSource; kind: 'decision'; category: string; tier: string | null; value: string; quote: string; rationale: string | null; command: string }
  | { source: SuggestionSource; kind: 'task'; taskId: string; title: string | null; quote: string; command: string }
  | { source: SuggestionSource; kind: 'numbers'; numbers: Numbers; quote: string; command: string };

/** One shell word: double quotes when that is safe, else single quotes ('it'\''s'). */
export function shellWord(s: string): string {
  if (/^[A-Za-z0-9_./:@%+=-]+$/.test(s)) return s;
  if (!/[$`"\\!]/.test(s)) return `"${s}"`;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** `coach [--profile P] …`: the profile flag only when the creator chose one explicitly. */
const coach = (profile: string | null, rest: string) => `coach ${profile ? `--profile ${shellWord(profile)} ` : ''}${rest}`;

export function decisionCommand(d: DetectedDecision, profile: string | null): string {
  const tier = tierOfFinding(d);
  return coach(profile, `decisions add --category ${d.category}${tier && tier !== 'regular' ? ` --tier ${tier}` : ''} ${shellWord(d.value)}`);
}

export function taskCommand(c: DetectedCompletion, profile: string | null): string {
  return coach(profile, `tasks done ${c.taskId}`);
}

const METRIC_FLAG = { waitlist: '--waitlist', members: '--members', mrrUSD: '--mrr', churned: '--churned' } as const;

/** `coach metrics add --waitlist 180 --mrr 1450`: records the numbers one message stated as today's check-in. */
export function numbersCommand(numbers: Numbers, profile: string | null): string {
  const flags = NUMBER_FIELDS.filter((k) => numbers[k] !== undefined).map((k) => `${METRIC_FLAG[k]} ${numbers[k]}`);
  return coach(profile, `metrics add ${flags.join(' ')}`);
}

/** The stated numbers of one message: one suggestion, one check-in, one command. */
function numbersView(found: readonly DetectedNumber[], profile: string | null): SuggestionView[] {
  if (!found.length) return [];
  const numbers = numbersOf(found);
  const quote = [...new Set(found.map((n) => n.quote))].join(' … ');
  return [{ source: 'rules', kind: 'numbers', numbers, quote, command: numbersCommand(numbers, profile) }];
}

/** The rules' suggestions, then the second reader's, as the JSON of `ask --json`. */
export function suggestionViews(plan: CustomizedPlan, applied: Applied, reading: SecondReading | null, profile: string | null): SuggestionView[] {
  const titles = new Map(allTasks(plan).map((t) => [t.id, t.title]));
  const decision = (source: SuggestionSource) => (d: DetectedDecision): SuggestionView =>
    ({ source, kind: 'decision', category: d.category, tier: tierOfFinding(d), value: d.value, quote: d.decision, rationale: d.rationale, command: decisionCommand(d, profile) });
  const task = (source: SuggestionSource) => (c: DetectedCompletion): SuggestionView =>
    ({ source, kind: 'task', taskId: c.taskId, title: titles.get(c.taskId) ?? null, quote: c.evidence, command: taskCommand(c, profile) });
  return [
    ...applied.suggestedDecisions.map(decision('rules')),
    ...applied.suggestedCompletions.map(task('rules')),
    ...numbersView(applied.suggestedNumbers, profile),
    ...(reading?.decisions ?? []).map(decision('reader')),
    ...(reading?.completions ?? []).map(task('reader')),
  ];
}

/** One line for stderr: what is proposed, by whom, and the command that accepts it. */
export function suggestionLine(s: SuggestionView): string {
  const who = s.source === 'reader' ? 'the second reader suggests' : 'sounds like';
  if (s.kind === 'numbers') {
    const many = Object.keys(s.numbers).length > 1;
    return `${who} ${numbersPhrase(s.numbers)} — to record ${many ? 'them' : 'it'}: ${s.command}`;
  }
  const what = s.kind === 'decision'
    ? `${article(s.category)}${s.tier && s.tier !== 'regular' ? ` (${s.tier})` : ''} decision: ${s.value}`
    : `${s.taskId}${s.title ? ` ${s.title}` : ''} is done`;
  return `${who} ${what} — to ${s.kind === 'decision' ? 'record' : 'mark'} it: ${s.command}`;
}
