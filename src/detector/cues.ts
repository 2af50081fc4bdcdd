// Cue phrases as data, compiled once into one regular expression: what makes a mention a
// choice (commitment), weaker (hedge), void (negation, hypothetical, the past, someone else's
// choice, sarcasm) or a reason (rationale). A sentence is scanned once; the longest phrase wins.
import type { SentenceView } from './types.js';

export type CueType =
  | 'commit' // I'll, I've decided, going with, settling on … (applies to what follows)
  | 'after' // commits what came before it: "Skool it is", "… is the one", "… is what I'm going with"
  | 'confirm' // that's final, decided, done deciding … (commits the whole message)
  | 'med' // leaning, probably, I think …
  | 'low' // maybe, thinking about, not sure …
  | 'neg' // not, won't, never …
  | 'hypo' // if, would, what if …
  | 'past' // used to, was going to, last year …
  | 'third' // someone else's choice: my friend, competitors, she …
  | 'sarcasm'
  | 'because' // opens a rationale
  | 'neutral'; // idioms that would otherwise read as something else ("if all goes well")

const CUES: Record<CueType, string> = {
  commit:
    "i've decided|ive decided|i have decided|i decided|we decided|we've decided|we have decided|decided on|decided to|decided|decision made|" +
    "made the call|made my decision|i'll|ill|i will|we'll|we will|will be|will|there'll be|there will be|it'll be|it'll|going to|gonna|" +
    "let's go with|let's|lets|going with|go with|went with|goes on|going on|settled on|settling on|landed on|landing on|" +
    'locked in|locking in|lock in|locked|committed to|committing to|sticking with|stick with|staying with|' +
    'chose|chosen|choosing to|picked|opted for|opting for|run with|running with|for sure|definitely|officially|confirmed|' +
    "the plan is|plan is|the plan|final plan|planning to|plan to|i'm planning|we're planning|i'm doing|we're doing|doing|" +
    "switching to|switched to|switched|switching|moving to|moved to|moved|migrating to|migrated|migrating to|migrated to|bringing everyone over to|bringing everyone to|" +
    "moving everyone to|moving everything|set the price|set my price|priced at|price it at|set it at|all the way|" +
    "it's going to be|is going to be|target launch|i'm going with|we're going with|i'm using|we're using|using|" +
    "i'm charging|we're charging|charging|i'm launching|we're launching|launching|i'm adding|we're adding|adding|members get|members will get|you get|includes|will include|" +
    'just use|use it|instead|now we|now i|lives on|where we hang out|is where|platform is|price is',
  after: "it is|is the one|is what i'm going with|is what im going with|what i'm going with|that's what i'm going with|it's settled|is settled|that's settled|for me",
  confirm:
    "that's final|thats final|final answer|final|done deciding|decision made|done planning|that's the plan|thats the plan|" +
    "that's the price|that's the setup|locking that in|lock it in|done deal|it's decided|it is decided|decided|" +
    "going with that|go with that|going with it|let's do it|let's do that|price is set|pricing is set|no more flip-flopping|no more flip flopping|no matter what|sorted|settled|that's it|done",
  med:
    'leaning|leaning towards|leaning toward|probably|likely|i think|i guess|pretty sure|want to|wanna|i want|would like|' +
    "i'd like|hoping|hope|hopefully|aiming|aiming for|aim|ideally|prefer|tempted|seems|fingers crossed|should|" +
    'i feel like|feels like|feels right|reckon|i reckon|in mind|kinda want|my goal is|goal is|the goal is',
  low:
    'maybe|perhaps|might|could|possibly|considering|thinking|thinking about|thinking of|thought about|wondering|not sure|' +
    "unsure|not 100% sure|idk|i don't know|dunno|undecided|can't decide|torn|toying|debating|weighing|exploring|" +
    'options|idea|someday|eventually|at some point|one day|either|vs|versus|compare|comparing|' +
    'looking at|look at|look into|research|researching|scared to commit|or so|between|deciding|try|trying|trial of|free trial|' +
    'sign up for|signed up for|poke around|checklist',
  neg:
    "not|never|no|nope|nah|don't|dont|do not|won't|wont|will not|isn't|is not|aren't|can't|cannot|didn't|" +
    "haven't|havent|shouldn't|wouldn't|without|instead of|rather than|other than|no longer|no more|no way|ditch|ditching|" +
    "quit|quitting|leaving|left|away from|nobody|hate|absolutely not|avoid|against|skip|i'm not|we're not|never again|" +
    'off the table|too many|too much|cancelled|canceled|too cheap|way too',
  hypo: "if|what if|suppose|imagine|hypothetically|would|i'd|we'd|in theory|let's say|assuming|unless|in case|even if|when i|once i",
  past:
    'used to|was going to|was gonna|were going to|was thinking|was planning|had planned|originally|my plan was|the plan was|' +
    'previously|last year|last spring|last month|ago|back then|at first|tried|i tried|used|my last|my old|old|first launch|' +
    "flopped|had|was on|were on|i've had|in 20\\d\\d",
  third:
    'others|other creators|other communities|other people|competitor|competitors|everyone else|everyone in my niche|' +
    "they|they're|he|she|her|his|their|friend|my friend|friends|cousin|sister|brother|mentor|my coach|coach told me|a guy|" +
    'most of the creators|most creators|most communities|most people|people keep|people say|people usually|some people|' +
    'creators|creator|everyone says|everyone keeps|a lot of people|no one|told me to|says i should|swears by|in my niche',
  sarcasm: "🙄|🙃|/s|yeah right|as if|oh great|like i'd ever|sure, i'll just|oh sure",
  because: "because|cause|'cause|since|so that|given that|so|that's why",
  neutral:
    "if everything goes to plan|if all goes well|if everything goes well|if nothing goes wrong|if you ask me|if anything|" +
    "can't wait|not only|no-brainer|no brainer|would love|i'd love|no more than|not more than|if they pay|if they want|" +
    'after comparing|after testing|of testing|after looking at|after a lot of|for now|for life|from today|all year|year one|no matter|done planning|sign up today|signing up today',
};

