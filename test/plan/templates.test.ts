import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { DECISION_CATEGORIES } from '../../src/plan/schema.js';
import { listTemplates, loadTemplate, parseTemplate, shippedTemplatesDir, validateTemplateFile } from '../../src/plan/templates.js';

const shippedPath = join(shippedTemplatesDir(), 'premium-community.json');
const rawShipped = (): any => JSON.parse(readFileSync(shippedPath, 'utf8'));

function rejectMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('shipped premium-community template', () => {
  const t = validateTemplateFile(shippedPath);
  const tasks = t.phases.flatMap((p) => p.tasks);

  it('validates with 4 phases and 22 unique task ids t1..t22', () => {
    expect(t.id).toBe('premium-community');
    expect(t.schemaVersion).toBe(1);
    expect(t.phases.map((p) => p.id)).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(tasks).toHaveLength(22);
    // Ids stay with a task's meaning (stored decisions, notes and the detector corpus refer to
    // them), so since the plan was reordered they are unique but not in plan order.
    expect(tasks.map((x) => x.id).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))).toEqual(
      Array.from({ length: 22 }, (_, i) => `t${i + 1}`),
    );
  });

  // The plan follows its own first pitfall: nobody builds before anyone has paid.
  it('pre-sells before building and decides go/no-go on numbers', () => {
    const order = tasks.map((x) => x.id);
    const at = (id: string) => order.indexOf(id);
    const phaseOf = (id: string) => t.phases.find((p) => p.tasks.some((x) => x.id === id))!.id;
    expect(phaseOf('t14')).toBe('p1'); // pre-sale of founding seats
    expect(phaseOf('t8')).toBe('p1'); // go/no-go
    expect(at('t14')).toBeLessThan(at('t8'));
    expect(at('t12')).toBeLessThan(at('t14')); // payments, terms, refund policy, sales tax before taking money
    expect(at('t3')).toBeLessThan(at('t6')); // the email list before the waitlist on it
    for (const build of t.phases[1]!.tasks) expect(at('t8'), build.id).toBeLessThan(at(build.id));
    expect(at('t19')).toBeLessThan(at('t18')); // the workshop is promoted ahead of the doors opening
    const goNoGo = tasks.find((x) => x.id === 't8')!;
    expect(goNoGo.checkpoint?.metrics.map((m) => m.id)).toEqual(['paidFounding', 'waitlistToPaid', 'visitorToWaitlist']);
    for (const m of goNoGo.checkpoint!.metrics) {
      expect(goNoGo.details, m.id).toContain(m.unit === 'percent' ? `${m.go}%` : String(m.go));
    }
    expect(tasks.find((x) => x.id === 't22')!.checkpoint?.metrics[0]).toMatchObject({ id: 'goalShare', go: 25, noGo: 10 });
    expect(tasks.find((x) => x.id === 't12')!.title).toMatch(/terms.*refund.*sales tax/i);
  });

  it('says how to launch on each audience platform and what each community platform costs', () => {
    const launch = tasks.find((x) => x.id === 't16')!;
    expect(Object.keys(launch.platformNotes ?? {})).toEqual(expect.arrayContaining(['YouTube', 'Instagram', 'TikTok', 'Newsletter']));
    expect(new Set(Object.values(launch.platformNotes!)).size).toBe(Object.keys(launch.platformNotes!).length);
    expect(t.communityPlatforms.map((p) => p.name)).toEqual(['Skool', 'Circle', 'Discord', 'Patreon', 'Substack']);
    for (const p of t.communityPlatforms) expect(p.fees, p.name).toMatch(/\$|%/);
  });

  it('has the content a creator can act on', () => {
    expect(t.whyThisWorks.length).toBeGreaterThanOrEqual(4);
    expect(t.whyThisWorks.length).toBeLessThanOrEqual(6);
    for (const task of tasks) {
      expect(task.keywords.length, task.id).toBeGreaterThanOrEqual(3);
      expect(task.keywords.length, task.id).toBeLessThanOrEqual(8);
      expect(task.tips.length, task.id).toBeGreaterThanOrEqual(1);
      expect(task.tips.length, task.id).toBeLessThanOrEqual(3);
    }
    for (const phase of t.phases) {
      expect(phase.proTips.length).toBeGreaterThanOrEqual(3);
      expect(phase.pitfalls.length).toBeGreaterThanOrEqual(3);
    }
    expect(JSON.stringify(t)).not.toMatch(/lorem|TODO|TBD/i);
  });

  it('has decision points for all five categories', () => {
    expect(new Set(t.decisionPoints.map((d) => d.category))).toEqual(new Set(DECISION_CATEGORIES));
    expect(t.decisionPoints.find((d) => d.category === 'pricing')?.taskIds[0]).toBe('t4');
  });

  it('is listed and loadable by id', () => {
    const { templates, problems } = listTemplates();
    expect(problems).toEqual([]);
    expect(templates.map((x) => x.id)).toContain('premium-community');
    expect(loadTemplate('premium-community').phases).toHaveLength(4);
  });
});

