// Byte streams with limits. Every read is bounded: whole-file reads stop as soon as they pass their limit
// (so a gzip bomb is abandoned after limit+1 bytes), and streamed formats only ever hold one record.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Config } from '../config.js';
import { detectBom } from '../text/decode.js';
import { looksBinary, SNIFF_BYTES } from './decode.js';
import { formatSize, overLimit, REASONS, Refusal } from './refusal.js';

/**
 * The bytes of a file, decompressed when `gz`. A decompressed stream past `maxDecompressed` bytes ends in
 * a Refusal: 300 KB of gzip can hold 64 MB of newlines, and nothing downstream should have to wade
 * through them.
 */
export async function* fileChunks(
  path: string,
  gz: boolean,
  maxDecompressed = Number.POSITIVE_INFINITY,
): AsyncGenerator<Buffer> {
  const file = createReadStream(path);
  if (gz) {
    yield* capped(gunzipStream(file), maxDecompressed);
    return;
  }
  try {
    for await (const chunk of file) yield chunk as Buffer;
  } finally {
    file.destroy();
  }
}

export async function* gunzipChunks(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  yield* gunzipStream(Readable.from(chunks));
}

async function* gunzipStream(source: Readable): AsyncGenerator<Buffer> {
  const gunzip = createGunzip();
  // pipe() does not forward errors; without this an unreadable file would leave the gunzip waiting forever.
  source.on('error', (err) => gunzip.destroy(err));
  source.pipe(gunzip);
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
  } finally {
    source.destroy();
    gunzip.destroy();
  }
}

/** Decompressed bytes are refused once past `cap`. */
async function* capped(chunks: AsyncIterable<Buffer>, cap: number): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (total > cap) throw new Refusal(decompressedOver(cap));
    yield chunk;
  }
}

export function decompressedOver(cap: number): string {
  return `decompressed size over ${formatSize(cap)} (--max-size)`;
}

/** The decompressed-size limit of a .gz file read whole: that of one document, --max-size. */
export function wholeFileDecompressedCap(config: Config): number {
  return config.maxInputBytes;
}

/**
 * How far a streamed .gz may inflate relative to its compressed size. Real article lists shrink about 3×
 * under gzip (the 37,554 allsides articles: 90 MB compressed, 241 MB of JSONL), a bomb of blank lines about
 * 1,000×: 20× lets any real export through whole, however large, and still stops a bomb early.
 */
export const STREAM_INFLATION_RATIO = 20;

/**
 * The decompressed-size limit of a streamed .json.gz or .jsonl.gz, which holds many documents: the
 * configured floor (never below one document's limit, so raising --max-size raises it too), or
 * STREAM_INFLATION_RATIO times the compressed size when that is more. A stream of unknown size (a pipe)
 * gets the floor.
 */
export function streamDecompressedCap(config: Config, compressedBytes = 0): number {
  return Math.max(
    config.maxDecompressedBytes,
    config.maxInputBytes,
    STREAM_INFLATION_RATIO * compressedBytes,
  );
}

/** All the bytes, or null as soon as there are more than `cap` of them. */
export async function collect(chunks: AsyncIterable<Buffer | string>, cap: number): Promise<Buffer | null> {
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    total += bytes.length;
    if (total > cap) return null;
    parts.push(bytes);
  }
  return Buffer.concat(parts, total);
}

/** A file's bytes, read sequentially (devices and pipes too), or null once past `cap` bytes. */
export function readCapped(path: string, cap: number): Promise<Buffer | null> {
  return collect(fileChunks(path, false), cap);
}

/** Reads a whole-file input within the configured limits (compressed and decompressed). */
export async function readWholeFile(path: string, gz: boolean, config: Config): Promise<Buffer> {
  const info = await stat(path);
  if (info.size > config.maxInputBytes) throw new Refusal(overLimit('file', info.size, config.maxInputBytes));
  if (!gz) {
    // The stat size is re-checked while reading: special files report 0 and files can grow meanwhile.
    const bytes = await collect(fileChunks(path, false), config.maxInputBytes);
    if (!bytes) throw new Refusal(`file is over the ${formatSize(config.maxInputBytes)} limit (--max-size)`);
    return bytes;
  }
  // A compressed document is held to the same limit as an uncompressed one once inflated.
  const cap = wholeFileDecompressedCap(config);
  const bytes = await collect(fileChunks(path, true), cap);
  if (!bytes) throw new Refusal(decompressedOver(cap));
  return bytes;
}

/**
 * Re-encodes a byte stream as UTF-8 without its BOM, so record scanners can work on bytes: every byte that
 * matters to JSON structure is ASCII, and in UTF-8 no byte of a multi-byte character is ASCII.
 * Refuses binary data up front, from the first few kilobytes.
 */
export async function* utf8Chunks(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const it = chunks[Symbol.asyncIterator]();
  try {
    const head: Buffer[] = [];
    let size = 0;
    let ended = false;
    while (size < SNIFF_BYTES) {
      const next = await it.next();
      if (next.done) {
        ended = true;
        break;
      }
      head.push(next.value);
      size += next.value.length;
    }
    const first = Buffer.concat(head, size);
    if (size === 0) throw new Refusal(REASONS.empty);
    const bom = detectBom(first);
    if (bom === 'utf-16le' || bom === 'utf-16be') {
      yield* transcodeUtf16(bom, first, ended ? null : it);
      return;
    }
    if (looksBinary(first)) throw new Refusal(REASONS.binary);
    yield bom === 'utf-8' ? first.subarray(3) : first;
    if (ended) return;
    for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
  } finally {
    await it.return?.();
  }
}

async function* transcodeUtf16(
  encoding: 'utf-16le' | 'utf-16be',
  first: Buffer,
  rest: AsyncIterator<Buffer> | null,
): AsyncGenerator<Buffer> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  const decode = (bytes: Buffer, stream: boolean): Buffer => {
    try {
      return Buffer.from(decoder.decode(bytes, { stream }), 'utf8');
    } catch {
      throw new Refusal(REASONS.notUtf16);
    }
  };
  yield decode(first, rest !== null);
  if (!rest) return;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield decode(next.value, true);
  yield decode(Buffer.alloc(0), false);
}
