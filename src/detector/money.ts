// The money grammar: amounts with their currency, range and billing period in the ways people
// write them ("$29/mo", "29 dollars a month", "€15 per mo", "CA$25", "£20 pcm", "$19-29/month",
// "one-time $199", "twenty nine bucks"). Regular expressions without nesting, on one sentence.
import { TENS, UNITS } from './text.js';
import type { SentenceView } from './types.js';

export type Period = 'month' | 'year' | 'week' | 'one-time' | null;

export interface PriceMention {
  start: number;
  end: number;
  amount: number;
  /** Upper end of a range ("$19-29"). */
  amount2: number | null;
  /** ISO code, or null when written as a bare number. */
  currency: string | null;
  period: Period;
}

const SYMBOL: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '₹': 'INR', '¥': 'JPY' };
const DOLLAR_PREFIX: Record<string, string> = { us: 'USD', ca: 'CAD', c: 'CAD', au: 'AUD', a: 'AUD', nz: 'NZD' };
const ISO = 'usd|eur|gbp|cad|aud|nzd|inr|chf|sek|nok|dkk|sgd|brl|mxn|zar|pln|jpy';
const WORD_CURRENCY: Record<string, string> = {
  dollars: 'USD', dollar: 'USD', bucks: 'USD', buck: 'USD', euros: 'EUR', euro: 'EUR', pounds: 'GBP', quid: 'GBP',
  rupees: 'INR', yen: 'JPY', kr: 'SEK', rs: 'INR', ...Object.fromEntries(ISO.split('|').map((c) => [c, c.toUpperCase()])),
};
const SUFFIX_WORDS = Object.keys(WORD_CURRENCY).join('|');
const NUMBER = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d{1,2})?|\\d+(?:\\.\\d{1,2})?';
const NUMBER_WORDS = `(?:${Object.keys(TENS).join('|')})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:${Object.keys(UNITS).filter((u) => UNITS[u]! >= 5).join('|')})|a hundred|one hundred`;

/** One amount: [1] dollar prefix, [2] symbol, [3] ISO prefix, [4] number, [5] k, [6] word or ISO suffix, [7] symbol suffix, [8] number words + currency word. */
const AMOUNT = new RegExp(
  `(?<![\\p{L}\\d.,#/:])(?:(us|ca|c|au|a|nz)?([$€£₹¥])\\s?|(${ISO}|rs)\\.?\\s?)?(${NUMBER})(k(?![\\p{L}]))?(?:\\s?(${SUFFIX_WORDS})(?![\\p{L}])|([€£]))?(?![\\p{L}\\d%]|\\s?%|[.,:]\\d)` +
    `|(?<![\\p{L}])(${NUMBER_WORDS})\\s(dollars|bucks|euros|pounds|quid)(?![\\p{L}])`,
  'gu',
);
const RANGE_JOIN = /^\s?(?:-|–|—|to|and)\s?/;
const PERIOD_NOUN: Record<string, Period> = {
  month: 'month', mo: 'month', mth: 'month', mnth: 'month', mon: 'month', m: 'month', months: 'month',
  year: 'year', yr: 'year', y: 'year', annum: 'year', yrs: 'year', week: 'week', wk: 'week', w: 'week',
};
const PERIOD_WORD: Record<string, Period> = {
  monthly: 'month', mthly: 'month', pcm: 'month', pm: 'month', yearly: 'year', annually: 'year', pa: 'year', weekly: 'week',
  'one-time': 'one-time', 'one-off': 'one-time', 'one time': 'one-time', once: 'one-time', lifetime: 'one-time',
  'for life': 'one-time', 'for lifetime': 'one-time', 'for the year': 'year', 'for a year': 'year',
};
const PERIOD_AFTER = new RegExp(
  `^\\s?(?:(?:/\\s?|per\\s|an?\\s|each\\s|every\\s)(?:(?:member|person|seat|user|head|student)\\s(?:per|a)\\s)?(${Object.keys(PERIOD_NOUN).join('|')})\\.?(?![\\p{L}])` +
    `|(?:flat\\s|only\\s)?(${Object.keys(PERIOD_WORD).join('|')})(?![\\p{L}])` +
    `|if (?:they|you|people|members) pay (?:for the |for a |per |by the )?(year|month)(?![\\p{L}]))`,
  'u',
);
const PERIOD_BEFORE = /(?:^|[^\p{L}])(monthly|yearly|annually|annual|one-time|one-off|one time|lifetime)(?:\s[\w-]+){0,3}[\s:]*$/u;
/** Rates per hour or session are coaching fees, not a membership price. */
const RATE = /^\s?(?:\/\s?|per\s|an?\s)(?:hour|hr|h|session|call)\b|^\s?hourly\b/;

