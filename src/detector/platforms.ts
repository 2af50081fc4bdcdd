// Platforms: the table of names (with aliases and kinds) and the platform category. Only places
// a community lives (community, course, newsletter and membership platforms) become platform
// decisions; payment processors and email tools are known so that they are *not* taken for one.
import { segmentEnd, segmentStart } from './text.js';
import type { Candidate, CategoryModule, Frame, SentenceView } from './types.js';

export type PlatformKind = 'community' | 'course' | 'newsletter' | 'membership' | 'payments' | 'email';

export interface PlatformInfo {
  name: string;
  kind: PlatformKind;
  /** Lower-case spellings, e.g. "mighty networks", "fb group". */
  aliases: string[];
  /** Also an everyday word (circle, ghost, slack, kit …): needs a capital or context to count. */
  ambiguous?: boolean;
}

const P = (name: string, kind: PlatformKind, aliases: string, ambiguous = false): PlatformInfo => ({ name, kind, aliases: aliases.split('|'), ambiguous });

export const PLATFORMS: PlatformInfo[] = [
  P('Skool', 'community', 'skool|skool.com'),
  P('Circle', 'community', 'circle|circle.so', true),
  P('Discord', 'community', 'discord'),
  P('Mighty Networks', 'community', 'mighty networks|mighty network|mightynetworks'),
  P('Facebook Groups', 'community', 'facebook group|facebook groups|fb group|fb groups|facebook community|fb community'),
  P('Slack', 'community', 'slack', true),
  P('Telegram', 'community', 'telegram'),
  P('WhatsApp', 'community', 'whatsapp|whats app'),
  P('Geneva', 'community', 'geneva', true),
  P('Heartbeat', 'community', 'heartbeat|heartbeat.chat', true),
  P('Bettermode', 'community', 'bettermode'),
  P('Discourse', 'community', 'discourse', true),
  P('YouTube Memberships', 'community', 'youtube memberships|youtube membership|channel memberships'),
  P('Kajabi', 'course', 'kajabi'),
  P('Teachable', 'course', 'teachable', true),
  P('Thinkific', 'course', 'thinkific'),
  P('Podia', 'course', 'podia'),
  P('LearnWorlds', 'course', 'learnworlds'),
  P('Uscreen', 'course', 'uscreen'),
  P('Substack', 'newsletter', 'substack'),
  P('Ghost', 'newsletter', 'ghost|ghost.org', true),
  P('Patreon', 'membership', 'patreon'),
  P('Memberful', 'membership', 'memberful'),
  P('Buy Me a Coffee', 'membership', 'buy me a coffee|buymeacoffee|bmac'),
  P('Ko-fi', 'membership', 'ko-fi|kofi'),
  P('Stripe', 'payments', 'stripe'),
  P('PayPal', 'payments', 'paypal'),
  P('Paddle', 'payments', 'paddle', true),
  P('Lemon Squeezy', 'payments', 'lemon squeezy|lemonsqueezy'),
  P('Gumroad', 'payments', 'gumroad'),
  P('Payhip', 'payments', 'payhip'),
  P('Stan Store', 'payments', 'stan store|stan.store|stanstore'),
  P('Whop', 'payments', 'whop'),
  P('LaunchPass', 'payments', 'launchpass|launch pass'),
  P('ConvertKit', 'email', 'convertkit|convert kit'),
  P('Kit', 'email', 'kit', true),
  P('Mailchimp', 'email', 'mailchimp'),
  P('beehiiv', 'email', 'beehiiv|beehive'),
  P('MailerLite', 'email', 'mailerlite'),
  P('Flodesk', 'email', 'flodesk'),
];

/** Kinds that host the community and so can be "the platform". */
const HOSTS = new Set<PlatformKind>(['community', 'course', 'newsletter', 'membership']);

