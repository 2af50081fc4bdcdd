// Pricing: amounts, currencies, periods and ranges in the ways people write them, and the
// difference between the creator's own price and money that is not a price (income, goals,
// tool costs, what competitors charge). Token scanning only; every look-around is bounded.
import type { Analysed } from './analyse.js';
import { candidate, roleIn, roleTable, type Candidate, type Frame } from './candidate.js';
import type { PlatformMention } from './platforms.js';
import { table, tokenAt, TENS_WORDS, UNIT_WORDS, type Token } from './tokens.js';
import { F, register } from './vocab.js';

export type Period = 'month' | 'year' | 'week' | 'one-time' | null;

export interface PriceMention {
  from: number;
  to: number;
  amount: number;
  /** Upper end of a range ("$19-29"). */
  amount2: number | null;
  /** ISO code, or null when written as a bare number. */
  currency: string | null;
  period: Period;
  /** The period was written before the amount ("one-time $199", "monthly $29"). */
  periodFirst: boolean;
}

const SYM_CURRENCY: Record<string, string> = table({ $: 'USD', '€': 'EUR', '£': 'GBP', '₹': 'INR', '¥': 'JPY' });
const DOLLAR_PREFIX: Record<string, string> = table({ us: 'USD', ca: 'CAD', c: 'CAD', cad: 'CAD', au: 'AUD', a: 'AUD', aud: 'AUD', nz: 'NZD' });
const ISO_CODES = ['usd', 'eur', 'gbp', 'cad', 'aud', 'nzd', 'inr', 'chf', 'sek', 'nok', 'dkk', 'sgd', 'brl', 'mxn', 'zar', 'pln', 'jpy'];
const PREFIX_WORD: Record<string, string> = table({ ...Object.fromEntries(ISO_CODES.map((c) => [c, c.toUpperCase()])), rs: 'INR' });
const SUFFIX_WORD: Record<string, string> = table({
  dollars: 'USD',
  dollar: 'USD',
  bucks: 'USD',
  buck: 'USD',
  usd: 'USD',
  euros: 'EUR',
  euro: 'EUR',
  eur: 'EUR',
  pounds: 'GBP',
  quid: 'GBP',
  gbp: 'GBP',
  cad: 'CAD',
  aud: 'AUD',
  nzd: 'NZD',
  inr: 'INR',
  rupees: 'INR',
  yen: 'JPY',
  ...Object.fromEntries(ISO_CODES.map((c) => [c, c.toUpperCase()])),
});
// the symbols too, so that a bit test tells which tokens may start or end an amount
register([...Object.keys(PREFIX_WORD), ...Object.keys(SUFFIX_WORD), ...Object.keys(SYM_CURRENCY)], F.CURRENCY);

const PERIOD_NOUN: Record<string, Period> = table({
  month: 'month',
  mo: 'month',
  mth: 'month',
  months: 'month',
  year: 'year',
  yr: 'year',
  annum: 'year',
  week: 'week',
  wk: 'week',
});
const SLASH_PERIOD: Record<string, Period> = table({
  ...PERIOD_NOUN,
  m: 'month',
  mnth: 'month',
  mon: 'month',
  monthly: 'month',
  y: 'year',
  yrs: 'year',
  w: 'week',
});
const PERIOD_ADJ: Record<string, Period> = table({
  monthly: 'month',
  mthly: 'month',
  pcm: 'month',
  yearly: 'year',
  annually: 'year',
  annual: 'year',
  weekly: 'week',
  'one-time': 'one-time',
  'one-off': 'one-time',
  lifetime: 'one-time',
  once: 'one-time',
});
const PER_WHO = new Set(['member', 'person', 'seat', 'user', 'head', 'student']);
/** Words around an amount that make it the creator's own price. */
const OWN_WORDS = new Set([
  'charge',
  'charging',
  'price',
  'priced',
  'pricing',
  'prices',
  'membership',
  'members',
  'member',
  'tier',
  'fee',
  'subscription',
  'access',
  'costs',
]);
/** Words that make the amount income, a goal or an expense instead. */
const NOT_PRICE = new Set([
  'make',
  'making',
  'made',
  'earn',
  'earning',
  'earned',
  'earns',
  'income',
  'revenue',
  'revenues',
  'profit',
  'profits',
  'salary',
  'adsense',
  'ads',
  'ad',
  'sponsorship',
  'sponsorships',
  'sponsor',
  'sponsors',
  'deal',
  'deals',
  'fund',
  'affiliate',
  'mrr',
  'arr',
  'goal',
  'goals',
  'target',
  'hit',
  'reach',
  'replace',
  'saved',
  'save',
  'savings',
  'spent',
  'spend',
  'spending',
  'spends',
  'budget',
  'bought',
  'buy',
  'buying',
  'invested',
  'invest',
  'loan',
  'debt',
  'rent',
  'sold',
  'sales',
  'worth',
  'views',
  'tools',
  'tool',
  'editor',
  'mic',
  'camera',
  'software',
  'cover',
  'gross',
  'net',
  'brings',
  'bringing',
  'payout',
  'payouts',
  'tips',
  'donations',
]);
/** What a word can do around an amount, as bits in one table: the scans below do one lookup
 * per word instead of a string compare or set lookup per role. */
