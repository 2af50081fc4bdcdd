// The questions creators ask around taking money: the fear that nobody pays, the first ten
// members, refunds, how long the cart stays open and which numbers to watch. Each answer quotes the plan's own tasks and checkpoints
// (template data), so another template's wording and thresholds come through.
import type { PlanTask } from '../../../plan/schema.js';
import { BENCHMARKS } from '../knowledge.js';
import { addDays, checkpointMetric, int, ref, sentences, taskAbout, usd } from '../facts.js';
import type { Facts, Intent } from '../types.js';
import { dueText } from './plan.js';
import { cues } from './score.js';

/** The first sentence of a task's details (or tips) that matches `re`, for quoting. */
export function quote(t: PlanTask | undefined, re: RegExp): string | null {
  if (!t) return null;
  return [...sentences(t.details), ...t.tips].find((s) => re.test(s)) ?? null;
}

export const state = (f: Facts, t: PlanTask) => (f.done.has(t.id) ? 'done' : `~${t.hours} h, ${dueText(t, f.today)}`);

/** The plan's go/no-go checkpoints, as "label go ≥ N, no-go < M" per task. */
function checkpointLines(f: Facts): string[] {
  return f.tasks.filter((t) => t.checkpoint).map((t) => {
    const unit = (m: { unit: string }) => (m.unit === 'percent' ? '%' : '');
    return `- ${ref(t)}: ${t.checkpoint!.metrics.map((m) => `${m.label} (go ≥ ${m.go}${unit(m)}, no-go < ${m.noGo}${unit(m)})`).join('; ')}.`;
  });
}

