// Natural input for the numbers a plan is built from: platforms and audience, hours a week, money a
// month. One parser for the CLI flags (`--platform youtube:80k`, `--hours 5-6`, `--goal 5k`) and for
// onboarding's questions ("YouTube 80k and Instagram 20,000", "about 5", "$1,500 a month", "none").
// Pure: text in, a typed value plus the sentence we understood out, or one line saying what is wrong.
// Range limits beyond what a value can mean (e.g. a flag's allowed maximum) belong to the caller.
import type { PlatformPresence } from './presence.js';

export type Parsed<T> = { ok: true; value: T; understood: string } | { ok: false; error: string };

const ok = <T>(value: T, understood: string): Parsed<T> => ({ ok: true, value, understood });
const fail = <T>(error: string): Parsed<T> => ({ ok: false, error });

/** en-US grouping without Intl (cheap at start-up): 80000 → "80,000". */
export function groupDigits(n: number): string {
  const [whole, frac] = String(n).split('.') as [string, string | undefined];
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
}

const SCALE: Record<string, number> = { '': 1, k: 1e3, thousand: 1e3, m: 1e6, mil: 1e6, million: 1e6 };
const AMOUNT = String.raw`\d+(?:\.\d+)?\s*(?:k|m|mil|thousand|million)?`;

/**
 * Drops thousands separators: a comma (or a space-free apostrophe) between a digit and exactly
 * three digits, so "20,000" is one number while "80k, 20k" and "youtube:80,instagram:2" still split.
 */
