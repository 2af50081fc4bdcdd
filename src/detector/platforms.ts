// Platforms: known community, course, newsletter and payment platforms with their aliases, and
// the frame that turns a mention into a choice ("going with Skool", "Stripe for payments") as
// opposed to a mention in passing ("my audience is on Instagram", "a video about Circle").
import { cueBit, type Analysed } from './analyse.js';
import { candidate, idOf, roleIn, roleTable, type Candidate, type Frame } from './candidate.js';
import { table, tokenAt, type Token } from './tokens.js';
import { F, register } from './vocab.js';

export type PlatformKind = 'community' | 'course' | 'newsletter' | 'payments';

export interface PlatformInfo {
  name: string;
  kind: PlatformKind;
  /** Lower-case token sequences, e.g. "mighty networks", "fb group". */
  aliases: string[];
  /** Also an everyday word (circle, ghost, slack …): needs context to count. */
  ambiguous?: boolean;
}

export const PLATFORMS: PlatformInfo[] = [
  { name: 'Skool', kind: 'community', aliases: ['skool', 'skool.com'] },
  { name: 'Circle', kind: 'community', aliases: ['circle', 'circle.so'], ambiguous: true },
  { name: 'Discord', kind: 'community', aliases: ['discord'] },
  { name: 'Patreon', kind: 'community', aliases: ['patreon'] },
  { name: 'Mighty Networks', kind: 'community', aliases: ['mighty networks', 'mighty network', 'mightynetworks'] },
  { name: 'Kajabi', kind: 'course', aliases: ['kajabi'] },
  { name: 'Teachable', kind: 'course', aliases: ['teachable'], ambiguous: true },
  { name: 'Thinkific', kind: 'course', aliases: ['thinkific'] },
  { name: 'Podia', kind: 'course', aliases: ['podia'] },
  { name: 'LearnWorlds', kind: 'course', aliases: ['learnworlds'] },
  { name: 'Uscreen', kind: 'course', aliases: ['uscreen'] },
  { name: 'Substack', kind: 'newsletter', aliases: ['substack'] },
  { name: 'Ghost', kind: 'newsletter', aliases: ['ghost', 'ghost.org'], ambiguous: true },
  { name: 'Stripe', kind: 'payments', aliases: ['stripe'] },
  { name: 'Gumroad', kind: 'payments', aliases: ['gumroad'] },
  { name: 'Lemon Squeezy', kind: 'payments', aliases: ['lemon squeezy', 'lemonsqueezy', 'lemon squeeze'] },
  { name: 'PayPal', kind: 'payments', aliases: ['paypal'] },
  { name: 'Paddle', kind: 'payments', aliases: ['paddle'], ambiguous: true },
  { name: 'Payhip', kind: 'payments', aliases: ['payhip'] },
  { name: 'Stan Store', kind: 'payments', aliases: ['stan store', 'stan.store', 'stanstore'] },
  {
    name: 'Facebook Groups',
    kind: 'community',
    aliases: ['facebook group', 'facebook groups', 'fb group', 'fb groups', 'facebook community', 'fb community'],
  },
  { name: 'Slack', kind: 'community', aliases: ['slack'], ambiguous: true },
  { name: 'Telegram', kind: 'community', aliases: ['telegram'] },
  { name: 'WhatsApp', kind: 'community', aliases: ['whatsapp', 'whats app'] },
  { name: 'Whop', kind: 'payments', aliases: ['whop'] },
  { name: 'LaunchPass', kind: 'payments', aliases: ['launchpass', 'launch pass'] },
  { name: 'Memberful', kind: 'payments', aliases: ['memberful'] },
  { name: 'Buy Me a Coffee', kind: 'payments', aliases: ['buy me a coffee', 'buymeacoffee', 'bmac'] },
  { name: 'Ko-fi', kind: 'payments', aliases: ['ko-fi', 'kofi'] },
  { name: 'Geneva', kind: 'community', aliases: ['geneva'], ambiguous: true },
  { name: 'Heartbeat', kind: 'community', aliases: ['heartbeat', 'heartbeat.chat'], ambiguous: true },
  { name: 'Bettermode', kind: 'community', aliases: ['bettermode'] },
  { name: 'Discourse', kind: 'community', aliases: ['discourse'], ambiguous: true },
  { name: 'YouTube Memberships', kind: 'community', aliases: ['youtube memberships', 'youtube membership', 'channel memberships'] },
];

