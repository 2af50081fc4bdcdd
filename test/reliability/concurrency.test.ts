// Issue 8, reliability: many processes on one database at once. The daily limit is reserved
// atomically (exactly `limit` requests reach the API), nobody fails with SQLITE_BUSY, and
// concurrent writes from different processes are all recorded.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { messages, query, usage } from '../helpers/db.js';
import { KEY, useProjectWithFakeApi } from './helpers.js';

const fx = useProjectWithFakeApi('coach-rel-conc-');

const BUSY = /SQLITE_BUSY|database is locked/i;

describe('concurrency', () => {
  it('20 asks at once with limit 10: exactly 10 reach the API, 10 exit 3, no SQLITE_BUSY', async () => {
    fx.fake.setDefault({ kind: 'reply', text: 'ok, noted', chunks: 3, tokenDelayMs: 10 });
    const env = { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: fx.fake.url, COACH_DAILY_MESSAGE_LIMIT: '10' };
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => runCli(['ask', `question ${i}`], { home: fx.home, env, timeoutMs: 60_000 })));
    results.forEach((r) => fx.seen.add(r));
    for (const r of results) expect(r.stderr).not.toMatch(BUSY);
    const codes = results.map((r) => r.code);
    expect(codes.filter((c) => c === 0)).toHaveLength(10);
    expect(codes.filter((c) => c === 3)).toHaveLength(10);
    for (const r of results.filter((x) => x.code === 3)) expect(r.stderr).toMatch(/daily message limit reached \(10\/10\)/);
    expect(fx.fake.requests).toHaveLength(10);

    // The store agrees: 10 exchanges (user + complete reply), 10 usage rows ok, 10 refused.
    const chat = usage(fx.home).filter((u) => u.kind === 'chat');
    expect(chat.filter((u) => u.status === 'ok')).toHaveLength(10);
    expect(chat.filter((u) => u.status === 'refused')).toHaveLength(10);
    expect(new Set(chat.map((u) => (u as unknown as { request_key: string }).request_key)).size).toBe(20);
    const users = messages(fx.home).filter((m) => m.role === 'user');
    expect(users).toHaveLength(10);
    expect(new Set(users.map((m) => m.content)).size).toBe(10);
    expect(messages(fx.home).filter((m) => m.role === 'assistant' && m.model !== 'offline-coach').map((m) => m.status)).toEqual(Array(10).fill('complete'));
    // Each exchange's reply row belongs to its own usage row.
    const linked = chat.filter((u) => u.status === 'ok').map((u) => u.message_id);
    expect(new Set(linked).size).toBe(10);
    expect(query(fx.home, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  }, 120_000);

  it('10 processes marking different tasks done at once: all recorded', async () => {
    const ids = Array.from({ length: 10 }, (_, i) => `t${i + 1}`);
    const results = await Promise.all(ids.map((id) => runCli(['tasks', 'done', id], { home: fx.home, timeoutMs: 60_000 })));
    results.forEach((r) => fx.seen.add(r));
    for (const r of results) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(BUSY);
    }
    const list = JSON.parse((await runCli(['tasks', 'list', '--json'], { home: fx.home })).stdout) as { id: string; done: boolean; source: string | null }[];
    expect(list.filter((t) => t.done).map((t) => t.id).sort()).toEqual([...ids].sort());
    expect(list.filter((t) => t.done).every((t) => t.source === 'manual')).toBe(true);
    expect(query(fx.home, 'SELECT count(*) AS n FROM project_task_completions WHERE done = 1')).toEqual([{ n: 10 }]);
  }, 120_000);

  it('mixed writers at once (tasks, notes, decisions, offline asks): every change lands', async () => {
    const runs = [
      ...['t1', 't2', 't3'].map((id) => ['tasks', 'done', id]),
      ...['t4', 't5'].map((id) => ['tasks', 'note', id, `note for ${id}`]),
      ['decisions', 'add', '--category', 'platform', 'Skool'],
      ['decisions', 'add', '--category', 'timeline', 'launch in 8 weeks'],
      ...[1, 2, 3].map((i) => ['ask', '--offline', `offline question ${i}`]),
    ];
    const results = await Promise.all(runs.map((args) => runCli(args, { home: fx.home, timeoutMs: 60_000 })));
    results.forEach((r, i) => {
      fx.seen.add(r);
      expect(r.code, `${runs[i]!.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stderr).not.toMatch(BUSY);
    });
    const tasks = JSON.parse((await runCli(['tasks', 'list', '--json'], { home: fx.home })).stdout) as { id: string; done: boolean; note: string | null }[];
    expect(tasks.filter((t) => t.done).map((t) => t.id).sort()).toEqual(['t1', 't2', 't3']);
    expect(tasks.find((t) => t.id === 't4')!.note).toBe('note for t4');
    expect(tasks.find((t) => t.id === 't5')!.note).toBe('note for t5');
    const decisions = JSON.parse((await runCli(['decisions', 'list', '--json'], { home: fx.home })).stdout) as { category: string }[];
    expect(decisions.map((d) => d.category).sort()).toEqual(['platform', 'timeline']);
    expect(messages(fx.home).filter((m) => m.role === 'user').map((m) => m.content).sort()).toEqual(['offline question 1', 'offline question 2', 'offline question 3']);
  }, 120_000);
});
