// A target day in a question: "launch before christmas", "by march", "on 2027-02-01", "in 6 weeks",
// "by the end of january". Pure: relative to `today` (YYYY-MM-DD); the next such day from today.
import { addDays, dayNumber } from '../../util/dates.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const two = (n: number) => String(n).padStart(2, '0');

function nextOccurrence(today: string, month: number, day: number): string {
  const year = Number(today.slice(0, 4));
  const candidate = `${year}-${two(month)}-${two(day)}`;
  return dayNumber(candidate) >= dayNumber(today) ? candidate : `${year + 1}-${two(month)}-${two(day)}`;
}

function lastDayOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function targetDayIn(text: string, today: string): string | null {
  const t = text.toLowerCase();
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(t);
  if (iso) return iso[0];
  const rel = /\bin (\d+|a|one|two|three|four|five|six|eight|ten|twelve) (weeks?|months?)\b/.exec(t);
  if (rel) {
    const words: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, eight: 8, ten: 10, twelve: 12 };
    const n = Number(rel[1]) || words[rel[1]!]!;
    return addDays(today, rel[2]!.startsWith('week') ? n * 7 : Math.round(n * 30.4));
  }
  if (/\b(christmas|xmas)\b/.test(t)) return nextOccurrence(today, 12, 24);
  if (/\b(new year|nye)\b/.test(t)) return nextOccurrence(today, 12, 31);
  if (/\bblack friday\b/.test(t)) return nextOccurrence(today, 11, 28);
  if (/\b(summer)\b/.test(t)) return nextOccurrence(today, 6, 21);
  const month = new RegExp(`\\b(by|before|in|for|on|until|end of|start of|early|mid|late)\\s+(?:the\\s+)?(?:(end|start|beginning|middle) of\\s+)?(${MONTHS.join('|')})[a-z]*\\b(?:\\s+(\\d{1,2})\\b)?`).exec(t);
  if (month) {
    const m = MONTHS.indexOf(month[3]!) + 1;
    const year = Number(today.slice(0, 4));
    const word = month[2] ?? month[1]!;
    const last = lastDayOf(year, m);
    const day = month[4] ? Math.min(Number(month[4]), last)
      : /^(before|start|beginning|early)/.test(word) ? 1
      : /^(mid|middle)/.test(word) ? 15
      : last;
    const thisYear = `${year}-${two(m)}-${two(day)}`;
    // "by march" in March still means this March's end.
    return dayNumber(thisYear) >= dayNumber(today) ? thisYear : `${year + 1}-${two(m)}-${two(Math.min(day, lastDayOf(year + 1, m)))}`;
  }
  return null;
}
