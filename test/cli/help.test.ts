// Every command's help shows real examples; the help topics exist.
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { runCli, tempHome } from '../helpers/cli.js';

function helpOf(cmd: Command): string {
  let out = '';
  cmd.configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (out += s) });
  cmd.outputHelp();
  return out;
}

function walk(cmd: Command, path: string[] = []): [string, Command][] {
  // Hidden commands (the completion scripts' __complete) have no help page to check.
  const shown = cmd.commands.filter((c) => !(c as unknown as { _hidden?: boolean })._hidden);
  return shown.flatMap((c) => [[[...path, c.name()].join(' '), c] as [string, Command], ...walk(c, [...path, c.name()])]);
}

describe('help', () => {
  const program = buildProgram();
  const commands = walk(program);

  it('covers every command of the spec', () => {
    const names = commands.map(([n]) => n);
    for (const n of ['profile show', 'profile set', 'profile list', 'profile use', 'project start', 'project show', 'project list', 'project pause', 'project resume', 'project complete', 'project abandon', 'plan', 'tasks list', 'tasks toggle', 'tasks done', 'tasks undo', 'tasks note', 'decisions list', 'decisions add', 'chat', 'ask', 'history', 'usage', 'templates list', 'templates show', 'templates validate', 'config get', 'config set', 'config list', 'config set-key', 'doctor', 'export', 'detect']) {
      expect(names).toContain(n);
    }
  });

  it.each(commands.map(([n, c]) => [n, c] as const))('%s has 1–4 examples that start with `coach`', (name, cmd) => {
    const text = helpOf(cmd);
    const block = text.split('Examples:\n')[1];
    expect(block, `${name} help has no examples`).toBeDefined();
    const lines = block!.split('\n').filter((l) => l.trim().startsWith('$ '));
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines.length).toBeLessThanOrEqual(4);
    for (const l of lines) expect(l.trim()).toMatch(/^\$ (coach|cat|pbpaste|echo)\b/);
  });

  it('has environment and exit-code topics', async () => {
    const { home, cleanup } = tempHome();
    try {
      const env = await runCli(['help', 'environment'], { home });
      expect(env.code).toBe(0);
      for (const v of ['COACH_HOME', 'ANTHROPIC_API_KEY', 'CLAUDE_API_KEY', 'ANTHROPIC_BASE_URL', 'COACH_MODEL', 'COACH_DAILY_MESSAGE_LIMIT', 'MONETIZATION_DAILY_MESSAGE_LIMIT', 'COACH_COST_WARNING_USD', 'MONETIZATION_COST_WARNING_THRESHOLD', 'NO_COLOR']) expect(env.stdout).toContain(v);
      const codes = await runCli(['help', 'exit-codes'], { home });
      for (const c of ['0 ', '1 ', '2 ', '3 ', '4 ', '5 ', '6 ', '129 ', '130 ', '141 ', '143 ']) expect(codes.stdout).toContain(`  ${c}`);
      expect((await runCli(['help', 'nonsense'], { home })).code).toBe(2);
    } finally {
      cleanup();
    }
  });
});
