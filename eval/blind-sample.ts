// `node dist/eval/blind-sample.js --db FILE [--count 20] [--seed 13] [--exclude FILE.json]... [--library TEXT]
//   [--out eval/blind/stories.json]`: draws the stories of the blind check (issue 13) at random from what a
// user of the library gets. --exclude (repeatable) names earlier stories files: a story sharing an article
// with one of their stories is no candidate, so a fresh draw never re-reads a story tuned on. --library says
// in the file's `about` which articles the library was made from (default: the whole corpus).
//
// The library is made once with the command line, from the whole allsides corpus:
//
//   nice node bin/parallax.js ingest ../shared/corpus/allsides/articles.jsonl.gz --db /tmp/blind/allsides.db
//
// (about half an hour on the shared 2-core machine). Every story whose voices — its articles that are not
// near-duplicates of another, the ones `parallax story` compares — come from two or more outlets is a
// candidate; candidates are listed by story id, shuffled with seededRandom(seed), and the first `count`
// are kept. For each, stories.json records the allsides ids of its voices (and of its near-duplicates, for
// the record), never corpus text. Story clustering will change in later work, so the reports of the check
// are made from these article sets (eval/blind-reports.ts), not from story ids.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openLibrary } from '../src/api/library.js';
import { seededRandom } from '../src/util/random.js';
import { CORPUS, ROOT, readAllsides, shuffle } from './labels-corpus.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    count: { type: 'string', default: '20' },
    seed: { type: 'string', default: '13' },
    exclude: { type: 'string', multiple: true, default: [] },
    library: { type: 'string', default: 'all of ../shared/corpus/allsides/articles.jsonl.gz' },
    out: { type: 'string', default: resolve(ROOT, 'eval/blind/stories.json') },
  },
});
if (!values.db) {
  console.error('blind-sample: --db FILE (a library made from the allsides corpus) is required');
  process.exit(2);
}
const count = Number(values.count);
const seed = Number(values.seed);

const library = await openLibrary(values.db, { mustExist: true });
const listed = await library.stories();
const candidates = listed
  .map((story) => {
    const duplicateIds = new Set(story.duplicates.map((d) => d.articleId));
    const voices = story.articleIds
      .map((articleId, i) => ({ articleId, inputId: story.articles[i] as string }))
      .filter((a) => !duplicateIds.has(a.articleId));
    return { story, voices };
  })
  .sort((a, b) => a.story.id - b.story.id);

// A story's outlets are those of its voices, read from the corpus by input id (the allsides id).
const outletOf = new Map(
  readAllsides(resolve(CORPUS, 'allsides/articles.jsonl.gz')).map((a) => [a.id, a.outlet]),
);
// Articles of the stories of earlier draws (--exclude): a story holding any of them is not drawn again.
const excluded = new Set(
  (values.exclude as string[]).flatMap((file) =>
    (
      JSON.parse(readFileSync(file, 'utf8')) as { stories: { articles: string[]; duplicates?: string[] }[] }
    ).stories.flatMap((s) => [...s.articles, ...(s.duplicates ?? [])]),
  ),
);
const multiOutlet = candidates.filter(
  (c) =>
    new Set(c.voices.map((v) => outletOf.get(v.inputId)).filter((o) => o !== undefined)).size >= 2 &&
    !c.story.articles.some((id) => excluded.has(id)),
);
library.close();

const drawn = shuffle(multiOutlet, seededRandom(seed)).slice(0, count);
const stories = drawn.map((c, index) => ({
  index,
  libraryStory: c.story.id,
  articles: c.voices.map((v) => v.inputId),
  duplicates: c.story.duplicates.map(
    (d) => c.story.articles[c.story.articleIds.indexOf(d.articleId)] ?? d.articleId,
  ),
}));
writeFileSync(
  values.out as string,
  `${JSON.stringify(
    {
      about: `Stories of the blind check (issue 13), drawn by eval/blind-sample.ts (seed ${seed}, count ${count}) from the ${multiOutlet.length} stories with voices from two or more outlets among the ${listed.length} stories of a library made from ${values.library} with the command line${excluded.size > 0 ? `, leaving out every story holding one of the ${excluded.size} articles of ${(values.exclude as string[]).join(', ')}` : ''}. articles: allsides ids of the story's voices (the articles its report compares); duplicates: its near-duplicates (not compared). libraryStory: the story's id in that library, for the record only.`,
      stories,
    },
    null,
    2,
  )}\n`,
);
console.error(
  `${stories.length} stories drawn from ${multiOutlet.length} multi-outlet stories (${listed.length} in all); written to ${values.out}`,
);
