// Numbers a creator puts in a question, with what they count: "200 on the waitlist, only 6 paid",
// "can I do 3 hours a week", "I have 8k followers", "churn is 12%". Pure and forgiving: "1,200",
// "1.2k", "$29", "three hours" all read; a number with no recognisable label is ignored.

export interface Numbers {
  /** Hours per week asked about ("3 hours a week", "3h/wk", "slow down to 4 hours"). */
  hoursPerWeek: number | null;
  waitlist: number | null;
  buyers: number | null;
  visitors: number | null;
  audience: number | null;
  members: number | null;
  cancelled: number | null;
  /** Every percentage, in order ("12%", "12 percent"). */
  percents: number[];
  /** Every dollar amount, in order ("$29", "29 dollars", "29 usd"). */
  money: number[];
}

const WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, a: 1, an: 1, half: 0.5,
};

type Label = 'waitlist' | 'buyers' | 'visitors' | 'audience' | 'members' | 'cancelled';

/** Label words, most specific first; tested against the words next to a number. */
const LABELS: [Label, RegExp][] = [
  ['cancelled', /^(cancel+(ed|led|s)?|churned|left|quit|unsubscribed|lost|dropped)$/],
  ['waitlist', /^(wait-?list(ed)?|waiting|list|newsletter|signups?|sign-?ups|signed|leads|emails|optins?|opt-?ins)$/],
  ['buyers', /^(bought|buyers?|paid|paying|purchased|purchases|customers?|sales|sold|converted|conversions|preorders?|pre-?sales|deposits?)$/],
  ['visitors', /^(visits?|visited|visitors|views|viewed|clicks|clicked|pageviews|traffic)$/],
  ['audience', /^(followers?|fans|audience|viewers|subs|subscribers?)$/],
  ['members', /^(members?|students|joined|subscribed)$/],
];

const NUM = /^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(k|m)?$/i;

function valueOf(word: string): number | null {
  const m = NUM.exec(word);
  if (m) {
    const n = Number(m[1]!.replace(/,/g, ''));
    const unit = m[2]?.toLowerCase();
    return unit === 'k' ? n * 1_000 : unit === 'm' ? n * 1_000_000 : n;
  }
  return null;
}

function labelOf(word: string): Label | null {
  for (const [label, re] of LABELS) if (re.test(word)) return label;
  return null;
}

export function readNumbers(message: string): Numbers {
  const text = message.toLowerCase().replace(/[’']/g, '');
  const out: Numbers = { hoursPerWeek: null, waitlist: null, buyers: null, visitors: null, audience: null, members: null, cancelled: null, percents: [], money: [] };

  for (const m of text.matchAll(/(\d+(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)/g)) out.percents.push(Number(m[1]));
  for (const m of text.matchAll(/\$\s*(\d[\d,]*(?:\.\d+)?)(k)?|(\d[\d,]*(?:\.\d+)?)(k)?\s*(?:dollars|usd|bucks|(?:a|per|\/)\s*(?:month|mo)\b|\/mo|\/month)/g)) {
    const n = Number((m[1] ?? m[3])!.replace(/,/g, '')) * (m[2] || m[4] ? 1000 : 1);
    out.money.push(n);
  }
  const hours = /(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)\s*(?:-\s*\d+\s*)?(?:h|hrs?|hours?)\b/.exec(text);
  if (hours) out.hoursPerWeek = valueOf(hours[1]!) ?? WORDS[hours[1]!] ?? null;

  // Counts: each plain number (not money, a percentage or hours) takes the nearest label word,
  // after it first at equal distance ("200 people on my waitlist", "my waitlist is at 350"); a
  // label never reaches past another number. "4 of my 40 members cancelled": 40 are members, 4
  // take the label after them (cancelled).
  const words = text.replace(/\$\s*\d[\d,.]*k?/g, ' $ ').split(/[^a-z0-9.,%$-]+/).map((w) => w.replace(/^[.,-]+|[.,-]+$/g, '')).filter(Boolean);
  const num = (w: string | undefined) => (w === undefined ? null : valueOf(w) ?? (WORDS[w] !== undefined && w.length > 2 && w !== 'half' ? WORDS[w]! : null));
  const isCount = (i: number) => num(words[i]) !== null && !/^(%|percent|h|hrs?|hours?|dollars|usd|bucks|weeks?|months?|days?|years?|minutes?|am|pm)$/.test(words[i + 1] ?? '');
  const nearest = (i: number, from = i): Label | null => {
    for (let d = 1; d <= 4; d++) {
      for (const j of [from + d, i - d]) {
        const w = words[j];
        if (w === undefined || (j > from && blocked(from, j)) || (j < i && blocked(j, i))) continue;
        const label = labelOf(w);
        if (label) return label;
      }
    }
    return null;
  };
  const blocked = (a: number, b: number) => words.slice(a + 1, b).some((w) => num(w) !== null);
  const taken = new Set<number>();
  words.forEach((_, i) => {
    if (taken.has(i) || !isCount(i)) return;
    let den = -1;
    let k = i + 1;
    if (words[k] === 'out') k++;
    if (words[k] === 'of') {
      k++;
      if (/^(my|the|our|your|those|these)$/.test(words[k] ?? '')) k++;
      if (isCount(k)) den = k;
    }
    if (den >= 0) {
      const denLabel = nearest(den);
      const numLabel = nearest(den, den + 1);
      if (denLabel) put(denLabel, num(words[den])!);
      if (numLabel && numLabel !== denLabel) put(numLabel, num(words[i])!);
      taken.add(den);
      return;
    }
    const label = nearest(i);
    if (label) put(label, num(words[i])!);
  });
  function put(label: Label, n: number) {
    // "subscribers" are the audience (YouTube), unless they are email or newsletter subscribers.
    if (label === 'audience' && /\b(email|newsletter|substack|mailing|list)\b/.test(text) && !/\b(youtube|yt|channel)\b/.test(text)) label = 'waitlist';
    if (out[label] === null) out[label] = n;
  }
  return out;
}
