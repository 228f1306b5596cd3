// `parallax ingest`: read inputs, clean, skip what the library already holds, annotate the rest, and place
// each new article in a story. Work is committed in batches, each batch in one transaction together with
// the clustering state it changed: killing the process at any moment loses at most the batch under way,
// and running the same command again skips what was stored and completes the rest.

import type { Config } from '../config.js';
import type { IngestItem } from '../ingest/index.js';
import type { Article } from '../model/article.js';
import { IngestedLeanings } from '../outlets/ingested-leanings.js';
import { cleanedArticles, pipelineContext, pipelineItems } from '../pipeline/articles.js';
import { asAsyncStore } from '../store/as-async.js';
import type { AsyncStore, AsyncStoreSession } from '../store/async-store.js';
import { articleIdentity } from '../store/identity.js';
import { lockPlacement } from '../store/placement-lock.js';
import { hostAndParents } from '../store/sqlite/outlets.js';
import type { Store } from '../store/store.js';
import { assignArticle } from '../stories/cluster.js';
import { isNearDuplicate, nearDuplicateScore } from '../stories/near-duplicates.js';
import { type Annotator, inProcessAnnotator, workerAnnotator } from './annotator.js';
import { calibrationDue, refreshCalibration } from './calibration.js';
import { boundHeapGrowth } from './heap-growth.js';
import type { PreparedArticle, PrepareResult } from './prepare.js';
import { forgetPassCache, reclusterNeighbourhood } from './recluster.js';

/** Articles per transaction: large enough that commits cost little, small enough that a crash loses little. */
export const DEFAULT_BATCH_SIZE = 64;
/** Earlier articles verified per new article, from those sharing the most near-duplicate keys. */
const DUPLICATE_CANDIDATES = 5;

export interface IngestProgress {
  /** Articles read so far (stored, already there, or refused). */
  seen: number;
  added: number;
  existing: number;
  refused: number;
  newStories: number;
  duplicates: number;
}

export interface IngestSummary extends IngestProgress {
  /** Store ids of the articles added, with the story each landed in. */
  placed: {
    articleId: string;
    inputId: string;
    storyId: number;
    duplicateOf: string | null;
    created: boolean;
  }[];
}

export interface IngestOptions {
  stdin?: NodeJS.ReadableStream;
  batchSize?: number;
  /** Annotate in worker threads (the default when the compiled worker exists) or in this thread. */
  worker?: boolean;
  /** Worker threads at most (`--jobs`; default one per core less one). */
  jobs?: number;
  /** An annotator the caller keeps (serve's long-lived worker); used instead of `worker`, and not closed. */
  annotator?: Annotator;
  /** Called with each refusal: the input and a one-line reason. */
  onRefusal?: (input: string, reason: string) => void;
  /** Called after every committed batch. */
  onProgress?: (progress: IngestProgress) => void;
  /** Articles from elsewhere (fetched pages, feed items), ingested after the inputs. */
  extra?: AsyncIterable<IngestItem>;
  /**
   * Measure the calibration check at the end of the run (default true). The queue's one-article jobs say
   * false: it is still measured inside the batches whenever the library has grown enough.
   */
  measureAtEnd?: boolean;
  /** Points where the queue's tests stop a job (a crash mid-transaction, workers placing at once). */
  hooks?: IngestHooks;
  /**
   * Places each annotated batch instead of this run's own transaction: the queue's worker gathers the
   * articles of its jobs running at once into one transaction (queue/batch-placer.ts). Default placeBatch.
   */
  placer?: (prepared: PreparedArticle[], hooks: IngestHooks) => Promise<PlacedBatch>;
}

/** What placing one batch did (placeBatch). */
export interface PlacedBatch {
  placed: IngestSummary['placed'];
  /** Articles found already stored when the batch was stored. */
  existing: number;
  newStories: number;
  duplicates: number;
}

export interface IngestHooks {
  /** Before each batch's transaction begins (its articles annotated, nothing stored yet). */
  beforeTransaction?: () => Promise<void>;
  /** Inside each batch's transaction just before it commits. */
  beforeCommit?: () => Promise<void>;
}

/**
 * Ingests into a library on either backend (a synchronous SQLite store is used through its asynchronous
 * adapter, as-async.ts).
 */