const R_NOT = 1 << 0; // NOT_PRICE
const R_OWN = 1 << 1; // OWN_WORDS
const R_PAY = 1 << 2; // pay, paying, paid, pays
const R_ADJ = 1 << 3; // PERIOD_ADJ: monthly, one-off …
const R_PER = 1 << 4; // per, a, an, each, every (+ a period noun)
const R_SLASH = 1 << 5; // "/" (+ a period)
const R_PM = 1 << 6; // pm, pa
const R_ONE = 1 << 7; // one (+ time)
const R_FOR = 1 << 8; // for (+ life, the year …)
const R_SKIP = 1 << 9; // flat, only: skipped before a period
const R_IT = 1 << 10; // it's, its
const R_AT = 1 << 11; // at
const R_BE = 1 << 12; // be
const R_PLAN = 1 << 13; // tier, membership, plan, access (after an amount)
/** Roles of the words a period after an amount is written with. */
const R_PERIOD_AFTER = R_ADJ | R_PER | R_SLASH | R_PM | R_ONE | R_FOR | R_SKIP;
/** The roles by vocabulary id: the scans read a word's roles from its `id`, no string hashing. */
const PRICE_ROLE = roleTable([
  [NOT_PRICE, R_NOT],
  [OWN_WORDS, R_OWN],
  [['pay', 'paying', 'paid', 'pays'], R_PAY],
  [Object.keys(PERIOD_ADJ), R_ADJ],
  [['per', 'a', 'an', 'each', 'every'], R_PER],
  [['/'], R_SLASH],
  [['pm', 'pa'], R_PM],
  [['one'], R_ONE],
  [['for'], R_FOR],
  [['flat', 'only'], R_SKIP],
  [["it's", 'its'], R_IT],
  [['at'], R_AT],
  [['be'], R_BE],
  [['tier', 'membership', 'plan', 'access'], R_PLAN],
]);

function roleOf(t: Token): number {
  return roleIn(PRICE_ROLE, t);
}
const PLATFORM_COST_LINK = new Set(['costs', 'cost', 'is', 'are', 'was', 'plan', 'plans', 'fee', 'fees', 'charges', 'subscription', 'for', 'pricing', 'takes']);
const PRODUCT_NOUNS = new Set(['course', 'tier', 'community', 'membership', 'program', 'programme', 'bundle', 'it', 'plan', 'group', 'price']);
/** Rates per hour or per session are coaching fees, not a membership price. */
const RATE_UNITS = new Set(['hour', 'hr', 'hours', 'session', 'call', 'hourly', 'h']);

function isRate(tokens: Token[], to: number): boolean {
  const a = tokens[to]?.low ?? '';
  const b = tokens[to + 1]?.low ?? '';
  return a === 'hourly' || ((a === '/' || a === 'per' || a === 'an' || a === 'a') && RATE_UNITS.has(b));
}

/** A number followed by one of these counts things, it is not an amount of money. */
const COUNT_NOUNS = new Set([
  'members',
  'member',
  'people',
  'followers',
  'subs',
  'subscribers',
  'views',
  'spots',
  'seats',
  'students',
  'customers',
  'clients',
  'hours',
  'times',
  'days',
  'weeks',
  'months',
  'years',
  'minutes',
  'videos',
  'posts',
  'comments',
  'likes',
  'emails',
  'lessons',
  'modules',
  'percent',
]);
const FIRST_PERSON_PAYER = new Set(['i', "i'm", 'im', 'we', "we're", "i've", "i'll"]);


