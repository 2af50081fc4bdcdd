// Issue 8, reliability: a corpus of bad input. Unknown ids, bad flags, empty and oversized
// messages, NUL bytes and invalid UTF-8, malformed templates, unusable data directories and
// database files: each gives the spec's exit code and one clear line (no stack trace), and leaves
// the database byte-identical wherever the command should not write.
import { chmodSync, chownSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAnthropic, type FakeAnthropic } from '../fake-anthropic/server.js';
import { ROOT, runCli, setupProject, tempHome } from '../helpers/cli.js';
import { messages, usage } from '../helpers/db.js';
import { KEY, Transcript, dbSnapshot, expectOneCleanLine, modeOf, runAs, unprivileged } from './helpers.js';

let fake: FakeAnthropic;
let home: string;
let cleanup: () => void;
const seen = new Transcript();
const homes: (() => void)[] = [];

beforeAll(async () => {
  fake = await startFakeAnthropic();
  ({ home, cleanup } = tempHome('coach-rel-bad-'));
  await setupProject(home);
});
afterAll(async () => {
  await fake.close();
  cleanup();
  for (const c of homes) c();
  seen.assertNoKey();
});

function anotherHome(): string {
  const t = tempHome('coach-rel-bad-');
  homes.push(t.cleanup);
  return t.home;
}

const keyEnv = () => ({ ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: fake.url });

interface Case {
  args: string[];
  line: RegExp;
  code?: number;
  input?: string | Buffer;
  env?: () => Record<string, string>;
}

/** Runs a case against the shared home and checks: exit code, one clean line, DB unchanged, no API call. */
async function expectRefused(c: Case) {
  const before = dbSnapshot(home);
  const requests = fake.requests.length;
  const r = seen.add(await runCli(c.args, { home, input: c.input, env: c.env?.() }));
  expect(r.code, `${c.args.join(' ')}\n${r.stderr}`).toBe(c.code ?? 2);
  expect(expectOneCleanLine(r.stderr)).toMatch(c.line);
  expect(r.stdout).toBe('');
  expect(dbSnapshot(home)).toEqual(before);
  expect(fake.requests.length).toBe(requests);
}

describe('unknown ids', () => {
  const cases: Case[] = [
    { args: ['tasks', 'done', 't99'], line: /unknown task "t99"/ },
    { args: ['tasks', 'undo', 't0'], line: /unknown task "t0"/ },
    { args: ['tasks', 'toggle', 'zzz'], line: /unknown task "zzz"/ },
    { args: ['tasks', 'note', 't42', 'a note'], line: /unknown task "t42"/ },
    { args: ['tasks', 'list', '--phase', '9'], line: /no phase "9"/ },
    { args: ['templates', 'show', 'nope'], line: /unknown template "nope"/ },
    { args: ['profile', 'use', 'nobody'], line: /no profile "nobody"/ },
    { args: ['--profile', 'ghost', 'tasks', 'list'], line: /no profile "ghost"/ },
    { args: ['decisions', 'add', '--category', 'nope', 'x'], line: /^coach: --category must be one of pricing, platform, structure, timeline, content, got "nope"$/ },
    { args: ['config', 'set', 'nope', '3'], line: /unknown setting "nope"/ },
    { args: ['frobnicate'], line: /unknown command 'frobnicate'/ },
  ];
  for (const c of cases) it(`${c.args.join(' ')} → exit 2`, () => expectRefused(c));
});

describe('bad flags and values', () => {
  const cases: Case[] = [
    { args: ['tasks', 'list', '--bogus'], line: /unknown option '--bogus'/ },
    { args: ['tasks', 'done'], line: /missing required argument/ },
    { args: ['history', '-n', 'abc'], line: /-n must be a whole number/ },
    { args: ['history', '-n', '0'], line: /-n must be a whole number from 1 to 1,000,000, got "0"/ },
    { args: ['decisions', 'list', '--category', 'nope'], line: /^coach: --category must be one of pricing, platform, structure, timeline, content, got "nope"$/ },
    { args: ['usage', 'daily', '--since', '2025-13-01'], line: /not a calendar date/ },
    { args: ['usage', '--since', '2025-02-01', '--until', '2025-01-01'], line: /--since 2025-02-01 is after --until 2025-01-01/ },
    { args: ['usage', '--timezone', 'Mars/Olympus'], line: /unknown time zone/ },
    { args: ['usage', 'weekly'], line: /^coach: report must be one of daily, monthly, models, profiles, got "weekly"$/ },
    { args: ['profile', 'set', '--platform', 'instagram:lots'], line: /followers must be a number/ },
    { args: ['profile', 'set', '--hours', '-3'], line: /--hours: "-3" is less than an hour a week/ },
    { args: ['profile', 'set', '--experience', 'guru'], line: /^coach: --experience must be one of beginner, intermediate, advanced, got "guru"$/ },
    { args: ['export', '--format', 'pdf'], line: /--format must be md, json, ics or html/ },
    { args: ['config', 'set', 'dailyMessageLimit', 'lots'], line: /dailyMessageLimit/ },
  ];
  for (const c of cases) it(`${c.args.join(' ')} → exit 2`, () => expectRefused(c));
});

