// Numbers: conversion diagnosis (followers → waitlist → buyers), audience realism (how many
// members to expect) and retention / churn. Rates are computed from the numbers in the question
// and compared with the benchmarks in knowledge.ts.
import { BENCHMARKS } from '../knowledge.js';
import { checkpointMetric, expectedMembers, int, pct, plural, ref, taskAbout, usd } from '../facts.js';
import type { Checkpoint, PlanTask } from '../../../plan/schema.js';
import type { Facts, Intent } from '../types.js';
import { cues } from './score.js';

/** A rate's yardstick: the template's go/no-go checkpoint when it has one, else a benchmark. */
interface Yardstick { low: number; high: number; text: string; checkpoint: Checkpoint | null; task: PlanTask | null }

function yardstick(f: Facts, metricId: string, fallback: { low: number; high: number }): Yardstick {
  const c = checkpointMetric(f, metricId);
  if (c) return { low: c.metric.noGo, high: c.metric.go, text: `your plan's go ≥ ${c.metric.go}%, no-go < ${c.metric.noGo}%`, checkpoint: c.checkpoint, task: c.task };
  return { ...fallback, text: `typical ${fallback.low}–${fallback.high}%`, checkpoint: null, task: null };
}

type Verdict = 'low' | 'between' | 'strong';

function rateLine(label: string, num: number, den: number, y: Yardstick): { text: string; v: Verdict; y: Yardstick } {
  const rate = (num / den) * 100;
  const v: Verdict = rate < y.low ? 'low' : rate >= y.high ? 'strong' : 'between';
  const word = y.checkpoint ? { low: 'no-go', between: 'in between', strong: 'go' }[v] : { low: 'low', between: 'healthy', strong: 'strong' }[v];
  return { text: `- ${label}: ${int(num)} of ${int(den)} = **${pct(rate)}** (${y.text}): ${word}.`, v, y };
}

