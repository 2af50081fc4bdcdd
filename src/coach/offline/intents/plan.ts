// The plan itself: what to do this week within the hours budget, where the creator is, pace
// changes (slower, faster, burnout) with the new launch date, and getting unstuck.
import { dueDateOf, replan } from '../../../plan/schedule.js';
import { weekView } from '../../../plan/week.js';
import type { PlanTask } from '../../../plan/schema.js';
import { addDays, daysBetween, plural, ref, sentences, sum, tickHint } from '../facts.js';
import { targetDayIn } from '../when.js';
import type { Facts, Intent } from '../types.js';
import { cues } from './score.js';

/** Open tasks in plan order that fit `budget` hours; a first task bigger than the budget is split. */
/**
 * This week's tasks as `coach week` and /week pick them (plan/week.ts: overdue first, then the
 * next open tasks while they fit the hours); a single task bigger than the week is to be split.
 */
export function weekPlan(f: Facts, budget: number): { tasks: PlanTask[]; split: PlanTask | null } {
  const w = weekView(f.plan, f.done, f.today, budget);
  const byId = new Map(f.tasks.map((t) => [t.id, t]));
  const tasks = [...w.overdue, ...w.thisWeek].map((t) => byId.get(t.id)!);
  const only = tasks.length === 1 && w.overdue.length === 0 ? tasks[0]! : null;
  return only && only.hours > budget ? { tasks: [], split: only } : { tasks, split: null };
}

/** "due 2027-01-09" (or "overdue since …") from the schedule; plans without dates name the week. */
export function dueText(t: PlanTask, today: string): string {
  const due = dueDateOf(t);
  if (!due) return `due week ${t.dueWeek}`;
  return due < today ? `overdue since ${due}` : `due ${due}`;
}

