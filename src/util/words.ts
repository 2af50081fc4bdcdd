// Words for people: real plurals (Intl.PluralRules, en) and articles, so no "1 problem(s)" or "a active".
const rules = new Map<string, Intl.PluralRules>();

function rule(): Intl.PluralRules {
  let r = rules.get('en');
  if (!r) rules.set('en', (r = new Intl.PluralRules('en')));
  return r;
}

/** plural('task', 2) → "tasks"; irregular forms as the third argument: plural('reply', 2, 'replies'). */
export function plural(word: string, n: number, many?: string): string {
  return rule().select(n) === 'one' ? word : (many ?? `${word}s`);
}

/** count(3, 'task') → "3 tasks", count(1, 'reply', 'replies') → "1 reply". */
export function count(n: number, word: string, many?: string): string {
  return `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} ${plural(word, n, many)}`;
}

/** relativeDays(3) → "in 3 days", relativeDays(1) → "in 1 day", 0 → "today", -2 → "2 days ago". */
export function relativeDays(days: number): string {
  if (days === 0) return 'today';
  return days > 0 ? `in ${count(days, 'day')}` : `${count(-days, 'day')} ago`;
}

/** "a task", "an active project". */
export function article(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}
