// A width change makes the runner clear the terminal; the transcript is then printed again at the
// new width (debounced while the window is dragged): the items printed before Ink's first frame
// are written directly, and <Static> re-renders its own through the epoch key.
import { useStdout } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { transcriptText } from '../text/entries.js';
import type { TranscriptItem } from '../session.js';

export function useReprintOnResize(width: number, printed: readonly TranscriptItem[], onWidthChange?: () => void): number {
  const { write } = useStdout();
  const [epoch, setEpoch] = useState(0);
  const lastWidth = useRef(width);
  useEffect(() => {
    if (width === lastWidth.current || !onWidthChange) return;
    const t = setTimeout(() => {
      lastWidth.current = width;
      onWidthChange();
      if (printed.length > 0) write(transcriptText([...printed], width));
      setEpoch((e) => e + 1);
    }, 200);
    return () => clearTimeout(t);
  }, [width, onWidthChange, printed, write]);
  return epoch;
}
