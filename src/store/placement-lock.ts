// Placement in stories is serialised across processes: with several workers on one PostgreSQL library,
// two articles of one event annotated at the same moment must not both see "no story yet" and start two
// stories. Each ingest batch's transaction therefore begins with lockPlacement(tx): on PostgreSQL a
// transaction-level advisory lock (released by its COMMIT or ROLLBACK, also when the process dies), on
// SQLite nothing, as BEGIN IMMEDIATE already lets one writer in at a time.
//
// One lock for the whole library, not one per neighbourhood: a batch's neighbourhood is only known after
// reading postings that other batches are changing (an article of a new event has no neighbours to lock
// until the first one is placed), the second pass reaches neighbours of neighbours, and every placement
// updates the library-wide document counts anyway. Annotation, the costly part, runs before the lock.

import type { AsyncStoreSession } from './async-store.js';

/** The lock's key, one bigint for pg_advisory_xact_lock: "PLAXPLCE" read as ASCII. */
export const PLACEMENT_LOCK_KEY = 0x504c4158504c4345n;

const lockers = new WeakMap<object, () => Promise<void>>();

/** A backend registers how to lock placement for the transaction session it hands out. */
export function registerPlacementLocker(session: object, lock: () => Promise<void>): void {
  lockers.set(session, lock);
}

/** Waits until this transaction alone may place articles; held until the transaction ends. */
export async function lockPlacement(tx: AsyncStoreSession): Promise<void> {
  await lockers.get(tx)?.();
}
