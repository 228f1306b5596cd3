// A library (the SQLite file `parallax ingest` writes, or a PostgreSQL database named by a postgres:// URL)
// for programs: the operations of the library commands — ingest, stories, story, story --why, story merge
// and split, search — on one open store.
import { existsSync } from 'node:fs';
import { type Config, DEFAULT_CONFIG } from '../config.js';
import { ParallaxError } from '../errors.js';
import type { IngestSummary } from '../library/ingest.js';
import type { MemberExplanation, StoryListingEntry } from '../library/stories.js';
import type { Report } from '../model/report.js';
import { pipelineContext } from '../pipeline/articles.js';
import type { AsyncStore } from '../store/async-store.js';
import { isPostgresUrl, openAsyncStore } from '../store/open.js';
import type { SearchHit, StoryDetail, StoryListOptions } from '../store/store.js';
import { type PipelineApiOptions, refusalHandler } from './analyze.js';
import { type Articles, articleItems, requireArticles } from './articles.js';

export interface LibraryIngestOptions extends PipelineApiOptions {
  /** Annotate in a worker thread while the previous batch is written (default true). */
  worker?: boolean;
}

/** A search hit with the story its article is in. */
export interface LibrarySearchHit extends SearchHit {
  story: number | null;
}

export interface Library {
  /** The library file, or the postgres:// URL without its password. */
  readonly path: string;
  /**
   * Stores the articles the library does not hold yet and places each in a story (or starts one), as
   * `parallax ingest` does; articles that cannot be used are reported through `onRefusal`.
   */
  ingest(articles: Articles, options?: LibraryIngestOptions): Promise<IngestSummary>;
  /** Stories, newest first (or as `order` says), as `parallax stories --format json` lists them. */
  stories(options?: StoryListOptions): Promise<StoryListingEntry[]>;
  /** One story's comparison report, as `parallax story <id>` writes it. Unknown ids reject (code USAGE). */
  story(id: number): Promise<Report>;
  /** Why each article is in the story, as `parallax story <id> --why` shows it. */
  why(id: number): Promise<{ story: StoryDetail; members: MemberExplanation[] }>;
  /** Folds story `other` into story `target`; later ingests keep the decision. Resolves to the merged story. */
  merge(target: number, other: number): Promise<StoryDetail>;
  /** Moves these articles (library or input ids) out of story `id` into a new story. */
  split(id: number, articleIds: readonly string[]): Promise<{ from: StoryDetail; to: StoryDetail }>;
  /** Full-text search of titles and texts: words, "exact phrases", OR, NOT, prefix*. */
  search(query: string, limit?: number): Promise<LibrarySearchHit[]>;
  /** Closes the library (on PostgreSQL, its connections: await it before the process ends). */
  close(): Promise<void>;
}

export interface OpenLibraryOptions {
  /** Refuse to create the file when it does not exist (ParallaxError, code STORE). Default false: create it. */
  mustExist?: boolean;
}

/**
 * Opens (or creates) a library: a file, or a PostgreSQL database (postgres://user:password@host/database,
 * which must exist; its schema is created or brought up to date). Close it when done; one process may
 * keep several open.
 */
export async function openLibrary(path: string, options: OpenLibraryOptions = {}): Promise<Library> {
  if (typeof path !== 'string' || path.trim() === '')
    throw new TypeError('openLibrary needs the path of a library file or a postgres:// URL');
  if (options.mustExist && !isPostgresUrl(path) && !existsSync(path)) {
    throw new ParallaxError('STORE', `${path}: no library there`);
  }
  const stories = await import('../library/stories.js');
  const store: AsyncStore = await openAsyncStore(path);
  let closed = false;
  const open = (): AsyncStore => {
    if (closed) throw new ParallaxError('STORE', `${store.location}: the library was closed`);
    return store;
  };
  return {
    path: store.location,
    async ingest(articles, ingestOptions = {}) {
      requireArticles(articles);
      const config: Config = {
        ...DEFAULT_CONFIG,
        maxInputBytes: ingestOptions.maxInputBytes ?? DEFAULT_CONFIG.maxInputBytes,
        sourcesFile: ingestOptions.sourcesFile ?? null,
      };
      const refused = refusalHandler(ingestOptions);
      const { sources } = await pipelineContext(config);
      const { ingestIntoLibrary } = await import('../library/ingest.js');
      return ingestIntoLibrary(open(), [], config, {
        extra: articleItems(articles, config, sources),
        worker: ingestOptions.worker,
        onRefusal: (input, reason) => refused({ input, reason }),
      });
    },
    async stories(listOptions = {}) {
      const s = open();
      return stories.storyListingIn(s, await s.listStories(listOptions));
    },
    async story(id) {
      const s = open();
      return stories.storyReportIn(s, await stories.requireStoryIn(s, id));
    },
    async why(id) {
      return stories.explainStoryIn(open(), id);
    },
    async merge(target, other) {
      return stories.mergeStoriesIn(open(), target, other);
    },
    async split(id, articleIds) {
      return stories.splitStoryIn(open(), id, [...articleIds]);
    },
    async search(query, limit = 20) {
      const s = open();
      const hits: LibrarySearchHit[] = [];
      for (const hit of await s.search(query, limit)) hits.push({ ...hit, story: await s.storyOf(hit.id) });
      return hits;
    },
    async close() {
      if (closed) return;
      closed = true;
      await store.close();
    },
  };
}
