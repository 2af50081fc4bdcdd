// Issue 8, reliability: security. The API key never appears in any output, the database, an
// export or any file but the settings file; the data directory is 0700 and its files 0600 whatever
// the caller's umask; text with terminal escape sequences (from the model, or typed by the user) is
// neutralised in every human-readable output, and kept verbatim in the database and in JSON.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, setupProject } from '../helpers/cli.js';
import { messages } from '../helpers/db.js';
import { PtyApp } from '../ui/pty.js';
import { KEY, KEY_CORE, Transcript, useProjectWithFakeApi, filesUnder, modeOf, runAs } from './helpers.js';

const fx = useProjectWithFakeApi('coach-rel-sec-', { project: false });

/** Every file in the fx.home but the settings file, as latin1 (binary-safe), must not hold the key. */
function expectKeyOnlyInSettings(h: string, key = KEY, core = KEY_CORE) {
  const files = filesUnder(h);
  expect(files.length).toBeGreaterThan(0);
  for (const f of files) {
    const text = readFileSync(f).toString('latin1');
    if (f === join(h, 'settings.json')) continue;
    expect(text.includes(key) || text.includes(core), `key found in ${f}`).toBe(false);
  }
}

describe('the API key', () => {
  it('appears in no output, database, export or file except the settings file, across a whole session', async () => {
    await setupProject(fx.home);
    const set = fx.seen.add(await runCli(['config', 'set-key'], { home: fx.home, input: `${KEY}\n` }));
    expect(set.code, set.stderr).toBe(0);
    const env = { ANTHROPIC_BASE_URL: fx.fake.url };
    // Servers and gateways that echo the credential in their error messages.
    fx.fake.enqueue(
      { kind: 'reply', text: 'First, define your promise.' },
      { kind: 'reply', text: 'Then survey your audience.' },
      { kind: 'http_error', status: 401, message: `invalid x-api-key: ${KEY}` },
      { kind: 'stream_error', afterChunks: 2, errorType: 'api_error', message: `upstream failed for key ${KEY}` },
      { kind: 'http_error', status: 400, message: `bad request (key=${KEY})` },
      { kind: 'http_error', status: 400, message: `bad request (key=${KEY})` },
    );
    const run = async (args: string[], extra: Record<string, string> = {}) => fx.seen.add(await runCli(args, { home: fx.home, env: { ...env, ...extra } }));
    expect((await run(['ask', 'What first?'])).code).toBe(0);
    expect((await run(['ask', '--json', 'And then?'])).code).toBe(0);
    expect((await run(['ask', 'key rejected?'])).code).toBe(4);
    expect((await run(['ask', 'stream error?'])).code).toBe(5);
    expect((await run(['ask', 'bad request?'])).code).toBe(5);
    const debug = await run(['--debug', 'ask', 'bad request with a stack trace?']);
    expect(debug.code).toBe(5);
    expect(debug.stderr).toMatch(/\n\s+at /); // --debug does print the stack, redacted
    expect(fx.fake.requests.at(-1)!.apiKey).toBe(KEY);
    const exportDir = join(fx.home, 'exports');
    mkdirSync(exportDir);
    for (const args of [
      ['history'], ['history', '--json'], ['usage'], ['usage', '--json'], ['usage', 'models', '--json'],
      ['config', 'list'], ['config', 'list', '--json'], ['config', 'get', 'model'], ['doctor'], ['doctor', '--json'],
      ['export', '--format', 'md'], ['export', '--format', 'json'],
      ['export', '--format', 'json', '-o', join(exportDir, 'all.json')], ['export', '--format', 'md', '-o', join(exportDir, 'all.md')],
      ['profile', 'show', '--json'], ['project', 'show', '--json'], ['plan'], ['tasks', 'list'], ['decisions', 'list', '--all', '--json'],
    ]) {
      const r = await run(args);
      expect([0, 1], `${args.join(' ')}: ${r.stderr}`).toContain(r.code); // doctor may report a problem (1)
    }
    fx.seen.assertNoKey();
    expectKeyOnlyInSettings(fx.home);
    expect(readFileSync(join(fx.home, 'settings.json'), 'utf8')).toContain(KEY);
    // The stored error texts say what happened, masked.
    const errors = JSON.parse((await run(['usage', '--json'])).stdout);
    expect(errors.totals.requests).toBeGreaterThanOrEqual(5);
  });

  it('redacts a gateway key of any format from the environment when the server echoes it', async () => {
    await setupProject(fx.home);
    const gateway = 'gw_live_RELIABILITYGATEWAY_5f1e2d3c4b5a';
    fx.fake.enqueue(
      { kind: 'http_error', status: 401, message: `unknown key ${gateway}` },
      { kind: 'http_error', status: 400, message: `bad request for ${gateway}` },
      { kind: 'stream_error', afterChunks: 1, errorType: 'api_error', message: `gateway error (${gateway})` },
    );
    const env = { ANTHROPIC_API_KEY: gateway, ANTHROPIC_BASE_URL: fx.fake.url };
    const outs = [
      await runCli(['ask', 'one'], { home: fx.home, env }),
      await runCli(['--debug', 'ask', 'two'], { home: fx.home, env }),
      await runCli(['ask', '--json', 'three'], { home: fx.home, env }),
      await runCli(['usage', '--json'], { home: fx.home, env }),
      await runCli(['export', '--format', 'json'], { home: fx.home, env }),
    ];
    expect(outs.map((r) => r.code)).toEqual([4, 5, 5, 0, 0]);
    expect(fx.fake.requests[0]!.apiKey).toBe(gateway);
    const t = new Transcript();
    outs.forEach((r) => t.add(r));
    t.assertNoKey(gateway, 'RELIABILITYGATEWAY');
    expectKeyOnlyInSettings(fx.home, gateway, 'RELIABILITYGATEWAY');
  });
});

