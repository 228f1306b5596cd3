// The library dump: newline-delimited JSON, optionally gzipped, read and written one line at a time so a
// library of any size moves in bounded memory. Example (invented):
//
//   {"format":"parallax-library-dump","version":1,"source":{"backend":"sqlite","schema":12},"createdAt":"…"}
//   {"table":"articles","columns":["seq","id",…]}
//   [1,"a1b2…",…]
//   {"end":"articles","rows":1}
//   …every table of tables.ts, in its order…
//   {"done":true,"tables":19}
//
// Each table closes with its row count and the dump with a last line, so a truncated file is told apart
// from a complete one, and every fault names its line.

import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable, type Writable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { ParallaxError } from '../../errors.js';
import { type ColumnKind, DUMP_TABLES, type DumpTable, dumpTable } from './tables.js';

export const DUMP_FORMAT = 'parallax-library-dump';
/** The dump format this code writes and the newest it reads. */
export const DUMP_VERSION = 1;

export interface DumpHeader {
  format: typeof DUMP_FORMAT;
  version: number;
  source: { backend: 'sqlite' | 'postgres'; schema: number };
  createdAt: string;
}

/** Writes lines to a stream, waiting when its buffer is full (so a slow disk or pipe bounds memory). */
export class DumpWriter {
  private tables = 0;
  constructor(private readonly out: Writable) {}

  private async line(value: unknown): Promise<void> {
    if (!this.out.write(`${JSON.stringify(value)}\n`)) await once(this.out, 'drain');
  }
  header(header: DumpHeader): Promise<void> {
    return this.line(header);
  }
  async table(table: DumpTable, rows: AsyncIterable<unknown[]>): Promise<number> {
    await this.line({ table: table.name, columns: table.columns.map((c) => c.name) });
    let count = 0;
    for await (const row of rows) {
      await this.line(row);
      count++;
    }
    await this.line({ end: table.name, rows: count });
    this.tables++;
    return count;
  }
  done(): Promise<void> {
    return this.line({ done: true, tables: this.tables });
  }
}

export type DumpEvent =
  | { type: 'table'; table: DumpTable }
  | { type: 'row'; table: DumpTable; row: unknown[]; line: number }
  | { type: 'end'; table: DumpTable; rows: number };

/** A fault in a dump, naming the file and the line: "library.dump line 812: …". */
function corrupt(name: string, line: number, why: string): ParallaxError {
  return new ParallaxError(
    'STORE',
    `${name} line ${line}: ${why}; the dump is damaged — export the library again (nothing was imported)`,
  );
}

