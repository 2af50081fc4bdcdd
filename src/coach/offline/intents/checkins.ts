// "How are my numbers?", "what's my MRR?", "are we on track for the goal?": answered from the
// business-number check-ins the creator recorded (`coach metrics add`), not from the question.
// When the question brings its own numbers ("200 on the waitlist, 6 paid"), the conversion
// intent answers instead.
import { numbersOf, numbersPhrase } from '../../../plan/metrics.js';
import { checkpointMetric, int, pct, ref, regularPricing, taskAbout, usd } from '../facts.js';
import type { Facts, Intent } from '../types.js';
import { cues } from './score.js';

/**
 * "We have 30 paying members now", "MRR is $870": numbers the creator just stated (the detector
 * read them; the app offers to record them). Said back with what they mean against the price and
 * the income goal. A waitlist with buyers is a conversion question: that intent answers it.
 */
export const stated: Intent = {
  id: 'stated-numbers',
  score: ({ detection, numbers: n, text }) => {
    const found = detection?.numbers ?? [];
    // A statement, not a question that happens to carry a number ("we have 12 members. How do I get more?").
    if (!found.length || ASKS.test(text)) return 0;
    const funnel = (n.waitlist !== null || n.visitors !== null) && n.buyers !== null;
    // below a clear question (a price question scores 5): the numbers then ride along as a suggestion
    return funnel ? 0 : 4.5;
  },
  answer: (f: Facts) => {
    const numbers = numbersOf(f.detection.numbers);
    const offered = f.applied.numbers === undefined || f.applied.numbers.length > 0;
    const price = priceOf(f);
    const goal = f.profile.incomeGoalUSD;
    const mrr = numbers.mrrUSD ?? (numbers.members !== undefined ? numbers.members * price : undefined);
    const them = Object.keys(numbers).length > 1 ? 'them' : 'it';
    const record = !offered ? `That is what you recorded last time.` : f.surface === 'tui' ? `Ctrl+Y records ${them} in today's numbers.` : `The command below records ${them} as today's check-in.`;
    const out = [f.vary('stated-open', [`Noted: ${numbersPhrase(numbers)}.`, `Got it: ${numbersPhrase(numbers)}.`]) + ` ${record}`];
    if (numbers.mrrUSD === undefined && numbers.members !== undefined) out.push(`- ${int(numbers.members)} × ${usd(price)} ≈ **${usd(mrr!)}/month** recurring.`);
    if (mrr !== undefined && goal) {
      const share = (mrr / goal) * 100;
      const revenue = checkpointMetric(f, 'goalShare');
      const [checkpoint, gate] = [revenue?.task, revenue?.metric];
      out.push(`- That is **${pct(share)}** of your ${usd(goal)}/month goal${mrr < goal ? `: ${usd(goal - mrr)} to go, about ${int(Math.ceil((goal - mrr) / price))} more members at ${usd(price)}` : ''}.`);
      if (gate && checkpoint) out.push(`- ${ref(checkpoint)} calls ≥ ${gate.go}% of the goal after the first launch on track, under ${gate.noGo}% a sign to fix the offer: ${share >= gate.go ? 'you are on track' : share < gate.noGo ? 'you are under it so far' : 'you are in between'}.`);
    }
    if (numbers.churned !== undefined) {
      const base = numbers.members ?? null;
      out.push(base ? `- ${int(numbers.churned)} of ${int(base + numbers.churned)} left: **${pct((numbers.churned / (base + numbers.churned)) * 100)}** churn this month (healthy is under 8–10%).` : `- Track who left and why: a one-question cancellation survey, and a personal message to anyone quiet for 14 days.`);
    }
    if (numbers.waitlist !== undefined && numbers.members === undefined) {
      const rate = (numbers.waitlist / Math.max(1, f.audience)) * 100;
      const word = rate < 1 ? 'low so far' : rate >= 5 ? 'strong' : 'healthy';
      out.push(`- Followers → waitlist: ${int(numbers.waitlist)} of ${int(f.audience)} = **${pct(rate)}** (1–5% is typical): ${word}.`);
      const presale = taskAbout(f, /pre-?sell|pre-?sale/i, false);
      if (rate < 1) out.push('- Ask three times a week (a story, a post, the end of every video) with the founding price and a date on the page.');
      const paid = checkpointMetric(f, 'waitlistToPaid')?.metric;
      const [lo, hi] = paid ? [paid.noGo, paid.go] : [5, 10];
      if (presale) out.push(`- What decides is who pays: at ${lo}–${hi}% of the list, ${int(Math.floor((numbers.waitlist * lo) / 100))}–${int(Math.floor((numbers.waitlist * hi) / 100))} founding members in ${ref(presale)}.`);
    }
    return out;
  },
};

const ASKS = /\?|(?:^|[.!]\s+)(?:how|what|why|when|where|which|who|should|could|can|would|will|do|does|did|is|are|am)\b/;

/** The monthly price the creator decided on, else the suggested one. */
function priceOf(f: Facts): number {
  const value = regularPricing(f)?.value ?? '';
  const n = /^\d[\d.,]*\s*USD\/month$/.test(value) ? Number(/(\d+(?:\.\d+)?)/.exec(value)?.[1]) : NaN;
  return Number.isFinite(n) && n > 0 ? n : f.band.suggested;
}

export const checkins: Intent = {
  id: 'checkins',
  score: ({ text, numbers: n }) => {
    const ownNumbers = [n.waitlist, n.buyers, n.visitors, n.members, n.cancelled].some((x) => x !== null) || n.money.length > 0;
    if (ownNumbers) return 0;
    return cues(text, [
      [/\b(my|our|the) (latest )?(numbers|metrics|stats|figures|kpis?|check-?ins?)\b/, 6],
      [/\b(my|our|the) (mrr|revenue|churn rate)\b/, 6],
      [/\bhow (am i|are we|is it) doing\b|\bhow('s| is) (it|the community|the launch) (going|doing)\b/, 2],
      [/\bon track\b|\b(income )?goal\b/, 1],
      [/\b(track|record|log) (my |our )?(numbers|metrics|mrr|revenue|members|waitlist)\b/, 3],
    ]);
  },
  answer: (f: Facts) => {
    const r = f.recordedNumbers;
    if (!r || r.length === 0) {
      return [
        'You have not recorded any numbers yet, so I cannot tell how you are doing against the plan.',
        'Check them in whenever they change: `coach metrics add --waitlist 180 --members 12 --mrr 348` (add `--churned N` after a month). `coach metrics` then shows them over time with conversion, MRR against your goal and churn.',
      ];
    }
    const out = [f.vary('checkins-open', ['Your latest numbers:', 'From your check-ins:', 'Where your numbers stand:']), ...r.map((l) => `- ${l}`)];
    out.push('Record the next check-in with `coach metrics add`; `coach metrics` shows the trend.');
    return out;
  },
};
