// Local-day helpers: parsing, and day bounds that stay right across DST changes in any zone.
import { describe, expect, it } from 'vitest';
import { dayBounds, localDay, localDayBounds, monthsBack, parseDay, parseTimeZone, startOfDay } from '../../src/util/dates.js';

const hours = (b: { start: number; end: number }) => (b.end - b.start) / 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('parseDay', () => {
  it('accepts YYYY-MM-DD and YYYYMMDD', () => {
    expect(parseDay('2025-03-01')).toBe('2025-03-01');
    expect(parseDay('20250301')).toBe('2025-03-01');
    expect(parseDay(' 2024-02-29 ')).toBe('2024-02-29');
  });
  it('rejects anything else as a usage error (exit 2)', () => {
    for (const bad of ['2025-02-30', '2025-13-01', '2025-3-1', '2025-0301', '202503011', 'yesterday', '', '1969-12-31']) {
      expect(() => parseDay(bad, '--since'), bad).toThrow(expect.objectContaining({ exitCode: 2 }));
    }
  });
});

describe('time zones', () => {
  it('validates IANA names', () => {
    expect(parseTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(parseTimeZone('UTC')).toBe('UTC');
    expect(() => parseTimeZone('Mars/Olympus')).toThrow(expect.objectContaining({ exitCode: 2 }));
  });

  it('puts 23:30 UTC on the next day in Berlin', () => {
    const t = Date.parse('2025-03-03T23:30:00Z');
    expect(localDay(t, 'UTC')).toBe('2025-03-03');
    expect(localDay(t, 'Europe/Berlin')).toBe('2025-03-04');
    expect(localDay(t, 'America/New_York')).toBe('2025-03-03');
  });

  it('gives 23- and 25-hour days at DST changes, contiguous', () => {
    const spring = dayBounds('2025-03-29', '2025-03-31', 'Europe/Berlin');
    expect(spring.map(hours)).toEqual([24, 23, 24]);
    expect(iso(spring[1]!.start)).toBe('2025-03-29T23:00:00.000Z');
    const autumn = dayBounds('2025-10-25', '2025-10-27', 'Europe/Berlin');
    expect(autumn.map(hours)).toEqual([24, 25, 24]);
    const ny = dayBounds('2025-03-08', '2025-03-10', 'America/New_York');
    expect(ny.map(hours)).toEqual([24, 23, 24]);
    for (const list of [spring, autumn, ny]) {
      for (let i = 1; i < list.length; i++) expect(list[i]!.start).toBe(list[i - 1]!.end);
    }
  });

  it('starts a day whose midnight does not exist at its first real instant', () => {
    // Santiago springs forward at 00:00 on 2025-09-07: the day starts at 01:00 local (04:00 UTC).
    const start = startOfDay('2025-09-07', 'America/Santiago');
    expect(iso(start)).toBe('2025-09-07T04:00:00.000Z');
    expect(localDay(start, 'America/Santiago')).toBe('2025-09-07');
    expect(localDay(start - 1, 'America/Santiago')).toBe('2025-09-06');
    expect(dayBounds('2025-09-06', '2025-09-08', 'America/Santiago').map(hours)).toEqual([24, 23, 24]);
  });

  it('handles half-hour and far-east zones', () => {
    expect(iso(startOfDay('2025-01-01', 'Asia/Kolkata'))).toBe('2024-12-31T18:30:00.000Z');
    expect(iso(startOfDay('2025-01-01', 'Pacific/Kiritimati'))).toBe('2024-12-31T10:00:00.000Z');
  });

  it('agrees with Intl for every hour of a year (Berlin)', () => {
    const days = dayBounds('2025-01-01', '2025-12-31', 'Europe/Berlin');
    expect(days).toHaveLength(365);
    const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });
    let i = 0;
    for (let t = days[0]!.start; t < days[364]!.end; t += 1_800_000) {
      while (t >= days[i]!.end) i++;
      expect(days[i]!.key).toBe(fmt.format(new Date(t)));
    }
  });

  it('counts months back', () => {
    expect(monthsBack('2025-03-15', 0)).toBe('2025-03-01');
    expect(monthsBack('2025-03-15', 2)).toBe('2025-01-01');
    expect(monthsBack('2025-03-15', 3)).toBe('2024-12-01');
  });
});

describe('localDayBounds (the one DayBounds)', () => {
  it('is the same day in the process zone (TZ) and when the zone is named', () => {
    const t = Date.parse('2025-03-03T23:30:00Z');
    expect(localDayBounds(t)).toEqual(localDayBounds(t, 'UTC'));
    expect(localDayBounds(t)).toEqual({ key: '2025-03-03', start: Date.parse('2025-03-03T00:00:00Z'), end: Date.parse('2025-03-04T00:00:00Z') });
  });
  it('follows a named zone across a 23-hour day', () => {
    const b = localDayBounds(Date.parse('2025-03-30T12:00:00Z'), 'Europe/Berlin');
    expect(b.key).toBe('2025-03-30');
    expect(b.end - b.start).toBe(23 * 3_600_000);
    expect(localDay(b.start, 'Europe/Berlin')).toBe('2025-03-30');
    expect(localDay(b.end, 'Europe/Berlin')).toBe('2025-03-31');
  });
});
