// One wink-nlp instance per process: loading the model costs ~100 ms and ~50 MB, so every stage shares it.
//
// Annotation reads wink's tokens, their part of speech and its sentence boundaries, nothing else, so the
// pipeline runs only those two steps ('sbd', 'pos'). wink's default pipeline also runs named entities,
// negation, sentiment and custom entities, which we never read and which cost about as much again as the
// two we keep (measured on 1,500 allsides articles: 7.7 s for the default pipeline, 3.5–4.6 s for these
// two on a loaded 2-core machine). Dropping them changes no token, tag or sentence: the POS tagger reads
// the tokens and the model's lexicon, never the entities, and negation and sentiment only set flags and
// scores we do not read (the same 3,000 articles annotate to byte-identical JSON either way).
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';

export const wink = winkNLP(model, ['sbd', 'pos']);
export const its = wink.its;
export type WinkDocument = ReturnType<typeof wink.readDoc>;
