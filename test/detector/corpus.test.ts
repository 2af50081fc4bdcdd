// Precision and recall of the detector over a labelled corpus of creator messages.
// Only high-confidence findings count as detected: those are the ones that get applied.
// An expected decision with a confidence other than "high" must NOT come out high.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detect } from '../../src/detector/index.js';
import { DECISION_CATEGORIES } from '../../src/plan/schema.js';
import { templatePlan } from './helpers.js';

interface Labelled {
  id: number;
  text: string;
  decisions: { category: string; value: string; confidence?: string }[];
  completions: string[];
}

const corpus = JSON.parse(
  readFileSync(fileURLToPath(new URL('../fixtures/detector-corpus.json', import.meta.url)), 'utf8'),
) as Labelled[];
const plan = templatePlan();

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}
const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);
const precision = (t: Tally): number => ratio(t.tp, t.tp + t.fp);
const recall = (t: Tally): number => ratio(t.tp, t.tp + t.fn);
const f1 = (t: Tally): number => {
  const p = precision(t);
  const r = recall(t);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
};
const parts = (value: string): string[] => value.split(', ').map((v) => v.trim().toLowerCase());

function evaluate() {
  const perCategory = new Map<string, Tally>(DECISION_CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));
  const completions: Tally = { tp: 0, fp: 0, fn: 0 };
  const misses: string[] = [];
  for (const m of corpus) {
    const got = detect(m.text, plan);
    for (const category of DECISION_CATEGORIES) {
      const tally = perCategory.get(category)!;
      const expected = new Set(
        m.decisions.filter((d) => d.category === category && (d.confidence ?? 'high') === 'high').flatMap((d) => parts(d.value)),
      );
      const detected = new Set(
        got.decisions.filter((d) => d.category === category && d.confidence === 'high').flatMap((d) => parts(d.value)),
      );
      for (const v of detected) {
        if (expected.has(v)) tally.tp++;
        else {
          tally.fp++;
          misses.push(`#${m.id} FP ${category} "${v}": ${m.text}`);
        }
      }
      for (const v of expected) {
        if (!detected.has(v)) {
          tally.fn++;
          const seen = got.decisions.filter((d) => d.category === category).map((d) => `${d.value} (${d.confidence})`);
          misses.push(`#${m.id} FN ${category} "${v}" [got: ${seen.join('; ') || '-'}]: ${m.text}`);
        }
      }
    }
    const expectedTasks = new Set(m.completions);
    const gotTasks = new Set(got.taskCompletions.filter((c) => c.confidence === 'high').map((c) => c.taskId));
    for (const t of gotTasks) {
      if (expectedTasks.has(t)) completions.tp++;
      else {
        completions.fp++;
        misses.push(`#${m.id} FP task ${t}: ${m.text}`);
      }
    }
    for (const t of expectedTasks) {
      if (!gotTasks.has(t)) {
        completions.fn++;
        const seen = got.taskCompletions.map((c) => `${c.taskId} (${c.confidence})`);
        misses.push(`#${m.id} FN task ${t} [got: ${seen.join('; ') || '-'}]: ${m.text}`);
      }
    }
  }
  const overall: Tally = { tp: 0, fp: 0, fn: 0 };
  for (const t of perCategory.values()) {
    overall.tp += t.tp;
    overall.fp += t.fp;
    overall.fn += t.fn;
  }
  return { perCategory, overall, completions, misses };
}

describe('detector corpus', () => {
  const result = evaluate();

  it('prints the figures', () => {
    const pct = (x: number): string => (x * 100).toFixed(1).padStart(6);
    const row = (name: string, t: Tally): string =>
      `${name.padEnd(12)} ${String(t.tp).padStart(4)} ${String(t.fp).padStart(4)} ${String(t.fn).padStart(4)} ${pct(precision(t))} ${pct(recall(t))} ${pct(f1(t))}`;
    const lines = [
      `detector corpus: ${corpus.length} messages (high confidence = detected)`,
      `${'category'.padEnd(12)} ${'tp'.padStart(4)} ${'fp'.padStart(4)} ${'fn'.padStart(4)} ${'prec%'.padStart(6)} ${'rec%'.padStart(6)} ${'f1%'.padStart(6)}`,
      ...[...result.perCategory].map(([c, t]) => row(c, t)),
      row('decisions', result.overall),
      row('completions', result.completions),
    ];
    console.log(lines.join('\n'));
    if (process.env.DETECTOR_MISSES) console.log(result.misses.join('\n'));
    expect(corpus.length).toBeGreaterThanOrEqual(170);
  });

  it('decisions: overall precision >= 0.95 and recall >= 0.85', () => {
    expect(precision(result.overall)).toBeGreaterThanOrEqual(0.95);
    expect(recall(result.overall)).toBeGreaterThanOrEqual(0.85);
  });

  it('decisions: precision >= 0.9 in every category', () => {
    for (const [category, t] of result.perCategory) {
      expect({ category, precision: precision(t) }).toEqual({ category, precision: expect.any(Number) });
      expect(precision(t), category).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('task completions: F1 >= 0.85', () => {
    expect(f1(result.completions)).toBeGreaterThanOrEqual(0.85);
  });
});
