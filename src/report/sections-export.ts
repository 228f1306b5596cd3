// One section of a story's report as a table to take elsewhere: CSV for a spreadsheet, JSON for a program.
// Facts and actors come as the matrix the report shows (a row per finding, a column per outlet, and for facts
// the outlets whose sentence adds detail, the matrix's ✓⁺, in adds_detail); quotes and
// discrepancies as one row per printing or value. Every row names the finding's id, so a row leads back to
// the report (`/stories/12#fact-f3`).
//
// Cells that a spreadsheet would run as a formula ("=HYPERLINK(…)", "+1", "@SUM") are written with a
// leading apostrophe: article text is not trusted, and an outlet's sentence must not become a formula on
// a journalist's machine.

import type { Actor, Story } from '../model/report.js';

export const EXPORT_SECTIONS = ['facts', 'actors', 'quotes', 'discrepancies'] as const;
export type ExportSection = (typeof EXPORT_SECTIONS)[number];

export interface SectionTable {
  header: string[];
  rows: string[][];
}

/** The outlet of each article, and the outlets in the order the report lists its articles. */
function outletsOf(story: Story): { of: (article: string) => string; outlets: string[] } {
  const byArticle = new Map(story.articles.map((a) => [a.id, a.outlet ?? a.id]));
  const outlets = [...new Set(story.articles.map((a) => a.outlet ?? a.id))];
  return { of: (article) => byArticle.get(article) ?? article, outlets };
}

function confidence(c: { score: number; level: string } | undefined): string {
  return c ? `${c.level} ${c.score.toFixed(2)}` : '';
}

function factTable(story: Story): SectionTable {
  const { of, outlets } = outletsOf(story);
  const rows = story.facts.map((f) => {
    const kind = f.exclusive ? 'exclusive' : f.related ? 'related' : 'shared';
    const cells = outlets.map((o) =>
      f.evidence
        .filter((e) => of(e.article) === o)
        .map((e) => e.text)
        .join(' | '),
    );
    // The outlets whose sentence states the fact with more than the others (✓⁺ in the matrix).
    const detail = [...new Set((f.extraDetail ?? []).map(of))].join('; ');
    return [f.id, f.text, kind, confidence(f.confidence), detail, ...cells];
  });
  return { header: ['fact_id', 'fact', 'kind', 'confidence', 'adds_detail', ...outlets], rows };
}

function actorTable(story: Story): SectionTable {
  const { of, outlets } = outletsOf(story);
  const row = (a: Actor) => {
    const cells = outlets.map((o) => {
      const labels = a.labels
        .filter((l) => l.articles.some((id) => of(id) === o))
        .map((l) => `${l.text} (${l.tone})`);
      if (labels.length) return labels.join('; ');
      return a.mentions.some((m) => of(m.article) === o) ? '(named, no label)' : '';
    });
    return [a.id, a.name, a.kind, ...cells];
  };
  return {
    header: ['actor_id', 'name', 'kind', ...outlets],
    rows: [...story.actors, ...(story.unnamedActors ?? [])].map(row),
  };
}

function quoteTable(story: Story): SectionTable {
  const { of } = outletsOf(story);
  const names = new Map([...story.actors, ...(story.unnamedActors ?? [])].map((a) => [a.id, a.name]));
  const rows = story.quotes.flatMap((q) =>
    q.variants.map((v) => [
      q.id,
      q.speaker === null ? '' : (names.get(q.speaker) ?? q.speaker),
      of(v.article),
      v.article,
      v.text,
      confidence(q.confidence),
    ]),
  );
  return { header: ['quote_id', 'speaker', 'outlet', 'article_id', 'quote', 'confidence'], rows };
}

function discrepancyTable(story: Story): SectionTable {
  const { of } = outletsOf(story);
  const names = new Map<string, string>([
    ...[...story.actors, ...(story.unnamedActors ?? [])].map((a): [string, string] => [a.id, a.name]),
    ...story.facts.map((f): [string, string] => [f.id, f.text]),
  ]);
  const rows = story.discrepancies.flatMap((d, i) =>
    d.values.map((v) => [
      `d${i + 1}`,
      d.kind,
      d.subject,
      names.get(d.subject) ?? '',
      v.value,
      [...new Set(v.articles.map(of))].join('; '),
      d.note,
      confidence(d.confidence),
    ]),
  );
  return {
    header: ['discrepancy', 'kind', 'subject_id', 'subject', 'value', 'outlets', 'note', 'confidence'],
    rows,
  };
}

export function sectionTable(story: Story, section: ExportSection): SectionTable {
  switch (section) {
    case 'facts':
      return factTable(story);
    case 'actors':
      return actorTable(story);
    case 'quotes':
      return quoteTable(story);
    case 'discrepancies':
      return discrepancyTable(story);
  }
}

/** A cell as RFC 4180 wants it, defused when a spreadsheet would read it as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The section as CSV with a header row. A download (`file: true`) has CRLF line ends and a byte-order mark,
 * so a spreadsheet opening it reads accents as UTF-8; on standard output lines end in LF, for other tools.
 */
export function sectionCsv(story: Story, section: ExportSection, options: { file?: boolean } = {}): string {
  const { header, rows } = sectionTable(story, section);
  const eol = options.file ? '\r\n' : '\n';
  return `${options.file ? '\uFEFF' : ''}${[header, ...rows].map((r) => r.map(csvCell).join(',')).join(eol)}${eol}`;
}

/** The section as JSON: the story, its articles (who is who), and the section's findings as the report has them. */
export function sectionJson(story: Story, section: ExportSection): Record<string, unknown> {
  const findings =
    section === 'actors'
      ? { actors: story.actors, unnamedActors: story.unnamedActors ?? [] }
      : { [section]: story[section] };
  return {
    story: { id: story.id, title: story.title },
    section,
    articles: story.articles.map((a) => ({
      id: a.id,
      outlet: a.outlet,
      title: a.title,
      url: a.url,
      published: a.published,
    })),
    ...findings,
  };
}