describe('messages: empty, oversized, NUL bytes, invalid UTF-8', () => {
  const empty = /the message is empty/;
  it('refuses empty messages (argument, blanks, stdin, only NULs) before any request', async () => {
    await expectRefused({ args: ['ask', ''], line: empty, env: keyEnv });
    await expectRefused({ args: ['ask', '   \t '], line: empty, env: keyEnv });
    await expectRefused({ args: ['ask', '-'], input: '\n\n\r\n', line: empty, env: keyEnv });
    await expectRefused({ args: ['ask', '-'], input: Buffer.from([0, 0, 0, 10]), line: empty, env: keyEnv });
    await expectRefused({ args: ['ask', '--offline', ''], line: empty });
  });

  it('refuses a 1 MB message on stdin (with a key and offline): exit 2, nothing stored, no request', async () => {
    const big = 'I have decided to charge $29/month because it fits. '.repeat(20_165).slice(0, 1_048_576);
    await expectRefused({ args: ['ask', '-'], input: big, line: /too long \(~262,144 tokens; the limit is 4,000\)/, env: keyEnv });
    await expectRefused({ args: ['ask', '--offline', '-'], input: big, line: /too long/ });
    expect(usage(home)).toEqual([]);
  });

  it('detect on 1 MB of text answers (linear time) and stores nothing', async () => {
    const before = dbSnapshot(home);
    const big = "I'll charge $29/month on Skool because my audience asked. ".repeat(18_000);
    const r = seen.add(await runCli(['detect', '--json', '-'], { home, input: big }));
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).decisions).toEqual(expect.arrayContaining([expect.objectContaining({ category: 'pricing' })]));
    expect(dbSnapshot(home)).toEqual(before);
  });

  const dirty = Buffer.concat([
    Buffer.from("I've decided to charge $29/month\u0000 because "),
    Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82]), // invalid UTF-8: stray bytes, bad continuation, truncated sequence
    Buffer.from(' it matches my audience'),
  ]);

  it('ask - with NUL bytes and invalid UTF-8: NULs dropped, bad bytes replaced, stored as valid text', async () => {
    const t = anotherHome();
    await setupProject(t);
    fake.enqueue({ kind: 'reply', text: 'Noted.' });
    const requests = fake.requests.length;
    const r = seen.add(await runCli(['ask', '-'], { home: t, input: dirty, env: keyEnv() }));
    expect(r.code, r.stderr).toBe(0);
    const user = messages(t).filter((m) => m.role === 'user').at(-1)!;
    expect(user.content).not.toContain('\u0000');
    expect(user.content).toMatch(/^I've decided to charge \$29\/month because \uFFFD+.* it matches my audience$/);
    expect(Buffer.from(user.content, 'utf8').toString('utf8')).toBe(user.content);
    // What went to the API is the same clean text.
    const sent = fake.requests[requests]!.body.messages.at(-1)!;
    expect(JSON.stringify(sent)).not.toContain('\\u0000');
    // The detector still saw the decision.
    const d = JSON.parse((await runCli(['decisions', 'list', '--json'], { home: t })).stdout);
    expect(d).toEqual([expect.objectContaining({ category: 'pricing', value: '29 USD/month' })]);
  });

  it('ask --offline - and detect - with the same bytes answer normally', async () => {
    const t = anotherHome();
    await setupProject(t);
    const a = seen.add(await runCli(['ask', '--offline', '-'], { home: t, input: dirty }));
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).not.toContain('\u0000');
    const d = seen.add(await runCli(['detect', '--json', '-'], { home, input: dirty }));
    expect(d.code, d.stderr).toBe(0);
    expect(JSON.parse(d.stdout).decisions).toEqual([expect.objectContaining({ category: 'pricing', value: '29 USD/month' })]);
    const onlyNul = seen.add(await runCli(['detect', '-'], { home, input: Buffer.from([0, 0xff, 0]) }));
    expect([0, 2]).toContain(onlyNul.code);
    if (onlyNul.code === 2) expectOneCleanLine(onlyNul.stderr);
  });
});

