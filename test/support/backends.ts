// Which test files run on which backend. Every file that opens a library is in exactly one of these lists
// (test/test-backends.test.ts checks it), so a new test cannot run on SQLite alone without saying why.

/**
 * Files that exercise the library through the store, the CLI's `--db`, the library API or the web app and
 * open their libraries through test/support/test-library.ts: vitest's "postgres" project runs them a
 * second time with every library in a fresh PostgreSQL database (vitest.config.ts).
 */
export const BACKEND_SENSITIVE = [
  'test/server.test.ts',
  'test/server-pages.test.ts',
  'test/server-guards.test.ts',
  'test/server-navigation.test.ts',
  'test/server-calibration.test.ts',
  'test/kept-work.test.ts',
  'test/spread.test.ts',
  'test/report-spread.test.ts',
  'test/sections-export.test.ts',
  'test/big-story.test.ts',
  'test/story-titles.test.ts',
  'test/library.test.ts',
  'test/library-calibration.test.ts',
  'test/recluster-neighbourhood.test.ts',
  'test/annotate-pool.test.ts',
  'test/store-views.test.ts',
  'test/url-identity.test.ts',
  'test/api.test.ts',
  'test/outlets.test.ts',
  'test/outlets-relabel.test.ts',
  'test/watch.test.ts',
  'test/e2e/cli.test.ts',
  'test/e2e/library-cli.test.ts',
  'test/e2e/app.test.ts',
  'test/e2e/comfort-browser.test.ts',
  'test/e2e/export-browser.test.ts',
  'test/e2e/kept-work-browser.test.ts',
  'test/e2e/navigation-browser.test.ts',
  'test/e2e/outlets-browser.test.ts',
];

/** Files that open a library yet run on one backend only (or compare both themselves), and why. */
export const ONE_BACKEND: Record<string, string> = {
  'test/store-sqlite.test.ts':
    'the contract suites on SQLite plus its file format, locking and size limit; store-postgres.test.ts runs the suites on PostgreSQL',
  'test/cli-migrate.test.ts': 'migrating a file; the PostgreSQL side is in store-postgres.test.ts',
  'test/server-responsive.test.ts':
    "SQLite's worker-thread search over a file filled with raw SQL; the PostgreSQL searcher's deadline is tested with a fake store there",
  'test/error-pages.test.ts': 'the store is a proxy that fails on purpose; no backend is exercised',
  'test/input-bounds.test.ts':
    '`feeds add /dev/zero` stops at the OPML file read, before any library is written',
  'test/cli-conventions.test.ts': 'parses `--db x.db` as text; no library is opened',
  'test/pipeline.test.ts': 'an input refused before it reaches the store (and the file mocks modules)',
  'test/e2e/package.test.ts': 'the packed tarball installed in a scratch project, with a library file',
  'test/store-postgres.test.ts': 'PostgreSQL itself, against SQLite where the two must agree',
  'test/library-postgres.test.ts': 'compares the commands on a file and on PostgreSQL',
  'test/server-postgres.test.ts': 'two app instances on one PostgreSQL database',
  'test/feeds-postgres.test.ts': 'feeds and watch on PostgreSQL (watch.test.ts runs on both too)',
  'test/queue-postgres.test.ts': 'the job queue exists only on PostgreSQL',
  'test/queue-page-postgres.test.ts': 'the job queue exists only on PostgreSQL',
  'test/queue-restart-postgres.test.ts': 'a PostgreSQL restart during ingest',
  'test/cluster-cache-postgres.test.ts': "PostgreSQL's per-process clustering cache; SQLite keeps its own",
  'test/watch-queue-postgres.test.ts':
    'watch --queue puts feed items on the job queue, which exists only on PostgreSQL',
  'test/transfer.test.ts': 'export/import between a file and PostgreSQL',
};