export const fear: Intent = {
  id: 'fear',
  score: ({ text }) => cues(text, [
    [/\b(scared|afraid|worried|terrified|nervous|anxious|fear)\b/, 3],
    [/\b(no ?one|nobody|no one|noone|zero people)\b.*\b(pays?|paying|joins?|joining|buys?|buying|sign up|signs up|wants?)\b|\bwhat if (it|this|the launch) (flops|fails|doesn'?t work)\b|\bwill (anyone|people) (pay|join|buy)\b/, 5],
    [/\b(flop|fail(s|ure)?|embarrass\w*)\b/, 2],
  ]),
  answer: (f) => {
    const presale = taskAbout(f, /pre-?sell|pre-?sale/i, false);
    const gate = (checkpointMetric(f, 'paidFounding') ?? checkpointMetric(f, 'waitlistToPaid'))?.task;
    const waitlist = taskAbout(f, /wait-?list/i, false);
    const refund = quote(presale, /refund/i);
    const out = [
      f.vary('fear-open', [
        'That fear is why the plan sells before you build: you find out with a few refundable payments, not after months of work.',
        'The plan is built for exactly that worry: people pay before you build anything, so the worst case is small.',
      ]),
    ];
    if (waitlist) out.push(`- First a signal: ${ref(waitlist)} (${state(f, waitlist)}), sign-ups that have seen the price; for your ${int(f.audience)} followers ${int(f.audience * BENCHMARKS.audienceToWaitlist.low / 100)}–${int(f.audience * BENCHMARKS.audienceToWaitlist.high / 100)} sign-ups (${BENCHMARKS.audienceToWaitlist.low}–${BENCHMARKS.audienceToWaitlist.high}%) is typical.`);
    if (presale) out.push(`- Then real money: ${ref(presale)} (${state(f, presale)}) at the founding price of ${usd(f.foundingPrice)}/month.${refund ? ` ${refund}` : ''}`);
    if (gate?.checkpoint) {
      const c = gate.checkpoint;
      out.push(`- Then a rule you set in advance, ${ref(gate)}: go at ${c.metrics.slice(0, 2).map((m) => (m.unit === 'percent' ? `${m.label} ≥ ${m.go}%` : `${m.go}+ ${m.label}`)).join(' or ')}. If it is a no-go: ${c.ifNoGo}`);
    }
    out.push('The worst case is a few refunds, an email list you keep and the exact words of people who said no — which is what the next, sharper offer is built from.');
    const next = f.open[0];
    if (next) out.push(`Today's step is smaller than the fear: ${ref(next)} (~${next.hours} h).`);
    return out;
  },
};

export const firstMembers: Intent = {
  id: 'first-members',
  score: ({ text }) => cues(text, [
    [/\b(first|initial|early) (\d+|few|ten|twenty|handful of) ?(paying )?(members|customers|buyers|clients|people|sales)\b/, 6],
    [/\bget (my |our )?(first )?(members|customers|buyers)\b|\bfind (my |our )?(first )?(members|customers)\b/, 4],
  ]),
  answer: (f) => {
    const gate = checkpointMetric(f, 'paidFounding')?.metric;
    const target = gate?.go ?? 10;
    const survey = taskAbout(f, /survey|discovery/i, false);
    const presale = taskAbout(f, /pre-?sell|pre-?sale/i, false);
    return [
      f.vary('first-open', [`Your first ${target} members come one by one, from people who already raised a hand — not from a post.`, `The first ${target} are won in DMs and emails, person by person.`]),
      `- Make a list of 30–50 names: survey respondents and call guests${survey ? ` (${survey.id})` : ''}, people who comment or DM you most, and your waitlist.`,
      `- Write to each one personally: what the community does for them, the founding price of ${usd(f.foundingPrice)}/month, the seat cap and the deadline.`,
      `- Ask for the payment in that conversation; answer the objection they give, and write it down for the sales page.`,
      ...(presale ? [`It's ${ref(presale)} (${state(f, presale)})${gate ? `; ${target} paid founding members is your plan's go` : ''}.`] : []),
    ];
  },
};

export const refunds: Intent = {
  id: 'refunds',
  score: ({ text }) => cues(text, [
    [/\brefund(s|ed|ing)?\b|\bmoney[- ]back\b|\bchargebacks?\b/, 6],
    [/\b(cancel(s|led|lation)?|wants? (their|his|her) money)\b/, 1],
  ]),
  answer: (f) => {
    const terms = taskAbout(f, /refund|terms|payments/i, false);
    const presale = taskAbout(f, /pre-?sell|pre-?sale/i, false);
    const policy = quote(terms, /refund policy|refund within|full refund/i);
    const promise = quote(presale, /refund/i);
    const out = [
      f.vary('refund-open', [
        `Refund quickly and kindly: a refund you argue over costs more than ${usd(f.band.suggested)} (a chargeback fee, a public complaint).`,
        'Say yes fast and make it painless: a smooth refund keeps your name clean, and a fought one never pays.',
      ]),
    ];
    if (policy && terms) out.push(`- Your policy (${ref(terms)}, ${state(f, terms)}): ${policy}`);
    if (promise && presale && /full refund/i.test(promise)) out.push(`- Pre-sale buyers: ${ref(presale)} promises everyone a full refund if the community does not open on the announced date — keep that promise without being asked.`);
    out.push('- Refund through the same checkout (Stripe or the platform), remove their access, and ask one question: "what would have made it worth it?"');
    out.push('- One refund is feedback; several saying the same thing mean the promise or the onboarding needs work.');
    if (terms && !f.done.has(terms.id)) out.push(`Write the policy down before you take any money: ${ref(terms)}.`);
    return out;
  },
};

export const cartWindow: Intent = {
  id: 'cart-window',
  score: ({ text }) => cues(text, [
    [/\bhow long\b.*\b(cart|doors?|launch window|enrol+ment|sales window|open)\b/, 6],
    [/\b(when|how) (should|do|can) (i|we) close\b|\bclose (the )?(cart|doors|enrol+ment)\b/, 6],
    [/\b(cart|enrol+ment period|sales window|launch window)\b/, 3],
  ]),
  answer: (f) => {
    const launchContent = taskAbout(f, /launch content/i, false);
    const doors = taskAbout(f, /open the doors/i, false);
    const emails = taskAbout(f, /email sequence/i, false);
    const window = quote(launchContent, /cart|open and close/i);
    const early = quote(emails, /early access/i);
    const open = f.launchDate;
    return [
      f.vary('cart-open', ['Keep the cart open **5–7 days**, with a real closing date: the deadline is what makes people decide.', 'Open for **5–7 days**, then close for real: most sales come on the first and the last day.']),
      `- For your launch: doors open **${open}**, close **${addDays(open, 6)}** (7 days).${early ? ` ${early}` : ''}`,
      `- Email the list on day 1, day 3 (FAQ and objections), 24 hours before closing and on the last evening.`,
      ...(window && launchContent ? [`- From ${ref(launchContent)}: ${window}`] : []),
      ...(doors ? [`It's ${ref(doors)} (${state(f, doors)}); reopen in 2–3 months with the testimonials from this round.`] : []),
    ];
  },
};

export const trackMetrics: Intent = {
  id: 'track-metrics',
  score: ({ text }) => cues(text, [
    [/\b(what|which) (metrics|numbers|kpis?|stats|figures)\b|\b(metrics|numbers|kpis?) (should|do|to) (i|we)? ?(track|watch|measure|look at)\b|\bwhat (should|do) (i|we) (track|measure)\b/, 7],
  ]),
  answer: (f) => {
    const retention = taskAbout(f, /retention|churn/i, false);
    const churn = quote(retention, /churn (under|below)|under \d+/i);
    const surfaceHint = f.surface === 'tui'
      ? 'Record them with `coach metrics add` in another terminal (e.g. `--waitlist 180 --members 12`); I use the latest ones.'
      : 'Record them as they change: `coach metrics add --waitlist 180 --members 12 --mrr 348` (`--churned N` monthly); `coach metrics` shows the trend against your goal.';
    return [
      f.vary('metrics-open', ['Four numbers, each with the decision it drives:', 'Watch four numbers; your plan says what each one decides:']),
      `- Waitlist sign-ups, before the pre-sale; members and MRR after it; churned members each month${f.profile.incomeGoalUSD ? ` (MRR against your ${usd(f.profile.incomeGoalUSD)}/month goal)` : ''}.`,
      ...checkpointLines(f),
      ...(churn && retention ? [`- Churn, from ${ref(retention)}: ${churn}`] : []),
      ...(f.recordedNumbers?.length ? [`Your latest: ${f.recordedNumbers[0]}`] : []),
      surfaceHint,
    ];
  },
};

export const nonBuyers: Intent = {
  id: 'non-buyers',
  score: ({ text }) => cues(text, [
    [/\b(people|those|the ones|everyone|subscribers|followers)\b.*\b(who|that)\b.*\b(didn'?t|did not|haven'?t|have not|never)\b.*\b(buy|join|pay|sign up|convert)\b|\bnon-?buyers\b|\bdidn'?t (buy|join)\b/, 6],
    [/\bfollow(ing)?[- ]up\b/, 2],
  ]),
  answer: (f) => {
    const emails = taskAbout(f, /email sequence/i, false);
    const list = taskAbout(f, /email list/i, false);
    const reminder = quote(emails, /24-hours-left|last-call|reminder/i);
    return [
      f.vary('nonbuyers-open', ['Most people who did not buy said "not now", not "no": follow up while the cart is open, then keep them warm.', 'A non-buyer is a future member more often than not: ask, answer, and invite them again next round.']),
      ...(reminder && emails ? [`- While the cart is open (${ref(emails)}): ${reminder}`] : ['- While the cart is open: a 24-hours-left email and a last-call email on the final evening.']),
      '- After it closes, one plain email: "What stopped you from joining?" with 3–4 options (price, time, not sure it is for me, other). Their answers are your next sales page.',
      `- Answer the top objection in content over the next weeks, and reopen in 2–3 months with the founding members' results${list ? `; until then, one useful email a week (${list.id})` : ''}.`,
    ];
  },
};