register(
  [
    ...Object.keys(UNIT_WORDS),
    ...Object.keys(TENS_WORDS),
    ...Object.keys(TENS_WORDS).flatMap((t) => Object.keys(UNIT_WORDS).filter((u) => UNIT_WORDS[u]! <= 9).map((u) => `${t}-${u}`)),
    'hundred',
  ],
  F.NUMBER_WORD,
);

/** "twenty nine", "twenty-nine", "fifteen", "a hundred" → value and token count, when a currency
 * word follows ("twenty nine dollars"); written-out amounts only count with their currency. */
function wordAmount(tokens: Token[], i: number): { value: number; len: number } | null {
  const t = tokens[i];
  if (!t || t.kind !== 'word') return null;
  if ((t.flags & F.NUMBER_WORD) === 0 && !((t.low === 'a' || t.low === 'one') && tokens[i + 1]?.low === 'hundred')) return null;
  let value = 0;
  let len = 1;
  const [head, tail] = t.low.split('-') as [string, string | undefined];
  if ((head === 'a' || head === 'one') && tokens[i + 1]?.low === 'hundred') {
    value = 100;
    len = 2;
  } else if (TENS_WORDS[head] !== undefined) {
    value = TENS_WORDS[head]!;
    if (tail !== undefined) {
      if (UNIT_WORDS[tail] === undefined || UNIT_WORDS[tail]! > 9) return null;
      value += UNIT_WORDS[tail]!;
    } else {
      const u = UNIT_WORDS[tokens[i + 1]?.low ?? ''];
      if (u !== undefined && u <= 9) {
        value += u;
        len = 2;
      }
    }
  } else if (tail === undefined && UNIT_WORDS[head] !== undefined) {
    value = UNIT_WORDS[head]!;
  } else return null;
  const cur = tokens[i + len];
  return cur && (cur.flags & F.CURRENCY) !== 0 && SUFFIX_WORD[cur.low] ? { value, len } : null;
}

function isCurrencySym(t: Token | undefined): boolean {
  return t !== undefined && t.kind === 'sym' && (t.flags & F.CURRENCY) !== 0 && SYM_CURRENCY[t.low] !== undefined;
}

function usableNumber(t: Token | undefined): boolean {
  return t !== undefined && t.kind === 'num' && !t.ordinal && Number.isFinite(t.value) && t.value > 0 && t.value < 1e7;
}

/** Read an amount starting at `i` (currency prefix, number, currency suffix). */
function readAmount(tokens: Token[], i: number): { from: number; to: number; amount: number; currency: string | null } | null {
  const t = tokens[i];
  if (!t) return null;
  let currency: string | null = null;
  let from = i;
  let numIdx = -1;
  if (isCurrencySym(t)) {
    currency = SYM_CURRENCY[t.low]!;
    const prev = tokenAt(tokens, i - 1);
    if (t.low === '$' && prev && !t.space && prev.kind === 'word' && DOLLAR_PREFIX[prev.low]) {
      currency = DOLLAR_PREFIX[prev.low]!;
      from = i - 1;
    }
    if (usableNumber(tokens[i + 1])) numIdx = i + 1;
  } else if ((t.flags & F.CURRENCY) !== 0 && PREFIX_WORD[t.low] && usableNumber(tokens[i + 1])) {
    currency = PREFIX_WORD[t.low]!;
    numIdx = i + 1;
  } else if (usableNumber(t)) {
    const prev = tokenAt(tokens, i - 1);
    if (prev && (prev.low === '#' || prev.low === 'task' || prev.low === 'step' || prev.low === 't')) return null;
    numIdx = i;
  } else if (t.kind === 'word') {
    const w = wordAmount(tokens, i);
    if (w) return { from: i, to: i + w.len + 1, amount: w.value, currency: SUFFIX_WORD[tokens[i + w.len]!.low]! };
  }
  if (numIdx < 0) return null;
  const num = tokens[numIdx]!;
  let to = numIdx + 1;
  const nx = tokens[to];
  if (nx?.low === '%') return null;
  if (currency === null && nx) {
    if (isCurrencySym(nx) && !nx.space) {
      currency = SYM_CURRENCY[nx.low]!;
      to++;
    } else if ((nx.flags & F.CURRENCY) !== 0 && SUFFIX_WORD[nx.low]) {
      currency = SUFFIX_WORD[nx.low]!;
      to++;
    }
  }
  return { from, to, amount: num.value, currency };
}

