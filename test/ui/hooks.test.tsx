// The UI's small hooks and its key plumbing, each on its own (ink-testing-library).
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { useEffect, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { KeypressProvider, KeyPriority } from '../../src/ui/contexts/KeypressContext.js';
import { useInputHistory } from '../../src/ui/hooks/useInputHistory.js';
import { useKeypress } from '../../src/ui/hooks/useKeypress.js';
import { useRepeatedKeyPress } from '../../src/ui/hooks/useRepeatedKeyPress.js';
import { useTimedMessage } from '../../src/ui/hooks/useTimedMessage.js';
import type { KeyEvent } from '../../src/ui/keys.js';
import { INITIAL_UI, uiReducer } from '../../src/ui/state/ui-state.js';
import { keyHint } from '../../src/ui/hints.js';

const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));
const label = (ev: KeyEvent) => (ev.kind === 'text' || ev.kind === 'paste' ? `${ev.kind}:${ev.text}` : ev.kind);

function Listener({ name, priority, takes, log, active = true }: { name: string; priority: number; takes: (ev: KeyEvent) => boolean; log: string[]; active?: boolean }) {
  useKeypress((ev) => {
    if (!takes(ev)) return false;
    log.push(`${name}:${label(ev)}`);
  }, { priority, isActive: active });
  return null;
}

describe('KeypressContext + useKeypress', () => {
  it('offers each key from the highest priority down until one takes it; inactive handlers are skipped; a paste is one event', async () => {
    const log: string[] = [];
    const app = render(
      <KeypressProvider>
        <Listener name="input" priority={KeyPriority.focus} takes={() => true} log={log} />
        <Listener name="global" priority={KeyPriority.global} takes={(ev) => ev.kind === 'escape'} log={log} />
        <Listener name="panel" priority={KeyPriority.panel} takes={(ev) => ev.kind === 'up'} log={log} />
        <Listener name="off" priority={KeyPriority.modal} takes={() => true} log={log} active={false} />
      </KeypressProvider>,
    );
    await tick();
    for (const k of ['a', '\u001b[A', '\u001b', '\u001b[200~two\rlines\u001b[201~']) {
      app.stdin.write(k);
      await tick(60);
    }
    expect(log).toEqual(['input:text:a', 'panel:up', 'global:escape', 'input:paste:two\nlines']);
    app.unmount();
  });

  it('keeps keys typed before any screen subscribed, for the first one that does', async () => {
    const log: string[] = [];
    function Late() {
      const [ready, setReady] = useState(false);
      useEffect(() => {
        const t = setTimeout(() => setReady(true), 200);
        return () => clearTimeout(t);
      }, []);
      return ready ? <Listener name="late" priority={KeyPriority.focus} takes={() => true} log={log} /> : null;
    }
    const app = render(<KeypressProvider><Late /></KeypressProvider>);
    await tick(30); // the provider's stdin listener is attached; the screen is not there yet
    app.stdin.write('h');
    await tick(100);
    expect(log).toEqual([]);
    await tick(300);
    expect(log).toEqual(['late:text:h']);
    app.unmount();
  });
});

describe('small hooks', () => {
  it('useRepeatedKeyPress counts presses inside the window and restarts after it or a reset', async () => {
    let now = 1000;
    let api: ReturnType<typeof useRepeatedKeyPress> | null = null;
    function Probe() {
      api = useRepeatedKeyPress(1500, () => now);
      return null;
    }
    render(<Probe />);
    expect(api!.press()).toBe(1);
    now += 1000;
    expect(api!.press()).toBe(2);
    now += 2000;
    expect(api!.press()).toBe(1);
    api!.reset();
    expect(api!.press()).toBe(1);
  });

  it('useTimedMessage shows a message and clears it after the time', async () => {
    let show: ((m: string) => void) | null = null;
    function Probe() {
      const [msg, s] = useTimedMessage<string>(500);
      show = s;
      return <Text>{msg ?? '(none)'}</Text>;
    }
    const app = render(<Probe />);
    const shownAt = Date.now();
    show!('Note saved');
    // Polled, not slept: a loaded machine may run the timers late, never early.
    const until = async (frame: string) => {
      for (const deadline = Date.now() + 5000; app.lastFrame() !== frame; await tick(10)) {
        if (Date.now() > deadline) throw new Error(`never showed ${frame}; last frame ${app.lastFrame()}`);
      }
      return Date.now();
    };
    await until('Note saved');
    const clearedAt = await until('(none)');
    expect(clearedAt - shownAt).toBeGreaterThanOrEqual(490);
    app.unmount();
  });

  it('useInputHistory walks back through sent messages and returns to the draft', () => {
    let h: ReturnType<typeof useInputHistory> | null = null;
    function Probe() {
      h = useInputHistory(() => ['first', 'second']);
      return null;
    }
    render(<Probe />);
    h!.push('third');
    expect(h!.move(-1, 'my draft')).toBe('third');
    expect(h!.move(-1, 'third')).toBe('second');
    expect(h!.browsing()).toBe(true);
    expect(h!.move(1, 'second')).toBe('third');
    expect(h!.move(1, 'third')).toBe('my draft');
    expect(h!.browsing()).toBe(false);
    expect(h!.move(1, 'my draft')).toBeNull();
  });
});

describe('view state and hints', () => {
  it('the reducer keeps the cursor in range and closes panels when the focus moves', () => {
    let s = uiReducer(INITIAL_UI, { type: 'open', overlay: { kind: 'help' } });
    s = uiReducer(s, { type: 'scroll', to: 50, max: 7 });
    expect(s.scroll).toBe(7);
    s = uiReducer(s, { type: 'toggleFocus' });
    expect(s).toMatchObject({ focus: 'checklist', overlay: null });
    s = uiReducer(s, { type: 'cursor', to: 99, count: 6, phase: 'p2' });
    expect(s).toMatchObject({ cursor: 5, viewPhase: 'p2' });
    s = uiReducer(s, { type: 'phase', phase: 'p3' });
    expect(s).toMatchObject({ cursor: 0, viewPhase: 'p3' });
  });

  it('the key hint fits the width: full at 100 columns, a shorter form at 60, the essentials at 30', () => {
    const base = { noteFor: null, overlay: false, focus: 'input' as const, busy: false, queued: 0, offerOffline: false };
    expect(keyHint(base, 100)).toBe('Enter send · Alt+Enter or Ctrl+J newline · Tab checklist · /help · Ctrl+C quit');
    expect(keyHint(base, 60)).toBe('Enter send · Alt+Enter newline · Tab checklist · /help');
    expect(keyHint(base, 30)).toBe('Tab checklist · /help');
    for (const over of [{ focus: 'checklist' as const }, { busy: true, queued: 2 }, { offerOffline: true }, { overlay: true }, { noteFor: 't1' }]) {
      expect(keyHint({ ...base, ...over }, 60).length).toBeLessThanOrEqual(59);
    }
    expect(keyHint({ ...base, busy: true, queued: 2 }, 100)).toBe('Enter queue (2 queued, ↑ edits) · Esc cancel reply · Tab checklist');
  });
});
