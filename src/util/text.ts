// Terminal-safe text. Anything from the model, the database or a file passes through here before
// it is shown: escape sequences could clear the screen, retitle the window or hide text.

// CSI … final byte, OSC … BEL/ST, DCS/SOS/PM/APC … ST, and lone two-byte ESC sequences.
const ESCAPES = /\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u009d[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[PX^_][^\u001b\u009c]*(?:\u001b\\|\u009c)?|\u001b[@-Z\\-_]|\u001b/g;
// C0 controls except \t and \n, DEL, C1 controls.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// Bidi embeddings/overrides/isolates that can reorder what is shown.
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

export function sanitizeForTerminal(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(ESCAPES, '').replace(CONTROLS, '').replace(BIDI, '');
}

// The styles the CLI's own presenter paints with (node's styleText): bold, dim, their reset, the
// foreground colours and their reset. Nothing that moves the cursor, hides or blinks text.
const OWN_STYLE = /\u001b\[(?:0|1|2|3|4|22|23|24|3[0-7]|39|9[0-7])m/g;

/**
 * sanitizeForTerminal, but the colour and weight sequences of OWN_STYLE survive: for output the
 * CLI has just coloured itself, when colour is on. Everything else is removed as usual.
 */
export function sanitizeKeepingStyle(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(OWN_STYLE)) {
    out += sanitizeForTerminal(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + sanitizeForTerminal(text.slice(last));
}

/** Rough token estimate (≈4 characters a token for English), used before any API call. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

const LAST_WORD = /([\p{L}\p{N}'’-]+)\s*$/u;
const FIRST_WORD = /^(\s*)([\p{L}\p{N}'’-]+)(\s*)/u;

/**
 * Joins text pieces (fixed wording and spliced-in values) without a word repeated across a seam:
 * ["a paid ", "Paid premium community"] → "a paid premium community", ["(because ",
 * "because it's cheap", ")"] → "(because it's cheap)". Only the seams are looked at: a repeat
 * inside one piece is the author's.
 */
export function spliceText(pieces: string[]): string {
  let out = '';
  for (const piece of pieces) {
    const last = LAST_WORD.exec(out)?.[1];
    const first = FIRST_WORD.exec(piece);
    if (last && first && first[2]!.toLowerCase() === last.toLowerCase()) {
      // "paid " + "Paid premium" → "paid " + "premium"; "paid" + " paid premium" → "paid" + " premium"
      out += (first[1] ? first[1] : '') + piece.slice(first[0].length);
    } else {
      out += piece;
    }
  }
  return out;
}

/** Any word written twice in a row ("paid paid", "because because"), for tests and checks. */
export function doubledWords(text: string): string[] {
  return [...text.matchAll(/\b([\p{L}']+)\s+\1\b/giu)].map((m) => m[0]);
}