interface Alias {
  words: string[];
  info: PlatformInfo;
}

const ALIASES = new Map<string, Alias[]>();
for (const info of PLATFORMS) {
  for (const alias of info.aliases) {
    const words = alias.split(' ');
    let list = ALIASES.get(words[0]!);
    if (!list) ALIASES.set(words[0]!, (list = []));
    list.push({ words, info });
  }
}
for (const list of ALIASES.values()) list.sort((a, b) => b.words.length - a.words.length);
register([...ALIASES.keys()].flatMap((w) => [w, `${w}'s`]), F.PLATFORM);
/** ALIASES by the vocabulary id of the first word, written plain or possessive ("skool's"): the
 * scan reads a token's aliases from its `id` instead of hashing its string (twice for a miss). */
const ALIAS_IDS = [...ALIASES.keys()].flatMap((w) => [idOf(w), idOf(`${w}'s`)]);
// filled, not sparse: an array with far-apart indices would be a dictionary
const ALIASES_BY_ID = new Array<Alias[] | undefined>(Math.max(...ALIAS_IDS) + 1).fill(undefined);
// possessives first, so a name written exactly wins should one ever spell another's possessive
for (const [w, list] of ALIASES) ALIASES_BY_ID[idOf(`${w}'s`)] = list;
for (const [w, list] of ALIASES) ALIASES_BY_ID[idOf(w)] = list;

/** Words before an ambiguous name that make it a platform. */
const CONTEXT_BEFORE = new Set([
  'on',
  'use',
  'using',
  'used',
  'with',
  'via',
  'through',
  'to',
  'chose',
  'picked',
  'pick',
  'choose',
  'try',
  'switch',
  'move',
  'host',
  'join',
  'joined',
  'like',
  'for',
  'and',
  'or',
  'vs',
  'over',
  'than',
  'about',
  'decided',
  'settled',
  'is',
  'it',
  '+',
  '&',
]);
/** Words after an ambiguous name that make it a platform. */
const CONTEXT_AFTER = new Set(['community', 'group', 'server', 'account', 'app', 'membership', 'platform', 'site', 'space', 'plan', 'for', '+', '&', 'it', 'is', 'vs', 'or']);
/** Everyday uses of the ambiguous names. */
const NOT_PLATFORM_BEFORE = new Set(['inner', 'close', 'my', 'our', 'full', 'social', 'trusted', 'some', 'a', 'in', 'from', 'the', 'no']);
const NOT_PLATFORM_AFTER = new Set(['back', 'of', 'around', 'town', 'moment', 'off', 'writer', 'rate', 'kitchen']);

export interface PlatformMention {
  from: number;
  to: number;
  info: PlatformInfo;
}

function stripPossessive(low: string): string {
  return low.endsWith("'s") ? low.slice(0, -2) : low;
}

/** Platform names read per sentence at most. */
export const MAX_MENTIONS = 24;

