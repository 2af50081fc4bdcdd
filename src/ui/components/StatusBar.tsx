// The bottom line: who, which project, which coach, today's messages and cost, and a warning
// once the day's cost passes the threshold.
import { Text } from 'ink';
import { memo } from 'react';
import { formatUSD } from '../../coach/pricing.js';
import { sanitizeForTerminal, truncate } from '../../util/text.js';
import { theme } from '../theme.js';
import { cellWidth } from '../text/wrap.js';

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

/**
 * formatUSD's text ($1,234.56; sub-cent amounts with 4 decimals) without Intl for whole micros:
 * the first toLocaleString of a process costs 15–25 ms, and the status bar is in the first frame.
 * Rounds half away from zero on the exact decimal value, as Intl does.
 */
export function usdText(micros: number): string {
  if (!Number.isSafeInteger(micros) || Object.is(micros, -0)) return formatUSD(micros);
  const usd = micros / 1_000_000;
  if (usd !== 0 && Math.abs(usd) < 0.01) return `$${usd.toFixed(4)}`;
  const cents = Math.floor((Math.abs(micros) + 5_000) / 10_000);
  const whole = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `$${micros < 0 ? '-' : ''}${whole}.${String(cents % 100).padStart(2, '0')}`;
}

/** The line's parts; the project title gives way first when the terminal is narrow. */
export function statusParts(f: StatusFigures, width: number): { main: string; warning: string | null } {
  const coach = f.model ?? 'offline coach';
  const cost = `${usdText(f.costMicros)}${f.unpriced ? ' + unpriced' : ''}`;
  const over = f.costMicros > 0 && f.costMicros >= f.costWarningUSD * 1_000_000;
  const warning = over ? ` ⚠ over ${usdText(Math.round(f.costWarningUSD * 1_000_000))}/day warning ` : f.used >= f.limit && f.model ? ' ⚠ daily limit reached ' : null;
  const head = ` ${truncate(sanitizeForTerminal(f.profile), 24)} · `;
  const tail = ` · ${coach} · today: ${f.used}/${f.limit} messages, ${cost} `;
  const room = width - 1 - cellWidth(head) - cellWidth(tail) - cellWidth(warning ?? '');
  const project = room >= 8 ? truncate(sanitizeForTerminal(f.project), room) : '…';
  return { main: head + project + tail, warning };
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