export interface Cue {
  type: CueType;
  start: number;
  end: number;
}

/** Words and single symbols: the same split for the phrases and for the text. */
const TOKEN = /[\p{L}\p{N}'%-]+|[^\s\p{L}\p{N}]/gu;
interface Phrase {
  words: string[];
  type: CueType;
}
/** Phrases by their first word, longest first (compiled once). */
const BY_FIRST = new Map<string, Phrase[]>();
for (const [type, list] of Object.entries(CUES) as [CueType, string][]) {
  for (const phrase of list.split('|')) {
    const words = [...phrase.replace('\\d\\d', 'DD').matchAll(TOKEN)].map((m) => m[0]);
    const first = BY_FIRST.get(words[0]!) ?? [];
    if (!first.some((p) => p.words.join(' ') === words.join(' '))) first.push({ words, type });
    BY_FIRST.set(words[0]!, first);
  }
}
for (const list of BY_FIRST.values()) list.sort((a, b) => b.words.length - a.words.length);
/** A word matches a phrase word as written or without a possessive ("my friend's" is "my friend"). */
const same = (pattern: string, word: string): boolean =>
  pattern === word || (pattern === '20DD' && /^20\d\d$/.test(word)) || (word.endsWith("'s") && pattern === word.slice(0, -2));

/** The cues of a sentence, in order: at each word the longest phrase starting there (scanned once
 * per sentence and kept with it: decisions and stated numbers read the same cues). */
export function cuesOf(v: SentenceView): Cue[] {
  return (v.cues ??= scan(v));
}

function scan(v: SentenceView): Cue[] {
  const out: Cue[] = [];
  // the tokens as plain strings and offsets (cheaper than keeping every match object)
  const words: string[] = [];
  const starts: number[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(v.low); m; m = TOKEN.exec(v.low)) {
    words.push(m[0]);
    starts.push(m.index);
  }
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const list = BY_FIRST.get(w) ?? (w.endsWith("'s") ? BY_FIRST.get(w.slice(0, -2)) : undefined);
    if (!list) continue;
    const hit = list.find((p) => p.words.every((w, k) => i + k < words.length && same(w, words[i + k]!)));
    if (!hit) continue;
    const last = i + hit.words.length - 1;
    out.push({ type: hit.type, start: starts[i]!, end: starts[last]! + words[last]!.length });
    i = last;
  }
  return out;
}
