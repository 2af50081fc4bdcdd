// What the in-process UI tests share: a temp home with a profile and a started project, and
// polling for a frame (never a fixed sleep: a loaded machine renders late, not early).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { render } from 'ink-testing-library';
import { createContext, type AppContext } from '../../src/app/context.js';
import { startProject } from '../../src/app/projects.js';
import { upsertProfile } from '../../src/store/profiles.js';

export const tick = (ms = 40) => new Promise((r) => setTimeout(r, ms));

/** A context on a fresh home: profile "default" (Jane, 5 h a week) with the premium-community project. */
export function appHome(prefix: string, env: NodeJS.ProcessEnv = {}): { ctx: AppContext; home: string; projectId: number; cleanup: () => void } {
  const home = mkdtempSync(join(tmpdir(), prefix));
  const ctx = createContext({ env: { COACH_HOME: home, TZ: 'UTC', ...env } });
  const { profile } = upsertProfile(ctx.store().db, 'default', { displayName: 'Jane', hoursPerWeek: 5 }, Date.now());
  const projectId = startProject(ctx, profile, { templateId: 'premium-community' }).id;
  return { ctx, home, projectId, cleanup: () => { ctx.close(); rmSync(home, { recursive: true, force: true }); } };
}

/** Waits for a frame that passes `test` (or for `app()` to be true), then returns the frame. */
export async function until(app: ReturnType<typeof render> | (() => boolean), test: (frame: string) => boolean = () => true, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const f = typeof app === 'function' ? String(app()) : (app.lastFrame() ?? '');
    if (typeof app === 'function' ? app() : test(f)) return f;
    if (Date.now() > deadline) throw new Error(`timed out; last frame:\n${f}`);
    await tick(20);
  }
}