describe('malformed templates', () => {
  it('templates list warns and goes on; templates validate exits 2 naming the field', async () => {
    const t = anotherHome();
    const dir = join(t, 'templates');
    mkdirSync(dir, { recursive: true });
    const shipped = JSON.parse(readFileSync(join(ROOT, 'templates', 'premium-community.json'), 'utf8'));
    shipped.id = 'my-bad';
    shipped.phases[0].tasks[2].hours = 'three';
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(shipped));
    writeFileSync(join(dir, 'broken.json'), '{"schemaVersion": 1, "id": ');
    writeFileSync(join(dir, 'empty.json'), '');

    for (const args of [['templates', 'list'], ['templates', 'list', '--json']]) {
      const r = seen.add(await runCli(args, { home: t }));
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/premium-community/);
      expect(r.stdout).not.toMatch(/my-bad/);
      expect(r.stderr).toMatch(/warning: .*bad\.json: phases\.0\.tasks\.2\.hours/);
      expect(r.stderr).toMatch(/warning: .*broken\.json: invalid JSON/);
      expect(r.stderr).toMatch(/warning: .*empty\.json/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const v = seen.add(await runCli(['templates', 'validate', join(dir, 'bad.json')], { home: t }));
    expect(v.code).toBe(2);
    expect(expectOneCleanLine(v.stderr)).toMatch(/bad\.json: phases\.0\.tasks\.2\.hours: expected number, received string/);
    const b = seen.add(await runCli(['templates', 'validate', join(dir, 'broken.json')], { home: t }));
    expect(b.code).toBe(2);
    expect(expectOneCleanLine(b.stderr)).toMatch(/broken\.json: invalid JSON/);
    const missing = seen.add(await runCli(['templates', 'validate', join(dir, 'nope.json')], { home: t }));
    expect(missing.code).toBe(2);
    expect(expectOneCleanLine(missing.stderr)).toMatch(/nope\.json: cannot read file/);

    // A plan can still be started from the shipped template next to the broken ones.
    await setupProject(t);
    const s = JSON.parse((await runCli(['project', 'show', '--json'], { home: t })).stdout);
    expect(JSON.stringify(s)).toMatch(/premium-community/);
  });
});

