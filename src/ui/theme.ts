// Colours and symbols of the terminal UI, in one place. Colour is decided once, at start-up
// (NO_COLOR / --no-color turn it off through FORCE_COLOR=0 before Ink and chalk load).
export const theme = {
  accent: 'cyan',
  user: 'magenta',
  coach: 'cyan',
  ok: 'green',
  warn: 'yellow',
  error: 'red',
  dim: 'gray',
  focus: 'cyan',
  blur: 'gray',
} as const;

export const sym = {
  user: '●',
  coach: '◆',
  notice: '·',
  ok: '✓',
  warn: '!',
  error: '✗',
  pointer: '›',
  checked: '[x]',
  unchecked: '[ ]',
  barFull: '█',
  barEmpty: '░',
  current: '▶',
  suggestion: '?',
} as const;

/** A bar of `width` cells for a 0–1 ratio. */
export function progressBar(ratio: number, width: number): string {
  const w = Math.max(0, width);
  const filled = Math.round(Math.max(0, Math.min(1, ratio)) * w);
  return sym.barFull.repeat(filled) + sym.barEmpty.repeat(w - filled);
}
