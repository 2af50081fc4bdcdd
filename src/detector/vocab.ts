// One shared vocabulary: every lexicon registers its words with a bit, and the tokenizer looks
// each token up once. Later passes test a bit instead of hashing the word again, so a word that
// no lexicon knows costs a single lookup however many detectors run.

export const F = {
  /** First word of a decision cue phrase (cues.ts). */
  DECISION_CUE: 1 << 0,
  /** First word of a completion cue phrase (completions.ts). */
  COMPLETION_CUE: 1 << 1,
  /** First word of a platform alias (platforms.ts). */
  PLATFORM: 1 << 2,
  /** A currency word or code (pricing.ts). */
  CURRENCY: 1 << 3,
  /** A structure trigger: tiers, cohort, evergreen … (commitments.ts). */
  STRUCTURE: 1 << 4,
  /** A launch anchor: launch, live, doors … (commitments.ts). */
  TIMELINE: 1 << 5,
  /** First word of a content item (commitments.ts). */
  CONTENT: 1 << 6,
  /** May open a date expression (dates.ts). */
  DATE: 1 << 7,
  /** Set on a sentence (not a word) that contains a number. */
  NUMBER: 1 << 8,
  /** A completion signal that needs no neighbour (done, finished, ✅ …; completions.ts). */
  DONE: 1 << 9,
  /** A number written as a word: twenty, nine, twenty-nine, hundred (pricing.ts). */
  NUMBER_WORD: 1 << 10,
  /** A task reference: task, tasks, step, #, t1 … t99 (completions.ts). */
  TASK_REF: 1 << 11,
  /** A progressive commitment verb: using, charging, launching … (decisions.ts). */
  COMMIT_ING: 1 << 12,
  /** A word the platform frame looks for before a name: a choice or set-up verb, a
   * preposition, a list joiner, a word that rules the frame out (platforms.ts). */
  PLATFORM_FRAME: 1 << 13,
  /** Set by the tokenizer (not a lexicon) on a word glued with a hyphen: ko-fi, 3-tier, one-time. */
  HYPHEN: 1 << 14,
  /** May open a "because …" clause, or start a new clause or contrast (analyse.ts). */
  CLAUSE: 1 << 15,
  /** An irregular past, a decision verb or a form of "be" (completions.ts). */
  WORK: 1 << 16,
} as const;

// An open-addressing table keyed by a 32-bit FNV-1a hash of the word's UTF-16 code units. Every
// token is looked up, and most tokens are freshly sliced strings: a Map would hash each one
// through V8's generic path. Here the tokenizer hashes a plain word while it scans it, and a hit
// hands back the registered string itself, so a known word costs no slice at all (and later
// Map/Set lookups of that string find its V8 hash already computed).
export const HASH_SEED = 0x811c9dc5 | 0;
export const HASH_PRIME = 0x01000193;

// See `codeAt` in tokens.ts: the looked-up strings come in many V8 representations, and a
// `w.charCodeAt` lookup on them goes megamorphic.
const charCodeAt = String.prototype.charCodeAt;

let size = 0;
let mask = 0;
let hashes = new Int32Array(0); // 0: empty slot (stored hashes are made odd, never 0)
let keys: string[] = [];
let vals = new Int32Array(0);
let ids = new Int32Array(0); // a word's id: its registration order, kept when the table grows
let nextId = 0;

function asciiLower(c: number): number {
  return c >= 65 && c <= 90 ? c | 32 : c;
}

function hashOf(w: string): number {
  let h = HASH_SEED;
  const n = w.length;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ charCodeAt.call(w, i), HASH_PRIME);
  return h | 1;
}

/** The slot holding `w` (hash `h`), or the empty slot where it would go. */
function slotOf(w: string, h: number): number {
  let i = h & mask;
  while (hashes[i] !== 0 && (hashes[i] !== h || keys[i] !== w)) i = (i + 1) & mask;
  return i;
}

function grow(): void {
  const oldHashes = hashes;
  const oldKeys = keys;
  const oldVals = vals;
  const oldIds = ids;
  const cap = Math.max(1024, oldHashes.length * 2);
  mask = cap - 1;
  hashes = new Int32Array(cap);
  keys = new Array<string>(cap).fill('');
  vals = new Int32Array(cap);
  ids = new Int32Array(cap);
  for (let j = 0; j < oldHashes.length; j++) {
    if (oldHashes[j] === 0) continue;
    const i = slotOf(oldKeys[j]!, oldHashes[j]!);
    hashes[i] = oldHashes[j]!;
    keys[i] = oldKeys[j]!;
    vals[i] = oldVals[j]!;
    ids[i] = oldIds[j]!;
  }
}

export function register(words: Iterable<string>, flag: number): void {
  for (const w of words) {
    if ((size + 1) * 4 > hashes.length) grow(); // load <= 1/4: a miss usually ends on the first probe
    const h = hashOf(w);
    const i = slotOf(w, h);
    if (hashes[i] === 0) {
      hashes[i] = h;
      keys[i] = w;
      ids[i] = nextId++;
      size++;
    }
    vals[i]! |= flag;
  }
}

/** Slot of a registered word, or -1. */
export function vocabSlot(low: string): number {
  if (size === 0) return -1; // no table yet (mask 0 would probe forever)
  const i = slotOf(low, hashOf(low));
  return hashes[i] === 0 ? -1 : i;
}

/** Slot of the ASCII lower case of the word `s[start, end)` given its running hash `h` (HASH_SEED
 * folded with each lower-cased code unit by HASH_PRIME), or -1. No slice is made. */
export function vocabSlotAt(s: string, start: number, end: number, h: number): number {
  if (size === 0) return -1;
  h |= 1;
  const len = end - start;
  for (let i = h & mask; hashes[i] !== 0; i = (i + 1) & mask) {
    if (hashes[i] !== h) continue;
    const k = keys[i]!;
    if (k.length !== len) continue;
    let j = 0;
    while (j < len && charCodeAt.call(k, j) === asciiLower(charCodeAt.call(s, start + j))) j++;
    if (j === len) return i;
  }
  return -1;
}

/** The registered string in a slot (content-equal to the word looked up). */
export function vocabKey(slot: number): string {
  return keys[slot]!;
}

export function vocabFlags(slot: number): number {
  return vals[slot]!;
}

/** The id of the word in a slot: a small integer, the same for the word's whole life. */
export function vocabId(slot: number): number {
  return ids[slot]!;
}

/** The id of a registered word, or -1. Register with flag 0 to give a word an id alone. */
export function wordId(w: string): number {
  const i = vocabSlot(w);
  return i < 0 ? -1 : ids[i]!;
}

export function flagsOf(low: string): number {
  const i = vocabSlot(low);
  return i < 0 ? 0 : vals[i]!;
}
