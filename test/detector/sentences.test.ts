import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE_CHARS, splitSentences } from '../../src/detector/sentences.js';
import { stem, tokenize } from '../../src/detector/tokens.js';

const texts = (s: string): string[] => splitSentences(s).map((x) => x.text);

describe('splitSentences', () => {
  it('splits on . ! ? and line breaks, keeping offsets', () => {
    const s = 'Going with Skool. Launching March 3!\nIs $29 ok? yes';
    const out = splitSentences(s);
    expect(out.map((x) => x.text)).toEqual(['Going with Skool.', 'Launching March 3!', 'Is $29 ok?', 'yes']);
    expect(out.map((x) => x.terminator)).toEqual(['.', '!', '?', '']);
    for (const x of out) expect(s.slice(x.start, x.end)).toBe(x.text);
  });

  it('does not split inside decimals, domains, abbreviations or month abbreviations before a day', () => {
    expect(texts('It costs $29.99/month on circle.so, e.g. for pros. Launch is Feb. 10 for sure.')).toEqual([
      'It costs $29.99/month on circle.so, e.g. for pros.',
      'Launch is Feb. 10 for sure.',
    ]);
  });

  it('lets an ellipsis run on in lower case but ends the sentence before a capital', () => {
    expect(texts("Podia or Kajabi... can't decide")).toEqual(["Podia or Kajabi... can't decide"]);
    expect(texts('Hmm... Skool it is')).toEqual(['Hmm...', 'Skool it is']);
  });

  it('caps sentence length, cutting at a space when there is one, and never inside an emoji', () => {
    const long = 'word '.repeat(1000);
    const out = splitSentences(long);
    expect(out.length).toBeGreaterThan(5);
    for (const s of out) {
      expect(s.text.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(s.text.startsWith('word')).toBe(true);
    }
    const emoji = '🙄'.repeat(1000);
    const parts = splitSentences(emoji);
    expect(parts.map((p) => p.text).join('')).toBe(emoji);
    for (const p of parts) expect(p.text.length % 2).toBe(0);
  });

  it('caps a run of punctuation too', () => {
    for (const s of splitSentences('.'.repeat(5000))) expect(s.text.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
  });
});

describe('tokenize', () => {
  it('reads numbers with thousands, decimals, k suffixes and ordinals', () => {
    const t = tokenize('$2,000 29.99 29,99 5k 1.2m 3rd 15th 2am');
    const nums = t.filter((x) => x.kind === 'num');
    expect(nums.map((x) => x.value)).toEqual([2000, 29.99, 29.99, 5000, 1_200_000, 3, 15, 2]);
    expect(nums.map((x) => x.ordinal)).toEqual([false, false, false, false, false, true, true, false]);
    expect(t.find((x) => x.low === 'am')?.space).toBe(false);
  });

  it('keeps contractions, hyphenated words, domains and q&a together; curly apostrophes are straightened', () => {
    expect(tokenize('I’ll use Ko-fi, circle.so and a Q&A one-time').map((x) => x.low)).toEqual([
      "i'll",
      'use',
      'ko-fi',
      ',',
      'circle.so',
      'and',
      'a',
      'q&a',
      'one-time',
    ]);
  });

  it('treats an absurd digit run as no number and a run of one symbol as one token', () => {
    const [big] = tokenize('9'.repeat(500));
    expect(big!.kind).toBe('num');
    expect(Number.isNaN(big!.value)).toBe(true);
    const run = tokenize('!!!!!! $$$ 🙄🙄🙄');
    expect(run.map((x) => x.low)).toEqual(['!', '$', '🙄']);
  });
});

describe('stem', () => {
  it('meets the forms people use', () => {
    expect(stem('pricing')).toBe(stem('price'));
    expect(stem('recorded')).toBe(stem('record'));
    expect(stem('communities')).toBe(stem('community'));
    expect(stem('organized')).toBe(stem('organised'));
    expect(stem('wrote')).toBe(stem('write'));
    expect(stem('DMs')).toBe(stem('dm'));
  });

  it('is safe with prototype words', () => {
    expect(stem('constructor')).toBe('constructor');
    expect(stem('__proto__')).toBe('__proto__');
  });
});
