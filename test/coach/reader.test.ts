// The second reader's pure half: what it shows the model, and how strictly it reads the answer.
import { describe, expect, it } from 'vitest';
import { extractJson, parseReaderAnswer, readerPrompt, READER_MAX_PROPOSALS, type ReaderContext } from '../../src/coach/reader.js';
import { decisionCommand, shellWord, suggestionLine, taskCommand } from '../../src/cli/suggestions.js';
import type { DetectedDecision } from '../../src/detector/types.js';
import { namesOnlyTools } from '../../src/detector/platforms.js';

const ctx = (over: Partial<ReaderContext> = {}): ReaderContext => ({
  message: 'Founding members get $15/month for life. I finished the welcome video yesterday, and the Discord is live.',
  today: '2026-12-06',
  targetLaunchDate: '2027-03-14',
  tasks: [
    { id: 't4', title: 'Set your price and membership tiers', done: false },
    { id: 't7', title: 'Set up the community space', done: true },
    { id: 't9', title: 'Build the onboarding flow', done: false },
  ],
  activeDecisions: [{ category: 'pricing', value: '29 USD/month' }],
  detected: { decisions: [], completions: [] },
  ...over,
});
const json = (v: unknown) => JSON.stringify(v);

describe('readerPrompt', () => {
  it('shows the tasks (with done marks), the active decisions, what the rules found, then the message', () => {
    const p = readerPrompt(ctx({ detected: { decisions: [{ category: 'platform', value: 'Discord', recorded: true }], completions: [{ taskId: 't9', recorded: false }] } }));
    expect(p).toBe([
      'Today is Sunday 2026-12-06; the target launch date is 2027-03-14.',
      '<plan_tasks>\nt4: Set your price and membership tiers\nt7 (done): Set up the community space\nt9: Build the onboarding flow\n</plan_tasks>',
      '<active_decisions>\npricing (regular): 29 USD/month\n</active_decisions>',
      '<rules_found_in_this_message>\nplatform: Discord (recorded)\nt9 finished (suggested)\n</rules_found_in_this_message>',
      `<creator_message>\n${ctx().message}\n</creator_message>`,
    ].join('\n\n'));
  });

  it('says so when there is nothing yet', () => {
    const p = readerPrompt(ctx({ activeDecisions: [], targetLaunchDate: null }));
    expect(p.split('\n')[0]).toBe('Today is Sunday 2026-12-06; the target launch date is not set.');
    expect(p).toContain('<active_decisions>\n(none)\n</active_decisions>');
    expect(p).toContain('<rules_found_in_this_message>\n(nothing)\n</rules_found_in_this_message>');
  });
});

describe('extractJson', () => {
  it('reads a bare object, a fenced one, and one amid prose', () => {
    expect(extractJson('{"a":1}')).toEqual({ a: 1 });
    expect(extractJson('Here you go:\n```json\n{"a":2}\n```\nDone.')).toEqual({ a: 2 });
    expect(extractJson('Sure! {"a":3} Hope that helps.')).toEqual({ a: 3 });
  });
  it('gives undefined for anything else', () => {
    for (const bad of ['', 'no json here', '{"a":', '{a:1}', '} {', '```json\n[1,2]\n```']) expect(extractJson(bad)).toBeUndefined();
  });
});