/** Platform names in a token list. Linear: one map lookup per token, aliases are ≤ 4 words. */
export function findPlatforms(tokens: Token[], anyFlags: number = F.PLATFORM): PlatformMention[] {
  const out: PlatformMention[] = [];
  if ((anyFlags & F.PLATFORM) === 0) return out;
  for (let i = 0; i < tokens.length && out.length < MAX_MENTIONS; i++) {
    const t = tokens[i]!;
    if ((t.flags & F.PLATFORM) === 0) continue;
    const list = t.id >= 0 ? ALIASES_BY_ID[t.id] : undefined; // (a PLATFORM word always has an id)
    if (!list) continue;
    let hit: Alias | undefined;
    for (const alias of list) {
      let ok = i + alias.words.length <= tokens.length;
      for (let k = 1; ok && k < alias.words.length; k++) {
        const w = tokens[i + k]!.low;
        const last = k === alias.words.length - 1;
        if (w !== alias.words[k] && !(last && stripPossessive(w) === alias.words[k])) ok = false;
      }
      if (ok) {
        hit = alias;
        break;
      }
    }
    if (!hit) continue;
    const end = i + hit.words.length;
    if (hit.info.ambiguous && hit.words.length === 1 && !t.low.includes('.')) {
      const prev = tokenAt(tokens, i - 1)?.low ?? '';
      const before = roleAt(tokens, i - 1);
      const after = roleAt(tokens, end);
      if ((before & P_NOT_BEFORE) !== 0 && !(prev === 'the' && (after & P_CONTEXT_AFTER) !== 0)) continue;
      if ((after & P_NOT_AFTER) !== 0) continue;
      const capsMidSentence = t.cap && i > 0;
      const context = (before & P_CONTEXT_BEFORE) !== 0 || (after & P_CONTEXT_AFTER) !== 0 || (t.cap && t.low.endsWith("'s"));
      if (!context && !(capsMidSentence && tokenAt(tokens, i - 1)?.kind === 'word')) continue;
    }
    out.push({ from: i, to: end, info: hit.info });
    i = end - 1;
  }
  return out;
}

/** Display name for a platform written any way ("fb groups", "circle.so", "KO-FI"), or null. */
export function normalisePlatform(text: string): string | null {
  const low = text.trim().toLowerCase().replace(/\s+/g, ' ');
  for (const p of PLATFORMS) if (p.name.toLowerCase() === low || p.aliases.includes(low)) return p.name;
  return null;
}

// ---- frames ---------------------------------------------------------------------------------

/** Past or progressive decision verbs: the frame commits by itself. */
const COMMIT_VERBS: Record<string, string[] | null> = table({
  going: ['with'],
  went: ['with'],
  chose: null,
  picked: null,
  settled: ['on'],
  decided: ['on'],
  switched: ['to', 'over'],
  switching: ['to', 'over'],
  moving: ['to', 'over'],
  moved: ['to', 'over'],
  migrating: ['to'],
  migrated: ['to'],
  sticking: ['with'],
  staying: ['with', 'on'],
  opted: ['for'],
  opting: ['for'],
  landed: ['on'],
});
/** Base forms and prepositions: a choosing frame that still needs a commitment. */
const CHOICE_WORDS = new Set([
  'use',
  'using',
  'go',
  'host',
  'hosting',
  'build',
  'building',
  'run',
  'running',
  'sell',
  'selling',
  'take',
  'taking',
  'deliver',
  'stick',
  'stay',
  'pick',
  'choose',
  'on',
  'via',
  'through',
  'with',
  'to',
  'move',
  'switch',
  'migrate',
]);
/** Setting something up on a platform implies the choice but reports progress: at most medium. */
const SETUP_WORDS = new Set([
  'set',
  'setting',
  'setup',
  'created',
  'create',
  'creating',
  'made',
  'make',
  'opened',
  'open',
  'built',
  'connect',
  'connected',
  'connecting',
  'signed',
  'sign',
  'signing',
  'start',
  'started',
  'my',
]);
const NOT_FRAME = new Set([
  'about',
  'of',
  'than',
  'like',
  'from',
  'vs',
  'versus',
  'at',
  'by',
  'left',
  'leave',
  'leaving',
  'in',
  'over',
  'compare',
  'comparing',
  'research',
  'researching',
  'review',
  'reviewing',
  'interview',
  'ask',
]);
const TIME_NOUNS = new Set(['years', 'year', 'months', 'month', 'ages', 'a', 'weeks', 'days', 'while', 'long']);
const POST_COMMIT: string[][] = [
  ['it', 'is'],
  ['all', 'the', 'way'],
  ['is', 'the', 'one'],
  ['instead'],
  ['for', 'now'],
  ['wins'],
  ['is', 'the', 'winner'],
];
const SETUP_STATES = new Set(['connected', 'set', 'live', 'ready', 'up']);
const POST_SETUP = new Set(['server', 'group', 'community', 'account', 'space', 'channel', 'workspace']);

