// Content: what to post around the launch (the launch-phase tasks), a sustainable posting
// cadence, and a critique of the community's promise / offer.
import { CADENCE, displayPlatform, familyOf } from '../knowledge.js';
import { addDays, ref, tasksAbout, taskAbout, usd } from '../facts.js';
import type { Facts, Intent } from '../types.js';
import { cues } from './score.js';

function topPlatform(f: Facts): { name: string; followers: number } | null {
  const top = [...f.profile.platforms].filter((p) => p.followers > 0).sort((a, b) => b.followers - a.followers)[0];
  return top ? { name: top.platform, followers: top.followers } : null;
}

const display = displayPlatform;

export const launchContent: Intent = {
  id: 'launch-content',
  score: ({ text }) => /\b(launch|cart|doors?|go live)/.test(text) ? cues(text, [
    [/\b(launch(ing)?|pre-?launch|cart|doors? open|open(ing)? the doors|go live|launch week|launch day)\b/, 3],
    [/\b(post|posts|posting|content|emails?|teaser|announce\w*|promot\w*|say|share|videos?|reels?|stories|webinar|workshop)\b/, 2],
  ]) : 0,
  answer: (f) => {
    const launchPhases = f.plan.phases.filter((p) => /launch/i.test(p.title));
    const ids = new Set(launchPhases.flatMap((p) => p.tasks.map((t) => t.id)));
    const tasks = tasksAbout(f, /launch|email|workshop|webinar|teaser|calendar|sales page|doors/i).filter((t) => ids.has(t.id)).slice(0, 5);
    const L = f.launchDate;
    const top = topPlatform(f);
    const where = top ? display(top.name) : 'your main platform';
    const noteTask = tasks.find((t) => t.platformNotes) ?? f.tasks.find((t) => t.platformNotes && ids.has(t.id));
    const note = top && noteTask?.platformNotes ? Object.entries(noteTask.platformNotes).find(([k]) => k.toLowerCase() === display(top.name).toLowerCase())?.[1] : undefined;
    return [
      f.vary('launch-open', [`Launch content, working back from ${L}:`, `Your launch runs around ${L}. The content:`, `For a ${L} launch, post in three waves:`]),
      `- From ${addDays(L, -14)}: teasers on ${where}: the problem, a member's before/after, behind the scenes of the build.`,
      `- From ${addDays(L, -7)}: invite everyone to a free live workshop on ${L}: teach one quick win, then open the doors at the end.`,
      `- ${L}: doors open — one email a day to the waitlist for 5–7 days, founding price ${usd(f.foundingPrice)} until the cart closes ${addDays(L, 6)}.`,
      ...(note ? [`- On ${where} (${noteTask!.id}): ${note}`] : []),
      ...(tasks.length ? [`In your plan: ${tasks.map((t) => `${ref(t)}${f.done.has(t.id) ? ' ✓' : ` (~${t.hours} h)`}`).join('; ')}.`] : []),
      f.vary('launch-tip', ['Every launch post ends with one call to action: the waitlist link.', 'Reuse: one workshop becomes 5 clips and 3 emails.']),
    ];
  },
};

export const cadence: Intent = {
  id: 'cadence',
  score: ({ text }) => cues(text, [
    [/\bhow (often|many times|much)\b.*\b(post|posting|upload|publish|email|stream|content)|\b(posting|upload|content) (schedule|cadence|frequency|calendar)\b|\bpost (every|daily|weekly)\b|\bcadence\b|\bconsisten(t|cy)\b/, 5],
    [/\b(post|posts|posting|content|videos?|reels?|newsletter)\b/, 1],
  ]),
  answer: (f) => {
    const top = topPlatform(f);
    const family = top ? familyOf(top.name) : null;
    const rituals = taskAbout(f, /ritual|calendar|weekly call/i);
    const budget = f.hoursPerWeek;
    return [
      f.vary('cadence-open', ['Consistency beats volume.', 'Pick a rhythm you can hold for 12 weeks, then protect it.', 'Post less, but on fixed days.']),
      `- On ${top ? display(top.name) : 'your main platform'}: ${family ? CADENCE[family] : CADENCE.video}.`,
      `- Your plan already uses ${budget} h/week, so batch: film or write everything in one session and repurpose it (one long piece → 3–5 short ones).`,
      '- Once a week, point to the community or waitlist; the rest is useful, free content.',
      `- Inside the community: one weekly live and a daily prompt${rituals ? ` (${ref(rituals)})` : ''}.`,
    ];
  },
};

