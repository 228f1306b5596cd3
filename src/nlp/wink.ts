// One wink-nlp instance per process: loading the model costs ~100 ms and ~50 MB, so every stage shares it.
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';

export const wink = winkNLP(model);
export const its = wink.its;
export type WinkDocument = ReturnType<typeof wink.readDoc>;
