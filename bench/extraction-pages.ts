// The pages of ../shared/corpus/extraction (scrapinghub's article-extraction-benchmark): each page's HTML,
// its URL and its hand-made article body, sorted by id.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface Page {
  id: string;
  url: string;
  html: string;
  truth: string;
}

/** `only`: just the pages whose id starts with it. */
export function loadPages(dir: string, only?: string): Page[] {
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string; url: string }
  >;
  const ids = readdirSync(join(dir, 'html'))
    .filter((f) => f.endsWith('.html.gz'))
    .map((f) => f.slice(0, -'.html.gz'.length))
    .filter((id) => only === undefined || id.startsWith(only))
    .sort();
  return ids.map((id) => ({
    id,
    url: truth[id]?.url ?? '',
    truth: truth[id]?.articleBody ?? '',
    html: gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8'),
  }));
}
