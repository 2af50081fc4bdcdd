// The decisions of a project as the decisions panel lists them (active ones, or with history).
import type { AppContext } from './context.js';
import { listDecisions } from '../store/decisions.js';
import type { DecisionRow } from '../store/schema.js';

export function projectDecisions(ctx: AppContext, projectId: number, withHistory: boolean): DecisionRow[] {
  return listDecisions(ctx.store().db, projectId, { includeSuperseded: withHistory });
}
