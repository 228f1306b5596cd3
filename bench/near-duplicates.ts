// Near-duplicate detection on real articles: N source articles from ../shared/corpus/allsides (fixed seed),
// lightly edited copies of most of them (new headline, last paragraphs trimmed, newsletter/"Read more"/
// copyright boilerplate added, a few words substituted, paragraph whitespace changed, and combinations),
// mixed with M other articles from the same corpus (many on the same topics). Everything goes through the
// clean stage, then streams in random order through NearDuplicateIndex and, in the same run, through the
// baseline a user would otherwise write: a hash of the normalised text. Each article is linked to the
// earliest article it is found to duplicate; a link is correct when both come from the same source.
//
// The corpus has real duplicates of its own (one wire story filed by two outlets, one article crawled
// twice). A link between two different corpus articles is checked on the original texts: when those are
// near-identical by a stricter standard than the detector's (resemblance ≥ 0.8 or containment ≥ 0.95),
// it is a corpus duplicate, reported on its own line and counted as correct; otherwise a false positive.
//
//   npm run build && node dist/bench/near-duplicates.js [--sources 1000] [--others 10000] [--seed 1]
//                                                        [--raw] [--record]
//
// --raw skips the clean stage; --record puts the section at the top of bench/RESULTS.md.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { cleanArticle } from '../src/clean/index.js';
import { recordArticle } from '../src/ingest/records.js';
import {
  BANDS,
  duplicateKeys,
  isNearDuplicate,
  NearDuplicateIndex,
  type NearDuplicateScore,
  nearDuplicateScore,
  normalizedWords,
  ROWS_PER_BAND,
  SHINGLE_SIZE,
} from '../src/stories/near-duplicates.js';
import { seededRandom } from '../src/util/random.js';
import { machineLine, RESULTS, recordSection } from './results.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(HERE, '../..');
const CORPUS = resolve(ROOT, '../shared/corpus/allsides/articles.jsonl.gz');
const TARGET = 0.95;

// --- edits ----------------------------------------------------------------------------------------------

type Edit = 'identical' | 'headline' | 'trim' | 'boilerplate' | 'substitute' | 'whitespace';
const CONTENT_EDITS: Edit[] = ['trim', 'boilerplate', 'substitute', 'whitespace'];

const BOILERPLATE = [
  'Sign up for our daily newsletter to get the top stories delivered to your inbox every morning.',
  'Subscribe now for unlimited digital access. Cancel anytime.',
  'Read more: https://news.example.com/latest/coverage',
  'READ MORE: Ten things to know before the weekend',
  '© 2024 Example Media Group. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.',
  'Follow us on social media for breaking news updates.',
  'Click here to get the app.',
  'Advertisement',
  'This story originally appeared on example.org and is republished here with permission.',
  'Have a news tip? Email our newsroom at tips@example.com.',
];

const SYNONYMS: Record<string, string> = {
  said: 'stated',
  says: 'states',
  told: 'informed',
  also: 'additionally',
  however: 'but',
  people: 'individuals',
  percent: 'per cent',
  big: 'large',
  new: 'fresh',
  would: 'could',
  many: 'numerous',
  about: 'around',
  after: 'following',
  because: 'since',
  help: 'assist',
  show: 'indicate',
  start: 'begin',
};

function pick<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

