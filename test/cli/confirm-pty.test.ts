// Issue 16: `project abandon|complete` ask in a real terminal (node-pty): y does it, n or Enter
// change nothing (exit 0), Ctrl+C changes nothing (130), Ctrl+D is no answer (exit 2).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, setupProject, tempHome } from '../helpers/cli.js';
import { KEYS, PtyApp, ensureBuilt } from '../ui/pty.js';

const fx = tempHome();
beforeAll(async () => {
  ensureBuilt();
  await setupProject(fx.home);
}, 60_000);
afterAll(fx.cleanup);

const status = async () => JSON.parse((await runCli(['project', 'list', '--json'], { home: fx.home })).stdout).map((p: { status: string }) => p.status) as string[];

/** Runs `coach project <action>` in a pty, answers the question with `keys`; returns exit code and screen. */
async function answer(action: string, keys: string): Promise<{ code: number; screen: string }> {
  const app = new PtyApp(['project', action], { home: fx.home, cols: 200, rows: 10 });
  try {
    await app.waitFor(/This cannot be undone\. \[y\/N\] $/m);
    app.write(keys);
    const { exitCode } = await app.exited;
    return { code: exitCode, screen: (await app.waitFor(() => true)).trim() };
  } finally {
    app.kill();
  }
}

describe('confirmation in a terminal', () => {
  it('n, Enter, Ctrl+C and Ctrl+D change nothing, each with its exit code', async () => {
    const cases: [string, string, number, RegExp][] = [
      ['abandon', `n${KEYS.enter}`, 0, /\[y\/N\] n\nNothing changed\.$/],
      ['complete', KEYS.enter, 0, /\[y\/N\] \nNothing changed\.$/],
      ['abandon', KEYS.ctrlC, 130, /\[y\/N\] \nCancelled: nothing changed\.$/],
      ['complete', '\u0004', 2, /\[y\/N\] \ncoach: complete project ".+" \(#1\): not confirmed \(no answer\) \(answer y, or add --yes: `coach project complete 1 --yes`\)$/],
    ];
    for (const [action, keys, code, screen] of cases) {
      const r = await answer(action, keys);
      expect([r.code, r.screen], `${action} ${JSON.stringify(keys)}`).toEqual([code, expect.stringMatching(screen)]);
      expect(await status()).toEqual(['active']);
    }
  }, 60_000);

  it('y abandons, yes completes', async () => {
    const a = await answer('abandon', `y${KEYS.enter}`);
    expect([a.code, a.screen]).toEqual([0, expect.stringMatching(/\[y\/N\] y\n✓ Project ".+" is now abandoned$/)]);
    expect(await status()).toEqual(['abandoned']);
    const s = await runCli(['project', 'start', '--offline', '--title', 'Second'], { home: fx.home });
    expect(s.code, s.stderr).toBe(0);
    const c = await answer('complete', `YES${KEYS.enter}`);
    expect([c.code, c.screen]).toEqual([0, expect.stringMatching(/\[y\/N\] YES\n✓ Project "Second" is now completed$/)]);
    expect((await status()).sort()).toEqual(['abandoned', 'completed']);
  }, 60_000);
});
