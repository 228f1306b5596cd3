// parallax export / import / copy: a library moved between SQLite and PostgreSQL (or between two files, two
// databases) through the dump of dump-format.ts. Rows stream from the source to the output and from the
// input to the target a page at a time; an import runs in one transaction into an empty library, so a
// damaged dump or a lost connection leaves the target as empty as it was.

import type { Readable, Writable } from 'node:stream';
import { ParallaxError } from '../../errors.js';
import { isPostgresUrl } from '../open.js';
import { DUMP_VERSION, DumpWriter, readDump } from './dump-format.js';
import type { LibrarySource, LibraryTarget } from './sides.js';
import { DUMP_TABLES, type DumpTable } from './tables.js';

/** Rows written to the target per insert. */
const BATCH = 200;

export async function openSource(db: string): Promise<LibrarySource> {
  if (isPostgresUrl(db)) return (await import('./pg-side.js')).openPgSource(db.trim());
  return (await import('./sqlite-side.js')).openSqliteSource(db);
}

export async function openTarget(db: string): Promise<LibraryTarget> {
  if (isPostgresUrl(db)) return (await import('./pg-side.js')).openPgTarget(db.trim());
  return (await import('./sqlite-side.js')).openSqliteTarget(db);
}

export type TableCounts = Record<string, number>;

/** Dumps the library `db` names into `out` (not closed here); returns the rows per table. */
export async function exportLibrary(db: string, out: Writable, now = new Date()): Promise<TableCounts> {
  const source = await openSource(db);
  try {
    const writer = new DumpWriter(out);
    await writer.header({
      format: 'parallax-library-dump',
      version: DUMP_VERSION,
      source: { backend: source.backend, schema: source.schema },
      createdAt: now.toISOString(),
    });
    const counts: TableCounts = {};
    for (const table of DUMP_TABLES) counts[table.name] = await writer.table(table, source.rows(table));
    await writer.done();
    return counts;
  } finally {
    await source.close();
  }
}

/**
 * Fills the empty library `db` names from a dump. Refuses a target holding anything (one line naming its
 * first non-empty tables) before reading rows; every fault of the dump names its line and rolls back.
 */
export async function importLibrary(db: string, name: string, input: Readable): Promise<TableCounts> {
  const target = await openTarget(db);
  const counts: TableCounts = {};
  let begun = false;
  try {
    const filled = await target.nonEmptyTables(DUMP_TABLES);
    if (filled.length > 0) {
      throw new ParallaxError(
        'STORE',
        `${target.location}: is not an empty library (${filled.slice(0, 3).join(', ')}${filled.length > 3 ? ', …' : ''} hold rows); import only into a new file or an empty database`,
      );
    }
    let batch: unknown[][] = [];
    let table: DumpTable | null = null;
    const flush = async () => {
      if (table !== null && batch.length > 0) await target.insert(table, batch);
      batch = [];
    };
    for await (const event of readDump(name, input, async () => {
      await target.begin();
      begun = true;
    })) {
      if (event.type === 'table') {
        table = event.table;
      } else if (event.type === 'row') {
        batch.push(event.row);
        if (batch.length >= BATCH) await flush();
      } else {
        await flush();
        counts[event.table.name] = event.rows;
      }
    }
    await target.commit();
    begun = false;
    return counts;
  } catch (err) {
    if (begun) await target.rollback();
    throw err;
  } finally {
    await target.close();
  }
}

/** Sums counts for a one-line report: "3,104 rows in 19 tables (412 articles, 377 stories)". */
export function describeCounts(counts: TableCounts): string {
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  const n = (x: number) => x.toLocaleString('en-US');
  return `${n(rows)} rows in ${Object.keys(counts).length} tables (${n(counts.articles ?? 0)} articles, ${n(counts.stories ?? 0)} stories, ${n(counts.feeds ?? 0)} feeds, ${n(counts.notes ?? 0)} notes)`;
}
