// ECB+ story clustering benchmark: incremental clustering (src/stories) against the corpus's sub-topics
// (one sub-topic = one real event), next to a plain TF-IDF average-link baseline, in one run.
//
//   npm run build && node dist/bench/ecbplus.js            print the results (markdown)
//   node dist/bench/ecbplus.js --record                    …and prepend them to bench/RESULTS.md
//   node dist/bench/ecbplus.js --tune                      grid search on the train + validation topics
//   node dist/bench/ecbplus.js --options '{"threshold":0.26}'  the report with other settings
//   node dist/bench/ecbplus.js --db postgres://… [--topics 1,3]  the same scores with a SQLite and a PostgreSQL library
//
// Every document goes through the real pipeline (a JSONL record → clean → annotate), once: annotated
// documents are cached under the OS temp folder, keyed by a hash of the compiled pipeline code, so edits
// to clustering re-run in seconds. Labels are only used for scoring and for the baseline's threshold.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { platform, release, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { annotateArticle } from '../src/annotate/index.js';
import { recordArticle } from '../src/ingest/records.js';
import type { AnnotatedArticle } from '../src/model/article.js';
import type { ArticleFeatures } from '../src/model/story-index.js';
import { runStages } from '../src/pipeline/index.js';
import type { AsyncStore } from '../src/store/async-store.js';
import { isPostgresUrl, openAsyncStore } from '../src/store/open.js';
import { openSqliteAsyncStore } from '../src/store/sqlite/async-adapter.js';
import {
  type AnyStoryIndex,
  assignArticle,
  type ClusterOptions,
  JOIN_THRESHOLD,
} from '../src/stories/cluster.js';
import { articleFeatures } from '../src/stories/features.js';
import { MemoryStoryIndex } from '../src/stories/memory-index.js';
import { secondPass } from '../src/stories/second-pass.js';
import { seededRandom } from '../src/util/random.js';
import { machineLine, RESULTS, recordSection } from './results.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(HERE, '../..');
const CORPUS = resolve(ROOT, '../shared/corpus/ecbplus');
const CACHE_DIR = join(tmpdir(), 'parallax-ecbplus');
const SHUFFLE_SEED = 20240611;
/** --no-second-pass: the incremental placement alone. */
const SECOND = !process.argv.includes('--no-second-pass');
/** The seeded shuffles every report and the tuning grid run, besides file order and date order. */
const SHUFFLE_SEEDS = [SHUFFLE_SEED, 7, 1999] as const;

interface EcbDoc {
  id: string;
  topic: number;
  subtopic: string;
  url: string | null;
  text: string;
}

interface Doc extends EcbDoc {
  article: AnnotatedArticle;
  features: ArticleFeatures;
  /** Token counts for the baseline (scikit-learn's CountVectorizer defaults). */
  terms: Map<string, number>;
}

interface Splits {
  train: number[];
  val: number[];
  test: number[];
}

// ---- data -------------------------------------------------------------------------------------------

function loadDocs(): EcbDoc[] {
  const text = gunzipSync(readFileSync(join(CORPUS, 'documents.jsonl.gz'))).toString('utf8');
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const d = JSON.parse(l) as {
        id: string;
        topic: string;
        subtopic: string;
        url: string | null;
        text: string;
      };
      return { id: d.id, topic: Number(d.topic), subtopic: d.subtopic, url: d.url, text: d.text };
    });
}

/** A hash of the compiled pipeline code, so a cache of annotated documents never outlives the annotators. */
function pipelineHash(): string {
  const hash = createHash('sha1');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.js')) hash.update(readFileSync(path));
    }
  };
  for (const part of ['annotate', 'clean', 'ingest', 'extract', 'text', 'model', 'pipeline', 'nlp', 'util'])
    walk(resolve(HERE, '../src', part));
  return hash.digest('hex').slice(0, 12);
}