function matchSeq(tokens: Token[], at: number, seq: string[]): boolean {
  for (let k = 0; k < seq.length; k++) if (tokens[at + k]?.low !== seq[k]) return false;
  return true;
}

interface FrameInfo {
  frame: Frame;
  ownCommit: boolean;
  setup: boolean;
  bare?: boolean;
}

const PREPOSITIONS = new Set(['on', 'via', 'through', 'with', 'to']);
const DETERMINERS = new Set(['the', 'a', 'an', 'my', 'our', 'it', 'everything', 'them', 'people']);
const LIST_JOINERS = new Set(['+', '&', 'and', ',', 'plus']);
const OPENERS = new Set(['and', 'the', 'a', 'an', 'then', 'just', 'plus', 'also']);
// a word with none of these roles cannot change the frame: the look-back skips it with a bit test
register([...Object.keys(COMMIT_VERBS), ...CHOICE_WORDS, ...SETUP_WORDS, ...NOT_FRAME, ...PREPOSITIONS, ...LIST_JOINERS], F.PLATFORM_FRAME);

/** Words that open a phrase after the name that commits by itself (POST_COMMIT). */
const POST_COMMIT_FIRST = new Set(POST_COMMIT.map((seq) => seq[0]!));

const P_COMMIT_VERB = 1 << 0;
const P_CHOICE = 1 << 1;
const P_SETUP = 1 << 2;
const P_NOT_FRAME = 1 << 3;
const P_PREP = 1 << 4;
const P_JOINER = 1 << 5;
const P_OPENER = 1 << 6;
const P_DET = 1 << 7;
const P_TIME = 1 << 8;
const P_POST_COMMIT = 1 << 9;
const P_POST_SETUP = 1 << 10;
const P_SETUP_STATE = 1 << 11;
const P_CONTEXT_BEFORE = 1 << 12;
const P_CONTEXT_AFTER = 1 << 13;
const P_NOT_BEFORE = 1 << 14;
const P_NOT_AFTER = 1 << 15;
/** Every word list of the mention and frame scans by vocabulary id: one array read per token
 * (`roleAt`) instead of a string hash per set. */
const ROLE = roleTable([
  [Object.keys(COMMIT_VERBS), P_COMMIT_VERB],
  [CHOICE_WORDS, P_CHOICE],
  [SETUP_WORDS, P_SETUP],
  [NOT_FRAME, P_NOT_FRAME],
  [PREPOSITIONS, P_PREP],
  [LIST_JOINERS, P_JOINER],
  [OPENERS, P_OPENER],
  [DETERMINERS, P_DET],
  [TIME_NOUNS, P_TIME],
  [POST_COMMIT_FIRST, P_POST_COMMIT],
  [POST_SETUP, P_POST_SETUP],
  [SETUP_STATES, P_SETUP_STATE],
  [CONTEXT_BEFORE, P_CONTEXT_BEFORE],
  [CONTEXT_AFTER, P_CONTEXT_AFTER],
  [NOT_PLATFORM_BEFORE, P_NOT_BEFORE],
  [NOT_PLATFORM_AFTER, P_NOT_AFTER],
]);

/** The roles of `tokens[i]` (0 past either end). */
function roleAt(tokens: Token[], i: number): number {
  return i >= 0 && i < tokens.length ? roleIn(ROLE, tokens[i]!) : 0;
}