const PROMISE_CHECKS: [string, RegExp, string][] = [
  ['who it is for', /\b(for|helps?|helping)\s+\w+/, 'name who it helps ("busy vegan parents")'],
  ['a concrete result', /\b(get|land|grow|lose|build|launch|earn|make|bake|sell|learn|master|finish|reach|ship|start)\b/, 'promise a result, not a topic'],
  ['a time frame', /\b\d+\s*(days?|weeks?|months?)\b|\b(in|within) (a|one|two|three|six) (days?|weeks?|months?)\b/, 'add a time frame ("in 90 days")'],
  ['the frustration it removes', /\b(without|no more|even if|stop|instead of)\b/, 'add "without [their main frustration]"'],
];

export const offer: Intent = {
  id: 'offer',
  score: ({ text }) => cues(text, [
    [/\b(promise|offer|pitch|positioning|tagline|value prop\w*|transformation|headline|one-?liner)\b/, 4],
    [/\b(is (this|it|my \w+) (good|clear|ok|strong)|critique|feedback on|review my|what do you think)\b/, 2],
  ]),
  answer: (f) => {
    const quoted = /["“](.{12,})["”]/.exec(f.message)?.[1] ?? /:\s*(.{12,})$/.exec(f.message)?.[1] ?? null;
    const task = taskAbout(f, /promise/i, false);
    const formula = task ? /"([^"]+)"/.exec(task.details)?.[1] ?? null : null;
    if (!quoted) {
      return [
        f.vary('offer-ask', ['Paste your promise and I will check it, e.g. critique my offer: "…".', 'Send me the one sentence you would put at the top of the sales page and I will check it.', 'Write your promise in quotes and I will check its four parts.']),
        formula ? `- The shape that sells: ${formula}` : '- The shape that sells: this community helps [who] get [result] in [time] without [frustration].',
        `- A strong promise justifies ${usd(f.band.suggested)}/month by itself; a topic ("a community about ${f.profile.niche ?? 'my niche'}") does not.`,
        ...(task ? [`It's ${ref(task)}${f.done.has(task.id) ? ' (done — worth a second pass)' : ` (~${task.hours} h)`}.`] : []),
      ];
    }
    const text = quoted.toLowerCase();
    const has = PROMISE_CHECKS.map(([name, re, fix]) => ({ name, ok: re.test(text), fix }));
    const missing = has.filter((h) => !h.ok);
    return [
      missing.length === 0 ? f.vary('offer-ok', ['Strong: it names who, a result, a time frame and the frustration it removes.', 'This one works: who, result, time frame and frustration are all there.']) : `${f.vary('offer-v', ['Close.', 'Good start.'])} It has ${has.filter((h) => h.ok).map((h) => h.name).join(', ') || 'none of the four parts yet'}; it needs ${missing.map((h) => h.name).join(' and ')}.`,
      ...has.map((h) => `- ${h.ok ? '✓' : '✗'} ${h.name}${h.ok ? '' : `: ${h.fix}`}`),
      `Test it: would someone in ${f.profile.niche ?? 'your niche'} pay ${usd(f.band.suggested)}/month for exactly that? Read it to 3 followers and ask what they would expect to get.`,
    ];
  },
};

export const memberContent: Intent = {
  id: 'member-content',
  score: ({ text }) => cues(text, [
    [/\b(what do (members|they|people) get|what('s| is| goes)? (in|inside) (the|my) (community|membership|library)|starter library|content library|lessons?|modules?|curriculum)\b/, 5],
    [/\b(content|library|course)\b/, 2],
    [/\b(community|members?|membership|inside)\b/, 1],
    [/\b(launch|post|posting|instagram|youtube|tiktok)\b/, -2],
  ]),
  answer: (f) => {
    const point = f.plan.decisionPoints.find((d) => d.category === 'content');
    const library = taskAbout(f, /library|lesson|course/i, false);
    const rituals = taskAbout(f, /ritual|calendar|weekly call/i, false);
    const chosen = f.decisions.find((d) => d.category === 'content');
    return [
      f.vary('member-content', ['Members pay for a rhythm and a result, not a pile of videos. Pick from:', 'What members get each week matters more than the size of the library. Options:']),
      ...(point?.options ?? ['Weekly live call', 'Short-lesson course path', 'Monthly challenge']).slice(0, 4).map((o) => `- ${o}`),
      ...(chosen ? [`You decided: **${chosen.value ?? chosen.decision}**.`] : []),
      `Start small: 3–5 short lessons that get a first win${library ? ` (${ref(library)}, ~${library.hours} h)` : ''}, plus one weekly ritual${rituals ? ` (${ref(rituals)})` : ''}; let founding members ask for the rest.`,
    ];
  },
};