export const week: Intent = {
  id: 'week',
  score: ({ text }) => cues(text, [
    [/\b(this|next|the) week\b|\btoday\b|\bthis weekend\b|\btonight\b/, 3],
    [/\bwhat (should|do|can|shall) (i|we) (do|work on|focus on|start)|what('s| is) next|\bnext (step|task)s?\b|where (do|should) i start|\bpriorit/, 4],
    [/\bfocus\b|\bto-?do\b/, 1],
  ]),
  answer: (f) => {
    const evening = /\b(today|tonight|evening|this afternoon|an hour|couple of hours)\b/.test(f.text);
    const budget = f.numbers.hoursPerWeek ?? (evening ? Math.min(3, f.hoursPerWeek) : f.hoursPerWeek);
    if (f.open.length === 0) return ['Every task is done. This week: run your monthly review and check who has not posted in 14 days.'];
    const { tasks, split } = weekPlan(f, budget);
    if (split) {
      const weeks = Math.ceil(split.hours / budget);
      return [
        f.vary('week-split', [`This week, ${budget} h: start ${ref(split)}. It takes ~${split.hours} h, so spread it over ${plural(weeks, 'week')}.`, `Your next task, ${ref(split)}, needs ~${split.hours} h: at ${budget} h a week that is ${plural(weeks, 'week')} of work, so start it now.`]),
        `- Do the first ${budget} h now: ${sentences(split.details)[0]}`,
        ...(split.tips[0] ? [`- Tip: ${split.tips[0]}`] : []),
        `It's next in "${f.phase.title}", ${dueText(split, f.today)}.`,
      ];
    }
    const used = sum(tasks.map((t) => t.hours));
    const last = tasks[tasks.length - 1]!;
    const skipped = f.open.find((t) => !tasks.includes(t) && f.open.indexOf(t) < f.open.indexOf(last));
    return [
      evening ? f.vary('week-evening', [`For a ${budget}-hour session today, do this (${used} h):`, `Today, ${budget} h is enough for:`]) : f.vary('week-open', [`With ${budget} h this week, do these (${used} h):`, `Your ${budget} hours this week cover ${used} h of plan work:`, `This week (${budget} h available, ${used} h planned):`, `Plan for the week, ${used} of your ${budget} h:`]),
      ...tasks.map((t) => `- ${ref(t)} — ~${t.hours} h, ${dueText(t, f.today)}. ${sentences(t.details)[0]}`),
      `${tasks.length > 1 ? 'Why these: they are the next open tasks' : 'Why this: it is the next open task'} in "${f.phase.title}", in the order the plan builds on, and ${tasks.length > 1 ? 'they fit' : 'it fits'} your hours.${skipped ? ` ${skipped.id} (~${skipped.hours} h) gets next week to itself.` : ''}${budget - used > 0 ? ` The spare ${budget - used} h: reply to comments, they are your future members.` : ''}`,
      `When one is finished, ${tickHint(f.surface, tasks[0]!.id)}.`,
    ];
  },
};

/**
 * When the doors open at `hours` per week: the schedule's own re-plan (plan/schedule.ts) of the
 * open tasks up to the launch task, so the answer names the same date `coach week` and `plan` show.
 * A launch date the creator chose is not pinned here: the question is what this pace gives.
 */
export function finishDate(f: Facts, hours: number): { weeks: number; date: string } {
  const startDate = f.plan.schedule?.startDate ?? f.today;
  const free = { ...f.plan, schedule: f.plan.schedule && { ...f.plan.schedule, launchSource: 'plan' as const } };
  const date = replan(free, startDate, { today: f.today, done: f.done, hoursPerWeek: hours }).schedule!.launchDate;
  return { weeks: Math.max(1, Math.round(daysBetween(f.today, date) / 7)), date };
}

export const progress: Intent = {
  id: 'progress',
  score: ({ text }) => cues(text, [
    [/\b(progress|where am i|where (are|do) (we|i) stand|how am i doing|how('m| am) i doing|am i on track|on track|behind|status|how far)\b/, 4],
    [/\b(overview|summary|recap)\b/, 2],
  ]),
  answer: (f) => {
    const p = f.progress;
    const phaseRow = p.phases.find((x) => x.phaseId === f.phase.id)!;
    const finish = finishDate(f, f.hoursPerWeek);
    const late = daysBetween(f.launchDate, finish.date);
    const doneIds = f.tasks.filter((t) => f.done.has(t.id)).map((t) => t.id);
    const next = f.open[0];
    return [
      f.vary('progress-open', [`You're **${p.percent}%** through: ${p.done}/${p.total} tasks done.`, `${p.done}/${p.total} tasks done (${p.percent}%).`, `Where you stand: ${p.done}/${p.total} tasks (${p.percent}%).`]),
      `- Phase: "${f.phase.title}", ${phaseRow.done}/${phaseRow.total} done${doneIds.length ? `; finished so far: ${doneIds.slice(-6).join(', ')}` : ''}.`,
      `- Left before launch: ${f.hoursToLaunch} h of work → ${plural(finish.weeks, 'week')} at ${f.hoursPerWeek} h/week, so about **${finish.date}**.`,
      `- Launch target ${f.launchDate}: ${late <= 0 ? `on track${late < 0 ? ` with ${plural(-late, 'day')} to spare` : ''}` : `${plural(late, 'day')} behind at this pace`}.`,
      ...(next ? [`Next: ${ref(next)} (~${next.hours} h).`] : []),
    ];
  },
};

export const pace: Intent = {
  id: 'pace',
  score: ({ text, numbers }) => cues(text, [
    [/\b(slow(er)? down|slow down|go slower|speed up|go faster|faster|less time|more time|cut back|scale back|pace)\b/, 4],
    [/\b(burn(t|ed)? ?out|burning out|exhausted|tired|no time|too much|overwhelm\w*|new job|full[- ]time job|baby|sick)\b/, 4],
    [/\bhours? (a|per|each|every) week\b|\d ?h ?\/ ?(wk|week)\b|\bhrs? ?\/ ?w|\bh(ours?|rs?)? weekly\b/, numbers.hoursPerWeek !== null ? 3 : 1],
  ]),
  answer: (f) => {
    const burnout = /\b(burn|exhausted|tired|overwhelm|too much|no time)/.test(f.text);
    const asked = f.numbers.hoursPerWeek ?? (burnout ? Math.max(1, Math.round(f.hoursPerWeek / 2)) : null);
    const now = finishDate(f, f.hoursPerWeek);
    if (asked === null) {
      return [
        f.vary('pace-now', [`At ${f.hoursPerWeek} h/week your ${f.hoursToLaunch} hours before launch take ${plural(now.weeks, 'week')}: launch around **${now.date}** (target ${f.launchDate}).`, `Your pace: ${f.hoursPerWeek} h/week for ${f.hoursToLaunch} hours before launch = ${plural(now.weeks, 'week')}, so launch around **${now.date}** (target ${f.launchDate}).`]),
        `Tell me another pace ("could I do 3 hours a week?") and I'll recompute the date.`,
      ];
    }
    const at = finishDate(f, asked);
    const shift = Math.round(daysBetween(now.date, at.date) / 7);
    const moved = shift === 0 ? 'no change' : `${plural(Math.abs(shift), 'week')} ${shift > 0 ? 'later' : 'sooner'}`;
    const biggest = [...f.open].sort((a, b) => b.hours - a.hours)[0];
    const out = [
      burnout ? f.vary('pace-burnout', ['Slowing down beats stopping: a smaller plan you keep is worth more than a big one you quit.', 'Protect yourself first; the plan can bend.']) : '',
      f.vary('pace-at', [
        `At **${asked} h/week** your ${f.hoursToLaunch} hours before launch take ${plural(at.weeks, 'week')}: launch around **${at.date}** instead of ${now.date} (${moved}).`,
        `Yes, you can. ${f.hoursToLaunch} hours before launch at **${asked} h/week** = ${plural(at.weeks, 'week')}, so the launch moves to **${at.date}** (from ${now.date}; ${moved}).`,
      ]),
    ].filter(Boolean);
    if (asked < f.hoursPerWeek && biggest) out.push(`- Trim rather than stretch: ${ref(biggest)} is the biggest at ~${biggest.hours} h; a smaller first version keeps the date closer.`);
    if (asked < f.hoursPerWeek) out.push('- Keep one visible thing weekly (a post or a reply thread) so the audience does not go cold.');
    if (asked > f.hoursPerWeek) out.push(`- More hours help only if the waitlist keeps pace: validate before you build faster.`);
    // A launch date the creator decides is recorded by the detector as the timeline decision.
    out.push(f.surface === 'cli'
      ? `To make it official: \`coach ask "I've decided to launch on ${at.date}"\` records it, and \`coach profile set --hours ${asked}\` updates your profile.`
      : `To make it official, tell me "I've decided to launch on ${at.date}" and I'll record it.`);
    return out;
  },
};

export const stuck: Intent = {
  id: 'stuck',
  score: ({ text }) => cues(text, [
    [/\b(stuck|lost|confused|procrastinat\w*|unmotivated|don'?t know (what|where|how)|no idea|scared|afraid|imposter|doubt)\b/, 4],
    [/\bhelp\b/, 1],
  ]),
  answer: (f) => {
    const open = f.phase.tasks.filter((t) => !f.done.has(t.id));
    const smallest = [...open].sort((a, b) => a.hours - b.hours)[0] ?? f.open[0];
    if (!smallest) return ['Everything in the plan is done — the stuck feeling now is usually "what next": run the monthly review.'];
    const pitfall = f.vary('stuck-pitfall', f.phase.pitfalls.length ? f.phase.pitfalls : ['Waiting to feel ready is the most common way plans stall.']);
    return [
      f.vary('stuck-open', ['Shrink the next step until it is obviously doable.', 'Stuck usually means the next step is too big or too vague.', 'Everyone stalls here; momentum comes from one small finished thing.']),
      `- Smallest open task in "${f.phase.title}": ${ref(smallest)}, ~${smallest.hours} h. First move: ${sentences(smallest.details)[0]}`,
      `- Book ${Math.min(smallest.hours, 2)} h for it in your calendar this week, like a client call.`,
      `- Watch out: ${pitfall}`,
    ];
  },
};

export const timeline: Intent = {
  id: 'timeline',
  score: ({ text }) => cues(text, [
    [/\b(when (can|will|could|should) (i|we) (launch|open|go live|start)|launch (date|by|before|in)|how long|timeline|deadline|how many weeks|realistic date|ready by|open (by|before|in))\b/, 5],
    [/\b(launch|open|go live)\b.*\b(christmas|xmas|new year|summer|jan\w*|feb\w*|march|april|may|june|july|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|\d{4}-\d{2}-\d{2}|in \d+ (weeks?|months?))\b/, 4],
    [/\b(possible|feasible|doable|realistic)\b/, 1],
  ]),
  answer: (f) => {
    const target = targetDayIn(f.text, f.today);
    const now = finishDate(f, f.hoursPerWeek);
    if (!target) {
      return [
        f.vary('timeline-open', [`At ${f.hoursPerWeek} h/week the ${f.hoursToLaunch} hours before launch take ${plural(now.weeks, 'week')}: doors open around **${now.date}**.`, `Your launch, at the current pace: **${now.date}** (${f.hoursToLaunch} h left before launch ÷ ${f.hoursPerWeek} h/week = ${plural(now.weeks, 'week')}).`]),
        `- Your target: ${f.launchDate}${now.date <= f.launchDate ? ' — you fit.' : ` — ${plural(Math.round(daysBetween(f.launchDate, now.date) / 7), 'week')} short at this pace.`}`,
        `- Founding round first: it can open ~2 weeks earlier, ${addDays(now.date, -14)}.`,
        'Ask me "could I launch by <date>?" and I will work out the hours it takes.',
      ];
    }
    const weeks = Math.max(0, Math.floor(daysBetween(f.today, target) / 7));
    if (weeks === 0) return [`${target} is less than a week away: that is too soon for ${f.hoursToLaunch} h of work. Open a founding round to your warmest followers instead, and set the public launch at ${now.date}.`];
    const need = Math.ceil(f.hoursToLaunch / weeks);
    const ok = need <= f.hoursPerWeek;
    // The founding round can open before everything else: the open work up to its task.
    const foundingTask = f.tasks.find((t) => /found/i.test(t.title));
    const upTo = foundingTask ? f.tasks.slice(0, f.tasks.indexOf(foundingTask) + 1).filter((t) => !f.done.has(t.id)) : [];
    const foundingHours = sum(upTo.map((t) => t.hours));
    const out = [
      f.vary('timeline-target', [`${target} is ${plural(weeks, 'week')} away; ${f.hoursToLaunch} hours before launch need **${need} h/week** (you have ${f.hoursPerWeek}).`, `To launch by ${target} (${plural(weeks, 'week')}): ${f.hoursToLaunch} h ÷ ${weeks} = **${need} h/week**, against your ${f.hoursPerWeek}.`]),
      ok ? `- Yes, that fits your hours; at ${f.hoursPerWeek} h/week you finish around ${now.date}.` : `- Not at ${f.hoursPerWeek} h/week: that pace gets you to ${now.date}.`,
    ];
    if (!ok) {
      out.push(need <= f.hoursPerWeek * 1.5
        ? `- Close: add ${need - f.hoursPerWeek} h/week, or trim the biggest build tasks to a first version.`
        : foundingTask && foundingHours <= weeks * f.hoursPerWeek
          ? `- Instead: by ${target}, reach ${ref(foundingTask)} (${foundingHours} h of open work, which fits) and pre-sell founding seats; launch publicly around ${now.date}.`
          : `- Instead: use the time for validation${foundingTask ? ` (${foundingHours} h to reach ${ref(foundingTask)})` : ''}, and launch publicly around ${now.date}.`);
    }
    return out;
  },
};
