// The first records of a gzipped JSON-lines corpus, written to a plain file that ingest reads as a user's
// input would be: shared by the benchmarks that build a library from part of allsides.
import { createReadStream, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';

/** Writes the first `limit` non-blank lines of `corpus` (a .jsonl.gz) to `out`; returns how many. */
export async function writeFirstLines(corpus: string, limit: number, out: string): Promise<number> {
  const reader = createInterface({
    input: createReadStream(corpus).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const kept: string[] = [];
  for await (const line of reader) {
    if (!line.trim()) continue;
    if (kept.length >= limit) break;
    kept.push(line);
  }
  reader.close();
  writeFileSync(out, `${kept.join('\n')}\n`);
  return kept.length;
}
