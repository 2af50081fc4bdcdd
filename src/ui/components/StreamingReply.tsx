// The reply while it streams: markdown rows (rendered once per flush by the caller) and only
// the last rows that fit the height it was given; the finished message then goes to <Static>.
import { Box, Text } from 'ink';
import { memo } from 'react';
import { sym, theme } from '../theme.js';
import { count } from '../../util/words.js';

export const StreamingReply = memo(function StreamingReply({ rows, label, height }: { rows: string[]; label: string; height: number }) {
  if (height <= 0) return null;
  const body = Math.max(0, height - 1);
  const shown = rows.slice(Math.max(0, rows.length - body));
  const hidden = rows.length - shown.length;
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate-end">
        <Text bold color={theme.coach}>{`${sym.coach} coach`}</Text>
        <Text color={theme.dim}>{` · ${label} · ${rows.length ? 'replying' : 'thinking'}…${hidden ? ` (${count(hidden, 'line')} above)` : ''} · Esc cancels`}</Text>
      </Text>
      {shown.map((r, i) => (
        <Text key={i} wrap="truncate-end">{`  ${r}`}</Text>
      ))}
    </Box>
  );
});
