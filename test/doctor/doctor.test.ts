// Issue 7: `coach doctor` finds a loose file mode, a corrupt or newer database, a bad settings
// file and a missing key — each with its ✗ line and exit 1 — and changes nothing while looking.
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAnthropic } from '../fake-anthropic/server.js';
import { runCli, tempHome } from '../helpers/cli.js';

const KEY = 'sk-ant-test-doctor-0123456789-wxyz';
const withKey = { ANTHROPIC_API_KEY: KEY };
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

interface DoctorJson { ok: boolean; checks: { id: string; status: string; label: string; detail: string; hint: string | null }[] }

function lineOf(stdout: string, label: string): string {
  return stdout.split('\n').find((l) => l.slice(2).startsWith(`${label}:`)) ?? '';
}

/** A fresh home holding a copy of the healthy database (and nothing else). */
function copyHome(from: string): string {
  const home = mkdtempSync(join(tmpdir(), 'coach-doctor-'));
  chmodSync(home, 0o700);
  copyFileSync(join(from, 'coach.db'), join(home, 'coach.db'));
  chmodSync(join(home, 'coach.db'), 0o600);
  return home;
}

describe('coach doctor', () => {
  const healthy = tempHome();
  const extra: string[] = [];
  beforeAll(async () => {
    const r = await runCli(['profile', 'set', '--name', 'Doc'], { home: healthy.home });
    if (r.code !== 0) throw new Error(r.stderr);
    // Fold the WAL into the main file, so a copy of coach.db alone is the whole database.
    const db = new Database(join(healthy.home, 'coach.db'));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
  });
  afterAll(() => {
    healthy.cleanup();
    for (const h of extra) rmSync(h, { recursive: true, force: true });
  });
  const home = () => {
    const h = copyHome(healthy.home);
    extra.push(h);
    return h;
  };

  it('passes a healthy setup (exit 0) and never prints the key', async () => {
    const r = await runCli(['doctor'], { home: healthy.home, env: withKey });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    for (const label of ['Node.js', 'Data directory', 'Database file', 'Database integrity', 'Schema version', 'Settings', 'API key', 'Model']) {
      expect(lineOf(r.stdout, label), label).toMatch(/^✓ /);
    }
    expect(lineOf(r.stdout, 'API key')).toContain('sk-ant-…wxyz');
    expect(lineOf(r.stdout, 'Key accepted')).toMatch(/^- .*not checked/);
    expect(r.stdout + r.stderr).not.toContain(KEY);
    const j = await runCli(['doctor', '--json'], { home: healthy.home, env: withKey });
    const doc = JSON.parse(j.stdout) as DoctorJson;
    expect(doc.ok).toBe(true);
    for (const c of doc.checks) expect(Object.keys(c).sort()).toEqual(['detail', 'hint', 'id', 'label', 'status']);
    expect(j.stdout).not.toContain(KEY);
  });

  it('notes a missing key (the offline coach is a supported mode) and exits 0', async () => {
    const r = await runCli(['doctor'], { home: healthy.home });
    expect(r.code, r.stderr).toBe(0);
    expect(lineOf(r.stdout, 'API key')).toMatch(/^i API key: none: the offline coach answers/);
    expect(r.stdout).toMatch(/→ to use Claude, run `coach config set-key`/);
    expect(r.stderr).toMatch(/^No problems; 1 note\.$/m);
    const doc = JSON.parse((await runCli(['doctor', '--json'], { home: healthy.home })).stdout) as DoctorJson;
    expect(doc.ok).toBe(true);
    expect(doc.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(doc.checks.find((c) => c.id === 'apiKey')!.status).toBe('note');
  });

  it('flags a database file readable by others (0644) and leaves its mode alone', async () => {
    const h = home();
    const db = join(h, 'coach.db');
    chmodSync(db, 0o644);
    const r = await runCli(['doctor'], { home: h, env: withKey });
    expect(r.code).toBe(1);
    expect(lineOf(r.stdout, 'Database file')).toMatch(/^✗ Database file: .*coach\.db is 0644 \(should be 0600\)/);
    expect(r.stdout).toMatch(/→ chmod 600/);
    expect(statSync(db).mode & 0o777).toBe(0o644);
  });

  it('flags a data directory that is not 0700', async () => {
    const h = home();
    chmodSync(h, 0o755);
    const r = await runCli(['doctor'], { home: h, env: withKey });
    expect(r.code).toBe(1);
    expect(lineOf(r.stdout, 'Data directory')).toMatch(/^✗ .*mode 0755, should be 0700/);
    expect(statSync(h).mode & 0o777).toBe(0o755);
  });

  it('flags a database overwritten with garbage, without crashing or touching it', async () => {
    const h = home();
    const db = join(h, 'coach.db');
    const size = statSync(db).size;
    writeFileSync(db, Buffer.alloc(size, 'garbage! '));
    chmodSync(db, 0o600);
    const before = sha(db);
    const r = await runCli(['doctor'], { home: h, env: withKey });
    expect(r.code).toBe(1);
    expect(lineOf(r.stdout, 'Database integrity')).toMatch(/^✗ Database integrity: .*not a SQLite database/);
    expect(r.stdout).toMatch(/→ move it aside/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(sha(db)).toBe(before);
  });

  it('flags pages corrupted inside a valid database', async () => {
    const h = home();
    const db = join(h, 'coach.db');
    const bytes = readFileSync(db);
    const pageSize = bytes.readUInt16BE(16) || 65536;
    for (let p = 1; p < bytes.length / pageSize; p++) bytes.fill(0xa5, p * pageSize + 8, p * pageSize + 200);
    writeFileSync(db, bytes);
    const r = await runCli(['doctor', '--json'], { home: h, env: withKey });
    expect(r.code).toBe(1);
    const integrity = (JSON.parse(r.stdout) as DoctorJson).checks.find((c) => c.id === 'integrity')!;
    expect(integrity.status).toBe('fail');
  });

  it('flags a database from a newer creator-coach and leaves it untouched', async () => {
    const h = home();
    const db = join(h, 'coach.db');
    const raw = new Database(db);
    raw.pragma('journal_mode = DELETE');
    raw.pragma('user_version = 99');
    raw.close();
    const before = sha(db);
    const r = await runCli(['doctor'], { home: h, env: withKey });
    expect(r.code).toBe(1);
    expect(lineOf(r.stdout, 'Schema version')).toMatch(/^✗ Schema version: 99 is newer/);
    expect(sha(db)).toBe(before);
  });

  it('flags a hand-broken settings file', async () => {
    const h = home();
    writeFileSync(join(h, 'settings.json'), '{"dailyMessageLimit": -3, "model": ""}', { mode: 0o600 });
    let r = await runCli(['doctor'], { home: h, env: withKey });
    expect(r.code).toBe(1);
    expect(lineOf(r.stdout, 'Settings')).toMatch(/^✗ Settings: dailyMessageLimit = -3: .*; model = "": /);
    writeFileSync(join(h, 'settings.json'), '{ not json', { mode: 0o600 });
    r = await runCli(['doctor'], { home: h, env: withKey });
    expect(lineOf(r.stdout, 'Settings')).toMatch(/^✗ Settings: it is not valid JSON/);
    r = await runCli(['doctor'], { home: healthy.home, env: { ...withKey, COACH_DAILY_MESSAGE_LIMIT: 'lots' } });
    expect(r.code).toBe(1);
    expect(lineOf(r.stdout, 'Settings')).toMatch(/COACH_DAILY_MESSAGE_LIMIT: expected a number/);
  });

  it('warns about an unpriced model without failing', async () => {
    const r = await runCli(['doctor'], { home: healthy.home, env: { ...withKey, COACH_MODEL: 'claude-future-9' } });
    expect(r.code).toBe(0);
    expect(lineOf(r.stdout, 'Model')).toMatch(/^! Model: claude-future-9 is not in the pricing table/);
  });

  it('reports a fresh machine without creating anything', async () => {
    const fresh = tempHome();
    try {
      const dir = join(fresh.home, 'not-yet');
      const r = await runCli(['doctor', '--json'], { home: dir, env: withKey });
      const doc = JSON.parse(r.stdout) as DoctorJson;
      expect(r.code).toBe(0);
      expect(doc.checks.find((c) => c.id === 'dataDir')!.status).toBe('warn');
      expect(() => statSync(dir)).toThrow();
    } finally {
      fresh.cleanup();
    }
  });

  it('--check-key asks the API (honouring ANTHROPIC_BASE_URL) and reports an unreachable one', async () => {
    const fake = await startFakeAnthropic();
    try {
      const ok = await runCli(['doctor', '--check-key'], { home: healthy.home, env: { ...withKey, ANTHROPIC_BASE_URL: fake.url } });
      expect(ok.code, ok.stdout).toBe(0);
      expect(lineOf(ok.stdout, 'Key accepted')).toMatch(/^✓ Key accepted: by http:\/\/127\.0\.0\.1/);
      expect(fake.countTokensRequests).toHaveLength(1);
      expect(fake.countTokensRequests[0]!.apiKey).toBe(KEY);
    } finally {
      await fake.close();
    }
    const down = await runCli(['doctor', '--check-key'], { home: healthy.home, env: { ...withKey, ANTHROPIC_BASE_URL: 'http://127.0.0.1:9' } });
    expect(down.code).toBe(1);
    expect(lineOf(down.stdout, 'Key accepted')).toMatch(/^✗ Key accepted: cannot reach http:\/\/127\.0\.0\.1:9/);
  });
});
