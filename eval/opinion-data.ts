// The allsides articles as an opinion-detection set. Weak labels from the markers, not the language: an
// article is opinion when its address has a comment section ("/opinion/", "/op-ed/", "/columnists/",
// "/analysis/"…), its outlet label says so ("… - Opinion", "… - Editorial") or its text opens with a genre
// marker ("ANALYSIS/OPINION: …"), by the product's own marker rules (markedOpinion in src/text/opinion.ts,
// without the title: the corpus's titles are the outlets' own and would leak nothing the text lacks, but the
// detector is scored on the text alone). The labels are noisy one way: columns and partisan posts without
// such a marker count as news.
// Split by publication date: before 2019 train (features and thresholds chosen there), 2019 on dev.
// Articles without a readable year are left out.
import { resolve } from 'node:path';
import { markedOpinion, type OpinionFeature, opinionFeatures } from '../src/text/opinion.js';
import { type AllsidesArticle, CORPUS, readAllsides } from './labels-corpus.js';

export interface OpinionExample {
  article: AllsidesArticle;
  /** The weak label: a comment section in the address, an opinion outlet label, a genre marker opening the text. */
  opinion: boolean;
  /** The detector's features of the text alone; null for a text too short to read. */
  features: Record<OpinionFeature, number> | null;
}

export const DEV_FROM_YEAR = 2019;

/** The year of "2018-05-02" or "5/2/2018"; null when neither. */
export function yearOf(published: string | null | undefined): number | null {
  const m = /^(\d{4})-\d\d-\d\d|^\d{1,2}\/\d{1,2}\/(\d{4})$/.exec(published ?? '');
  const year = Number(m?.[1] ?? m?.[2]);
  return m && year > 1990 ? year : null;
}

export function opinionExamples(split: 'train' | 'dev'): OpinionExample[] {
  const out: OpinionExample[] = [];
  for (const article of readAllsides(resolve(CORPUS, 'allsides/articles.jsonl.gz'))) {
    const year = yearOf(article.published);
    if (year === null || year >= DEV_FROM_YEAR !== (split === 'dev')) continue;
    const opinion =
      markedOpinion({ url: article.url ?? null, outlet: article.outlet, title: null, text: article.text }) !==
      null;
    out.push({ article, opinion, features: opinionFeatures(article.text) });
  }
  return out;
}
