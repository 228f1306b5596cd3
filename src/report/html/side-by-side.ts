// Evidence side by side: a fact, a quote group or a discrepancy opens a panel with every article's sentence
// one under another, the words each has that most of the others lack highlighted ("12 injured" / "14
// injured"). The page carries no panel markup: each opener holds its rows in one compact attribute
// (data-side), and the page script builds the panel on the first click from the article views already on
// the page, which hold every article's text. So the page grows by a few numbers per sentence, not by a
// copy of each sentence, and a 400-article story with thousands of facts stays one file.
//
// data-side: rows separated by ";", one per article in column order: "k|extents|spans|marks|changed", and
// "|1" after them when the article's sentence adds detail to a fact (Fact.extraDetail, ✓⁺ in the matrix),
// where k is the article's column, extents the sentences shown, spans the evidence inside them (what the
// row's link highlights in the article), marks the differing words and changed those of them that are a
// changed figure, negation or name spelling; each a comma-separated list of "start-end", UTF-16 offsets
// into the article text like every data-r. Example: "0|120-190|131-140|150-152,160-170|150-152|1;2|…".
import type { Discrepancy, EvidenceSpan, Fact, QuoteGroup, ReportArticle } from '../../model/report.js';
import { distinctWords, type MarkedRange } from '../../text/word-diff.js';
import { html, type SafeHtml } from '../escape.js';
import type { Range } from './parts.js';
import { type Column, locate, type StoryView } from './view.js';

/**
 * A sentence longer than this (characters) is shown only around its evidence: a list or a table flattened
 * into one "sentence" would fill the panel. 600 is about four lines of the panel at desktop width.
 */
const MAX_EXTENT = 600;
/** Context kept on each side of the evidence when a sentence is cut down to MAX_EXTENT. */
const CUT_CONTEXT = 200;

export interface SideRow {
  col: Column;
  /** The sentences shown, in text order, never overlapping. */
  extents: Range[];
  /** The evidence inside them: what the row's citation highlights in the article. */
  spans: Range[];
  /** The words this article has that the others lack (see distinctWords). */
  marks: Range[];
  /** Those of them that are a changed figure, negation or name spelling: the ones to stress. */
  changed: Range[];
  /** Whether the article's sentence states the fact with more than the others (Fact.extraDetail). */
  detail: boolean;
}

// Where a sentence ends when the report carries no sentence layer: . ! ? or … and any closing quote or
// bracket, then a space before a capital, an opening quote or a digit ("… on Tuesday. The mayor …").
const SENTENCE_END = /[.!?…]["'”’)\]]*(?=\s+["'“‘([]?[\p{Lu}\d])/gu;

/** The sentence (or sentences) around a span, from the article's sentence layer or, without one, by punctuation. */
export function sentenceAround(article: ReportArticle, span: Range): Range {
  const { text } = article;
  let start = span.start;
  let end = span.end;
  const sentences = article.sentences;
  if (sentences?.length) {
    for (const s of sentences) {
      if (s.start >= span.end) break;
      if (s.end > span.start) {
        start = Math.min(start, s.start);
        end = Math.max(end, s.end);
      }
    }
  } else {
    const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
    const lineEndAt = text.indexOf('\n', span.end);
    const lineEnd = lineEndAt < 0 ? text.length : lineEndAt;
    start = lineStart;
    end = lineEnd;
    SENTENCE_END.lastIndex = lineStart;
    for (let m = SENTENCE_END.exec(text); m !== null && m.index < lineEnd; m = SENTENCE_END.exec(text)) {
      const after = m.index + m[0].length;
      if (after <= span.start) start = after;
      else if (after >= span.end) {
        end = after;
        break;
      }
    }
  }
  start = Math.min(start, span.start);
  end = Math.max(end, span.end);
  if (end - start > MAX_EXTENT) {
    start = Math.max(start, span.start - CUT_CONTEXT);
    end = Math.min(end, Math.max(span.end + CUT_CONTEXT, start + MAX_EXTENT));
  }
  // No leading or trailing space: the panel prints the extent as it is.
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return { start, end };
}

function valid(text: string, r: Range): boolean {
  return (
    Number.isInteger(r.start) &&
    Number.isInteger(r.end) &&
    r.start >= 0 &&
    r.end > r.start &&
    r.end <= text.length
  );
}

/** Ranges in text order with overlapping or touching ones joined. */
function merged(ranges: readonly Range[]): Range[] {
  const out: Range[] = [];
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ start: r.start, end: r.end });
  }
  return out;
}

/**
 * One row per article that has evidence, in column order, with the differing words marked. An article's
 * spans are compared as one text, so a fact reported twice by one article counts once. `detail` lists the
 * articles whose sentence adds detail (a fact's extraDetail); their rows say so.
 */