/** The billing period written after an amount ("/mo", "per month", "a year", "monthly", "one-off"). */
function periodAfter(tokens: Token[], end: number): { period: Period; to: number } | null {
  let k = end;
  for (let step = 0; step < 3; step++) {
    const t = tokens[k];
    if (!t) return null;
    const role = roleOf(t);
    if ((role & R_PERIOD_AFTER) === 0) return null;
    const next = tokens[k + 1]?.low ?? '';
    if ((role & R_SLASH) !== 0) {
      const p = SLASH_PERIOD[next.endsWith('.') ? next.slice(0, -1) : next];
      return p ? { period: p, to: k + 2 } : null;
    }
    if ((role & R_PER) !== 0) {
      const p = PERIOD_NOUN[next];
      if (p) return { period: p, to: k + 2 };
      if (t.low === 'per' && PER_WHO.has(next)) {
        k += 2;
        continue;
      }
      return null;
    }
    if ((role & R_ADJ) !== 0) return { period: PERIOD_ADJ[t.low]!, to: k + 1 };
    if ((role & R_PM) !== 0) return k === end ? { period: t.low === 'pm' ? 'month' : 'year', to: k + 1 } : null;
    if ((role & R_ONE) !== 0) return next === 'time' ? { period: 'one-time', to: k + 2 } : null;
    if ((role & R_FOR) !== 0) {
      if (next === 'life' || next === 'lifetime') return { period: 'one-time', to: k + 2 };
      const n2 = tokens[k + 2]?.low;
      if ((next === 'the' || next === 'a') && n2 === 'year') return { period: 'year', to: k + 3 };
      return null;
    }
    k++; // "flat", "only"
  }
  return null;
}

function periodBefore(tokens: Token[], from: number): Period {
  for (let k = from - 1; k >= Math.max(0, from - 4); k--) {
    const t = tokens[k]!;
    if (t.kind === 'num') return null;
    if (t.kind === 'sym') {
      if (t.low === ',' || isCurrencySym(t)) return null;
      continue;
    }
    const role = roleOf(t);
    if ((role & R_ADJ) !== 0 && t.low !== 'once') return PERIOD_ADJ[t.low]!;
    if ((role & R_ONE) !== 0 && tokens[k + 1]?.low === 'time') return 'one-time';
  }
  return null;
}

/** At most this many amounts are read per sentence; a sentence with more is not a human one. */
export const MAX_AMOUNTS = 16;

/** Every amount in the sentence with its currency, range and period (no judgement yet). */
export function findPrices(tokens: Token[]): PriceMention[] {
  const out: PriceMention[] = [];
  for (let i = 0; i < tokens.length && out.length < MAX_AMOUNTS; i++) {
    // only a number, a currency symbol or word, or a number word opens an amount ("a" only
    // before one: "a hundred"): a bit test skips every other token without a string compare
    const t = tokens[i]!;
    if (t.kind !== 'num' && (t.flags & (F.CURRENCY | F.NUMBER_WORD)) === 0 && !(i + 1 < tokens.length && (tokens[i + 1]!.flags & F.NUMBER_WORD) !== 0)) continue;
    const a = readAmount(tokens, i);
    if (!a) continue;
    let { to, currency } = a;
    let amount2: number | null = null;
    const sep = tokens[to];
    const isRange =
      sep !== undefined &&
      (sep.kind === 'sym'
        ? sep.low === '-' || sep.low === '–' || sep.low === '—'
        : sep.low === 'to' || (sep.low === 'and' && tokenAt(tokens, a.from - 1)?.low === 'between'));
    if (isRange) {
      const b = readAmount(tokens, to + 1);
      if (b && b.amount > a.amount) {
        amount2 = b.amount;
        currency = currency ?? b.currency;
        to = b.to;
      }
    }
    const after = periodAfter(tokens, to);
    const period = after ? after.period : periodBefore(tokens, a.from);
    out.push({ from: a.from, to: after ? after.to : to, amount: a.amount, amount2, currency, period, periodFirst: !after && period !== null });
    i = (after ? after.to : to) - 1;
  }
  return out;
}

