// The one compromise instance (its "two" level: tagger, no sentence grammar), shared by cleaning, name
// typing, date direction and the gazetteer's word lists.
//
// Loaded from compromise's own single-file build (the package's `require` entry, builds/two/
// compromise-two.cjs) rather than its ES-module sources, which are 331 files to resolve, read and link:
// the same code (the build is made from those sources for each release) at 430–490 ms of CPU per process
// against 740–830 ms (three imports of each on this 2-core machine, 2026-12-07). Every command that
// annotates pays it once at start-up: `parallax analyze` on five articles, an ingest worker thread.
import { createRequire } from 'node:module';
import type Nlp from 'compromise/two';

const require = createRequire(import.meta.url);

export const nlp: typeof Nlp = require('compromise/two');
export default nlp;

/** compromise's word list: each word with its tag or tags ("may": ["Month", "Modal", …]). */
export const compromiseLexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one
  .lexicon;