/**
 * Each document as the JSONL ingester would build it (id, text, url), through the article stages. The
 * cleaner refuses a few one-line documents (a headline only); those are annotated as they are, so that
 * every gold document is clustered and scored.
 */
function annotateAll(docs: readonly EcbDoc[]): {
  articles: AnnotatedArticle[];
  refused: number;
  cached: boolean;
} {
  const file = join(CACHE_DIR, `annotated-${pipelineHash()}.json.gz`);
  if (existsSync(file)) {
    const cached = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as {
      articles: AnnotatedArticle[];
      refused: number;
    };
    if (cached.articles.length === docs.length) return { ...cached, cached: true };
  }
  const ctx = { sources: null, usedIds: new Set<string>() };
  let refused = 0;
  const articles = docs.map((d, i) => {
    const made = recordArticle({ id: d.id, text: d.text, url: d.url }, `documents.jsonl#${i + 1}`);
    if (!made.ok) throw new Error(`${d.id}: ${made.reason}`);
    const result = runStages(made.raw, ctx);
    if (!('refused' in result)) return result;
    refused++;
    const text = made.raw.body;
    return annotateArticle({
      id: d.id,
      source: made.raw.source,
      outlet: null,
      title: null,
      url: d.url,
      published: null,
      author: null,
      language: null,
      dateline: null,
      text,
      paragraphs: [{ start: 0, end: text.length, kind: 'paragraph' }],
      removed: [],
      messages: [],
    });
  });
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(file, gzipSync(JSON.stringify({ articles, refused })));
  return { articles, refused, cached: false };
}

/**
 * Tokens as scikit-learn's TfidfVectorizer reads them by default: lower-cased, every run of two or more word
 * characters (`(?u)\b\w\w+\b`), no stemming, no stop words.
 */
function plainTerms(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}_]{2,}/gu)) out.set(m[0], (out.get(m[0]) ?? 0) + 1);
  return out;
}

// ---- scoring ----------------------------------------------------------------------------------------

interface Scores {
  p: number;
  r: number;
  f1: number;
  pairP: number;
  pairR: number;
  pairF1: number;
  clusters: number;
  gold: number;
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** B-cubed over documents and pairwise P/R/F1, `predicted[i]` and `gold[i]` being cluster labels of document i. */
function score(predicted: readonly (string | number)[], gold: readonly string[]): Scores {
  const n = predicted.length;
  const joint = new Map<string, number>();
  const predSize = new Map<string | number, number>();
  const goldSize = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const p = predicted[i] as string | number;
    const g = gold[i] as string;
    predSize.set(p, (predSize.get(p) ?? 0) + 1);
    goldSize.set(g, (goldSize.get(g) ?? 0) + 1);
    const k = `${p}\u0000${g}`;
    joint.set(k, (joint.get(k) ?? 0) + 1);
  }
  let bp = 0;
  let br = 0;
  for (let i = 0; i < n; i++) {
    const p = predicted[i] as string | number;
    const g = gold[i] as string;
    const both = joint.get(`${p}\u0000${g}`) ?? 0;
    bp += both / (predSize.get(p) ?? 1);
    br += both / (goldSize.get(g) ?? 1);
  }
  const pairs = (m: Map<unknown, number>) => [...m.values()].reduce((s, c) => s + (c * (c - 1)) / 2, 0);
  const tp = pairs(joint);
  const predPairs = pairs(predSize);
  const goldPairs = pairs(goldSize);
  const pairP = predPairs ? tp / predPairs : 1;
  const pairR = goldPairs ? tp / goldPairs : 1;
  return {
    p: bp / n,
    r: br / n,
    f1: f1(bp / n, br / n),
    pairP,
    pairR,
    pairF1: f1(pairP, pairR),
    clusters: predSize.size,
    gold: goldSize.size,
  };
}

// ---- incremental clustering ----------------------------------------------------------------------------

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const random = seededRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * Date order: by the day the document's features carry (a date line near the top of the text; ECB+ has no
 * publication dates), undated documents after the dated ones, each part in file order.
 */
