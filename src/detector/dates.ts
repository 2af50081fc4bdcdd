// Date expressions for launch timelines: "March 3", "3rd of March 2027", "2027-03-03",
// "in 6 weeks", "next Monday", "by the end of May", "mid-April", "in the fall", "Q2".
// Each parse looks at a handful of tokens from one position.
import { roleIn, roleTable } from './candidate.js';
import { numberOf, table, tokenAt, type Token } from './tokens.js';
import { F, register } from './vocab.js';

export interface DateExpr {
  from: number;
  to: number;
  /** Normalised, with its preposition: "on March 3", "on 2027-03-03", "in 6 weeks", "next Monday". */
  text: string;
  /** The unit of a relative date in whole units ("in 6 weeks" → 'week'), else ''. */
  unit: string;
}

function dateExpr(from: number, to: number, text: string, unit = ''): DateExpr {
  return { from, to, text, unit };
}

const MONTHS: Record<string, number> = table({
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
});
const MONTH_NAMES = ['', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS: Record<string, string> = table({
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
});
const SEASONS: Record<string, string> = table({ fall: 'autumn', autumn: 'autumn', spring: 'spring', summer: 'summer', winter: 'winter' });
const UNITS: Record<string, string> = table({ day: 'day', days: 'day', week: 'week', weeks: 'week', wk: 'week', wks: 'week', month: 'month', months: 'month' });
const PREPS = new Set(['on', 'in', 'by', 'before', 'for', 'within', 'around', 'from', 'after', 'until', 'til', 'till']);
const APPROX = new Set(['about', 'around', 'roughly', 'like', 'approx', 'approximately', '~', 'just', 'maybe']);
const D_PREP = 1;
const D_APPROX = 2;
/** PREPS and APPROX by vocabulary id: a parse tests a token's `id`, no string hashing. */
const DATE_ROLE = roleTable([
  [PREPS, D_PREP],
  [APPROX, D_APPROX],
]);

function monthAt(t: Token | undefined, prev: Token | undefined): number {
  if (!t || t.kind !== 'word') return 0;
  // month names carry the DATE bit: no table lookup for any other word ("jan." aside)
  const dot = t.low.endsWith('.');
  if ((t.flags & F.DATE) === 0 && !dot) return 0;
  const m = MONTHS[dot ? t.low.slice(0, -1) : t.low];
  if (!m) return 0;
  // "may" and "mar" are also ordinary words: take them only when they look like dates
  if ((t.low === 'may' || t.low === 'mar') && !t.cap && !(prev && (roleIn(DATE_ROLE, prev) & D_PREP) !== 0)) return 0;
  return m;
}

function dayAt(t: Token | undefined): number {
  if (!t || t.kind !== 'num' || t.suffix !== '' || !Number.isInteger(t.value)) return 0;
  return t.value >= 1 && t.value <= 31 && t.raw.length <= 4 ? t.value : 0;
}

function yearAt(t: Token | undefined): number {
  if (!t || t.kind !== 'num' || t.ordinal || !Number.isInteger(t.value)) return 0;
  return t.value >= 2000 && t.value <= 2100 ? t.value : 0;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function exact(month: number, day: number, year: number): string {
  return year ? `${year}-${pad(month)}-${pad(day)}` : `${MONTH_NAMES[month]} ${day}`;
}

/** Words that can open a date expression; anything else is skipped without parsing. */
const OPENERS = new Set([
  ...PREPS,
  ...Object.keys(MONTHS),
  ...Object.keys(WEEKDAYS),
  ...Object.keys(SEASONS),
  'the',
  'next',
  'this',
  'early',
  'mid',
  'late',
  'end',
  'start',
  'beginning',
  'tomorrow',
  'today',
  'tonight',
  'a',
  'q1',
  'q2',
  'q3',
  'q4',
]);

register(OPENERS, F.DATE);

/** Cheap test: could a date expression start at this token? */
export function mayStartDate(t: Token): boolean {
  if (t.kind === 'num') return true;
  if (t.kind !== 'word') return false;
  if ((t.flags & F.DATE) !== 0) return true;
  return (t.flags & F.HYPHEN) !== 0 && (t.low.startsWith('mid-') || t.low.startsWith('early-') || t.low.startsWith('late-'));
}

/** Parse a date expression starting at token `i` (a preposition may come first). `unitHint`
 * completes "in 5" after an earlier "in 2 weeks". */
export function parseDateAt(tokens: Token[], i: number, unitHint = ''): DateExpr | null {
  let k = i;
  let prep = '';
  if (tokens[k] && (roleIn(DATE_ROLE, tokens[k]!) & D_PREP) !== 0) {
    prep = tokens[k]!.low;
    k++;
  }
  if (tokens[k]?.low === 'the' && tokens[k + 1]?.low === 'end' && tokens[k + 2]?.low === 'of') k++;
  while (tokens[k] && (roleIn(DATE_ROLE, tokens[k]!) & D_APPROX) !== 0 && k - i < 3) k++;
  const t = tokens[k];
  if (!t) return null;
  // a date goes on with a number, a date word (month, weekday, season, "the", "next" …, all with
  // the DATE bit), a number word ("in six weeks") or "mid-April": after anything else, nothing
  // below can match, and most calls (a preposition before an ordinary word) end here
  if (t.kind === 'sym') return null;
  if (t.kind === 'word' && (t.flags & (F.DATE | F.HYPHEN)) === 0 && !t.low.endsWith('.') && !Number.isFinite(numberOf(t))) return null;
  // after "the" only a day ("the 15th") or a season ("the fall") can follow
  if (t.low === 'the' && !(tokens[k + 1] !== undefined && (tokens[k + 1]!.kind === 'num' || (tokens[k + 1]!.flags & F.DATE) !== 0))) return null;
  const datePrep = prep === 'by' || prep === 'before' ? prep : 'on';

  // 2027-03-03
  const y = yearAt(t);
  if (y && tokens[k + 1]?.low === '-' && tokens[k + 3]?.low === '-') {
    const mo = dayAt(tokens[k + 2]);
    const d = dayAt(tokens[k + 4]);
    if (mo >= 1 && mo <= 12 && d) return dateExpr(i, k + 5, `${datePrep} ${y}-${pad(mo)}-${pad(d)}`);
  }
  // 10/15 — only when the order is unambiguous (one side above 12)
  if (t.kind === 'num' && tokens[k + 1]?.low === '/' && !tokens[k + 1]!.space && tokens[k + 2]?.kind === 'num') {
    const x = dayAt(t);
    const z = dayAt(tokens[k + 2]);
    if (x && z && (x > 12) !== (z > 12)) {
      const [mo, d] = x > 12 ? [z, x] : [x, z];
      return dateExpr(i, k + 3, `${datePrep} ${exact(mo, d, 0)}`);
    }
  }
  // March 3, March 3rd 2027
  const m = monthAt(t, tokenAt(tokens, k - 1));
  if (m) {
    let j = k + 1;
    if (tokens[j]?.low === 'the') j++;
    const d = dayAt(tokens[j]);
    if (d) {
      j++;
      if (tokens[j]?.low === ',' && yearAt(tokens[j + 1])) j++;
      const yr = yearAt(tokens[j]);
      return dateExpr(i, yr ? j + 1 : j, `${datePrep} ${exact(m, d, yr)}`);
    }
    if (prep === 'in' || prep === 'by' || prep === 'before' || prep === 'until' || prep === 'after') {
      const p = prep === 'until' ? 'in' : prep;
      return dateExpr(i, k + 1, `${p} ${MONTH_NAMES[m]}`);
    }
    return null;
  }
  // 3 March, 3rd of March 2027, the 15th
  let j = k;
  if (t.low === 'the') j++;
  const d = dayAt(tokens[j]);
  if (d) {
    let q = j + 1;
    if (tokens[q]?.low === 'of') q++;
    const mo = monthAt(tokens[q], tokens[q - 1]);
    if (mo) {
      const yr = yearAt(tokens[q + 1]);
      return dateExpr(i, yr ? q + 2 : q + 1, `${datePrep} ${exact(mo, d, yr)}`);
    }
    if (t.low === 'the' && tokens[j]!.ordinal) return dateExpr(i, j + 1, `${datePrep} the ${tokens[j]!.low}`);
  }
  // early/mid/late March, mid-April, end of May
  const qual = t.low;
  if (qual === 'early' || qual === 'mid' || qual === 'late') {
    const mo = monthAt(tokens[k + 1], t);
    if (mo) return dateExpr(i, k + 2, `${prep === 'by' || prep === 'before' ? prep : 'in'} ${qual} ${MONTH_NAMES[mo]}`);
  }
  if ((t.flags & F.HYPHEN) !== 0 && (qual.startsWith('mid-') || qual.startsWith('early-') || qual.startsWith('late-'))) {
    const [q0, rest] = qual.split('-') as [string, string];
    const mo = MONTHS[rest];
    if (mo) return dateExpr(i, k + 1, `in ${q0}-${MONTH_NAMES[mo]}`);
  }
  if ((qual === 'end' || qual === 'start' || qual === 'beginning') && tokens[k + 1]?.low === 'of') {
    let q = k + 2;
    if (tokens[q]?.low === 'the') q++;
    const mo = monthAt(tokens[q], tokens[q - 1]);
    if (mo) return dateExpr(i, q + 1, `${qual === 'end' ? 'by end of' : 'at start of'} ${MONTH_NAMES[mo]}`);
    if (tokens[q]?.low === 'month' || tokens[q]?.low === 'year') return dateExpr(i, q + 1, `by end of the ${tokens[q]!.low}`);
  }
  // in 6 weeks, in six weeks, within a month, in a couple of weeks, 6 weeks from now
  if (prep === 'in' || prep === 'within' || prep === '') {
    let q = k;
    let n = numberOf(tokens[q]);
    if (tokens[q]?.low === 'a' && tokens[q + 1]?.low === 'couple') {
      n = 2;
      q++;
      if (tokens[q + 1]?.low === 'of') q++;
    } else if (tokens[q]?.low === 'a' && tokens[q + 1]?.low === 'few') {
      const unit = UNITS[tokens[q + 2]?.low ?? ''];
      if (unit && prep) return dateExpr(i, q + 3, `in a few ${unit}s`);
    }
    let unit: string | undefined;
    if (Number.isFinite(n) && n > 0 && n < 400) {
      unit = UNITS[tokens[q + 1]?.low ?? ''];
      // "public launch in 5" after "in 2 weeks": the unit carries over
      if (!unit && unitHint && prep === 'in' && tokens[q]?.kind === 'num' && (tokens[q + 1] === undefined || tokens[q + 1]!.kind === 'sym')) {
        unit = unitHint;
      }
    }
    if (unit) {
      const fromNow = tokens[q + 2]?.low === 'from' && tokens[q + 3]?.low === 'now';
      if (prep || fromNow) return dateExpr(i, fromNow ? q + 4 : q + 2, `in ${n} ${unit}${n === 1 ? '' : 's'}`, Number.isInteger(n) ? unit : '');
    }
  }
  // the rest opens with a date word
  if ((t.flags & F.DATE) === 0) return null;
  // next Monday, next week, this Friday
  if ((t.low === 'next' || t.low === 'this') && !prep) {
    const w = tokens[k + 1]?.low ?? '';
    if (WEEKDAYS[w]) return dateExpr(i, k + 2, `${t.low} ${WEEKDAYS[w]}`);
    if (w === 'week' || w === 'month' || w === 'weekend' || w === 'year') return dateExpr(i, k + 2, `${t.low} ${w}`);
  }
  // on Friday
  if (WEEKDAYS[t.low] && (prep === 'on' || prep === '') && t.cap) return dateExpr(i, k + 1, `on ${WEEKDAYS[t.low]}`);
  // in the fall, before summer
  {
    let q = k;
    if (tokens[q]?.low === 'the') q++;
    const s = prep && tokens[q] && (tokens[q]!.flags & F.DATE) !== 0 ? SEASONS[tokens[q]!.low] : undefined;
    if (s) return dateExpr(i, q + 1, `${prep === 'before' || prep === 'by' ? prep : 'in'} ${s}`);
  }
  // Q2
  if (/^q[1-4]$/.test(t.low) && prep) return dateExpr(i, k + 1, `in ${t.raw.toUpperCase()}`);
  if (t.low === 'tomorrow' || t.low === 'today' || t.low === 'tonight') return dateExpr(i, k + 1, t.low);
  return null;
}
