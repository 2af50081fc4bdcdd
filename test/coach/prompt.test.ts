// The Claude request: the rendered system prompt (both blocks), the conversation, the request body.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requestBody } from '../../src/coach/claude.js';
import {
  buildConversation,
  buildSystemPrompt,
  systemPromptText,
  windowStart,
  type HistoryMessage,
  type PromptDecision,
  type PromptInput,
} from '../../src/coach/prompt.js';
import { personalise, type ProfileForPlan } from '../../src/plan/personalise.js';
import type { Template } from '../../src/plan/schema.js';
import { parseTemplate } from '../../src/plan/templates.js';
import { doubledWords } from '../../src/util/text.js';

const raw = JSON.parse(readFileSync(join(import.meta.dirname, '../../templates/premium-community.json'), 'utf8'));
const template = parseTemplate(raw, 'premium-community.json');
const profile: ProfileForPlan = {
  displayName: 'Jane', niche: 'vegan baking', platforms: [{ platform: 'Instagram', followers: 45000, engagementRate: 3.2 }, { platform: 'YouTube', followers: 12000, engagementRate: null }],
  totalAudience: 57000, currentMonthlyIncomeUSD: 800, incomeGoalUSD: 5000, hoursPerWeek: 6, experienceLevel: 'beginner',
};
const now = new Date('2026-11-25T12:00:00Z');
const decisions: PromptDecision[] = [
  { category: 'pricing', decision: 'charge $29', value: '29 USD/month', rationale: 'because students can afford it', tier: 'regular' },
  { category: 'pricing', decision: 'founding $19', value: '19 USD/month', rationale: 'it rewards the first believers', tier: 'founding' },
  { category: 'platform', decision: 'Skool', value: 'Skool', rationale: null, tier: null },
];

function input(t: Template = template, over: Partial<PromptInput> & { profile?: Partial<ProfileForPlan> } = {}): PromptInput {
  const p = { ...profile, ...over.profile };
  const { plan } = personalise(t, p, now);
  return {
    projectTitle: plan.opportunity.title, targetLaunchDate: '2027-03-01', done: new Set(), decisions, today: '2026-11-25',
    ...over,
    profile: { ...p, goals: 'quit my day job', platforms: p.platforms.map((x) => ({ ...x, engagementRate: x.engagementRate ?? null })) },
    plan,
  };
}
const render = (i: PromptInput) => systemPromptText(buildSystemPrompt(i));
/** Every task of the phases before phase `p` is done, so phase p is the current one. */
const doneBefore = (p: number) => new Set(template.phases.slice(0, p).flatMap((ph) => ph.tasks.map((t) => t.id)));

