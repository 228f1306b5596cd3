// JSON and JSONL files as streams of records: memory stays at one record whatever the file size, and a
// bad record is reported under its own name (`file.jsonl:LINE`, `file.json#INDEX`) while the rest flow on.
import type { RawArticle } from '../model/article.js';
import type { IngestItem } from './item.js';
import { scanJson } from './json-scan.js';
import { splitLines } from './lines.js';
import { recordFromBytes } from './records.js';
import { describeError, overLimit } from './refusal.js';

export interface RecordStreamOptions {
  /** The largest single record, in bytes. */
  maxRecordBytes: number;
  /** Applied to each article before it is yielded (e.g. sources-file metadata). */
  finish: (raw: RawArticle) => RawArticle;
}

type Named = { name: string; bytes: Buffer } | { name: string; reason: string };

async function* jsonlRecords(
  name: string,
  chunks: AsyncIterable<Buffer>,
  max: number,
): AsyncGenerator<Named> {
  for await (const event of splitLines(chunks, max)) {
    const lineName = `${name}:${event.line}`;
    if ('tooBig' in event) yield { name: lineName, reason: overLimit('record', event.tooBig, max) };
    else if (event.bytes.some((b) => b !== 0x20 && b !== 0x09 && b !== 0x0d))
      yield { name: lineName, bytes: event.bytes };
  }
}

async function* jsonRecords(name: string, chunks: AsyncIterable<Buffer>, max: number): AsyncGenerator<Named> {
  for await (const event of scanJson(chunks, max)) {
    if (event.kind === 'error') {
      yield { name, reason: event.reason };
      continue;
    }
    const elementName = event.index === null ? name : `${name}#${event.index}`;
    if (event.kind === 'too-big') yield { name: elementName, reason: overLimit('record', event.size, max) };
    else yield { name: elementName, bytes: event.bytes };
  }
}

/**
 * Items for every record of a JSON (`json`) or JSONL (`jsonl`) byte stream, already re-encoded as UTF-8.
 * A failure of the stream itself (unreadable, corrupt gzip) ends it with one refusal for the whole file.
 */
export async function* streamRecords(
  name: string,
  kind: 'json' | 'jsonl',
  chunks: AsyncIterable<Buffer>,
  options: RecordStreamOptions,
): AsyncGenerator<IngestItem> {
  let count = 0;
  const records = kind === 'json' ? jsonRecords : jsonlRecords;
  try {
    for await (const record of records(name, chunks, options.maxRecordBytes)) {
      count++;
      if ('reason' in record) {
        yield { ok: false, input: record.name, reason: record.reason };
        continue;
      }
      const result = recordFromBytes(record.bytes, record.name);
      yield result.ok
        ? { ok: true, raw: options.finish(result.raw) }
        : { ok: false, input: record.name, reason: result.reason };
    }
  } catch (err) {
    count++;
    yield { ok: false, input: name, reason: describeError(err) };
  }
  // A JSONL stream with no record at all has only blank lines; `[]` is valid JSON that holds nothing.
  if (count === 0)
    yield { ok: false, input: name, reason: kind === 'jsonl' ? 'empty file' : 'no records in the file' };
}
