// The report core in-process, on random data: every report in several zones equals plain loops.
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { usageDocument, usageReport, type ReportKind } from '../../src/app/usage.js';
import { openStore } from '../../src/store/db.js';
import { tempHome } from '../helpers/cli.js';
import { dayIn, expectedOf, groupBy, seedUsage, type SeedRow, type Status } from './seed.js';

function random(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe('usage report on random rows', () => {
  const { home, cleanup } = tempHome();
  afterAll(cleanup);
  const rnd = random(42);
  const models = ['claude-sonnet-4-6', 'claude-haiku-4-5', 'claude-opus-4-6', 'unknown-model-x'];
  const statuses: Status[] = ['ok', 'ok', 'ok', 'ok', 'interrupted', 'error', 'refused', 'pending'];
  const start = Date.parse('2024-12-20T00:00:00Z');
  const rows: SeedRow[] = Array.from({ length: 20_000 }, () => ({
    profile: rnd() < 0.7 ? 'default' : 'work',
    at: start + Math.floor(rnd() * 100 * 86_400_000),
    model: models[Math.floor(rnd() * (rnd() < 0.95 ? 3 : 4))]!,
    status: statuses[Math.floor(rnd() * statuses.length)]!,
    input: Math.floor(rnd() * 5000), output: Math.floor(rnd() * 2000),
    cacheWrite: rnd() < 0.3 ? Math.floor(rnd() * 8000) : 0, cacheRead: rnd() < 0.5 ? Math.floor(rnd() * 20000) : 0,
  }));
  const stored = seedUsage(home, ['default', 'work'], rows);
  const store = openStore({ file: join(home, 'coach.db'), recover: false });
  afterAll(() => store.close());
  const now = Date.parse('2025-04-01T12:00:00Z');

  for (const timeZone of ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata']) {
    it(`daily, monthly, models, profiles in ${timeZone}`, () => {
      const key: Record<ReportKind, (r: (typeof stored)[number]) => string> = {
        daily: (r) => dayIn(r.at, timeZone),
        monthly: (r) => dayIn(r.at, timeZone).slice(0, 7),
        models: (r) => r.model,
        profiles: (r) => r.profile,
      };
      const label = { daily: 'date', monthly: 'month', models: 'model', profiles: 'profile' } as const;
      for (const kind of ['daily', 'monthly', 'models', 'profiles'] as const) {
        const profileId = kind === 'profiles' ? null : 1;
        const scope = kind === 'profiles' ? stored : stored.filter((r) => r.profile === 'default');
        const doc = usageDocument(usageReport({ store: () => store }, { kind, timeZone, profileId, now })) as Record<string, Record<string, unknown>[]>;
        const expected = [...groupBy(scope, key[kind])].map(([k, g]) => {
          const { modelsUsed, ...e } = expectedOf(g);
          return kind === 'models' ? { [label[kind]]: k, ...e } : { [label[kind]]: k, ...e, modelsUsed };
        });
        const sorted = [...doc[kind]!].sort((a, b) => String(a[label[kind]]).localeCompare(String(b[label[kind]])));
        expect(sorted, kind).toEqual(expected);
        const { modelsUsed: _m, ...totals } = expectedOf(scope);
        expect(doc.totals, kind).toEqual(totals);
      }
    });
  }

  it('a window in the middle, with breakdowns that add up', () => {
    const timeZone = 'Europe/Berlin';
    const report = usageReport({ store: () => store }, { kind: 'daily', since: '2025-01-10', until: '2025-02-10', breakdown: true, timeZone, profileId: null, now });
    const inWindow = stored.filter((r) => dayIn(r.at, timeZone) >= '2025-01-10' && dayIn(r.at, timeZone) <= '2025-02-10');
    const { modelsUsed: _m, ...totals } = expectedOf(inWindow);
    expect((usageDocument(report) as { totals: unknown }).totals).toEqual(totals);
    expect(report.rows).toHaveLength(32);
    for (const row of report.rows) {
      expect(row.models.reduce((s, m) => s + m.requests, 0)).toBe(row.requests);
      expect(row.models.reduce((s, m) => s + m.costMicros, 0)).toBe(row.costMicros);
    }
    expect(report.unpricedModels).toEqual(['unknown-model-x']);
  });
});
