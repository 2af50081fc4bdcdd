// project_decisions: one active decision per (project, category) — per tier for pricing; a new
// one supersedes the old in the same transaction and the old row keeps a link to its successor.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DecisionCategory } from '../plan/schema.js';
import type { Db } from './db.js';
import { projectDecisions, type DecisionRow, type PricingTier } from './schema.js';

export interface NewDecision {
  category: DecisionCategory;
  decision: string;
  value: string | null;
  rationale: string | null;
  confidence: 'high' | 'medium' | 'low';
  sourceMessageId: number | null;
  relatedTaskId: string | null;
  /** Pricing only; a pricing decision without one is the `regular` price. Ignored elsewhere. */
  tier?: PricingTier | null;
}

export function tierOf(d: Pick<NewDecision, 'category' | 'tier'>): PricingTier | null {
  return d.category === 'pricing' ? d.tier ?? 'regular' : null;
}

export function recordDecision(db: Db, projectId: number, d: NewDecision, now: number): { decision: DecisionRow; superseded: DecisionRow | null } {
  const tier = tierOf(d);
  return db.transaction((tx) => {
    const previous = tx.select().from(projectDecisions)
      .where(and(
        eq(projectDecisions.projectId, projectId),
        eq(projectDecisions.category, d.category),
        tier === null ? isNull(projectDecisions.tier) : eq(projectDecisions.tier, tier),
        eq(projectDecisions.status, 'active'),
      ))
      .get();
    if (previous) {
      tx.update(projectDecisions).set({ status: 'superseded', updatedAt: now }).where(eq(projectDecisions.id, previous.id)).run();
    }
    const decision = tx.insert(projectDecisions)
      .values({ projectId, ...d, tier, status: 'active', createdAt: now, updatedAt: now })
      .returning().get();
    const superseded = previous
      ? tx.update(projectDecisions).set({ supersededBy: decision.id }).where(eq(projectDecisions.id, previous.id)).returning().get()!
      : null;
    return { decision, superseded };
  }, { behavior: 'immediate' });
}

export function listDecisions(db: Db, projectId: number, opts: { category?: DecisionCategory; includeSuperseded?: boolean } = {}): DecisionRow[] {
  const conds = [eq(projectDecisions.projectId, projectId)];
  if (opts.category) conds.push(eq(projectDecisions.category, opts.category));
  if (!opts.includeSuperseded) conds.push(eq(projectDecisions.status, 'active'));
  return db.select().from(projectDecisions).where(and(...conds)).orderBy(asc(projectDecisions.category), asc(projectDecisions.id)).all();
}
