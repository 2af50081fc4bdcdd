// Phrase lexicons ("I've decided", "maybe", "won't", "used to" …) matched on tokens. Each token
// position tries the few phrases that start with its word; phrases are at most a few tokens long,
// so matching a whole sentence is linear.
import type { Token } from './tokens.js';
import { F, register, wordId } from './vocab.js';

export type CueType =
  | 'commit' // I'll, I've decided, going with, it is …
  | 'confirm' // that's final, decided, done deciding … (reaches back over the whole sentence)
  | 'med' // leaning, probably, I think, want to …
  | 'low' // maybe, thinking about, not sure …
  | 'neg' // not, won't, never, instead of …
  | 'hypo' // if, would, what if …
  | 'past' // used to, was going to, last year …
  | 'third' // someone else's choice: competitors, they, a friend …
  | 'passing' // a mention, not a choice: about, watched, vs …
  | 'sarcasm'
  | 'neutral'; // idioms that would otherwise match something else ("if all goes well")

export interface Cue {
  type: CueType;
  len: number;
}

type Phrase = { words: string[]; type: CueType; cue: Cue };

/** A phrase as vocabulary ids (see `wordId`), for matching on `Token.id`. */
interface IdPhrase {
  ids: number[];
  cue: Cue;
}

export type Lexicon = Map<string, Phrase[]> & {
  flag?: number;
  /** By the id of the first word: its phrases, longest first. */
  byFirstId?: (IdPhrase[] | undefined)[];
};

export function buildLexicon(entries: Record<string, CueType>, flag: number): Lexicon {
  const lex: Lexicon = new Map();
  lex.flag = flag;
  for (const [phrase, type] of Object.entries(entries)) {
    const words = phrase.split(' ');
    const first = words[0]!;
    let list = lex.get(first);
    if (!list) lex.set(first, (list = []));
    list.push({ words, type, cue: Object.freeze({ type, len: words.length }) });
  }
  for (const list of lex.values()) list.sort((a, b) => b.words.length - a.words.length);
  register(lex.keys(), flag);
  lex.byFirstId = idIndex(lex);
  return lex;
}

/** Gives every word of every phrase a vocabulary id (flag 0: no lexicon bit) and indexes the
 * phrases by the id of their first word. */
function idIndex(lex: Lexicon): (IdPhrase[] | undefined)[] {
  for (const list of lex.values()) for (const p of list) register(p.words, 0);
  const index: (IdPhrase[] | undefined)[] = [];
  for (const [first, list] of lex) index[wordId(first)] = list.map((p) => ({ ids: p.words.map(wordId), cue: p.cue }));
  return index;
}

/** Longest phrase of `lex` starting at each token (or undefined). Words are compared by
 * vocabulary id, an integer compare: a token whose word no lexicon registered has id -1 and
 * matches nothing. */
export function matchCues(tokens: Token[], lex: Lexicon): (Cue | undefined)[] {
  const n = tokens.length;
  const out: (Cue | undefined)[] = new Array(n);
  const flag = lex.flag ?? 0;
  const index = lex.byFirstId ?? (lex.byFirstId = idIndex(lex));
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (flag !== 0 && (t.flags & flag) === 0) continue;
    const list = t.id >= 0 && t.id < index.length ? index[t.id] : undefined;
    if (list === undefined) continue;
    for (let j = 0; j < list.length; j++) {
      const ids = list[j]!.ids;
      const len = ids.length;
      if (i + len > n) continue;
      let k = 1;
      while (k < len && tokens[i + k]!.id === ids[k]) k++;
      if (k === len) {
        out[i] = list[j]!.cue;
        i += len - 1; // a phrase's inner words do not start phrases of their own
        break;
      }
    }
  }
  return out;
}

const L: Record<string, CueType> = {};
const add = (type: CueType, phrases: string): void => {
  for (const p of phrases.split('|')) L[p.trim()] = type;
};