describe('unusable data directory', () => {
  it('COACH_HOME under a regular file (ENOTDIR): exit 2, one line, nothing created', async () => {
    const t = anotherHome();
    writeFileSync(join(t, 'file'), 'not a directory');
    for (const args of [['tasks', 'list'], ['profile', 'set', '--name', 'X'], ['config', 'set', 'model', 'claude-haiku-4-5']]) {
      const r = seen.add(await runCli(args, { home: join(t, 'file', 'sub') }));
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(expectOneCleanLine(r.stderr)).toMatch(/cannot use the data directory .*file\/sub \(ENOTDIR\)/);
    }
    // A regular file as the data home itself.
    const r = seen.add(await runCli(['profile', 'set', '--name', 'X'], { home: join(t, 'file') }));
    expect(r.code).toBe(2);
    expectOneCleanLine(r.stderr);
    expect(readFileSync(join(t, 'file'), 'utf8')).toBe('not a directory');
    expect(modeOf(join(t, 'file'))).toBe(0o644 & ~process.umask());
  });

  const who = unprivileged();
  const permIt = who.skip ? it.skip : it;
  if (who.skip) it.skip(`permission cases skipped: ${who.skip}`, () => {});

  /** A home owned by the user the CLI runs as (root: uid nobody), set up with a project. */
  async function ownedHome(): Promise<string> {
    const base = anotherHome();
    const h = join(base, 'home');
    await setupProject(h);
    if (who.uid !== undefined) {
      chownSync(base, who.uid, who.gid!);
      chmodSync(base, 0o755);
      for (const f of [h, join(h, 'coach.db'), join(h, 'settings.json')]) {
        try {
          chownSync(f, who.uid, who.gid!);
        } catch {
          // settings.json may not exist
        }
      }
    }
    return h;
  }
  const as = (args: string[], h: string) => runAs(args, { home: h, uid: who.uid, gid: who.gid }).then((r) => seen.add(r));

  permIt('a read-only data directory (0500): writes exit 2 with one line, the database is untouched, the mode is kept', async () => {
    const h = await ownedHome();
    chmodSync(h, 0o500);
    const before = dbSnapshot(h);
    for (const args of [['tasks', 'done', 't1'], ['ask', '--offline', 'hello'], ['tasks', 'list', '--json']]) {
      const r = await as(args, h);
      if (args.includes('list') && r.code === 0) continue; // reading may work; it must not write
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(expectOneCleanLine(r.stderr)).toMatch(/cannot (open|write) the database|read-only/);
    }
    expect(dbSnapshot(h)).toEqual(before);
    expect(modeOf(h)).toBe(0o500);
    chmodSync(h, 0o700);
  });

  permIt('a fresh data directory that is not writable: exit 2, one line, nothing created', async () => {
    const base = anotherHome();
    const h = join(base, 'ro');
    mkdirSync(h, { mode: 0o500 });
    if (who.uid !== undefined) {
      chownSync(base, who.uid, who.gid!);
      chownSync(h, who.uid, who.gid!);
    }
    chmodSync(h, 0o500);
    for (const args of [['profile', 'set', '--name', 'X'], ['tasks', 'list']]) {
      const r = await as(args, h);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(expectOneCleanLine(r.stderr)).toMatch(/cannot (write|open|use)/);
    }
    const sub = await as(['profile', 'set', '--name', 'X'], join(h, 'sub'));
    expect(sub.code).toBe(2);
    expect(expectOneCleanLine(sub.stderr)).toMatch(/cannot use the data directory .*\(EACCES\)/);
    expect(modeOf(h)).toBe(0o500);
  });

  permIt('a read-only database file (0400): reads work, writes exit 2 with one line, file and mode untouched', async () => {
    const h = await ownedHome();
    chmodSync(join(h, 'coach.db'), 0o400);
    const before = dbSnapshot(h);
    const list = await as(['tasks', 'list', '--json'], h);
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toHaveLength(22);
    for (const args of [['tasks', 'done', 't1'], ['decisions', 'add', '--category', 'platform', 'Skool'], ['ask', '--offline', 'hi']]) {
      const r = await as(args, h);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(expectOneCleanLine(r.stderr)).toMatch(/cannot write the database: it is read-only/);
    }
    expect(dbSnapshot(h)['coach.db']).toBe(before['coach.db']);
    expect(modeOf(join(h, 'coach.db'))).toBe(0o400);
  });
});

describe('a database file that is not a usable SQLite database', () => {
  const variants: [string, (file: string) => void][] = [
    ['random bytes', (f) => writeFileSync(f, randomBytes(8192))],
    ['a text file', (f) => writeFileSync(f, 'these are my notes, not a database\n')],
    ['a truncated database', (f) => {
      const whole = readFileSync(join(home, 'coach.db'));
      writeFileSync(f, whole.subarray(0, 8192));
    }],
  ];
  for (const [name, make] of variants) {
    it(`${name}: exit 2, one line, file byte-identical, every command`, async () => {
      const t = anotherHome();
      make(join(t, 'coach.db'));
      chmodSync(join(t, 'coach.db'), 0o644);
      const before = dbSnapshot(t);
      for (const args of [['tasks', 'list'], ['history', '--json'], ['ask', '--offline', 'hi'], ['usage', '--json'], ['profile', 'set', '--name', 'X']]) {
        const r = seen.add(await runCli(args, { home: t }));
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
        expect(expectOneCleanLine(r.stderr)).toMatch(/is not a usable SQLite database/);
        expect(r.stdout).toBe('');
      }
      expect(dbSnapshot(t)).toEqual(before);
      expect(modeOf(join(t, 'coach.db'))).toBe(0o644);
    });
  }

  it('a copy of a good database next to it is not touched by the refusal (sanity of the snapshot)', async () => {
    const t = anotherHome();
    copyFileSync(join(home, 'coach.db'), join(t, 'coach.db'));
    const before = dbSnapshot(t);
    const r = seen.add(await runCli(['tasks', 'list', '--json'], { home: t }));
    expect(r.code, r.stderr).toBe(0);
    expect(dbSnapshot(t)).toEqual(before);
  });
});
