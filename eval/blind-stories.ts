// `node dist/eval/blind-stories.js --db FILE [--largest 20] [--random 20] [--seed 14] [--before OLD.db]
//    [--commit SHA] [--command "…"] [--out eval/blind/stories/stories.json] [--listing /tmp/…/listing.txt]`
// draws the stories of the issue-14 blind check of stories (eval/blind/stories/RULES.md) from a library made
// from the whole allsides corpus, and writes a listing to judge them by, outside the repository.
//
// Drawn: the `largest` stories by articles (near-duplicates included, ties by the lower story id), and
// `random` stories from those with articles of two or more outlets that are not among the largest, listed by
// story id and shuffled with seededRandom(seed). Inside each story the articles are shuffled too (a seed
// derived from the story's place in the draw), so the listing does not show which article started the story;
// stories.json keeps that listing order, so the judge's refs (a1, a2, …) name its articles by position.
//
// `node dist/eval/blind-stories.js --figures FILE [--only OTHER]` prints the library figures alone (read-only),
// for a library made by older code: stories, single-outlet and single-article shares, the largest stories;
// with --only, its stories cut down to the articles OTHER holds. `--before OLD` with a draw records both.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { openLibrary } from '../src/api/library.js';
import { seededRandom } from '../src/util/random.js';
import { CORPUS, ROOT, readAllsides, shuffle } from './labels-corpus.js';

/** What the whole library looks like, read straight from its tables so that old libraries need no migration. */
export interface LibraryFigures {
  stories: number;
  articles: number;
  singleArticle: number;
  singleOutlet: number;
  multiOutlet: number;
  /** Articles in stories of two or more outlets. */
  articlesInMultiOutlet: number;
  /** Article counts of the ten largest stories. */
  largest: number[];
}

/**
 * The figures of a library's stories. With `only` (input ids), each story is cut down to those articles
 * first, stories left empty dropped: the figures an older library gives on the articles a newer, partial
 * library holds (a reference, not what the older code would make of those articles alone).
 */
export function libraryFigures(path: string, only?: ReadonlySet<string>): LibraryFigures {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  let rows: { story: number; input: string | null; outlet: string | null }[];
  try {
    rows = db
      .prepare(
        `SELECT sa.story_id AS story, a.input_id AS input, a.outlet AS outlet
         FROM story_articles sa JOIN articles a ON a.seq = sa.article_seq`,
      )
      .all() as typeof rows;
  } finally {
    db.close();
  }
  const stories = new Map<number, { articles: number; outlets: Set<string> }>();
  for (const r of rows) {
    if (only && !(r.input !== null && only.has(r.input))) continue;
    let s = stories.get(r.story);
    if (!s) {
      s = { articles: 0, outlets: new Set() };
      stories.set(r.story, s);
    }
    s.articles++;
    if (r.outlet) s.outlets.add(r.outlet);
  }
  const list = [...stories.values()];
  const multi = list.filter((s) => s.outlets.size >= 2);
  return {
    stories: list.length,
    articles: list.reduce((n, s) => n + s.articles, 0),
    singleArticle: list.filter((s) => s.articles === 1).length,
    singleOutlet: list.length - multi.length,
    multiOutlet: multi.length,
    articlesInMultiOutlet: multi.reduce((n, s) => n + s.articles, 0),
    largest: list
      .map((s) => s.articles)
      .sort((a, b) => b - a)
      .slice(0, 10),
  };
}

/** The input ids of a library's articles. */
export function inputIds(path: string): Set<string> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return new Set(
      (db.prepare('SELECT coalesce(input_id, id) AS id FROM articles').all() as { id: string }[]).map(
        (r) => r.id,
      ),
    );
  } finally {
    db.close();
  }
}

export interface DrawnArticle {
  /** The allsides id (the input's id). */
  id: string;
  /** The library's stored id. */
  stored: string;
  /** The allsides id of the article it nearly duplicates, for near-duplicates. */
  duplicateOf?: string;
}

export interface DrawnStory {
  index: number;
  group: 'largest' | 'random';
  libraryStory: number;
  outlets: number;
  /** In listing order (shuffled): ref aN is articles[N - 1]. */
  articles: DrawnArticle[];
}

export interface StoriesFile {
  about: string;
  commit: string;
  command: string;
  seed: number;
  library: LibraryFigures;
  /** The library of older code, whole and cut down to the drawn library's articles. */
  before?: (LibraryFigures & { label: string; about: string })[];
  stories: DrawnStory[];
}

interface Candidate {
  id: number;
  articleCount: number;
  outlets: number;
  articles: DrawnArticle[];
}

/** The largest `largest` stories, then `random` of the other multi-outlet ones, in the order of the rules. */
export function drawStories(
  candidates: readonly Candidate[],
  largest: number,
  random: number,
  seed: number,
): DrawnStory[] {
  const bySize = [...candidates].sort((a, b) => b.articleCount - a.articleCount || a.id - b.id);
  const top = bySize.slice(0, largest);
  const taken = new Set(top.map((c) => c.id));
  const pool = candidates.filter((c) => c.outlets >= 2 && !taken.has(c.id)).sort((a, b) => a.id - b.id);
  const picked = shuffle(pool, seededRandom(seed)).slice(0, random);
  return [
    ...top.map((c) => ({ c, group: 'largest' as const })),
    ...picked.map((c) => ({ c, group: 'random' as const })),
  ].map(({ c, group }, index) => ({
    index,
    group,
    libraryStory: c.id,
    outlets: c.outlets,
    articles: shuffle(c.articles, seededRandom(seed * 1000 + index + 1)),
  }));
}