function money(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/** `29 USD/month`, `290 USD/year`, `199 USD one-time`, `19-29 USD/month`, `29 USD`. */
export function formatPrice(p: Pick<PriceMention, 'amount' | 'amount2' | 'currency' | 'period'>): string {
  const amt = p.amount2 !== null ? `${money(p.amount)}-${money(p.amount2)}` : money(p.amount);
  const base = `${amt} ${p.currency ?? 'USD'}`;
  if (p.period === null) return base;
  if (p.period === 'one-time') return `${base} one-time`;
  return `${base}/${p.period}`;
}

function hasOwnWord(tokens: Token[], lo: number, hi: number): number {
  for (let k = lo; k < hi; k++) if (tokens[k]!.kind === 'word' && (roleOf(tokens[k]!) & R_OWN) !== 0) return k;
  return -1;
}

/** Token `k` is part of a platform name. */
function namesPlatform(platforms: PlatformMention[], k: number): boolean {
  for (const m of platforms) if (k >= m.from && k < m.to) return true;
  return false;
}

/** Money that is not the creator's price: income, goals, spending, a platform's fee. */
function notAPrice(a: Analysed, p: PriceMention, platforms: PlatformMention[]): boolean {
  const { tokens } = a;
  const lo = Math.max(a.segStart[p.from]!, p.from - 10);
  const hi = Math.min(a.clauseEnd[p.from]!, p.to + 6);
  let nearestNot = Infinity;
  let nearestOwn = Infinity;
  for (let k = lo; k < hi; k++) {
    if (k >= p.from && k < p.to) continue;
    if (a.rationale && k >= a.rationale.from && k < a.rationale.to) continue;
    const t = tokens[k]!;
    if (t.kind !== 'word') continue;
    const role = roleOf(t);
    if (role === 0) continue;
    const d = k < p.from ? p.from - k : k - p.to + 1;
    let isNot = (role & R_NOT) !== 0;
    if ((t.low === 'make' || t.low === 'making') && tokens[k + 1]?.low === 'it') isNot = false;
    if ((role & R_PAY) !== 0) {
      if (t.low !== 'paying' && (tokens[k + 1]?.low === 'me' || tokens[k + 1]?.low === 'us')) isNot = true;
      for (let j = Math.max(lo, k - 2); j < k; j++) if (FIRST_PERSON_PAYER.has(tokens[j]!.low)) isNot = true;
    }
    if (isNot) nearestNot = Math.min(nearestNot, d);
    if ((role & R_OWN) !== 0) nearestOwn = Math.min(nearestOwn, d);
  }
  if (nearestNot < nearestOwn) return true;
  // a platform's own fee: "Skool costs $99", "paying $89/month for Kajabi", "Circle's plan is $219"
  if (platforms.length === 0) return false;
  const plo = Math.max(a.clauseStart[p.from]!, p.from - 6);
  const phi = Math.min(a.clauseEnd[p.from]!, p.to + 4);
  for (let k = plo; k < phi; k++) {
    if (!namesPlatform(platforms, k)) continue;
    const [x, y] = k < p.from ? [k + 1, p.from] : [p.to, k];
    let linked = y - x <= 0 || tokens[k]!.low.endsWith("'s");
    for (let j = x; j < y && !linked; j++) if (PLATFORM_COST_LINK.has(tokens[j]!.low)) linked = true;
    if (!linked) continue;
    const own = hasOwnWord(tokens, plo, phi);
    const productAt = tokenAt(tokens, p.from - 1)?.low === 'at' && PRODUCT_NOUNS.has(tokenAt(tokens, p.from - 2)?.low ?? '');
    if (own < 0 && !productAt) return true;
    if (own >= 0 && tokens[own]!.low === 'costs') return true;
  }
  return false;
}

function frameOf(a: Analysed, p: PriceMention, period: Period, hadPeriodBefore: boolean): Frame {
  const { tokens } = a;
  const lo = Math.max(a.segStart[p.from]!, p.from - 8);
  for (let k = lo; k < p.from; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word') continue;
    const role = roleOf(t);
    if (role === 0) continue;
    if ((role & R_OWN) !== 0 && t.low !== 'costs') return 'strong';
    if ((role & R_IT) !== 0 && p.from - k <= 3) return 'strong';
    if ((role & R_AT) !== 0 && k === p.from - 1 && PRODUCT_NOUNS.has(tokenAt(tokens, k - 1)?.low ?? '')) return 'strong';
    if ((role & R_BE) !== 0 && tokenAt(tokens, k - 1)?.low === 'will') return 'strong';
  }
  const end = Math.min(a.clauseEnd[p.from]!, p.to + 3);
  for (let k = p.to; k < end; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word') continue;
    const role = roleOf(t);
    if ((role & R_PLAN) !== 0) return 'strong';
    if ((role & R_FOR) !== 0 && (tokens[k + 1]?.low === 'the' || tokens[k + 1]?.low === 'my' || tokens[k + 1]?.low === 'lifetime')) return 'strong';
  }
  if (hadPeriodBefore) return 'strong';
  for (let k = Math.max(0, p.from - 3); k < p.from; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word' || (roleOf(t) & R_ADJ) === 0) continue;
    const adj = PERIOD_ADJ[t.low];
    if (adj && adj !== 'one-time' && t.low !== 'once' && hasColon(tokens, k + 1, p.from)) return 'strong';
  }
  return period !== null ? 'weak' : 'none';
}

function hasColon(tokens: Token[], from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (tokens[j]!.low === ':') return true;
  return false;
}

const CHARGE_WORDS = new Set(['charge', 'charging', 'price']);
const PRICED_AT = new Set(['priced', 'price', 'set', 'pricing']);
const PRICE_LIST_LINKS = new Set(['and', 'or', ',', 'then', 'plus', '+', '&']);

const NO_CANDIDATES: Candidate[] = [];

/** Pricing candidates of one sentence, given the platform names in it. */
export function pricingCandidates(a: Analysed, platforms: PlatformMention[]): Candidate[] {
  const { tokens } = a;
  if ((a.anyFlags & (F.NUMBER | F.CURRENCY)) === 0) return NO_CANDIDATES;
  const mentions = findPrices(tokens);
  if (mentions.length === 0) return NO_CANDIDATES;
  // the one currency (or period) the sentence names, when it names exactly one
  let explicit = false;
  let onlyCurrency: string | null = null;
  let currencyCount = 0;
  for (const m of mentions) {
    if (m.currency === null) continue;
    explicit = true;
    if (m.currency === onlyCurrency) continue;
    currencyCount++;
    onlyCurrency = m.currency;
  }
  if (currencyCount !== 1) onlyCurrency = null;
  const kept: PriceMention[] = [];
  for (const m of mentions) {
    if (m.currency === null) {
      if (m.amount2 === null && m.amount < 1) continue;
      // a bare number is a price only right next to a period and in a pricing sentence
      const direct = m.period !== null && !m.periodFirst && m.to - m.from <= 3 + (m.amount2 !== null ? 2 : 0);
      if (!(direct && (explicit || hasOwnWord(tokens, Math.max(a.segStart[m.from]!, m.from - 8), m.from) >= 0))) {
        const before1 = tokenAt(tokens, m.from - 1)?.low ?? '';
        const chargeBefore =
          (CHARGE_WORDS.has(before1) || (before1 === 'at' && PRICED_AT.has(tokenAt(tokens, m.from - 2)?.low ?? ''))) &&
          !COUNT_NOUNS.has(tokens[m.to]?.low ?? '');
        if (!chargeBefore) continue;
      }
    }
    if (notAPrice(a, m, platforms) || isRate(tokens, m.to)) continue;
    kept.push(m);
  }
  if (kept.length === 0) return NO_CANDIDATES;
  let onlyPeriod: Period = null;
  let periodCount = 0;
  for (const k of kept) {
    if (k.period === null || k.period === 'one-time' || k.period === onlyPeriod) continue;
    periodCount++;
    onlyPeriod = k.period;
  }
  if (periodCount !== 1) onlyPeriod = null;
  let listFrame: Frame | null = null;
  let prevTo = -1;
  const out: Candidate[] = [];
  for (const m of kept) {
    const period = m.period ?? onlyPeriod;
    const currency = m.currency ?? onlyCurrency;
    let frame = frameOf(a, m, period, m.periodFirst);
    // "$15/month for the community and $79/month with coaching": a list shares its frame
    if (listFrame === 'strong' && frame !== 'strong' && prevTo >= 0 && a.segStart[m.from] === a.segStart[prevTo]) {
      let linked = false;
      for (let k = prevTo; k < m.from; k++) if (PRICE_LIST_LINKS.has(tokens[k]!.low)) linked = true;
      if (linked) frame = 'strong';
    }
    listFrame = frame;
    prevTo = m.to;
    out.push(
      candidate('pricing', formatPrice({ amount: m.amount, amount2: m.amount2, currency, period }), m.from, m.to, frame, {
        cap: m.amount2 !== null ? 'medium' : undefined,
      }),
    );
  }
  return out;
}
