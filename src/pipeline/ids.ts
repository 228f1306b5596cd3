// Article ids: the input's own id when it has one (a JSON record's `id`), otherwise derived from the
// source so the same file always gets the same id: "minsk/000_effc.txt" → "000_effc". Two inputs that
// would share an id within one run get "-2", "-3" suffixes in input order.
import type { RawArticle } from '../model/article.js';

export function slugFromSource(source: string): string {
  const withoutFragment = source.replace(/[#:](\d+)$/, '-$1');
  const base =
    withoutFragment
      .replace(/^[a-z]+:\/\/[^/]+/i, '')
      .split(/[\\/]/)
      .filter(Boolean)
      .pop() ?? 'article';
  const stem = base.replace(/(\.(gz|txt|md|markdown|html?|jsonl?|ndjson))+$/i, '');
  return stem.replace(/[^\p{L}\p{N}_.-]+/gu, '-').replace(/^-+|-+$/g, '') || 'article';
}

export function articleIdFor(raw: RawArticle, used: Set<string>): string {
  const base = raw.id ?? slugFromSource(raw.source);
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}
