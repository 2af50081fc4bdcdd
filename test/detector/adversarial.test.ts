// 100 KB hostile inputs: the detector must give the right answer on them (timing is measured in
// bench/detector.js, not here). Each input targets a way regex or quadratic detectors blow up.
import { describe, expect, it } from 'vitest';
import { detect } from '../../src/detector/index.js';
import type { Detection } from '../../src/detector/types.js';
import { templatePlan } from './helpers.js';

const plan = templatePlan();
const KB100 = 100_000;
const fill = (unit: string, bytes = KB100): string => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
const summary = (r: Detection) => ({
  decisions: r.decisions.filter((d) => d.confidence === 'high').map((d) => `${d.category}: ${d.value}`),
  tasks: r.taskCompletions.filter((c) => c.confidence === 'high').map((c) => c.taskId),
});
const nothing = { decisions: [], tasks: [] };

describe('adversarial 100 KB inputs', () => {
  it.each([
    ['a digit run', fill('9')],
    ['repeated $', fill('$')],
    ['$1$1$1…', fill('$1')],
    ['$$$29$$$…', fill('$$$29')],
    ['SkoSkoSko… (one long word)', fill('Sko')],
    ['Sko Sko Sko …', fill('Sko ')],
    ['Skool Skool … (a name, no choice)', fill('Skool ')],
    ['because because …', fill('because ')],
    ['dots', fill('.')],
    ['commas', fill(',')],
    ['question marks', fill('?')],
    ['e.g. e.g. …', fill('e.g. ')],
    ['emoji', fill('🙄')],
    ['hyphens and apostrophes', fill("a-b'c ")],
    ['line breaks', fill('\n')],
    ['words without punctuation', fill('lorem ipsum dolor sit amet ')],
    ['a 100 KB single word', 'x'.repeat(KB100)],
  ])('%s: nothing', (_name, text) => {
    expect(text.length).toBeGreaterThanOrEqual(KB100 - 1);
    expect(summary(detect(text, plan))).toEqual(nothing);
  });

  it('one giant sentence without punctuation: each decision once', () => {
    const text = fill("i'll charge 29 dollars a month on skool and launch in 6 weeks with weekly live calls ");
    expect(summary(detect(text, plan)).decisions.sort()).toEqual([
      'content: weekly live calls',
      'platform: Skool',
      'pricing: 29 USD/month',
      'timeline: launch in 6 weeks',
    ]);
  });

  it('the same decision repeated: one decision', () => {
    const r = detect(fill("I'll charge $29/month. "), plan);
    expect(r.decisions).toHaveLength(1);
    expect(r.decisions[0]).toMatchObject({ category: 'pricing', value: '29 USD/month', confidence: 'high' });
  });

  it('a real decision after 100 KB of filler is still found, with its reason', () => {
    const text = `${fill('blah ')} I've decided to charge $29/month because my audience is students.`;
    expect(detect(text, plan).decisions).toMatchObject([
      { category: 'pricing', value: '29 USD/month', confidence: 'high', rationale: 'because my audience is students' },
    ]);
  });

  it('a real decision after 100 KB of name prefixes and before nested reasons', () => {
    const text = `${fill('Sko')}. Skool it is, because ${fill('because ', 50_000)}`;
    const [d] = detect(text, plan).decisions;
    expect(d).toMatchObject({ category: 'platform', value: 'Skool', confidence: 'high' });
    expect(d!.rationale!.startsWith('because because')).toBe(true);
    expect(d!.rationale!.length).toBeLessThanOrEqual(301);
  });

  it('repeated negations and completions', () => {
    expect(summary(detect(fill('not Discord, not Slack — Skool. Done with task 7 and t8 and #9. '), plan))).toEqual({
      decisions: ['platform: Skool'],
      tasks: ['t7', 't8', 't9'],
    });
    expect(summary(detect(fill("I've finished the sales page and the waitlist and the welcome video and "), plan)).tasks.sort()).toEqual([
      't13',
      't6',
      't9',
    ]);
  });

  it('hostile questions and negations stay below high however often they repeat', () => {
    expect(summary(detect(fill('should I use Discord or Skool? '), plan))).toEqual(nothing);
    expect(summary(detect(fill("I won't use Patreon and definitely not Skool. "), plan))).toEqual(nothing);
  });
});
