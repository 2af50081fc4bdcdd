// Intent scoring: the sum of the weights of the patterns a message matches.
export type Cue = [RegExp, number];

export function cues(text: string, list: readonly Cue[]): number {
  let s = 0;
  for (const [re, w] of list) if (re.test(text)) s += w;
  return Math.max(0, s);
}
