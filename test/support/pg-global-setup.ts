// Vitest global setup: a throw-away PostgreSQL cluster for the PostgreSQL store's tests and for the
// "postgres" project (the backend-sensitive files run again on PostgreSQL, test/support/test-library.ts), unless
// PARALLAX_TEST_PG names a server to use instead (a URL whose user may create databases). The tests read
// the URL with inject('pgUrl'); without one they skip, or fail under CI=true (see store-postgres.test.ts).
// A run of only other test files (npx vitest run test/api.test.ts) starts no cluster: starting one costs a
// few seconds on a busy machine.

import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPgStore } from '../../src/store/postgres/pg-store.js';
import { findPgBin, type PgCluster, startPgCluster } from './pg-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres:// URL of a server the tests may create databases on, or null (see pgMissing). */
    pgUrl: string | null;
    /** Why there is no server, for the skip or failure message. */
    pgMissing: string;
    /**
     * A migrated, empty library that test-library.ts copies each new database from (CREATE DATABASE …
     * TEMPLATE), or null: then each database is created empty and migrated when first opened.
     */
    pgTemplate: string | null;
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

async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * For the "postgres" project: an empty library migrated once, that every test library of the run is
 * copied from (test-library.ts). A copy costs about what CREATE DATABASE alone does, where migrating each
 * new database took about 0.7 s more (measured on the loaded 2-core development machine: 1.3 s for CREATE
 * DATABASE and the first open, 0.5–0.8 s for a copy of the template and its open). Connections to it are
 * refused (ALLOW_CONNECTIONS false), so that no open connection ever blocks a copy; each copy is a
 * database of its own, so tests stay as isolated as before. Returns its name and how to drop it.
 */
async function migratedTemplate(adminUrl: string): Promise<{ name: string; drop: () => Promise<void> }> {
  const name = `px_template_${process.pid}`;
  await withAdmin(adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const store = await openPgStore(url.toString());
  await store.close();
  await withAdmin(adminUrl, (c) =>
    c.query(`ALTER DATABASE ${name} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`),
  );
  return {
    name,
    drop: () =>
      withAdmin(adminUrl, async (c) => {
        await c.query(`ALTER DATABASE ${name} WITH IS_TEMPLATE false`);
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }),
  };
}

/** Provides the project's template (null outside the "postgres" project); returns its clean-up. */
async function provideTemplate(project: TestProject, adminUrl: string): Promise<() => Promise<void>> {
  if (project.name !== 'postgres') {
    project.provide('pgTemplate', null);
    return async () => {};
  }
  const template = await migratedTemplate(adminUrl);
  project.provide('pgTemplate', template.name);
  return template.drop;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  project.provide('pgTemplate', null);
  const given = process.env.PARALLAX_TEST_PG?.trim();
  if (given) {
    project.provide('pgUrl', given);
    project.provide('pgMissing', '');
    const dropTemplate = await provideTemplate(project, given);
    return () => dropTemplate();
  }
  if (project.name !== 'postgres' && onlyOtherFiles()) {
    project.provide('pgUrl', null);
    project.provide('pgMissing', 'no test file of this run needs it');
    return async () => {};
  }
  if (findPgBin() === null) {
    project.provide('pgUrl', null);
    project.provide(
      'pgMissing',
      'PostgreSQL is not installed (apt-get install postgresql) and PARALLAX_TEST_PG is not set',
    );
    return async () => {};
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
    return async () => {};
  }
  project.provide('pgUrl', cluster.url);
  project.provide('pgMissing', '');
  let dropTemplate: () => Promise<void>;
  try {
    dropTemplate = await provideTemplate(project, cluster.url);
  } catch (err) {
    release();
    throw err;
  }
  return async () => {
    try {
      await dropTemplate();
    } finally {
      release();
    }
  };
}
