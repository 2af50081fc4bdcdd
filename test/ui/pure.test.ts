// Pure parts of the terminal UI: key decoding (paste-safe), the editor, the height budget,
// ANSI-aware wrapping, markdown rows, token batching and the slash-command registry.
import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { KeyDecoder, PASTE_ENTER_GUARD_MS } from '../../src/ui/keys.js';
import * as ed from '../../src/ui/editor.js';
import { computeLayout } from '../../src/ui/layout.js';
import { cellWidth, truncateAnsi, wrapAnsiLine } from '../../src/util/wrap.js';
import { markdownRows, messageRows } from '../../src/util/markdown.js';
import { TokenBatcher, type BatcherTimers } from '../../src/ui/stream-batcher.js';
import { COMMANDS, completeSlash, isSlash, matchingCommands, runSlash, type CommandContext, type SlashCommand } from '../../src/ui/commands/index.js';
import { taskArgs } from '../../src/ui/commands/doneCommand.js';
import { helpLines } from '../../src/ui/help.js';

const noKey: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
};
const k = (over: Partial<Key>): Key => ({ ...noKey, ...over });

describe('KeyDecoder', () => {
  it('turns a bracketed paste into one edit, line breaks kept, and drops the Enter right after it', () => {
    let now = 1000;
    const d = new KeyDecoder(() => now);
    expect(d.feed('[200~', noKey)).toEqual([]);
    expect(d.feed('first line', noKey)).toEqual([]);
    expect(d.feed('', k({ return: true }))).toEqual([]);
    expect(d.feed('second\r\nthird', noKey)).toEqual([]);
    expect(d.feed('[201~', noKey)).toEqual([{ kind: 'paste', text: 'first line\nsecond\nthird' }]);
    now += PASTE_ENTER_GUARD_MS - 10;
    expect(d.feed('', k({ return: true }))).toEqual([]); // the terminal's trailing Enter of the paste
    now += 100;
    expect(d.feed('', k({ return: true }))).toEqual([{ kind: 'enter' }]);
  });

  it('treats an unbracketed multi-line chunk as a paste, but "text + Enter" typed ahead as text then enter', () => {
    const d = new KeyDecoder(() => 0);
    expect(d.feed('a\rb\rc', noKey)).toEqual([{ kind: 'paste', text: 'a\nb\nc' }]);
    const d2 = new KeyDecoder(() => 1000);
    expect(d2.feed('hello\r', noKey)).toEqual([{ kind: 'text', text: 'hello' }, { kind: 'enter' }]);
  });

  it('knows the newline keys (Alt+Enter, Ctrl+J), Ctrl letters, and ignores stray escape sequences', () => {
    const d = new KeyDecoder(() => 1e6);
    expect(d.feed('\r', k({ return: true, meta: true }))).toEqual([{ kind: 'newline' }]);
    expect(d.feed('\n', noKey)).toEqual([{ kind: 'newline' }]);
    expect(d.feed('c', k({ ctrl: true }))).toEqual([{ kind: 'ctrl', letter: 'c' }]);
    expect(d.feed('[1;5P', noKey)).toEqual([]);
    expect(d.feed('', k({ delete: true }))).toEqual([{ kind: 'backspace', word: false }]);
    expect(d.feed('', k({ tab: true, shift: true }))).toEqual([{ kind: 'tab', shift: true }]);
  });
});

describe('editor', () => {
  it('edits by grapheme, strips escape sequences from typed text, and moves between lines', () => {
    let s = ed.insert(ed.EMPTY_EDITOR, 'héllo 👍🏽');
    s = ed.backspace(s);
    expect(s.text).toBe('héllo ');
    s = ed.insert(s, '\u001b[2Jworld\u0007');
    expect(s.text).toBe('héllo world');
    s = ed.insert(s, '\nsecond');
    expect(ed.vertical(s, -1)!.cursor).toBe('héllo '.length);
    expect(ed.vertical(s, 1)).toBeNull();
    expect(ed.deleteWordBack(s).text).toBe('héllo world\n');
    expect(ed.killToLineStart(s).text).toBe('héllo world\n');
  });

  it('lays out rows within the width (wide characters count double) and finds the cursor', () => {
    const s = ed.setText('你好世界你好世界 abc');
    const { rows, cursorRow } = ed.layoutEditor(s, 8);
    for (const r of rows) expect(stringWidth(r.text)).toBeLessThanOrEqual(7);
    expect(cursorRow).toBe(rows.length - 1);
    expect(rows.at(-1)!.cursorCol).toBe(stringWidth(rows.at(-1)!.text));
  });
});

