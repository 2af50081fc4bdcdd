// The system prompt's section on the creator's business numbers and the plan's dates. Pure and
// separate from prompt.ts so the numbers (volatile: they change with every check-in) can sit
// wherever the prompt keeps its changing parts.

export interface PromptNumbers {
  /** Lines from plan/metrics.ts numbersLines(): latest numbers, derived figures, plan checkpoints. */
  lines: readonly string[];
  /** Due-date lines: launch date, overdue tasks, this week's tasks. */
  schedule?: readonly string[];
}

export function numbersSection(numbers: PromptNumbers | undefined): string[] {
  if (!numbers) return [];
  const out: string[] = [];
  if (numbers.schedule?.length) out.push('', '## Dates', ...numbers.schedule.map((l) => `- ${l}`));
  out.push('', '## Their business numbers (latest check-ins, `coach metrics`)');
  if (numbers.lines.length) {
    out.push(...numbers.lines.map((l) => `- ${l}`));
    out.push('- Quote these figures when they ask how they are doing, and compare them with the plan\'s thresholds above rather than generic benchmarks.');
  } else {
    out.push('- None recorded yet. Numbers they state in a message are offered to them to record; until then, use the numbers in their messages.');
  }
  return out;
}