function dateOrdered(docs: readonly Doc[]): Doc[] {
  const dated = docs.filter((d) => d.features.day !== null);
  const undated = docs.filter((d) => d.features.day === null);
  dated.sort((a, b) => (a.features.day as number) - (b.features.day as number));
  return [...dated, ...undated];
}

/** The orders every set is streamed in: file order, the seeded shuffles, date order. */
function orders(docs: readonly Doc[]): [string, readonly Doc[]][] {
  return [
    ['file order', docs],
    ...SHUFFLE_SEEDS.map((seed) => [`shuffled (seed ${seed})`, shuffled(docs, seed)] as [string, Doc[]]),
    ['date order', dateOrdered(docs)],
  ];
}

interface StreamResult {
  scores: Scores;
  seconds: number;
}

/**
 * Streams the documents, in the given order, into a fresh index; scores the stories against sub-topics.
 * `library`: the clustering state of a library instead of the in-memory index — 'sqlite' (a new in-memory
 * SQLite library) or a postgres:// URL (a new database on that server, dropped afterwards).
 */
async function stream(
  docs: readonly Doc[],
  options?: ClusterOptions,
  library: 'sqlite' | string | null = null,
  second = SECOND,
): Promise<StreamResult> {
  // The product keeps this state in the library's tables, which post each story under its strongest
  // features only; the in-memory index posts all of them. Both are measured so the difference shows.
  const store = library === null ? null : await freshLibrary(library);
  try {
    const index: AnyStoryIndex = store ? store.storyIndex() : new MemoryStoryIndex();
    const started = performance.now();
    let predicted: (number | string)[] = [];
    // One transaction, as one ingest batch places its articles in one.
    const place = async (ix: AnyStoryIndex) => {
      for (const d of docs) predicted.push((await assignArticle(ix, d.features, options)).storyId);
    };
    if (store) await store.withTransaction((tx) => place(tx.storyIndex()));
    else await place(index);
    if (second) {
      // One ingest batch: the second pass over every story it touched, i.e. all of them.
      const all = [...new Set(docs.flatMap((d) => [...d.features.features.keys()]))];
      const dfs = await index.documentFrequencies(all);
      const groups = secondPass(
        docs.map((d, i) => ({
          id: d.id,
          story: predicted[i] as number,
          features: d.features,
          pinned: false,
        })),
        dfs,
        await index.documentCount(),
        options,
      );
      const label = new Map<string, string>();
      groups.forEach((g, gi) => {
        for (const id of g.articles) label.set(id, `g${gi}`);
      });
      predicted = docs.map((d) => label.get(d.id) as string);
    }
    const seconds = (performance.now() - started) / 1000;
    return {
      scores: score(
        predicted,
        docs.map((d) => d.subtopic),
      ),
      seconds,
    };
  } finally {
    await store?.close();
  }
}

/** Databases this run created on a PostgreSQL server, numbered. */
let databases = 0;

/**
 * A new, empty library: in-memory SQLite, or a database created for it on the server a postgres:// URL
 * names (the URL's user must be allowed to CREATE DATABASE); closing it drops that database.
 */
async function freshLibrary(library: string): Promise<AsyncStore> {
  if (library === 'sqlite') return openSqliteAsyncStore(':memory:');
  const { default: pg } = await import('pg');
  const name = `parallax_ecbplus_${process.pid}_${++databases}`;
  const admin = new pg.Client({ connectionString: library });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(library);
  url.pathname = `/${name}`;
  const store = await openAsyncStore(url.toString());
  return {
    ...store,
    close: async () => {
      await store.close();
      await admin.query(`DROP DATABASE ${name}`);
      await admin.end();
    },
  };
}

// ---- baseline: TF-IDF cosine, average-link agglomerative ------------------------------------------------

interface Merge {
  a: number;
  b: number;
  similarity: number;
}

