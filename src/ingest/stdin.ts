// Standard input (`-`): read whole, within the size limit, then recognised by its first characters since
// it has no file name to go by.
import type { Config } from '../config.js';
import type { RawArticle } from '../model/article.js';
import { collect, decompressedOver, gunzipChunks, wholeFileDecompressedCap } from './bytes.js';
import { decodeText } from './decode.js';
import { htmlArticle } from './html.js';
import type { IngestItem } from './item.js';
import { markdownArticle, splitFrontMatter } from './markdown.js';
import { streamRecords } from './record-stream.js';
import { recordFromBytes } from './records.js';
import { describeError, formatSize, REASONS } from './refusal.js';
import { normalizeNewlines, textArticle } from './text.js';

export const STDIN_NAME = '-';

export type StdinFormat = 'records' | 'html' | 'markdown' | 'text';

export function sniffFormat(text: string): StdinFormat {
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'records';
  if (start.startsWith('<')) return 'html';
  if (splitFrontMatter(normalizeNewlines(start)).yaml !== null) return 'markdown';
  return 'text';
}

async function* once<T>(value: T): AsyncGenerator<T> {
  yield value;
}

async function* readStdinItems(
  stdin: NodeJS.ReadableStream,
  config: Config,
  finish: (raw: RawArticle) => RawArticle,
): AsyncGenerator<IngestItem> {
  const name = STDIN_NAME;
  let bytes = await collect(stdin as AsyncIterable<Buffer | string>, config.maxInputBytes);
  if (!bytes) {
    yield {
      ok: false,
      input: name,
      reason: `standard input is over the ${formatSize(config.maxInputBytes)} limit (--max-size)`,
    };
    return;
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    // Standard input is read whole, so it is held to one document's limit once inflated too.
    const cap = wholeFileDecompressedCap(config);
    bytes = await collect(gunzipChunks(once(bytes)), cap);
    if (!bytes) {
      yield { ok: false, input: name, reason: decompressedOver(cap) };
      return;
    }
  }
  if (bytes.length === 0) {
    yield { ok: false, input: name, reason: 'standard input is empty' };
    return;
  }
  const text = decodeText(bytes);
  const format = sniffFormat(text);
  if (format === 'records') {
    const utf8 = Buffer.from(text, 'utf8');
    const options = { maxRecordBytes: config.maxInputBytes, finish };
    if (text.trimStart().startsWith('[')) {
      yield* streamRecords(name, 'json', once(utf8), options);
      return;
    }
    // "{" opens either one (possibly pretty-printed) object or the first line of JSONL.
    const single = parsesAsOneObject(text) ? recordFromBytes(utf8, name) : null;
    if (single) {
      yield single.ok
        ? { ok: true, raw: finish(single.raw) }
        : { ok: false, input: name, reason: single.reason };
      return;
    }
    yield* streamRecords(name, 'jsonl', once(utf8), options);
    return;
  }
  const raw =
    format === 'html'
      ? htmlArticle(name, text)
      : format === 'markdown'
        ? markdownArticle(name, text)
        : textArticle(name, text);
  yield { ok: true, raw: finish(raw) };
}

function parsesAsOneObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

export async function* ingestStdin(
  stdin: NodeJS.ReadableStream,
  config: Config,
  finish: (raw: RawArticle) => RawArticle,
): AsyncGenerator<IngestItem> {
  try {
    yield* readStdinItems(stdin, config, finish);
  } catch (err) {
    const reason = describeError(err);
    yield {
      ok: false,
      input: STDIN_NAME,
      reason: reason === REASONS.empty ? 'standard input is empty' : reason,
    };
  }
}
