// linkedom's parser, loaded on the first page that needs it. Most runs never read HTML (`parallax analyze`
// on text files, an ingest of JSONL records with plain-text bodies), and loading linkedom costs 200–290 ms
// of CPU at start-up (its CommonJS and ES-module entries alike, on this 2-core machine, 2026-12-07). The
// CommonJS entry is used because it can be loaded on demand inside these synchronous functions; it is
// built from the same sources as the ES-module one.
import { createRequire } from 'node:module';
import type * as Linkedom from 'linkedom';

let loaded: typeof Linkedom | undefined;

/** linkedom's parseHTML, loading linkedom on the first call. */
export function parseHTML(html: string): ReturnType<typeof Linkedom.parseHTML> {
  loaded ??= createRequire(import.meta.url)('linkedom') as typeof Linkedom;
  return loaded.parseHTML(html);
}