/**
 * Average-link merges, most similar first, down to `floor`. TF-IDF as scikit-learn's TfidfVectorizer
 * computes it by default (raw counts × smooth IDF ln((1 + N) / (1 + df)) + 1, fitted on the documents being
 * clustered, L2-normalised) and cosine similarity.
 */
function averageLinkMerges(docs: readonly Doc[], floor: number): Merge[] {
  const n = docs.length;
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.terms.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const vectors = docs.map((d) => {
    const v = new Map<string, number>();
    for (const [t, c] of d.terms) v.set(t, c * (Math.log((1 + n) / (1 + (df.get(t) ?? 0))) + 1));
    let len = 0;
    for (const x of v.values()) len += x * x;
    len = Math.sqrt(len) || 1;
    for (const [t, x] of v) v.set(t, x / len);
    return v;
  });
  // sum[i*n+j]: the sum of document similarities between clusters i and j.
  const sum = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const vi = vectors[i] as Map<string, number>;
    for (let j = i + 1; j < n; j++) {
      const vj = vectors[j] as Map<string, number>;
      const [small, large] = vi.size < vj.size ? [vi, vj] : [vj, vi];
      let s = 0;
      for (const [t, x] of small) {
        const y = large.get(t);
        if (y !== undefined) s += x * y;
      }
      sum[i * n + j] = s;
      sum[j * n + i] = s;
    }
  }
  const size = new Array<number>(n).fill(1);
  const alive = new Array<boolean>(n).fill(true);
  const merges: Merge[] = [];
  for (;;) {
    let best = floor;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      const si = size[i] as number;
      for (let j = i + 1; j < n; j++) {
        if (!alive[j]) continue;
        const avg = (sum[i * n + j] as number) / (si * (size[j] as number));
        if (avg > best) {
          best = avg;
          bi = i;
          bj = j;
        }
      }
    }
    if (bi < 0) break;
    merges.push({ a: bi, b: bj, similarity: best });
    for (let k = 0; k < n; k++) {
      if (!alive[k] || k === bi || k === bj) continue;
      const s = (sum[bi * n + k] as number) + (sum[bj * n + k] as number);
      sum[bi * n + k] = s;
      sum[k * n + bi] = s;
    }
    size[bi] = (size[bi] as number) + (size[bj] as number);
    alive[bj] = false;
  }
  return merges;
}

function cut(n: number, merges: readonly Merge[], threshold: number): number[] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r] as number;
    return r;
  };
  for (const m of merges) {
    if (m.similarity < threshold) break;
    parent[find(m.b)] = find(m.a);
  }
  return Array.from({ length: n }, (_, i) => find(i));
}

const BASELINE_FLOOR = 0.01;
const BASELINE_GRID = Array.from({ length: 60 }, (_, i) => 0.01 + i * 0.01);

function tuneBaseline(dev: readonly Doc[]): { threshold: number; scores: Scores } {
  const merges = averageLinkMerges(dev, BASELINE_FLOOR);
  const gold = dev.map((d) => d.subtopic);
  let best = { threshold: 0, scores: score(cut(dev.length, merges, 0), gold) };
  for (const t of BASELINE_GRID) {
    const s = score(cut(dev.length, merges, t), gold);
    if (s.f1 > best.scores.f1) best = { threshold: t, scores: s };
  }
  return best;
}

function baseline(docs: readonly Doc[], threshold: number): Scores {
  return score(
    cut(docs.length, averageLinkMerges(docs, Math.min(threshold, BASELINE_FLOOR)), threshold),
    docs.map((d) => d.subtopic),
  );
}

// ---- tuning -----------------------------------------------------------------------------------------

/**
 * The grid the constants in src/stories/tuning.ts were chosen from: train + validation topics only, file
 * order, three seeded shuffles and date order, ranked by mean B³ F1. Each setting varies one to three knobs from the defaults.
 */
