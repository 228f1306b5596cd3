// Small pieces every section uses: the outlet chip, the link attributes that tie a finding to its evidence,
// tone pills. A finding is linked by `data-a` (the article's column index, digits only) and `data-r`
// ("start-end start-end", UTF-16 offsets into that article's text); the page script reads both and
// highlights the ranges in the article view. `data-o` names the outlet for the outlet filter.
import type { Label, Tone } from '../../model/report.js';
import { html, type SafeHtml } from '../escape.js';
import { type Column, formatDate, OUTLET_COLOURS } from './view.js';

export interface Range {
  start: number;
  end: number;
}

export function outletClass(o: number): string {
  return `o${o % OUTLET_COLOURS}`;
}

/** The link to evidence: which article and which ranges (none: open the article at the top). */
export function evidence(col: Column, ranges: readonly Range[] = []): SafeHtml {
  const r = ranges
    .filter((x) => Number.isInteger(x.start) && Number.isInteger(x.end) && x.end > x.start)
    .map((x) => `${x.start}-${x.end}`)
    .join(' ');
  return html` data-a="${col.k}" data-r="${r}" data-o="${col.o}"`;
}

/** A small "Opinion" / "Analysis" badge for an article that argues rather than reports, with the reason. */
export function opinionBadge(col: Column): SafeHtml | '' {
  const mark = col.article.opinion;
  if (!mark) return '';
  const word = mark.kind === 'analysis' ? 'Analysis' : 'Opinion';
  return html` <span class="badge opinion" title="${word}: ${mark.reason}. Its sentences are kept out of the digest.">${word}</span>`;
}

/** The publication date as shown everywhere; a date the story inferred says so. */
export function dateText(col: Column): string {
  const { published, publishedInferred } = col.article;
  if (!published) return 'undated';
  return publishedInferred ? `${formatDate(published)} (inferred)` : formatDate(published);
}

/** An outlet chip; clicking it opens the article at the given ranges. */
export function chip(col: Column, ranges: readonly Range[] = [], extra = ''): SafeHtml {
  const title = `${col.outlet} · ${dateText(col)}${col.article.title ? ` · ${col.article.title}` : ''}`;
  // data-outlet: print shows the full name (a short name or initials mean nothing on paper; see style.ts).
  return html`<button type="button" class="chip ${outletClass(col.o)} ${extra}"${evidence(col, ranges)} title="${title}" data-outlet="${col.outlet}">${col.short}</button>`;
}

export const TONE_WORD: Record<Tone, string> = {
  negative: 'negative',
  neutral: 'neutral',
  positive: 'positive',
};

/** The tone as one of the three known values: a report from elsewhere might carry anything in that field. */
export function knownTone(tone: unknown): Tone {
  return tone === 'negative' || tone === 'positive' ? tone : 'neutral';
}

/** A label as a pill coloured by tone; the tooltip says which words set the tone. */
export function pill(label: Label, col: Column, ranges: readonly Range[]): SafeHtml {
  const tone = knownTone(label.tone);
  const why = label.toneWords?.length ? ` (${label.toneWords.join(', ')})` : '';
  const title = `${tone} label${why} · ${col.outlet}`;
  return html`<button type="button" class="pill tone-${tone}"${evidence(col, ranges)} title="${title}">${label.text}</button>`;
}

export function tonePill(tone: Tone, text: string): SafeHtml {
  return html`<span class="pill tone-${tone} static">${text}</span>`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
