// Issue 16: the command line behaves like gh — one-line errors, --json everywhere, colour rules,
// tables that fit, tasks by ids/ranges/titles, confirmation, completion, hints that keep flags.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { colorEnabled, Output, type Io } from '../../src/cli/output.js';
import { BIN, runCli, setupProject, tempHome } from '../helpers/cli.js';

const fx = tempHome();
const run = (args: string[], env: Record<string, string | undefined> = {}) => runCli(args, { home: fx.home, env });
beforeAll(async () => {
  await setupProject(fx.home);
  const v = await run(['profile', 'set', '--name', 'Var', '--profile', 'var']);
  expect(v.code, v.stderr).toBe(0);
});
afterAll(fx.cleanup);

describe('commander errors: one line, exit 2', () => {
  const cases: [string[], string][] = [
    [['taks'], "coach: unknown command 'taks' — did you mean 'tasks'?"],
    [['tasks', 'lst'], "coach: unknown command 'lst' — did you mean 'list'?"],
    [['tasks', 'list', '--jsn'], "coach: unknown option '--jsn' — did you mean '--json'?"],
    [['tasks', 'list', '--bogus'], "coach: unknown option '--bogus'"],
    [['tasks', 'done'], "coach: missing required argument 'ids'"],
  ];
  for (const [args, line] of cases) {
    it(args.join(' '), async () => {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`${line}\n`);
      expect(r.stdout).toBe('');
    });
  }
});

describe('--json', () => {
  it('is offered by every command that prints data or changes something', () => {
    const without: string[] = [];
    const walk = (cmd: ReturnType<typeof buildProgram>, path: string[]) => {
      for (const c of cmd.commands) {
        const p = [...path, c.name()];
        if (c.commands.length) walk(c, p);
        else if (!c.options.some((o) => o.long === '--json')) without.push(p.join(' '));
      }
    };
    walk(buildProgram(), []);
    // chat is the terminal UI, help/completion print text for people or shells.
    expect(without.sort()).toEqual(['__complete', 'chat', 'completion', 'help']);
  });

  it('export --json is export --format json; a conflicting --format is refused', async () => {
    const r = await run(['export', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).projects).toHaveLength(1);
    const bad = await run(['export', '--json', '--format', 'md']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^coach: --json and --format md disagree\n$/);
  });

  it('config set and unset print what changed', async () => {
    const r = await run(['config', 'set', 'dailyMessageLimit', '77', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ key: 'dailyMessageLimit', value: 77, previous: 50, source: 'file' });
    const u = await run(['config', 'unset', 'dailyMessageLimit', '--json']);
    expect(JSON.parse(u.stdout)).toMatchObject({ key: 'dailyMessageLimit', value: 50, previous: 77 });
  });
});