export function sideRows(
  view: StoryView,
  evidence: readonly EvidenceSpan[],
  detail: readonly string[] = [],
): SideRow[] {
  const byArticle = new Map<string, Range[]>();
  for (const e of evidence) {
    const known = byArticle.get(e.article);
    if (known) known.push(e);
    else byArticle.set(e.article, [e]);
  }
  // Most quote groups are printed by one article only: no panel, and nothing to compare.
  if (byArticle.size < 2) return [];
  const rows: SideRow[] = [];
  for (const [id, ranges] of byArticle) {
    const col = view.column(id);
    if (!col) continue;
    const spans = merged(ranges.filter((r) => valid(col.article.text, r)));
    if (spans.length === 0) continue;
    const extents = merged(spans.map((s) => sentenceAround(col.article, s)));
    rows.push({ col, extents, spans, marks: [], changed: [], detail: detail.includes(id) });
  }
  rows.sort((x, y) => x.col.k - y.col.k);
  // The words are compared over the evidence itself, the rest of each sentence being context: in a quote
  // group the printings of the quote differ, not the reporting around them. Each row's spans as one text;
  // SEPARATOR keeps the words of two spans apart and stops a highlight from spanning both
  // (distinctWords joins words only across spaces and tabs).
  const SEPARATOR = '\n';
  const joined = rows.map((row) => {
    const starts: number[] = [];
    let joinedText = '';
    for (const x of row.spans) {
      if (starts.length) joinedText += SEPARATOR;
      starts.push(joinedText.length);
      joinedText += row.col.article.text.slice(x.start, x.end);
    }
    return { text: joinedText, starts };
  });
  const marks = distinctWords(joined.map((j) => j.text));
  rows.forEach((row, i) => {
    const { starts } = joined[i] ?? { starts: [] };
    const shifted = (marks[i] ?? []).flatMap((m): MarkedRange[] => {
      // The span the mark falls in: the last one starting at or before it.
      let j = starts.length - 1;
      while (j > 0 && (starts[j] ?? 0) > m.start) j--;
      const span = row.spans[j];
      if (!span) return [];
      const shift = span.start - (starts[j] ?? 0);
      return [{ start: m.start + shift, end: m.end + shift, changed: m.changed }];
    });
    row.marks = shifted.map(({ start, end }) => ({ start, end }));
    row.changed = shifted.filter((m) => m.changed).map(({ start, end }) => ({ start, end }));
  });
  return rows;
}

/** Where each value of a discrepancy is written: its evidence, or for reports without it, the value's first occurrence. */
export function discrepancyEvidence(view: StoryView, d: Discrepancy): EvidenceSpan[] {
  if (d.evidence?.length) return d.evidence;
  return d.values.flatMap((v) =>
    v.articles.flatMap((id) => {
      const col = view.column(id);
      const at = col ? locate(col.article, v.value) : null;
      return col && at ? [{ article: id, ...at, text: v.value }] : [];
    }),
  );
}

const list = (ranges: readonly Range[]) => ranges.map((r) => `${r.start}-${r.end}`).join(',');

/** The rows as the data-side attribute (format at the top of this file). */
export function encodeRows(rows: readonly SideRow[]): string {
  return rows
    .map(
      (r) =>
        `${r.col.k}|${list(r.extents)}|${list(r.spans)}|${list(r.marks)}|${list(r.changed)}${r.detail ? '|1' : ''}`,
    )
    .join(';');
}

/**
 * The opener of a panel: a button holding the rows and saying how many sentences it shows, or nothing when
 * fewer than two articles carry evidence (one sentence has nothing to stand next to).
 */
export function sideOpener(
  view: StoryView,
  evidence: readonly EvidenceSpan[],
  content: SafeHtml | string,
  extra = '',
  detail: readonly string[] = [],
): SafeHtml | '' {
  const rows = sideRows(view, evidence, detail);
  if (rows.length < 2) return '';
  const title = `Compare the ${rows.length} articles' sentences side by side`;
  return html`<button type="button" class="side-open ${extra}" data-side="${encodeRows(rows)}" aria-expanded="false" title="${title}">${content}<span class="side-hint" aria-hidden="true">⇆ ${rows.length}</span></button>`;
}

/** A fact's text in its matrix row, as the opener of its panel when two or more articles report it. */
export function factOpener(view: StoryView, f: Fact): SafeHtml {
  return (
    sideOpener(view, f.evidence, f.text, 'fact-text linklike', f.extraDetail) ||
    html`<span class="fact-text">${f.text}</span>`
  );
}

/** The opener in a quote card's header: every article's sentence around its printing of the quote. */
export function quoteOpener(view: StoryView, q: QuoteGroup): SafeHtml | '' {
  return sideOpener(view, q.variants, 'Side by side', 'side-button');
}

/** The opener under a discrepancy's values: every article's sentence with its value. */
export function discrepancyOpener(view: StoryView, d: Discrepancy): SafeHtml | '' {
  return sideOpener(view, discrepancyEvidence(view, d), 'Side by side', 'side-button');
}
