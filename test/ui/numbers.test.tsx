// Business numbers stated in the chat, in the terminal UI: they wait on the suggestion line; Ctrl+Y
// records them as today's check-in through the app use case (and says what it recorded), Ctrl+X
// dismisses; nothing is recorded before the creator confirms.
import { render } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context.js';
import { appHome, tick, until } from './app-fixture.js';
import { addNumbers, checkInsOf } from '../../src/app/metrics.js';
import { dayOf } from '../../src/app/schedule.js';
import { getProject } from '../../src/store/projects.js';
import { App } from '../../src/ui/App.js';

let home: string;
let ctx: AppContext;
let projectId: number;
let cleanup: () => void;

beforeEach(() => {
  ({ ctx, home, projectId, cleanup } = appHome('coach-ui-numbers-', { COACH_SECOND_READER: '0' }));
});
afterEach(() => cleanup());

const checkIns = () => checkInsOf(getProject(ctx.store().db, projectId)!);

describe('stated numbers in the app', () => {
  it('the numbers of one message are one suggestion: Ctrl+Y records them as today\'s check-in', async () => {
    const app = render(<App ctx={ctx} focus="input" offline={false} size={{ columns: 120, rows: 30 }} />);
    await tick();
    app.stdin.write('Big week: we hit 180 on the waitlist and MRR is $1,450. I want 100 members by June.');
    await tick();
    app.stdin.write('\r');
    // the goal of 100 members is not offered
    await until(app, (f) => f.includes('? Sounds like 180 on the waitlist and MRR of $1,450. Record them in today'));
    expect(checkIns()).toEqual([]);
    expect(app.lastFrame()).not.toMatch(/Sounds like 100/);

    app.stdin.write('\u0019'); // Ctrl+Y
    const today = dayOf(ctx.now());
    await until(app, (f) => f.includes(`Recorded 180 on the waitlist and MRR of $1,450 in your numbers for ${today}`));
    expect(checkIns()).toEqual([expect.objectContaining({ date: today, waitlist: 180, mrrUSD: 1450 })]);
    app.unmount();
  });

  it('Ctrl+X dismisses stated numbers: nothing is recorded', async () => {
    const app = render(<App ctx={ctx} focus="input" offline={false} size={{ columns: 120, rows: 30 }} />);
    await tick();
    app.stdin.write('We have 40 members now.');
    await tick();
    app.stdin.write('\r');
    await until(app, (f) => f.includes('? Sounds like 40 paying members. Record it in today'));
    app.stdin.write('\u0018'); // Ctrl+X
    await until(app, (f) => f.includes('Suggestion dismissed'));
    expect(checkIns()).toEqual([]);
    app.unmount();
  });

  it('a number the store refuses (more churned members than there were) is one error line, nothing stored', async () => {
    addNumbers(ctx, projectId, '2020-01-01', { members: 4 });
    const app = render(<App ctx={ctx} focus="input" offline={false} size={{ columns: 120, rows: 30 }} />);
    await tick();
    app.stdin.write('Ugh, 9 people cancelled this month.');
    await tick();
    app.stdin.write('\r');
    await until(app, (f) => f.includes('? Sounds like 9 members churned'));
    app.stdin.write('\u0019');
    await until(app, (f) => /--churned 9 is more members than you had/.test(f));
    expect(checkIns()).toEqual([expect.objectContaining({ date: '2020-01-01', members: 4 })]);
    app.unmount();
  });
});
