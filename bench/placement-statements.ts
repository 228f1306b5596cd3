// `node dist/bench/placement-statements.js --db postgres://USER:PW@HOST/DB [--articles N] [--batch B]`:
// the first N allsides articles (default 300) ingested in batches of B (default 16, about what a worker's
// batch placer gathers) into a SQLite library and into a new PostgreSQL database (the user must be allowed
// CREATE DATABASE), counting the statements each placement transaction sends to the server, BEGIN and
// COMMIT included: a deterministic measure of the round trips placement pays (each statement is one),
// where wall time on a loaded machine is not. Also prints which statements were sent most, and a
// fingerprint of the stories each library ends with (every story's article ids), which must be the same on
// both backends and before and after a change that only saves round trips. The articles are annotated
// once, in this thread, for both libraries. The corpus is read from ../shared; nothing of it is written
// into the repository.

import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DEFAULT_CONFIG } from '../src/config.js';
import { type Annotator, inProcessAnnotator } from '../src/library/annotator.js';
import { ingestIntoLibrary, placeBatch } from '../src/library/ingest.js';
import type { PrepareResult } from '../src/library/prepare.js';
import type { AsyncStore } from '../src/store/async-store.js';
import { openPgStore } from '../src/store/postgres/pg-store.js';
import { openSqliteAsyncStore } from '../src/store/sqlite/async-adapter.js';
import { writeFirstLines } from './corpus-lines.js';
import { freshDatabase } from './pg-database.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(HERE, '../..');
const CORPUS = resolve(ROOT, '../shared/corpus/allsides/articles.jsonl.gz');

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/**
 * Statements sent inside transactions, counted per connection between its BEGIN and its COMMIT or
 * ROLLBACK; a transaction is kept only when it began while `placing` was set (a placement transaction).
 */
class StatementCounter {
  placing = false;
  readonly transactions: number[] = [];
  /** Statements of the placement transactions by their text's first words. */
  readonly byText = new Map<string, number>();
  private readonly open = new WeakMap<object, { count: number; placement: boolean }>();

  install(): void {
    const counter = this;
    const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
    (pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (
      this: object,
      ...args: unknown[]
    ) {
      const first = args[0];
      const text = typeof first === 'string' ? first : ((first as { text?: string } | undefined)?.text ?? '');
      counter.note(this, text);
      return original.apply(this, args);
    };
  }

  private note(client: object, text: string): void {
    const verb = text.trim().toUpperCase();
    if (verb === 'BEGIN') {
      this.open.set(client, { count: 0, placement: this.placing });
    }
    const tx = this.open.get(client);
    if (!tx) return;
    tx.count++;
    if (tx.placement) {
      const key = text.replace(/\s+/g, ' ').trim().slice(0, 70);
      this.byText.set(key, (this.byText.get(key) ?? 0) + 1);
    }
    if (verb === 'COMMIT' || verb === 'ROLLBACK') {
      this.open.delete(client);
      if (tx.placement) this.transactions.push(tx.count);
    }
  }
}

/** Annotates each article once, whichever library asks first (the same results for both). */
function cachingAnnotator(): Annotator {
  const inner = inProcessAnnotator();
  const done = new Map<string, PrepareResult>();
  return {
    capacity: 1,
    close: () => inner.close(),
    async prepare(articles) {
      const missing = articles.filter((a) => !done.has(a.id));
      const results = await inner.prepare(missing);
      missing.forEach((a, i) => {
        done.set(a.id, results[i] as PrepareResult);
      });
      return articles.map((a) => done.get(a.id) as PrepareResult);
    },
  };
}

/** Every story's article ids, sorted, hashed: the same stories give the same fingerprint. */
async function fingerprint(store: AsyncStore): Promise<{ stories: number; hash: string }> {
  const ids = (await store.listStories()).map((s) => s.id);
  const members = await store.storyArticles(ids);
  const stories = [...members.values()]
    .map((refs) =>
      refs
        .map((r) => `${r.articleId}${r.duplicateOf ? `<${r.duplicateOf}` : ''}`)
        .sort()
        .join(','),
    )
    .filter((s) => s !== '')
    .sort();
  return {
    stories: stories.length,
    hash: createHash('sha256').update(stories.join('\n')).digest('hex').slice(0, 16),
  };
}

async function main(): Promise<void> {
  const admin = flag('--db');
  if (!admin?.startsWith('postgres')) throw new Error('--db takes a postgres:// URL of a server');
  const articles = Number(flag('--articles') ?? 300);
  const batchSize = Number(flag('--batch') ?? 16);
  const folder = mkdtempSync(join(tmpdir(), 'parallax-statements-'));
  const counter = new StatementCounter();
  counter.install();
  const annotator = cachingAnnotator();
  try {
    const input = join(folder, 'articles.jsonl');
    await writeFirstLines(CORPUS, articles, input);
    console.log(`${articles} allsides articles in batches of ${batchSize}`);
    console.log(
      '| backend | placement transactions | statements | per transaction | stories | fingerprint | reported story wrong |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | --- | ---: |');
    for (const backend of ['sqlite', 'postgres'] as const) {
      const store =
        backend === 'sqlite'
          ? openSqliteAsyncStore(join(folder, 'library.db'))
          : await openPgStore(await freshDatabase(admin, 'px_bench_statements'));
      try {
        let wrong = 0;
        const summary = await ingestIntoLibrary(store, [input], DEFAULT_CONFIG, {
          batchSize,
          annotator,
          placer: async (prepared, hooks) => {
            counter.placing = true;
            let batch: Awaited<ReturnType<typeof placeBatch>>;
            try {
              batch = await placeBatch(store, prepared, hooks);
            } finally {
              counter.placing = false;
            }
            // What the batch says of each article's story must be where the store has it once committed
            // (after the batch's second pass; a later batch's pass may move it again).
            for (const p of batch.placed) if ((await store.storyOf(p.articleId)) !== p.storyId) wrong++;
            return batch;
          },
        });
        const { stories, hash } = await fingerprint(store);
        const tx = backend === 'postgres' ? counter.transactions : [];
        const total = tx.reduce((a, b) => a + b, 0);
        console.log(
          `| ${backend} | ${tx.length || '—'} | ${tx.length ? total : '—'} | ${tx.length ? (total / tx.length).toFixed(1) : '—'} | ${stories} | ${hash} | ${wrong} of ${summary.placed.length} |`,
        );
      } finally {
        await store.close();
      }
    }
    console.log('\nStatements sent most by the placement transactions (first words, count):');
    for (const [text, n] of [...counter.byText].sort((a, b) => b[1] - a[1]).slice(0, 25))
      console.log(`  ${String(n).padStart(6)}  ${text}`);
  } finally {
    await annotator.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