/** "+", "&", "and", ",", "plus" (all carry the PLATFORM_FRAME bit: other tokens skip the lookup). */
function isListJoiner(t: Token): boolean {
  return (t.flags & F.PLATFORM_FRAME) !== 0 && (roleIn(ROLE, t) & P_JOINER) !== 0;
}

function onlyDeterminers(tokens: Token[], from: number, to: number): boolean {
  for (let j = from; j < to; j++) if ((roleIn(ROLE, tokens[j]!) & P_DET) === 0) return false;
  return true;
}

/** The mention covering token `k`, if any (a sentence names a few platforms at most). */
function mentionAt(mentions: PlatformMention[], k: number): PlatformMention | undefined {
  for (const m of mentions) if (k >= m.from && k < m.to) return m;
  return undefined;
}

const NEG = cueBit('neg');
const COMMIT_OR_CONFIRM = cueBit('commit') | cueBit('confirm');
const HEDGE = cueBit('low') | cueBit('med');
const ALL_CUES = -1;

function frameOf(a: Analysed, m: PlatformMention, mentions: PlatformMention[]): FrameInfo | null {
  const { tokens } = a;
  const cs = a.clauseStart[m.from]!;
  const ce = a.clauseEnd[m.from]!;
  const next = tokens[m.to]?.low ?? '';
  const nextRole = roleAt(tokens, m.to);
  if ((nextRole & P_POST_COMMIT) !== 0) {
    for (const seq of POST_COMMIT) if (matchSeq(tokens, m.to, seq)) return { frame: 'strong', ownCommit: true, setup: false };
  }
  const setupAfter =
    (nextRole & P_POST_SETUP) !== 0 || (next === 'is' && (roleAt(tokens, m.to + 1) & P_SETUP_STATE) !== 0);
  // the cue scans below do not skip the rationale: a sentence with one may have any cue
  const cueTypes = a.rationale === null ? a.cueTypes : ALL_CUES;
  // a contrast in the clause ("… instead of Patreon") makes even a set-up report a choice
  let contrast = false;
  for (let k = cs; k < ce && (cueTypes & NEG) !== 0; k++) {
    const c = a.cues[k];
    if (c?.type === 'neg' && (tokens[k]!.low === 'instead' || tokens[k]!.low === 'rather' || tokens[k]!.low === 'over')) contrast = true;
  }
  // "platform is Circle", "platform: Circle"
  for (let k = Math.max(0, m.from - 3); k < m.from; k++) {
    if (tokens[k]!.low === 'platform' && (tokens[k + 1]?.low === 'is' || tokens[k + 1]?.low === ':')) {
      return { frame: 'strong', ownCommit: false, setup: false };
    }
  }
  for (let k = Math.max(cs, m.from - 4); k < m.from && (cueTypes & COMMIT_OR_CONFIRM) !== 0; k++) {
    const cue = a.cues[k];
    if (!cue || (cue.type !== 'commit' && cue.type !== 'confirm') || cue.len < 2) continue;
    if (onlyDeterminers(tokens, k + cue.len, m.from)) return { frame: 'strong', ownCommit: true, setup: false };
  }
  // "thinking about Skool", "leaning towards Circle": a hedge phrase right before names a choice being weighed
  for (let k = Math.max(cs, m.from - 4); k < m.from && (cueTypes & HEDGE) !== 0; k++) {
    const cue = a.cues[k];
    if (cue && (cue.type === 'low' || cue.type === 'med') && k + cue.len >= m.from - 1) return { frame: 'none', ownCommit: false, setup: false };
  }
  // before the name, nearest first, within the clause
  let found: FrameInfo | null = null;
  for (let k = m.from - 1; k >= Math.max(cs, m.from - 8); k--) {
    const other = mentionAt(mentions, k);
    if (other !== undefined && other !== m) {
      if (!found) break;
      continue;
    }
    if ((tokens[k]!.flags & F.PLATFORM_FRAME) === 0) continue;
    const low = tokens[k]!.low;
    const role = roleIn(ROLE, tokens[k]!);
    const follows = (role & P_COMMIT_VERB) !== 0 ? COMMIT_VERBS[low] : undefined;
    if (follows !== undefined) {
      const after = tokens[k + 1]?.low ?? '';
      if (follows === null || follows.includes(after) || found) return { frame: 'strong', ownCommit: true, setup: false };
    }
    if (found) continue;
    if ((role & P_NOT_FRAME) !== 0) return null;
    if ((role & P_SETUP) !== 0 && (setupAfter || low !== 'my')) {
      return { frame: 'weak', ownCommit: false, setup: !contrast };
    }
    const dist = m.from - k;
    if ((role & P_PREP) !== 0 && dist <= 3 && onlyDeterminers(tokens, k + 1, m.from)) found = { frame: 'weak', ownCommit: false, setup: setupAfter && !contrast };
    else if ((role & (P_CHOICE | P_PREP)) === P_CHOICE) found = { frame: 'weak', ownCommit: false, setup: setupAfter && !contrast };
    if ((role & P_JOINER) !== 0) break;
  }
  if (found) return found;
  // "Skool for the community", "Stripe + Skool" — a declaration when the name opens its clause
  let ls = cs;
  for (let k = m.from - 1; k >= cs; k--) {
    if (isListJoiner(tokens[k]!)) {
      ls = k + 1;
      break;
    }
  }
  let opens = true;
  for (let k = ls; k < m.from && opens; k++) if (tokens[k]!.kind === 'word' && (roleIn(ROLE, tokens[k]!) & P_OPENER) === 0) opens = false;
  const afterIdx = (nextRole & P_POST_SETUP) !== 0 ? m.to + 1 : m.to;
  const after = tokens[afterIdx]?.low ?? '';
  if (opens && after === 'for' && (roleAt(tokens, afterIdx + 1) & P_TIME) === 0) return { frame: 'strong', ownCommit: false, setup: false };
  if (opens && (next === '+' || next === '&')) return { frame: 'strong', ownCommit: false, setup: false };
  if (setupAfter) return { frame: 'weak', ownCommit: false, setup: !contrast };
  // a clause that is only the name ("Skool.", "— Skool")
  let bare = opens;
  for (let k = m.to; k < ce && bare; k++) {
    const t = tokens[k]!;
    if (isListJoiner(t)) break;
    if (t.kind === 'word') bare = false;
  }
  if (bare) return { frame: 'weak', ownCommit: false, setup: false, bare: true };
  // "thinking about Skool", "leaning towards Circle": a hedge right before still names a choice
  for (let k = m.from - 1; k >= Math.max(cs, m.from - 3) && (cueTypes & HEDGE) !== 0; k--) {
    const cue = a.cues[k];
    if (cue && (cue.type === 'low' || cue.type === 'med')) return { frame: 'none', ownCommit: false, setup: false };
  }
  return null;
}

function undecided(w: string | undefined): boolean {
  return w === 'or' || w === '/' || w === 'vs' || w === 'versus';
}

/** Platform candidates of one sentence. */
export function platformCandidates(a: Analysed, mentions: PlatformMention[]): Candidate[] {
  const out: Candidate[] = [];
  const { tokens } = a;
  for (const m of mentions) {
    const f = frameOf(a, m, mentions);
    if (!f) continue;
    const c: Candidate = candidate('platform', m.info.name, m.from, m.to, f.frame, { ownCommit: f.ownCommit, cap: f.setup ? 'medium' : undefined });
    // "Skool or Circle", "Skool/Circle": still choosing
    const neighbour = (m.from >= 2 && mentionAt(mentions, m.from - 2) !== undefined) || mentionAt(mentions, m.to + 1) !== undefined;
    if (neighbour && (undecided(tokenAt(tokens, m.from - 1)?.low) || undecided(tokens[m.to]?.low))) c.cap = 'low';
    c.bare = f.bare === true;
    out.push(c);
  }
  return out;
}
