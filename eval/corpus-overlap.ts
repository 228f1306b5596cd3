// `node dist/eval/corpus-overlap.js [--words 7] [--allsides]`: lists word sequences that the project's own files
// (src, test, eval, bench as tracked by git) share with the annotated corpora in ../shared/corpus. Unit tests
// must use invented sentences and code comments invented examples: a test sentence copied from PolNeAR train
// makes the speaker figure measure memory, not grammar, and corpus text may not be copied into the repo at all.
// An earlier session found copied PolNeAR sentences in tests only by running such a scan by hand; the test
// test/corpus-overlap.test.ts now runs it on the annotated sets (about 3 s), and `--allsides` adds the 37,554
// allsides articles (about 90 s on the shared 2-core machine, too slow for the suite).
//
// Why 7 words: at 6 the scan of the annotated sets flagged stock phrases ("said in a statement that it", "it is
// not a good idea") in 20 places; at 7 it flagged one stock phrase and three real copies; at 8 it missed one of
// those copies.
import { execFileSync } from 'node:child_process';
import { createReadStream, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';

export const OVERLAP_WORDS = 7;

/** One shared word sequence: where it is in the repo and which corpus file holds it. */
export interface Overlap {
  words: string;
  file: string;
  corpus: string;
}

export interface CorpusFile {
  path: string;
  /** The text of one line of the file ('' for a header or a line without text). */
  textOf: (line: string) => string;
}

const TEXT_FILE = /\.(ts|js|mjs|json|md|txt|html|ya?ml)$/;

function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/** Every `n`-word sequence of the tracked text files under `folders`, with the first file that holds it. */
export function repoSequences(
  root: string,
  folders: readonly string[],
  n = OVERLAP_WORDS,
): Map<string, string> {
  const listed = execFileSync('git', ['ls-files', ...folders], { cwd: root, encoding: 'utf8' });
  const sequences = new Map<string, string>();
  for (const file of listed.split('\n')) {
    if (!TEXT_FILE.test(file)) continue;
    const w = words(readFileSync(join(root, file), 'utf8'));
    for (let i = 0; i + n <= w.length; i++) {
      const key = w.slice(i, i + n).join(' ');
      if (!sequences.has(key)) sequences.set(key, file);
    }
  }
  return sequences;
}

/** Streams a gzipped corpus file and reports every sequence of `repo` it holds, once each. */
export async function scanCorpus(
  corpus: CorpusFile,
  repo: ReadonlyMap<string, string>,
  n = OVERLAP_WORDS,
): Promise<Overlap[]> {
  const found = new Map<string, Overlap>();
  const lines = createInterface({
    input: createReadStream(corpus.path).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  for await (const line of lines) {
    const w = words(corpus.textOf(line));
    for (let i = 0; i + n <= w.length; i++) {
      const key = w.slice(i, i + n).join(' ');
      const file = repo.get(key);
      if (file !== undefined && !found.has(key)) found.set(key, { words: key, file, corpus: corpus.path });
    }
  }
  return [...found.values()];
}

function jsonText(line: string): string {
  if (!line.trim()) return '';
  const record = JSON.parse(line) as { title?: unknown; text?: unknown };
  return `${typeof record.title === 'string' ? record.title : ''}\n${typeof record.text === 'string' ? record.text : ''}`;
}

/** The annotated sets the eval scores against (the ones a copied sentence would corrupt). */
export function annotatedCorpora(corpusRoot: string): CorpusFile[] {
  return [
    { path: join(corpusRoot, 'polnear/train.jsonl.gz'), textOf: jsonText },
    { path: join(corpusRoot, 'polnear/dev.jsonl.gz'), textOf: jsonText },
    // MRPC rows: quality, id, id, sentence one, sentence two (the header row only adds its column names).
    { path: join(corpusRoot, 'mrpc/train.tsv.gz'), textOf: (line) => line.split('\t').slice(3).join('\n') },
    { path: join(corpusRoot, 'ecbplus/documents.jsonl.gz'), textOf: jsonText },
  ];
}

export function allsidesCorpus(corpusRoot: string): CorpusFile {
  return { path: join(corpusRoot, 'allsides/articles.jsonl.gz'), textOf: jsonText };
}

/**
 * Sequences that may appear in the repo although a corpus holds them: stock phrases of news English that an
 * invented sentence writes just as well, and page furniture the cleaning rules must recognise. Each entry says why.
 */
export const ALLOWED_SEQUENCES: ReadonlyMap<string, string> = new Map([
  ['did not respond to requests for comment', 'stock phrase of news reports (a report fixture)'],
]);

async function main(): Promise<void> {
  const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
  const { values } = parseArgs({
    options: {
      words: { type: 'string', default: String(OVERLAP_WORDS) },
      allsides: { type: 'boolean', default: false },
    },
  });
  const n = Number(values.words);
  if (!Number.isInteger(n) || n < 4)
    throw new Error(`--words: expected a whole number of at least 4, got ${values.words}`);
  const corpusRoot = resolve(root, '../shared/corpus');
  const repo = repoSequences(root, ['src', 'test', 'eval', 'bench'], n);
  const corpora = annotatedCorpora(corpusRoot);
  if (values.allsides) corpora.push(allsidesCorpus(corpusRoot));
  let count = 0;
  for (const corpus of corpora) {
    for (const hit of await scanCorpus(corpus, repo, n)) {
      const allowed = ALLOWED_SEQUENCES.get(hit.words);
      console.log(
        `${hit.file}\t${hit.words}\t${corpus.path.slice(corpusRoot.length + 1)}${allowed ? `\tallowed: ${allowed}` : ''}`,
      );
      if (!allowed) count++;
    }
  }
  console.log(`${count} sequence(s) of ${n} words shared with the corpora (allowed ones not counted)`);
  if (count > 0) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  await main();
}