const BY_ALIAS = new Map<string, PlatformInfo>();
for (const p of PLATFORMS) for (const a of p.aliases) BY_ALIAS.set(a, p);
const ALIAS_RE = new RegExp(
  `(?<![\\p{L}\\d])(${[...BY_ALIAS.keys()].sort((a, b) => b.length - a.length).map((a) => a.replace(/\./g, '\\.')).join('|')})(?:'s)?(?![\\p{L}\\d])`,
  'gu',
);
/** Around an ambiguous name: words that make it a platform, and everyday uses that do not. */
const CONTEXT_BEFORE = /(?:^|\s)(?:on|use|using|with|via|through|to|chose|chosen|picked|pick|try|switch|move|host|join|for|and|or|vs|over|than|about|decided|settled|is|\+|&)\s$/;
const CONTEXT_AFTER = /^(?:'s)?\s?(?:community|group|server|account|app|membership|platform|site|space|plan|for|\+|&|it is|is|vs|or|,)/;
const EVERYDAY_BEFORE = /(?:^|\s)(?:my|our|some|a|in|from|no|tool|the)\s$/;
const NEVER_BEFORE = /(?:^|\s)(?:inner|close|full|social|trusted|starter|media|press)\s$/;
const EVERYDAY_AFTER = /^\s(?:back|of|around|town|moment|off|writer|rate|kitchen|pack)\b/;

export interface PlatformMention {
  start: number;
  end: number;
  info: PlatformInfo;
}

/** Platform names in a sentence (an ambiguous word counts only with a capital or context). */
export function findPlatforms(v: SentenceView, lenient = false): PlatformMention[] {
  const out: PlatformMention[] = [];
  // the names are scanned once per sentence; each reader judges them
  for (const m of (v.platformNames ??= [...v.low.matchAll(ALIAS_RE)])) {
    const info = BY_ALIAS.get(m[1]!)!;
    const start = m.index;
    const end = start + m[0].length;
    if (info.ambiguous && !m[1]!.includes('.')) {
      const before = v.low.slice(Math.max(0, start - 12), start);
      const after = v.low.slice(end, end + 14);
      const capital = /[A-Z]/.test(v.text[start]!);
      const context = CONTEXT_BEFORE.test(before) || CONTEXT_AFTER.test(after);
      if (NEVER_BEFORE.test(before) || EVERYDAY_AFTER.test(after) || (EVERYDAY_BEFORE.test(before) && !(capital && start > 0))) continue;
      if (!lenient && !context && !(capital && start > 0)) continue;
    }
    out.push({ start, end, info });
  }
  return out;
}

/** A value that names a payment or email tool and no place for the community ("Stripe Tax",
 * "Stripe Checkout", "Kit forms", "Lemon Squeezy"): never a platform decision, whoever proposes it. */
export function namesOnlyTools(value: string): boolean {
  const low = value.toLowerCase().replace(/[\u2019\u2018]/g, "'");
  const found = findPlatforms({ text: value, low, terminator: '', segments: [0] }, true);
  return found.length > 0 && found.every((m) => !HOSTS.has(m.info.kind));
}

/** Display name for a platform written any way ("fb groups", "circle.so", "KO-FI"), or null. */
export function normalisePlatform(text: string): string | null {
  const low = text.trim().toLowerCase().replace(/\s+/g, ' ');
  for (const p of PLATFORMS) if (p.name.toLowerCase() === low || p.aliases.includes(low)) return p.name;
  return null;
}

/** A role that is not hosting: "X for payments", "billed through X", "X handles the checkout". */
const TOOL_ROLE_AFTER = /^\s?(?:for (?:the )?(?:payments?|checkout|billing)|handles (?:the )?(?:checkout|payments?)|takes care of (?:the )?payments?)/;
const TOOL_ROLE_BEFORE = /(?:billed|payments?|paid|checkout) (?:go |will go |run |will run )?(?:through|via|with|on) $/;
/** Words that make the mention a choice even without a commitment cue. */
const STRONG_BEFORE = /(?:^|\s)(?:on|to|with|via|over to)\s$/;
const DECLARED_BEFORE = /\bplatform(?: is|:)\s?$/;
/** Not the choice: where people are, what is left behind, an account of someone's. */
const NOT_CHOICE_BEFORE = /(?:^|\s)(?:from|off|leaving|left|my old|ditching)\s$/;
const NOT_CHOICE_AFTER = /^(?:'s)?\s(?:mods|moderators|members|people|audience|fans|followers|subs|subscribers|students|crowd|makes|pays|earns)\b/;
const SET_UP_AFTER = /^\s?(?:server|group|community|space)?\s?(?:is|are) (?:set up|built|ready|live)\b/;
const DECLARES_AFTER = /^\s?(?:(?:channel|group|server|community)\s)?(?:for\b|as (?:the|our|my) )|^\s?(?:for|as) (?:the|our|my) (?:community|members|group|chat|platform|home)|^\s?(?:is|will be) where (?:the |our |my )?(?:community|members|we|everyone)\b/;
const SETUP = /(?:set up|setting up|signing up|signed up|built|building|created|creating) (?:the |my |our |a )?$/;
const FILLERS = /^[\s,;:.!—–-]*(?:(?:ok|okay|so|and|then|just|also|plus|oh|right|yes|lol|honestly)\b[\s,]*)*$/;
const BARE_REST = /^[\s,;:.!?+&()—–-]*(?:and|final|final answer|decided|done|for now)?[\s,;:.!?()\p{Extended_Pictographic}]*$/u;

function frameOf(v: SentenceView, m: PlatformMention): { frame: Frame; cap?: 'medium' } {
  const seg = segmentStart(v, m.start);
  const before = v.low.slice(Math.max(0, m.start - 24), m.start);
  const after = v.low.slice(m.end, m.end + 40);
  if (SETUP.test(before) || SET_UP_AFTER.test(after)) return { frame: 'weak', cap: 'medium' };
  if (DECLARED_BEFORE.test(before)) return { frame: 'strong' };
  const opens = FILLERS.test(v.low.slice(seg, m.start));
  if (opens && (DECLARES_AFTER.test(after) || BARE_REST.test(v.low.slice(m.end, segmentEnd(v, m.start))))) return { frame: 'strong' };
  if (DECLARES_AFTER.test(after) && /^\s?(?:for|as) (?:the|our|my)/.test(after)) return { frame: 'weak' };
  if (STRONG_BEFORE.test(before)) return { frame: 'weak' };
  return { frame: 'none' };
}

export const platform: CategoryModule = {
  category: 'platform',
  find(v) {
    const out: Candidate[] = [];
    for (const m of findPlatforms(v)) {
      if (!HOSTS.has(m.info.kind)) continue;
      const before = v.low.slice(Math.max(0, m.start - 30), m.start);
      if (TOOL_ROLE_AFTER.test(v.low.slice(m.end, m.end + 30)) || TOOL_ROLE_BEFORE.test(before)) continue;
      if (NOT_CHOICE_BEFORE.test(before) || NOT_CHOICE_AFTER.test(v.low.slice(m.end, m.end + 16))) continue;
      out.push({ value: m.info.name, start: m.start, end: m.end, ...frameOf(v, m) });
    }
    return out;
  },
};
