// Text charts for terminals: sparklines (▁▂▃▄▅▆▇█) and bars, with a plain-text form for when
// the output is not a colour terminal (NO_COLOR, pipes, CI). Pure.

const TICKS = '▁▂▃▄▅▆▇█';

/** One glyph per value, scaled between the series' min and max (a flat series sits in the middle). */
export function sparkline(values: readonly number[]): string {
  if (!values.length) return '';
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (max === min) return TICKS[3]!.repeat(values.length);
  return values.map((v) => TICKS[Math.round(((v - min) / (max - min)) * (TICKS.length - 1))]!).join('');
}

/** "120 → 150 → 180 (+60)": the series as words; long series keep the first and the last 4. */
export function trendText(values: readonly number[], fmt: (n: number) => string = String): string {
  if (!values.length) return '';
  const shown = values.length > 6 ? [fmt(values[0]!), '…', ...values.slice(-4).map(fmt)] : values.map(fmt);
  const delta = values[values.length - 1]! - values[0]!;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  return `${shown.join(' → ')}${values.length > 1 ? ` (${sign}${fmt(Math.abs(delta))})` : ''}`;
}

/** A bar of `width` cells for a 0–1 ratio: █████░░░░░; as text, "[#####.....]". */
export function barOf(ratio: number, width = 10, text = false): string {
  const filled = Math.round(Math.max(0, Math.min(1, ratio)) * width);
  return text ? `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]` : '█'.repeat(filled) + '░'.repeat(width - filled);
}
