// The lines of the open panel (help, decisions, task details, a command's text), built from what
// the panel was opened with and the snapshot already in memory — no store reads while rendering.
import { useMemo } from 'react';
import type { OverlayLine } from '../components/Overlay.js';
import { decisionsPanel, helpPanel, taskPanel } from '../panels.js';
import type { Snapshot } from '../session.js';
import type { OverlayState } from '../state/ui-state.js';

export function usePanel(overlay: OverlayState | null, snap: Snapshot, width: number): { title: string; lines: OverlayLine[] } {
  return useMemo(() => {
    if (!overlay) return { title: '', lines: [] };
    switch (overlay.kind) {
      case 'help':
        return { title: 'Help', lines: helpPanel(width) };
      case 'decisions':
        return { title: overlay.all ? 'Decisions (with history)' : 'Decisions', lines: decisionsPanel(overlay.rows, width, overlay.all) };
      case 'text':
        return { title: overlay.title, lines: overlay.lines.map((text) => ({ text })) };
      case 'task': {
        const task = snap.project.plan.phases.flatMap((p) => p.tasks).find((t) => t.id === overlay.taskId);
        return { title: `Task ${overlay.taskId}: ${task?.title ?? ''}`, lines: task ? taskPanel(task, snap.states.get(task.id), width) : [] };
      }
    }
  }, [overlay, snap, width]);
}
