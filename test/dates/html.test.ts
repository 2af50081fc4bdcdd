// `coach export --format html`: one self-contained page, checked by parsing it (node-html-parser):
// no external resources or scripts, progress bars per phase in proportion, a line chart per
// number series with a point per check-in, the plan with dates, decisions and the AI cost.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { esc, lineChart } from '../../src/app/html-report.js';
import { runCli, setupProject, tempHome } from '../helpers/cli.js';
import { query } from '../helpers/db.js';

describe('html report pieces (pure)', () => {
  it('escapes text', () => {
    expect(esc('<script>"x" & \'y\'</script>')).toBe('&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;');
  });

  it('a line chart has one point per value, higher values drawn higher', () => {
    const svg = parse(lineChart('mrr', [{ date: '2027-01-01', value: 100 }, { date: '2027-02-01', value: 300 }, { date: '2027-03-01', value: 200 }], (n) => `$${n}`));
    const circles = svg.querySelectorAll('circle');
    expect(circles).toHaveLength(3);
    const ys = circles.map((c) => Number(c.getAttribute('cy')));
    expect(ys[1]!).toBeLessThan(ys[2]!);
    expect(ys[2]!).toBeLessThan(ys[0]!);
    expect(circles[1]!.querySelector('title')!.text).toBe('2027-02-01: $300');
    expect(svg.querySelector('polyline')!.getAttribute('points')!.split(' ')).toHaveLength(3);
  });
});

describe('coach export --format html', () => {
  const { home, cleanup } = tempHome();
  const run = (...args: string[]) => runCli(args, { home });
  let html = '';

  beforeAll(async () => {
    await setupProject(home);
    const plan = JSON.parse(query<{ customized_plan: string }>(home, 'SELECT customized_plan FROM active_projects')[0]!.customized_plan);
    const first = plan.phases[0].tasks.slice(0, 2).map((t: { id: string }) => t.id);
    for (const args of [
      ['profile', 'set', '--goal', '5000'],
      ['tasks', 'done', first[0]], ['tasks', 'done', first[1]],
      ['decisions', 'add', '--category', 'platform', 'Skool <for now>'],
      ['decisions', 'add', '--category', 'platform', 'Circle'],
      ['metrics', 'add', '--date', '2026-01-05', '--waitlist', '120'],
      ['metrics', 'add', '--date', '2026-01-12', '--waitlist', '180', '--members', '9', '--mrr', '261'],
      ['metrics', 'add', '--date', '2026-02-12', '--waitlist', '240', '--members', '14', '--mrr', '406'],
    ]) {
      const r = await run(...args);
      if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
    }
    const db = new Database(join(home, 'coach.db'));
    db.prepare("INSERT INTO ai_usage_logs (request_key, profile_id, project_id, kind, model, input_tokens, output_tokens, cost_micros, status, created_at) VALUES ('k1', 1, 1, 'chat', 'claude-sonnet-4-5', 1200, 300, 12340, 'ok', ?), ('k2', 1, 1, 'chat', 'claude-sonnet-4-5', 800, 200, 7660, 'ok', ?)").run(Date.now(), Date.now());
    db.close();
    const file = join(home, 'report.html');
    const r = await run('export', '-o', file);
    expect(r.code, r.stderr).toBe(0);
    html = readFileSync(file, 'utf8');
  });
  afterAll(cleanup);

  it('is one self-contained document: inline CSS, no script, nothing fetched', () => {
    const doc = parse(html);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(doc.querySelector('style')!.text.length).toBeGreaterThan(100);
    expect(doc.querySelectorAll('script, link, img, iframe')).toHaveLength(0);
    expect(html).not.toMatch(/https?:\/\/|src=|@import|url\(/);
  });

  it('draws progress per phase in proportion to the tasks done', () => {
    const doc = parse(html);
    const all = doc.querySelector('[data-phase="all"]')!;
    const width = (el: ReturnType<typeof parse>) => Number(el.querySelector('rect.fill')!.getAttribute('width'));
    const total = Number(all.querySelector('rect.track')!.getAttribute('width'));
    const phases = doc.querySelectorAll('#progress .phase').filter((e) => e.getAttribute('data-phase') !== 'all');
    expect(phases.length).toBeGreaterThanOrEqual(3);
    const p1 = phases[0]!;
    const [done, count] = /(\d+)\/(\d+)/.exec(p1.text)!.slice(1).map(Number) as [number, number];
    expect(done).toBe(2);
    expect(width(p1)).toBe(Math.round((done / count) * total));
    expect(width(phases[1]!)).toBe(0);
  });

  it('charts waitlist, members and MRR with a point per check-in and the figures', () => {
    const doc = parse(html);
    const charts = doc.querySelectorAll('svg.chart');
    expect(charts.map((c) => c.getAttribute('data-series'))).toEqual(['waitlist', 'members', 'mrr']);
    expect(charts[0]!.querySelectorAll('circle').map((c) => c.getAttribute('data-value'))).toEqual(['120', '180', '240']);
    expect(charts[2]!.querySelectorAll('circle').map((c) => c.querySelector('title')!.text)).toEqual(['2026-01-12: $261', '2026-02-12: $406']);
    const numbers = doc.querySelector('#numbers')!.text;
    expect(numbers).toMatch(/Waitlist → member conversion: 5\.8%/);
    expect(numbers).toMatch(/MRR vs the \$5,000\/month income goal: 8\.1%, \$4,594 to go/);
  });

  it('lists the plan with due dates, decisions (superseded too, escaped) and the AI cost', () => {
    const doc = parse(html);
    const rows = doc.querySelectorAll('#plan tr[data-task]');
    const plan = JSON.parse(query<{ customized_plan: string }>(home, 'SELECT customized_plan FROM active_projects')[0]!.customized_plan);
    const tasks = plan.phases.flatMap((p: { tasks: unknown[] }) => p.tasks) as { id: string; dueDate: string }[];
    expect(rows).toHaveLength(tasks.length);
    expect(rows[0]!.classList.contains('done')).toBe(true);
    expect(rows[5]!.text).toContain(tasks[5]!.dueDate);
    const decisions = doc.querySelector('#decisions')!;
    expect(decisions.text).toContain('Skool <for now>');
    expect(decisions.querySelectorAll('tr.superseded')).toHaveLength(1);
    expect(doc.querySelector('[data-figure="cost"]')!.text).toContain('$0.02');
    expect(doc.querySelector('[data-figure="requests"]')!.text).toContain('2');
    expect(doc.querySelector('[data-figure="launch"]')!.text).toContain(plan.schedule.launchDate);
  });

  it('--all is refused for html (one project per report)', async () => {
    const r = await run('export', '--format', 'html', '--all');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/one project/);
  });
});
