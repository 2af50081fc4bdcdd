// The TUI's /week and /progress slash commands: the same week as `coach week` and the progress
// per phase with the latest numbers, opened as text panels (against a real store).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src/app/context.js';
import { COMMANDS, runSlash, type CommandContext, type PanelRequest } from '../../src/ui/commands/index.js';
import { loadSnapshot } from '../../src/ui/session.js';
import { cliEnv, runCli, setupProject, tempHome } from '../helpers/cli.js';

describe('/week and /progress', () => {
  const { home, cleanup } = tempHome();
  const panels: PanelRequest[] = [];
  let ctx: CommandContext;
  let close = () => {};

  beforeAll(async () => {
    await setupProject(home);
    const r = await runCli(['metrics', 'add', '--date', '2026-01-05', '--waitlist', '150', '--members', '6'], { home });
    if (r.code !== 0) throw new Error(r.stderr);
    const app = createContext({ env: cliEnv(home) });
    close = () => app.close();
    ctx = {
      app,
      snapshot: () => loadSnapshot(app, { model: null, offline: true })!,
      session: { options: () => ({ model: null, offline: true }), set: () => {} },
      ui: { notice: (t: string) => { throw new Error(t); }, openPanel: (p) => panels.push(p), focusChecklist: () => {}, refresh: () => {}, quit: () => {} },
      chat: { retry: () => {} },
    } as CommandContext;
  });
  afterAll(() => {
    close();
    cleanup();
  });

  it('are in the registry', () => {
    expect(COMMANDS.map((c) => c.name)).toEqual(expect.arrayContaining(['week', 'progress']));
  });

  it('/week opens the week panel: the hours planned and the next open tasks with due dates', async () => {
    panels.length = 0;
    runSlash('/week', ctx);
    expect(panels).toHaveLength(1);
    const p = panels[0] as Extract<PanelRequest, { kind: 'text' }>;
    expect(p.title).toBe('This week');
    expect(p.lines[0]).toMatch(/of 6 h planned · launch \d{4}-\d{2}-\d{2}/);
    const json = JSON.parse((await runCli(['week', '--json'], { home })).stdout);
    for (const t of json.thisWeek) expect(p.lines.join('\n')).toContain(`☐ ${t.id} ${t.title} (${t.hours} h · due ${t.dueDate})`);
  });

  it('/progress opens bars per phase and the latest numbers', () => {
    panels.length = 0;
    runSlash('/progress', ctx);
    const p = panels[0] as Extract<PanelRequest, { kind: 'text' }>;
    expect(p.title).toBe('Progress');
    expect(p.lines[0]).toMatch(/^░{20} 0\/\d+ tasks \(0%\)$/);
    expect(p.lines.join('\n')).toMatch(/Waitlist → member conversion: 4%/);
  });
});
