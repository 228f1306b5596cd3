import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { BACKEND_SENSITIVE } from './test/support/backends.js';
import { findPgBin } from './test/support/pg-cluster.js';

/** Files that replace a module with vi.mock: a shared module cache would hand them the real one. */
const MOCKING = ['test/pipeline.test.ts'];

/**
 * Whether to run the suite on PostgreSQL too: always under CI (a missing PostgreSQL then fails the run),
 * else when PostgreSQL is installed or PARALLAX_TEST_PG names a server. A laptop without it runs the
 * SQLite suite and is told so, as the PostgreSQL store's own tests skip there.
 */
const onPostgres = Boolean(process.env.CI || process.env.PARALLAX_TEST_PG?.trim() || findPgBin());
if (!onPostgres)
  console.warn('PostgreSQL is not installed: the suite runs on SQLite only (apt-get install postgresql)');

// The whole suite on PostgreSQL: every file that opens a library through test/support/test-library.ts
// runs again here, each library a fresh database on the throw-away cluster (test/support/backends.ts
// lists them; the others run on one backend and say why). `vitest run --project shared` skips it.
const POSTGRES_PROJECT: TestProjectInlineConfiguration = {
  extends: true,
  test: {
    name: 'postgres',
    include: BACKEND_SENSITIVE,
    // The same cluster as "shared" (pg-global-setup.ts starts one per run, whoever asks first).
    globalSetup: ['test/support/pg-global-setup.ts'],
    isolate: false,
    provide: { testBackend: 'postgres' },
  },
};

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
          // A throw-away PostgreSQL cluster for the PostgreSQL tests (not in "isolated", which needs none;
          // "postgres" shares it: pg-global-setup.ts starts one per run).
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
      ...(onPostgres ? [POSTGRES_PROJECT] : []),
    ],
  },
});
