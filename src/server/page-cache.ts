// Rendered pages and reports kept in memory while what they show is unchanged. A story's comparison reads
// every article of the story, which for a large one takes far longer than a page may, and a listing sorts
// thousands of stories; readers come back to the same pages, so results are kept, keyed on the story's last
// update or the library's version, and bounded by size.

import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * Bytes an entry costs beyond its value's own bytes: the key (two bytes a character), the map entry, the
 * record holding value and size, the page object and its typed array with its backing store. Counted so that
 * many small entries (a JSON answer of 50 compressed bytes per unique query) cannot hold far more memory
 * than the limit says. Measured on Node 20 with --expose-gc: 20,000 cached search answers of ~50 gzip bytes
 * each held 9.9 MB of heap and 8.7 MB outside it, about 930 bytes an entry beyond the gzip bytes.
 */
export function entryOverhead(key: string): number {
  return 2 * key.length + ENTRY_BYTES;
}
const ENTRY_BYTES = 1024;

export class SizedCache<V> {
  private readonly entries = new Map<string, { value: V; size: number }>();
  private total = 0;

  /** At most `maxSize` bytes (sizes as given to set(), plus each entry's overhead) and `maxEntries` entries. */
  constructor(
    private readonly maxSize: number,
    private readonly maxEntries = Number.POSITIVE_INFINITY,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Re-inserted so the map's order is least recently used first.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V, valueSize: number): void {
    const size = valueSize + entryOverhead(key);
    if (size > this.maxSize) return;
    const old = this.entries.get(key);
    if (old) {
      this.total -= old.size;
      this.entries.delete(key);
    }
    this.entries.set(key, { value, size });
    this.total += size;
    for (const [k, e] of this.entries) {
      if (this.total <= this.maxSize && this.entries.size <= this.maxEntries) break;
      this.entries.delete(k);
      this.total -= e.size;
    }
  }

  /** Bytes counted for the entries held. */
  get size(): number {
    return this.total;
  }

  get count(): number {
    return this.entries.size;
  }

  values(): IterableIterator<V> {
    return [...this.entries.values()].map((e) => e.value)[Symbol.iterator]();
  }
}

/**
 * Work under way by key, shared: a second caller for a key being worked out waits for the first one's
 * result (or error) instead of doing the same work again. Example: with workers committing a placement
 * every few seconds, the story list's cache key changes each time, and the 20 readers who ask for the list
 * in the next half second would otherwise render it 20 times side by side, each slower for the others.
 */
export class SingleFlight<V> {
  private readonly running = new Map<string, Promise<V>>();

  once(key: string, work: () => Promise<V>): Promise<V> {
    let pending = this.running.get(key);
    if (pending === undefined) {
      pending = work().finally(() => this.running.delete(key));
      this.running.set(key, pending);
    }
    return pending;
  }

  /** Keys being worked out now. */
  get size(): number {
    return this.running.size;
  }
}

/** A rendered page kept compressed: a large story page (tens of MB for hundreds of articles) is a few MB. */
export interface StoredPage {
  gz: Uint8Array<ArrayBuffer>;
  contentType: string;
  /** Bytes before compression. */
  bytes: number;
}

export function storePage(body: string, contentType: string): StoredPage {
  const raw = Buffer.from(body);
  const gz = gzipSync(raw, { level: 6 });
  return {
    // A copy of exactly its size: zlib's output is a view into a 16 KB chunk, and keeping the view would keep
    // the chunk (a 300-byte answer pinned 16 KB; 60k unique queries grew the server from 593 MB to 1.4 GB).
    gz: new Uint8Array(gz) as Uint8Array<ArrayBuffer>,
    contentType,
    bytes: raw.length,
  };
}

/** The page as the client accepts it: the compressed bytes as they are, or decompressed for the rare client without gzip. */
export function pageResponse(
  page: StoredPage,
  acceptEncoding: string | undefined,
  headers: Record<string, string>,
): Response {
  const gzip = /\bgzip\b/i.test(acceptEncoding ?? '');
  const body = gzip ? page.gz : new Uint8Array(gunzipSync(page.gz));
  return new Response(body, {
    status: 200,
    headers: {
      ...headers,
      'Content-Type': page.contentType,
      Vary: 'Accept-Encoding',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    },
  });
}
