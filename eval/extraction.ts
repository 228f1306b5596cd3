// News pages (../shared/corpus/extraction) through the full `parallax annotate` path — records {id, html,
// url} → ingest's page extraction → clean → annotate — scored on the annotated article's text with the
// benchmark's shingle metric (bench/extraction-metric.ts). In the same run: the extractor alone (as
// `npm run bench -- --suite extraction` scores it) and the body ingest hands to cleaning, so the share of
// the loss that cleaning causes is visible. A refused page counts as an empty text (recall 0).
import { type Counts, matchShingles, pageF1, type Scores, scoresOf } from '../bench/extraction-metric.js';
import type { Page } from '../bench/extraction-pages.js';
import { extractArticle } from '../src/extract/index.js';
import { recordArticle } from '../src/ingest/records.js';
import { annotateRecords } from './annotate.js';

export interface ExtractionRow {
  name: string;
  scores: Scores;
}

export interface ExtractionScores {
  pages: number;
  refused: number;
  rows: ExtractionRow[];
  /** Pages that lose F1 through annotate against the extractor alone, with what cleaning removed. */
  misses: string[];
}

/** A page counts as losing through annotate below the extractor's F1 minus this (bench/extraction.ts's margin). */
const LOSS = 0.005;
const SHOWN_REMOVALS = 6;

export async function scoreExtraction(pages: readonly Page[]): Promise<ExtractionScores> {
  const alone = pages.map((p) => extractArticle(p.html, p.url).text);
  const ingested = pages.map((p, i) => {
    const made = recordArticle({ id: p.id, html: p.html, url: p.url }, `extraction#${i + 1}`);
    return made.ok ? made.raw.body : '';
  });
  const refusals = new Map<string, string>();
  const annotated = await annotateRecords(
    pages.map((p) => ({ id: p.id, html: p.html, url: p.url })),
    (id, reason) => refusals.set(id, reason),
  );
  const through = pages.map((p) => annotated.get(p.id)?.text ?? '');
  const counts = (texts: readonly string[]): Counts[] =>
    pages.map((p, i) => matchShingles(p.truth, texts[i] ?? ''));
  const aloneCounts = counts(alone);
  const ingestedCounts = counts(ingested);
  const throughCounts = counts(through);
  const misses: string[] = [];
  pages.forEach((p, i) => {
    const before = pageF1(aloneCounts[i] as Counts);
    const after = pageF1(throughCounts[i] as Counts);
    if (after >= before - LOSS) return;
    const refused = refusals.get(p.id);
    const removed = annotated.get(p.id)?.removed ?? [];
    // The ingest figure tells a loss in page extraction (captions kept, a refusal) from one in cleaning.
    const ingest = pageF1(ingestedCounts[i] as Counts);
    misses.push(
      `${p.id.slice(0, 8)}\textractor ${before.toFixed(3)} → ingest ${ingest.toFixed(3)} → annotate ${after.toFixed(3)}\t${p.url}` +
        (refused ? `\n\trefused: ${refused}` : '') +
        removed
          .slice(0, SHOWN_REMOVALS)
          .map((r) => `\n\t${r.reason}: ${r.text.replace(/\s+/g, ' ').slice(0, 100)}`)
          .join('') +
        (removed.length > SHOWN_REMOVALS ? `\n\t… ${removed.length - SHOWN_REMOVALS} more removed` : ''),
    );
  });
  return {
    pages: pages.length,
    refused: refusals.size,
    rows: [
      { name: 'extractor alone (src/extract, as the bench scores it)', scores: scoresOf(aloneCounts) },
      { name: 'ingest (page extraction with captions, before cleaning)', scores: scoresOf(ingestedCounts) },
      { name: '**through `annotate`** (ingest → clean → annotate)', scores: scoresOf(throughCounts) },
    ],
    misses,
  };
}
