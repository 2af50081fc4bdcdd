// Issue 7: `coach export` — md and json carry every decision (with history), task note and
// message; json matches the store field by field; -o is atomic, 0600 and never clobbers.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempHome } from '../helpers/cli.js';
import { query } from '../helpers/db.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('coach export', () => {
  const { home, cleanup } = tempHome();
  const run = (...args: string[]) => runCli(args, { home });
  beforeAll(async () => {
    const steps: string[][] = [
      ['profile', 'set', '--name', 'Jane Cooks', '--niche', 'vegan baking', '--platform', 'instagram:45000:3.2', '--platform', 'youtube:12000', '--income', '800', '--goal', '5000', '--hours', '6', '--experience', 'beginner'],
      ['project', 'start', '--offline'],
      ['tasks', 'done', 't1', '--note', 'Promise: "bake real bread every week"'],
      ['tasks', 'note', 't3', 'Kit free plan\nform is in the bio link'],
      ['tasks', 'done', 't5'],
      ['decisions', 'add', '--category', 'pricing', '29 USD/month', '--because', 'matches what they pay for courses'],
      ['decisions', 'add', '--category', 'pricing', '39 USD/month', '--because', 'founding members asked for more calls'],
      ['decisions', 'add', '--category', 'platform', 'Skool'],
      ['ask', '--offline', 'I finished the survey with 120 answers, what next?'],
    ];
    for (const s of steps) {
      const r = await run(...s);
      if (r.code !== 0) throw new Error(`${s.join(' ')}: ${r.stderr}`);
    }
    // A message with terminal escapes: kept byte for byte in json, made harmless in md.
    const db = new Database(join(home, 'coach.db'));
    db.prepare("INSERT INTO project_chat_messages (project_id, role, content, status, model, created_at, updated_at) VALUES (1, 'user', ?, 'interrupted', NULL, ?, ?)")
      .run('evil \u001b]0;pwned\u0007title and \u001b[2Jclear', Date.now(), Date.now());
    db.close();
  });
  afterAll(cleanup);

  it('json matches the store field by field', async () => {
    const r = await run('export', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ format: 'creator-coach-export', version: 1 });
    expect(Date.parse(doc.exportedAt)).not.toBeNaN();

    const [p] = query<Record<string, never>>(home, 'SELECT * FROM creator_profiles');
    expect(doc.profile).toEqual({
      id: p!.id, handle: p!.handle, displayName: p!.display_name, niche: p!.niche, platforms: JSON.parse(p!.platforms),
      totalAudience: p!.total_audience, currentMonthlyIncomeUSD: 800, incomeGoalUSD: 5000, hoursPerWeek: p!.hours_per_week,
      experienceLevel: p!.experience_level, goals: p!.goals, createdAt: iso(p!.created_at), updatedAt: iso(p!.updated_at),
    });

    expect(doc.projects).toHaveLength(1);
    const project = doc.projects[0];
    const [row] = query<Record<string, never>>(home, 'SELECT * FROM active_projects');
    expect(project).toMatchObject({ id: row!.id, title: row!.title, templateId: row!.template_id, status: row!.status, targetLaunchDate: row!.target_launch_date, createdAt: iso(row!.created_at) });
    expect(project.plan).toEqual(JSON.parse(row!.customized_plan));
    expect(project.progress).toEqual({ done: 2, total: 22, percent: 9 });
    expect(project.currentPhase).toBe('p1');

    const decisions = query<Record<string, never>>(home, 'SELECT * FROM project_decisions ORDER BY id');
    expect(project.decisions).toEqual(decisions.map((d) => ({
      id: d.id, category: d.category, tier: d.tier, decision: d.decision, value: d.value, rationale: d.rationale, confidence: d.confidence,
      status: d.status, supersededBy: d.superseded_by, createdAt: iso(d.created_at), sourceMessageId: d.source_message_id,
      relatedTaskId: d.related_task_id, updatedAt: iso(d.updated_at),
    })));
    expect(project.decisions.map((d: { status: string }) => d.status).sort()).toEqual(['active', 'active', 'superseded']);

    const states = query<Record<string, never>>(home, 'SELECT * FROM project_task_completions ORDER BY task_id');
    for (const s of states) {
      const t = project.tasks.find((x: { id: string }) => x.id === s.task_id);
      expect(t).toMatchObject({ done: s.done === 1, note: s.note, source: s.source, completedAt: s.done ? iso(s.completed_at) : null });
    }
    expect(project.tasks).toHaveLength(22);

    const messages = query<Record<string, never>>(home, 'SELECT * FROM project_chat_messages ORDER BY id');
    expect(messages.length).toBeGreaterThanOrEqual(4);
    expect(project.messages).toEqual(messages.map((m) => ({
      id: m.id, role: m.role, content: m.content, status: m.status, model: m.model, inputTokens: m.input_tokens, outputTokens: m.output_tokens, createdAt: iso(m.created_at),
    })));
  });

  it('md has every decision (history too), note and message, and no escape sequences', async () => {
    const r = await run('export');
    expect(r.code, r.stderr).toBe(0);
    const md = r.stdout;
    expect(md).toMatch(/^# Jane Cooks — creator coach export/);
    for (const d of query<{ decision: string; rationale: string | null }>(home, 'SELECT decision, rationale FROM project_decisions')) {
      expect(md).toContain(d.decision);
      if (d.rationale) expect(md).toContain(d.rationale);
    }
    expect(md).toMatch(/~~29 USD\/month~~ — superseded by #2/);
    expect(md).toContain('Promise: "bake real bread every week"');
    expect(md).toContain('Kit free plan\n    form is in the bio link');
    expect(md).toMatch(/- \[x\] t1 /);
    expect(md).toMatch(/- \[ \] t2 /);
    for (const m of query<{ content: string }>(home, 'SELECT content FROM project_chat_messages')) {
      if (m.content.includes('\u001b')) continue;
      for (const line of m.content.split('\n').filter((l) => l.trim())) expect(md).toContain(line.trim());
    }
    expect(md).toContain('evil title and clear');
    expect(md).not.toMatch(/[\u001b\u0007]/);
    expect(md).toMatch(/_interrupted_/);
  });

  it('-o writes atomically with mode 0600 and never overwrites without --force', async () => {
    const file = join(home, 'out', 'export.md');
    expect((await run('export', '-o', file)).code).toBe(2); // no such directory
    const dir = join(home, 'exports');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir);
    const target = join(dir, 'project.md');
    let r = await run('export', '-o', target);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readFileSync(target, 'utf8')).toMatch(/^# Jane Cooks/);

    writeFileSync(target, 'keep me');
    r = await run('export', '-o', target);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already exists.*--force/);
    expect(readFileSync(target, 'utf8')).toBe('keep me');

    r = await run('export', '-o', target, '--force', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(target, 'utf8')).format).toBe('creator-coach-export');
    expect(statSync(target).mode & 0o777).toBe(0o600);

    r = await run('export', '-o', join(dir, 'auto.json'));
    expect(JSON.parse(readFileSync(join(dir, 'auto.json'), 'utf8')).version).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['auto.json', 'project.md']); // no temp files left
  });

  it('rejects a bad format with exit 2', async () => {
    const r = await run('export', '--format', 'pdf');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format must be md, json, ics or html/);
  });

  it('--all exports every project of the profile', async () => {
    expect((await run('project', 'pause')).code).toBe(0);
    expect((await run('project', 'start', '--offline', '--title', 'Second community')).code).toBe(0);
    const current = JSON.parse((await run('export', '--format', 'json')).stdout);
    expect(current.projects.map((p: { title: string }) => p.title)).toEqual(['Second community']);
    const all = JSON.parse((await run('export', '--format', 'json', '--all')).stdout);
    expect(all.projects.map((p: { status: string }) => p.status)).toEqual(['paused', 'active']);
    expect(all.projects[0].decisions).toHaveLength(3);
    const md = (await run('export', '--all')).stdout;
    expect(md).toContain('## Project: Second community');
    expect(md).toContain('29 USD/month');
  });
});

describe('coach export before anything exists', () => {
  const { home, cleanup } = tempHome();
  afterAll(cleanup);
  it('asks for a profile first (exit 2)', async () => {
    const r = await runCli(['export'], { home });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no profile/);
  });
});
