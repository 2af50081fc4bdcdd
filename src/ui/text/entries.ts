// A transcript entry (banner, notice, message) as finished terminal rows: sanitised, rendered
// (markdown for the coach, plain text for the creator), wrapped and styled. One code path for both
// ways the transcript reaches the screen: <Static> (entries added during the session) and the
// runner's direct print of the history before the first frame (see run.tsx), so both look the same.
import chalk from 'chalk';
import { sanitizeForTerminal } from '../../util/text.js';
import type { TranscriptItem } from '../session.js';
import { sym, theme } from '../theme.js';
import { messageRows, plainRows } from '../../util/markdown.js';
import { cellWidth, truncateAnsi } from '../../util/wrap.js';

const INDENT = '  ';

/** Rows of at most `width` cells (longer ones end in "…"); a blank first row is the entry's top margin. */
export function entryRows(item: TranscriptItem, width: number): string[] {
  const w = Math.max(1, width);
  const inner = Math.max(10, w - INDENT.length);
  const out: string[] = [];
  const push = (row: string) => out.push(cellWidth(row) <= w ? row : truncateAnsi(row, w));
  if (item.kind === 'banner') {
    push(chalk.bold[theme.accent](sanitizeForTerminal(item.title)));
    for (const l of item.lines) push(chalk[theme.dim](sanitizeForTerminal(l)));
    return out;
  }
  out.push('');
  if (item.kind === 'notice') {
    const mark = item.tone === 'ok' ? sym.ok : item.tone === 'error' ? sym.error : item.tone === 'warn' ? sym.warn : sym.notice;
    const color = item.tone === 'ok' ? theme.ok : item.tone === 'error' ? theme.error : item.tone === 'warn' ? theme.warn : theme.dim;
    const rows = plainRows(item.text, inner - 2);
    rows.forEach((r, i) => push(chalk[color](`${INDENT}${i === 0 ? `${mark} ` : '  '}${r}`)));
    return out;
  }
  const isUser = item.role === 'user';
  const rows = messageRows(item.content, inner, isUser ? 'plain' : 'markdown');
  const meta = [isUser ? null : item.label, item.status === 'complete' ? null : item.status === 'streaming' ? 'incomplete' : item.status]
    .filter(Boolean)
    .join(' · ');
  const who = chalk.bold[isUser ? theme.user : theme.coach](`${isUser ? sym.user : sym.coach} ${isUser ? 'you' : 'coach'}`);
  push(meta ? who + chalk[item.status === 'complete' ? theme.dim : theme.warn](` · ${sanitizeForTerminal(meta)}`) : who);
  if (rows.length === 0) push(chalk[theme.dim](`${INDENT}(no text)`));
  for (const r of rows) push(INDENT + r);
  return out;
}

/** Entries as text for a direct write to the terminal: every row ends with a newline. */
export function transcriptText(items: readonly TranscriptItem[], width: number): string {
  let text = '';
  for (const item of items) {
    for (const row of entryRows(item, width)) text += `${row}\n`;
  }
  return text;
}
