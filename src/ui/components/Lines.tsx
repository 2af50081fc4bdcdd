// One-line parts of the live area: the detector's suggestion, the slash-command hints and the
// key hints (which also carry short flash messages).
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { SlashCommand } from '../commands/index.js';
import { sanitizeForTerminal, truncate } from '../../util/text.js';
import { cellWidth } from '../../util/wrap.js';
import { sym, theme } from '../theme.js';
import type { Tone } from '../session.js';

/** The detector's question and its keys; on a narrow terminal the question gives way, never the keys. */
export const SuggestionLine = memo(function SuggestionLine({ text, index, count, width }: { text: string; index: number; count: number; width: number }) {
  const keys = ` — Ctrl+Y yes · Ctrl+X dismiss${count > 1 ? ` (${index + 1} of ${count})` : ''}`;
  const room = Math.max(8, width - 1 - cellWidth(`${sym.suggestion} `) - cellWidth(keys));
  return (
    <Text wrap="truncate-end">
      <Text color={theme.warn} bold>{`${sym.suggestion} `}</Text>
      <Text>{truncate(sanitizeForTerminal(text), room)}</Text>
      <Text color={theme.dim}>{keys}</Text>
    </Text>
  );
});

export const SlashHints = memo(function SlashHints({ commands, height }: { commands: SlashCommand[]; height: number }) {
  return (
    <Box flexDirection="column">
      {commands.slice(0, height).map((c, i) => (
        <Text key={c.name} wrap="truncate-end" color={i === 0 ? theme.accent : theme.dim}>
          {`  ${`/${c.name}${c.args ? ` ${c.args}` : ''}`.padEnd(16)} ${c.summary}${i === 0 ? '  (Tab completes)' : ''}`}
        </Text>
      ))}
    </Box>
  );
});

export const KeysLine = memo(function KeysLine({ text, tone }: { text: string; tone: Tone | 'hint' }) {
  const color = tone === 'ok' ? theme.ok : tone === 'error' ? theme.error : tone === 'warn' ? theme.warn : theme.dim;
  return (
    <Text wrap="truncate-end" color={color}>
      {` ${text}`}
    </Text>
  );
});

/** Messages waiting for the reply to end; the last line says how many more when they do not fit. */
export const QueuedLines = memo(function QueuedLines({ texts, height }: { texts: readonly string[]; height: number }) {
  const shown = texts.length > height ? texts.slice(0, height - 1) : texts;
  const more = texts.length - shown.length;
  return (
    <Box flexDirection="column">
      {shown.map((t, i) => (
        <Text key={i} wrap="truncate-end" color={theme.dim}>
          <Text color={theme.warn}>{'  queued '}</Text>
          {sanitizeForTerminal(t).replace(/\s*\n\s*/g, ' ⏎ ')}
        </Text>
      ))}
      {more > 0 ? <Text color={theme.dim} wrap="truncate-end">{`  queued: ${more} more`}</Text> : null}
    </Box>
  );
});
