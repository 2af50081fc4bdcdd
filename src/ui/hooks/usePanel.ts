// The lines of the open panel (help, decisions, task details, a command's text). The decisions
// are read from the store in an effect when the panel opens (or its filter changes), not while
// rendering; the rest is built from the snapshot already in memory.
import { useEffect, useMemo, useState } from 'react';
import type { AppContext } from '../../app/context.js';
import { listDecisions } from '../../store/decisions.js';
import type { DecisionRow } from '../../store/schema.js';
import type { OverlayLine } from '../components/Overlay.js';
import { decisionsPanel, helpPanel, taskPanel } from '../panels.js';
import type { Snapshot } from '../session.js';
import type { OverlayState } from '../state/ui-state.js';

export function usePanel(ctx: AppContext, overlay: OverlayState | null, snap: Snapshot, width: number): { title: string; lines: OverlayLine[] } {
  const all = overlay?.kind === 'decisions' && overlay.all;
  const open = overlay?.kind === 'decisions';
  const [decisions, setDecisions] = useState<DecisionRow[] | null>(null);
  useEffect(() => {
    if (!open) return setDecisions(null);
    setDecisions(listDecisions(ctx.store().db, snap.project.row.id, { includeSuperseded: all }));
  }, [ctx, open, all, snap]);
  return useMemo(() => {
    if (!overlay) return { title: '', lines: [] };
    switch (overlay.kind) {
      case 'help':
        return { title: 'Help', lines: helpPanel(width) };
      case 'decisions':
        return { title: overlay.all ? 'Decisions (with history)' : 'Decisions', lines: decisions ? decisionsPanel(decisions, width, overlay.all) : [] };
      case 'text':
        return { title: overlay.title, lines: overlay.lines.map((text) => ({ text })) };
      case 'task': {
        const task = snap.project.plan.phases.flatMap((p) => p.tasks).find((t) => t.id === overlay.taskId);
        return { title: `Task ${overlay.taskId}: ${task?.title ?? ''}`, lines: task ? taskPanel(task, snap.states.get(task.id), width) : [] };
      }
    }
  }, [overlay, decisions, snap, width]);
}
