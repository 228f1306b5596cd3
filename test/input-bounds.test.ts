// Inputs that are small on disk and huge once read: a gzip file of blank lines, a gzip stream of records
// past the stream limit, gzip on standard input, and an "OPML file" that never ends (/dev/zero). Each is
// refused with one line naming the input and the limit, after reading no more than the limit. The inputs
// are generated as streams here, never stored in the repository.

import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Config, DEFAULT_CONFIG } from '../src/config.js';
import { MAX_OPML_FILE_BYTES } from '../src/feeds/opml.js';
import { readCapped } from '../src/ingest/bytes.js';
import { type IngestItem, ingest } from '../src/ingest/index.js';
import { splitLines } from '../src/ingest/lines.js';

const BIN = resolve(import.meta.dirname, '../bin/parallax.js');
const MB = 1024 * 1024;
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-bounds-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Writes `total` bytes made of `unit` repeated, gzip-compressed, without holding them in memory. */
async function gzipFile(name: string, unit: string, total: number): Promise<string> {
  const file = join(dir, name);
  const block = Buffer.from(unit.repeat(Math.ceil((64 * 1024) / unit.length)));
  async function* blocks() {
    for (let written = 0; written < total; written += block.length) yield block;
  }
  await pipeline(Readable.from(blocks()), createGzip({ level: 1 }), createWriteStream(file));
  return file;
}

async function items(inputs: string[], config: Config = DEFAULT_CONFIG, stdin?: NodeJS.ReadableStream) {
  const out: IngestItem[] = [];
  for await (const item of ingest(inputs, config, stdin ?? Readable.from([]))) out.push(item);
  return out;
}

const refusals = (list: IngestItem[]) => list.flatMap((i) => (i.ok ? [] : [[i.input, i.reason]]));

describe('decompressed-size limits', () => {
  it('refuses a .txt.gz that inflates past --max-size, naming the file, and reads it when the limit is raised', async () => {
    const file = await gzipFile('blank.txt.gz', '\n', 24 * MB);
    expect(refusals(await items([file]))).toEqual([[file, 'decompressed size over 20 MB (--max-size)']]);
    const raised = await items([file], { ...DEFAULT_CONFIG, maxInputBytes: 32 * MB });
    expect(refusals(raised)).toEqual([[file, 'empty file']]);
  });

  it('ends a streamed .jsonl.gz at its limit, keeping the records read before it', async () => {
    const record = `${JSON.stringify({ title: 'Ferry', text: 'Ferries resume on Wednesday.' })}\n`;
    const file = await gzipFile('many.jsonl.gz', record, 3 * MB);
    const config = { ...DEFAULT_CONFIG, maxInputBytes: 64 * 1024, maxDecompressedBytes: MB };
    const got = await items([file], config);
    expect(got.filter((i) => i.ok).length).toBeGreaterThan(1000);
    expect(refusals(got)).toEqual([[file, 'decompressed size over 1 MB (--max-size)']]);
  });

  it('reads a large streamed .jsonl.gz of ordinary text whole: its limit grows with the compressed size', async () => {
    // Varied words compress about 3×, like real exports; the configured floor (256 KB) is far below the 1 MB
    // of records, and every record still comes through.
    let seed = 7;
    const word = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed.toString(36).slice(0, 3 + (seed % 6));
    };
    const lines: string[] = [];
    let size = 0;
    while (size < MB) {
      const line = `${JSON.stringify({ title: word(), text: Array.from({ length: 40 }, word).join(' ') })}\n`;
      lines.push(line);
      size += line.length;
    }
    const file = join(dir, 'varied.jsonl.gz');
    writeFileSync(file, gzipSync(lines.join('')));
    const config = { ...DEFAULT_CONFIG, maxInputBytes: 64 * 1024, maxDecompressedBytes: MB / 4 };
    const got = await items([file], config);
    expect(refusals(got)).toEqual([]);
    expect(got.filter((i) => i.ok).length).toBe(lines.length);
  });

  it('holds gzip on standard input to --max-size once inflated', async () => {
    const packed = gzipSync(Buffer.alloc(3 * MB, 0x0a));
    const got = await items(['-'], { ...DEFAULT_CONFIG, maxInputBytes: 2 * MB }, Readable.from([packed]));
    expect(refusals(got)).toEqual([['-', 'decompressed size over 2 MB (--max-size)']]);
  });

  it('reads a stream of blank lines as nothing, counting the lines it skips', async () => {
    const events = [];
    for await (const e of splitLines(
      Readable.from([Buffer.from('{"a":1}\n\n  \r\n\t\n'), Buffer.from('\n{"b":2}\n')]),
      1024,
    ))
      events.push('bytes' in e ? [e.line, e.bytes.toString()] : [e.line, 'too big']);
    expect(events).toEqual([
      [1, '{"a":1}'],
      [6, '{"b":2}'],
    ]);
    const file = await gzipFile('blank.jsonl.gz', '\n', 8 * MB);
    expect(refusals(await items([file]))).toEqual([[file, 'empty file']]);
  });
});

describe('OPML files read from disk', () => {
  it('stops reading /dev/zero at the limit with a clear reason', async () => {
    expect(await readCapped('/dev/zero', MAX_OPML_FILE_BYTES)).toBeNull();
    expect((await readCapped('/dev/null', MAX_OPML_FILE_BYTES))?.length).toBe(0);
  });

  it('feeds add /dev/zero ends with one line naming the file and exit 1', () => {
    const db = join(dir, 'feeds.db');
    const run = spawnSync(process.execPath, [BIN, 'feeds', 'add', '/dev/zero', '--db', db], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'parallax: /dev/zero: over the 10 MB an OPML file may be; stopped reading there',
    );
  });
});
