// Adding articles from the web app: an article's address (fetched like `parallax ingest https://…`), pasted
// text (with what the reader knows about it) and uploaded files.
// Both go through the same ingest as the command line, so they are cleaned, annotated, checked for
// near-duplicates and placed in their story exactly as `parallax ingest` would place them.

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DEFAULT_CONFIG } from '../config.js';
import type { Fetcher } from '../fetch/fetcher.js';
import type { Annotator } from '../library/annotator.js';
import { type IngestSummary, ingestIntoLibrary } from '../library/ingest.js';
import { urlItems } from '../library/urls.js';
import type { AsyncStore } from '../store/async-store.js';

export interface PastedArticle {
  text: string;
  title?: string;
  outlet?: string;
  url?: string;
  published?: string;
}

export interface AddInput {
  /** Uploaded files, ingested by their names' extensions like files on the command line. */
  files?: readonly File[];
  /** A pasted article, or the raw body of an API request (text, Markdown, HTML or a JSON record). */
  pasted?: PastedArticle | null;
  raw?: string | null;
  /** Addresses of article pages to fetch, with the fetcher to fetch them. */
  urls?: readonly string[];
  fetcher?: Fetcher;
  /** Annotates off the server's thread (serve's long-lived worker); without it, in this thread. */
  annotator?: Annotator;
}

export interface AddedArticle {
  articleId: string;
  inputId: string;
  title: string | null;
  storyId: number;
  storyTitle: string | null;
  storyArticles: number;
  created: boolean;
  duplicateOf: string | null;
}

export interface AddResult {
  added: AddedArticle[];
  existing: number;
  refused: string[];
}

/** Characters kept of an uploaded file's name; the rest of the name cannot reach the file system. */
const NAME_CHARS = 80;

/** A file name safe to write in a fresh folder: no separators, no leading dots, extension kept. */
export function safeFileName(name: string, index: number): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^\.+/, '')
    .slice(-NAME_CHARS);
  return `${index}-${cleaned || 'upload'}`;
}

export async function addArticles(store: AsyncStore, input: AddInput): Promise<AddResult> {
  const refused: string[] = [];
  const onRefusal = (_: string, reason: string) => refused.push(reason);
  const summaries: IngestSummary[] = [];
  const body = input.raw ?? (input.pasted ? JSON.stringify(input.pasted) : null);
  if (body !== null) {
    summaries.push(
      await ingestIntoLibrary(store, ['-'], DEFAULT_CONFIG, {
        stdin: Readable.from([body]),
        worker: false,
        annotator: input.annotator,
        onRefusal,
      }),
    );
  }
  if (input.urls?.length && input.fetcher) {
    summaries.push(
      await ingestIntoLibrary(store, [], DEFAULT_CONFIG, {
        extra: urlItems(input.fetcher, input.urls),
        worker: false,
        annotator: input.annotator,
        onRefusal: (url, reason) => refused.push(`${url}: ${reason}`),
      }),
    );
  }
  const files = input.files ?? [];
  if (files.length > 0) {
    const dir = await mkdtemp(join(tmpdir(), 'parallax-upload-'));
    try {
      const paths: string[] = [];
      const names = new Map<string, string>();
      await mkdir(dir, { recursive: true });
      for (const [i, file] of files.entries()) {
        const path = join(dir, safeFileName(file.name, i + 1));
        await writeFile(path, Buffer.from(await file.arrayBuffer()));
        paths.push(path);
        names.set(path, file.name);
      }
      summaries.push(
        await ingestIntoLibrary(store, paths, DEFAULT_CONFIG, {
          worker: false,
          annotator: input.annotator,
          // Messages name the file as the user chose it, not the temporary copy.
          onRefusal: (path, reason) => {
            const shown = names.get(path) ?? path;
            refused.push(reason.includes(path) ? reason.split(path).join(shown) : `${shown}: ${reason}`);
          },
        }),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const placed = summaries.flatMap((s) => s.placed);
  // The stories of all the added articles in one read (one round trip on PostgreSQL, not one per article).
  const stories = await store.getStories(placed.map((p) => p.storyId));
  const added = placed.map((p): AddedArticle => {
    const story = stories.get(p.storyId);
    return {
      articleId: p.articleId,
      inputId: p.inputId,
      title: story?.members.find((m) => m.articleId === p.articleId)?.title ?? null,
      storyId: p.storyId,
      storyTitle: story?.title ?? null,
      storyArticles: story?.articleCount ?? 0,
      created: p.created,
      duplicateOf: p.duplicateOf,
    };
  });
  return { added, existing: summaries.reduce((n, s) => n + s.existing, 0), refused };
}
