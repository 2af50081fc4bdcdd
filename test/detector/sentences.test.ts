import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE_CHARS, splitSentences } from '../../src/detector/sentences.js';

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

