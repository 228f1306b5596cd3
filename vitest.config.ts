import { defineConfig } from 'vitest/config';

/** Files that replace a module with vi.mock: a shared module cache would hand them the real one. */
const MOCKING = ['test/pipeline.test.ts'];

/**
 * Files that exercise the library through the store, the CLI's `--db` or the web app, and open their
 * libraries through test/support/test-library.ts: the "postgres" project runs them a second time with
 * every library in a fresh PostgreSQL database. Files about SQLite itself (its file format, migrations,
 * locking, worker-thread search) stay in "shared" only; the *-postgres files already compare both.
 */
const BACKEND_SENSITIVE = [
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

export default defineConfig({
  test: {
    pool: 'forks',
    // These limits catch a hung test, they do not measure speed: on a loaded 2-core machine a CLI test
    // that spawns several processes has taken over a minute. Speed is measured in `npm run bench`.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['test/**/*.test.ts'],
          // A throw-away PostgreSQL cluster for the PostgreSQL store's tests (only in this project: a
          // setup inherited by both would start two).
          globalSetup: ['test/support/pg-global-setup.ts'],
          exclude: MOCKING,
          // Test files share their worker's module cache: loading wink-nlp and compromise costs about 0.8 s
          // of CPU per file, and with isolation every one of the ~30 files paid it again (suite CPU time
          // 115 s isolated, 83 s shared, measured on the 2-core development machine). Tests keep no
          // module-level state that another file could see.
          isolate: false,
          provide: { testBackend: 'sqlite' },
        },
      },
      { extends: true, test: { name: 'isolated', include: MOCKING, isolate: true } },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: BACKEND_SENSITIVE,
          // The same cluster as "shared" (pg-global-setup.ts starts one per run, whoever asks first).
          globalSetup: ['test/support/pg-global-setup.ts'],
          isolate: false,
          provide: { testBackend: 'postgres' },
        },
      },
    ],
  },
});
