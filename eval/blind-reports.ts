// `node dist/eval/blind-reports.js [--stories eval/blind/stories.json] [--out /tmp/blind-after]`: the reports
// of the blind check (issue 13; eval/blind/RULES.md), made by the public analyze() API from exactly the
// article sets of stories.json, so that the BEFORE and AFTER runs judge the same stories however story
// clustering changes.
//
// Every finding is listed for judging. With --cap N, a story with more than N shared facts or discrepancies
// has N of each drawn (seededRandom(--seed + story index), seed 13 by default; discrepancies with seed +
// 1000), marked * in the listing; the others get `sampled: false` and blind-score leaves them out. (The
// BEFORE run was judged whole, 655 findings; its figures with --cap 6, which weighs every story alike, are
// in eval/blind/README.md too.)
//
// Writes to --out (outside the repository: it holds corpus text):
// - story-NN.json: the report, as analyze() gives it;
// - story-NN.txt: a listing for judging — every shared fact with its sentence in each outlet, every
//   discrepancy with both sides, every digest sentence with the sentences of the articles it cites;
// - findings.json: every finding to judge with its identifier (allsides article ids and character offsets
//   into the corpus article's `text`), in the shape judged-before.json uses, verdicts left empty;
// and prints the counts of findings per story. Judging is then done by hand, by the rules.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze } from '../src/api/analyze.js';
import type { ArticleInput } from '../src/api/articles.js';
import type { Confidence, Discrepancy, EvidenceSpan, Report, Story } from '../src/model/report.js';
import { seededRandom } from '../src/util/random.js';
import { type AllsidesArticle, CORPUS, ROOT, readAllsides, shuffle } from './labels-corpus.js';
import { type OffsetMap, offsetMap } from './offset-map.js';

/** A span of a corpus article: its allsides id and offsets into its `text`. */
export interface CorpusSpan {
  article: string;
  start: number;
  end: number;
}

/** related-fact: a fact of 2+ outlets the report shows as related coverage, not as shared (Fact.related). */
export type FindingKind = 'shared-fact' | 'related-fact' | 'exclusive-fact' | 'discrepancy' | 'digest';

/** One finding of one story's report, identified by corpus spans (never by text). */
export interface Finding {
  story: number;
  kind: FindingKind;
  /** Its place in its report section (facts, discrepancies, digest), for reading the listing. */
  ref: string;
  /** Fact: its evidence spans. Digest: the sentence taken. Discrepancy: the subject's evidence. */
  spans: CorpusSpan[];
  /** Fact and digest: the articles it cites (outlet count follows from them). */
  articles?: string[];
  /** Discrepancy: its kind and, per value, the articles giving it and where. */
  discrepancy?: { kind: string; values: { articles: string[]; spans: CorpusSpan[] }[] };
  /** The report's confidence in the finding (eval/blind-confidence.ts compares it with the verdicts). */
  confidence?: Confidence;
  /** Shared fact, discrepancy: false when the story has more than --cap of them and this one was not drawn. */
  sampled?: boolean;
}

/**
 * The shared facts (or discrepancies) of a story to judge: all of them up to `cap`, else `cap` drawn with
 * seededRandom(seed + story index) — a story of 20 articles has over a hundred shared facts, which no one
 * judges by hand in a session.
 */
export function findingSample(count: number, cap: number, seed: number, story: number): Set<number> {
  const all = Array.from({ length: count }, (_, i) => i);
  if (count <= cap) return new Set(all);
  return new Set(shuffle(all, seededRandom(seed + story)).slice(0, cap));
}

interface StoriesFile {
  stories: { index: number; articles: string[] }[];
}

