// Issue 7: `coach usage` over a seeded database: every report's rows and totals equal sums
// computed independently here; inclusive bounds; JSON shapes; time zones; empty ranges.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempHome } from '../helpers/cli.js';
import { dayIn, expectedOf, groupBy, seedUsage, type SeedRow, type Status, type StoredRow } from './seed.js';

const SONNET = 'claude-sonnet-4-6';
const HAIKU = 'claude-haiku-4-5';
const MYSTERY = 'mystery-model-9'; // not in the pricing table

const ROW_KEYS = ['cacheCreationTokens', 'cacheReadTokens', 'costUSD', 'errors', 'inputTokens', 'interrupted', 'modelsUsed', 'outputTokens', 'refused', 'requests', 'totalTokens', 'unpricedRequests'];
const TOTAL_KEYS = ROW_KEYS.filter((k) => k !== 'modelsUsed');

/** Several days in Feb/March 2025, two profiles, three models, every status. */
function rows(): SeedRow[] {
  const out: SeedRow[] = [];
  const days = ['2025-02-27', '2025-02-28', '2025-03-01', '2025-03-02', '2025-03-03', '2025-03-05'];
  const statuses: Status[] = ['ok', 'ok', 'interrupted', 'error', 'refused', 'pending', 'ok'];
  let i = 0;
  for (const day of days) {
    for (let h = 0; h < 7; h++) {
      for (const profile of ['default', 'work']) {
        const model = day === '2025-03-02' && h === 3 ? MYSTERY : i % 3 === 0 ? HAIKU : SONNET;
        out.push({
          profile, model, status: statuses[(i + h) % statuses.length]!,
          at: `${day}T${String(h * 3 + 1).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}:00Z`,
          input: 1200 + i * 37, output: 300 + i * 11, cacheWrite: i % 4 === 0 ? 2500 : 0, cacheRead: i % 2 === 0 ? 4000 + i : 0,
        });
        i++;
      }
    }
  }
  // Bounds: the first and the last millisecond of a UTC day, and 23:30 UTC (next day in Berlin).
  out.push({ profile: 'default', model: SONNET, status: 'ok', at: '2025-03-01T00:00:00.000Z', input: 10, output: 5 });
  out.push({ profile: 'default', model: SONNET, status: 'ok', at: '2025-03-03T23:59:59.999Z', input: 20, output: 7 });
  out.push({ profile: 'default', model: HAIKU, status: 'ok', at: '2025-03-03T23:30:00.000Z', input: 999, output: 111, cacheRead: 5000 });
  return out;
}

const json = (r: { stdout: string }) => JSON.parse(r.stdout);
const utcDay = (r: StoredRow) => dayIn(r.at, 'UTC');

function expectedRows(list: StoredRow[], key: (r: StoredRow) => string, label: string, withModels = true) {
  return [...groupBy(list, key)].map(([k, group]) => {
    const e = expectedOf(group);
    const { modelsUsed, ...rest } = e;
    return withModels ? { [label]: k, ...rest, modelsUsed } : { [label]: k, ...rest };
  });
}

function totalsOf(list: StoredRow[]) {
  const { modelsUsed: _m, ...t } = expectedOf(list);
  return t;
}

