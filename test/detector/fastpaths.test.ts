// The hand-written fast paths behind the detector's speed must agree with the slow forms they replace.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isTaskId } from '../../src/detector/completions.js';
import { detect, suggestNextSteps } from '../../src/detector/index.js';
import { candidate } from '../../src/detector/candidate.js';
import { sortByFrom } from '../../src/detector/decisions.js';
import { tokenAt, tokenize } from '../../src/detector/tokens.js';
import { F, flagsOf, register, wordId } from '../../src/detector/vocab.js';
import { templatePlan } from './helpers.js';

describe('isTaskId', () => {
  it('matches exactly what /^t\\d{1,3}$/ matches', () => {
    const re = /^t\d{1,3}$/;
    const samples = ['t', 't1', 't7', 't12', 't999', 't1000', 'T7', 'tt7', 't7a', 'x7', '7', 't-7', 't٣', '', 't00', 'task'];
    for (const s of samples) expect(isTaskId(s), s).toBe(re.test(s));
  });
});

describe('tokenize: lower-case fast path', () => {
  it('gives the same low, cap and flags as lower-casing every word', () => {
    const text =
      "I'm going with Skool — it’s DONE. ko-fi Q&A circle.so Ünïcode naïve café IT'S We’ll t7 #9 $29/mo 5k 3rd e.g. İstanbul ΣΑΣ";
    for (const t of tokenize(text)) {
      if (t.kind !== 'word') {
        expect(t.cap).toBe(false);
        continue;
      }
      const low = t.raw.toLowerCase().split('\u2019').join("'");
      expect(t.low, t.raw).toBe(low);
      expect(t.cap, t.raw).toBe(t.raw[0] !== low[0]);
    }
  });
});

describe('vocabulary: the hash computed while scanning', () => {
  // Token.flags and Token.id come from a lookup hashed during the scan (no slice, no lower-casing);
  // the id-indexed tables in pricing, platforms and the judge rely on them agreeing with a plain
  // lookup of `low`.
  const corpus = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/detector-corpus.json', import.meta.url)), 'utf8')) as { text: string }[];
  const texts = [
    ...corpus.map((m) => m.text),
    "I'M GOING WITH SKOOL. It’s Done, We’ll Launch In March; $$$ !!! ✅✅ €29 £5 Q&A Ko-Fi Circle.so T7 #9",
    'Ünïcode naïve café İstanbul ΣΑΣ — Because because BECAUSE … e.g. vs. etc.',
  ];

  it('gives every token the flags and id of its lower case', () => {
    let tokens = 0;
    for (const text of texts) {
      for (const t of tokenize(text)) {
        tokens++;
        expect(t.flags & ~F.HYPHEN, `${t.raw} in ${text}`).toBe(flagsOf(t.low));
        expect(t.id, `${t.raw} in ${text}`).toBe(wordId(t.low));
      }
    }
    expect(tokens).toBeGreaterThan(3000);
  });

  it('misses words no lexicon registered, prototype names included, and finds late registrations', () => {
    for (const w of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'zzzunknownword', '']) {
      expect(flagsOf(w), w).toBe(0);
      expect(wordId(w), w).toBe(-1);
    }
    const [late] = tokenize('Quuxplorative');
    expect(late!.id).toBe(-1);
    register(['quuxplorative'], 0);
    const id = wordId('quuxplorative');
    expect(id).toBeGreaterThanOrEqual(0);
    expect(tokenize('Quuxplorative')[0]!.id).toBe(id);
    expect(tokenize('quuxplorative')[0]!.low).toBe('quuxplorative');
  });
});

describe('tokenAt', () => {
  it('reads like tokens[i], undefined before the start and past the end', () => {
    const tokens = tokenize('going with Skool');
    expect(tokenAt(tokens, -1)).toBeUndefined();
    expect(tokenAt(tokens, -2)).toBeUndefined();
    expect(tokenAt(tokens, 0)).toBe(tokens[0]);
    expect(tokenAt(tokens, 2)).toBe(tokens[2]);
    expect(tokenAt(tokens, 3)).toBeUndefined();
  });
});

describe('sortByFrom', () => {
  it('sorts like a stable Array#sort on `from`', () => {
    const rnd = (k: number): number => (k * 7919) % 13;
    for (let n = 0; n < 40; n++) {
      const xs = Array.from({ length: n }, (_, k) => candidate('pricing', `v${k}`, rnd(k + n), rnd(k + n) + 1, 'none'));
      const expected = [...xs].sort((x, y) => x.from - y.from);
      const got = [...xs];
      sortByFrom(got);
      expect(got).toEqual(expected);
      expect(got.map((c) => c.value)).toEqual(expected.map((c) => c.value));
    }
  });
});

describe('suggestNextSteps: the done set', () => {
  it("treats the message's completions as done without touching the caller's set", () => {
    const done = new Set(['t1', 't2']);
    const plan = { ...templatePlan(), doneTaskIds: done };
    const steps = detect('Finished the sales page!', plan).nextSteps;
    expect(steps.map((s) => s.taskId)).toEqual(['t16']);
    expect([...done]).toEqual(['t1', 't2']);
    // the same with the ids in another iterable, and with none
    const asArray = { ...templatePlan(), doneTaskIds: ['t1', 't2'] as unknown as ReadonlySet<string> };
    expect(detect('Finished the sales page!', asArray).nextSteps.map((s) => s.taskId)).toEqual(['t16']);
    expect(suggestNextSteps(templatePlan(), [], []).map((s) => s.taskId)).toEqual(['t1']);
  });
});
