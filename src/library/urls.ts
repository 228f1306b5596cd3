// Article URLs given on the command line, fetched one after another (politely, see Fetcher) and handed
// to ingest like files; a page that cannot be fetched or is not an article is refused with its reason.

import type { Fetcher } from '../fetch/fetcher.js';
import { FetchError } from '../fetch/http-client.js';
import { fetchArticle } from '../fetch/web-article.js';
import type { IngestItem } from '../ingest/index.js';

export async function* urlItems(fetcher: Fetcher, urls: readonly string[]): AsyncGenerator<IngestItem> {
  for (const url of urls) {
    try {
      yield { ok: true, raw: await fetchArticle(fetcher, url) };
    } catch (err) {
      yield {
        ok: false,
        input: url,
        reason: err instanceof FetchError ? err.reason : (err as Error).message,
      };
    }
  }
}
