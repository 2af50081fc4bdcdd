// Issue 16: `--debug` shows what failed as the source names it: the real error class (the bundle
// keeps names through minifying) and a stack through the source maps into src/ files.
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempHome } from '../helpers/cli.js';

const fx = tempHome();
afterAll(fx.cleanup);

describe('--debug', () => {
  it('names the error class and points the stack at src/', async () => {
    const r = await runCli(['--debug', 'tasks', 'done', 't3'], { home: fx.home });
    expect(r.code).toBe(2);
    const [line, head, ...stack] = r.stderr.trimEnd().split('\n');
    expect(line).toMatch(/^coach: no profile "default" yet \(/);
    expect(head).toBe('UsageError: no profile "default" yet');
    expect(stack[0]).toMatch(/^\s+at requireProfile \(.*\/src\/app\/context\.ts:\d+:\d+\)$/);
    expect(stack.some((l) => /\/src\/cli\/tasks\.ts:\d+:\d+\)$/.test(l))).toBe(true);
  });

  it('a commander usage error stays one line, and without --debug there is no stack', async () => {
    const plain = await runCli(['tasks', 'done', 't3'], { home: fx.home });
    expect(plain.stderr.trimEnd().split('\n')).toHaveLength(1);
    const bad = await runCli(['--debug', 'tasks', 'done'], { home: fx.home });
    expect([bad.code, bad.stderr]).toEqual([2, "coach: missing required argument 'ids'\n"]);
  });
});