describe('colour', () => {
  const io = (env: NodeJS.ProcessEnv, isTTY = false): Io => ({ stdout: { write: () => true, isTTY }, stderr: { write: () => true }, env, now: () => new Date() });
  it('follows NO_COLOR (only when non-empty), FORCE_COLOR, --no-color and --json', () => {
    expect(colorEnabled(io({}), {})).toBe(false);
    expect(colorEnabled(io({}, true), {})).toBe(true);
    expect(colorEnabled(io({ FORCE_COLOR: '1' }), {})).toBe(true);
    expect(colorEnabled(io({ FORCE_COLOR: '0' }, true), {})).toBe(false);
    expect(colorEnabled(io({ NO_COLOR: '' }, true), {})).toBe(true);
    expect(colorEnabled(io({ NO_COLOR: '1', FORCE_COLOR: '1' }, true), {})).toBe(false);
    expect(colorEnabled(io({ FORCE_COLOR: '1' }), { json: true })).toBe(false);
    expect(colorEnabled(io({ FORCE_COLOR: '1' }), { color: false })).toBe(false);
  });

  it('colours tables and the plan under FORCE_COLOR, and never JSON; stored escapes still go', async () => {
    const note = await run(['tasks', 'note', 't2', 'see \u001b[2Jthis']);
    expect(note.code, note.stderr).toBe(0);
    const env = { NO_COLOR: undefined, FORCE_COLOR: '1' };
    for (const args of [['tasks', 'list'], ['plan']]) {
      const r = await run(args, env);
      expect(r.stdout, args.join(' ')).toMatch(/\u001b\[(1|32|36|90)m/);
      expect(r.stdout).not.toContain('\u001b[2J');
    }
    const j = await run(['tasks', 'list', '--json'], env);
    expect(j.stdout).not.toContain('\u001b[');
    const plain = await run(['tasks', 'list'], { NO_COLOR: '1', FORCE_COLOR: '1' });
    expect(plain.stdout).not.toContain('\u001b[');
  });
});

describe('tables fit the terminal', () => {
  const widest = (s: string) => Math.max(...s.split('\n').map((l) => [...l].length));
  it('drops columns, then wraps, to fit COLUMNS; --compact keeps only the essential ones', async () => {
    const wide = await run(['tasks', 'list'], { COLUMNS: '200' });
    expect(wide.stdout.split('\n')[1]).toMatch(/Phase.*Task.*Note/);
    for (const width of [60, 40]) {
      const r = await run(['tasks', 'list'], { COLUMNS: String(width) });
      expect(widest(r.stdout), `COLUMNS=${width}`).toBeLessThanOrEqual(width);
      expect(r.stdout).not.toMatch(/Note/);
    }
    const compact = await run(['tasks', 'list', '--compact'], { COLUMNS: '200' });
    expect(compact.stdout.split('\n')[1]).not.toMatch(/Phase|Note/);
  });

  it('the state column is one cell wide, done or not (✓ measures as the terminal draws it; ✔ counted 2)', async () => {
    expect((await run(['tasks', 'done', 't22'])).code).toBe(0);
    const rows = (await run(['tasks', 'list'], { COLUMNS: '60' })).stdout.split('\n').filter((l) => /\bt(1|22)\b/.test(l));
    expect(rows.map((l) => l.slice(0, 5))).toEqual(['│ ☐ │', '│ ✓ │']);
    expect((await run(['tasks', 'undo', 't22'])).code).toBe(0);
  });

  it('uses the same rule for other tables', () => {
    const lines: string[] = [];
    const out = new Output({ stdout: { write: (s: string) => lines.push(s), isTTY: true, columns: 30 }, stderr: { write: () => true }, env: {}, now: () => new Date() });
    const text = out.table(['Setting', 'Value', 'Meaning'], [['dailyMessageLimit', '50', 'AI messages per profile per local day']], { drop: [undefined, undefined, 1] });
    expect(widest(text)).toBeLessThanOrEqual(30);
    expect(text).not.toContain('Meaning');
  });
});

describe('tasks', () => {
  it('takes several ids, ranges and title prefixes; says what was already done', async () => {
    const r = await run(['tasks', 'done', 't3-t5', 't4', '9']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.trim().split('\n').map((l) => l.split(':')[0])).toEqual(['✓ t3 done', '✓ t4 done', '✓ t5 done', '✓ t9 done']);
    const again = await run(['tasks', 'done', 't4', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ id: 't4', done: true, changed: false });
    const said = await run(['tasks', 'done', 't4']);
    expect(said.stderr).toMatch(/^t4 was already done: /);
    const several = JSON.parse((await run(['tasks', 'undo', 't3', 't4', '--json'])).stdout) as { id: string; changed: boolean }[];
    expect(several.map((t) => [t.id, t.changed])).toEqual([['t3', true], ['t4', true]]);
    const list = JSON.parse((await run(['tasks', 'list', '--json'])).stdout) as { id: string; title: string }[];
    const t6 = list.find((t) => t.id === 't6')!;
    const prefix = t6.title.slice(0, 12).toUpperCase();
    const byTitle = await run(['tasks', 'toggle', prefix]);
    expect(byTitle.code, byTitle.stderr).toBe(0);
    expect(byTitle.stderr).toBe(`✓ t6 is now done: ${t6.title}\n`);
    const back = await run(['tasks', 'toggle', 't6']);
    expect(back.stderr).toBe(`✓ t6 is now open: ${t6.title}\n`);
  });

  it('refuses backwards ranges and ambiguous prefixes with one line', async () => {
    const back = await run(['tasks', 'done', 't5-t3']);
    expect([back.code, back.stderr]).toEqual([2, 'coach: the range "t5-t3" runs backwards: write t3-t5 (ranges follow the plan\'s order, as `coach tasks list` shows it)\n']);
    // The plan's order, not the numbers': phase 1 is t1–t6, t12, t14, t8.
    const order = (JSON.parse((await run(['tasks', 'list', '--json'])).stdout) as { id: string }[]).map((t) => t.id);
    const span = order.slice(order.indexOf('t6'), order.indexOf('t8') + 1);
    expect(span).toEqual(['t6', 't12', 't14', 't8']);
    const across = await run(['tasks', 'done', 't6-t8', '--json']);
    expect((JSON.parse(across.stdout) as { id: string }[]).map((t) => t.id)).toEqual(span);
    expect((await run(['tasks', 'undo', 't6-t8'])).code).toBe(0);
    expect((await run(['tasks', 'done', 't8-t12'])).stderr).toMatch(/^coach: the range "t8-t12" runs backwards: write t12-t8 /);
    const list = JSON.parse((await run(['tasks', 'list', '--json'])).stdout) as { id: string; title: string; done: boolean }[];
    const word = (t: { title: string }) => t.title.split(' ')[0]!.toLowerCase();
    const shared = list.find((t) => list.some((u) => u !== t && word(u) === word(t)))!;
    const vague = await run(['tasks', 'done', word(shared), 't1']);
    expect(vague.code).toBe(2);
    expect(vague.stderr).toMatch(new RegExp(`^coach: "${word(shared)}" starts \\d task titles: t\\d+, t\\d+.* \\(type more of the title, or use the id\\)\\n$`));
    expect(JSON.parse((await run(['tasks', 'list', '--json'])).stdout)).toEqual(list);
  });

  it('--phase p2 like the table shows it, and 2', async () => {
    const a = JSON.parse((await run(['tasks', 'list', '--phase', 'p2', '--json'])).stdout) as { phaseId: string }[];
    const b = JSON.parse((await run(['tasks', 'list', '--phase', '2', '--json'])).stdout) as { phaseId: string }[];
    expect(a.length).toBeGreaterThan(0);
    expect(a).toEqual(b);
    expect(new Set(a.map((t) => t.phaseId))).toEqual(new Set(['p2']));
    const bad = await run(['tasks', 'list', '--phase', 'p9']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^coach: no phase "p9": this plan has phases p1–p\d\n$/);
  });

  it('history dates are ISO-8601 whatever the locale', async () => {
    const r = await run(['history'], { LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8', TZ: 'Asia/Kolkata' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^offline coach \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+05:30$/m);
  });
});

describe('destructive project moves', () => {
  it('need --yes when not in a terminal: exit 2, nothing changed; hints keep --profile', async () => {
    for (const action of ['abandon', 'complete']) {
      const r = await run(['project', action]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^coach: ${action} project ".+" \\(#1\\): not confirmed \\(run it in a terminal, or add --yes: \`coach project ${action} 1 --yes\`\\)\\n$`));
    }
    expect(JSON.parse((await run(['project', 'show', '--json'])).stdout).status).toBe('active');
    const other = await run(['plan', '--profile', 'var']);
    expect(other.stderr).toBe('coach: profile "var" has no project yet (start one with `coach project start --profile var`)\n');
    const unknown = await run(['tasks', 'done', 't99', '--profile', 'default']);
    expect(unknown.stderr).toMatch(/\(see them with `coach tasks list --profile default`\)\n$/);
  });
});

describe('completion', () => {
  const complete = async (...words: string[]) => (await run(['__complete', '--', ...words])).stdout.split('\n').filter(Boolean);
  it('completes commands, options, choices, task ids and profiles', async () => {
    expect(await complete('ta')).toEqual(['tasks']);
    expect(await complete('tasks', '')).toEqual(['list', 'toggle', 'done', 'undo', 'note']);
    expect(await complete('tasks', 'list', '--p')).toEqual(['--profile', '--phase']);
    expect(await complete('usage', 'm')).toEqual(['monthly', 'models']);
    const ids = (JSON.parse((await run(['tasks', 'list', '--json'])).stdout) as { id: string }[]).map((t) => t.id);
    expect(await complete('tasks', 'done', '')).toEqual(ids);
    expect(await complete('tasks', 'done', 't1')).toEqual(ids.filter((id) => id.startsWith('t1')));
    expect(await complete('--profile', '')).toEqual(['default', 'var']);
    expect(await complete('profile', 'use', 'v')).toEqual(['var']);
    expect(await complete('--profile', 'var', 'tasks', 'done', '')).toEqual([]);
  });

  it('completes the values of flags and arguments: categories, formats, settings, templates, help topics', async () => {
    expect(await complete('decisions', 'add', '--category', 'p')).toEqual(['pricing', 'platform']);
    expect(await complete('decisions', 'list', '--category', 't')).toEqual(['timeline']);
    // Both read the category the same way: any case.
    for (const args of [['decisions', 'list', '--category', 'Pricing'], ['decisions', 'add', '--category', 'STRUCTURE', 'two tiers', '--json']]) {
      const r = await run(args);
      expect([args.join(' '), r.code, r.stderr]).toEqual([args.join(' '), 0, expect.any(String)]);
    }
    expect(await complete('export', '--format', '')).toEqual(['md', 'json', 'ics', 'html']);
    expect(await complete('config', 'set', 'daily')).toEqual(['dailyMessageLimit', 'dailyCostCapUSD']);
    expect(await complete('config', 'set', 'model', '')).toEqual([]);
    expect(await complete('templates', 'show', '')).toEqual(['premium-community']);
    expect(await complete('help', 'e')).toEqual(['export', 'environment', 'exit-codes']);
    expect(await complete('help', 'tasks', 'u')).toEqual(['undo']);
  });

  it('prints scripts for bash, zsh and fish; the bash one works', async () => {
    for (const shell of ['bash', 'zsh', 'fish']) {
      const r = await run(['completion', shell]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('coach __complete --');
    }
    expect((await run(['completion', 'tcsh'])).code).toBe(2);
    const script = (await run(['completion', 'bash'])).stdout;
    const out = execFileSync('bash', ['-c', `${script}\ncoach() { "${process.execPath}" "${BIN}" "$@"; }\nCOMP_WORDS=(coach tasks do); COMP_CWORD=2; _coach_complete; echo "\${COMPREPLY[*]}"`], { env: { ...process.env, COACH_HOME: fx.home }, encoding: 'utf8' });
    expect(out.trim()).toBe('done');
  });
});