function shuffle<T>(rng: () => number, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** Cut 5–30% of the text from the end, at a paragraph boundary when there is one, else at a sentence. */
function trim(rng: () => number, text: string): string {
  const keep = Math.round(text.length * (1 - (0.05 + rng() * 0.25)));
  const para = text.indexOf('\n\n', keep);
  if (para > 0 && para < text.length - 1) return text.slice(0, para);
  const sentence = text.indexOf('. ', keep);
  return sentence > 0 ? text.slice(0, sentence + 1) : text.slice(0, keep);
}

function addBoilerplate(rng: () => number, text: string): string {
  const paragraphs = text.split('\n\n');
  const count = 1 + Math.floor(rng() * 3);
  for (let i = 0; i < count; i++) {
    const where = rng();
    const line = pick(rng, BOILERPLATE);
    if (where < 0.25) paragraphs.unshift(line);
    else if (where < 0.6) paragraphs.push(line);
    else paragraphs.splice(1 + Math.floor(rng() * Math.max(1, paragraphs.length - 1)), 0, line);
  }
  return paragraphs.join('\n\n');
}

function substitute(rng: () => number, text: string): string {
  const words = [...text.matchAll(/\p{L}{3,}/gu)];
  if (words.length === 0) return text;
  const count = 1 + Math.floor(rng() * 8);
  const spots = new Map<number, string>();
  for (let i = 0; i < count * 4 && spots.size < count; i++) {
    const m = pick(rng, words);
    const lower = m[0].toLowerCase();
    const replacement = SYNONYMS[lower] ?? (i >= count * 2 ? (pick(rng, words)[0] as string) : undefined);
    if (replacement && m.index !== undefined) spots.set(m.index, replacement);
  }
  let out = text;
  for (const index of [...spots.keys()].sort((x, y) => y - x)) {
    const word = /^\p{L}+/u.exec(out.slice(index))?.[0] ?? '';
    out = out.slice(0, index) + (spots.get(index) as string) + out.slice(index + word.length);
  }
  return out;
}

function whitespace(rng: () => number, text: string): string {
  const r = rng();
  if (r < 0.25) return text.replace(/\n\n/g, '\n'); // single line breaks between paragraphs
  if (r < 0.5) return text.replace(/\n\n/g, '\n\n\n').replace(/\n/g, '  \n'); // blank lines, trailing spaces
  if (r < 0.75) return text.replace(/\n/g, '\r\n').replace(/\. /g, '.  '); // CRLF, double spaces
  // Paragraphs re-split: two merged into one, one split after its first sentence.
  return text.replace('\n\n', ' ').replace(/\. (?=[A-Z])/, '.\n\n');
}

function rewordHeadline(rng: () => number, title: string): string {
  const forms = [
    (t: string) => `UPDATE: ${t}`,
    (t: string) => `${t} | Example News`,
    (t: string) => t.toUpperCase(),
    (t: string) => t.split(' ').reverse().join(' '),
    (t: string) => `Watch: ${t.replace(/^\S+\s/, '')}`,
  ];
  return pick(rng, forms)(title);
}

function editsFor(rng: () => number): Edit[] {
  const r = rng();
  if (r < 0.1) return ['identical'];
  if (r < 0.2) return ['headline'];
  for (;;) {
    const edits = CONTENT_EDITS.filter(() => rng() < 0.5);
    if (edits.length === 0) continue;
    if (rng() < 0.5) edits.unshift('headline');
    return edits;
  }
}

function applyEdits(rng: () => number, edits: readonly Edit[], title: string, text: string) {
  let t = title;
  let body = text;
  for (const edit of edits) {
    if (edit === 'headline') t = rewordHeadline(rng, t);
    else if (edit === 'trim') body = trim(rng, body);
    else if (edit === 'boilerplate') body = addBoilerplate(rng, body);
    else if (edit === 'substitute') body = substitute(rng, body);
    else if (edit === 'whitespace') body = whitespace(rng, body);
  }
  return { title: t, text: body };
}

// --- corpus ---------------------------------------------------------------------------------------------

interface CorpusRecord {
  id: string;
  outlet: string;
  title: string;
  url: string;
  published: string;
  text: string;
}

function lines(): AsyncIterable<string> {
  return createInterface({
    input: createReadStream(CORPUS).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
}

async function loadSample(seed: number, sources: number, others: number) {
  let count = 0;
  for await (const line of lines()) if (line.trim()) count++;
  const rng = seededRandom(seed);
  const order = shuffle(
    rng,
    Array.from({ length: count }, (_, i) => i),
  );
  const role = new Map<number, 'source' | 'other'>();
  for (const i of order.slice(0, sources)) role.set(i, 'source');
  for (const i of order.slice(sources, sources + others)) role.set(i, 'other');
  const picked: { record: CorpusRecord; role: 'source' | 'other' }[] = [];
  let i = 0;
  for await (const line of lines()) {
    if (!line.trim()) continue;
    const r = role.get(i++);
    if (r) picked.push({ record: JSON.parse(line) as CorpusRecord, role: r });
  }
  return { count, picked };
}

// --- run ------------------------------------------------------------------------------------------------

interface Item {
  id: string;
  /** Index of the corpus article it was made from: the true duplicate group. */
  group: number;
  edits: Edit[] | null;
  text: string;
}

interface Outcome {
  links: number;
  correct: number;
  corpusDuplicates: number;
  falsePositives: { id: string; target: string }[];
  /** Every link made, as [article, earlier article]. */
  pairs: [string, string][];
  expected: number;
  found: number;
  missed: Item[];
  seconds: number;
  keys: number;
  verifications: number;
}

function evaluate(
  stream: readonly Item[],
  link: (item: Item) => string | null,
  isCorpusDuplicate: (a: number, b: number) => boolean,
) {
  const byId = new Map(stream.map((it) => [it.id, it]));
  const seenGroups = new Set<number>();
  const out: Omit<Outcome, 'seconds' | 'keys' | 'verifications'> = {
    links: 0,
    correct: 0,
    corpusDuplicates: 0,
    falsePositives: [],
    pairs: [],
    expected: 0,
    found: 0,
    missed: [],
  };
  const started = performance.now();
  const targets = stream.map((item) => link(item));
  const seconds = (performance.now() - started) / 1000;
  stream.forEach((item, i) => {
    const target = targets[i];
    const shouldLink = seenGroups.has(item.group);
    seenGroups.add(item.group);
    if (shouldLink) out.expected++;
    if (target === null || target === undefined) {
      if (shouldLink) out.missed.push(item);
      return;
    }
    out.links++;
    out.pairs.push([item.id, target]);
    const other = byId.get(target) as Item;
    if (other.group === item.group) {
      out.correct++;
      out.found++;
    } else if (isCorpusDuplicate(item.group, other.group)) {
      out.corpusDuplicates++;
      if (shouldLink) out.found++;
    } else {
      out.falsePositives.push({ id: item.id, target });
      if (shouldLink) out.missed.push(item);
    }
  });
  return { ...out, seconds };
}

function args() {
  const argv = process.argv.slice(2);
  const num = (name: string, dflt: number) => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : dflt;
  };
  return {
    sources: num('--sources', 1000),
    others: num('--others', 10000),
    seed: num('--seed', 1),
    raw: argv.includes('--raw'),
    record: argv.includes('--record'),
  };
}

async function main(): Promise<void> {
  const opts = args();
  console.error(
    `near-duplicates: sampling ${opts.sources} sources + ${opts.others} others (seed ${opts.seed})…`,
  );
  const { count, picked } = await loadSample(opts.seed, opts.sources, opts.others);
  const rng = seededRandom(opts.seed * 7919 + 1);

  // Raw records: the corpus articles themselves, then the edited copies of the sources.
  const raws: {
    id: string;
    group: number;
    edits: Edit[] | null;
    title: string;
    text: string;
    url: string;
  }[] = [];
  picked.forEach(({ record, role }, group) => {
    raws.push({ id: record.id, group, edits: null, title: record.title, text: record.text, url: record.url });
    if (role !== 'source') return;
    const r = rng();
    const copies = r < 0.3 ? 0 : r < 0.8 ? 1 : 2;
    for (let c = 1; c <= copies; c++) {
      const edits = editsFor(rng);
      const edited = applyEdits(rng, edits, record.title, record.text);
      raws.push({
        id: `${record.id}~copy${c}`,
        group,
        edits,
        title: edited.title,
        text: edited.text,
        url: `https://mirror${c}.example.com/${record.id}`,
      });
    }
  });

  // The store sees cleaned text: run each record through ingest's record reader and the clean stage.
  console.error(`near-duplicates: cleaning ${raws.length} texts${opts.raw ? ' (skipped: --raw)' : ''}…`);
  const cleanStarted = performance.now();
  const items: Item[] = [];
  let refused = 0;
  for (const r of raws) {
    let text = r.text;
    if (!opts.raw) {
      const rec = recordArticle({ id: r.id, title: r.title, text: r.text, url: r.url }, `bench#${r.id}`);
      if (!rec.ok) {
        refused++;
        continue;
      }
      text = cleanArticle(rec.raw, r.id).text;
      if (text.trim() === '') {
        refused++;
        continue;
      }
    }
    items.push({ id: r.id, group: r.group, edits: r.edits, text });
  }
  const cleanSeconds = (performance.now() - cleanStarted) / 1000;
  const originals = new Map(items.filter((it) => it.edits === null).map((it) => [it.group, it.text]));
  const stream = shuffle(seededRandom(opts.seed * 31 + 7), items);
  const copies = items.filter((it) => it.edits !== null).length;

  // Links between different corpus articles: judged on the original texts (see the header comment).
  const adjudicated = new Map<string, { score: NearDuplicateScore; duplicate: boolean }>();
  const isCorpusDuplicate = (a: number, b: number) => {
    const key = a < b ? `${a}/${b}` : `${b}/${a}`;
    let v = adjudicated.get(key);
    if (!v) {
      const score = nearDuplicateScore(originals.get(a) ?? '', originals.get(b) ?? '');
      v = { score, duplicate: score.resemblance >= 0.8 || score.containment >= 0.95 };
      adjudicated.set(key, v);
    }
    return v.duplicate;
  };

  // Warm up both methods (JIT) on a slice that is not measured.
  const warm = new NearDuplicateIndex();
  for (const it of stream.slice(0, 300)) {
    warm.add(it.id, it.text);
    createHash('sha256').update(normalizedWords(it.text).join(' ')).digest('base64');
  }

  console.error(`near-duplicates: streaming ${stream.length} articles through the index…`);
  const groupOf = new Map(stream.map((it) => [it.id, it.group]));
  let worstRejected: { score: NearDuplicateScore; pair: string } | null = null;
  // Rejected candidates from different articles: how close did they come to the thresholds?
  const index = new NearDuplicateIndex((id, candidate, score) => {
    if (groupOf.get(id) === groupOf.get(candidate) || isNearDuplicate(score)) return;
    if (!worstRejected || score.containment > worstRejected.score.containment)
      worstRejected = { score, pair: `${id} ↔ ${candidate}` };
  });
  const lsh = evaluate(stream, (it) => index.add(it.id, it.text), isCorpusDuplicate);
  const lshSeconds = lsh.seconds;
  let keyCount = 0;
  for (const it of stream) keyCount += duplicateKeys(it.text).length;

  const exactIndex = new Map<string, string>();
  const exact = evaluate(
    stream,
    (it) => {
      const h = createHash('sha256').update(normalizedWords(it.text).join(' ')).digest('base64');
      const first = exactIndex.get(h);
      if (first === undefined) exactIndex.set(h, it.id);
      return first ?? null;
    },
    isCorpusDuplicate,
  );

  // Misses, explained: never a candidate (LSH) or rejected by the thresholds (verification).
  const missReasons = lsh.missed.map((it) => {
    // (it is missed yet linked when the link goes to a different article: a false positive)
    const earlier = stream.slice(0, stream.indexOf(it)).filter((o) => o.group === it.group);
    const keys = new Set(duplicateKeys(it.text));
    const shares = earlier.some((o) => duplicateKeys(o.text).some((k) => keys.has(k)));
    const best = earlier
      .map((o) => nearDuplicateScore(it.text, o.text))
      .sort((x, y) => y.resemblance - x.resemblance)[0];
    return { it, shares, best, linked: lsh.pairs.some(([id]) => id === it.id) };
  });
  for (const m of missReasons)
    console.error(
      `  missed ${m.it.id} [${m.it.edits?.join('+')}] ${!m.shares ? 'no shared key' : m.linked ? 'linked to another article' : 'rejected'}: ` +
        `resemblance ${m.best?.resemblance.toFixed(3)}, containment ${m.best?.containment.toFixed(3)}, ` +
        `paragraphs ${m.best?.paragraphs.toFixed(3)}`,
    );
  for (const [pair, v] of adjudicated)
    console.error(
      `  cross-article link ${pair}: originals resemblance ${v.score.resemblance.toFixed(3)}, containment ` +
        `${v.score.containment.toFixed(3)}, paragraphs ${v.score.paragraphs.toFixed(3)} → ${v.duplicate ? 'corpus duplicate' : 'false positive'}`,
    );
  const worst = worstRejected as { score: NearDuplicateScore; pair: string } | null;
  if (worst) console.error(`  closest rejected candidate from a different article: ${worst.pair}`);

  // Recall by edit, per copy: is the copy joined to its source by the links (directly or through the other
  // copy)? And the score range of the true pairs (copy vs its source).
  const joined = (o: typeof lsh) => {
    const parent = new Map<string, string>();
    const find = (x: string): string => {
      const p = parent.get(x) ?? x;
      if (p === x) return x;
      const root = find(p);
      parent.set(x, root);
      return root;
    };
    for (const [id, target] of o.pairs) parent.set(find(id), find(target));
    return (a: string, b: string) => find(a) === find(b);
  };
  const lshJoined = joined(lsh);
  const exactJoined = joined(exact);
  const sourceId = new Map(items.filter((it) => it.edits === null).map((it) => [it.group, it.id]));
  const byEdit = new Map<Edit, { n: number; found: number; exact: number }>();
  const trueScores: NearDuplicateScore[] = [];
  for (const it of stream) {
    if (!it.edits) continue;
    const source = sourceId.get(it.group) ?? '';
    trueScores.push(nearDuplicateScore(it.text, originals.get(it.group) ?? ''));
    for (const e of it.edits) {
      const row = byEdit.get(e) ?? { n: 0, found: 0, exact: 0 };
      row.n++;
      if (lshJoined(it.id, source)) row.found++;
      if (exactJoined(it.id, source)) row.exact++;
      byEdit.set(e, row);
    }
  }
  const minOf = (f: (s: NearDuplicateScore) => number) => Math.min(...trueScores.map(f));

  const precision = (o: typeof lsh) => (o.links === 0 ? 1 : (o.correct + o.corpusDuplicates) / o.links);
  const strictPrecision = (o: typeof lsh) => (o.links === 0 ? 1 : o.correct / o.links);
  const recall = (o: typeof lsh) => (o.expected === 0 ? 1 : o.found / o.expected);
  const f3 = (x: number) => x.toFixed(3);
  const verdict = (x: number) => (x >= TARGET ? 'met' : '**missed**');
  const n = stream.length;
  const date = new Date().toISOString().slice(0, 10);
  const machine = machineLine();
  const flags = [
    opts.sources !== 1000 ? `--sources ${opts.sources}` : '',
    opts.others !== 10000 ? `--others ${opts.others}` : '',
    opts.seed !== 1 ? `--seed ${opts.seed}` : '',
    opts.raw ? '--raw' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const section = [
    `## Near-duplicate detection — ${date}`,
    '',
    `Machine: ${machine}. Corpus: allsides (${count} articles): ${opts.sources} sources and ${opts.others} other ` +
      `articles (seed ${opts.seed}) plus ${copies} edited copies of the sources, ${n} articles in random order` +
      `${refused ? ` (${refused} refused by ingest/clean)` : ''}; texts ${opts.raw ? 'raw (clean stage skipped)' : `through the clean stage (${(raws.length / cleanSeconds).toFixed(0)} articles/s, not counted below)`}. ` +
      `Command: \`npm run build && node dist/bench/near-duplicates.js${flags ? ` ${flags}` : ''}\`.`,
    '',
    `Links: each article to the earliest article found to be its near-duplicate; ${lsh.expected} articles have an earlier copy of the same source.`,
    '',
    '| method | links | precision | recall | articles/s | keys/article | verifications/article |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| MinHash LSH (${SHINGLE_SIZE}-word shingles, ${BANDS}×${ROWS_PER_BAND}) + exact verification | ${lsh.links} | ${f3(precision(lsh))} | ${f3(recall(lsh))} | ${(n / lshSeconds).toFixed(0)} | ${(keyCount / n).toFixed(1)} | ${(index.verifications / n).toFixed(2)} |`,
    `| baseline: SHA-256 of the normalised words | ${exact.links} | ${f3(precision(exact))} | ${f3(recall(exact))} | ${(n / exact.seconds).toFixed(0)} | 1.0 | 0 |`,
    '',
    `- Precision **${f3(precision(lsh))}** and recall **${f3(recall(lsh))}** (target ≥ ${TARGET} each: ${verdict(precision(lsh))}, ${verdict(recall(lsh))}); ` +
      `the exact-hash baseline finds ${f3(recall(exact))} of the copies.`,
    `- Corpus duplicates: ${lsh.corpusDuplicates} links (baseline ${exact.corpusDuplicates}) join two different corpus articles whose original texts are near-identical ` +
      `(resemblance ≥ 0.8 or containment ≥ 0.95); counted as correct. Counted as errors, precision would be ${f3(strictPrecision(lsh))}. ` +
      `False positives: ${lsh.falsePositives.length}${lsh.falsePositives.length ? ` (${lsh.falsePositives.map((fp) => `\`${fp.id}\` → \`${fp.target}\``).join(', ')}; the run prints their scores on stderr, inspect them: wire copies edited by each outlet fall short of the strict rule)` : ''}.`,
    `- Misses: ${missReasons.length} (${missReasons.filter((m) => !m.shares).length} never candidates, ` +
      `${missReasons.filter((m) => m.shares && !m.linked).length} rejected by the thresholds, ` +
      `${missReasons.filter((m) => m.linked).length} linked to a different article instead).`,
    `- True pairs (copy vs source): lowest resemblance ${f3(minOf((s) => s.resemblance))}, lowest containment ${f3(minOf((s) => s.containment))}, lowest share of paragraphs ${f3(minOf((s) => s.paragraphs))}. ` +
      `Highest containment of a rejected candidate from a different article: ${worst ? `${f3(worst.score.containment)} (resemblance ${f3(worst.score.resemblance)}, paragraphs ${f3(worst.score.paragraphs)})` : 'none'}.`,
    `- Throughput counts key computation, candidate lookup and verification (in memory); the store adds SQL lookups.`,
    '',
    'Per edit (a copy may combine several), the share of copies that the links join to their source:',
    '',
    '| edit | copies | recall | baseline recall |',
    '| --- | ---: | ---: | ---: |',
    ...[...byEdit].map(
      ([e, row]) => `| ${e} | ${row.n} | ${f3(row.found / row.n)} | ${f3(row.exact / row.n)} |`,
    ),
    '',
  ].join('\n');
  console.log(section);
  if (opts.record) {
    recordSection(section);
    console.error(`near-duplicates: recorded in ${RESULTS}`);
  }
}

await main();
