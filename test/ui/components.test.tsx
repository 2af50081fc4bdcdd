// Components on their own, rendered with ink-testing-library.
import { Box, Text, useInput } from 'ink';
import { render } from 'ink-testing-library';
import { useRef, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Checklist } from '../../src/ui/components/Checklist.js';
import { StatusBar, type StatusFigures } from '../../src/ui/components/StatusBar.js';
import { Entry } from '../../src/ui/components/Transcript.js';
import { transcriptText } from '../../src/ui/text/entries.js';
import type { TranscriptItem } from '../../src/ui/session.js';
import type { PlanPhase } from '../../src/plan/schema.js';
import type { TaskCompletionRow } from '../../src/store/schema.js';

const tick = () => new Promise((r) => setTimeout(r, 30));

const phase: PlanPhase = {
  id: 'p1', title: 'Validate the idea', goal: 'Know people will pay before building.', proTips: [], pitfalls: [], startWeek: 1, endWeek: 2,
  tasks: Array.from({ length: 8 }, (_, i) => ({
    id: `t${i + 1}`, phaseId: 'p1', title: `Task number ${i + 1}`, details: 'Details of the task.', hours: i + 1,
    costUSD: { min: 0, max: 0 }, keywords: [], tips: [], dueWeek: 1,
  })),
};

function row(taskId: string, done: boolean, note: string | null = null): TaskCompletionRow {
  return { id: 1, projectId: 1, taskId, done, note, source: 'manual', sourceMessageId: null, completedAt: done ? 0 : null, createdAt: 0, updatedAt: 0 } as TaskCompletionRow;
}

/** The checklist wired to keys the way the main screen does it. */
function Harness({ height }: { height: number }) {
  const [cursor, setCursorState] = useState(0);
  // Read by the key handler synchronously: a render may not have happened between two keys.
  const cursorRef = useRef(0);
  const setCursor = (f: (c: number) => number) => setCursorState((cursorRef.current = f(cursorRef.current)));
  const [states, setStates] = useState(new Map<string, TaskCompletionRow>([['t2', row('t2', true, 'recorded the survey')]]));
  useInput((input, key) => {
    if (key.downArrow || input === 'j') setCursor((c) => Math.min(phase.tasks.length - 1, c + 1));
    if (key.upArrow || input === 'k') setCursor((c) => Math.max(0, c - 1));
    if (input === ' ') {
      const id = phase.tasks[cursorRef.current]!.id;
      setStates((m) => new Map(m).set(id, row(id, !m.get(id)?.done)));
    }
  });
  return (
    <Box flexDirection="column">
      <Checklist phase={phase} phaseIndex={0} phaseCount={4} isCurrentPhase states={states} cursor={cursor} focused height={height} width={100} />
      <Text>{`done: ${[...states.values()].filter((s) => s.done).map((s) => s.taskId).join(',')}`}</Text>
    </Box>
  );
}

describe('Checklist', () => {
  it('moves with j/k and arrows, toggles with space, and scrolls its window with the cursor', async () => {
    const app = render(<Harness height={5} />);
    await tick();
    let frame = app.lastFrame()!;
    expect(frame).toContain('P1 Validate the idea');
    expect(frame).toContain('1/8 done');
    expect(frame).toMatch(/› \[ \] t1/);
    expect(frame).toMatch(/\[x\] t2 +Task number 2 \(2 h\) ✎ recorded the survey/);
    expect(frame).not.toContain('t5');
    app.stdin.write(' ');
    await tick();
    expect(app.lastFrame()).toContain('done: t2,t1');
    for (const key of ['j', '\u001b[B', 'j', 'j', 'j', 'j']) {
      app.stdin.write(key);
      await tick();
    }
    frame = app.lastFrame()!;
    expect(frame).toMatch(/› \[ \] t7/);
    expect(frame).not.toMatch(/\] t1 /); // scrolled out
    expect(frame).toContain('of 8');
    app.stdin.write(' ');
    await tick();
    expect(app.lastFrame()).toContain('done: t2,t1,t7');
    app.stdin.write('k');
    await tick();
    app.stdin.write(' ');
    await tick();
    expect(app.lastFrame()).toContain('done: t2,t1,t7,t6');
    app.unmount();
  });
});

describe('StatusBar', () => {
  const base: StatusFigures = {
    profile: 'Jane Cooks', project: 'Premium community for vegan baking', model: 'claude-sonnet-4-6',
    used: 3, limit: 50, costMicros: 12_345, unpriced: false, costWarningUSD: 10,
  };

  it('shows profile, project, model, messages today and cost today', () => {
    const app = render(<StatusBar figures={base} width={100} />);
    const frame = app.lastFrame()!;
    for (const part of ['Jane Cooks', 'Premium community for vegan baking', 'claude-sonnet-4-6', 'today: 3/50 messages, $0.01']) {
      expect(frame).toContain(part);
    }
    expect(frame).not.toContain('⚠');
    app.unmount();
    const narrow = render(<StatusBar figures={{ ...base, costMicros: 1234 }} width={80} />);
    expect(narrow.lastFrame()).toContain('today: 3/50 messages, $0.0012'); // the project title gave way, not the figures
    expect(narrow.lastFrame()).toContain('Jane Cooks · Premium');
    narrow.unmount();
  });

  it('labels the offline coach and warns past the cost threshold', () => {
    const offline = render(<StatusBar figures={{ ...base, model: null, used: 0, costMicros: 0 }} width={100} />);
    expect(offline.lastFrame()).toContain('offline coach');
    expect(offline.lastFrame()).toContain('today: 0/50 messages, $0.00');
    offline.unmount();
    const over = render(<StatusBar figures={{ ...base, costMicros: 12_500_000 }} width={100} />);
    expect(over.lastFrame()).toContain('$12.50');
    expect(over.lastFrame()).toContain('⚠ over $10.00/day warning');
    over.unmount();
  });
});

