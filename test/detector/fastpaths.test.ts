// The hand-written fast paths behind the detector's speed must agree with the slow forms they replace.
import { describe, expect, it } from 'vitest';
import { isTaskId } from '../../src/detector/completions.js';
import { tokenize } from '../../src/detector/tokens.js';

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