describe('coach usage over a seeded store', () => {
  const { home, cleanup } = tempHome();
  let stored: StoredRow[] = [];
  const run = (...args: string[]) => runCli(args, { home });
  const mine = () => stored.filter((r) => r.profile === 'default');
  beforeAll(() => {
    stored = seedUsage(home, ['default', 'work'], rows());
  });
  afterAll(cleanup);

  it('daily: every row and the totals equal independent sums (current profile)', async () => {
    const r = await run('usage', 'daily', '--json');
    expect(r.code, r.stderr).toBe(0);
    const doc = json(r);
    expect(Object.keys(doc)).toEqual(['daily', 'totals']);
    for (const row of doc.daily) expect(Object.keys(row).sort()).toEqual(['date', ...ROW_KEYS].sort());
    expect(Object.keys(doc.totals).sort()).toEqual(TOTAL_KEYS.sort());
    const expected = expectedRows(mine(), utcDay, 'date');
    expect(doc.daily).toEqual(expected);
    expect(doc.totals).toEqual(totalsOf(mine()));
    // `daily` is the default report
    expect(json(await run('usage', '--json'))).toEqual(doc);
  });

  it('marks unpriced usage: costUSD null on its day and in the totals, with a warning on stderr', async () => {
    const r = await run('usage', '--json', '--since', '2025-03-02', '--until', '2025-03-02');
    const doc = json(r);
    expect(doc.daily).toHaveLength(1);
    expect(doc.daily[0].costUSD).toBeNull();
    expect(doc.daily[0].unpricedRequests).toBeGreaterThan(0);
    expect(doc.daily[0].modelsUsed).toContain(MYSTERY);
    expect(doc.totals.costUSD).toBeNull();
    expect(r.stderr).toMatch(new RegExp(`warning: ${MYSTERY}: it is not in the pricing table`));
    // a priced day keeps an exact number
    const other = json(await run('usage', '--json', '--since', '20250301', '--until', '20250301'));
    expect(typeof other.daily[0].costUSD).toBe('number');
  });

  it('includes both bounds (local days, YYYY-MM-DD or YYYYMMDD)', async () => {
    const r = await run('usage', '--json', '--since', '2025-03-01', '--until', '20250303');
    const doc = json(r);
    expect(doc.daily.map((d: { date: string }) => d.date)).toEqual(['2025-03-01', '2025-03-02', '2025-03-03']);
    const inRange = mine().filter((x) => ['2025-03-01', '2025-03-02', '2025-03-03'].includes(utcDay(x)));
    expect(doc.totals).toEqual(totalsOf(inRange));
    // the first and last millisecond of the range are in it
    expect(inRange.some((x) => x.at === Date.parse('2025-03-01T00:00:00.000Z'))).toBe(true);
    expect(inRange.some((x) => x.at === Date.parse('2025-03-03T23:59:59.999Z'))).toBe(true);
    const one = json(await run('usage', '--json', '--since', '2025-03-03', '--until', '2025-03-03'));
    expect(one.daily.map((d: { date: string }) => d.date)).toEqual(['2025-03-03']);
  });

  it('monthly, models and profiles reports equal independent sums', async () => {
    const monthly = json(await run('usage', 'monthly', '--json'));
    expect(Object.keys(monthly)).toEqual(['monthly', 'totals']);
    expect(monthly.monthly).toEqual(expectedRows(mine(), (x) => utcDay(x).slice(0, 7), 'month'));
    expect(monthly.totals).toEqual(totalsOf(mine()));

    const models = json(await run('usage', 'models', '--json', '--all-profiles'));
    expect(Object.keys(models)).toEqual(['models', 'totals']);
    const expectedModels = expectedRows(stored, (x) => x.model, 'model', false);
    expect([...models.models].sort((a, b) => a.model.localeCompare(b.model))).toEqual(expectedModels);
    for (const m of models.models) expect(m).not.toHaveProperty('modelsUsed');
    expect(models.totals).toEqual(totalsOf(stored));
    expect(models.models.find((m: { model: string }) => m.model === MYSTERY).costUSD).toBeNull();

    const profiles = json(await run('usage', 'profiles', '--json'));
    expect(Object.keys(profiles)).toEqual(['profiles', 'totals']);
    expect(profiles.profiles).toEqual(expectedRows(stored, (x) => x.profile, 'profile'));
    expect(profiles.totals).toEqual(totalsOf(stored));
  });

  it('--profile and --all-profiles choose whose usage is counted', async () => {
    const work = json(await runCli(['--profile', 'work', 'usage', '--json'], { home }));
    expect(work.totals).toEqual(totalsOf(stored.filter((r) => r.profile === 'work')));
    const all = json(await run('usage', '--json', '--all-profiles'));
    expect(all.daily).toEqual(expectedRows(stored, utcDay, 'date'));
    expect(all.totals).toEqual(totalsOf(stored));
    const nobody = await runCli(['--profile', 'nobody', 'usage'], { home });
    expect(nobody.code).toBe(2);
  });

  it('--breakdown adds per-model rows that add up to their day', async () => {
    const doc = json(await run('usage', '--json', '--breakdown', '--since', '2025-03-01', '--until', '2025-03-05'));
    for (const day of doc.daily) {
      const group = mine().filter((x) => utcDay(x) === day.date);
      const perModel = [...groupBy(group, (x) => x.model)].map(([model, g]) => {
        const { modelsUsed: _m, ...e } = expectedOf(g);
        return { model, ...e };
      });
      expect([...day.modelBreakdowns].sort((a, b) => a.model.localeCompare(b.model))).toEqual(perModel);
      const sum = (k: string) => day.modelBreakdowns.reduce((s: number, m: Record<string, number>) => s + m[k]!, 0);
      for (const k of ['requests', 'inputTokens', 'outputTokens', 'cacheCreationTokens', 'cacheReadTokens', 'totalTokens', 'errors', 'interrupted']) expect(sum(k)).toBe(day[k]);
    }
    const plain = json(await run('usage', '--json'));
    expect(plain.daily[0]).not.toHaveProperty('modelBreakdowns');
    const monthly = json(await run('usage', 'monthly', '--json', '--breakdown'));
    expect(monthly.monthly[0].modelBreakdowns.length).toBeGreaterThan(0);
  });

  it('local days follow --timezone and TZ: 23:30 UTC is the next day in Berlin', async () => {
    const sel = ['--since', '2025-03-03', '--until', '2025-03-04', '--json'];
    const utc = json(await run('usage', ...sel));
    const berlin = json(await run('usage', ...sel, '--timezone', 'Europe/Berlin'));
    const viaTz = json(await runCli(['usage', ...sel], { home, env: { TZ: 'Europe/Berlin' } }));
    expect(viaTz).toEqual(berlin);
    const berlinRows = mine().filter((x) => ['2025-03-03', '2025-03-04'].includes(dayIn(x.at, 'Europe/Berlin')));
    expect(berlin.daily).toEqual(expectedRows(berlinRows, (x) => dayIn(x.at, 'Europe/Berlin'), 'date'));
    const late = mine().find((x) => x.at === Date.parse('2025-03-03T23:30:00.000Z'))!;
    expect(utcDay(late)).toBe('2025-03-03');
    expect(dayIn(late.at, 'Europe/Berlin')).toBe('2025-03-04');
    expect(berlin.daily.map((d: { date: string }) => d.date)).toContain('2025-03-04');
    expect(utc.daily.map((d: { date: string }) => d.date)).toEqual(['2025-03-03']);
    // Far west, the same rows land a day earlier.
    const la = json(await run('usage', '--json', '--timezone', 'America/Los_Angeles'));
    expect(la.daily).toEqual(expectedRows(mine(), (x) => dayIn(x.at, 'America/Los_Angeles'), 'date'));
  });

  it('rejects bad input with exit 2 and one line', async () => {
    for (const args of [
      ['usage', '--since', '2025-03-05', '--until', '2025-03-01'],
      ['usage', '--since', '2025-02-30'],
      ['usage', '--since', 'yesterday'],
      ['usage', '--last', '0'],
      ['usage', '--last', '3', '--since', '2025-03-01'],
      ['usage', '--timezone', 'Mars/Olympus'],
      ['usage', 'weekly'],
      ['usage', 'models', '--breakdown'],
    ]) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect((await run('usage', '--since', '2025-03-05', '--until', '2025-03-01')).stderr).toMatch(/--since 2025-03-05 is after --until 2025-03-01/);
  });

  it('prints a valid empty document for an empty range', async () => {
    const r = await run('usage', '--json', '--since', '2030-01-01', '--until', '2030-01-31');
    expect(r.code).toBe(0);
    expect(json(r)).toEqual({ daily: [], totals: { requests: 0, inputTokens: 0, outputTokens: 0, cacheCreationTokens: 0, cacheReadTokens: 0, totalTokens: 0, costUSD: 0, errors: 0, interrupted: 0, refused: 0, unpricedRequests: 0 } });
    for (const kind of ['monthly', 'models', 'profiles']) {
      const e = await run('usage', kind, '--json', '--since', '2030-01-01', '--until', '2030-01-31');
      expect(e.code).toBe(0);
      expect(json(e)[kind]).toEqual([]);
    }
    const people = await run('usage', '--since', '2030-01-01', '--until', '2030-01-31');
    expect(people.code).toBe(0);
    expect(people.stderr).toMatch(/No AI usage from 2030-01-01 to 2030-01-31/);
  });

  it('shows people a table with totals, separators, cents and a bar per row', async () => {
    const r = await run('usage', '--since', '2025-02-27', '--until', '2025-03-05', '--all-profiles');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    const row = lines.find((l) => l.includes('2025-03-01'))!;
    const total = lines.find((l) => /^│ Total\s+│/.test(l))!;
    expect(row).toMatch(/\d{1,3}(,\d{3})+/); // thousands separators
    expect(total).toMatch(/│\s+(≥ )?\$\d[\d,]*\.\d\d\s+│/); // cost to the cent, right-aligned
    expect(row).toMatch(/[█░]{8}/);
    // totals last, under a rule; then the border and the "Today" line
    expect(lines.indexOf(total)).toBe(lines.length - 4);
    expect(lines[lines.length - 5]).toMatch(/^├─/);
    expect(lines[lines.length - 3]).toMatch(/^└─/);
    expect(r.stdout).toMatch(/Today \d{4}-\d{2}-\d{2} \(UTC\), profile default: \d+ \/ 50 messages/);
    expect(r.stdout).not.toMatch(/\u001b\[/); // NO_COLOR
  });
});

describe('today under the table', () => {
  const { home, cleanup } = tempHome();
  afterAll(cleanup);
  it('counts today’s messages against the limit and the cost against the threshold', async () => {
    const now = Date.now();
    seedUsage(home, ['default'], [
      { profile: 'default', model: SONNET, status: 'ok', at: now - 1000, input: 100_000, output: 50_000 },
      { profile: 'default', model: SONNET, status: 'interrupted', at: now - 900, input: 1000, output: 10 },
      { profile: 'default', model: SONNET, status: 'refused', at: now - 800 },
      { profile: 'default', model: SONNET, status: 'ok', kind: 'welcome', counted: false, at: now - 700, input: 500, output: 500 },
    ]);
    const r = await runCli(['usage', '--last', '1'], { home, env: { COACH_DAILY_MESSAGE_LIMIT: '7' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Today \d{4}-\d{2}-\d{2} \(UTC\), profile default: 2 \/ 7 messages · \$1\.06 of \$10\.00 warning threshold/);
    const capped = await runCli(['usage', '--last', '1'], { home, env: { COACH_DAILY_COST_CAP_USD: '5' } });
    expect(capped.stdout).toMatch(/\(cap \$5\.00\)/);
  });

  it('prints an empty document on a fresh install', async () => {
    const fresh = tempHome();
    try {
      const r = await runCli(['usage', '--json'], { home: fresh.home });
      expect(r.code).toBe(0);
      expect(json(r).daily).toEqual([]);
    } finally {
      fresh.cleanup();
    }
  });
});
