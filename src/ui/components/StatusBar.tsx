// The bottom line: who, which project, which coach, today's messages and cost, and a warning
// once the day's cost passes the threshold.
import { Text } from 'ink';
import { memo } from 'react';
import { costWarningReached } from '../../usage/budget.js';
import { formatUSD, usdToMicros } from '../../usage/money.js';
import { sanitizeForTerminal, truncate } from '../../util/text.js';
import type { Snapshot } from '../session.js';
import { theme } from '../theme.js';
import { cellWidth } from '../../util/wrap.js';

export interface StatusFigures {
  profile: string;
  project: string;
  /** Model name, or null when the offline coach answers. */
  model: string | null;
  used: number;
  limit: number;
  costMicros: number;
  unpriced: boolean;
  costWarningUSD: number;
}

/** The line's parts; the project title gives way first when the terminal is narrow. */
export function statusParts(f: StatusFigures, width: number): { main: string; warning: string | null } {
  const coach = f.model ?? 'offline coach';
  const cost = `${formatUSD(f.costMicros)}${f.unpriced ? ' + unpriced' : ''}`;
  const over = costWarningReached(f.costMicros, f.costWarningUSD);
  const warning = over ? ` ⚠ over ${formatUSD(usdToMicros(f.costWarningUSD))}/day warning ` : f.used >= f.limit && f.model ? ' ⚠ daily limit reached ' : null;
  const head = ` ${truncate(sanitizeForTerminal(f.profile), 24)} · `;
  const tail = ` · ${coach} · today: ${f.used}/${f.limit} messages, ${cost} `;
  const room = width - 1 - cellWidth(head) - cellWidth(tail) - cellWidth(warning ?? '');
  if (room >= 8) return { main: head + truncate(sanitizeForTerminal(f.project), room) + tail, warning };
  if (room >= 1) return { main: `${head}…${tail}`, warning };
  // Narrow (under ~75 columns): no project, the figures in short words, the profile if it fits.
  const shortWarning = over ? ' ⚠ over warning ' : warning ? ' ⚠ limit ' : null;
  const figures = ` ${coach} · ${f.used}/${f.limit} today · ${cost} `;
  const who = ` ${truncate(sanitizeForTerminal(f.profile), 14)} ·`;
  const fits = cellWidth(who + figures) + cellWidth(shortWarning ?? '') <= width - 1;
  return { main: fits ? who + figures : figures, warning: shortWarning };
}

export const StatusBar = memo(function StatusBar({ figures, width }: { figures: StatusFigures; width: number }) {
  const { main, warning } = statusParts(figures, width);
  return (
    <Text wrap="truncate-end">
      <Text inverse color={figures.model ? undefined : theme.warn}>{main}</Text>
      {warning ? <Text color={theme.warn} bold>{warning}</Text> : null}
    </Text>
  );
});

/** The figures of a snapshot (the offline coach shows instead of a model). */
export function statusFigures(s: Snapshot): StatusFigures {
  return {
    profile: s.profile.displayName, project: s.project.row.title, model: s.offline ? null : s.model, used: s.today.messagesUsed,
    limit: s.limit, costMicros: s.today.costMicros, unpriced: s.today.unpriced, costWarningUSD: s.costWarningUSD,
  };
}