describe('parseReaderAnswer', () => {
  it('drops a platform proposal that names only a payment or email tool (Stripe Tax, Stripe Checkout, Kit forms)', () => {
    const message = 'Stripe Tax handles the VAT, Stripe Checkout takes the money, Kit forms collect the waitlist, and the members hang out on Geneva.';
    const decisions = ['Stripe Tax', 'Stripe Checkout', 'Kit forms', 'Geneva'].map((value) => ({ category: 'platform', value, quote: message.slice(0, 40) }));
    const out = parseReaderAnswer(json({ decisions }), ctx({ message }));
    expect(out.decisions.map((d) => d.value)).toEqual(['Geneva']);
    expect(out.dropped).toBe(3);
  });

  it('knows a tool from a place for the community', () => {
    for (const v of ['Stripe Tax', 'stripe checkout', 'Kit forms', 'Lemon Squeezy', 'ConvertKit']) expect(namesOnlyTools(v), v).toBe(true);
    for (const v of ['Skool', 'Circle + Stripe', 'Kitchen Table', 'Discord server']) expect(namesOnlyTools(v), v).toBe(false);
  });

  it('keeps well-formed proposals quoted from the message, as medium-confidence findings', () => {
    const out = parseReaderAnswer(json({
      decisions: [{ category: 'pricing', value: '15 USD/month', quote: 'Founding members get $15/month for life', rationale: '  thank the first\n members ' }],
      completions: [{ taskId: 't9', quote: 'I finished the welcome video yesterday' }],
    }), ctx());
    expect(out).toEqual({
      decisions: [{ category: 'pricing', tier: 'regular', value: '15 USD/month', decision: 'Founding members get $15/month for life', confidence: 'medium', rationale: 'thank the first members', relatedTaskId: null }],
      completions: [{ taskId: 't9', confidence: 'medium', evidence: 'I finished the welcome video yesterday' }],
      dropped: 0,
    });
  });

  it('matches quotes regardless of case, spacing and curly quotes', () => {
    const message = 'We’re going with   Circle —\nfinal answer';
    const out = parseReaderAnswer(json({ decisions: [{ category: 'platform', value: 'Circle', quote: "we're going with circle - final answer" }] }), ctx({ message }));
    expect(out.decisions.map((d) => d.value)).toEqual(['Circle']);
  });

  it('drops everything from malformed or mis-shaped JSON', () => {
    for (const bad of ['', 'I found nothing.', '{"decisions": [', json({ decisions: 'pricing' }), json([{ category: 'pricing' }]), json(null)]) {
      expect(parseReaderAnswer(bad, ctx())).toEqual({ decisions: [], completions: [], dropped: 0 });
    }
  });

  it('treats missing arrays as empty', () => {
    expect(parseReaderAnswer('{}', ctx())).toEqual({ decisions: [], completions: [], dropped: 0 });
    expect(parseReaderAnswer(json({ completions: [{ taskId: 't4', quote: 'Founding members get' }] }), ctx()).completions).toHaveLength(1);
  });

  it('drops invalid categories, unknown or done tasks, unquoted words, empty values and wrong types, one by one', () => {
    const out = parseReaderAnswer(json({
      decisions: [
        { category: 'audience', value: 'x', quote: 'Founding members' },
        { category: 'pricing', value: '99 USD/month', quote: 'I will charge $99' },
        { category: 'pricing', value: '   ', quote: 'Founding members' },
        { category: 'pricing', value: 15, quote: 'Founding members' },
        { category: 'platform', value: 'Discord', quote: 'the' },
        'pricing: 15',
        { category: 'platform', value: 'Discord', quote: 'the Discord is live' },
      ],
      completions: [
        { taskId: 't99', quote: 'the Discord is live' },
        { taskId: 't7', quote: 'the Discord is live' },
        { taskId: 'T9 ', quote: 'welcome video' },
        { taskId: 't9', quote: 'I recorded the welcome video' },
        { taskId: 't9' },
      ],
    }), ctx());
    expect(out.decisions.map((d) => d.value)).toEqual(['Discord']);
    expect(out.completions).toEqual([]);
    expect(out.dropped).toBe(11);
  });

  it('drops what the creator already decided, what the rules found, and repeats within the answer', () => {
    const c = ctx({ detected: { decisions: [{ category: 'platform', value: 'Discord', recorded: true }], completions: [{ taskId: 't9', recorded: false }] } });
    const out = parseReaderAnswer(json({
      decisions: [
        { category: 'pricing', value: '29 usd/month', quote: 'Founding members' },
        { category: 'platform', value: 'discord', quote: 'the Discord is live' },
        { category: 'pricing', value: '15 USD/month', quote: 'Founding members get $15/month' },
        { category: 'pricing', value: '15  usd/month', quote: '$15/month for life' },
      ],
      completions: [{ taskId: 't9', quote: 'welcome video' }],
    }), c);
    expect(out.decisions.map((d) => d.value)).toEqual(['15 USD/month']);
    expect(out.completions).toEqual([]);
    expect(out.dropped).toBe(4);
  });

  it('gives pricing proposals a tier (regular when none is named) and compares tiers before values', () => {
    const c = ctx({ activeDecisions: [{ category: 'pricing', value: '29 USD/month', tier: 'regular' }, { category: 'platform', value: 'Discord', tier: null }] });
    const out = parseReaderAnswer(json({
      decisions: [
        { category: 'pricing', tier: 'founding', value: '15 USD/month', quote: 'Founding members get $15/month for life' },
        { category: 'pricing', value: '29 USD/month', quote: 'Founding members get' }, // no tier: the regular price, already active
        { category: 'pricing', tier: 'annual', value: '29 USD/month', quote: 'Founding members get' }, // another tier: new
        { category: 'pricing', tier: 'lifetime', value: '99 USD', quote: 'Founding members get' }, // not a tier
        { category: 'platform', tier: 'founding', value: 'Circle', quote: 'the Discord is live' }, // a tier means nothing here
      ],
    }), c);
    expect(out.decisions.map((d) => [d.category, d.tier, d.value])).toEqual([
      ['pricing', 'founding', '15 USD/month'], ['pricing', 'annual', '29 USD/month'], ['platform', null, 'Circle'],
    ]);
    expect(out.dropped).toBe(2);
    expect(readerPrompt(c)).toContain('<active_decisions>\npricing (regular): 29 USD/month\nplatform: Discord\n</active_decisions>');
  });

  it(`keeps at most ${READER_MAX_PROPOSALS} of each kind`, () => {
    const message = 'a1 a2 a3 a4 a5';
    const decisions = [1, 2, 3, 4, 5].map((i) => ({ category: 'content', value: `v${i}`, quote: `a${i}` }));
    const out = parseReaderAnswer(json({ decisions }), ctx({ message: message.replace(/a(\d)/g, 'word$1 a$1') }));
    expect(out.decisions).toHaveLength(0); // quotes shorter than 3 characters carry nothing
    const long = [1, 2, 3, 4, 5].map((i) => ({ category: 'content', value: `v${i}`, quote: `post number ${i}` }));
    const out2 = parseReaderAnswer(json({ decisions: long }), ctx({ message: [1, 2, 3, 4, 5].map((i) => `post number ${i}`).join('; ') }));
    expect(out2.decisions.map((d) => d.value)).toEqual(['v1', 'v2', 'v3']);
    expect(out2.dropped).toBe(2);
  });
});