export const MAX_AMOUNTS = 16;

function wordAmount(words: string): number {
  if (/hundred/.test(words)) return 100;
  const [head = '', tail] = words.split(/[- ]/);
  return (TENS[head] ?? UNITS[head] ?? NaN) + (tail ? (UNITS[tail] ?? NaN) : 0);
}

function num(raw: string, k: string | undefined): number {
  return Number(raw.replace(/,/g, '')) * (k ? 1000 : 1);
}

/** A text without a digit or a currency word has no price (a cheap check before the grammar). */
const MONEY_GATE = /[\d$€£₹¥]|dollar|buck|euro|pound|quid|rupee/;

/** The sentence's amounts, found once and shared by every reader of the sentence. */
export function pricesOf(v: SentenceView): PriceMention[] {
  return (v.prices ??= findPrices(v.low));
}

/** Every amount in a lower-case sentence with its currency, range and period (no judgement). */
export function findPrices(low: string): PriceMention[] {
  const out: PriceMention[] = [];
  if (!MONEY_GATE.test(low)) return out;
  AMOUNT.lastIndex = 0;
  for (let m = AMOUNT.exec(low); m && out.length < MAX_AMOUNTS; m = AMOUNT.exec(low)) {
    let amount: number;
    let currency: string | null = null;
    if (m[8] !== undefined) {
      amount = wordAmount(m[8]);
      currency = WORD_CURRENCY[m[9]!]!;
    } else {
      amount = num(m[4]!, m[5]);
      if (m[2]) currency = m[2] === '$' && m[1] ? DOLLAR_PREFIX[m[1]]! : SYMBOL[m[2]]!;
      else if (m[3]) currency = WORD_CURRENCY[m[3]]!;
      else if (m[6]) currency = WORD_CURRENCY[m[6]]!;
      else if (m[7]) currency = SYMBOL[m[7]]!;
    }
    if (!Number.isFinite(amount) || amount <= 0 || amount >= 1e7) continue;
    let end = m.index + m[0].length;
    let amount2: number | null = null;
    const join = RANGE_JOIN.exec(low.slice(end, end + 5));
    if (join && (join[0].trim() !== 'and' || /between\s\S*$/.test(low.slice(Math.max(0, m.index - 10), m.index)))) {
      AMOUNT.lastIndex = end + join[0].length;
      const b = AMOUNT.exec(low);
      if (b && b.index === end + join[0].length && b[4] !== undefined) {
        const second = num(b[4], b[5]);
        if (second > amount) {
          amount2 = second;
          currency ??= b[2] ? SYMBOL[b[2]]! : b[6] ? (WORD_CURRENCY[b[6]] ?? null) : null;
          end = b.index + b[0].length;
        }
      }
      AMOUNT.lastIndex = end;
    }
    const tail = low.slice(end, end + 40);
    if (RATE.test(tail)) continue;
    let period: Period = null;
    const after = PERIOD_AFTER.exec(tail);
    if (after) {
      period = after[1] ? PERIOD_NOUN[after[1]]! : after[2] ? PERIOD_WORD[after[2]]! : PERIOD_NOUN[after[3]!]!;
      end += after[0].length;
      AMOUNT.lastIndex = end;
    } else {
      const before = PERIOD_BEFORE.exec(low.slice(Math.max(0, m.index - 30), m.index).replace(/[$€£₹¥]$/, ''));
      if (before) period = PERIOD_WORD[before[1]!] ?? (before[1] === 'annual' ? 'year' : null);
    }
    out.push({ start: m.index, end, amount, amount2, currency, period });
  }
  return out;
}

const money = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(2));

/** `29 USD/month`, `290 USD/year`, `199 USD one-time`, `19-29 USD/month`, `29 USD`. */
export function formatPrice(p: Pick<PriceMention, 'amount' | 'amount2' | 'currency' | 'period'>): string {
  const base = `${p.amount2 !== null ? `${money(p.amount)}-${money(p.amount2)}` : money(p.amount)} ${p.currency ?? 'USD'}`;
  if (p.period === null) return base;
  return p.period === 'one-time' ? `${base} one-time` : `${base}/${p.period}`;
}
