// Vitest global setup: a throw-away PostgreSQL cluster for the PostgreSQL store's tests and for the
// "postgres" project (the backend-sensitive files run again on PostgreSQL, test/support/test-library.ts), unless
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

/**
 * One cluster for the whole run, however many projects ask for it: each project runs its own global setup
 * (in this same process), and a second cluster would cost its start-up and its memory for nothing.
 */
interface SharedCluster {
  started: Promise<PgCluster>;
  users: number;
}
const SHARED = Symbol.for('parallax.test.pgCluster');
type WithShared = typeof globalThis & { [SHARED]?: SharedCluster };

async function sharedCluster(): Promise<{ cluster: PgCluster; release: () => void }> {
  const holder = globalThis as WithShared;
  let shared = holder[SHARED];
  if (shared === undefined) {
    shared = { started: startPgCluster(), users: 0 };
    holder[SHARED] = shared;
    // A failed start is reported to every project that asked; the next run tries again.
    shared.started.catch(() => {
      if (holder[SHARED] === shared) holder[SHARED] = undefined;
    });
  }
  const current = shared;
  const cluster = await current.started;
  current.users += 1;
  return {
    cluster,
    release() {
      current.users -= 1;
      if (current.users > 0) return;
      if (holder[SHARED] === current) holder[SHARED] = undefined;
      cluster.stop();
    },
  };
}

export default async function setup(project: TestProject): Promise<() => void> {
  const given = process.env.PARALLAX_TEST_PG?.trim();
  if (given) {
    project.provide('pgUrl', given);
    project.provide('pgMissing', '');
    return () => {};
  }
  if (project.name !== 'postgres' && onlyOtherFiles()) {
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
  let release: () => void;
  try {
    ({ cluster, release } = await sharedCluster());
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
  return release;
}
