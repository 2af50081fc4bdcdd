// Issue 16: every command a message suggests keeps the --profile the user gave, in error hints and
// in the notes on stderr ("No projects yet: `coach project start --profile var`"), once; and a
// failure's one line has no brackets inside brackets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withProfileFlag } from '../../src/cli/output.js';
import { runCli, setupProject, tempHome } from '../helpers/cli.js';

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

/** How deep the round brackets of a line go: 1 for "msg (hint)", 2 for "msg (a (b))". */
function depth(line: string): number {
  let d = 0;
  let most = 0;
  for (const c of line) {
    if (c === '(') most = Math.max(most, ++d);
    else if (c === ')') d--;
  }
  return most;
}

describe('one line, no nested brackets', () => {
  it('in the failures a user meets first', async () => {
    const started = await run(['project', 'start', '--offline', '--profile', 'var']);
    expect(started.code, started.stderr).toBe(0);
    const cases: [string[], string][] = [
      [['chat'], 'coach: `coach chat` needs an interactive terminal (in scripts, use `coach ask "…"`, or `coach ask -` to read the message from stdin)'],
      [['project', 'start', '--profile', 'var'], 'coach: profile already has an active project: "Paid premium community for knitting" (#1) (pause, complete or abandon it first: `coach project pause --profile var`)'],
      [['project', 'abandon', '--profile', 'var'], 'coach: abandon project "Paid premium community for knitting" (#1): not confirmed (run it in a terminal, or add --yes: `coach project abandon 1 --yes --profile var`)'],
      [['tasks', 'done', 't99', '--profile', 'var'], 'coach: unknown task "t99": this plan has tasks t1–t22 (see them with `coach tasks list --profile var`)'],
    ];
    for (const [args, line] of cases) {
      const r = await run(args);
      expect([args.join(' '), r.code, r.stderr]).toEqual([args.join(' '), 2, `${line}\n`]);
      expect(depth(line), line).toBe(1);
    }
  }, 30_000);

  it('a bad setting says the rule in words, from `config set` and from the environment', async () => {
    const cases: [string[], Record<string, string>, string][] = [
      [['config', 'set', 'dailyMessageLimit', '-1'], {}, 'coach: dailyMessageLimit cannot be "-1": must be at least 1 (allowed: AI messages per profile per local day, 1–100000)'],
      [['config', 'set', 'contextMessages', '2.5'], {}, 'coach: contextMessages cannot be "2.5": must be a whole number (allowed: recent chat messages sent as context, 1–500)'],
      [['config', 'set', 'dailyCostCapUSD', '0'], {}, 'coach: dailyCostCapUSD cannot be "0": must be more than 0 (allowed: refuse AI requests once the day’s cost reaches this many USD; off = no cap)'],
      [['config', 'list'], { COACH_DAILY_MESSAGE_LIMIT: '500000' }, 'coach: COACH_DAILY_MESSAGE_LIMIT: must be at most 100,000 (AI messages per profile per local day, 1–100000)'],
    ];
    for (const [args, env, line] of cases) {
      const r = await runCli(args, { home: fx.home, env });
      expect([args.join(' '), r.code, r.stderr]).toEqual([args.join(' '), 2, `${line}\n`]);
      expect(depth(line), line).toBe(1);
    }
  }, 30_000);
});

describe('project moves that are already done', () => {
  const own = tempHome();
  const go = (args: string[]) => runCli(args, { home: own.home });
  afterAll(own.cleanup);

  it('are said, exit 0, nothing changed (gh: "already closed"); impossible ones name the move', async () => {
    await setupProject(own.home);
    const title = JSON.parse((await go(['project', 'show', '--json'])).stdout).title as string;
    const said = async (args: string[], code: number, stderr: string) => {
      const r = await go(args);
      expect([args.join(' '), r.code, r.stderr]).toEqual([args.join(' '), code, `${stderr}\n`]);
    };
    await said(['project', 'resume'], 0, `Project "${title}" (#1) is already active.`);
    await said(['project', 'pause'], 0, `✓ Project "${title}" is now paused`);
    await said(['project', 'pause'], 0, `Project "${title}" (#1) is already paused.`);
    const paused = await go(['project', 'pause', '1', '--json']);
    expect(JSON.parse(paused.stdout)).toMatchObject({ id: 1, status: 'paused' });
    await said(['project', 'abandon', '1', '--yes'], 0, `✓ Project "${title}" is now abandoned`);
    const before = (await go(['project', 'list', '--json'])).stdout;
    await said(['project', 'abandon', '1'], 0, `Project "${title}" (#1) is already abandoned.`);
    await said(['project', 'complete', '1', '--yes'], 2, 'coach: project #1 is abandoned: only an active or paused project can be completed');
    await said(['project', 'resume', '1'], 2, 'coach: project #1 is abandoned: only a paused project can be resumed');
    expect((await go(['project', 'list', '--json'])).stdout).toBe(before);
  }, 30_000);
});

describe('the flag is checked before the store', () => {
  it('history -n abc says the bad flag even for a profile that does not exist', async () => {
    const r = await run(['history', '-n', 'abc', '--profile', 'nobody']);
    expect([r.code, r.stderr]).toEqual([2, 'coach: -n must be a whole number from 1 to 1,000,000, got "abc"\n']);
  });
});