describe('system prompt', () => {
  const prompt = buildSystemPrompt(input());
  const text = systemPromptText(prompt);

  it('splits into a stable block (role, profile, plan) and a volatile one (date, progress, decisions)', () => {
    expect(prompt.stable).toMatch(/^You are an expert, candid business coach for online creators\. You are coaching Jane to launch their paid premium community\./);
    expect(prompt.stable).toMatch(/- Instagram: 45,000 followers, 3\.2% engagement/);
    expect(prompt.stable).toContain('- Their goals, in their words: quit my day job');
    expect(prompt.stable).not.toMatch(/2026-11-25|Progress|Decisions recorded/);
    expect(prompt.volatile).toMatch(/^## Today: 2026-11-25; target launch 2027-03-01 \(in 14 weeks\)/);
    expect(prompt.volatile).toContain('- Progress: 0/22 tasks (0%); P1 0/9, P2 0/4, P3 0/5, P4 0/4');
    // the stable block does not change with progress inside a phase, or with decisions and the date
    const later = buildSystemPrompt(input(template, { done: new Set(['t1', 't2']), decisions: [], today: '2026-12-20' }));
    expect(later.stable).toBe(prompt.stable);
    expect(later.volatile).not.toBe(prompt.volatile);
  });

  it('tells Claude the app records decisions and ticks tasks, so it never sends them to a command', () => {
    expect(prompt.stable).toMatch(/decisions they state .* are recorded, tasks they say they have finished are ticked off, and business numbers they state .* are offered to them to record/);
    expect(prompt.stable).toMatch(/never tell them to run a command or tick a box to record a decision, a finished task or a number/);
    expect(text).not.toMatch(/coach tasks done|`coach /);
  });

  it('summarises all four phases: the current one in full, the others as titles and task titles', () => {
    for (const [p, phase] of template.phases.entries()) {
      const i = input(template, { done: doneBefore(p) });
      const s = buildSystemPrompt(i).stable;
      expect(s).toContain(`## Current phase in full: ${phase.id.toUpperCase()} ${phase.title}`);
      const plan = i.plan;
      for (const other of plan.phases) {
        for (const task of other.tasks) {
          expect(s, `${phase.id}: ${task.id}`).toContain(`${task.id} ${task.title}`);
          if (other.id === phase.id) expect(s).toContain(task.details);
          else expect(s).not.toContain(task.details);
        }
      }
    }
    // "what do I post at launch?" can be answered in phase 1: the launch tasks are named
    expect(prompt.stable).toMatch(/P3 Founding beta & pre-launch \(weeks \d+–\d+\): .*t16 Plan the launch content for your main platforms; t17 /);
  });

  it('gives the go/no-go thresholds and the personalised launch notes', () => {
    expect(prompt.stable).toContain('- Checkpoint, paid founding members: go at 10 or more, no-go below 5');
    expect(prompt.stable).toContain('- Checkpoint, share of the waitlist that paid: go at 10% or more, no-go below 5%');
    const p3 = buildSystemPrompt(input(template, { done: doneBefore(2) })).stable;
    expect(p3).toMatch(/t16 Plan the launch content .*On Instagram: .*On YouTube: /);
  });

  it('lists decisions with their tier and a single "because"', () => {
    expect(prompt.volatile).toContain('- pricing: 29 USD/month because students can afford it');
    expect(prompt.volatile).toContain('- pricing (founding): 19 USD/month because it rewards the first believers');
    expect(prompt.volatile).toMatch(/^- platform: Skool$/m);
    const none = buildSystemPrompt(input(template, { decisions: [] })).volatile;
    expect(none).toContain('- None yet: pricing, platform, structure, timeline, content are still open.');
  });

  it('has no empty section and says what the profile lacks instead of "not given"', () => {
    const bare = render(input(template, { profile: { niche: null, platforms: [], totalAudience: 0, currentMonthlyIncomeUSD: null, incomeGoalUSD: null, hoursPerWeek: null, experienceLevel: null } }));
    for (const t of [text, bare]) {
      const lines = t.split('\n');
      lines.forEach((line, i) => {
        if (line.startsWith('## ')) expect(lines[i + 1]?.trim(), `empty section: ${line}`).toBeTruthy();
        if (line.startsWith('## ')) expect(lines[i + 1]?.startsWith('## '), `empty section: ${line}`).toBe(false);
      });
      expect(t.match(/not given|: \n|: $|undefined|null|NaN|\{\w+\}/m)?.[0] ?? null).toBeNull();
      expect(t).not.toMatch(/not given|: \n|: $|undefined|null|NaN|\{\w+\}/m);
    }
    expect(bare).toContain('- Not in their profile yet: niche, audience platforms and follower counts, current income, income goal, hours per week');
    expect(bare).not.toMatch(/(?<![\d,])0 followers|already trust you|\b0 ×|~0 members/);
  });

  it('has no doubled words with the shipped template, in any phase', () => {
    for (let p = 0; p < template.phases.length; p++) expect(doubledWords(render(input(template, { done: doneBefore(p) })))).toEqual([]);
  });
});

// ── no doubled words wherever a template field is spliced in ────────────────────────────────

/** Every string in the template with its path, e.g. ['phases', 0, 'tasks', 3, 'title']. */
function stringFields(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; value: string }[] {
  if (typeof value === 'string') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringFields(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringFields(v, [...path, k]));
  return [];
}
function withField(path: (string | number)[], value: string): Template {
  const copy = structuredClone(raw);
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key];
  at[path.at(-1)!] = value;
  return parseTemplate(copy, 'variant.json');
}
const WORD_BEFORE = /([\p{L}']+)\s+$/u;
const WORD_AFTER = /^\s+([\p{L}']+)/u;

describe('every template field, spliced in, reads without a doubled word', () => {
  // A field's text is found in the rendered prompt (with the phase holding it as the current
  // phase); the variant repeats the word just before it and the word just after it inside the
  // field ("their" + "their Paid premium community") — the prompt must not read "their their".
  const fields = stringFields(raw).filter(({ path, value }) => value.length >= 3 && !path.some((k) => ['id', 'keywords', 'unit', 'taskIds', 'period'].includes(String(k))) && !(path[0] === 'decisionPoints' && path.at(-1) === 'category'));
  const phaseOf = (path: (string | number)[]) => (path[0] === 'phases' ? Number(path[1]) : 0);
  const baseline = template.phases.map((_, p) => render(input(template, { done: doneBefore(p) })));

  it('covers the template: most fields are rendered, and none doubles a word at its seams', () => {
    let rendered = 0;
    const failures: string[] = [];
    for (const { path, value } of fields) {
      const p = phaseOf(path);
      const text = baseline[p]!;
      const at = text.indexOf(value);
      if (at < 0) continue; // not in the prompt (decision questions and options, keywords, other platforms' notes…)
      rendered++;
      const before = WORD_BEFORE.exec(text.slice(0, at))?.[1];
      const after = WORD_AFTER.exec(text.slice(at + value.length))?.[1];
      if (!before && !after) continue;
      const variant = `${before ? `${before} ` : ''}${value}${after ? ` ${after}` : ''}`;
      const out = render(input(withField(path, variant), { done: doneBefore(p) }));
      const doubled = doubledWords(out);
      if (doubled.length) failures.push(`${path.join('.')}: ${doubled.join(', ')}`);
    }
    expect(failures.slice(0, 15)).toEqual([]);
    expect(rendered).toBeGreaterThan(150);
  });

  it('also for profile values and decision rationales', () => {
    const out = render(input(template, {
      profile: { displayName: 'Coaching Jane', niche: 'their vegan baking' },
      decisions: [{ category: 'pricing', decision: 'x', value: '29 USD/month', rationale: 'because because it is fair', tier: 'annual' }],
    }));
    expect(doubledWords(out.replace('because because it is fair', ''))).toEqual([]);
    expect(out).toContain('You are coaching Jane to launch'); // "coaching Coaching Jane" is spliced to one word
    expect(out).toContain('- pricing (annual): 29 USD/month because because it is fair'); // the creator's own words stay theirs
  });
});

// ── the conversation ────────────────────────────────────────────────────────────────────────

const msg = (role: 'user' | 'assistant', content: string, extra: Partial<HistoryMessage> = {}): HistoryMessage => ({ role, content, status: 'complete', model: role === 'assistant' ? 'claude-sonnet-4-6' : null, ...extra });

describe('conversation', () => {
  it('moves the welcome into the system prompt instead of inventing a user turn', () => {
    const c = buildConversation([msg('assistant', 'Welcome, Jane!'), msg('user', 'hi')]);
    expect(c.messages).toEqual([{ role: 'user', content: 'hi' }]);
    expect(c.opening).toEqual({ content: 'Welcome, Jane!', offline: false });
    expect(c.omitted).toBe(0);
    const s = buildSystemPrompt(input(template, { opening: c.opening })).stable;
    expect(s).toMatch(/## The welcome they saw when the project started\nYou wrote this welcome; they have read it:\nWelcome, Jane!$/);
    expect(buildSystemPrompt(input()).stable).not.toContain('The welcome they saw');
  });

  it('sums up an offline welcome and offline replies in one line each: they are not Claude’s words', () => {
    const long = `**Welcome to your plan, Jane**\n${'- a line of the offline answer\n'.repeat(30)}`;
    const c = buildConversation([msg('assistant', long, { model: 'offline-coach' }), msg('user', 'a'), msg('assistant', long, { model: 'offline-coach' }), msg('user', 'b')]);
    expect(c.opening).toEqual({ content: long.trim(), offline: true });
    expect(c.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(c.messages[1]!.content).toBe('[The app\'s offline coach answered this (built-in rules, not you): "Welcome to your plan, Jane" (31 lines, not repeated here)]');
    const s = buildSystemPrompt(input(template, { opening: c.opening })).stable;
    expect(s).toContain('[The app\'s offline coach (built-in rules, not you) welcomed them: "Welcome to your plan, Jane" (31 lines, not repeated here)]');
    expect(s).not.toContain('a line of the offline answer');
  });

  it('leaves out assistant turns a cut window starts with, and counts them; never a filler turn', () => {
    const c = buildConversation([msg('assistant', 'old reply'), msg('assistant', 'another'), msg('user', 'q'), msg('assistant', 'r')], 10);
    expect(c).toEqual({ messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'r' }], opening: null, omitted: 12 });
    expect(buildSystemPrompt(input(template, { omitted: c.omitted })).volatile).toMatch(/\(12 earlier chat messages are not included below\.\)$/);
    expect(buildSystemPrompt(input()).volatile).not.toContain('earlier chat messages');
    expect(JSON.stringify(c)).not.toMatch(/omitted\.|Continue coaching/i);
  });

  it('keeps turns alternating, joins same-role turns, marks cut-off replies, skips empty ones', () => {
    const c = buildConversation([
      msg('user', 'a'), msg('user', 'b'), msg('assistant', 'half', { status: 'interrupted' }), msg('assistant', '', { status: 'error' }), msg('user', 'c'),
    ]);
    expect(c.messages).toEqual([
      { role: 'user', content: 'a\n\nb' },
      { role: 'assistant', content: 'half\n\n[reply cut off]' },
      { role: 'user', content: 'c' },
    ]);
  });

  it('a retried reply replaces the cut-off one it follows instead of being glued to it', () => {
    const c = buildConversation([
      msg('user', 'plan my week'), msg('assistant', 'part1 part2', { status: 'interrupted' }), msg('assistant', 'Here is your week.'), msg('user', 'thanks'),
    ]);
    expect(c.messages).toEqual([
      { role: 'user', content: 'plan my week' },
      { role: 'assistant', content: 'Here is your week.' },
      { role: 'user', content: 'thanks' },
    ]);
  });

  it('moves the window in steps so consecutive requests share their first messages (cache hits)', () => {
    for (let total = 0; total <= 300; total++) {
      const start = windowStart(total, 30);
      expect(start % 20).toBe(0);
      expect(total - start).toBeGreaterThanOrEqual(Math.min(total, 30));
      expect(total - start).toBeLessThan(50);
    }
    // one window start for ten turns (twenty messages) in a row
    expect(new Set(Array.from({ length: 20 }, (_, i) => windowStart(50 + i, 30))).size).toBe(1);
  });
});

describe('request body', () => {
  it('caches the stable block and the conversation up to the last message; sends no temperature', () => {
    const system = buildSystemPrompt(input());
    const body = requestBody({ model: 'claude-sonnet-4-6', maxTokens: 1000, system, messages: [{ role: 'user', content: 'a' }, { role: 'assistant', content: 'b' }, { role: 'user', content: 'c' }] });
    expect(body.system).toEqual([
      { type: 'text', text: system.stable, cache_control: { type: 'ephemeral' } },
      { type: 'text', text: system.volatile },
    ]);
    expect(body.messages).toEqual([
      { role: 'user', content: 'a' },
      { role: 'assistant', content: 'b' },
      { role: 'user', content: [{ type: 'text', text: 'c', cache_control: { type: 'ephemeral' } }] },
    ]);
    expect(body).not.toHaveProperty('temperature');
    expect(body.stream).toBe(true);
  });
});
