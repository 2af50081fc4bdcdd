// Conversation: greetings and thanks, "what can you do", and the honest fallback for questions the
// offline coach cannot answer.
import { ref, sentences, tickHint, usd } from '../facts.js';
import type { Facts, Intent } from '../types.js';
import { dueText } from './plan.js';
import { cues } from './score.js';

function nextStep(f: Facts): string {
  const t = f.open[0];
  return t ? `${ref(t)} (~${t.hours} h, ${dueText(t, f.today)})` : 'your monthly review';
}

export const greeting: Intent = {
  id: 'greeting',
  score: ({ text }) => {
    const short = text.split(/\s+/).length <= 6;
    return short ? cues(text, [[/^(hi|hey|hello|yo|hiya|good (morning|afternoon|evening)|morning|thanks|thank you|thx|ty|cheers)\b/, 3]]) : 0;
  },
  answer: (f) => {
    const thanks = /\b(thanks|thank you|thx|ty|cheers)\b/.test(f.text);
    const name = f.profile.displayName.split(/\s+/)[0];
    return [
      thanks
        ? f.vary('thanks', ['Any time.', 'Glad it helps.', 'You are welcome.'])
        : f.vary('hello', [`Hi ${name}!`, `Hey ${name}, good to see you.`, `Hello ${name}.`]),
      `You're at ${f.progress.done}/${f.progress.total} tasks, in "${f.phase.title}". Next: ${nextStep(f)}.`,
      f.vary('hello-ask', ['Ask me about price, platform, this week, your numbers or your launch.', 'Want this week\'s plan, or a check on your numbers?']),
    ];
  },
};

export const capabilities: Intent = {
  id: 'capabilities',
  score: ({ text }) => cues(text, [
    [/\bwhat (can|do) you (do|know|help)|what can i ask|how (do|does) (you|this) work|who are you|are you (an? )?(ai|bot|claude)|\bhelp me\b$|^help\??$|what are you\b/, 6],
  ]),
  answer: (f) => [
    f.vary('caps', ["I'm the offline coach: I answer from your plan and numbers, no AI call, free. Ask me:", 'Offline I work from your plan, your profile and your numbers (free, no AI). Try:']),
    `- price: "how much should I charge?", founding price (${usd(f.foundingPrice)}), annual plan and tiers`,
    '- platform: "Skool or Circle?" weighed against your audience',
    `- "what should I do this week?" within your ${f.hoursPerWeek} h, progress, "can I slow down to 3 hours a week?"`,
    '- your numbers: "300 on the waitlist, 12 paid — is that ok?", expected members, churn',
    '- launch content, posting cadence, a critique of your promise',
    '- selling and running it: "what if nobody pays?", refunds, how long the cart stays open, which numbers to track, moderation, a name',
    `Tell me what you decide or finish and I record it; numbers you reach ("we hit 180 on the waitlist") I offer to record${f.surface === 'tui' ? ' (Ctrl+Y confirms what I only suspect)' : ''}. With an API key, Claude answers everything else.`,
  ],
};

export const unknown: Intent = {
  id: 'unknown',
  score: () => 0,
  answer: (f) => {
    const t = f.open[0];
    return [
      f.vary('unknown', [
        "I can't answer that offline: I only know your plan, your numbers and a few coaching rules.",
        "That one is beyond the offline coach; I answer from your plan and numbers only.",
        "I don't have an offline answer for that.",
      ]),
      t ? `The most useful next step: ${ref(t)} (~${t.hours} h). ${sentences(t.details)[0]}` : 'The most useful next step: your monthly review of members, churn and revenue.',
      f.surface === 'tui'
        ? 'For open questions, add an API key (`coach config set-key`) or switch /offline off.'
        : 'For open questions, add an API key (`coach config set-key`) and ask without --offline.',
    ];
  },
};

/** After a report the coach recorded ("I finished the survey"), one line on what comes next. */
export function nextAfterReport(f: Facts): string {
  const t = f.open[0];
  if (!t) return 'That was the last task: run your monthly review next.';
  return f.vary('after-report', [`Next up: ${ref(t)} (~${t.hours} h).`, `Up next: ${ref(t)}, about ${t.hours} h.`, `Then: ${ref(t)} (~${t.hours} h) — ${tickHint(f.surface, t.id)} when it's done.`]);
}

export const pitfalls: Intent = {
  id: 'pitfalls',
  score: ({ text }) => cues(text, [[/\b(pitfalls?|mistakes?|avoid|watch out|risks?|what could go wrong|red flags?)\b/, 4]]),
  answer: (f) => {
    const list = f.phase.pitfalls.length ? f.phase.pitfalls : f.plan.commonPitfalls;
    const tips = f.phase.proTips.length ? f.phase.proTips : f.plan.proTips;
    return [
      f.vary('pitfalls-open', [`The traps in "${f.phase.title}":`, `What goes wrong most often in "${f.phase.title}":`]),
      ...[f.vary('pitfall-a', list), f.vary('pitfall-b', [...list].reverse())].filter((p, i, a) => p && a.indexOf(p) === i).map((p) => `- ${p}`),
      ...(tips.length ? [`Pro tip: ${f.vary('pro-tip', tips)}`] : []),
    ];
  },
};
