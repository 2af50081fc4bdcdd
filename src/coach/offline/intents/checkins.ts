// "How are my numbers?", "what's my MRR?", "are we on track for the goal?": answered from the
// business-number check-ins the creator recorded (`coach metrics add`), not from the question.
// When the question brings its own numbers ("200 on the waitlist, 6 paid"), the conversion
// intent answers instead.
import type { Facts, Intent } from '../types.js';
import { cues } from './score.js';

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