describe('file modes', () => {
  it('data directory 0700 and every file 0600, even with umask 000', async () => {
    const h = join(fx.home, 'data');
    const as = async (args: string[], input?: string, env: Record<string, string> = {}) => {
      const r = fx.seen.add(await runAs(args, { home: h, umask: 0, input, env }));
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      return r;
    };
    await as(['profile', 'set', '--name', 'Jane', '--platform', 'instagram:45000:3.2']);
    await as(['project', 'start', '--offline']);
    await as(['config', 'set-key'], `${KEY}\n`);
    await as(['config', 'set', 'dailyMessageLimit', '20']);
    fx.fake.enqueue({ kind: 'reply', text: 'fine' });
    await as(['ask', 'hello'], undefined, { ANTHROPIC_BASE_URL: fx.fake.url });
    await as(['export', '--format', 'json', '-o', join(h, 'backup.json')]);
    mkdirSync(join(h, 'templates'), { mode: 0o700 });
    const files = filesUnder(h);
    expect(files.map((f) => f.slice(h.length + 1)).sort()).toEqual(expect.arrayContaining(['backup.json', 'coach.db', 'settings.json']));
    expect(modeOf(h)).toBe(0o700);
    for (const f of files) expect([f, modeOf(f).toString(8)]).toEqual([f, '600']);
  });

  it('tightens a data directory and files created loose by someone else (0755 / 0644)', async () => {
    await setupProject(fx.home);
    chmodSync(fx.home, 0o755);
    chmodSync(join(fx.home, 'coach.db'), 0o644);
    writeFileSync(join(fx.home, 'settings.json'), '{}\n', { mode: 0o644 });
    chmodSync(join(fx.home, 'settings.json'), 0o644);
    const r = fx.seen.add(await runCli(['config', 'set', 'contextMessages', '20'], { home: fx.home }));
    expect(r.code, r.stderr).toBe(0);
    const l = fx.seen.add(await runCli(['tasks', 'list', '--json'], { home: fx.home }));
    expect(l.code, l.stderr).toBe(0);
    expect(modeOf(fx.home)).toBe(0o700);
    expect(modeOf(join(fx.home, 'coach.db'))).toBe(0o600);
    expect(modeOf(join(fx.home, 'settings.json'))).toBe(0o600);
  });
});

// Model text that would drive the terminal: clear the screen, write the clipboard (OSC 52), hide a
// link (OSC 8), retitle the window, switch to the alternate screen, C1 CSI, DCS, bidi overrides
// that reverse what is shown, BEL/BS/CR tricks.
const EVIL = [
  'Clear\u001b[2J\u001b[3J\u001b[H screen',
  'clip\u001b]52;c;ZXZpbCBjbGlwYm9hcmQ=\u0007board',
  'a \u001b]8;;https://evil.example/\u001b\\link\u001b]8;;\u001b\\ here',
  'file \u202Egnp.exe\u202C and \u2066isolate\u2069 \u200Fmark',
  'title\u001b]0;pwned\u0007 bar',
  'c1 \u009b31m red \u009d0;t\u009c end',
  'alt \u001b[?1049h screen \u001bPq#0;2;0;0;0\u001b\\ dcs',
  'bell\u0007 bs\u0008 cr\roverwrite',
].join('\n');
const VISIBLE = ['Clear', 'screen', 'clip', 'board', 'link', 'here', 'gnp.exe', 'isolate', 'title', 'bar', 'red', 'end', 'alt', 'dcs', 'overwrite'];
/** C0 controls except \t and \n, ESC, DEL, C1 controls, bidi embeddings/overrides/isolates/marks. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
/** The dangerous sequences themselves, for output that legitimately carries colour codes. */
const EVIL_SEQUENCES = ['\u001b[2J', '\u001b[3J', '\u001b]52', '\u001b]8;', '\u001b]0;', '\u009b', '\u009d', '\u001b[?1049h', '\u001bP', '\u202E', '\u2066', '\u0007', '\u0008'];

