// One pipeline, one refusal behaviour: an article the annotator throws on is refused with the same line
// by `parallax analyze`, `parallax annotate`, library ingest and the API, and the other articles go on.
// Before, analyze and annotate let the throw end the whole run ("internal error") while ingest refused
// just that article. The annotator is made to throw on an invented marker word.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli/main.js';
import { DEFAULT_CONFIG } from '../src/config.js';
import { analyze, type Refusal } from '../src/index.js';
import { ingestIntoLibrary } from '../src/library/ingest.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { captureIo as capture } from './support/capture-io.js';

const calls = vi.hoisted(() => ({ annotated: 0 }));

vi.mock('../src/annotate/index.js', async (original) => {
  const real = await original<typeof import('../src/annotate/index.js')>();
  return {
    ...real,
    annotateArticle: (article: Parameters<typeof real.annotateArticle>[0]) => {
      calls.annotated++;
      if (article.text.includes('Zorblax')) throw new Error('the tagger tripped over Zorblax');
      return real.annotateArticle(article);
    },
  };
});

const REASON = 'could not be annotated (the tagger tripped over Zorblax)';
const GOOD = [
  'Mayor Lena Ortiz said on Tuesday that the Harbor Bridge will reopen on Monday. ' +
    'The repairs took six weeks and cost 4 million dollars, the city engineer said.',
  'The embattled mayor, Lena Ortiz, said the Harbor Bridge would reopen on Monday. ' +
    'Repairs cost 5 million dollars, according to the city engineer.',
];

let dir = '';
let inputs: string[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-pipeline-'));
  inputs = ['a.txt', 'b.txt', 'zorblax.txt'].map((name) => join(dir, name));
  writeFileSync(inputs[0] as string, GOOD[0] as string);
  writeFileSync(inputs[1] as string, GOOD[1] as string);
  writeFileSync(
    inputs[2] as string,
    'Zorblax the clown opened the Varn county fair on Saturday, the organisers said. ' +
      'More than 12,000 people came on the first day, and the fair will add a second weekend next year.',
  );
});

describe('a stage that throws on one article', () => {
  it('analyze refuses that article and compares the others', async () => {
    const { out, err, io } = capture();
    const code = await main(['analyze', ...inputs, '--format', 'json'], io);
    expect(code).toBe(0);
    expect(err).toEqual([`parallax: ${inputs[2]}: ${REASON}`]);
    const report = JSON.parse(out.join(''));
    expect(report.stories[0].articles.map((a: { id: string }) => a.id)).toEqual(['a', 'b']);
  });

  it('annotate refuses it the same way', async () => {
    const { err, io } = capture();
    expect(await main(['annotate', ...inputs], io)).toBe(0);
    expect(err).toEqual([`parallax: ${inputs[2]}: ${REASON}`]);
  });

  it('library ingest refuses it the same way', async () => {
    const store = openSqliteStore(join(dir, 'lib.db'));
    const refusals: string[] = [];
    try {
      const summary = await ingestIntoLibrary(store, inputs, DEFAULT_CONFIG, {
        worker: false,
        onRefusal: (input, reason) => refusals.push(`${input}: ${reason}`),
      });
      expect(summary).toMatchObject({ added: 2, refused: 1 });
    } finally {
      store.close();
    }
    expect(refusals).toEqual([`${inputs[2]}: ${REASON}`]);
  });

  it('the API refuses it the same way', async () => {
    const refusals: Refusal[] = [];
    const report = await analyze(
      [
        { id: 'z', text: 'Zorblax spoke at the fair on Saturday, and the crowd cheered for an hour.' },
        ...GOOD.map((text, i) => ({ id: `g${i}`, text })),
      ],
      { onRefusal: (r) => refusals.push(r) },
    );
    expect(refusals).toEqual([{ input: 'articles#0', reason: REASON }]);
    expect(report.stories[0]?.articles.map((a) => a.id)).toEqual(['g0', 'g1']);
  });
});

describe('analyze --max-articles', () => {
  it('refuses one article too many before annotating any, in one line naming ingest and story', async () => {
    const { out, err, io } = capture();
    calls.annotated = 0;
    const code = await main(['analyze', ...inputs, '--max-articles', '2'], io);
    expect(code).toBe(1);
    expect(calls.annotated).toBe(0);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(
      /^parallax: more than 2 articles .*"parallax ingest".*"parallax story <id>".*--max-articles/,
    );
  });

  it('counts articles, not refusals, and the default limit is 500', async () => {
    // 501 generated one-line articles in one JSONL file (and two unusable records, which do not count).
    const lines = Array.from({ length: 501 }, (_, i) =>
      JSON.stringify({ id: `n${i}`, text: `Council member ${i} voted on the budget on Monday.` }),
    );
    const file = join(dir, 'many.jsonl');
    writeFileSync(file, `${['{"id": "empty"}', ...lines.slice(0, 500), '{"id": "bare"}'].join('\n')}\n`);
    const under = capture();
    calls.annotated = 0;
    expect(await main(['analyze', file, '--format', 'json', '--max-articles', '500'], under.io)).toBe(0);
    expect(calls.annotated).toBe(500);
    expect(under.err).toHaveLength(2);

    writeFileSync(file, `${lines.join('\n')}\n`);
    const over = capture();
    calls.annotated = 0;
    expect(await main(['analyze', file, '--format', 'json'], over.io)).toBe(1);
    expect(calls.annotated).toBe(0);
    expect(over.err).toEqual([expect.stringMatching(/^parallax: more than 500 articles/)]);
  });

  it('is a usage error when not a whole number', async () => {
    const { err, io } = capture();
    expect(await main(['analyze', ...inputs, '--max-articles', '0'], io)).toBe(2);
    expect(err[0]).toMatch(/--max-articles takes a whole number/);
  });
});
