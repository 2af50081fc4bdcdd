// Content: what members get and how often ("weekly live calls", "a Q&A every other Wednesday",
// "a course library"). An item counts with a cadence next to it, or as a library.
import type { Candidate, CategoryModule, SentenceView } from './types.js';

/** Item spellings → the name used in the value. */
const ITEMS: [RegExp, string][] = [
  [/\b(?:live )?coaching calls?\b/, 'coaching calls'],
  [/\b(?:live |group |zoom )?(?:calls?)\b/, 'live calls'],
  [/\b(?:live )?q ?& ?a(?:s| sessions?| calls?)?\b/, 'Q&A sessions'],
  [/\boffice hours\b/, 'office hours'],
  [/\bguest expert sessions?\b/, 'guest expert sessions'],
  [/\b(?:live )?workshops?\b/, 'workshops'],
  [/\bmasterclass(?:es)?\b/, 'masterclasses'],
  [/\b(?:\d+-day )?challenges?\b/, 'challenges'],
  [/\bhot[- ]?seats?\b/, 'hot seats'],
  [/\bco-?working(?: sessions?)?\b/, 'coworking sessions'],
  [/\btemplates?(?: packs?)?\b/, 'templates'],
  [/\b(?:writing )?prompts?\b/, 'prompts'],
  [/\baccountability pods?\b/, 'accountability pods'],
  [/\bcourse library\b/, 'course library'],
  [/\bresource library\b/, 'resource library'],
];
for (const entry of ITEMS) entry[0] = new RegExp(entry[0].source, 'g');
const LIBRARIES = new Set(['course library', 'resource library', 'accountability pods']);
const DAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const CADENCES: [RegExp, string][] = [
  [new RegExp(`\\bevery other (?:week|${DAY})\\b|\\bbi-?weekly\\b|\\bfortnightly\\b|\\btwice a month\\b`), 'biweekly'],
  [new RegExp(`\\b(?:first|last|second) ${DAY} of (?:each|the|every) month\\b|\\bmonthly\\b|\\b(?:every|each|a|per) month\\b|\\bonce a month\\b`), 'monthly'],
  [new RegExp(`\\bweekly\\b|\\b(?:every|each|a|per) week\\b|\\bonce a week\\b|\\b(?:every |on )?${DAY}s?(?: mornings?| evenings?| nights?)?\\b`), 'weekly'],
  [/\bdaily\b|\bevery day\b|\beach day\b/, 'daily'],
  [/\bquarterly\b|\bevery quarter\b/, 'quarterly'],
];
for (const entry of CADENCES) entry[0] = new RegExp(entry[0].source, 'g');
const NEAR = 45;
/** Words without which a sentence has no content item (a cheap gate before the item scans). */
const GATE = /call|q ?& ?a|office|session|workshop|masterclass|challenge|hot[- ]?seat|working|template|prompt|pod|library/;
const OPENERS = /^(?:(?:ok|so|and|plus|also|then|the plan is|on the|on|no|just)\b[\s,:]*)*/;

/** The cadence written next to an item (no sentence end or other item between). */
function cadenceNear(low: string, start: number, end: number): string | null {
  let cadence: string | null = null;
  let best = Infinity;
  for (const [re, name] of CADENCES) {
    for (const c of low.matchAll(re)) {
      const gap = c.index >= end ? low.slice(end, c.index) : low.slice(c.index + c[0].length, start);
      if (c.index < end && c.index + c[0].length > start) continue;
      const crowded = ITEMS.some(([item]) => gap.search(item) >= 0) || /[.!?+]/.test(gap);
      if (!crowded && gap.length < NEAR && gap.length < best) {
        best = gap.length;
        cadence = name;
      }
    }
  }
  return cadence;
}

export const content: CategoryModule = {
  category: 'content',
  find(v: SentenceView) {
    const out: Candidate[] = [];
    if (!GATE.test(v.low)) return out;
    const taken: [number, number][] = [];
    // a sentence that opens with its item or cadence declares it ("Office hours every Friday")
    // (read only once an item with a cadence is found: most sentences have none)
    let opens: boolean | undefined;
    const opensWithItem = (): boolean => {
      const head = v.low.replace(OPENERS, '');
      return ITEMS.some(([re]) => head.search(re) === 0) || CADENCES.some(([re]) => head.search(re) === 0) || /\bthere(?:'s| is|'ll be| will be)\b/.test(v.low);
    };
    for (const [re, name] of ITEMS) {
      for (const hit of v.low.matchAll(re)) {
        const start = hit.index;
        const end = start + hit[0].length;
        if (taken.some(([a, b]) => start < b && end > a)) continue;
        taken.push([start, end]);
        const cadence = LIBRARIES.has(name) ? null : cadenceNear(v.low, start, end);
        if (!cadence && !LIBRARIES.has(name)) continue;
        const value = cadence ? `${cadence} ${name}` : name;
        opens ??= opensWithItem();
        if (!out.some((o) => o.value === value)) out.push({ value, start, end, frame: opens ? 'strong' : 'weak' });
      }
    }
    return out.sort((a, b) => a.start - b.start);
  },
};