function ungroup(text: string): string {
  return text.replace(/(\d)[,'’](?=\d{3}(?!\d))/g, '$1');
}

/** "80k" → 80000, "1.2m" → 1200000, "20000" → 20000; null when it is not an amount. */
export function parseAmount(raw: string): number | null {
  const m = new RegExp(`^(\\d+(?:\\.\\d+)?)\\s*(k|m|mil|thousand|million)?$`, 'i').exec(ungroup(raw.trim()));
  if (!m) return null;
  const n = Number(m[1]) * SCALE[(m[2] ?? '').toLowerCase()]!;
  return Number.isFinite(n) ? n : null;
}

// ---------------------------------------------------------------------------------------------
// Platforms

interface PlatformName {
  id: string;
  label: string;
  aliases: string[];
}

export const PLATFORM_NAMES: PlatformName[] = [
  { id: 'youtube', label: 'YouTube', aliases: ['yt', 'you tube'] },
  { id: 'instagram', label: 'Instagram', aliases: ['ig', 'insta', 'gram'] },
  { id: 'tiktok', label: 'TikTok', aliases: ['tt', 'tik tok', 'tik-tok'] },
  { id: 'x', label: 'X', aliases: ['twitter', 'x.com', 'x/twitter'] },
  { id: 'facebook', label: 'Facebook', aliases: ['fb'] },
  { id: 'linkedin', label: 'LinkedIn', aliases: ['li', 'linked in'] },
  { id: 'threads', label: 'Threads', aliases: [] },
  { id: 'bluesky', label: 'Bluesky', aliases: ['bsky'] },
  { id: 'twitch', label: 'Twitch', aliases: [] },
  { id: 'pinterest', label: 'Pinterest', aliases: [] },
  { id: 'newsletter', label: 'Newsletter', aliases: ['email', 'email list', 'mailing list', 'substack'] },
  { id: 'podcast', label: 'Podcast', aliases: [] },
  { id: 'patreon', label: 'Patreon', aliases: [] },
  { id: 'discord', label: 'Discord', aliases: [] },
  { id: 'reddit', label: 'Reddit', aliases: [] },
  { id: 'snapchat', label: 'Snapchat', aliases: ['snap'] },
];

const BY_NAME = new Map<string, PlatformName>();
for (const p of PLATFORM_NAMES) for (const n of [p.id, p.label.toLowerCase(), ...p.aliases]) BY_NAME.set(n, p);

/** How a stored platform id reads: "youtube" → "YouTube"; an id we do not know is shown as given. */
export function platformLabel(id: string): string {
  return BY_NAME.get(id.toLowerCase())?.label ?? id;
}

function platformId(name: string): string {
  const key = name.trim().toLowerCase().replace(/\s+/g, ' ');
  return BY_NAME.get(key)?.id ?? key;
}

const UNIT = String.raw`(?:followers?|subscribers?|subs|fans|members|readers|listeners|people)`;
// "about 9k", "roughly 20,000", "just over 80k": the count is what they said, the hedge is dropped.
const ABOUT = String.raw`(?:about|around|roughly|approx(?:imately)?\.?|almost|nearly|over|just over|just under|under|~)`;
// One or two words ("email list"), the second never a unit ("Instagram followers") nor a hedge.
const NAME = String.raw`[A-Za-z][A-Za-z0-9._/-]*(?: (?!(?:${UNIT}|${ABOUT}|has|with)\b)[A-Za-z][A-Za-z0-9._-]*)?`;
// engagement: "…:3.2" (the flag form, % optional) or "4%" / "(4%)" / "4% engagement" after the count
const ENGAGE = String.raw`(?:\s*:\s*(?<colon>\d+(?:\.\d+)?)\s*%?|\s*[(,]?\s*(?<pct>\d+(?:\.\d+)?)\s*%\s*(?:engagement|eng\.?|er)?\s*\)?)?`;
// "youtube@jane: 80k (4%)", "instagram:45000:3.2", "yt 80k subs 4% engagement", "youtube = 80,000"
const NAME_FIRST = new RegExp(
  String.raw`^(?<name>${NAME})(?:\s*@(?<handle>[\w.-]+))?\s*(?:[:=]|\s-\s|\s)\s*(?:has\s+|with\s+)?(?:${ABOUT}\s*)?(?<count>${AMOUNT})\s*(?:${UNIT})?${ENGAGE}$`,
  'i',
);
// "80k on YouTube", "20,000 Instagram followers"
const COUNT_FIRST = new RegExp(String.raw`^(?:${ABOUT}\s*)?(?<count>${AMOUNT})\s*(?:${UNIT})?\s+(?:on\s+|at\s+)?(?<name>${NAME})(?:\s+${UNIT})?$`, 'i');

function describePlatform(p: PlatformPresence): string {
  const handle = p.handle ? ` @${p.handle}` : '';
  const engagement = p.engagementRate !== null ? ` (${p.engagementRate}% engagement)` : '';
  return `${platformLabel(p.platform)}${handle} ${groupDigits(p.followers)}${engagement}`;
}

function onePlatform(item: string): Parsed<PlatformPresence> {
  const text = item.trim().replace(/\s+/g, ' ');
  const g = (NAME_FIRST.exec(text) ?? COUNT_FIRST.exec(text))?.groups ?? {};
  const { name, handle, count: countRaw } = g;
  const engagementRaw = g.colon ?? g.pct;
  if (!name || !countRaw) {
    if (/^\d/.test(text) && !/[A-Za-z]{2}/.test(text.replace(/\b(k|m)\b/gi, ''))) return fail(`"${item.trim()}": which platform? e.g. youtube 80k`);
    const head = /^([A-Za-z][\w.-]*)(?:@[\w.-]+)?\s*([:=]|\s)\s*\S/.exec(text);
    if (head && (head[2] !== ' ' || BY_NAME.has(head[1]!.toLowerCase()))) return fail(`"${item.trim()}": followers must be a number like 80k or 20,000`);
    if (/^[A-Za-z][\w .-]*$/.test(text)) return fail(`"${item.trim()}": how many followers? e.g. ${text.toLowerCase()} 20k`);
    return fail(`"${item.trim()}" is not a platform and follower count, e.g. youtube 80k or instagram:20,000`);
  }
  const raw = parseAmount(countRaw);
  if (raw === null || !Number.isSafeInteger(Math.round(raw))) return fail(`"${item.trim()}": followers must be a number like 80k or 20,000`);
  if (countRaw.includes('.') && !/[km]|thousand|million/i.test(countRaw)) {
    return fail(`"${item.trim()}": followers must be a whole number (write 80k or 80,000)`);
  }
  let engagementRate: number | null = null;
  if (engagementRaw !== undefined) {
    engagementRate = Number(engagementRaw);
    if (!(engagementRate >= 0 && engagementRate <= 100)) return fail(`"${item.trim()}": engagement must be a percentage from 0 to 100`);
  }
  return ok(
    { platform: platformId(name), handle: handle ?? null, followers: Math.round(raw), avgViews: null, engagementRate },
    '',
  );
}

/**
 * One or more platforms: "YouTube 80k and Instagram 20,000", "yt 80k, ig 20k",
 * "youtube: 80,000 (4%)", "youtube:80k, instagram:20,000", "instagram:45000:3.2". The same platform
 * twice is an error (which one did they mean?). Empty input is an empty list.
 */
export function parsePlatforms(raw: string): Parsed<PlatformPresence[]> {
  const text = ungroup(raw.trim());
  if (!text || /^(none|no|nothing|-|n\/a)$/i.test(text)) return ok([], 'no platforms');
  const items = text.split(/\s*(?:[,;+&\n·]|\band\b|\bplus\b)\s*/i).filter((s) => s.trim() !== '');
  const out: PlatformPresence[] = [];
  for (let i = 0; i < items.length; i++) {
    let item = items[i]!;
    // "youtube: 80,000 (4%, 3 videos)" or "yt 80k, 4% engagement": a bare percentage belongs to the item before.
    const next = items[i + 1];
    if (next && /^\(?\s*\d+(?:\.\d+)?\s*%/.test(next) && !/\d\s*%/.test(item)) {
      item = `${item} ${next.replace(/[()]/g, '')}`;
      i++;
    }
    const p = onePlatform(item);
    if (!p.ok) return p;
    if (out.some((q) => q.platform === p.value.platform)) return fail(`${platformLabel(p.value.platform)} is given twice`);
    out.push(p.value);
  }
  return ok(out, out.map(describePlatform).join(' · '));
}

// ---------------------------------------------------------------------------------------------
// Hours a week

const APPROX = /^(?:about|around|roughly|approx(?:imately)?\.?|maybe|~|c\.|circa|up to|max(?:imum)?|at most)\s*/i;
const RANGE = /^(\d+(?:\.\d+)?)\s*(?:-|–|—|to|or)\s*(\d+(?:\.\d+)?)$/i;

interface Span {
  value: number;
  /** "5–6" when a range was given (the value is its mean). */
  range: string | null;
}

/** "5", "5-6", "5 to 6", "1.5k" (with scale) → a value, or null. */
function numberOrRange(text: string, scaled: boolean): Span | null {
  const r = RANGE.exec(text);
  if (r) {
    const [lo, hi] = [Number(r[1]), Number(r[2])];
    if (hi < lo) return null;
    return { value: (lo + hi) / 2, range: `${r[1]}–${r[2]}` };
  }
  if (scaled) {
    const s = new RegExp(`^(\\d+(?:\\.\\d+)?)\\s*(?:-|–|to)\\s*(${AMOUNT})$`, 'i').exec(text);
    if (s) {
      const hi = parseAmount(s[2]!);
      const unit = /[a-z]+$/i.exec(s[2]!)?.[0] ?? '';
      const lo = parseAmount(`${s[1]}${unit}`);
      if (hi === null || lo === null || hi < lo) return null;
      return { value: (lo + hi) / 2, range: `${s[1]}–${s[2]!.replace(/\s+/g, '')}` };
    }
    const v = parseAmount(text);
    return v === null ? null : { value: v, range: null };
  }
  return /^\d+(?:\.\d+)?$/.test(text) ? { value: Number(text), range: null } : null;
}

const HOURS_MAX = 168;

/**
 * Hours a week: "5", "about 5", "5 hours a week", "5h/week", "5-6" (the mean, and says so),
 * "1 hour a day" (×7). Whole hours are stored: a mean like 5.5 is rounded, and the sentence says so.
 */
export function parseHours(raw: string): Parsed<number> {
  let text = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!text) return fail('how many hours a week? e.g. 5, or 5-6');
  text = text.replace(APPROX, '');
  let perDay = false;
  const period = /\s*(?:(?:a|per|each|every|\/|a\s+)\s*(week|wk|w|day|d)|(weekly|daily))\.?$/.exec(text);
  if (period) {
    perDay = /^d/.test(period[1] ?? period[2]!);
    text = text.slice(0, period.index);
  }
  text = text.replace(/\s*(?:hours?|hrs?|h)\.?$/, '').trim();
  if (/^-\s*\d/.test(text)) return fail(`"${raw.trim()}" is less than an hour a week; the plan needs at least 1`);
  const span = numberOrRange(text, false);
  if (!span) return fail(`"${raw.trim()}" is not a number of hours; write e.g. 5, "5 hours a week" or 5-6`);
  const weekly = perDay ? span.value * 7 : span.value;
  const hours = Math.round(weekly);
  if (hours < 1) return fail(`"${raw.trim()}" is less than an hour a week; the plan needs at least 1`);
  if (hours > HOURS_MAX) return fail(`"${raw.trim()}" is more hours than a week has (${HOURS_MAX})`);
  const unit = (n: number) => `${groupDigits(n)} ${n === 1 ? 'hour' : 'hours'} a week`;
  const notes: string[] = [];
  if (span.range) notes.push(`the middle of ${span.range}${perDay ? ' a day' : ''}`);
  else if (perDay) notes.push(`${groupDigits(span.value)} a day`);
  if (hours !== weekly) notes.push('rounded');
  return ok(hours, notes.length ? `${unit(hours)} (${notes.join(', ')})` : unit(hours));
}

// ---------------------------------------------------------------------------------------------
// Money a month (stored in whole cents)

const NONE = /^(?:none|nothing|zero|nil|n\/a|no income|not yet|nothing yet|-)$/i;

function usdText(cents: number): string {
  const whole = Math.floor(cents / 100);
  const rest = cents % 100;
  return `$${groupDigits(whole)}${rest ? `.${String(rest).padStart(2, '0')}` : ''}`;
}

/**
 * USD a month, in cents: "about $1,500 a month", "$5k", "5k", "1.5k", "2500.50", "$2-3k" (mean),
 * "$60k a year" (÷12), "none" / "0". Negative amounts and other currencies are refused.
 */
export function parseMonthlyUSD(raw: string): Parsed<number> {
  let text = ungroup(raw.trim().toLowerCase().replace(/\s+/g, ' '));
  if (!text) return fail('how much a month? e.g. $1,500, 5k or none');
  if (NONE.test(text)) return ok(0, '$0 a month');
  text = text.replace(APPROX, '');
  // Where it comes from is context, not the amount: "$800/mo from sponsors", "2k (mostly ads)".
  text = text.replace(/\s*\(.*\)$|\s+(?:from|via|through|thanks to|mostly|mainly|on|in|with|across)\s.*$|\s+[-—–]\s.*$|\s*,.*$/, '');
  if (/^-|^\$\s*-/.test(text)) return fail(`"${raw.trim()}": an amount cannot be negative`);
  if (/[€£¥₹]|\b(?:eur|gbp|euros?|pounds?|yen|inr|cad|aud)\b/i.test(text)) return fail(`"${raw.trim()}": amounts are in US dollars; convert it and write e.g. $1,500`);
  let perYear = false;
  let perWeek = false;
  const period = /\s*(?:(?:a|per|each|every|\/)\s*(month|mo|mth|year|yr|y|annum|week|wk)|(monthly|yearly|annually|weekly))\.?$/.exec(text);
  if (period) {
    const p = period[1] ?? period[2]!;
    perYear = /^(?:y|annu)/.test(p);
    perWeek = /^w/.test(p);
    text = text.slice(0, period.index).trim();
  }
  text = text.replace(/\s*(?:usd|dollars?|bucks)$/, '').replace(/^us\$|^\$/, '').replace(/(\d)\s*-\s*\$/, '$1-').trim();
  const span = numberOrRange(text, true);
  if (!span) return fail(`"${raw.trim()}" is not an amount; write e.g. $1,500, 5k, 1.5k or none`);
  const monthly = perYear ? span.value / 12 : perWeek ? (span.value * 52) / 12 : span.value;
  const cents = Math.round(monthly * 100);
  if (!Number.isSafeInteger(cents) || cents > 100_000_000_00) return fail(`"${raw.trim()}" is more than $100 million a month`);
  const notes: string[] = [];
  if (span.range) notes.push(`the middle of $${span.range}`);
  if (perYear) notes.push(`$${groupDigits(span.value)} a year ÷ 12`);
  if (perWeek) notes.push(`$${groupDigits(span.value)} a week × 52 ÷ 12`);
  return ok(cents, `${usdText(cents)} a month${notes.length ? ` (${notes.join(', ')})` : ''}`);
}