/** The older library's figures, whole and cut down to the articles of the drawn one. */
function beforeFigures(before: string, drawn: string): (LibraryFigures & { label: string; about: string })[] {
  const only = inputIds(drawn);
  return [
    { label: 'before, whole', about: `the whole library ${before}`, ...libraryFigures(before) },
    {
      label: 'before, same articles',
      about: `the library ${before}, its stories cut down to the ${only.size} articles of the drawn library`,
      ...libraryFigures(before, only),
    },
  ];
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      figures: { type: 'string' },
      before: { type: 'string' },
      largest: { type: 'string', default: '20' },
      random: { type: 'string', default: '20' },
      seed: { type: 'string', default: '14' },
      commit: { type: 'string', default: '' },
      command: { type: 'string', default: '' },
      out: { type: 'string', default: resolve(ROOT, 'eval/blind/stories/stories.json') },
      listing: { type: 'string', default: '/tmp/blind-stories/listing.txt' },
      lead: { type: 'string', default: '300' },
      only: { type: 'string' },
    },
  });
  if (values.figures) {
    const only = values.only ? inputIds(values.only) : undefined;
    console.log(JSON.stringify(libraryFigures(values.figures, only), null, 2));
    process.exit(0);
  }
  if (!values.db) {
    console.error('blind-stories: --db FILE (a library made from the allsides corpus) is required');
    process.exit(2);
  }
  const seed = Number(values.seed);
  const library = await openLibrary(values.db, { mustExist: true });
  const listed = await library.stories();
  library.close();
  const candidates: Candidate[] = listed.map((s) => {
    const inputOf = new Map(s.articleIds.map((stored, i) => [stored, s.articles[i] as string]));
    const duplicateOf = new Map(s.duplicates.map((d) => [d.articleId, d.of]));
    return {
      id: s.id,
      articleCount: s.articleCount,
      outlets: s.outlets.length,
      articles: s.articleIds.map((stored) => {
        const of = duplicateOf.get(stored);
        const original = of ? inputOf.get(of) : undefined;
        return {
          id: inputOf.get(stored) as string,
          stored,
          ...(of ? { duplicateOf: original ?? of } : {}),
        };
      }),
    };
  });
  const stories = drawStories(candidates, Number(values.largest), Number(values.random), seed);
  const multi = candidates.filter((c) => c.outlets >= 2).length;
  const file: StoriesFile = {
    about: `Stories of the issue-14 blind check of stories (eval/blind/stories/RULES.md), drawn by eval/blind-stories.ts: the ${values.largest} largest of the ${listed.length} stories of a library made from ../shared/corpus/allsides/articles.jsonl.gz by the command below, then ${values.random} of the other ${multi - stories.filter((s) => s.group === 'largest' && s.outlets >= 2).length} stories with articles of two or more outlets, shuffled with seededRandom(seed). articles: allsides ids (id) and stored ids, in the listing's shuffled order (ref aN is the Nth); no corpus text.`,
    commit: values.commit as string,
    command: values.command as string,
    seed,
    library: libraryFigures(values.db),
    ...(values.before ? { before: beforeFigures(values.before, values.db) } : {}),
    stories,
  };
  writeFileSync(values.out as string, `${JSON.stringify(file, null, 1)}\n`);

  // The listing to judge by: in /tmp, never in the repository (it holds corpus text).
  const corpus = new Map(readAllsides(resolve(CORPUS, 'allsides/articles.jsonl.gz')).map((a) => [a.id, a]));
  const lead = Number(values.lead);
  const lines: string[] = [];
  for (const s of stories) {
    lines.push(`=== story ${s.index} (${s.group}) — ${s.articles.length} articles, ${s.outlets} outlets`);
    s.articles.forEach((a, i) => {
      const record = corpus.get(a.id);
      const dup = a.duplicateOf
        ? ` [near-duplicate of a${s.articles.findIndex((b) => b.id === a.duplicateOf) + 1}]`
        : '';
      lines.push(
        `a${i + 1}\t${record?.published ?? '(no date)'}\t${record?.outlet ?? '(no outlet)'}${dup}\t${a.id}`,
        `    T: ${oneLine(record?.title ?? '(no title)')}`,
        `    L: ${oneLine(record?.text ?? '').slice(0, lead)}`,
      );
    });
    lines.push('');
  }
  mkdirSync(dirname(values.listing as string), { recursive: true });
  writeFileSync(values.listing as string, `${lines.join('\n')}\n`);
  console.error(
    `${stories.length} stories drawn (${stories.reduce((n, s) => n + s.articles.length, 0)} articles); ${values.out}; listing ${values.listing}`,
  );
}
