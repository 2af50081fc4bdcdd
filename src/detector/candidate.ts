// What each category detector hands to the shared confidence judge.
import type { DecisionCategory } from '../plan/schema.js';
import type { Token } from './tokens.js';
import type { Confidence } from './types.js';
import { register, wordId } from './vocab.js';

/** How strongly the words around an item say "this is my choice", before any commitment cue.
 * strong: a declaration on its own ("Price: $29/mo", "Skool for the community", "Launch day is …").
 * weak: the item is in a choosing frame but needs a commitment ("use Skool", "$29/month").
 * none: mentioned only. */
export type Frame = 'strong' | 'weak' | 'none';

export interface Candidate {
  category: DecisionCategory;
  value: string;
  /** Token range of the item in its sentence. */
  from: number;
  to: number;
  frame: Frame;
  /** The frame itself commits ("charging", "switched to", "we launch on"). */
  ownCommit?: boolean;
  /** Highest confidence this candidate may reach (e.g. implied by a set-up report). */
  cap?: Confidence;
  /** A bare item (a clause of its own): high only when the message confirms it. */
  bare?: boolean;
}

/** Every candidate has the same fields (one object shape keeps the judge's property reads fast). */
export function candidate(
  category: DecisionCategory,
  value: string,
  from: number,
  to: number,
  frame: Frame,
  extra: { ownCommit?: boolean; cap?: Confidence; bare?: boolean } = {},
): Candidate {
  return { category, value, from, to, frame, ownCommit: extra.ownCommit ?? false, cap: extra.cap, bare: extra.bare ?? false };
}

const RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

export function minConfidence(a: Confidence, b: Confidence | undefined): Confidence {
  if (b === undefined) return a;
  return RANK[a] <= RANK[b] ? a : b;
}

export function maxConfidence(a: Confidence, b: Confidence): Confidence {
  return RANK[a] >= RANK[b] ? a : b;
}

export function rank(c: Confidence): number {
  return RANK[c];
}

/** The vocabulary id of `word` (registering it without a flag if no lexicon has): tables indexed
 * by `Token.id` turn a per-token string hash lookup into an array read. */
export function idOf(word: string): number {
  register([word], 0);
  return wordId(word);
}

/** Role bits by vocabulary id for a few word lists ([words, bit] pairs): `roleIn(table, t)` reads
 * a token's roles from its `id`, an array read instead of a string hash per set. */
export function roleTable(lists: readonly (readonly [Iterable<string>, number])[]): Int32Array {
  const pairs: [number, number][] = [];
  for (const [words, bit] of lists) for (const w of words) pairs.push([idOf(w), bit]);
  let size = 0;
  for (const p of pairs) size = Math.max(size, p[0] + 1);
  const table = new Int32Array(size);
  for (const p of pairs) table[p[0]]! |= p[1];
  return table;
}

/** The roles of token `t` in a `roleTable` (0 for a word no list has: id -1, or registered later). */
export function roleIn(table: Int32Array, t: Token): number {
  const id = t.id;
  return id >= 0 && id < table.length ? table[id]! : 0;
}
