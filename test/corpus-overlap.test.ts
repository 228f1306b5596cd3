import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ALLOWED_SEQUENCES, annotatedCorpora, repoSequences, scanCorpus } from '../eval/corpus-overlap.js';
import { CORPUS, hasCorpus } from './support/corpus.js';

const ROOT = resolve(import.meta.dirname, '..');

describe('no corpus text in the repo', () => {
  it.runIf(hasCorpus)('finds a sequence of a corpus sentence planted in the repo, once', async () => {
    const corpus = annotatedCorpora(CORPUS).find((c) => c.path.endsWith('mrpc/train.tsv.gz'));
    if (!corpus) throw new Error('the MRPC file is not among the annotated corpora');
    // Seven words of the first pair's first sentence, read at run time so that no corpus text is in this file.
    const firstRow = gunzipSync(readFileSync(corpus.path)).toString('utf8').split('\n')[1] ?? '';
    const seven = (
      corpus
        .textOf(firstRow)
        .toLowerCase()
        .match(/[a-z0-9]+/g) ?? []
    )
      .slice(0, 7)
      .join(' ');
    expect(seven.split(' ')).toHaveLength(7);
    const hits = await scanCorpus(
      corpus,
      new Map([
        [seven, 'planted.ts'],
        ['nothing of the kind is ever written', 'x.ts'],
      ]),
    );
    expect(hits.map((h) => h.file)).toEqual(['planted.ts']);
  });

  it.runIf(hasCorpus)(
    'src, test, eval and bench share no seven-word sequence with PolNeAR, MRPC or ECB+ (invented sentences only)',
    async () => {
      const repo = repoSequences(ROOT, ['src', 'test', 'eval', 'bench']);
      const found = [];
      for (const corpus of annotatedCorpora(CORPUS)) found.push(...(await scanCorpus(corpus, repo)));
      const copied = found
        .filter((hit) => !ALLOWED_SEQUENCES.has(hit.words))
        .map((h) => `${h.file}: ${h.words}`);
      expect(copied).toEqual([]);
    },
    120_000,
  );
});
