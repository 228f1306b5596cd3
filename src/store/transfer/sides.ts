// The two ends of a move, as transfer.ts drives them: a source that yields a table's rows in dump order, and
// a target that takes them in one transaction. sqlite-side.ts and pg-side.ts implement both.

import type { DumpTable } from './tables.js';

export interface LibrarySource {
  backend: 'sqlite' | 'postgres';
  schema: number;
  /** The file or the URL without its password, for messages. */
  location: string;
  /** The table's rows in its dump order, with values as the dump writes them. */
  rows(table: DumpTable): AsyncIterable<unknown[]>;
  close(): Promise<void>;
}

export interface LibraryTarget {
  backend: 'sqlite' | 'postgres';
  location: string;
  nonEmptyTables(tables: readonly DumpTable[]): Promise<string[]>;
  begin(): Promise<void>;
  insert(table: DumpTable, rows: readonly unknown[][]): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  close(): Promise<void>;
}
