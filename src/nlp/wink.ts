// One wink-nlp instance per thread: loading the model costs ~100 ms and ~50 MB, so every stage shares it.
//
// Annotation reads wink's tokens, their part of speech and its sentence boundaries, nothing else, so the
// pipeline runs only those two steps ('sbd', 'pos'). wink's default pipeline also runs named entities,
// negation, sentiment and custom entities, which we never read and which cost about as much again as the
// two we keep (measured on 1,500 allsides articles: 7.7 s for the default pipeline, 3.5–4.6 s for these
// two on a loaded 2-core machine). Dropping them changes no token, tag or sentence: the POS tagger reads
// the tokens and the model's lexicon, never the entities, and negation and sentiment only set flags and
// scores we do not read (the same 3,000 articles annotate to byte-identical JSON either way).
//
// Every document is tokenized as by a fresh instance. wink keeps each out-of-vocabulary word it meets in
// its lexicon for the rest of the process, and its tokenizer keeps a word whole once it is in the
// lexicon. So a possessive seen at the end of a sentence in one article ("… than Ana Kovac's.", kept
// whole there) stayed whole in every later article ("Kovac's aide said", which a fresh instance splits
// into "Kovac" and "'s"), and the same article was annotated differently depending on what the process
// had read before it — in particular on which worker thread of an ingest pool it landed in. While a
// document is read, words added to the lexicon by earlier documents are treated as unknown unless this
// document added them too; the lexicon entry itself is reused, so it does not grow per document.
import { createRequire } from 'node:module';
import { dirname, sep } from 'node:path';
import type WinkNLP from 'wink-nlp';

const require = createRequire(import.meta.url);

/** The parts of wink-nlp's internal cache (wink-nlp/src/cache.js, 2.x) the wrapper below uses. */
interface WinkCache {
  lookup(text: string): number[] | null;
  add(text: string, category: number): number;
  currentSize(): number;
}

/** Whether a document is being read, and the words its reading added to the lexicon. */
const reading = { active: false, added: new Set<string>() };
/** The lexicon's length once the instance was built: entries from there on were learned from documents. */
let learnedFrom = Number.POSITIVE_INFINITY;
let cache: WinkCache | null = null;

function forgetEarlierDocuments(made: WinkCache): WinkCache {
  const lookup = made.lookup;
  const add = made.add;
  made.lookup = (text) => {
    const found = lookup(text);
    if (!reading.active || found === null || found.length !== 1) return found;
    return (found[0] as number) >= learnedFrom && !reading.added.has(text) ? null : found;
  };
  made.add = (text, category) => {
    // wink adds the lower-cased form with the word; both are then known for the rest of this document.
    if (reading.active) reading.added.add(text).add(text.toLowerCase());
    return add(text, category);
  };
  cache = made;
  return made;
}

/**
 * A copy of wink-nlp of our own, built with the wrapped cache: wink-nlp reads its cache module when it
 * is loaded, and another module (a test, the bench's bare pass) may have loaded it already. Their copy
 * is put back untouched.
 */
function ownWinkNLP(): typeof WinkNLP {
  const folder = dirname(require.resolve('wink-nlp/package.json')) + sep;
  const ours = (key: string) => key.startsWith(folder);
  const theirs = Object.entries(require.cache).filter(([key]) => ours(key));
  for (const [key] of theirs) delete require.cache[key];
  try {
    const cachePath = require.resolve('wink-nlp/src/cache.js');
    const makeCache = require(cachePath) as (...args: unknown[]) => WinkCache;
    const entry = require.cache[cachePath];
    if (entry) entry.exports = (...args: unknown[]) => forgetEarlierDocuments(makeCache(...args));
    return require('wink-nlp') as typeof WinkNLP;
  } finally {
    for (const key of Object.keys(require.cache)) if (ours(key)) delete require.cache[key];
    for (const [key, module] of theirs) require.cache[key] = module;
  }
}

const model = require('wink-eng-lite-web-model') as Parameters<typeof WinkNLP>[0];
const instance = ownWinkNLP()(model, ['sbd', 'pos']);
if (!cache) throw new Error('wink-nlp no longer builds its cache from src/cache.js: see src/nlp/wink.ts');
learnedFrom = (cache as WinkCache).currentSize() + 1;
const readDoc = instance.readDoc;
instance.readDoc = (text: string) => {
  reading.added.clear();
  reading.active = true;
  try {
    return readDoc(text);
  } finally {
    reading.active = false;
  }
};

export const wink = instance;
export const its = wink.its;
export type WinkDocument = ReturnType<typeof wink.readDoc>;

/**
 * Whether wink's model lists the word in its own vocabulary (not one learned from a document read since).
 * compromise's lexicon is small ("source" is not in it); wink's holds the common words of web English.
 */
export function isModelWord(lower: string): boolean {
  const found = (cache as WinkCache).lookup(lower);
  return found !== null && found.length === 1 && (found[0] as number) < learnedFrom;
}
