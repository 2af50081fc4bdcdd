// `coach ask` renders the reply's markdown in a terminal, a paragraph at a time, and prints the
// plain text when piped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MarkdownBlocks } from '../../src/cli/markdown-stream.js';
import { runCli, setupProject, tempHome } from '../helpers/cli.js';
import { PtyApp, ensureBuilt } from '../ui/pty.js';

describe('MarkdownBlocks', () => {
  it('releases a paragraph once a blank line ends it, never inside a code fence', () => {
    const b = new MarkdownBlocks();
    expect(b.push('**Bold** sta')).toEqual([]);
    expect(b.push('rt\n')).toEqual([]);
    expect(b.push('\nNext')).toEqual(['**Bold** start']);
    expect(b.push(' para\n\n```\ncode\n\nmore\n```\n\n- a\n- b')).toEqual(['Next para', '```\ncode\n\nmore\n```']);
    expect(b.end()).toEqual(['- a\n- b']);
    expect(b.end()).toEqual([]);
  });
  it('keeps CRLF replies whole', () => {
    const b = new MarkdownBlocks();
    expect(b.push('one\r\n\r\ntwo')).toEqual(['one']);
    expect(b.end()).toEqual(['two']);
  });
});

describe('coach ask output', () => {
  const fx = tempHome();
  beforeAll(async () => {
    ensureBuilt();
    await setupProject(fx.home);
  });
  afterAll(fx.cleanup);
  const question = 'What should I charge for my community?';

  it('piped: the markdown as written', async () => {
    const r = await runCli(['ask', '--offline', question], { home: fx.home });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\*\*[^*]+\*\*/);
  });

  it('in a terminal: rendered (no ** left on screen), same words', async () => {
    const app = new PtyApp(['ask', '--offline', question], { home: fx.home, cols: 100, rows: 40 });
    try {
      const exit = await app.exited;
      expect(exit.exitCode).toBe(0);
      const screen = await app.waitFor((s) => /\$\d+/.test(s), { scrollback: true });
      expect(screen).toMatch(/\$\d+/);
      expect(screen).not.toMatch(/\*\*[^*\n]+\*\*/);
    } finally {
      app.kill();
    }
  });
});