add(
  'commit',
  "i've decided|ive decided|i have decided|i decided|we decided|we've decided|we have decided|decided|decision made|decision|" +
    'made the call|made a decision|made my decision|' +
    "i'll|i will|we'll|we will|will|there'll be|there will be|it'll be|it will be|it'll|going to|gonna|" +
    "let's|lets|let's go with|going with|go with|went with|settled on|settling on|landed on|" +
    'locked in|locking in|locking that in|lock in|lock it in|locked|is locked|committed to|committing to|' +
    "sticking with|stick with|staying with|chose|chosen|picked|opted for|opting for|it is|for sure|definitely|def|100 %|" +
    "officially|confirmed|final answer|that's final|thats final|is final|final|done deal|that's settled|thats settled|settled|sorted|" +
    "the plan is|plan is|the plan|the plan :|that's the plan|thats the plan|planning to|plan to|i'm planning|we're planning|" +
    'is set|are set|all set|switching to|switched to|moving to|moved to|migrating to|migrated to|moving everything|' +
    'set the price|set my price|priced at|price it at|set it at|all the way|is the one|' +
    "it's going to be|is going to be|can't wait to|cant wait to|target launch|happening|" +
    "i'm definitely|absolutely|instead|members get|members will get|you get|includes|will include",
);
add(
  'confirm',
  "that's final|thats final|final answer|that's settled|thats settled|done deciding|decision made|done planning|" +
    "that's the plan|thats the plan|that's the price|thats the price|that's the setup|locking that in|lock it in|" +
    "done deal|it's decided|it is decided|no more flip-flopping|no more flip flopping|is what i'm going with|" +
    "is what im going with|what i'm going with|that's it",
);
add(
  'med',
  'leaning|leaning towards|leaning toward|probably|prob|probs|likely|most likely|i think|i guess|think|guess|pretty sure|' +
    "want to|wanna|i want|would like|i'd like|id like|hoping|hope|hopefully|aiming|aim|aiming for|ideally|prefer|" +
    'tempted|seems|sounds|fingers crossed|should|need to|i feel like|feels like|reckon|target|in mind',
);
add(
  'low',
  'maybe|mayyybe|perhaps|might|could|possibly|considering|consider|thinking|thinking about|thinking of|thought about|' +
    "wondering|not sure|unsure|not 100 % sure|idk|i don't know|i dont know|dunno|undecided|can't decide|cant decide|" +
    'torn|toying|debating|weighing|exploring|option|options|idea|someday|eventually|at some point|one day|later|' +
    'try|trying|test|testing|trial|either|vs|versus|compare|comparing|compared|looking at|look at|look into|' +
    'research|researching|scared to commit|kinda|kind of|sort of|something like|ish|~|or so|roughly|between|' +
    'deciding|choosing',
);
add(
  'neg',
  "not|never|no|nope|nah|don't|dont|do not|won't|wont|will not|isn't|isnt|is not|aren't|wasn't|can't|cant|cannot|" +
    "didn't|didnt|haven't|havent|shouldn't|wouldn't|without|instead of|rather than|other than|except|no longer|" +
    'no more|no way|ditch|ditching|ditched|drop|dropping|dropped|quit|quitting|leaving|left|away from|nobody|none|' +
    "hate|hated|absolutely not|avoid|avoiding|against|skip|skipping|not going to|i'm not|im not|we're not|" +
    'never again|not for me|is out|is a no|off the table',
);
add(
  'hypo',
  "if|what if|suppose|supposing|imagine|hypothetically|would|i'd|we'd|in theory|let's say|lets say|say i|assuming|" +
    'unless|in case|even if',
);
add(
  'neutral',
  "if everything goes to plan|if all goes well|if everything goes well|if all goes to plan|if nothing goes wrong|" +
    "if you ask me|if that makes sense|if anything|can't wait|cant wait|not only|no-brainer|no brainer|" +
    "would love|i'd love|id love",
);
add(
  'past',
  'used to|was going to|was gonna|were going to|was thinking|was planning|had planned|originally|my plan was|' +
    'the plan was|plan was|previously|last year|last month|ago|back then|at first|tried|i tried|used|my last|' +
    'last launch|first launch|flopped|had',
);
add(
  'third',
  "others|other creators|other communities|other people|competitor|competitors|competition|they|they'd|they're|" +
    "he|she|her|his|their|friend|friends|cousin|everyone|everybody|most people|most communities|most creators|" +
    'people keep|people say|people usually|some people|creator|creators|a lot of people|lots of people|no one|mentor|' +
    'other|others charge',
);
add(
  'passing',
  'about|video|videos|watched|watch|saw|seen|heard|hear|read|article|post|podcast|tutorial|review|reviews|than|' +
    'similar|mods|audience|followers|subs|fans|saying|swears|swear|recommend|recommended|interview|' +
    'communities|inner|vs|versus|compare|comparing|compared',
);
add('sarcasm', "🙄|🙃|/ s|yeah right|as if|oh great|like i'd ever|like id ever|sure , i'll just|sure , ill just|oh sure");

/** The decision lexicon. `passing` and `third` are only consulted near an item. */
export const DECISION_LEXICON: Lexicon = buildLexicon(L, F.DECISION_CUE);

export function isWord(t: Token | undefined, ...words: string[]): boolean {
  return t !== undefined && words.includes(t.low);
}
