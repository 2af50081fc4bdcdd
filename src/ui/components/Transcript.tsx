// Finished messages and notices, printed once through <Static> into the terminal's own
// scrollback (native scrolling and copy keep working). Rows are rendered by width and memoised,
// so nothing here is redone while the creator types.
import { Box, Static, Text } from 'ink';
import { memo } from 'react';
import { messageRows, plainRows } from '../text/markdown.js';
import type { TranscriptItem } from '../session.js';
import { sym, theme } from '../theme.js';
import { sanitizeForTerminal } from '../../util/text.js';

const INDENT = 2;

export function Entry({ item, width }: { item: TranscriptItem; width: number }) {
  const inner = Math.max(10, width - INDENT);
  if (item.kind === 'banner') {
    return (
      <Box flexDirection="column">
        <Text bold color={theme.accent} wrap="truncate-end">{sanitizeForTerminal(item.title)}</Text>
        {item.lines.map((l, i) => (
          <Text key={i} color={theme.dim} wrap="truncate-end">{sanitizeForTerminal(l)}</Text>
        ))}
      </Box>
    );
  }
  if (item.kind === 'notice') {
    const mark = item.tone === 'ok' ? sym.ok : item.tone === 'error' ? sym.error : item.tone === 'warn' ? sym.warn : sym.notice;
    const color = item.tone === 'ok' ? theme.ok : item.tone === 'error' ? theme.error : item.tone === 'warn' ? theme.warn : theme.dim;
    const rows = plainRows(item.text, inner - 2);
    return (
      <Box flexDirection="column" marginTop={1}>
        {rows.map((r, i) => (
          <Text key={i} color={color} wrap="truncate-end">{`${' '.repeat(INDENT)}${i === 0 ? `${mark} ` : '  '}${r}`}</Text>
        ))}
      </Box>
    );
  }
  const isUser = item.role === 'user';
  const rows = messageRows(item.content, inner, isUser ? 'plain' : 'markdown');
  const meta = [isUser ? null : item.label, item.status === 'complete' ? null : item.status === 'streaming' ? 'incomplete' : item.status]
    .filter(Boolean)
    .join(' · ');
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text wrap="truncate-end">
        <Text bold color={isUser ? theme.user : theme.coach}>{`${isUser ? sym.user : sym.coach} ${isUser ? 'you' : 'coach'}`}</Text>
        {meta ? <Text color={item.status === 'complete' ? theme.dim : theme.warn}>{` · ${meta}`}</Text> : null}
      </Text>
      {rows.length === 0 ? <Text color={theme.dim}>{`${' '.repeat(INDENT)}(no text)`}</Text> : null}
      {rows.map((r, i) => (
        <Text key={i} wrap="truncate-end">{' '.repeat(INDENT) + r}</Text>
      ))}
    </Box>
  );
}

export const Transcript = memo(function Transcript({ items, width, epoch }: { items: TranscriptItem[]; width: number; epoch: number }) {
  return (
    <Static key={epoch} items={items}>
      {(item) => <Entry key={item.key} item={item} width={width} />}
    </Static>
  );
});
