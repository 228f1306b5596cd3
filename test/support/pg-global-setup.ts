// Vitest global setup: a throw-away PostgreSQL cluster for the PostgreSQL store's tests, unless
// PARALLAX_TEST_PG names a server to use instead (a URL whose user may create databases). The tests read
// the URL with inject('pgUrl'); without one they skip, or fail under CI=true (see store-postgres.test.ts).
// A run of only other test files (npx vitest run test/api.test.ts) starts no cluster: starting one costs a
// few seconds on a busy machine.

import type { TestProject } from 'vitest/node';
import { findPgBin, type PgCluster, startPgCluster } from './pg-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres:// URL of a server the tests may create databases on, or null (see pgMissing). */
    pgUrl: string | null;
    /** Why there is no server, for the skip or failure message. */
    pgMissing: string;
  }
}

/** Test files that need the server: those named for PostgreSQL. */
const NEEDS_PG = /postgres|pg-|transfer/i;

/** Whether this run names its files and none of them needs PostgreSQL. */
function onlyOtherFiles(): boolean {
  const run = process.argv.indexOf('run');
  const named = process.argv.slice(run + 1).filter((a) => !a.startsWith('-') && /test/.test(a));
  return named.length > 0 && !named.some((a) => NEEDS_PG.test(a));
}

export default async function setup(project: TestProject): Promise<() => void> {
  const given = process.env.PARALLAX_TEST_PG?.trim();
  if (given) {
    project.provide('pgUrl', given);
    project.provide('pgMissing', '');
    return () => {};
  }
  if (onlyOtherFiles()) {
    project.provide('pgUrl', null);
    project.provide('pgMissing', 'no test file of this run needs it');
    return () => {};
  }
  if (findPgBin() === null) {
    project.provide('pgUrl', null);
    project.provide(
      'pgMissing',
      'PostgreSQL is not installed (apt-get install postgresql) and PARALLAX_TEST_PG is not set',
    );
    return () => {};
  }
  let cluster: PgCluster;
  try {
    cluster = await startPgCluster();
  } catch (err) {
    project.provide('pgUrl', null);
    project.provide(
      'pgMissing',
      `the throw-away cluster did not start: ${(err as Error).message.split('\n')[0]}`,
    );
    return () => {};
  }
  project.provide('pgUrl', cluster.url);
  project.provide('pgMissing', '');
  return () => cluster.stop();
}