describe('malformed templates', () => {
  it('names the field with the wrong type', () => {
    const raw = rawShipped();
    raw.phases[0].tasks[2].hours = '3';
    expect(rejectMessage(() => parseTemplate(raw, 'templates/x.json'))).toMatch(
      /^templates\/x\.json: phases\.0\.tasks\.2\.hours: expected number, received string/,
    );
  });

  it('names a missing field', () => {
    const raw = rawShipped();
    delete raw.opportunity.summary;
    expect(rejectMessage(() => parseTemplate(raw, 'x.json'))).toMatch(/^x\.json: opportunity\.summary: .*undefined/);
  });

  it('rejects a duplicate task id', () => {
    const raw = rawShipped();
    raw.phases[1].tasks[0].id = 't1';
    // t7 disappears too, so the platform and structure decision points are also reported: "(+2 more)".
    expect(rejectMessage(() => parseTemplate(raw, 'x.json'))).toBe('x.json: phases.1.tasks.0.id: duplicate task id t1 (+2 more)');
  });

  it('rejects a checkpoint whose go threshold is below its no-go threshold', () => {
    const raw = rawShipped();
    const goNoGo = raw.phases[0].tasks.findIndex((x: { id: string }) => x.id === 't8');
    raw.phases[0].tasks[goNoGo].checkpoint.metrics[0].go = 2;
    expect(rejectMessage(() => parseTemplate(raw, 'x.json'))).toBe(
      `x.json: phases.0.tasks.${goNoGo}.checkpoint.metrics.0: go must be >= noGo`,
    );
  });

  it('rejects a decision point pointing at an unknown task', () => {
    const raw = rawShipped();
    raw.decisionPoints[0].taskIds = ['t4', 't99'];
    expect(rejectMessage(() => parseTemplate(raw, 'x.json'))).toBe('x.json: decisionPoints.0.taskIds.1: unknown task id t99');
  });

  it('rejects invalid JSON naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coach-tpl-'));
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "schemaVersion": 1,');
    expect(rejectMessage(() => validateTemplateFile(file))).toMatch(/broken\.json: invalid JSON/);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('user template directory', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'coach-tpl-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('adds new ids and overrides shipped ones', () => {
    const own = rawShipped();
    own.id = 'my-course';
    own.opportunity.title = 'My course';
    writeFileSync(join(dir, 'mine.json'), JSON.stringify(own));
    const override = rawShipped();
    override.opportunity.title = 'My premium community';
    writeFileSync(join(dir, 'override.json'), JSON.stringify(override));

    const { templates, problems } = listTemplates(dir);
    expect(problems).toEqual([]);
    expect(templates.map((t) => t.id)).toEqual(['my-course', 'premium-community']);
    const pc = templates.find((t) => t.id === 'premium-community')!;
    expect(pc.origin).toBe('user');
    expect(pc.overridesShipped).toBe(true);
    expect(loadTemplate('premium-community', dir).opportunity.title).toBe('My premium community');
    expect(loadTemplate('my-course', dir).opportunity.title).toBe('My course');
  });

  it('skips invalid user templates but reports them', () => {
    const bad = rawShipped();
    bad.id = 'bad-one';
    bad.phases[0].tasks[0].costUSD = { min: 50, max: 10 };
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
    writeFileSync(join(dir, 'notjson.json'), 'nope');
    writeFileSync(join(dir, 'readme.txt'), 'ignored');

    const { templates, problems } = listTemplates(dir);
    expect(templates.map((t) => t.id)).toEqual(['premium-community']);
    expect(problems.map((p) => p.id)).toEqual(['bad-one', 'notjson']);
    expect(problems[0]!.message).toMatch(/bad\.json: phases\.0\.tasks\.0\.costUSD: max must be >= min/);
    // Loading the broken id gives its own error, not "unknown template".
    expect(rejectMessage(() => loadTemplate('bad-one', dir))).toMatch(/costUSD/);
  });

  it('a missing user directory just means no user templates', () => {
    expect(listTemplates(join(dir, 'nope')).templates.map((t) => t.id)).toEqual(['premium-community']);
  });

  it('an unknown id lists the available ones', () => {
    expect(rejectMessage(() => loadTemplate('nope', dir))).toBe('unknown template "nope"; available: premium-community');
  });
});