describe('computeLayout', () => {
  it('never exceeds rows - 1, whatever is asked for', () => {
    for (const rows of [5, 8, 12, 20, 30, 60]) {
      for (const streamLines of [0, 3, 200]) {
        for (const inputLines of [1, 4, 40]) {
          const l = computeLayout({ rows, streamLines, inputLines, hintLines: 5, suggestion: true, panelLines: 23, overlay: streamLines === 3 });
          expect(l.total).toBeLessThanOrEqual(rows - 1);
          expect(l.status).toBe(1);
          expect(l.input).toBeGreaterThanOrEqual(1);
        }
      }
    }
  });

  it('gives a streaming reply most of the room and keeps a small checklist window', () => {
    const l = computeLayout({ rows: 30, streamLines: 100, inputLines: 1, hintLines: 0, suggestion: false, panelLines: 7, overlay: false });
    expect(l.stream).toBeGreaterThan(10);
    expect(l.panel).toBeGreaterThanOrEqual(2);
    expect(l.total).toBe(29);
  });
});

describe('wrapping and markdown', () => {
  it('wraps coloured text to the width with a hanging indent and re-opened colours', () => {
    const line = '  * \u001b[1mbold words\u001b[22m and many more plain words that go past the width';
    const rows = wrapAnsiLine(line, 24);
    expect(rows.length).toBeGreaterThan(2);
    for (const r of rows) expect(stringWidth(r)).toBeLessThanOrEqual(24);
    expect(rows[1]!.startsWith('    ')).toBe(true);
  });

  it('measures cells like string-width (ASCII fast path, other graphemes remembered)', () => {
    const samples = ['', 'plain words', '\u001b[1mbold\u001b[22m and \u001b[36mcyan\u001b[39m', 'tab\there', 'café · naïve — “quotes” …', '表示 テスト', '👍🏽 ok 👨‍👩‍👧 fam', 'e\u0301 combining', '\u001b]0;x\u0007osc', '◆ coach ● you ✓ ⚠ █░ ╭─╮'];
    for (const s of samples) expect(cellWidth(s), JSON.stringify(s)).toBe(stringWidth(s));
    for (const s of samples) for (const w of [1, 3, 8]) expect(stringWidth(truncateAnsi(s, w))).toBeLessThanOrEqual(w);
    expect(truncateAnsi('\u001b[36mabcdef\u001b[39m', 4)).toBe('\u001b[36mabc…\u001b[0m');
  });

  it('renders lists, bold and code, and never passes escape sequences through', () => {
    const rows = markdownRows('Plan:\n\n- **first** step\n- `code` step\n\n\u001b[2Jgone\u001b]0;evil title\u0007 ok\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\', 40);
    const text = rows.join('\n');
    expect(text).toContain('first step');
    expect(text).toContain('code step');
    expect(text).not.toContain('**');
    expect(text).not.toMatch(/\u001b\[2J|\u001b\]|\u0007/);
    expect(text).toContain('gone ok');
    expect(messageRows('same', 40, 'markdown')).toBe(messageRows('same', 40, 'markdown')); // memoised
  });
});

describe('TokenBatcher', () => {
  it('publishes at most once per interval however many tokens arrive, and the final text at stop', () => {
    let tick: (() => void) | null = null;
    const timers: BatcherTimers = { setInterval: (fn) => ((tick = fn), 1), clearInterval: () => (tick = null) };
    const published: string[] = [];
    const b = new TokenBatcher((t) => published.push(t), 64, timers);
    for (let i = 0; i < 1000; i++) {
      b.push('x');
      if (i % 100 === 99) tick!(); // ten intervals pass while 1000 tokens arrive
    }
    b.push('!');
    b.stop();
    expect(published.length).toBe(11);
    expect(published.at(-1)).toBe(`${'x'.repeat(1000)}!`);
    expect(tick).toBeNull();
  });
});

describe('slash commands', () => {
  it('is one registry for help, hints and completion', () => {
    for (const name of ['help', 'tasks', 'decisions', 'usage', 'done', 'undo', 'retry', 'model', 'offline', 'quit']) {
      expect(COMMANDS.some((c) => c.name === name)).toBe(true);
      expect(helpLines().join('\n')).toContain(`/${name}`);
    }
    expect(matchingCommands('/d').map((c) => c.name)).toEqual(['decisions', 'done']);
    expect(completeSlash('/do')).toBe('/done ');
    expect(isSlash('/done t3')).toBe(true);
    expect(isSlash('I paid $29/month')).toBe(false);
  });

  it('runs a command against one CommandContext: argument, unambiguous prefix, unknown name, a failure as one line', () => {
    const calls: string[] = [];
    const ctx = {
      app: {} as CommandContext['app'],
      snapshot: () => { throw new Error('no active project'); },
      session: { options: () => ({ model: null, offline: false }), set: () => calls.push('session') },
      ui: {
        notice: (t: string, tone?: string) => calls.push(`notice:${tone ?? 'info'}:${t}`), openPanel: (p: { kind: string }) => calls.push(`panel:${p.kind}`),
        focusChecklist: () => calls.push('focus'), refresh: () => calls.push('refresh'), quit: () => calls.push('quit'),
      },
      chat: { retry: () => calls.push('retry') },
    } as CommandContext;
    expect(['t3', 't3 t4', 't3,t5-t7', '3..5', 'set your price', 't3 - t5'].map(taskArgs)).toEqual([['t3'], ['t3', 't4'], ['t3', 't5-t7'], ['3..5'], ['set your price'], ['t3 - t5']]);
    runSlash('/dec', ctx);
    runSlash('/retry', ctx);
    runSlash('/tasks', ctx);
    runSlash('/nope', ctx);
    runSlash('/done', ctx);
    runSlash('/done t3', ctx); // needs the project: the error is one line
    expect(calls).toEqual([
      'panel:decisions', 'retry', 'focus', 'notice:warn:unknown command "/nope" — try /help',
      'notice:warn:usage: /done ID, e.g. /done t3', 'notice:error:no active project',
    ]);
    // A new command is one object (one file) in the list: help, hints and completion see it.
    const vote: SlashCommand = { name: 'vote', summary: 'a vote', action: (c) => c.ui.openPanel({ kind: 'text', title: 'Vote', lines: ['t1'] }) };
    calls.length = 0;
    runSlash('/vot', ctx, [...COMMANDS, vote]);
    expect(calls).toEqual(['panel:text']);
    expect(matchingCommands('/v', [...COMMANDS, vote]).map((c) => c.name)).toEqual(['vote']);
  });
});

describe('error lines', () => {
  it('says each failure in one short line, in keys, without the API body', async () => {
    const { errorLine, retryAfterSeconds } = await import('../../src/ui/error-line.js');
    const { ApiError, AuthError, LimitError } = await import('../../src/errors.js');
    const overloaded = errorLine(new ApiError('the API is overloaded (529): 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}'));
    expect(overloaded).toEqual({ text: 'Claude is overloaded right now (nothing was lost) — Ctrl+R (/retry) sends it again in a moment.', auth: false, retryable: true });
    const headers = new Headers({ 'retry-after': '120' });
    const limited = errorLine(new ApiError('the API is rate limiting requests (429) and retries did not help', { cause: { headers } }));
    expect(limited.text).toBe('The API is rate-limiting you — wait 2 min, then Ctrl+R (/retry) sends it again.');
    expect(retryAfterSeconds({ cause: { headers: { 'retry-after-ms': '1500' } } })).toBe(2);
    expect(errorLine(new ApiError('the API is rate limiting requests (429)')).text).toContain('wait a minute');
    const auth = errorLine(new AuthError('the API key was rejected (401)'));
    expect(auth.auth).toBe(true);
    expect(auth.text).toContain('/offline');
    expect(errorLine(new ApiError('cannot reach the Anthropic API (Connection error.)')).text).toMatch(/^Can't reach the Anthropic API \(offline\?\)/);
    expect(errorLine(new LimitError('daily message limit reached (1/1)')).text).toMatch(/^daily message limit reached \(1\/1\).* — \/offline is free/);
    const other = errorLine(new ApiError('the API returned an error (500): 500 {"type":"error","error":{"type":"api_error"}}'));
    expect(other.text).toBe('the API returned an error (500) — Ctrl+R (/retry) sends it again.');
  });
});