export const conversion: Intent = {
  id: 'conversion',
  score: ({ text, numbers: n }) => {
    const counts = [n.waitlist, n.buyers, n.visitors].filter((x) => x !== null).length + (n.audience !== null && (n.waitlist ?? n.buyers) !== null ? 1 : 0);
    return cues(text, [
      [/\b(conver(t|ted|ting|sion)s?|sign-?ups?|signed up|waitlist|wait list|bought|buyers|sales|sold|pre-?sales?|pre-?sold)\b/, 2],
      [/\bgo ?\/ ?no[- ]?go\b|\bno[- ]?go\b|\bshould i (start )?build\b|\bgreen light\b/, 4],
      [/\b(get|grow|more|increase|boost|fill)\b.*\b(wait-?list|list|sign-?ups|subscribers|leads)\b/, 3],
      [/\b(is (that|this) (good|bad|enough|normal|ok)|what('s| is) wrong|why (is|are|did|do)n?'?t?|only)\b/, 1],
      [/\benough to (start|launch|begin|pre-?sell)\b|\b(is (that|this|it)|are they) enough\b/, 2],
    ]) + counts * 2;
  },
  answer: (f) => {
    const n = f.numbers;
    if (n.waitlist !== null && n.buyers === null && n.visitors === null && /\benough\b/.test(f.text)) return enoughToStart(f, n.waitlist);
    const audience = n.audience ?? f.audience;
    const lines: (ReturnType<typeof rateLine> & { stage: string })[] = [];
    if (n.waitlist !== null && n.visitors !== null) lines.push({ ...rateLine('Visitors → waitlist', n.waitlist, n.visitors, yardstick(f, 'visitorToWaitlist', BENCHMARKS.visitorToWaitlist)), stage: 'page' });
    else if (n.waitlist !== null && audience > 0) lines.push({ ...rateLine('Followers → waitlist', n.waitlist, audience, yardstick(f, 'audienceToWaitlist', BENCHMARKS.audienceToWaitlist)), stage: 'promise' });
    if (n.buyers !== null && n.waitlist !== null && n.waitlist > 0) lines.push({ ...rateLine('Waitlist → paid', n.buyers, n.waitlist, yardstick(f, 'waitlistToPaid', BENCHMARKS.waitlistToPaid)), stage: 'offer' });
    else if (n.buyers !== null && n.visitors !== null && n.visitors > 0) lines.push({ ...rateLine('Visitors → paid', n.buyers, n.visitors, yardstick(f, 'visitorToPaid', BENCHMARKS.visitorToPaid)), stage: 'offer' });
    const paid = checkpointMetric(f, 'paidFounding');
    if (lines.length === 0) return noNumbers(f);
    const out = [f.vary('conv-open', ['Your funnel:', 'Here are your rates:', 'Running the numbers:']), ...lines.map((l) => l.text)];
    // Every measured metric of the plan's checkpoint, the paid count included.
    const gated: { v: Verdict; y: Yardstick }[] = lines.filter((l) => l.y.checkpoint);
    if (paid && n.buyers !== null) {
      const v: Verdict = n.buyers >= paid.metric.go ? 'strong' : n.buyers < paid.metric.noGo ? 'low' : 'between';
      out.push(`- ${paid.metric.label[0]!.toUpperCase()}${paid.metric.label.slice(1)}: ${int(n.buyers)} (go ≥ ${paid.metric.go}, no-go < ${paid.metric.noGo}): ${{ low: 'no-go', between: 'in between', strong: 'go' }[v]}.`);
      gated.push({ v, y: { low: paid.metric.noGo, high: paid.metric.go, text: '', checkpoint: paid.checkpoint, task: paid.task } });
    }
    const weakAll = lines.filter((l) => l.v === 'low');
    const weak = weakAll[0];
    const fix = (re: RegExp) => { const t = taskAbout(f, re, false); return t ? ` (${ref(t)}${f.done.has(t.id) ? ', done: revisit it' : ''})` : ''; };
    if (weak?.stage === 'promise') out.push(`Fix the promise first${fix(/promise/i)}: followers join a list for a specific result, not a topic. Then ask for sign-ups three times a week, not once.`);
    else if (weak?.stage === 'page') out.push(`The page leaks${fix(/wait-?list/i)}: put the result in the headline, one field (email), and your members' own words from the survey.`);
    else if (weak?.stage === 'offer') out.push(`The list is there, the offer is not landing${fix(/sales page/i)}: a deadline and seat cap, the ${usd(f.foundingPrice)} founding price, and an email that answers the top objection.`);
    if (weakAll.length > 1 && weakAll[1]!.stage === 'offer') out.push(`Then the offer: a deadline, a seat cap and the ${usd(f.foundingPrice)} founding price turn a warm list into buyers.`);
    // The template's checkpoint says what to do with the result. Its metrics are alternatives
    // (go at N paid members OR a rate): one go is a go, and only all no-go is a no-go.
    const gate = gated[0];
    if (gate?.y.checkpoint && gate.y.task) {
      const c = gate.y.checkpoint;
      const v: Verdict = gated.some((g) => g.v === 'strong') ? 'strong' : gated.every((g) => g.v === 'low') ? 'low' : 'between';
      out.push(`${ref(gate.y.task)} → **${{ low: 'no-go', between: 'in between', strong: 'go' }[v]}**: ${v === 'strong' ? c.ifGo : v === 'low' ? c.ifNoGo : c.ifBetween}`);
    } else if (!weak) out.push(`That is a go: open ${n.buyers !== null ? 'more founding seats' : 'the founding round'}${fix(/found/i)} and keep the deadline.`);
    return out;
  },
};

/** "I have 500 on my list, is that enough to start?": what that list gives at the plan's go/no-go rates. */
function enoughToStart(f: Facts, list: number): string[] {
  const rate = yardstick(f, 'waitlistToPaid', BENCHMARKS.waitlistToPaid);
  const paid = checkpointMetric(f, 'paidFounding');
  const low = Math.floor((list * rate.low) / 100);
  const high = Math.floor((list * rate.high) / 100);
  const goal = paid?.metric.go ?? 10;
  const enough = high >= goal;
  const presale = taskAbout(f, /pre-?sell|pre-?sale/i, false);
  return [
    enough
      ? f.vary('enough-yes', [`Yes: ${int(list)} people on your list is enough to start a founding round.`, `It is enough to start: ${int(list)} people who asked to hear from you.`])
      : f.vary('enough-no', [`${int(list)} is a start, but thin for a founding round yet.`, `Not quite yet: ${int(list)} people on the list is a small base for a pre-sale.`]),
    `- At ${rate.low}–${rate.high}% of a list buying (${rate.text}), that is **${int(low)}–${plural(high, 'founding member')}**${paid ? `; the plan's go is ${paid.metric.go} paid` : ''}.`,
    `- At the ${usd(f.foundingPrice)} founding price: ${usd(low * f.foundingPrice)}–${usd(high * f.foundingPrice)}/month to start.`,
    enough
      ? `Warm them up for two weeks, then open ${presale ? ref(presale) : 'the founding round'} with a seat cap and a deadline.`
      : `Grow it first: ask for sign-ups three times a week (a story, a post, the end of every video); ${int(Math.ceil((goal * 100) / rate.low))} on the list makes ${goal} buyers likely even at ${rate.low}%.`,
  ];
}

function noNumbers(f: Facts): string[] {
  const waitlist = taskAbout(f, /wait-?list/i);
  const target = `${int(f.audience * BENCHMARKS.audienceToWaitlist.low / 100)}–${int(f.audience * BENCHMARKS.audienceToWaitlist.high / 100)}`;
  if (/\b(get|grow|more|increase|boost|fill)\b/.test(f.text)) {
    return [
      f.vary('grow-list', [`A waitlist of ${target} is realistic for your ${int(f.audience)} followers (1–5%). To get there:`, `Aim for ${target} on the list. What fills it:`]),
      '- Ask 3 times a week, not once: a story, a post, and the end of every video.',
      '- Pin the link, and give a reason to join now (founding price, limited seats).',
      '- Personally invite everyone who answered your survey or DMs you about the topic.',
      ...(waitlist ? [`It's ${ref(waitlist)}${f.done.has(waitlist.id) ? ' (done; keep asking)' : ` (~${waitlist.hours} h)`}.`] : []),
    ];
  }
  const gate = f.tasks.find((t) => t.checkpoint && t.checkpoint.metrics.some((m) => m.unit === 'percent' && /wait|visitor/i.test(m.id)));
  return [
    f.vary('conv-ask', ['Give me your numbers and I will work out the rates, e.g. "1,200 visited the page, 300 joined the waitlist, 24 paid".', 'I need your numbers for that: how many visited, joined the waitlist and paid?', 'Send me the counts (visitors, waitlist, paid) and I will tell you where the funnel leaks.']),
    ...(gate
      ? [`${ref(gate)} decides with: ${gate.checkpoint!.metrics.map((m) => `${m.label} go ≥ ${m.go}${m.unit === 'percent' ? '%' : ''}, no-go < ${m.noGo}${m.unit === 'percent' ? '%' : ''}`).join('; ')}.`]
      : [`Benchmarks: waitlist → paid ${BENCHMARKS.waitlistToPaid.low}–${BENCHMARKS.waitlistToPaid.high}%, sales page → paid ${BENCHMARKS.visitorToPaid.low}–${BENCHMARKS.visitorToPaid.high}%.`]),
    `For your ${int(f.audience)} followers a waitlist of ${target} is typical (1–5%)${waitlist ? `; it's ${ref(waitlist)}` : ''}.`,
  ];
}

export const audience: Intent = {
  id: 'audience',
  score: ({ text }) => cues(text, [
    [/\b(how many (members|people|paying|buyers|customers|subscribers)|expect(ed)? (members|to get)|realistic|enough (followers|people|audience)|(followers|subs|subscribers|audience) (is |are )?enough|too small|big enough|small audience)/, 5],
    [/\b(followers|audience|engagement|subscribers|subs)\b/, 2],
    [/\bmembers?\b/, 1],
  ]),
  answer: (f) => {
    const size = f.numbers.audience ?? f.audience;
    const eng = f.numbers.percents[0] !== undefined && /engag/.test(f.text) ? f.numbers.percents[0] : f.engagement;
    const mid = expectedMembers(size, eng);
    const lo = Math.max(0, Math.floor(mid * 0.5));
    const hi = Math.ceil(mid * 1.5);
    const price = f.band.suggested;
    const goal = f.profile.incomeGoalUSD;
    const out = [
      f.vary('aud-open', [`Realistic numbers for ${int(size)} followers at ${pct(eng)} engagement:`, `With ${int(size)} followers and ${pct(eng)} engagement, expect:`, `What ${int(size)} followers (${pct(eng)} engagement) usually give:`]),
      `- Waitlist: ${int(size * BENCHMARKS.audienceToWaitlist.low / 100)}–${int(size * BENCHMARKS.audienceToWaitlist.high / 100)} people (${BENCHMARKS.audienceToWaitlist.low}–${BENCHMARKS.audienceToWaitlist.high}%).`,
      `- Paying members in the first months: **${lo}–${hi}** (about ${Math.round(mid)}).`,
      `- Revenue at ${usd(price)}/month: ${usd(lo * price)}–${usd(hi * price)}/month.`,
    ];
    if (goal && goal > 0) {
      const need = Math.ceil(goal / price);
      out.push(need <= hi ? `- Your ${usd(goal)} goal (${plural(need, 'member')}) is within reach.` : `- Your ${usd(goal)} goal needs ${plural(need, 'member')}: ~${Math.round(need / Math.max(mid, 1))}× what this audience gives; grow it, or add an annual plan and a premium tier.`);
    }
    out.push(size < 1000
      ? 'Small is fine: 20 founding members who know you beat 2,000 strangers. Talk to each of them.'
      : `Engagement matters more than size: a 1-point rise moves the estimate by ~${int(expectedMembers(size, eng + 1) - mid)} members.`);
    return out;
  },
};

export const retention: Intent = {
  id: 'retention',
  score: ({ text }) => cues(text, [
    [/\b(churn\w*|retention|retain|cancel\w*|unsubscrib\w*|leaving|left|quit(ting)?|keep (members|people|them)|stay longer|drop(ping)? off|inactive|ghost\w*)\b/, 5],
    [/\b(members?|subscribers?)\b/, 1],
  ]),
  answer: (f) => {
    const n = f.numbers;
    const churn = n.percents[0] ?? (n.cancelled !== null && (n.members ?? n.buyers) ? (n.cancelled / (n.members ?? n.buyers)!) * 100 : null);
    const price = f.band.suggested;
    const out: string[] = [];
    if (churn !== null && churn > 0) {
      const months = 100 / churn;
      const v = churn <= BENCHMARKS.monthlyChurn.good ? 'healthy' : churn <= BENCHMARKS.monthlyChurn.typical ? 'typical, worth improving' : 'high: fix this before you spend on growth';
      out.push(f.vary('churn-v', [`Monthly churn of **${pct(churn)}** is ${v} (good ≤ ${BENCHMARKS.monthlyChurn.good}%, typical ${BENCHMARKS.monthlyChurn.good}–${BENCHMARKS.monthlyChurn.typical}%).`, `**${pct(churn)}** a month: ${v}. Good is ≤ ${BENCHMARKS.monthlyChurn.good}%, typical ${BENCHMARKS.monthlyChurn.good}–${BENCHMARKS.monthlyChurn.typical}%.`]));
      out.push(`- A member stays ~${months.toFixed(1)} months → worth ~${usd(months * price)} at ${usd(price)}/month.`);
      if (churn > BENCHMARKS.monthlyChurn.good) out.push(`- At ${BENCHMARKS.monthlyChurn.good}% they would stay ${100 / BENCHMARKS.monthlyChurn.good} months (${usd((100 / BENCHMARKS.monthlyChurn.good) * price)}).`);
    } else {
      out.push(f.vary('ret-open', [
        `Aim for monthly churn under ${BENCHMARKS.monthlyChurn.good}% (${BENCHMARKS.monthlyChurn.good}–${BENCHMARKS.monthlyChurn.typical}% is typical): at ${usd(price)} a member who stays 20 months is worth ${usd(20 * price)}.`,
        `Most members who leave do it in the first 60 days; get that right and churn drops under ${BENCHMARKS.monthlyChurn.good}% (20 months, ${usd(20 * price)} per member at ${usd(price)}).`,
        `Retention is the business: at ${BENCHMARKS.monthlyChurn.typical}% churn a member stays 10 months (${usd(10 * price)}), at ${BENCHMARKS.monthlyChurn.good}% it's 20 (${usd(20 * price)}).`,
      ]));
    }
    out.push('- Most cancellations happen in month 1–2: a first win in week one, and a personal check-in for anyone quiet 14 days.');
    const tasks = [taskAbout(f, /onboarding|welcome/i), taskAbout(f, /ritual|calendar|weekly call/i), taskAbout(f, /churn|retention/i)].filter((t, i, a) => t && a.indexOf(t) === i);
    if (tasks.length) out.push(`In your plan: ${tasks.map((t) => `${ref(t!)}${f.done.has(t!.id) ? ' (done)' : ''}`).join('; ')}.`);
    out.push('Ask everyone who cancels one question: "what would have made you stay?"');
    return out;
  },
};
