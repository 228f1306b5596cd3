// A worker places the articles of all its jobs that finished annotating in one transaction (group commit).
// Placement runs one transaction at a time across all workers (store/placement-lock.ts), and on
// PostgreSQL most of a transaction is round trips that a batch pays once: taking the lock, the second pass
// over the neighbourhood, the label contest, the calibration check, the commit. So while one batch places,
// the jobs whose annotation finishes meanwhile wait here, and go in together as the next batch. Example:
// a worker running 4 jobs at once; job 1 finishes annotating and places alone; jobs 2, 3 and 4 finish while
// it does and are placed as one batch of three.
//
// Each job still ends only when its article is committed (graphile-worker marks it done when its task
// returns), so a worker killed mid-batch leaves every job of the batch to be retried, and a retried job
// finds its article stored (the job is idempotent). A batch that fails is placed again job by job, so one
// article that cannot be placed fails its own job only.

import type { IngestHooks, PlacedBatch } from '../library/ingest.js';
import { placeBatch } from '../library/ingest.js';
import type { PreparedArticle } from '../library/prepare.js';
import type { AsyncStore } from '../store/async-store.js';

/** Articles placed in one transaction at most: as ingest's batches (DEFAULT_BATCH_SIZE). */
export const MAX_BATCH_ARTICLES = 64;

interface Entry {
  prepared: PreparedArticle[];
  hooks: IngestHooks;
  resolve: (batch: PlacedBatch & { together: number }) => void;
  reject: (err: unknown) => void;
}

export class BatchPlacer {
  private waiting: Entry[] = [];
  private running = false;

  constructor(
    private readonly store: AsyncStore,
    private readonly place: typeof placeBatch = placeBatch,
  ) {}

  /**
   * Places these articles (one job's) with those of the other jobs waiting; settles once they are
   * committed, with what placing them did and how many jobs' articles went in together.
   */
  submit(prepared: PreparedArticle[], hooks: IngestHooks = {}): Promise<PlacedBatch & { together: number }> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ prepared, hooks, resolve, reject });
      void this.next();
    });
  }

  private async next(): Promise<void> {
    if (this.running || this.waiting.length === 0) return;
    this.running = true;
    try {
      await this.run(this.take());
    } finally {
      this.running = false;
      void this.next();
    }
  }

  /**
   * The next batch: waiting jobs in arrival order up to MAX_BATCH_ARTICLES. A job whose article is already
   * in the batch (the same input queued twice and taken by two jobs at once) waits for the next one, where
   * it is found stored: each job then says truly whether it stored its article.
   */
  private take(): Entry[] {
    const batch: Entry[] = [];
    const ids = new Set<string>();
    let articles = 0;
    const later: Entry[] = [];
    for (const entry of this.waiting) {
      const repeats = entry.prepared.some((p) => ids.has(p.id));
      const full = batch.length > 0 && articles + entry.prepared.length > MAX_BATCH_ARTICLES;
      if (repeats || full) {
        later.push(entry);
        continue;
      }
      batch.push(entry);
      articles += entry.prepared.length;
      for (const p of entry.prepared) ids.add(p.id);
    }
    this.waiting = later;
    return batch;
  }

  private async run(batch: Entry[]): Promise<void> {
    try {
      const result = await this.placeTogether(batch);
      for (const entry of batch) entry.resolve(share(result, entry, batch.length));
    } catch (err) {
      if (batch.length === 1) {
        (batch[0] as Entry).reject(err);
        return;
      }
      // One job at a time, so that the article that failed the batch fails only its own job.
      for (const entry of batch) {
        try {
          entry.resolve(share(await this.placeTogether([entry]), entry, 1));
        } catch (alone) {
          entry.reject(alone);
        }
      }
    }
  }

  private placeTogether(batch: Entry[]): Promise<PlacedBatch> {
    return this.place(
      this.store,
      batch.flatMap((e) => e.prepared),
      {
        // Inside the transaction, before it commits: each job's own hook (its timing, the tests' hold).
        async beforeCommit() {
          for (const entry of batch) await entry.hooks.beforeCommit?.();
        },
      },
    );
  }
}

/** One job's part of a placed batch: its own articles' placements (stories created by the pass: none). */
function share(result: PlacedBatch, entry: Entry, together: number): PlacedBatch & { together: number } {
  const own = new Set(entry.prepared.map((p) => p.id));
  const placed = result.placed.filter((p) => own.has(p.articleId));
  return {
    placed,
    existing: entry.prepared.length - placed.length,
    newStories: placed.filter((p) => p.created).length,
    duplicates: placed.filter((p) => p.duplicateOf !== null).length,
    together,
  };
}
