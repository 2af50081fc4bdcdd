// The launch date a timeline decision names: "launch on March 3" (the detector's value), "We're
// launching on March 3", "doors open Jan 15th", "launch on 2027-03-03", "launch in 6 weeks",
// "launch by end of May". A date without a year is its next occurrence (today counts). Pure.
// Other timeline events (a beta, the founding round, the cart closing) do not move the launch.
import { plusDays, type Day } from './schedule.js';

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};
const MONTH_RE = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');

const LAUNCH = /\b(launch(?:ing|es|ed)?|doors? (?:open|opening)|open(?:ing)? (?:the )?doors|go(?:ing)? live|goes live)\b/i;
const NOT_LAUNCH = /\b(beta|founding|cart clos|pre-?launch|waitlist)\w*/i;

const pad = (n: number) => String(n).padStart(2, '0');

function isDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** The next `month`/`day` on or after today; null when no such date exists (Feb 30). */
function nextOccurrence(month: number, day: number, today: Day): Day | null {
  const year = Number(today.slice(0, 4));
  for (const y of [year, year + 1, year + 2, year + 3, year + 4]) {
    if (!isDate(y, month, day)) continue;
    const d = `${y}-${pad(month)}-${pad(day)}`;
    if (d >= today) return d;
  }
  return null;
}

function addMonths(day: Day, n: number): Day {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const idx = y * 12 + (m - 1) + n;
  const ny = Math.floor(idx / 12);
  const nm = (idx % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${pad(nm)}-${pad(Math.min(d, last))}`;
}

const WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };

/** The launch date a decision's text names, or null (not about the launch, or no date in it). */
export function launchDateFrom(text: string, today: Day): Day | null {
  if (!LAUNCH.test(text) || NOT_LAUNCH.test(text)) return null;
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    return isDate(y, m, d) ? `${iso[1]}-${iso[2]}-${iso[3]}` : null;
  }
  const endOf = new RegExp(`\\bend of (?:the )?(${MONTH_RE})\\b`, 'i').exec(text);
  if (endOf) {
    const m = MONTHS[endOf[1]!.toLowerCase()]!;
    const last = new Date(Date.UTC(2001, m, 0)).getUTCDate(); // Feb: 28 (a leap year's 29th is a day later; fine for "end of")
    return nextOccurrence(m, last, today);
  }
  const monthDay = new RegExp(`\\b(${MONTH_RE})\\.? (?:the )?(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,? (\\d{4}))?`, 'i').exec(text);
  const dayMonth = new RegExp(`\\b(?:the )?(\\d{1,2})(?:st|nd|rd|th)? (?:of )?(${MONTH_RE})\\b(?:,? (\\d{4}))?`, 'i').exec(text);
  const md = monthDay ? { m: monthDay[1]!, d: monthDay[2]!, y: monthDay[3] } : dayMonth ? { m: dayMonth[2]!, d: dayMonth[1]!, y: dayMonth[3] } : null;
  if (md) {
    const m = MONTHS[md.m.toLowerCase()]!;
    const d = Number(md.d);
    if (md.y) return isDate(Number(md.y), m, d) ? `${md.y}-${pad(m)}-${pad(d)}` : null;
    return nextOccurrence(m, d, today);
  }
  const rel = /\bin (\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (day|week|month)s?\b/i.exec(text);
  if (rel) {
    const n = /^\d+$/.test(rel[1]!) ? Number(rel[1]) : WORDS[rel[1]!.toLowerCase()]!;
    const unit = rel[2]!.toLowerCase();
    if (n <= 0) return null;
    return unit === 'day' ? plusDays(today, n) : unit === 'week' ? plusDays(today, n * 7) : addMonths(today, n);
  }
  return null;
}
