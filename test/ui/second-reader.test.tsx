// Issue 14 in the terminal UI: the second reader's proposals join the detector's suggestion line
// (Ctrl+Y records, Ctrl+X dismisses); nothing is recorded before that; the reply is never held up.
import { render } from 'ink-testing-library';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeAnthropic, type FakeAnthropic } from '../fake-anthropic/server.js';
import type { AppContext } from '../../src/app/context.js';
import { appHome, tick, until } from './app-fixture.js';
import { query } from '../helpers/db.js';
import { listDecisions } from '../../src/store/decisions.js';
import { taskStates } from '../../src/store/tasks.js';
import { App } from '../../src/ui/App.js';

let fake: FakeAnthropic;
let home: string;
let ctx: AppContext;
let projectId: number;
let cleanup: () => void;

beforeAll(async () => {
  fake = await startFakeAnthropic();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  ({ ctx, home, projectId, cleanup } = appHome('coach-ui-reader-', { COACH_SECOND_READER: '1', ANTHROPIC_API_KEY: 'sk-ant-test-reader-0000000000', ANTHROPIC_BASE_URL: fake.url }));
});
afterEach(() => cleanup());


const MESSAGE = 'ok so the members will hang out on Kitchen Table from now on. Also 212 people answered my questionnaire.';
const PROPOSALS = JSON.stringify({
  decisions: [{ category: 'platform', value: 'Kitchen Table', quote: 'hang out on Kitchen Table' }],
  completions: [{ taskId: 't2', quote: '212 people answered my questionnaire' }],
});

describe('second reader in the app', () => {
  it('offers its proposals on the suggestion line: Ctrl+Y records one, Ctrl+X dismisses the next', async () => {
    fake.enqueue({ kind: 'reply', text: 'Nice work.' }, { kind: 'reply', text: PROPOSALS, firstByteDelayMs: 800 });
    const app = render(<App ctx={ctx} focus="input" offline={false} size={{ columns: 120, rows: 30 }} />);
    await tick();
    app.stdin.write(MESSAGE);
    await tick();
    app.stdin.write('\r');
    // The reply is in before the second reader answers: it never holds the exchange up.
    const replied = await until(app, (f) => f.includes('Nice work.') && f.includes('today: 1/50 messages'));
    expect(replied).not.toContain('Second reader');
    await until(app, (f) => f.includes('? Second reader: Sounds like a platform decision: Kitchen Table. Record it?'));
    expect(listDecisions(ctx.store().db, projectId)).toEqual([]);
    expect(fake.requests.map((r) => [r.stream, r.body.model])).toEqual([[true, 'claude-sonnet-4-6'], [false, 'claude-haiku-4-5']]);

    app.stdin.write('\u0019'); // Ctrl+Y
    await until(app, (f) => f.includes('Recorded platform decision: Kitchen Table'));
    expect(listDecisions(ctx.store().db, projectId).map((d) => [d.category, d.value])).toEqual([['platform', 'Kitchen Table']]);
    const next = await until(app, (f) => /\? Second reader: Did you finish t2 .*Mark it.* — Ctrl\+Y yes/.test(f)); // the question gives way to the keys on a narrow line
    expect(next).toContain('today: 1/50 messages'); // the reading did not use up a message
    app.stdin.write('\u0018'); // Ctrl+X
    await until(app, (f) => f.includes('Suggestion dismissed'));
    expect(taskStates(ctx.store().db, projectId).get('t2')?.done ?? false).toBe(false);
    app.unmount();
  });

  it('quitting while the second reader waits cancels it at once; its usage row is closed', async () => {
    fake.enqueue({ kind: 'reply', text: 'Nice work.' }, { kind: 'hang_before_headers' });
    let exited = false;
    const app = render(<App ctx={ctx} focus="input" offline={false} size={{ columns: 120, rows: 30 }} onExit={() => (exited = true)} />);
    await tick();
    app.stdin.write(MESSAGE);
    await tick();
    app.stdin.write('\r');
    await until(app, (f) => f.includes('Nice work.') && f.includes('today: 1/50 messages'));
    await fake.waitForRequests(2);
    const t0 = Date.now();
    app.stdin.write('\u0003');
    await tick(100);
    if (!exited) app.stdin.write('\u0003'); // an idle prompt may ask for a second Ctrl+C
    while (!exited && Date.now() - t0 < 5000) await tick(20);
    expect(exited).toBe(true);
    expect(Date.now() - t0).toBeLessThan(3000);
    const rows = query<{ kind: string; status: string; counted: number }>(home, 'SELECT kind, status, counted FROM ai_usage_logs ORDER BY id');
    expect(rows).toEqual([{ kind: 'chat', status: 'ok', counted: 1 }, { kind: 'detect', status: 'interrupted', counted: 0 }]);
    app.unmount();
  });
});
