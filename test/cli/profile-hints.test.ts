// Issue 16: every command a message suggests keeps the --profile the user gave, in error hints and
// in the notes on stderr ("No projects yet: `coach project start --profile var`"), once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withProfileFlag } from '../../src/cli/output.js';
import { runCli, tempHome } from '../helpers/cli.js';

const fx = tempHome();
const run = (args: string[]) => runCli(args, { home: fx.home });
beforeAll(async () => {
  const r = await run(['profile', 'set', '--name', 'Var', '--niche', 'knitting', '--platform', 'youtube:1000', '--profile', 'var']);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toContain('Next: `coach project start --profile var` to get your personalised plan.');
}, 30_000);
afterAll(fx.cleanup);

describe('hints keep --profile', () => {
  it('withProfileFlag adds it to each suggested command that lacks it', () => {
    expect(withProfileFlag('run `coach tasks list` or `coach plan --profile x`', 'var')).toBe('run `coach tasks list --profile var` or `coach plan --profile x`');
    expect(withProfileFlag('run `coach tasks list`', undefined)).toBe('run `coach tasks list`');
  });

  it('in an error hint, once, inside the command', async () => {
    const r = await run(['tasks', 'list', '--profile', 'nobody']);
    expect([r.code, r.stderr]).toEqual([2, 'coach: no profile "nobody" yet (create it with `coach profile set --name "Your Name" --niche "your niche" --platform instagram:12000 --profile nobody`)\n']);
  });

  it('in the notes of empty lists, and not when --profile was not given', async () => {
    expect((await run(['project', 'list', '--profile', 'var'])).stderr).toBe('No projects yet: `coach project start --profile var`.\n');
    expect((await run(['profile', 'use', 'var'])).code).toBe(0);
    expect((await run(['project', 'list'])).stderr).toBe('No projects yet: `coach project start`.\n');
  });
});