export async function ingestIntoLibrary(
  library: Store | AsyncStore,
  inputs: readonly string[],
  config: Config,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const store = asAsyncStore(library);
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const ctx = await pipelineContext(config);
  // Articles that carry only a URL take their outlet's name from the library's outlet directory, read once
  // per host (cleaning asks synchronously, per article; the directory does not change during a run).
  ctx.outletOfHost = await outletsOfHosts(store);
  const leanings = new IngestedLeanings();
  const summary: IngestSummary = {
    seen: 0,
    added: 0,
    existing: 0,
    refused: 0,
    newStories: 0,
    duplicates: 0,
    placed: [],
  };
  const refuse = (input: string, reason: string) => {
    summary.refused++;
    options.onRefusal?.(input, reason);
  };
  const annotator: Annotator =
    options.annotator ??
    (options.worker !== false ? workerAnnotator({ jobs: options.jobs }) : null) ??
    inProcessAnnotator();
  // Ids sent for annotation in this run: the same article twice in the input is annotated once.
  const sent = new Set<string>();
  // Each batch's commit, chained after the previous batch's: batches are stored in the order they were
  // read whichever worker finishes first, so the library is the same for any number of workers. A batch
  // that fails stops the chain; the ones before it stay committed.
  let committing: Promise<void> = Promise.resolve();
  // Commits not yet awaited, oldest first: as many batches are annotated at once as the annotator has workers.
  const inFlight: Promise<void>[] = [];

  let pending: { article: Article; id: string }[] = [];
  // Bounded heaps for the run (heap-growth.ts): the full allsides library peaked over 2 GB without.
  const releaseHeap = boundHeapGrowth();
  const flush = async () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    // Articles already stored are never annotated again.
    const known = await store.knownIds(batch.map((p) => p.id));
    const fresh = batch.filter((p) => {
      if (known.has(p.id) || sent.has(p.id)) {
        summary.existing++;
        return false;
      }
      sent.add(p.id);
      return true;
    });
    const annotating = fresh.length > 0 ? annotator.prepare(fresh) : Promise.resolve([]);
    // If an earlier batch failed, this one is abandoned: its result must not surface as unhandled.
    annotating.catch(() => {});
    committing = committing
      .then(() => annotating.catch((err: Error) => Promise.reject(annotationFailure(err, summary.added))))
      .then(async (results) => {
        await commitBatch(store, results, summary, refuse, options.hooks, options.placer);
        options.onProgress?.(progressOf(summary));
      });
    // Annotated results are not left unobserved if this run stops before awaiting them.
    committing.catch(() => {});
    inFlight.push(committing);
    while (inFlight.length > annotator.capacity) await inFlight.shift();
  };

  try {
    // The pipeline's clean half; the annotate stage runs in the annotator, only on articles not yet stored.
    const items = pipelineItems(inputs, config, ctx, { stdin: options.stdin, extra: options.extra });
    for await (const event of cleanedArticles(items, ctx)) {
      summary.seen++;
      if (!event.ok) {
        refuse(event.input, event.reason);
        continue;
      }
      leanings.note(event.article);
      pending.push({ article: event.article, id: articleIdentity(event.article).id });
      if (pending.length >= batchSize) await flush();
    }
    await flush();
    await committing;
    await leanings.record(store);
    // The end of a run always measures, so the counters do not depend on where batches or runs ended.
    if (summary.added > 0 && options.measureAtEnd !== false)
      await store.withTransaction((tx) => refreshCalibration(tx));
  } finally {
    if (annotator !== options.annotator) await annotator.close();
    releaseHeap();
  }
  return summary;
}

/**
 * The outlet directory's hosts as the synchronous lookup cleaning asks per article: a host's own entry or
 * that of its nearest listed parent domain ("money.example.com" → the outlet of "example.com"), as the
 * store's outletOfHost answers, read in one call rather than one per article.
 */
async function outletsOfHosts(store: AsyncStore): Promise<(host: string) => string | null> {
  const outletOf = new Map<string, string>();
  for (const record of (await store.outletDirectory()).outlets)
    for (const host of record.hosts) outletOf.set(host, record.name);
  return (host) => {
    for (const candidate of hostAndParents(host)) {
      const name = outletOf.get(candidate);
      if (name !== undefined) return name;
    }
    return null;
  };
}

/**
 * A failed batch as one line that also says what was kept: it is read once every batch before it has
 * committed, so the count is what the library holds from this run.
 */
function annotationFailure(err: Error, added: number): Error {
  const kept = `${added} article${added === 1 ? '' : 's'} stored before it ${added === 1 ? 'is' : 'are'} kept`;
  return new Error(`${err.message}; ${kept}; ingesting the same input again adds the rest`, { cause: err });
}

function progressOf(summary: IngestSummary): IngestProgress {
  const { seen, added, existing, refused, newStories, duplicates } = summary;
  return { seen, added, existing, refused, newStories, duplicates };
}