/** The allsides record as an analyze() input, with the same fields the JSONL ingest reads. */
export function articleInput(a: AllsidesArticle & Record<string, unknown>): ArticleInput {
  return {
    id: a.id,
    title: (a.title as string | undefined) ?? null,
    text: a.text,
    outlet: a.outlet,
    url: (a.url as string | undefined) ?? null,
    published: a.published,
    author: (a.author as string | undefined) ?? null,
  };
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

class StoryFindings {
  readonly findings: Finding[] = [];
  readonly lines: string[] = [];
  private readonly maps = new Map<string, OffsetMap>();
  private readonly outletOf: Map<string, string>;

  constructor(
    private readonly index: number,
    private readonly story: Story,
    private readonly corpus: Map<string, AllsidesArticle>,
  ) {
    this.outletOf = new Map(story.articles.map((a) => [a.id, a.outlet ?? '?']));
  }

  private map(articleId: string): OffsetMap | null {
    let m = this.maps.get(articleId);
    if (!m) {
      const cleaned = this.story.articles.find((a) => a.id === articleId)?.text;
      const input = this.corpus.get(articleId)?.text;
      if (cleaned === undefined || input === undefined) return null;
      m = offsetMap(cleaned, input);
      this.maps.set(articleId, m);
    }
    return m;
  }

  /** The corpus span of a report span; offsets -1 when cleaning made it untraceable. */
  corpusSpan(span: { article: string; start: number; end: number }): CorpusSpan {
    const at = this.map(span.article)?.span(span.start, span.end);
    return { article: span.article, start: at?.start ?? -1, end: at?.end ?? -1 };
  }

  private show(span: EvidenceSpan | { article: string; start: number; end: number; text?: string }): string {
    const c = this.corpusSpan(span);
    const text =
      'text' in span && span.text !== undefined
        ? span.text
        : (this.story.articles.find((a) => a.id === span.article)?.text.slice(span.start, span.end) ?? '');
    return `[${this.outletOf.get(span.article)} | ${span.article}@${c.start}-${c.end}] ${oneLine(text)}`;
  }

  /** The sentence of the article holding a span, for reading a short span (a number, a name) in context. */
  private sentenceAround(span: { article: string; start: number; end: number }) {
    const article = this.story.articles.find((a) => a.id === span.article);
    const s = article?.sentences?.find((x) => x.start <= span.start && x.end >= span.end);
    return s ? { article: span.article, start: s.start, end: s.end } : span;
  }

  facts(cap: number, seed: number): void {
    const several = this.story.facts.filter(
      (f) => new Set(f.articles.map((a) => this.outletOf.get(a))).size >= 2,
    );
    // What the report shows as shared is judged; related coverage (Fact.related) is listed, not judged.
    const shared = several.filter((f) => f.related !== true);
    const related = several.filter((f) => f.related === true);
    this.lines.push(
      `== SHARED FACTS (${shared.length}; ${related.length} related-coverage facts listed after them; ${this.story.facts.length - several.length} single-outlet facts not listed) ==`,
    );
    const sample = findingSample(shared.length, cap, seed, this.index);
    if (sample.size < shared.length)
      this.lines.push(`   (${sample.size} of them drawn for judging, marked *)`);
    shared.forEach((fact, i) => {
      const ref = `F${i + 1}`;
      const sampled = sample.has(i);
      this.findings.push({
        story: this.index,
        kind: 'shared-fact',
        ref,
        spans: fact.evidence.map((e) => this.corpusSpan(e)),
        articles: fact.articles,
        ...(fact.confidence ? { confidence: fact.confidence } : {}),
        ...(sample.size < shared.length ? { sampled } : {}),
      });
      this.lines.push(
        `${ref}${sampled && sample.size < shared.length ? '*' : ''} (${fact.id}; ${fact.articles.length} articles)`,
      );
      for (const e of fact.evidence) this.lines.push(`   ${this.show(e)}`);
    });
    if (related.length > 0) this.lines.push(`== RELATED COVERAGE (${related.length}; not judged) ==`);
    related.forEach((fact, i) => {
      const ref = `R${i + 1}`;
      this.findings.push({
        story: this.index,
        kind: 'related-fact',
        ref,
        spans: fact.evidence.map((e) => this.corpusSpan(e)),
        articles: fact.articles,
        ...(fact.confidence ? { confidence: fact.confidence } : {}),
      });
      this.lines.push(`${ref} (${fact.id}; ${fact.articles.length} articles)`);
      for (const e of fact.evidence) this.lines.push(`   ${this.show(e)}`);
    });
  }

  /** The spans a discrepancy's values come from: the subject's evidence in each value's articles. */
  private valueSpans(d: Discrepancy, value: { value: string; articles: string[] }): EvidenceSpan[] {
    const inArticles = (spans: readonly EvidenceSpan[]) =>
      spans.filter((s) => value.articles.includes(s.article));
    const fact = this.story.facts.find((f) => f.id === d.subject);
    if (fact) return inArticles(fact.evidence);
    const quote = this.story.quotes.find((q) => q.id === d.subject);
    if (quote) return inArticles(quote.variants);
    const actor = this.story.actors.find((a) => a.id === d.subject);
    if (actor) {
      const label = actor.labels.find((l) => l.text === value.value);
      if (label?.evidence?.length) return inArticles(label.evidence);
      const named = inArticles(actor.mentions).filter((m) => m.text === value.value);
      if (named.length > 0) return named.slice(0, 2);
      return inArticles(actor.mentions).slice(0, 1);
    }
    return [];
  }

  discrepancies(cap: number, seed: number): void {
    const all = this.story.discrepancies;
    // Another seed than the facts', so the two draws are not the same positions.
    const sample = findingSample(all.length, cap, seed + 1000, this.index);
    this.lines.push(`== DISCREPANCIES (${all.length}) ==`);
    if (sample.size < all.length) this.lines.push(`   (${sample.size} of them drawn for judging, marked *)`);
    all.forEach((d, i) => {
      const ref = `D${i + 1}`;
      const sampled = sample.has(i);
      const subjectName =
        this.story.actors.find((a) => a.id === d.subject)?.name ??
        (this.story.facts.some((f) => f.id === d.subject)
          ? 'fact'
          : this.story.quotes.some((q) => q.id === d.subject)
            ? 'quote group'
            : '?');
      this.lines.push(
        `${ref}${sampled && sample.size < all.length ? '*' : ''} ${d.kind} — subject ${d.subject} (${subjectName}) — ${oneLine(d.note)}`,
      );
      const values = d.values.map((v) => {
        const spans = this.valueSpans(d, v);
        this.lines.push(
          `   value «${oneLine(v.value)}» in ${v.articles.map((a) => this.outletOf.get(a)).join(', ')}`,
        );
        for (const s of spans) this.lines.push(`      ${this.show(this.sentenceAround(s))}`);
        return { articles: v.articles, spans: spans.map((s) => this.corpusSpan(s)) };
      });
      this.findings.push({
        story: this.index,
        kind: 'discrepancy',
        ref,
        spans: values.flatMap((v) => v.spans),
        discrepancy: { kind: d.kind, values },
        ...(d.confidence ? { confidence: d.confidence } : {}),
        ...(sample.size < all.length ? { sampled } : {}),
      });
    });
  }

  digest(): void {
    this.lines.push(`== DIGEST (${this.story.digest.length}) ==`);
    this.story.digest.forEach((g, i) => {
      const ref = `G${i + 1}`;
      const taken = g.evidence ?? [];
      this.findings.push({
        story: this.index,
        kind: 'digest',
        ref,
        spans: taken.map((e) => this.corpusSpan(e)),
        articles: g.articles,
        ...(g.confidence ? { confidence: g.confidence } : {}),
      });
      this.lines.push(`${ref} cites ${g.articles.map((a) => `${this.outletOf.get(a)} (${a})`).join(', ')}`);
      for (const e of taken) this.lines.push(`   TAKEN ${this.show(e)}`);
      // What each cited article says: the fact the sentence was taken from gives its evidence per article.
      const fact = this.story.facts.find((f) =>
        taken.some((t) =>
          f.evidence.some((e) => e.article === t.article && e.start < t.end && e.end > t.start),
        ),
      );
      for (const e of fact?.evidence ?? []) this.lines.push(`   cited ${this.show(e)}`);
    });
  }
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const { values } = parseArgs({
    options: {
      stories: { type: 'string', default: resolve(ROOT, 'eval/blind/stories.json') },
      out: { type: 'string', default: '/tmp/blind-after' },
      cap: { type: 'string', default: 'all' },
      seed: { type: 'string', default: '13' },
    },
  });
  const out = values.out as string;
  const cap = values.cap === 'all' ? Number.POSITIVE_INFINITY : Number(values.cap);
  if (!(cap > 0))
    throw new Error(`blind-reports: --cap must be a positive number or "all", not ${values.cap}`);
  mkdirSync(out, { recursive: true });
  const file = JSON.parse(readFileSync(values.stories as string, 'utf8')) as StoriesFile;
  const corpus = new Map(readAllsides(resolve(CORPUS, 'allsides/articles.jsonl.gz')).map((a) => [a.id, a]));
  const all: Finding[] = [];
  const counts: string[] = ['story\tarticles\toutlets\tshared facts\tall facts\tdiscrepancies\tdigest'];
  for (const entry of file.stories) {
    const inputs = entry.articles.map((id) => {
      const a = corpus.get(id);
      if (!a) throw new Error(`blind-reports: article ${id} of story ${entry.index} is not in the corpus`);
      return articleInput(a as AllsidesArticle & Record<string, unknown>);
    });
    const report: Report = await analyze(inputs, {
      now: new Date('2026-01-01T00:00:00Z'),
      onRefusal: (r) => console.error(`story ${entry.index}: ${r.input}: ${r.reason}`),
    });
    const story = report.stories[0];
    const nn = String(entry.index).padStart(2, '0');
    writeFileSync(resolve(out, `story-${nn}.json`), JSON.stringify(report));
    if (!story) {
      counts.push(`${entry.index}\t0\t0\t0\t0\t0\t0`);
      continue;
    }
    const f = new StoryFindings(entry.index, story, corpus);
    const outlets = new Set(story.articles.map((a) => a.outlet));
    f.lines.push(`STORY ${entry.index}: ${oneLine(story.title)}`);
    for (const a of story.articles)
      f.lines.push(`   ${a.id} | ${a.outlet} | ${a.published} | ${oneLine(a.title ?? '')} | ${a.url ?? ''}`);
    f.facts(cap, Number(values.seed));
    f.discrepancies(cap, Number(values.seed));
    f.digest();
    writeFileSync(resolve(out, `story-${nn}.txt`), `${f.lines.join('\n')}\n`);
    all.push(...f.findings);
    const n = (kind: FindingKind) => f.findings.filter((x) => x.kind === kind).length;
    counts.push(
      `${entry.index}\t${story.articles.length}\t${outlets.size}\t${n('shared-fact')}\t${story.facts.length}\t${n('discrepancy')}\t${n('digest')}`,
    );
    console.error(`story ${entry.index}: done`);
  }
  writeFileSync(resolve(out, 'findings.json'), `${JSON.stringify(all, null, 1)}\n`);
  console.log(counts.join('\n'));
}
