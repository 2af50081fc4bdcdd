// The offline coach's "latest numbers" intent: answers from the recorded check-ins (with the
// plan's checkpoint verdicts), invites a first check-in when there are none, and leaves questions
// that carry their own numbers to the conversion intent.
import { describe, expect, it } from 'vitest';
import { latestNumbers, numbersLines, thresholdChecks } from '../../src/plan/metrics.js';
import { ask, plan } from '../coach/offline-fixture.js';

const at = '2026-11-20T10:00:00.000Z';
const recorded = (() => {
  const n = latestNumbers([
    { date: '2026-11-10', waitlist: 150, recordedAt: at },
    { date: '2026-11-20', waitlist: 200, members: 8, mrrUSD: 232, recordedAt: at },
  ], 5000);
  return numbersLines(n, thresholdChecks(plan, n));
})();

describe('offline coach: the latest numbers', () => {
  it.each(['how are my numbers?', "what's my MRR", 'how is our revenue vs my income goal?', 'show me our metrics'])('"%s" answers from the check-ins', (q) => {
    const r = ask(q, { recordedNumbers: recorded });
    expect(r.intent).toBe('checkins');
    expect(r.text).toMatch(/Waitlist: 200 \(\+50 since the check-in before\) as of 2026-11-20/);
    expect(r.text).toMatch(/Waitlist → member conversion: 4%/);
    expect(r.text).toMatch(/MRR vs the \$5,000\/month income goal: 4\.6%, \$4,768 to go/);
    // the plan's own threshold for waitlist → paid, with what to do
    expect(r.text).toMatch(/share of the waitlist that paid: 4% → no-go/);
  });

  it('without check-ins it says how to record them', () => {
    const r = ask('how are my numbers?', { recordedNumbers: [] });
    expect(r.intent).toBe('checkins');
    expect(r.text).toMatch(/coach metrics add --waitlist/);
  });

  it('a question with its own numbers is the conversion intent', () => {
    expect(ask('we have 200 on the waitlist and 6 paid, is that good?', { recordedNumbers: recorded }).intent).toBe('conversion');
  });
});