function expectNeutral(text: string) {
  const bad = text.match(UNSAFE);
  expect(bad, bad ? `unsafe U+${bad[0]!.codePointAt(0)!.toString(16).padStart(4, '0')} in ${JSON.stringify(text.slice(Math.max(0, bad.index! - 30), bad.index! + 30))}` : '').toBeNull();
  for (const w of VISIBLE) expect(text).toContain(w);
}

describe('escape sequences in model text', () => {
  for (const [name, chunks] of [['word by word', undefined], ['cut inside the sequences', 61]] as const) {
    it(`are neutralised in ask and history output, verbatim in the database and JSON (${name})`, async () => {
      await setupProject(fx.home);
      const env = { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: fx.fake.url };
      fx.fake.enqueue({ kind: 'reply', text: EVIL, ...(chunks ? { chunks } : {}) }, { kind: 'reply', text: EVIL, ...(chunks ? { chunks } : {}) });
      const ask = fx.seen.add(await runCli(['ask', 'Tell me something'], { home: fx.home, env }));
      expect(ask.code, ask.stderr).toBe(0);
      expectNeutral(ask.stdout);
      expect(ask.stderr).not.toMatch(UNSAFE);
      const json = fx.seen.add(await runCli(['ask', '--json', 'Again'], { home: fx.home, env }));
      expect(JSON.parse(json.stdout).reply).toBe(EVIL);

      const replies = messages(fx.home).filter((m) => m.role === 'assistant' && m.model !== 'offline-coach');
      expect(replies.map((m) => m.content)).toEqual([EVIL, EVIL]);
      const history = fx.seen.add(await runCli(['history'], { home: fx.home }));
      expect(history.code).toBe(0);
      expectNeutral(history.stdout);
      const historyJson = JSON.parse(fx.seen.add(await runCli(['history', '--json'], { home: fx.home })).stdout) as { content: string }[];
      expect(historyJson.filter((m) => m.content === EVIL)).toHaveLength(2);

      const md = fx.seen.add(await runCli(['export', '--format', 'md'], { home: fx.home }));
      expect(md.code, md.stderr).toBe(0);
      expectNeutral(md.stdout);
      const exported = JSON.parse(fx.seen.add(await runCli(['export', '--format', 'json'], { home: fx.home })).stdout);
      expect(JSON.stringify(exported)).toContain(JSON.stringify(EVIL).slice(1, -1));
    });
  }

  it('are neutralised on a real terminal (pty): no escape from the model reaches it', async () => {
    await setupProject(fx.home);
    fx.fake.enqueue({ kind: 'reply', text: EVIL, chunks: 23 });
    const app = new PtyApp(['ask', 'Tell me something'], { home: fx.home, env: { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: fx.fake.url }, cols: 100, rows: 30 });
    const exit = await new Promise<{ exitCode: number }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the pty run did not end:\n${app.screen()}`)), 20_000);
      void app.exited.then((e) => (clearTimeout(timer), resolve(e)));
    }).finally(() => app.kill());
    expect(exit.exitCode).toBe(0);
    for (const s of EVIL_SEQUENCES) expect(app.raw.includes(s), `raw terminal output contains ${JSON.stringify(s)}`).toBe(false);
    expect(app.raw).toContain('gnp.exe');
    expect(app.raw).not.toContain(KEY_CORE);
  });

  it('user text with escapes is neutralised in decisions, tasks and history tables, and kept verbatim in JSON', async () => {
    await setupProject(fx.home);
    const note = 'check \u001b]52;c;cHduZWQ=\u0007 the \u202Etxt.exe\u202C file \u001b[2J now';
    const n = fx.seen.add(await runCli(['tasks', 'note', 't1', note], { home: fx.home }));
    expect(n.code, n.stderr).toBe(0);
    const said = "I've decided to charge $29/month because \u001b]8;;https://evil.example/\u001b\\my audience\u001b]8;;\u001b\\ asked \u202Efor it";
    const a = fx.seen.add(await runCli(['ask', '--offline', said], { home: fx.home }));
    expect(a.code, a.stderr).toBe(0);
    expect(a.stderr).not.toMatch(UNSAFE);
    for (const args of [['tasks', 'list'], ['decisions', 'list'], ['history'], ['plan']]) {
      const r = fx.seen.add(await runCli(args, { home: fx.home }));
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      const bad = r.stdout.match(UNSAFE);
      expect(bad, `${args.join(' ')} printed U+${bad?.[0]!.codePointAt(0)!.toString(16)}`).toBeNull();
    }
    const tasks = JSON.parse((await runCli(['tasks', 'list', '--json'], { home: fx.home })).stdout) as { id: string; note: string | null }[];
    expect(tasks.find((t) => t.id === 't1')!.note).toBe(note);
  });
});
