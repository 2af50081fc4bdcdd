import { describe, expect, it } from 'vitest';
import { detect } from '../../src/detector/index.js';
import { smallPlan, templatePlan } from './helpers.js';

const plan = templatePlan();
const done = (text: string, p = plan): string[] =>
  detect(text, p)
    .taskCompletions.filter((c) => c.confidence === 'high')
    .map((c) => c.taskId)
    .sort();
const any = (text: string, p = plan) => detect(text, p).taskCompletions;

describe('task completions (shipped template)', () => {
  it.each([
    ["I've set up the Skool group", ['t7']],
    ['finished the pricing page', ['t13']],
    ['done with task 7', ['t7']],
    ['t7 is done', ['t7']],
    ['just published the sales page 🙌', ['t13']],
    ['Task 12 ✅', ['t12']],
    ['t3 and t4 done', ['t3', 't4']],
    ['tasks 9 and 10 are finished', ['t10', 't9']],
    ['Checked off #6 and #8 today', ['t6', 't8']],
    ['The waitlist is live! 43 signups', ['t6']],
    ['Recorded the welcome video and wrote the start here post', ['t9']],
    ['Wrote the community rules and the refund policy', ['t12']],
    ['knocked out the community guidelines', ['t9']],
    ['Pre-sale is done: 14 founding members paid the first month', ['t14']],
    ['Go/no-go done: 13 paid, we are building it', ['t8']],
    ['Set up my mailing list and the signup form is in my bio', ['t3']],
    ['Ran my first discovery calls this week', ['t2']],
    ['Studied 4 paid communities in my niche', []],
    ['Opened the doors today!!!', ['t18']],
    ['Drafted the launch email sequence', ['t17']],
    ['Organised the community into channels last night', ['t7']],
    ['My Discord server is set up and the channels are organised', ['t7']],
    ['Survey results are in — 74% want weekly calls', ['t2']],
    ['Wrapped up the founding beta, the feedback was great', ['t15']],
    ['I set my price: $45/month.', ['t4']],
  ])('%s → %j', (text, ids) => {
    expect(done(text)).toEqual(ids);
  });

  it('gives the evidence sentence', () => {
    expect(any('Big day. I finished the sales page!')).toEqual([{ taskId: 't13', confidence: 'high', evidence: 'I finished the sales page!' }]);
  });

  it('does not take the future, plans, questions or negations as done', () => {
    for (const text of [
      'I will set up the Discord server tomorrow',
      "I'll finish the welcome sequence after the weekend",
      'I need to write the sales page this weekend',
      'Going to record the first module tomorrow',
      'The sales page will be done by Friday',
      'Have you seen my waitlist page? Is it good?',
      'Should I finish the sales page before the waitlist?',
      'Did I set up Stripe right?',
      "I haven't written the launch emails yet",
      'Not done with the channels yet',
      'ugh still haven\'t picked a platform',
      'Once I\'ve finished the sales page I\'ll start on the emails',
      'When I set up the Circle community last year it took forever',
      "I've decided to charge $29/month for the community",
      'Locked in the founding price: $19/month',
    ]) {
      expect(done(text), text).toEqual([]);
    }
  });

  it('holds "almost", "halfway" and "started" to low at most', () => {
    for (const text of ['Almost done with the sales page', 'Halfway through recording the course modules', 'I started the onboarding flow']) {
      for (const c of any(text)) expect(c.confidence, text).toBe('low');
    }
  });

  it('does not let a YouTube channel pass for community channels', () => {
    expect(done('I launched my YouTube channel 3 years ago')).toEqual([]);
  });
});

describe('task completions (any plan)', () => {
  it('matches titles and keywords of the plan it is given', () => {
    expect(done('finished the sales copy', smallPlan)).toEqual(['t4']);
    expect(done('recorded the welcome video', smallPlan)).toEqual(['t7']);
    expect(done("I've set up the Skool group", smallPlan)).toEqual(['t3']);
    expect(done('done with t5', smallPlan)).toEqual(['t5']);
  });

  it('ignores ids the plan does not have', () => {
    expect(done('done with task 99', smallPlan)).toEqual([]);
  });

  it('treats tasks that repeat an id (an unvalidated plan) as one task', () => {
    // the template schema rejects repeated ids, but detect() is exported and must not care
    const task = (id: string, title: string, keywords: string[] = []) => ({ id, phaseId: 'z', title, keywords });
    const library = { tasks: [task('a8', 'Build the resource library'), task('a8', 'Host the kickoff livestream')], decisionPoints: [] };
    const found = detect('Kickoff resource done!', library).taskCompletions;
    expect(found.map((c) => [c.taskId, c.confidence])).toEqual([['a8', 'medium']]);
    // the first task with the id leads: "survey" is not its lead word, so the match stays medium
    const survey = { tasks: [task('x', 'Record podcast', ['podcast']), task('x', 'Survey members')], decisionPoints: [] };
    const led = detect('The survey is done.', survey).taskCompletions;
    expect(led.map((c) => [c.taskId, c.confidence])).toEqual([['x', 'medium']]);
  });
});
