// Timeline: when the doors open (or the beta, or when the cart closes), given as a date
// ("March 3", "3rd of March 2027", "10/15"), a weekday ("next Friday", "on Saturday") or a
// distance ("in six weeks", "two weeks from today", "in a month").
import { COUNT_RE, countOf } from './text.js';
import type { Candidate, CategoryModule, SentenceView } from './types.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = '(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\\.?';
const DAY_RE = '(monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const cap = (s: string): string => s[0]!.toUpperCase() + s.slice(1);
const monthName = (abbr: string): string => cap(MONTHS.find((m) => m.startsWith(abbr.slice(0, 3)))!);

/** Date expressions, each with a formatter for the value. Tried at one position, first wins. */
const DATES: [RegExp, (m: RegExpExecArray) => string | null][] = [
  [new RegExp(`^(?:on |for |to |by |is |: ?)?${MONTH_RE} (\\d{1,2})(?:st|nd|rd|th)?(?:,? (20\\d\\d))?\\b`), (m) => dated(m[1]!, m[2]!, m[3])],
  [new RegExp(`^(?:on |for |to |by |is |: ?)?(?:the )?(\\d{1,2})(?:st|nd|rd|th)? (?:of )?${MONTH_RE}(?: (20\\d\\d))?\\b`), (m) => dated(m[2]!, m[1]!, m[3])],
  [/^(?:on |for |to |by |is |: ?)?(20\d\d)-(\d\d)-(\d\d)\b/, (m) => `on ${m[1]}-${m[2]}-${m[3]}`],
  [/^(?:on |for |to |by |is |: ?)?(\d{1,2})\/(\d{1,2})\b/, (m) => (Number(m[1]) <= 12 && Number(m[2]) <= 31 ? `on ${cap(MONTHS[Number(m[1]) - 1]!)} ${Number(m[2])}` : null)],
  [/^(?:on |for )?the (\d{1,2})(?:st|nd|rd|th)\b/, (m) => `on the ${m[1]}${ordinal(Number(m[1]))}`],
  [new RegExp(`^(?:on |for |is )?(next|this) ${DAY_RE}\\b`), (m) => `${m[1]} ${cap(m[2]!)}`],
  [/^(?:on |for |is )?(next) (week|month)\b/, (m) => `next ${m[2]}`],
  [new RegExp(`^(?:on )${DAY_RE}\\b`), (m) => `on ${cap(m[1]!)}`],
  [new RegExp(`^(?:in |is in )?(?:about |around |roughly |~)?(${COUNT_RE}) (day|week|month)s?(?: from (?:today|now))?\\b`), (m) => distance(m)],
  [/^(?:by )?(?:the )?end of (\w+)\b/, (m) => `by end of ${cap(m[1]!)}`],
  [/^(?:in )?mid-(\w+)\b/, (m) => `in mid-${cap(m[1]!)}`],
  [/^(?:at )?the start of (\w+)\b/, (m) => `at start of ${cap(m[1]!)}`],
  [/^(?:in )?the fall\b|^in autumn\b/, () => 'in autumn'],
  [/^(before|by) (summer|christmas|january|the holidays)\b/, (m) => `${m[1]} ${cap(m[2]!)}`],
];

function ordinal(n: number): string {
  return n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th';
}
function dated(month: string, day: string, year: string | undefined): string | null {
  const d = Number(day);
  if (d < 1 || d > 31) return null;
  if (year) return `on ${year}-${String(MONTHS.indexOf(monthName(month).toLowerCase()) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return `on ${monthName(month)} ${d}`;
}
function distance(m: RegExpExecArray): string | null {
  const head = m[0].startsWith('in ') || m[0].startsWith('is in ') || /from (?:today|now)/.test(m[0]);
  const n = countOf(m[1]!);
  if (!head || !Number.isFinite(n) || n < 1 || n > 104) return null;
  return `in ${n} ${m[2]}${n === 1 ? '' : 's'}`;
}

/** What happens on the date. The anchor's own words decide the event. */
const ANCHOR = /\b(?:launch(?:ing|es)?|go(?:ing|es)? live|we go live|doors? (?:open|opens|are opening)|open(?:ing)? (?:the )?doors|(?:community|membership|group|cart|beta) (?:opens|open|is opening)|cart (?:closes|close)|closes|release|releasing)\b/g;
const SKIP_AFTER = /^\s(?:workshop|emails?|calendar|content|plan|sequence|ads|event|webinar|video|posts?|party|checklist|strategy|budget|offer|stream)\b/;
const OTHER = /\b(?:waitlist|wait list|channel|podcast|newsletter|ebook|book|youtube|video|product|shop|store|website|app|page|course|survey|her|his|their)\b/g;
const OWN = /\b(?:community|membership|doors|group|it|club|skool|circle|discord)\b/g;

function eventOf(v: SentenceView, at: number, word: string): string | null {
  if (/clos/.test(word)) return /\bcart\b/.test(v.low.slice(0, at + word.length)) ? 'cart closes' : null;
  const near = v.low.slice(Math.max(0, at - 16), at + word.length);
  return /\b(?:beta|soft|founding)\b/.test(near) ? 'beta launch' : 'launch';
}

function lastOf(re: RegExp, s: string): number {
  let at = -1;
  for (const m of s.matchAll(re)) at = m.index;
  return at;
}

/** Words without which a sentence has no launch anchor. */
const GATE = /launch|live|open|doors|clos|releas/;

export const timeline: CategoryModule = {
  category: 'timeline',
  find(v: SentenceView) {
    const out: Candidate[] = [];
    if (!GATE.test(v.low)) return out;
    const anchors = [...v.low.matchAll(ANCHOR)].filter((a) => !SKIP_AFTER.test(v.low.slice(a.index + a[0].length, a.index + a[0].length + 14)));
    for (const a of anchors) {
      const event = eventOf(v, a.index, a[0]);
      if (!event) continue;
      const aEnd = a.index + a[0].length;
      // the first date after the anchor (before the next anchor), else one just before it
      const next = anchors.find((b) => b.index > a.index)?.index ?? v.low.length;
      for (let i = aEnd; i < Math.min(next, aEnd + 80); i++) {
        if (i > aEnd && !/[\s:]/.test(v.low[i - 1]!)) continue;
        const found = dateAt(v.low.slice(i));
        if (!found) continue;
        const between = v.low.slice(aEnd, i);
        if (/[.!?]/.test(between)) break;
        if (lastOf(OTHER, between) > lastOf(OWN, between)) continue;
        out.push({ value: `${event} ${found.value}`, start: a.index, end: i + found.len, frame: 'strong' });
        break;
      }
      if (out.length && out[out.length - 1]!.start === a.index) continue;
      const before = /(?:^|\s)(in (?:about )?\S+ (?:days?|weeks?|months?))\s(?:the |our )?$/.exec(v.low.slice(Math.max(0, a.index - 30), a.index));
      const found = before ? dateAt(before[1]!) : null;
      if (found) out.push({ value: `${event} ${found.value}`, start: a.index - before![1]!.length - 1, end: aEnd, frame: 'strong' });
    }
    return out.filter((c, i) => out.findIndex((o) => o.value === c.value) === i);
  },
};

function dateAt(s: string): { value: string; len: number } | null {
  for (const [re, format] of DATES) {
    const m = re.exec(s);
    if (!m) continue;
    const value = format(m);
    if (value) return { value, len: m[0].length };
  }
  return null;
}
