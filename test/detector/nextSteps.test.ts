import { describe, expect, it } from 'vitest';
import { detect, suggestNextSteps } from '../../src/detector/index.js';
import type { DetectedDecision } from '../../src/detector/types.js';
import { smallPlan, templatePlan } from './helpers.js';

const decision = (category: DetectedDecision['category'], value: string): DetectedDecision => ({
  category,
  value,
  decision: value,
  confidence: 'high',
  rationale: null,
  relatedTaskId: null,
});

describe('next steps', () => {
  it('after a pricing decision offers the open tasks of the pricing decision point', () => {
    const steps = detect("I've decided to charge $29/month", templatePlan()).nextSteps;
    expect(steps.map((s) => s.taskId)).toEqual(['t4', 't14']);
    expect(steps[0]!.reason).toContain('29 USD/month');
    expect(steps[0]!.title).toBe('Set your price and membership tiers');
  });

  it('skips tasks that are done', () => {
    const steps = detect("I've decided to charge $29/month", templatePlan(['t4'])).nextSteps;
    expect(steps.map((s) => s.taskId)).toEqual(['t14']);
  });

  it('after a completion offers the next open task, not the one just finished', () => {
    const steps = detect('Finished the sales page!', templatePlan(['t1', 't2'])).nextSteps;
    // the sales page (t13) is followed by the launch content plan (t16) in phase 3
    expect(steps.map((s) => s.taskId)).toEqual(['t16']);
    expect(steps[0]!.reason).toContain('t13');
  });

  it('falls back to the first open task and caps the list', () => {
    expect(detect('hello!', templatePlan(['t1'])).nextSteps).toEqual([
      { taskId: 't2', title: 'Survey your audience and run discovery calls', reason: 'The next open task in your plan' },
    ]);
    const many = suggestNextSteps(smallPlan, [decision('platform', 'Skool'), decision('pricing', '9 USD'), decision('content', 'x')], []);
    expect(many).toHaveLength(3);
  });

  it('offers nothing when everything is done', () => {
    const all = smallPlan.tasks.map((t) => t.id);
    expect(suggestNextSteps({ ...smallPlan, doneTaskIds: new Set(all) }, [], [])).toEqual([]);
  });
});
