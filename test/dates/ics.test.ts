// `coach export --format ics`: checked with a real iCalendar parser (ical.js) and at the byte level
// (CRLF, folding at 75 octets, escaping), plus stable UIDs across exports.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeText, foldLine } from '../../src/app/ics.js';
import { runCli, setupProject, tempHome } from '../helpers/cli.js';
import { query } from '../helpers/db.js';

describe('ics rendering (pure)', () => {
  it('escapes TEXT values', () => {
    expect(escapeText('a, b; c\\d\nnext\r\nline\u0007')).toBe('a\\, b\\; c\\\\d\\nnext\\nline');
  });

  it('folds at 75 octets without splitting a multi-byte character', () => {
    const line = `DESCRIPTION:${'é'.repeat(100)}🎉${'x'.repeat(80)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
    for (const p of parts.slice(1)) expect(p.startsWith(' ')).toBe(true);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
    expect(folded).not.toContain('\uFFFD');
    expect(foldLine('SHORT:1')).toBe('SHORT:1');
  });
});

describe('coach export --format ics', () => {
  const { home, cleanup } = tempHome();
  const run = (...args: string[]) => runCli(args, { home });
  let text = '';
  const plan = () => JSON.parse(query<{ customized_plan: string }>(home, 'SELECT customized_plan FROM active_projects')[0]!.customized_plan);

  beforeAll(async () => {
    await setupProject(home);
    const first = plan().phases[0].tasks[0].id;
    for (const args of [['tasks', 'done', first], ['tasks', 'note', first, 'Promise: bake, share; repeat, weekly']]) {
      const r = await run(...args);
      if (r.code !== 0) throw new Error(r.stderr);
    }
    const r = await run('export', '--format', 'ics');
    expect(r.code, r.stderr).toBe(0);
    text = r.stdout;
  });
  afterAll(cleanup);

  it('is well-formed: CRLF line ends only, every line at most 75 octets', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('parses with ical.js: one VTODO per task with DTSTART ≤ DUE and the due date, and the launch as an event', () => {
    const cal = new ICAL.Component(ICAL.parse(text));
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(String(cal.getFirstPropertyValue('prodid'))).toMatch(/creator-coach/);
    const p = plan();
    const tasks = p.phases.flatMap((ph: { tasks: unknown[] }) => ph.tasks) as { id: string; title: string; details: string; dueDate: string }[];
    const todos = cal.getAllSubcomponents('vtodo');
    expect(todos).toHaveLength(tasks.length);
    for (const [i, todo] of todos.entries()) {
      const t = tasks[i]!;
      expect(todo.getFirstPropertyValue('summary')).toBe(`${t.id} ${t.title}`);
      const due = todo.getFirstPropertyValue('due') as ICAL.Time;
      const start = todo.getFirstPropertyValue('dtstart') as ICAL.Time;
      expect(due.isDate).toBe(true);
      expect(due.toString()).toBe(t.dueDate);
      expect(start.compare(due)).toBeLessThanOrEqual(0);
      expect(String(todo.getFirstPropertyValue('description'))).toContain(t.details);
    }
    expect(todos[0]!.getFirstPropertyValue('status')).toBe('COMPLETED');
    expect(String(todos[0]!.getFirstPropertyValue('description'))).toContain('Note: Promise: bake, share; repeat, weekly');
    expect(todos[1]!.getFirstPropertyValue('status')).toBe('NEEDS-ACTION');

    const events = cal.getAllSubcomponents('vevent');
    expect(events).toHaveLength(1);
    const launch = query<{ target_launch_date: string }>(home, 'SELECT target_launch_date FROM active_projects')[0]!.target_launch_date;
    expect((events[0]!.getFirstPropertyValue('dtstart') as ICAL.Time).toString()).toBe(launch);
    expect(String(events[0]!.getFirstPropertyValue('summary'))).toMatch(/^Launch: /);
  });

  it('keeps UIDs stable across exports (re-import updates), unique within the file', async () => {
    const uids = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents().map((c) => String(c.getFirstPropertyValue('uid')));
    const first = uids(text);
    expect(new Set(first).size).toBe(first.length);
    await run('project', 'set', '--launch', new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10));
    const again = await run('export', '--format', 'ics');
    expect(uids(again.stdout)).toEqual(first);
    expect(again.stdout).not.toBe(text); // the dates moved
  });

  it('-o FILE picks ics from the extension and writes mode 0600', async () => {
    const file = join(home, 'plan.ics');
    const r = await run('export', '-o', file);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Exported \d+ tasks with due dates and 1 launch date to/);
    expect(readFileSync(file, 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n/);
    const bad = await run('export', '--format', 'pdf');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/md, json, ics or html/);
  });
});
