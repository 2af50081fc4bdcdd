// The rule docs/architecture.md states, checked on the source: arrows point down, and cli/ has no
// import cycle. Reads every import (static, type-only and dynamic) of every file under src/.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
}

/** file (relative to src/) → the src/ files it imports. */
const ALL = new Set(files(SRC));

function graph(): Map<string, string[]> {
  const g = new Map<string, string[]>();
  for (const file of ALL) {
    const text = readFileSync(file, 'utf8');
    const targets: string[] = [];
    for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*)'(\.{1,2}\/[^']+)'/g)) {
      const abs = resolve(dirname(file), m[1]!).replace(/\.js$/, '');
      const hit = [`${abs}.ts`, `${abs}.tsx`].find((f) => ALL.has(f));
      if (hit) targets.push(relative(SRC, hit));
    }
    g.set(relative(SRC, file), targets);
  }
  return g;
}

const layerOf = (file: string): string => (file.includes('/') ? file.split('/')[0]! : file.replace(/\.tsx?$/, ''));

// Lowest first. A layer may import its own layer and any layer listed before it.
const ORDER = ['errors', 'util', 'config', 'usage', 'plan', 'store', 'detector', 'limits', 'coach', 'app', 'cli', 'ui'];

describe('architecture', () => {
  const g = graph();

  it('sees the imports it checks', () => {
    expect(g.get('cli/main.ts')).toContain('cli/commands.ts');
    expect(g.get('limits/usage-log.ts')).toEqual(expect.arrayContaining(['usage/budget.ts', 'usage/prices.ts', 'util/dates.ts', 'errors.ts']));
  });

  it('arrows point down: no module imports a layer above its own', () => {
    const upward: string[] = [];
    for (const [file, targets] of g) {
      const from = ORDER.indexOf(layerOf(file));
      for (const t of targets) {
        const to = ORDER.indexOf(layerOf(t));
        // cli/ may start the UI (a dynamic import of the Ink app); ui and cli are both entry layers.
        if (layerOf(file) === 'cli' && layerOf(t) === 'ui') continue;
        if (to > from) upward.push(`${file} -> ${t}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('nothing below coach/ imports coach/, app/, cli/ or ui/', () => {
    const low = new Set(['errors', 'util', 'config', 'usage', 'plan', 'store', 'detector', 'limits']);
    const bad = [...g].flatMap(([file, ts]) => (low.has(layerOf(file)) ? ts.filter((t) => ['coach', 'app', 'cli', 'ui'].includes(layerOf(t))).map((t) => `${file} -> ${t}`) : []));
    expect(bad).toEqual([]);
  });

  it('the UI does not import the CLI, and usage/ depends on nothing but itself', () => {
    expect([...g].flatMap(([f, ts]) => (layerOf(f) === 'ui' ? ts.filter((t) => layerOf(t) === 'cli') : []))).toEqual([]);
    expect([...g].flatMap(([f, ts]) => (layerOf(f) === 'usage' ? ts.filter((t) => layerOf(t) !== 'usage') : []))).toEqual([]);
  });

  it('cli/ and ui/ never hold the database: they pass the context to a use case', () => {
    const bad = [...ALL].filter((f) => ['cli', 'ui'].includes(layerOf(relative(SRC, f))) && /\.store\(\)/.test(readFileSync(f, 'utf8')));
    expect(bad.map((f) => relative(SRC, f))).toEqual([]);
  });

  it('commands go through app/: cli/ uses no store repository (the schema and types only)', () => {
    const bad: string[] = [];
    for (const file of ALL) {
      const rel = relative(SRC, file);
      if (!rel.startsWith('cli/')) continue;
      for (const m of readFileSync(file, 'utf8').matchAll(/^import (type )?[^;]*? from '\.\.\/store\/([\w-]+)\.js';/gm)) {
        if (!m[1] && m[2] !== 'schema') bad.push(`${rel} -> store/${m[2]}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('cli/ has no import cycle', () => {
    const cli = [...g.keys()].filter((f) => f.startsWith('cli/'));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const walk = (f: string, path: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') return void cycles.push([...path.slice(path.indexOf(f)), f].join(' -> '));
      state.set(f, 'open');
      for (const t of g.get(f) ?? []) if (t.startsWith('cli/')) walk(t, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of cli) walk(f, []);
    expect(cycles).toEqual([]);
  });
});
