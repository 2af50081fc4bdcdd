// One line for the whole plan: overall progress and a small bar per phase, current one marked.
import { Text } from 'ink';
import { memo } from 'react';
import type { PlanProgress } from '../../plan/progress.js';
import { progressBar, sym, theme } from '../theme.js';

export const PlanLine = memo(function PlanLine({ progress, width }: { progress: PlanProgress; width: number }) {
  const phases = progress.phases;
  const head = `Plan ${progress.percent}% `;
  // each phase: "▶P1 ████ 2/6  " — bar width from what is left
  const fixedPerPhase = 4 + 1 + 5 + 2;
  const barWidth = Math.max(3, Math.min(10, Math.floor((width - head.length - phases.length * fixedPerPhase) / Math.max(1, phases.length))));
  return (
    <Text wrap="truncate-end">
      <Text bold>{head}</Text>
      {phases.map((p) => {
        const current = p.phaseId === progress.currentPhase.id;
        return (
          <Text key={p.phaseId} color={current ? theme.accent : p.done === p.total ? theme.ok : theme.dim} bold={current}>
            {`${current ? sym.current : ' '}${p.phaseId.toUpperCase()} ${progressBar(p.total ? p.done / p.total : 0, barWidth)} ${p.done}/${p.total} `}
          </Text>
        );
      })}
    </Text>
  );
});
