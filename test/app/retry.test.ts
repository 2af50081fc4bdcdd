// /retry (issue 16): a turn whose reply failed or was cancelled is answered again from its stored
// user message (runExchange's retryOf): stored once, sent once, its detection applied once; the
// failed or partial reply stays stored but is not sent. Run in process against the fake server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createContext, requireProject, type AppContext } from '../../src/app/context.js';
import { runExchange, type ExchangeInput } from '../../src/app/exchange.js';
import { startProject } from '../../src/app/projects.js';
import { allMessages } from '../../src/store/messages.js';
import { upsertProfile } from '../../src/store/profiles.js';
import { startFakeAnthropic, type FakeAnthropic } from '../fake-anthropic/server.js';

let fake: FakeAnthropic;
beforeAll(async () => {
  fake = await startFakeAnthropic();
});
afterAll(() => fake.close());

let home = '';
let ctx: AppContext;
afterEach(() => {
  ctx.close();
  rmSync(home, { recursive: true, force: true });
});

function setUp(): { ask: (text: string, more?: Partial<ExchangeInput>) => ReturnType<typeof runExchange>; rows: () => string[][] } {
  home = mkdtempSync(join(tmpdir(), 'coach-retry-'));
  ctx = createContext({ env: { COACH_HOME: home, TZ: 'UTC', COACH_SECOND_READER: '0', ANTHROPIC_API_KEY: 'sk-ant-test-retry-000000', ANTHROPIC_BASE_URL: fake.url } });
  const { profile } = upsertProfile(ctx.store().db, 'default', { displayName: 'Jane', hoursPerWeek: 5 }, Date.now());
  startProject(ctx, profile, { templateId: 'premium-community' });
  const project = requireProject(ctx, profile);
  return {
    ask: (text, more = {}) => runExchange(ctx, { profile, project, text, ...more }),
    rows: () => allMessages(ctx.store().db, project.row.id).map((m) => [m.role, m.status, m.content]),
  };
}

const overloaded = () => fake.enqueue(...[1, 2, 3].map(() => ({ kind: 'http_error' as const, status: 529, retryAfterMs: 1 })));
const sentUserTexts = () => fake.requests.at(-1)!.body.messages.filter((m) => m.role === 'user').map((m) => JSON.stringify(m.content));

describe('retryOf', () => {
  it('529 after retries, then a retry: the message is stored once and sent once; the decision is recorded once', async () => {
    const { ask, rows } = setUp();
    const text = 'Decided: we are going with Skool for the community.';
    overloaded();
    const failed = await ask(text);
    expect(failed.status).toBe('error');
    expect(failed.applied.decisions.map((d) => d.value)).toEqual(['Skool']);
    fake.enqueue({ kind: 'reply', text: 'Skool it is.' });
    const events: string[] = [];
    const ok = await ask(text, { retryOf: failed.userMessageId, onEvent: (e) => e.type === 'user' && events.push(`user:${e.message.id}:${e.retried}`) });
    expect([ok.status, ok.reply, ok.userMessageId]).toEqual(['complete', 'Skool it is.', failed.userMessageId]);
    expect(events).toEqual([`user:${failed.userMessageId}:true`]);
    expect(rows()).toEqual([['user', 'complete', text], ['assistant', 'error', ''], ['assistant', 'complete', 'Skool it is.']]);
    expect(sentUserTexts().filter((t) => t.includes('Skool for the community'))).toHaveLength(1);
    expect(ok.applied.decisions).toEqual([]);
    const decisions = ctx.store().sqlite.prepare('SELECT value, status FROM project_decisions').all();
    expect(decisions).toEqual([{ value: 'Skool', status: 'active' }]);
    expect((ctx.store().sqlite.prepare("SELECT count(*) AS n FROM ai_usage_logs WHERE kind = 'chat'").get() as { n: number }).n).toBe(2);
  });

  it('after Esc: the partial reply stays stored but the request ends on the retried message', async () => {
    const { ask, rows } = setUp();
    fake.enqueue({ kind: 'reply', text: Array.from({ length: 80 }, (_, i) => `part${i + 1}`).join(' '), tokenDelayMs: 30 });
    const abort = new AbortController();
    let seen = '';
    const cut = await ask('Plan my week', { signal: abort.signal, onEvent: (e) => {
      if (e.type === 'text' && (seen += e.delta).includes('part3')) abort.abort();
    } });
    expect(cut.status).toBe('interrupted');
    fake.enqueue({ kind: 'reply', text: 'Here is your week.' });
    const again = await ask('Plan my week', { retryOf: cut.userMessageId });
    expect(again.status).toBe('complete');
    const sent = fake.requests.at(-1)!.body.messages;
    expect(sent.at(-1)!.role).toBe('user');
    expect(JSON.stringify(sent)).not.toContain('part1');
    expect(sentUserTexts().filter((t) => t.includes('Plan my week'))).toHaveLength(1);
    expect(rows().map(([role, status]) => `${role}:${status}`)).toEqual(['user:complete', 'assistant:interrupted', 'assistant:complete']);
  });

  it('a turn that was answered is not reused: the text is stored again as a new message', async () => {
    const { ask, rows } = setUp();
    fake.enqueue({ kind: 'reply', text: 'First answer.' }, { kind: 'reply', text: 'Second answer.' });
    const first = await ask('Again please');
    const second = await ask('Again please', { retryOf: first.userMessageId });
    expect(second.userMessageId).not.toBe(first.userMessageId);
    expect(rows().filter(([role]) => role === 'user')).toHaveLength(2);
  });
});