describe('the commands that accept a suggestion', () => {
  it('quote for the shell only when needed, and safely', () => {
    expect(shellWord('Skool')).toBe('Skool');
    expect(shellWord('29 USD/month')).toBe('"29 USD/month"');
    expect(shellWord('$29/month')).toBe("'$29/month'");
    expect(shellWord("it's `rm` \"x\"")).toBe(`'it'\\''s \`rm\` "x"'`);
  });

  it('name the category, value, task and an explicit profile', () => {
    const d: DetectedDecision = { category: 'pricing', tier: null, value: '29 USD/month', decision: 'x', confidence: 'medium', rationale: null, relatedTaskId: null };
    expect(decisionCommand(d, null)).toBe('coach decisions add --category pricing "29 USD/month"');
    expect(decisionCommand(d, 'studio')).toBe('coach --profile studio decisions add --category pricing "29 USD/month"');
    expect(decisionCommand({ ...d, tier: 'founding' }, null)).toBe('coach decisions add --category pricing --tier founding "29 USD/month"');
    expect(decisionCommand({ ...d, tier: 'regular' }, null)).toBe('coach decisions add --category pricing "29 USD/month"');
    expect(taskCommand({ taskId: 't4', confidence: 'medium', evidence: 'x' }, null)).toBe('coach tasks done t4');
    expect(suggestionLine({ source: 'rules', kind: 'task', taskId: 't4', title: null, quote: 'x', command: 'coach tasks done t4' }))
      .toBe('sounds like t4 is done — to mark it: coach tasks done t4');
  });
});
