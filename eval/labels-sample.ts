// `node dist/eval/labels-sample.js [--count 260] [--seed 12] [--out FILE] [--exclude-used]`: draws labels at
// random from multi-outlet allsides stories, as the current code labels them, for judging by hand.
// --exclude-used skips every day group holding an article already in eval/labels-judged.json (its stories were
// read while tuning, or are already judged) or in the blind check's stories (eval/blind/stories.json); the
// second draw was `--seed 1212 --count 160 --exclude-used` (rules: eval/LABELS-RULES.md).
//
// Stories: allsides has no story labels, so a story here is articles of one AllSides topic published on the
// same day that share a person's full name (two or more words, same normalised key), joined transitively,
// from at least two outlets. Day groups are drawn at random (fixed seed) until enough labels are found; a
// label is a descriptor the article writes in its own voice (outside quotes), as the report keeps it.
//
// Nothing of the corpus is written to the repository: each entry is {article, start, end} into the corpus
// article's `text`, plus the judgement added by hand. The listing with context goes to --out (outside the
// repo) for reading.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { actorKey } from '../src/text/article-labels.js';
import { seededRandom } from '../src/util/random.js';
import { annotateRecords } from './annotate.js';
import { type AllsidesArticle, CORPUS, ROOT, readAllsides, shuffle } from './labels-corpus.js';
import { offsetMap } from './offset-map.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '260' },
    seed: { type: 'string', default: '12' },
    out: { type: 'string', default: '/tmp/labels-sample.tsv' },
    'exclude-used': { type: 'boolean', default: false },
  },
});
const wanted = Number(values.count);
const random = seededRandom(Number(values.seed));

const articles = readAllsides(resolve(CORPUS, 'allsides/articles.jsonl.gz'));
const byDay = new Map<string, AllsidesArticle[]>();
for (const a of articles) {
  const key = `${a.topic}|${a.published}`;
  const list = byDay.get(key) ?? [];
  list.push(a);
  byDay.set(key, list);
}
const used = new Set<string>();
if (values['exclude-used']) {
  const judged = JSON.parse(readFileSync(resolve(ROOT, 'eval/labels-judged.json'), 'utf8')) as {
    labels: { article: string }[];
  };
  for (const j of judged.labels) used.add(j.article);
  const blind = JSON.parse(readFileSync(resolve(ROOT, 'eval/blind/stories.json'), 'utf8')) as {
    stories: { articles: string[]; duplicates: string[] }[];
  };
  for (const b of blind.stories) for (const id of [...b.articles, ...b.duplicates]) used.add(id);
}
const days = shuffle(
  [...byDay.values()].filter(
    (list) => new Set(list.map((a) => a.outlet)).size >= 2 && !list.some((a) => used.has(a.id)),
  ),
  random,
);

interface Drawn {
  article: string;
  start: number;
  end: number;
  /** The actor's mention nearest the label: who the label was given to. */
  actor: { start: number; end: number };
}
const pool: Drawn[] = [];
const context = new Map<string, string>();
let stories = 0;
for (const day of days) {
  if (pool.length >= wanted * 4) break;
  const annotated = await annotateRecords(day.map((a) => ({ id: a.id, text: a.text, outlet: a.outlet })));
  // Union articles that share a person's full name.
  const parent = new Map(day.map((a) => [a.id, a.id]));
  const find = (x: string): string => {
    const p = parent.get(x) ?? x;
    if (p === x) return x;
    const root = find(p);
    parent.set(x, root);
    return root;
  };
  const firstByName = new Map<string, string>();
  for (const [id, art] of annotated)
    for (const e of art.entities) {
      if (e.kind !== 'person' || !e.name.includes(' ')) continue;
      const key = actorKey(e.name);
      const other = firstByName.get(key);
      if (other) parent.set(find(id), find(other));
      else firstByName.set(key, id);
    }
  const outletsOf = new Map<string, Set<string>>();
  for (const a of day) {
    if (!annotated.has(a.id)) continue;
    const root = find(a.id);
    const set = outletsOf.get(root) ?? new Set();
    set.add(a.outlet);
    outletsOf.set(root, set);
  }
  for (const root of outletsOf.keys()) if ((outletsOf.get(root)?.size ?? 0) >= 2) stories++;
  for (const a of day) {
    const art = annotated.get(a.id);
    if (!art || (outletsOf.get(find(a.id))?.size ?? 0) < 2) continue;
    const map = offsetMap(art.text, a.text);
    for (const e of art.entities) {
      if (e.kind !== 'person' && e.kind !== 'organization' && e.kind !== 'group') continue;
      for (const d of e.descriptors) {
        if (art.quotes.some((q) => d.start >= q.start && d.end <= q.end)) continue;
        const at = map.span(d.start, d.end);
        if (!at) continue;
        const mentions = e.mentions
          .map((m) => map.span(m.start, m.end))
          .filter((m): m is { start: number; end: number } => m !== null);
        const distance = (m: { start: number; end: number }) =>
          m.start >= at.end ? m.start - at.end : m.end <= at.start ? at.start - m.end : 0;
        const actor = mentions.reduce<{ start: number; end: number } | null>(
          (best, m) => (best === null || distance(m) < distance(best) ? m : best),
          null,
        );
        if (!actor) continue;
        pool.push({ article: a.id, ...at, actor });
        const before = a.text.slice(Math.max(0, at.start - 80), at.start).replace(/\s+/g, ' ');
        const after = a.text.slice(at.end, at.end + 60).replace(/\s+/g, ' ');
        context.set(
          `${a.id}:${at.start}:${at.end}`,
          `${e.name}\t${d.via}\t${before}[[${a.text.slice(at.start, at.end)}]]${after}`,
        );
      }
    }
  }
}
const drawn = shuffle(pool, random).slice(0, wanted);
writeFileSync(
  values.out as string,
  drawn
    .map(
      (d, i) =>
        `${i}\t${d.article}\t${d.start}\t${d.end}\t${context.get(`${d.article}:${d.start}:${d.end}`)}`,
    )
    .join('\n'),
);
console.log(
  JSON.stringify(
    drawn.map((d) => ({ article: d.article, start: d.start, end: d.end, actor: d.actor })),
    null,
    0,
  ),
);
console.error(`${drawn.length} labels drawn from ${pool.length} in ${stories} multi-outlet stories`);