/** The file's bytes, gunzipped when they start with gzip's magic number. */
async function* plainBytes(source: Readable): AsyncGenerator<Buffer> {
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await iterator.next();
  if (first.done) return;
  const rest = (async function* () {
    yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
  if (first.value[0] === 0x1f && first.value[1] === 0x8b) {
    yield* Readable.from(rest).pipe(createGunzip());
  } else {
    yield* rest;
  }
}

function valueFits(kind: ColumnKind, value: unknown): boolean {
  if (value === null) return true;
  switch (kind) {
    case 'int':
      return Number.isSafeInteger(value);
    case 'real':
      return typeof value === 'number' && Number.isFinite(value);
    case 'text':
      return typeof value === 'string';
    case 'list':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
  }
}

/**
 * Reads a dump line by line, checking each against the format: the header, then every table of tables.ts
 * in order with rows of the right shape and the count its end line promises, then the closing line. Yields
 * the header first (through `onHeader`) so a newer format is refused before anything is written.
 */
export async function* readDump(
  name: string,
  source: Readable,
  onHeader: (header: DumpHeader) => Promise<void> | void,
): AsyncGenerator<DumpEvent> {
  const lines = createInterface({
    input: Readable.from(plainBytes(source)),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let number = 0;
  let header: DumpHeader | null = null;
  let current: DumpTable | null = null;
  let rows = 0;
  let nextTable = 0;
  let done = false;
  try {
    for await (const text of lines) {
      number++;
      if (done) {
        if (text.trim() === '') continue;
        throw corrupt(name, number, 'text after the closing line');
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (err) {
        throw corrupt(name, number, `not a JSON value (${(err as Error).message})`);
      }
      if (header === null) {
        const h = value as Partial<DumpHeader> | null;
        if (h === null || typeof h !== 'object' || h.format !== DUMP_FORMAT) {
          throw new ParallaxError(
            'STORE',
            `${name}: is not a Parallax library dump (made by parallax export)`,
          );
        }
        if (typeof h.version !== 'number' || h.version > DUMP_VERSION) {
          throw new ParallaxError(
            'STORE',
            `${name}: dump format version ${String(h.version)} is newer than this Parallax reads (${DUMP_VERSION}); upgrade Parallax to import it`,
          );
        }
        header = h as DumpHeader;
        await onHeader(header);
        continue;
      }
      if (Array.isArray(value)) {
        if (current === null) throw corrupt(name, number, 'a row outside any table');
        if (value.length !== current.columns.length) {
          throw corrupt(
            name,
            number,
            `a row of ${value.length} values where ${current.name} has ${current.columns.length}`,
          );
        }
        current.columns.forEach((column, i) => {
          if (!valueFits(column.kind, value[i])) {
            throw corrupt(
              name,
              number,
              `${current?.name}.${column.name} holds ${JSON.stringify(value[i])?.slice(0, 40)}`,
            );
          }
        });
        rows++;
        yield { type: 'row', table: current, row: value, line: number };
        continue;
      }
      const record = (value ?? {}) as {
        table?: unknown;
        columns?: unknown;
        end?: unknown;
        rows?: unknown;
        done?: unknown;
      };
      if (typeof record.table === 'string') {
        if (current !== null)
          throw corrupt(name, number, `table ${record.table} starts before ${current.name} ends`);
        const expected = DUMP_TABLES[nextTable];
        const table = dumpTable(record.table);
        if (table === undefined)
          throw corrupt(name, number, `unknown table ${JSON.stringify(record.table).slice(0, 60)}`);
        if (table !== expected)
          throw corrupt(
            name,
            number,
            `table ${table.name} where ${expected?.name ?? 'the closing line'} was due`,
          );
        const columns = table.columns.map((c) => c.name);
        if (JSON.stringify(record.columns) !== JSON.stringify(columns)) {
          throw corrupt(
            name,
            number,
            `${table.name} has columns ${JSON.stringify(record.columns)?.slice(0, 80)}, not ${columns.join(', ')}`,
          );
        }
        current = table;
        rows = 0;
        nextTable++;
        yield { type: 'table', table };
        continue;
      }
      if (typeof record.end === 'string') {
        if (current === null || record.end !== current.name)
          throw corrupt(name, number, `end of ${record.end} outside it`);
        if (record.rows !== rows) {
          throw corrupt(
            name,
            number,
            `${current.name} promises ${String(record.rows)} rows, the dump holds ${rows}`,
          );
        }
        yield { type: 'end', table: current, rows };
        current = null;
        continue;
      }
      if (record.done === true) {
        if (current !== null || nextTable !== DUMP_TABLES.length) {
          throw corrupt(
            name,
            number,
            `closing line before every table (${nextTable} of ${DUMP_TABLES.length})`,
          );
        }
        done = true;
        continue;
      }
      throw corrupt(name, number, 'a line that is neither a row nor a table mark');
    }
  } catch (err) {
    if (err instanceof ParallaxError) throw err;
    // zlib: a damaged or cut gzip stream.
    throw corrupt(name, number + 1, `unreadable (${(err as Error).message})`);
  }
  if (header === null) throw new ParallaxError('STORE', `${name}: is empty, not a Parallax library dump`);
  if (!done) {
    throw corrupt(
      name,
      number,
      `the dump ends without its closing line (cut short${current ? ` inside ${current.name}` : ''})`,
    );
  }
}

/** The stream a dump is read from: a file, or standard input for "-". */
export function dumpInput(file: string, stdin: Readable): Readable {
  return file === '-' ? stdin : createReadStream(file);
}
