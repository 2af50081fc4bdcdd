// The template format. Templates are data (templates/*.json, or the user's own directory);
// this zod schema is the one place their shape is defined, and the README documents it.

import * as z from 'zod/mini';
import '../util/zod.js';
import type { PlanSchedule } from './schedule.js';

import { DECISION_CATEGORIES } from './categories.js';
export { DECISION_CATEGORIES, type DecisionCategory } from './categories.js';

const usdRange = z
  .object({ min: z.number().check(z.nonnegative()), max: z.number().check(z.nonnegative()) })
  .check(z.refine((r) => r.max >= r.min, { message: 'max must be >= min' }));

/**
 * A decision checkpoint on a task (go/no-go after the pre-sale, the revenue check): each metric is
 * "go" at or above `go`, "no-go" below `noGo`, in between otherwise; `if…` say what to do next.
 */
export const CheckpointSchema = z.object({
  metrics: z
    .array(
      z
        .object({
          id: z.string().check(z.regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'metric ids are camelCase words')),
          label: z.string().check(z.minLength(3)),
          unit: z.enum(['count', 'percent']),
          go: z.number().check(z.nonnegative()),
          noGo: z.number().check(z.nonnegative()),
        })
        .check(z.refine((m) => m.go >= m.noGo, { message: 'go must be >= noGo' })),
    )
    .check(z.minLength(1)),
  ifGo: z.string().check(z.minLength(5)),
  ifBetween: z.string().check(z.minLength(5)),
  ifNoGo: z.string().check(z.minLength(5)),
});

/** A community platform the template recommends between, with what a creator needs to choose. */
export const CommunityPlatformSchema = z.object({
  name: z.string().check(z.minLength(2)),
  /** What the platform costs and takes per sale, in words ("a flat monthly fee …"). */
  fees: z.string().check(z.minLength(5)),
  strengths: z.string().check(z.minLength(5)),
  watchOut: z.string().check(z.minLength(5)),
});

export const TaskSchema = z.object({
  id: z.string().check(z.regex(/^t\d+$/, 'task ids look like t1, t2, …')),
  title: z.string().check(z.minLength(3)),
  details: z.string().check(z.minLength(10)),
  /** Hands-on hours the task usually takes. */
  hours: z.number().check(z.positive()),
  /** One-off or first-month cost in USD. */
  costUSD: usdRange,
  /** Extra phrases the detector matches against ("skool group", "sales page"). */
  keywords: z._default(z.array(z.string().check(z.minLength(2))), []),
  tips: z._default(z.array(z.string()), []),
  /** How to do the task on a given audience platform, keyed by its display name ("YouTube", "Newsletter"). */
  platformNotes: z.optional(z.record(z.string().check(z.minLength(1)), z.string().check(z.minLength(10)))),
  checkpoint: z.optional(CheckpointSchema),
});

export const PhaseSchema = z.object({
  id: z.string().check(z.regex(/^p\d+$/, 'phase ids look like p1, p2, …')),
  title: z.string().check(z.minLength(3)),
  goal: z.string().check(z.minLength(10)),
  tasks: z.array(TaskSchema).check(z.minLength(1)),
  proTips: z._default(z.array(z.string()), []),
  pitfalls: z._default(z.array(z.string()), []),
});

export const DecisionPointSchema = z.object({
  id: z.string().check(z.minLength(1)),
  category: z.enum(DECISION_CATEGORIES),
  question: z.string().check(z.minLength(5)),
  taskIds: z.array(z.string()).check(z.minLength(1)),
  options: z._default(z.array(z.string()), []),
});

export const TemplateSchema = z
  .object({
    schemaVersion: z.literal(1),
    id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'template ids are lower-case words joined by -')),
    opportunity: z.object({
      title: z.string().check(z.minLength(3)),
      category: z.string().check(z.minLength(2)),
      summary: z.string().check(z.minLength(10)),
      revenueRangeUSD: z.intersection(usdRange, z.object({ period: z.enum(['month', 'year']) })),
      timelineWeeks: z.object({ min: z.number().check(z.int(), z.positive()), max: z.number().check(z.int(), z.positive()) }),
    }),
    /** Reasons with {placeholders}: {name} {niche} {audience} {topPlatform} {engagement} {priceLow} {priceHigh}. */
    whyThisWorks: z.array(z.string().check(z.minLength(10))).check(z.minLength(1)),
    phases: z.array(PhaseSchema).check(z.minLength(1)),
    proTips: z._default(z.array(z.string()), []),
    commonPitfalls: z._default(z.array(z.string()), []),
    decisionPoints: z._default(z.array(DecisionPointSchema), []),
    communityPlatforms: z._default(z.array(CommunityPlatformSchema), []),
  })
  .check(z.superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.phases.forEach((phase, p) =>
      phase.tasks.forEach((task, i) => {
        if (seen.has(task.id)) {
          ctx.addIssue({ code: 'custom', input: task.id, path: ['phases', p, 'tasks', i, 'id'], message: `duplicate task id ${task.id}` });
        }
        seen.add(task.id);
      }),
    );
    t.decisionPoints.forEach((dp, d) =>
      dp.taskIds.forEach((id, i) => {
        if (!seen.has(id)) {
          ctx.addIssue({ code: 'custom', input: id, path: ['decisionPoints', d, 'taskIds', i], message: `unknown task id ${id}` });
        }
      }),
    );
  }));

export type Template = z.output<typeof TemplateSchema>;
export type TemplatePhase = z.output<typeof PhaseSchema>;
export type TemplateTask = z.output<typeof TaskSchema>;
export type DecisionPoint = z.output<typeof DecisionPointSchema>;
export type Checkpoint = z.output<typeof CheckpointSchema>;
export type CommunityPlatform = z.output<typeof CommunityPlatformSchema>;

/** A task as it lives in a project's customized plan. */
export interface PlanTask extends TemplateTask {
  phaseId: string;
  /** Week of the project (1-based) by which the task should be done, from the creator's hours. */
  dueWeek: number;
  /** `YYYY-MM-DD` the task is due (plan/schedule.ts); plans stored before due dates get it on read. */
  dueDate?: string;
}

export interface PlanPhase extends Omit<TemplatePhase, 'tasks'> {
  tasks: PlanTask[];
  startWeek: number;
  endWeek: number;
}

export interface PriceBand {
  currency: 'USD';
  period: 'month';
  low: number;
  suggested: number;
  high: number;
}

export interface Personalisation {
  priceBand: PriceBand;
  priceReasoning: string[];
  hoursPerWeek: number;
  totalHours: number;
  timelineWeeks: number;
  platformSuggestions: { platform: string; reason: string }[];
  topAudiencePlatform: string | null;
}

/** Stored as JSON in active_projects.customized_plan. */
export interface CustomizedPlan {
  templateId: string;
  opportunity: Template['opportunity'];
  whyThisWorks: string[];
  phases: PlanPhase[];
  proTips: string[];
  commonPitfalls: string[];
  decisionPoints: DecisionPoint[];
  /** Absent in plans stored before the template carried platform data. */
  communityPlatforms?: CommunityPlatform[];
  personalisation: Personalisation;
  /** Start, launch date and who set it (plan/schedule.ts); absent in plans stored before due dates. */
  schedule?: PlanSchedule;
}
