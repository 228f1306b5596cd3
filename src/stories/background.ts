// The background statistics story clustering starts from: document frequencies of its features in a large
// reference sample of news (background-data.ts, built by bench/background-df.ts). A young library's own
// counts mean little (with 5 articles a word in 2 of them looks common, and the names of a whole news
// cycle look rare); blended with these, the name of a capital or of a head of government is common from
// the first article on.
import { gunzipSync } from 'node:zlib';
import { BACKGROUND_DOCUMENTS, BACKGROUND_FREQUENCIES } from './background-data.js';

let table: Map<string, number> | null = null;

/** Share of the reference articles carrying each feature (features in too few of them are absent). */
export function backgroundShares(): ReadonlyMap<string, number> {
  if (table) return table;
  table = new Map();
  const tsv = gunzipSync(Buffer.from(BACKGROUND_FREQUENCIES, 'base64')).toString('utf8');
  for (const line of tsv.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) table.set(line.slice(0, tab), Number(line.slice(tab + 1)) / BACKGROUND_DOCUMENTS);
  }
  return table;
}