async function tune(tuneDocs: readonly Doc[]): Promise<void> {
  const runs = orders(tuneDocs).map(([, o]) => o);
  const settings: ClusterOptions[] = [];
  const only = process.argv.indexOf('--grid');
  if (only >= 0) {
    // --grid '[{...}, {...}]': only these settings, to try a few by hand.
    settings.push(...(JSON.parse(process.argv[only + 1] ?? '[]') as ClusterOptions[]));
  } else {
    for (const threshold of [0.22, 0.23, 0.24, 0.25, 0.26, 0.28])
      for (const names of [0.7, 1])
        for (const facts of [0.6, 1]) settings.push({ threshold, groupWeights: { names, facts } });
    for (const docs of [0, 50, 200, 500]) settings.push({ idfPrior: { docs, share: 0.05 } });
    for (const [size, extra] of [
      [0, 0],
      [1, 0.02],
      [1, 0.08],
      [2, 0.03],
    ] as const)
      settings.push({ young: { size, extra } });
    for (const [agree, conflict] of [
      [1, 1],
      [1.15, 1],
      [1, 0.75],
      [1.3, 0.6],
    ] as const)
      settings.push({ years: { agree, conflict } });
    for (const windowDays of [45, 120, 365]) settings.push({ windowDays });
    for (const graceDays of [30, 60]) settings.push({ graceDays });
    for (const scoredCandidates of [10, 1000]) settings.push({ scoredCandidates });
    for (const threshold of [0.22, 0.24, 0.26, 0.28, 0.3])
      for (const [names, terms, facts] of [
        [1, 1, 1],
        [3, 8, 3],
        [5, 15, 5],
      ] as const)
        settings.push({ threshold, groupContent: { names, terms, facts } });
  }
  const rows: { options: ClusterOptions; mean: number; f1s: number[] }[] = [];
  for (const options of settings) {
    const f1s: number[] = [];
    for (const o of runs) f1s.push((await stream(o, options)).scores.f1);
    rows.push({ options, mean: f1s.reduce((x, y) => x + y, 0) / f1s.length, f1s });
  }
  rows.sort((x, y) => y.mean - x.mean);
  console.log(
    `| setting | mean B³ F1 | ${orders([])
      .map(([name]) => name)
      .join(' | ')} |\n| --- | ---: |${' ---: |'.repeat(orders([]).length)}`,
  );
  for (const r of rows)
    console.log(`| \`${JSON.stringify(r.options)}\` | ${fmt(r.mean)} | ${r.f1s.map(fmt).join(' | ')} |`);
}

// ---- backends ---------------------------------------------------------------------------------------

/**
 * --db postgres://… [--topics 1,3,5]: the same streams (file order and one shuffle) with the clustering
 * state in a SQLite library and in a PostgreSQL one, side by side; the scores must be the same, since both
 * backends answer every index call alike. Without --topics: the test topics and the dev topics.
 */
