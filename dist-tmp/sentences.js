// Sentence splitting: one pass over the text, bounded look-behind for abbreviations, and a hard
// cap on sentence length so everything downstream works on short pieces whatever the input.
/** Longer stretches without punctuation are cut (at a space when there is one). */
export const MAX_SENTENCE_CHARS = 400;
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'eg', 'ie', 'vs', 'approx', 'mr', 'mrs', 'ms', 'dr', 'etc', 'incl', 'esp']);
const MONTH_ABBR = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
function isSpaceCode(c) {
    return c === 32 || c === 9 || c === 160;
}
function isDigitCode(c) {
    return c >= 48 && c <= 57;
}
/** The word just before position `dot` (at most 8 characters back), lower case. */
function wordBefore(text, dot) {
    let j = dot;
    const stop = Math.max(0, dot - 8);
    while (j > stop) {
        const c = text.charCodeAt(j - 1);
        const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 46;
        if (!letter)
            break;
        j--;
    }
    if (j > 0 && j === stop) {
        const c = text.charCodeAt(j - 1);
        if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90))
            return ''; // longer word: not an abbreviation
    }
    return text.slice(j, dot).toLowerCase();
}
function nextNonSpace(text, i) {
    let j = i;
    const stop = Math.min(text.length, i + 4);
    while (j < stop && isSpaceCode(text.charCodeAt(j)))
        j++;
    return j < text.length ? text.charCodeAt(j) : -1;
}
/** Split into sentences. Linear: every character is looked at a bounded number of times. */
export function splitSentences(text, maxChars = MAX_SENTENCE_CHARS) {
    const out = [];
    const n = text.length;
    let start = 0;
    let lastSpace = -1;
    const push = (from, to, terminator) => {
        let a = from;
        let b = to;
        while (a < b && text.charCodeAt(a) <= 32)
            a++;
        while (b > a && text.charCodeAt(b - 1) <= 32)
            b--;
        if (b > a)
            out.push({ text: text.slice(a, b), start: a, end: b, terminator });
    };
    let i = 0;
    while (i < n) {
        const c = text.charCodeAt(i);
        if (c === 10 || c === 13) {
            push(start, i, '\n');
            start = i + 1;
            lastSpace = -1;
            i++;
            continue;
        }
        if (c === 63 || c === 33 || c === 0x2026 || c === 46) {
            let j = i;
            let q = false;
            let bang = false;
            while (j < n && j - start < maxChars) {
                const d = text.charCodeAt(j);
                if (d === 63)
                    q = true;
                else if (d === 33)
                    bang = true;
                else if (d !== 46 && d !== 0x2026)
                    break;
                j++;
            }
            const single = j === i + 1 && c === 46;
            let split = true;
            if (!single && !q && !bang) {
                // an ellipsis running on in lower case ("Podia or Kajabi... can't decide") continues
                const nx = nextNonSpace(text, j);
                if (nx >= 97 && nx <= 122)
                    split = false;
            }
            if (single) {
                const after = j < n ? text.charCodeAt(j) : -1;
                // a dot inside a token (29.99, circle.so) or before a digit is not an end
                if (after !== -1 && !isSpaceCode(after) && after !== 34 && after !== 39 && after !== 41 && after !== 10 && after !== 13)
                    split = false;
                else {
                    const w = wordBefore(text, i);
                    if (ABBREVIATIONS.has(w) && w !== 'etc')
                        split = false;
                    else if (w === 'etc') {
                        const nx = nextNonSpace(text, j);
                        split = nx >= 65 && nx <= 90;
                    }
                    else if (MONTH_ABBR.has(w) && isDigitCode(nextNonSpace(text, j)))
                        split = false;
                }
            }
            if (split) {
                push(start, j, q ? '?' : bang ? '!' : '.');
                start = j;
                lastSpace = -1;
            }
            i = j;
            continue;
        }
        if (isSpaceCode(c))
            lastSpace = i;
        if (i - start >= maxChars) {
            let cut = lastSpace > start + (maxChars >> 1) ? lastSpace : i;
            const hi = text.charCodeAt(cut - 1);
            if (hi >= 0xd800 && hi <= 0xdbff)
                cut++; // never split a surrogate pair (emoji)
            push(start, cut, '');
            start = cut;
            lastSpace = -1;
        }
        i++;
    }
    push(start, n, '');
    return out;
}
