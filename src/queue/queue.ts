// Opening the queue: the library's PostgreSQL database, whose graphile-worker schema is created (migrated)
// on first use. A SQLite --db is refused in one line: the queue lives in PostgreSQL.

import { makeWorkerUtils, type WorkerUtils } from 'graphile-worker';
import { ParallaxError } from '../errors.js';
import type { RawArticle } from '../model/article.js';
import { isPostgresUrl } from '../store/open.js';
import { pgStoreError, redactUrl } from '../store/postgres/errors.js';
import { type FetchPayload, MAX_ATTEMPTS, QUEUE_SCHEMA, TASKS } from './jobs.js';
import { quietLogger } from './log.js';

/** Jobs added per statement when enqueueing many. */
const ENQUEUE_CHUNK = 500;

/**
 * The URL of a queue command's --db, or one line saying why not. Example: `parallax worker --db news.db`
 * → "news.db: the queue needs PostgreSQL: give --db postgres://user:password@host/database (…)".
 */
export function requireQueueDb(db: string | null, command: string): string {
  if (db !== null && isPostgresUrl(db)) return db.trim();
  const named = db ?? '(no --db and no PARALLAX_DB)';
  throw new ParallaxError(
    'USAGE',
    `${named}: the queue needs PostgreSQL: give ${command} --db postgres://user:password@host/database (the library's database; a library file cannot hold a queue)`,
  );
}

export interface Queue {
  enqueueArticles(raws: readonly RawArticle[]): Promise<number>;
  enqueueFetches(fetches: readonly FetchPayload[]): Promise<number>;
  readonly utils: WorkerUtils;
  close(): Promise<void>;
}

export async function openQueue(db: string): Promise<Queue> {
  const where = redactUrl(db);
  let utils: WorkerUtils;
  try {
    utils = await makeWorkerUtils({ connectionString: db, schema: QUEUE_SCHEMA, logger: quietLogger });
    await utils.migrate();
  } catch (err) {
    throw pgStoreError(where, err, 'the queue could not be opened');
  }
  const add = async (specs: { identifier: string; payload: unknown }[]) => {
    let added = 0;
    for (let i = 0; i < specs.length; i += ENQUEUE_CHUNK) {
      const chunk = specs.slice(i, i + ENQUEUE_CHUNK).map((s) => ({ ...s, maxAttempts: MAX_ATTEMPTS }));
      try {
        added += (await utils.addJobs(chunk)).length;
      } catch (err) {
        throw pgStoreError(where, err, `${added} jobs were enqueued before this`);
      }
    }
    return added;
  };
  return {
    utils,
    enqueueArticles: (raws) => add(raws.map((raw) => ({ identifier: TASKS.article, payload: { raw } }))),
    enqueueFetches: (fetches) => add(fetches.map((f) => ({ identifier: TASKS.fetch, payload: f }))),
    close: async () => {
      await utils.release();
    },
  };
}
