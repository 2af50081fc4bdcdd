// A panel in place of the checklist (help, decisions, task details): a title row and a window
// of pre-wrapped lines, scrolled with ↑/↓.
import { Box, Text } from 'ink';
import { memo } from 'react';
import { theme } from '../theme.js';

export interface OverlayLine {
  text: string;
  tone?: 'title' | 'dim' | 'ok' | 'warn';
}

export const Overlay = memo(function Overlay({ title, lines, scroll, height }: { title: string; lines: OverlayLine[]; scroll: number; height: number }) {
  if (height < 2) return null;
  const visible = height - 1;
  const maxScroll = Math.max(0, lines.length - visible);
  const top = Math.max(0, Math.min(scroll, maxScroll));
  const shown = lines.slice(top, top + visible);
  const more = lines.length > visible ? ` · ${top + 1}–${top + shown.length} of ${lines.length} · ↑/↓ scroll` : '';
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate-end">
        <Text bold color={theme.focus}>{title}</Text>
        <Text color={theme.dim}>{`${more} · Esc close`}</Text>
      </Text>
      {shown.map((l, i) => (
        <Text
          key={i}
          wrap="truncate-end"
          bold={l.tone === 'title'}
          color={l.tone === 'dim' ? theme.dim : l.tone === 'ok' ? theme.ok : l.tone === 'warn' ? theme.warn : undefined}
        >
          {l.text || ' '}
        </Text>
      ))}
    </Box>
  );
});

export function maxOverlayScroll(lines: number, height: number): number {
  return Math.max(0, lines - Math.max(1, height - 1));
}
