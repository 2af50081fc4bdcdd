// Finished messages and notices, printed once through <Static> into the terminal's own
// scrollback (native scrolling and copy keep working). Each entry is one <Text> of rows already
// rendered, wrapped and styled by width (text/entries.ts, memoised), so Ink lays out one node per
// entry and nothing here is redone while the creator types.
import { Static, Text } from 'ink';
import { memo, useMemo } from 'react';
import { entryRows } from '../text/entries.js';
import type { TranscriptItem } from '../session.js';

export function Entry({ item, width }: { item: TranscriptItem; width: number }) {
  return <Text>{entryRows(item, width).join('\n')}</Text>;
}

/**
 * `printed`: how many leading items are already on the terminal, written above the UI before its
 * first frame (the runner does that for the history, at the same width, with the same rows).
 */
export const Transcript = memo(function Transcript({ items, width, epoch, printed = 0 }: { items: TranscriptItem[]; width: number; epoch: number; printed?: number }) {
  const rest = useMemo(() => (printed > 0 ? items.slice(printed) : items), [items, printed]);
  return (
    <Static key={epoch} items={rest}>
      {(item) => <Entry key={item.key} item={item} width={width} />}
    </Static>
  );
});
