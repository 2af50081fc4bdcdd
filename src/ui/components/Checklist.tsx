// The tasks of one phase (the current one unless the creator browses with ←/→), as a window of
// `height` rows that scrolls with the cursor.
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { PlanPhase } from '../../plan/schema.js';
import type { TaskCompletionRow } from '../../store/schema.js';
import { sanitizeForTerminal } from '../../util/text.js';
import { sym, theme } from '../theme.js';

export interface ChecklistProps {
  phase: PlanPhase;
  phaseIndex: number;
  phaseCount: number;
  isCurrentPhase: boolean;
  states: ReadonlyMap<string, TaskCompletionRow>;
  cursor: number;
  focused: boolean;
  height: number;
  width: number;
}

/** First visible task so the cursor stays in a window of `visible` rows. */
export function windowStart(cursor: number, count: number, visible: number): number {
  if (count <= visible) return 0;
  const half = Math.floor(visible / 2);
  return Math.max(0, Math.min(cursor - half, count - visible));
}

export const Checklist = memo(function Checklist(p: ChecklistProps) {
  if (p.height < 2) return null;
  const tasks = p.phase.tasks;
  const visible = p.height - 1;
  const start = windowStart(p.cursor, tasks.length, visible);
  const shown = tasks.slice(start, start + visible);
  const done = tasks.filter((t) => p.states.get(t.id)?.done).length;
  const range = tasks.length > visible ? ` · ${start + 1}–${start + shown.length} of ${tasks.length}` : '';
  const hint = p.focused ? ' · Space toggle · n note · Enter details · ←/→ phase' : ' · Tab to use';
  return (
    <Box flexDirection="column" height={p.height}>
      <Text wrap="truncate-end">
        <Text bold color={p.focused ? theme.focus : undefined}>
          {`${p.isCurrentPhase ? sym.current : ' '} ${p.phase.id.toUpperCase()} ${sanitizeForTerminal(p.phase.title)}`}
        </Text>
        <Text color={theme.dim}>{` · ${done}/${tasks.length} done · phase ${p.phaseIndex + 1}/${p.phaseCount}${range}${hint}`}</Text>
      </Text>
      {shown.map((t, i) => {
        const index = start + i;
        const state = p.states.get(t.id);
        const isDone = !!state?.done;
        const here = p.focused && index === p.cursor;
        const note = state?.note ? ` ✎ ${sanitizeForTerminal(state.note).replace(/\n/g, ' ')}` : '';
        return (
          <Text key={t.id} wrap="truncate-end" inverse={here}>
            <Text color={here ? undefined : theme.focus}>{here ? sym.pointer : ' '}</Text>
            <Text color={isDone ? theme.ok : undefined}>{` ${isDone ? sym.checked : sym.unchecked} `}</Text>
            <Text color={theme.dim}>{t.id.padEnd(4)}</Text>
            <Text color={isDone ? theme.dim : undefined}>{sanitizeForTerminal(t.title)}</Text>
            <Text color={theme.dim}>{` (${t.hours} h)${note}`}</Text>
          </Text>
        );
      })}
    </Box>
  );
});
