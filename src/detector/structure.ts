// Structure: how many tiers, free + paid, cohorts or evergreen, application-only, an annual
// option, and caps on the number of members ("cap it at 100", "cohorts of 20", "12 seats per round").
import { pricesOf } from './money.js';
import { COUNT_RE, countOf } from './text.js';
import type { Candidate, CategoryModule, SentenceView } from './types.js';

const TIERS = new RegExp(`\\b(${COUNT_RE.replace('|a|an', '')})[- ](?:(?:paid|membership|price|pricing|main|premium|separate|different|simple|distinct)\\s)?tier(?:s|ed)?\\b`, 'g');
const FREE = /\bfree (?:tier|plan|community|group|version|level|membership|option|space)\b|\bfreemium\b/;
const PAID = /\b(?:paid|premium|vip|pro|inner|upgrade)\b|[$€£]/;
const COHORT = /\bcohort[- ]based\b|(?<!\b(?:founding|beta|first|pilot|no|my)\s)\bcohorts?\b/;
const EVERGREEN = /\bevergreen\b|\brolling (?:membership|enrol\w*|admission|basis)\b|\bjoin anytime\b/;
const APPLICATION = /\bapplication[- ]only\b|\bby application\b/;
const ANNUAL = /\b(?:annual|yearly) (?:option|plan|membership)\b(?![^.]{0,20}\d)/;
const CAP_VERB = /\b(?:cap(?:ped|ping)?|limit(?:ed|ing)?|max(?:imum)?|no more than|not more than|hard cap of)\b[^.\d$€£]{0,30}?(?<![\d$€£])(\d{1,6})\b(?!\s?(?:%|k\b|weeks?|days?|months?|years?|hours?))/;
const CAP_NOUN = /\b(\d{1,6}) (?:seats|spots|places|people|members) per\b|\bonly (\d{1,6}) (?:seats|spots|places)\b|\bcohorts? of (\d{1,6})\b/;
/** A list of named prices ("Basic $15/month, Pro $45/month"): that many tiers. */
const NAMED_PRICE = /(?:^|[,;+]\s?|\band\s)([A-Z][\w-]*(?: [A-Z][\w-]*)?)\s?(?:\(|at\s)?[$€£]/g;

/** Words without which a sentence has no structure item. */
const GATE = /tier|free|cohort|evergreen|rolling|anytime|application|annual|yearly|cap|limit|max|more than|seats|spots|places|[$€£]/;

export const structure: CategoryModule = {
  category: 'structure',
  find(v: SentenceView) {
    const out: Candidate[] = [];
    if (!GATE.test(v.low)) return out;
    const push = (value: string, at: number, len: number): void => {
      if (!out.some((c) => c.value === value)) out.push({ value, start: at, end: at + len, frame: 'strong' });
    };
    for (const m of v.low.includes('tier') ? v.low.matchAll(TIERS) : []) {
      const n = countOf(m[1]!);
      if (Number.isInteger(n) && n >= 1 && n <= 10) push(n === 1 ? '1 tier' : `${n} tiers`, m.index, m[0].length);
    }
    if (out.length === 0 && pricesOf(v).length >= 2) {
      const named = [...v.text.matchAll(NAMED_PRICE)];
      if (named.length >= 2) push(`${named.length} tiers`, named[0]!.index, 1);
    }
    const free = FREE.exec(v.low);
    if (free && (free[0] === 'freemium' || PAID.test(v.low.slice(0, free.index) + v.low.slice(free.index + free[0].length)))) push('free + paid tiers', free.index, free[0].length);
    for (const [re, value] of [[COHORT, 'cohort-based'], [EVERGREEN, 'evergreen'], [APPLICATION, 'application-only'], [ANNUAL, 'annual plan']] as const) {
      const m = re.exec(v.low);
      if (m) push(value, m.index, m[0].length);
    }
    const cap = CAP_VERB.exec(v.low) ?? CAP_NOUN.exec(v.low);
    if (cap) {
      const n = Number(cap[1] ?? cap[2] ?? cap[3]);
      if (n >= 2 && n <= 100000) push(`cap at ${n} members`, cap.index, cap[0].length);
    }
    return out;
  },
};
