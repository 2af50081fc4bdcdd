// Issue 7: `coach config` validates against the settings schema (exit 2 naming the allowed range)
// and `list` says where each value comes from.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempHome } from '../helpers/cli.js';

describe('coach config', () => {
  const { home, cleanup } = tempHome();
  const run = (args: string[], env: Record<string, string> = {}) => runCli(args, { home, env });
  afterAll(cleanup);

  it('rejects dailyMessageLimit -1 with exit 2, naming the allowed range, and stores nothing', async () => {
    const r = await run(['config', 'set', 'dailyMessageLimit', '-1']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^coach: dailyMessageLimit cannot be "-1": .*1–100000/);
    for (const bad of ['0', '100001', '2.5', 'ten', '']) {
      expect((await run(['config', 'set', 'dailyMessageLimit', bad])).code, bad).toBe(2);
    }
    expect((await run(['config', 'get', 'dailyMessageLimit'])).stdout.trim()).toBe('50');
  });

  it('rejects an empty model with exit 2', async () => {
    for (const bad of ['', '   ']) {
      const r = await run(['config', 'set', 'model', bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^coach: model cannot be .*must be a model name/);
    }
    expect((await run(['config', 'get', 'model'])).stdout.trim()).toBe('claude-sonnet-4-6');
  });

  it('sets, lists with sources (default, file, env) and unsets', async () => {
    expect((await run(['config', 'set', 'dailyMessageLimit', '120'])).code).toBe(0);
    expect(statSync(join(home, 'settings.json')).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(join(home, 'settings.json'), 'utf8')).dailyMessageLimit).toBe(120);
    const list = await run(['config', 'list', '--json'], { COACH_COST_WARNING_USD: '3.5' });
    expect(list.code, list.stderr).toBe(0);
    const settings = JSON.parse(list.stdout).settings as { key: string; value: unknown; source: string }[];
    const by = (k: string) => settings.find((s) => s.key === k);
    expect(by('dailyMessageLimit')).toEqual({ key: 'dailyMessageLimit', value: 120, source: 'file' });
    expect(by('costWarningUSD')).toEqual({ key: 'costWarningUSD', value: 3.5, source: 'env:COACH_COST_WARNING_USD' });
    expect(by('model')).toEqual({ key: 'model', value: 'claude-sonnet-4-6', source: 'default' });

    const people = await run(['config', 'list']);
    expect(people.code, people.stderr).toBe(0);
    expect(people.stdout).toMatch(/dailyMessageLimit\s+│\s+120\s+│\s+file/);
    expect(people.stdout).toMatch(/model\s+│\s+claude-sonnet-4-6\s+│\s+default/);

    expect((await run(['config', 'unset', 'dailyMessageLimit'])).code).toBe(0);
    expect((await run(['config', 'get', 'dailyMessageLimit'])).stdout.trim()).toBe('50');
    expect((await run(['config', 'set', 'nonsense', '1'])).code).toBe(2);
  });
});