/** Stores one annotated batch and places each article (placeBatch, or the caller's placer). */
async function commitBatch(
  store: AsyncStore,
  results: PrepareResult[],
  summary: IngestSummary,
  refuse: (input: string, reason: string) => void,
  hooks: IngestHooks = {},
  placer?: IngestOptions['placer'],
): Promise<void> {
  const prepared: PreparedArticle[] = [];
  for (const result of results) {
    if (result.ok) prepared.push(result.prepared);
    else refuse(result.source, result.reason);
  }
  if (prepared.length === 0) return;
  await hooks.beforeTransaction?.();
  const batch = placer ? await placer(prepared, hooks) : await placeBatch(store, prepared, hooks);
  // Counted only once the transaction committed, so the summary never claims what a failed batch lost.
  summary.existing += batch.existing;
  summary.added += batch.placed.length;
  summary.newStories += batch.newStories;
  summary.duplicates += batch.duplicates;
  summary.placed.push(...batch.placed);
}

/**
 * Stores annotated articles and places each in a story, all in one transaction under the placement lock,
 * then runs the second pass over the stories they touched.
 */
export async function placeBatch(
  store: AsyncStore,
  prepared: readonly PreparedArticle[],
  hooks: IngestHooks = {},
): Promise<PlacedBatch> {
  const placed: IngestSummary['placed'] = [];
  let newStories = 0;
  let duplicates = 0;
  let existing = 0;
  await transactionForgettingOnFailure(store, async (tx) => {
    // One batch places at a time, also across processes (workers on one PostgreSQL library).
    await lockPlacement(tx);
    const result = await tx.putArticles(prepared.map((p) => p.article));
    existing = result.existing.length;
    const added = new Set(result.added);
    const index = tx.storyIndex();
    for (const item of prepared) {
      if (!added.has(item.id)) continue;
      await tx.recordArticleFeatures(item.id, item.features, item.keys);
      const original = await findOriginal(tx, item);
      if (original) {
        await tx.placeArticle(item.id, {
          storyId: original.storyId,
          duplicateOf: original.id,
          score: original.score,
          reasons: { decision: 'near-duplicate', duplicateOf: original.id, ...original.detail },
          placedBy: 'ingest',
        });
        duplicates++;
        placed.push({
          articleId: item.id,
          inputId: item.article.id,
          storyId: original.storyId,
          duplicateOf: original.id,
          created: false,
        });
        continue;
      }
      const assignment = await assignArticle(index, item.features);
      await tx.placeArticle(item.id, {
        storyId: assignment.storyId,
        duplicateOf: null,
        score: assignment.created ? null : assignment.score,
        reasons: assignment.reasons,
        placedBy: 'ingest',
      });
      if (assignment.created) newStories++;
      placed.push({
        articleId: item.id,
        inputId: item.article.id,
        storyId: assignment.storyId,
        duplicateOf: null,
        created: assignment.created,
      });
    }
    // The order-free second pass over the stories this batch touched and their neighbours.
    const touched = new Set(placed.filter((p) => p.duplicateOf === null).map((p) => p.storyId));
    const pass = await reclusterNeighbourhood(tx, touched, undefined, store);
    for (const p of placed) p.storyId = pass.movedTo.get(p.articleId) ?? p.storyId;
    newStories += pass.created;
    // The stories this batch touched get their label contest back in the same commit.
    await tx.refreshContest();
    // The calibration check, measured again when the library has grown enough (and at the end of the run).
    if (await calibrationDue(tx)) await refreshCalibration(tx);
    await hooks.beforeCommit?.();
  });
  return { placed, existing, newStories, duplicates };
}

/**
 * The store's transaction; when it rolls back, the second pass forgets what it kept for the library
 * (an article of the undone batch may come back later with other features under the same id).
 */
async function transactionForgettingOnFailure(
  store: AsyncStore,
  fn: (tx: AsyncStoreSession) => Promise<void>,
): Promise<void> {
  try {
    await store.withTransaction(fn);
  } catch (err) {
    forgetPassCache(store);
    throw err;
  }
}

/** The earlier, already placed article this one nearly duplicates, verified on the texts. */
async function findOriginal(
  store: AsyncStoreSession,
  item: PreparedArticle,
): Promise<{ id: string; storyId: number; score: number; detail: Record<string, number> } | null> {
  for (const candidate of await store.duplicateCandidates(item.keys, DUPLICATE_CANDIDATES + 1)) {
    if (candidate.id === item.id || candidate.storyId === null) continue;
    const score = nearDuplicateScore(item.article.text, candidate.text);
    if (isNearDuplicate(score)) {
      return {
        id: candidate.id,
        storyId: candidate.storyId,
        score: score.resemblance,
        detail: { resemblance: score.resemblance, containment: score.containment },
      };
    }
  }
  return null;
}
