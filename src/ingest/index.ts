// Ingest: turns what the user names on the command line (files, folders, `-`) into RawArticles.
// Every input produces at least one item, and a problem with one input (or one record) is an item too,
// never an exception: the only thing that throws is an unusable sources file, before any input is read.
import { stat } from 'node:fs/promises';
import type { Config } from '../config.js';
import type { RawArticle } from '../model/article.js';
import { declaredCharset } from '../text/decode.js';
import { fileChunks, readWholeFile, streamDecompressedCap, utf8Chunks } from './bytes.js';
import { decodeText } from './decode.js';
import type { FileFormat } from './formats.js';
import { htmlArticle } from './html.js';
import type { IngestItem } from './item.js';
import { markdownArticle } from './markdown.js';
import { fillMeta } from './meta.js';
import { streamRecords } from './record-stream.js';
import { describeError } from './refusal.js';
import { loadSources, lookupSource, type SourceMap } from './sources.js';
import { ingestStdin, STDIN_NAME } from './stdin.js';
import { textArticle } from './text.js';
import { walkInput } from './walk.js';

export { dateFromUrl, normalizePublished } from '../text/published-date.js';
export { extractPage, fragmentText } from './html.js';
export type { IngestItem } from './item.js';
export { markdownToText } from './markdown.js';
export { containerPath, loadSources, lookupSource, type SourceMap, sourceMapFrom } from './sources.js';

export interface IngestOptions {
  /** An already loaded sources map; when absent, `config.sourcesFile` is loaded (if set). */
  sources?: SourceMap | null;
}

const SUPPORTED = '.txt, .md, .html, .json, .jsonl, optionally .gz';

/** Input metadata wins; the sources file only fills the gaps, by file name and then by the URL's host. */
export function withSources(raw: RawArticle, sources: SourceMap | null, file: string | null): RawArticle {
  if (!sources) return raw;
  const fromSources = lookupSource(sources, { source: file ?? raw.source, url: raw.meta.url });
  return { ...raw, meta: fillMeta(raw.meta, fromSources) };
}

function wholeFileArticle(format: FileFormat, source: string, bytes: Buffer): RawArticle {
  if (format === 'html') return htmlArticle(source, decodeText(bytes, declaredCharset(bytes)));
  const text = decodeText(bytes);
  return format === 'markdown' ? markdownArticle(source, text) : textArticle(source, text);
}

async function* ingestFile(
  file: string,
  format: FileFormat,
  gz: boolean,
  config: Config,
  sources: SourceMap | null,
): AsyncGenerator<IngestItem> {
  const finish = (raw: RawArticle) => withSources(raw, sources, file);
  if (format === 'json' || format === 'jsonl') {
    const compressed = gz ? await compressedSize(file) : 0;
    const chunks = utf8Chunks(fileChunks(file, gz, streamDecompressedCap(config, compressed)));
    yield* streamRecords(file, format, chunks, { maxRecordBytes: config.maxInputBytes, finish });
    return;
  }
  let raw: RawArticle;
  try {
    raw = wholeFileArticle(format, file, await readWholeFile(file, gz, config));
  } catch (err) {
    yield { ok: false, input: file, reason: describeError(err) };
    return;
  }
  yield { ok: true, raw: finish(raw) };
}

export async function* ingest(
  inputs: readonly string[],
  config: Config,
  stdin: NodeJS.ReadableStream = process.stdin,
  options: IngestOptions = {},
): AsyncGenerator<IngestItem> {
  const sources =
    options.sources !== undefined
      ? options.sources
      : config.sourcesFile
        ? await loadSources(config.sourcesFile)
        : null;
  let stdinRead = false;
  for (const input of inputs) {
    if (input === STDIN_NAME) {
      if (stdinRead) {
        yield { ok: false, input, reason: 'standard input was already read' };
        continue;
      }
      stdinRead = true;
      yield* ingestStdin(stdin, config, (raw) => withSources(raw, sources, null));
      continue;
    }
    let produced = 0;
    for await (const entry of walkInput(input, config.maxFolderDepth)) {
      if (entry.kind === 'refused') {
        produced++;
        yield { ok: false, input: entry.input, reason: entry.reason };
        continue;
      }
      for await (const item of ingestFile(entry.path, entry.format, entry.gz, config, sources)) {
        produced++;
        yield item;
      }
    }
    if (produced === 0) yield { ok: false, input, reason: `no supported files in the folder (${SUPPORTED})` };
  }
}

/** A regular file's size in bytes; 0 for a pipe or device, or when it cannot be read (the read says why). */
async function compressedSize(file: string): Promise<number> {
  try {
    const info = await stat(file);
    return info.isFile() ? info.size : 0;
  } catch {
    return 0;
  }
}
