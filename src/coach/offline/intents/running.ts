// Running the community once it is open: the time it takes (live calls or not, when to get
// help), keeping it kind (moderation), and naming it. Quotes the plan's tasks where they cover it.
import { ref, taskAbout } from '../facts.js';
import type { Intent } from '../types.js';
import { cues } from './score.js';
import { quote, state } from './selling.js';

export const runningTime: Intent = {
  id: 'running-time',
  score: ({ text }) => cues(text, [
    [/\bhow (much time|many hours)\b.*\b(run|running|manage|managing|maintain|take)\b|\btime (to|it takes to) (run|manage)\b/, 6],
    [/\b(community manager|moderator|mods?|hire|assistant|va)\b/, 4],
    [/\b(live calls?|lives)\b.*\b(time|every week|weekly|each week|don'?t have|can'?t)\b|\b(time|don'?t have)\b.*\blive calls?\b/, 6],
  ]),
  answer: (f) => {
    const rituals = taskAbout(f, /ritual|engagement/i, false);
    const weekly = Math.max(2, Math.min(5, Math.round(f.hoursPerWeek * 0.6)));
    const calls = /\blive calls?\b|\blives\b/.test(f.text);
    const hiring = /\b(community manager|moderator|mods?|hire|assistant|va)\b/.test(f.text);
    const hire = '- Before hiring, ask an active founding member to moderate in exchange for free membership; hire when replies take you more than an hour a day.';
    const out = [
      ...(hiring ? [f.vary('hire-open', ['Not yet: first ask an active founding member to moderate in exchange for free membership.', 'Start with a volunteer: an active founding member who moderates for a free membership.'])
        + ' Hire when replies take you more than an hour a day.'] : []),
      ...(calls ? [f.vary('calls-open', ['Yes, that is fine: live calls are optional.', 'It is: calls are optional, nothing in the plan needs a weekly one.'])
        + ' A weekly goals thread, a Friday wins thread and a monthly challenge keep a community alive without a camera.'] : []),
      f.vary('running-open', [
        `Running it takes about ${weekly} h a week at first for you: rituals, replies and welcoming new members.`,
        `Plan on ~${weekly} h a week once it is open — the community runs on a rhythm, not on new content every day.`,
      ]),
      ...(calls ? [] : ['- Live calls are optional: a weekly goals thread, a Friday wins thread and a monthly challenge keep a community alive without a camera.']),
      '- If you do calls, one a fortnight at a fixed time is better than a weekly one you cancel; post the replay.',
      '- Answer in batches (twice a day, 15 minutes) instead of all day.',
      ...(hiring ? [] : [hire]),
    ];
    if (rituals) out.push(`Choose what you can keep for a year in ${ref(rituals)} (${state(f, rituals)}).`);
    return out;
  },
};

export const naming: Intent = {
  id: 'naming',
  score: ({ text }) => cues(text, [
    [/\b(name|call|brand)\b.*\b(community|group|membership|club|it)\b|\b(community|group|membership) name\b|\bwhat should i call\b/, 6],
  ]),
  answer: (f) => {
    const promise = taskAbout(f, /promise/i, false);
    const niche = f.profile.niche ? ` for ${f.profile.niche}` : '';
    const promiseLine = promise
      ? f.done.has(promise.id) ? `Start from your promise (${ref(promise)}, done): the result it names is the best word for the name.` : `The name follows the promise: settle ${ref(promise)} (${state(f, promise)}) first.`
      : null;
    return [
      f.vary('naming-open', [`A good name${niche} says the result or the people, and is easy to say out loud.`, `Name it after the result or the members, not after yourself: people join${niche ? ` a community${niche}` : ''} for what it does for them.`]),
      '- Patterns that work: [result] + [group] ("The Strength Club", "Bake Better Lab"), [who] + [place] ("Busy Moms HQ"), a ritual ("The 20-Minute Club").',
      '- Say it out loud, spell it from hearing, and check the handle and the domain before you decide.',
      '- Shortlist three, ask your survey respondents or founding members to vote: they remember a name they chose.',
      ...(promiseLine ? [promiseLine] : []),
    ];
  },
};

export const moderation: Intent = {
  id: 'moderation',
  score: ({ text }) => cues(text, [
    [/\b(trolls?|spam(mers)?|rude|toxic|drama|conflict|argu(e|ing|ments?)|harass\w*|bad (actors?|apples?)|moderat(e|ion)|ban|kick (out|them))\b/, 5],
    [/\b(rules|guidelines|code of conduct)\b/, 3],
  ]),
  answer: (f) => {
    const onboarding = taskAbout(f, /onboarding|welcome/i, false);
    const rules = quote(onboarding, /house rules|rules/i);
    return [
      f.vary('mod-open', ['A paid community is easier to keep kind than a free one: everyone chose to be there, and the rules are yours.', 'Rules written before the first problem make moderation a reference, not an argument.']),
      ...(rules && onboarding ? [`- Your rules live in ${ref(onboarding)} (${state(f, onboarding)}): ${rules}`] : ['- Write three house rules: be kind, no selling without permission, ask good questions.']),
      '- First time: a private, friendly message quoting the rule. Second time: a warning. Third: remove them and refund the current month — a clean exit ends the drama.',
      '- Turn on post approval for new members in their first week, and keep links and DMs to members opt-in.',
      '- Never argue in public threads: answer once, calmly, then take it to a private message.',
    ];
  },
};
