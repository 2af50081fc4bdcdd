// A fingerprint of the detector's behaviour, for speed work that must not change results: a
// sha256 over detect() on 8,180 texts (the labelled corpus, its upper/lower-case, unpunctuated and
// curly-apostrophe variants, neighbouring pairs and whole-corpus joins, seeded random
// recombinations of its words, and the 100 KB adversarial inputs of bench/detector.js).
// Print it before a change and after it: the two must be equal unless behaviour is meant to change.
//
//   npm run build && node bench/detector-hash.js
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { adversarialInputs } from './detector.js';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const { detect } = await import(pathToFileURL(here('../dist/detector/index.js')).href);
const template = JSON.parse(readFileSync(here('../templates/premium-community.json'), 'utf8'));
const plan = {
  tasks: template.phases.flatMap((p) => p.tasks.map((k) => ({ id: k.id, title: k.title, phaseId: p.id, keywords: k.keywords ?? [] }))),
  decisionPoints: template.decisionPoints ?? [],
};
const corpus = JSON.parse(readFileSync(here('../test/fixtures/detector-corpus.json'), 'utf8')).map((m) => m.text);

const texts = [...corpus, ...Object.values(adversarialInputs()), corpus.join('\n'), corpus.join(' ')];
for (let i = 0; i + 1 < corpus.length; i++) texts.push(`${corpus[i]} ${corpus[i + 1]}`);
for (const m of corpus) texts.push(m.toUpperCase(), m.toLowerCase(), m.replace(/[.!?]/g, ''), m.replace(/'/g, '\u2019'));
let seed = 12345; // a fixed linear congruential generator: the same texts on every run
const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296;
const words = corpus.join(' ').split(/\s+/).filter(Boolean);
for (let i = 0; i < 6000; i++) {
  const n = 3 + Math.floor(random() * 25);
  const picked = [];
  for (let k = 0; k < n; k++) picked.push(words[Math.floor(random() * words.length)]);
  texts.push(picked.join(' '));
}

const hash = createHash('sha256');
for (const text of texts) hash.update(JSON.stringify(detect(text, plan)));
console.log(`${texts.length} texts ${hash.digest('hex')}`);
