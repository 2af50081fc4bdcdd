// Local calendar days without a date library: a day is `YYYY-MM-DD` in an IANA time zone, and its
// bounds are the epoch-ms instants [start, end) at which that local day begins and the next begins.
// Offsets come from Intl, so DST changes (23- and 25-hour days, even a skipped midnight) are right.
import { UsageError } from '../errors.js';

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` */
export type Day = string;

export interface DayBounds {
  /** `YYYY-MM-DD` (or `YYYY-MM` for months). */
  key: string;
  start: number;
  end: number;
}

/** Days since 1970-01-01 of a civil date: a plain integer that is easy to step through. */
export function dayNumber(day: Day): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function dayFromNumber(n: number): Day {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(day: Day, n: number): Day {
  return dayFromNumber(dayNumber(day) + n);
}

/** The days a date flag accepts (`--since`, `--until`, `--date`, `--launch`): anything outside is a typo. */
export const DAY_RANGE = { min: '2000-01-01', max: '2100-12-31' } as const;

/**
 * The one parser of date flags: `YYYY-MM-DD` or `YYYYMMDD`, a real calendar date within DAY_RANGE.
 * Anything else is a usage error naming the flag (one line, exit 2).
 */
export function parseDay(raw: string, name = 'date'): Day {
  const text = raw.trim();
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(text);
  const dashes = (text.match(/-/g) ?? []).length;
  if (!m || (dashes !== 0 && dashes !== 2)) {
    throw new UsageError(`${name} must be a date like 2025-03-01 or 20250301, got "${shown}"`);
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  if (y < Number(DAY_RANGE.min.slice(0, 4)) || y > Number(DAY_RANGE.max.slice(0, 4))) {
    throw new UsageError(`${name} must be a date from ${DAY_RANGE.min} to ${DAY_RANGE.max}, got "${shown}"`);
  }
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    throw new UsageError(`${name}: ${shown} is not a calendar date`);
  }
  return day;
}

/** The zone of this process (node follows `TZ`). */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Validates an IANA zone name (`Europe/Berlin`, `UTC`) and returns its canonical spelling. */
export function parseTimeZone(raw: string, name = '--timezone'): string {
  const zone = raw.trim();
  try {
    if (!zone) throw new RangeError('empty');
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw new UsageError(`${name}: unknown time zone "${raw}"`, { hint: 'use an IANA name such as Europe/Berlin, America/New_York or UTC' });
  }
}

interface Wall {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

function wallClock(ms: number, timeZone: string): Wall {
  const w: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') w[p.type] = Number(p.value);
  }
  return { y: w.year!, mo: w.month!, d: w.day!, h: w.hour! % 24, mi: w.minute!, s: w.second! };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The local calendar day (`YYYY-MM-DD`) of an instant in a zone. The one `localDay`: its bounds are `localDayBounds`. */
export function localDay(ms: number, timeZone: string): Day {
  const w = wallClock(ms, timeZone);
  return `${pad(w.y, 4)}-${pad(w.mo)}-${pad(w.d)}`;
}

/** Offset of the zone from UTC at an instant, in ms (Berlin in winter: +3_600_000). */
export function zoneOffset(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const whole = ms - (((ms % 1000) + 1000) % 1000);
  return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - whole;
}

/** The first instant of a local day (its midnight, or the first existing time when a DST change skips midnight). */
export function startOfDay(day: Day, timeZone: string): number {
  const wallMidnight = dayNumber(day) * DAY_MS;
  let t = wallMidnight - zoneOffset(wallMidnight, timeZone);
  t = wallMidnight - zoneOffset(t, timeZone);
  if (localDay(t, timeZone) === day && localDay(t - 1, timeZone) < day) return t;
  // Midnight does not exist (or exists twice) here: search the first instant that is on `day` or later.
  let lo = wallMidnight - 15 * 3_600_000; // surely the previous local day (offsets are ≤ +14 h)
  let hi = wallMidnight + 13 * 3_600_000; // surely this day (offsets are ≥ −12 h)
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (localDay(mid, timeZone) >= day) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** [start, end) of every local day from `since` to `until`, inclusive; contiguous, so no instant is in two days. */
export function dayBounds(since: Day, until: Day, timeZone: string): DayBounds[] {
  const out: DayBounds[] = [];
  const first = dayNumber(since);
  const last = dayNumber(until);
  let start = startOfDay(since, timeZone);
  for (let n = first; n <= last; n++) {
    const end = startOfDay(dayFromNumber(n + 1), timeZone);
    out.push({ key: dayFromNumber(n), start, end });
    start = end;
  }
  return out;
}

/** The first day of the month `n` months before the month of `day` (n = 0: its own month). */
export function monthsBack(day: Day, n: number): Day {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - n;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}-01`;
}

/**
 * [start, end) of the local day containing `ms`: in `timeZone`, or without one in the process zone
 * (node follows `TZ`) by plain Date arithmetic, which needs no Intl (the UI's first frame and every
 * reservation ask for today's bounds).
 */
export function localDayBounds(ms: number, timeZone?: string): DayBounds {
  if (timeZone === undefined) {
    const d = new Date(ms);
    const start = new Date(d.getFullYear(), d.getMonth(), d.getDate());
    const key = `${pad(start.getFullYear(), 4)}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}`;
    return { key, start: start.getTime(), end: new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime() };
  }
  const day = localDay(ms, timeZone);
  return { key: day, start: startOfDay(day, timeZone), end: startOfDay(addDays(day, 1), timeZone) };
}

/**
 * ISO-8601 in the process zone (node follows `TZ`), to the second with the offset, whatever the
 * locale: 2026-12-06T21:49:58+01:00 (Z for UTC). For people reading history; JSON keeps UTC.
 */
export function isoLocal(ms: number): string {
  const d = new Date(ms);
  const off = -d.getTimezoneOffset();
  const zone = off === 0 ? 'Z' : `${off > 0 ? '+' : '-'}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${zone}`;
}