describe('transcript entries', () => {
  it('neutralises screen-clearing, OSC (title, hyperlink) and control sequences in a message', () => {
    const content = 'Hello\u001b[2J\u001b[H there\u001b]0;pwned title\u0007 and \u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\ \u009b31mred\u202e!';
    const app = render(<Entry item={{ kind: 'message', key: 'm1', role: 'assistant', content, status: 'complete', label: 'claude-sonnet-4-6' }} width={80} />);
    const frame = app.lastFrame()!;
    expect(frame).toContain('Hello there and click red!');
    expect(frame).not.toMatch(/\u001b\[2J|\u001b\[H|\u001b\]|\u0007|\u009b|\u202e/);
    expect(frame).toContain('coach · claude-sonnet-4-6');
    app.unmount();
  });

  it('renders markdown for the coach, plain text for the creator, and marks interrupted replies', () => {
    const coach = render(<Entry item={{ kind: 'message', key: 'm2', role: 'assistant', content: '**Next:**\n\n- set up `Skool`\n- price it', status: 'interrupted', label: 'offline coach' }} width={80} />);
    const frame = coach.lastFrame()!;
    expect(frame).toContain('Next:');
    expect(frame).not.toContain('**');
    expect(frame).toMatch(/\* set up Skool/);
    expect(frame).toContain('offline coach · interrupted');
    coach.unmount();
    const user = render(<Entry item={{ kind: 'message', key: 'm3', role: 'user', content: 'I use **stars** literally', status: 'complete', label: null }} width={80} />);
    expect(user.lastFrame()).toContain('I use **stars** literally');
    user.unmount();
  });

  it('the history printed before the first frame is what <Static> would show', () => {
    const items: TranscriptItem[] = [
      { kind: 'banner', key: 'b1', title: `creator-coach · ${'A very long project title '.repeat(5)}`, lines: ['Jane · idea · target launch open', 'Tab switches chat ↔ checklist'] },
      { kind: 'notice', key: 'n1', tone: 'info', text: 'Earlier messages are in `coach history`.' },
      { kind: 'message', key: 'm1', role: 'user', content: 'What should I charge?\tA lot of words to wrap around the edge of the terminal window, twice over, maybe thrice.', status: 'complete', label: null },
      { kind: 'message', key: 'm2', role: 'assistant', content: '**Start** with t1 — the promise:\n\n- Who it is for, and a long item that has to wrap onto a second row with a hanging indent\n- The result\n\nThen `t2`.', status: 'interrupted', label: 'claude-sonnet-4-6' },
      { kind: 'message', key: 'm3', role: 'assistant', content: '', status: 'complete', label: 'offline coach' },
      { kind: 'notice', key: 'n2', tone: 'error', text: 'the API key was rejected (401)' },
    ];
    for (const width of [40, 80]) {
      const app = render(<Box flexDirection="column" width={width}>{items.map((item) => <Entry key={item.key} item={item} width={width} />)}</Box>);
      const strip = (t: string) => t.replace(/\u001b\[[0-9;]*m/g, '').split('\n').map((l) => l.trimEnd()).join('\n');
      expect(strip(transcriptText(items, width)).replace(/\n$/, '')).toBe(strip(app.lastFrame()!));
      app.unmount();
    }
  });
});

describe('60 columns and up', () => {
  it('the status bar keeps every figure at 60 columns (short words, no project); the suggestion keeps its keys; help lines fit', async () => {
    const { statusParts } = await import('../../src/ui/components/StatusBar.js');
    const { SuggestionLine } = await import('../../src/ui/components/Lines.js');
    const { helpPanel } = await import('../../src/ui/panels.js');
    const { cellWidth } = await import('../../src/util/wrap.js');
    const f: StatusFigures = { profile: 'Jane Cooks', project: 'Paid premium community for vegan baking', model: 'claude-sonnet-4-6', used: 3, limit: 50, costMicros: 1_234_567, unpriced: false, costWarningUSD: 5 };
    const wide = statusParts(f, 100).main;
    expect(wide).toContain('Paid premium community');
    expect(wide).toContain('today: 3/50 messages, $1.23');
    const narrow = statusParts(f, 60);
    expect(narrow.main).toBe(' Jane Cooks · claude-sonnet-4-6 · 3/50 today · $1.23 ');
    expect(cellWidth(narrow.main)).toBeLessThanOrEqual(59);
    const over = statusParts({ ...f, costMicros: 6_000_000 }, 60);
    expect(cellWidth(over.main + (over.warning ?? ''))).toBeLessThanOrEqual(59);
    expect(over.warning).toBe(' ⚠ over warning ');

    const s = render(<SuggestionLine text="Sounds like a pricing decision: 39 USD/month. Record it?" index={0} count={1} width={60} />);
    expect(s.lastFrame()).toMatch(/^\? Sounds like a pricing deci.*… — Ctrl\+Y yes · Ctrl\+X dismiss$/);
    expect(cellWidth(s.lastFrame()!)).toBeLessThanOrEqual(59);
    s.unmount();
    for (const w of [60, 70, 100]) {
      for (const line of helpPanel(w)) expect(cellWidth(line.text), `${w}: ${line.text}`).toBeLessThanOrEqual(w);
    }
    expect(helpPanel(60).map((l) => l.text)).toContain('  Ctrl+U / Ctrl+K / Ctrl+W');
  });
});