async function compareBackends(
  url: string,
  args: readonly string[],
  splits: Splits,
  inTopics: (topics: readonly number[]) => Doc[],
): Promise<void> {
  if (!isPostgresUrl(url)) throw new Error(`--db takes a postgres:// URL; got "${url}"`);
  const at = args.indexOf('--topics');
  const sets: [string, Doc[]][] =
    at >= 0
      ? [[`topics ${args[at + 1]}`, inTopics((args[at + 1] ?? '').split(',').map(Number))]]
      : [
          ['test topics', inTopics(splits.test)],
          ['dev (validation) topics', inTopics(splits.val)],
        ];
  console.log(
    '| set | order | backend | docs | stories | B³ P | B³ R | B³ F1 | pair F1 | seconds |\n| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  let same = true;
  for (const [label, set] of sets)
    for (const [name, order] of orders(set).slice(0, 2)) {
      const results: Scores[] = [];
      for (const backend of ['sqlite', url]) {
        const r = await stream(order, undefined, backend);
        results.push(r.scores);
        const s = r.scores;
        console.log(
          `| ${label} | ${name} | ${backend === 'sqlite' ? 'SQLite' : 'PostgreSQL'} | ${order.length} | ${s.clusters} | ${fmt(s.p)} | ${fmt(s.r)} | ${fmt(s.f1)} | ${fmt(s.pairF1)} | ${r.seconds.toFixed(1)} |`,
        );
      }
      if (JSON.stringify(results[0]) !== JSON.stringify(results[1])) same = false;
    }
  console.log(same ? '\nSame scores on both backends.' : '\n**The backends differ.**');
  if (!same) process.exitCode = 1;
}

// ---- report -----------------------------------------------------------------------------------------

const fmt = (x: number) => x.toFixed(3);

function row(label: string, docs: number, s: Scores, extra = ''): string {
  return `| ${label} | ${docs} | ${s.gold} | ${s.clusters} | ${fmt(s.p)} | ${fmt(s.r)} | **${fmt(s.f1)}** | ${fmt(s.pairP)} | ${fmt(s.pairR)} | ${fmt(s.pairF1)} |${extra}`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const docsRaw = loadDocs();
  const splits = JSON.parse(readFileSync(join(CORPUS, 'splits.json'), 'utf8')) as Splits;
  const t0 = performance.now();
  const { articles, refused, cached } = annotateAll(docsRaw);
  const annotateSeconds = (performance.now() - t0) / 1000;
  const docs: Doc[] = docsRaw.map((d, i) => {
    const article = articles[i] as AnnotatedArticle;
    return { ...d, article, features: articleFeatures(article), terms: plainTerms(d.text) };
  });
  const inTopics = (topics: readonly number[]) => docs.filter((d) => topics.includes(d.topic));
  const test = inTopics(splits.test);
  const dev = inTopics(splits.val);
  const trainVal = inTopics([...splits.train, ...splits.val]);

  if (args.includes('--baseline-curve')) {
    for (const [label, set] of [
      ['dev', dev],
      ['test', test],
    ] as const) {
      const merges = averageLinkMerges(set, BASELINE_FLOOR);
      console.log(
        label,
        BASELINE_GRID.filter((_, i) => i % 2 === 0)
          .map(
            (t) =>
              `${t.toFixed(2)}:${score(
                cut(set.length, merges, t),
                set.map((d) => d.subtopic),
              ).f1.toFixed(3)}`,
          )
          .join(' '),
      );
    }
    return;
  }
  if (args.includes('--tune')) {
    await tune(trainVal);
    return;
  }
  const dbAt = args.indexOf('--db');
  if (dbAt >= 0) {
    await compareBackends(args[dbAt + 1] ?? '', args, splits, inTopics);
    return;
  }
  // --options '{"threshold":0.26}': the report with settings other than the defaults, to try one by hand.
  const at = args.indexOf('--options');
  const options = at >= 0 ? (JSON.parse(args[at + 1] ?? '{}') as ClusterOptions) : undefined;

  const sets: [string, Doc[]][] = [
    [`test topics ${Math.min(...splits.test)}–${Math.max(...splits.test)}`, test],
    ['all topics', docs],
    ['dev (validation) topics', dev],
  ];
  const lines: string[] = [];
  const header =
    '| set | docs | sub-topics | stories | B³ P | B³ R | B³ F1 | pair P | pair R | pair F1 |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |';

  lines.push(
    `Incremental clustering (src/stories, threshold ${JOIN_THRESHOLD}), one pass in file order, in three seeded shuffles (seeds ${SHUFFLE_SEEDS.join(', ')}) and in date order (the day each document's features carry, undated ones after, in file order):`,
    '',
    header,
  );
  let clusterDocs = 0;
  let clusterSeconds = 0;
  const fileOrder: Scores[] = [];
  const spreads: string[] = [];
  for (const [label, set] of sets) {
    const runs: (readonly [string, Scores])[] = [];
    for (const [name, order] of orders(set)) {
      const r = await stream(order, options);
      clusterDocs += set.length;
      clusterSeconds += r.seconds;
      runs.push([name, r.scores] as const);
    }
    fileOrder.push((runs[0] as readonly [string, Scores])[1]);
    for (const [name, s] of runs) lines.push(row(`${label}, ${name}`, set.length, s));
    lines.push(
      row(
        `${label}, file order, SQLite library state`,
        set.length,
        (await stream(set, options, 'sqlite')).scores,
      ),
    );
    const f1s = runs.map(([, s]) => s.f1);
    const mean = f1s.reduce((x, y) => x + y, 0) / f1s.length;
    spreads.push(
      `${label}: mean B³ F1 over the ${f1s.length} orders ${fmt(mean)}, min ${fmt(Math.min(...f1s))}, max ${fmt(Math.max(...f1s))} (spread ${fmt(Math.max(...f1s) - Math.min(...f1s))})`,
    );
  }
  lines.push('', ...spreads.map((l) => `- ${l}`));
  // Throughput of the clustering step alone (features precomputed): all documents, best of 5 passes.
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5; i++) best = Math.min(best, (await stream(docs)).seconds);
  const docsPerSecond = docs.length / best;

  const tuned = tuneBaseline(dev);
  lines.push(
    '',
    `Baseline: TF-IDF as scikit-learn's TfidfVectorizer defaults (lower-case, tokens \`\\b\\w\\w+\\b\`, raw tf, smooth idf, l2) on each document's text, cosine, average-link agglomerative over all the documents of the set at once, one similarity threshold (${tuned.threshold.toFixed(2)}, i.e. distance ${(1 - tuned.threshold).toFixed(2)}) chosen on the dev topics by B³ F1:`,
    '',
    header,
  );
  const baselineScores: Scores[] = [];
  for (const [label, set] of sets) {
    const s = baseline(set, tuned.threshold);
    baselineScores.push(s);
    lines.push(row(label, set.length, s));
  }
  const [testScores, allScores] = fileOrder as [Scores, Scores];
  const [testBase] = baselineScores as [Scores];
  const met = (ok: boolean) => (ok ? 'met' : '**missed**');
  lines.push(
    '',
    `- Test topics, file order: B³ F1 **${fmt(testScores.f1)}** (target ≥ 0.92: ${met(testScores.f1 >= 0.92)}; baseline ${fmt(testBase.f1)}), pairwise F1 ${fmt(testScores.pairF1)} (baseline ${fmt(testBase.pairF1)}).`,
    `- All ${docs.length} documents in one library: B³ F1 **${fmt(allScores.f1)}** (target ≥ 0.90: ${met(allScores.f1 >= 0.9)}).`,
    `- Clustering step alone: **${Math.round(docsPerSecond)} docs/s** (${docs.length} documents, features precomputed, best of 5; ${(clusterDocs / clusterSeconds).toFixed(0)} docs/s over all the runs above).`,
    `- Annotation: ${docs.length} documents through ingest → clean → annotate${cached ? ' (cached)' : ` in ${annotateSeconds.toFixed(1)} s`}; the cleaner refused ${refused} headline-only documents, annotated as they are. Tuned on train + validation topics only (\`node dist/bench/ecbplus.js --tune\`).`,
  );
  const body = lines.join('\n');
  console.log(body);

  if (args.includes('--record')) {
    const today = new Date().toISOString().slice(0, 10);
    const machine = `${machineLine()}, ${platform()} ${release()}`;
    recordSection(
      `## Story clustering (ECB+) — ${today}\n\nMachine: ${machine}. Corpus: ECB+ (982 documents, 43 topics, 86 sub-topics; a sub-topic is one event). Command: \`npm run build && node dist/bench/ecbplus.js --record\`.\n\n${body}\n`,
    );
    console.error(`Recorded in ${RESULTS}`);
  }
}

await main();
