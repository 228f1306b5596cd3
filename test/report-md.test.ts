// The Markdown report from the fixture story (sections, tables, citations, diffs) and from the payload
// story, whose text must come out inert: no HTML, no links but http(s) autolinks, no stray blocks or cells.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Report, Story } from '../src/model/report.js';
import { mdLink, mdText } from '../src/report/md/escape.js';
import { renderMarkdown } from '../src/report/md/index.js';
import { PAYLOADS, payloadReport } from './fixtures/report/payloads.js';

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/report/story.json', import.meta.url), 'utf8'),
) as Report;
const story = fixture.stories[0] as Story;

/** Cells of a table row, split on pipes that are not backslash-escaped. */
function cells(row: string): string[] {
  return row
    .replace(/^\|\s?|\s?\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

function tableAfter(md: string, heading: string): string[] {
  const lines = md.split('\n');
  const start = lines.indexOf(heading);
  const rows: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('|')) rows.push(line);
    else if (rows.length) break;
  }
  return rows;
}

describe('renderMarkdown on the fixture', () => {
  const md = renderMarkdown(fixture);
  const lines = md.split('\n');

  it('has the title and every section in order', () => {
    expect(lines[0]).toBe(`# ${story.title}`);
    const sections = lines.filter((l) => l.startsWith('## '));
    expect(sections).toEqual([
      '## Outlets',
      '## Digest',
      '## Actors',
      '## Quotes',
      '## Facts',
      '## Discrepancies',
      '## Timeline',
      '## Removed by cleaning',
      '## Notes',
    ]);
    expect(md.endsWith('\n')).toBe(true);
  });

  it('lists the outlets with dates, undated where there is none', () => {
    const rows = tableAfter(md, '## Outlets');
    expect(rows).toHaveLength(2 + story.articles.length);
    expect(cells(rows[2] ?? '')).toEqual([
      '**Merriton Courier**',
      'The Merriton Courier',
      '2025-06-10',
      'Chemical warehouse fire forces 1,200 from homes in Merriton',
      '<https://www.merritoncourier.example/news/2025/06/10/corvane-fire>',
      '2',
    ]);
    expect(cells(rows[5] ?? '')[2]).toBe('_undated_');
  });

  it('cites digest sentences by outlet', () => {
    expect(lines).toContain(
      '3. The mayor ordered a boil-water advisory for the east side. [Merriton Courier] [Northfield Radio]',
    );
  });

  it('tabulates actors by outlet with tone signs', () => {
    const rows = tableAfter(md, '## Actors');
    expect(cells(rows[0] ?? '')).toEqual([
      'Actor',
      'Merriton Courier',
      'Northfield Radio',
      'Riverbend Post',
      'Valley Sentinel',
    ]);
    for (const row of rows) expect(cells(row)).toHaveLength(5);
    const okafor = rows.find((r) => r.includes('Helen Okafor')) ?? '';
    expect(cells(okafor)).toEqual([
      '**Helen Okafor** (person, 6×)',
      '○ Mayor; ⊖ embattled mayor (embattled)',
      '○ Mayor; ⊕ who praised crews for a swift response (praised, swift)',
      '○ Mayor; ○ first-term mayor',
      '⊕ popular mayor (popular)',
    ]);
    expect(md).toContain('Also named, without labels: Tom Vasquez (person, 1×)');
  });

  it('shows quote variants with struck and bold diffs', () => {
    expect(lines).toContain('### Daniel Brandt — wording differs');
    expect(lines).toContain(
      '- **Northfield Radio**: “The fire is ~~contained,~~ **contained** but the ~~smoke~~ plume will stay with us ~~through the night,~~ **overnight,**”',
    );
    expect(lines).toContain('### Ruth Adeyemi — attribution differs');
  });

  it('tabulates fact coverage and lists exclusives', () => {
    const rows = tableAfter(md, '## Facts');
    expect(rows).toHaveLength(2 + story.facts.length);
    expect(cells(rows[2] ?? '')).toEqual([
      'A fire broke out early Tuesday at the Corvane Chemicals warehouse on River Road.',
      '✓',
      '✓',
      '✓',
      '✓',
    ]);
    expect(md).toContain(
      '- **Valley Sentinel**: The Red Cross said 140 people spent the night at the shelter.',
    );
    expect(md.match(/_\(exclusive\)_/g)).toHaveLength(4);
  });

  it('groups discrepancies by kind', () => {
    const kinds = lines
      .slice(lines.indexOf('## Discrepancies'), lines.indexOf('## Timeline'))
      .filter((l) => l.startsWith('### '));
    expect(kinds).toEqual([
      '### Numbers',
      '### Dates',
      '### Attribution',
      '### Wording of quotes',
      '### Titles and labels',
      '### Spellings',
    ]);
    expect(md).toContain(
      '- **About 1,200 residents were evacuated.**: “1,200” [Merriton Courier] [Riverbend Post] · “1,500” [Northfield Radio]. The number',
    );
  });

  it('lists the timeline in date order', () => {
    const entries = lines.slice(
      lines.indexOf('## Timeline') + 2,
      lines.indexOf('## Removed by cleaning') - 1,
    );
    expect(entries[0]).toBe('- **2009** — The warehouse opens (Northfield Public Radio). [Northfield Radio]');
    expect(entries.at(-1)).toBe('- **Sep 2025** — Recall vote on the mayor. [Merriton Courier]');
  });

  it('nests sections under story headings when a report holds several', () => {
    const two = renderMarkdown({ ...fixture, stories: [story, { ...story, title: 'Second' }] });
    expect(two.split('\n').filter((l) => /^#{1,2} /.test(l))).toEqual([
      '# Parallax report: 2 stories',
      `## ${story.title}`,
      '## Second',
    ]);
    expect(two).toContain('### Outlets');
  });
});

describe('renderMarkdown with injection payloads', () => {
  const md = renderMarkdown(payloadReport());

  it('contains no raw HTML: every "<" opens an http(s) autolink', () => {
    expect(md.match(/<(?!https?:\/\/)/g)).toBeNull();
    expect(md).not.toMatch(/<script|<img|<svg|<\/script/i);
  });

  it('makes no link but http(s) autolinks', () => {
    // An unescaped "](" or "]:" would start a link destination or definition.
    expect(md).not.toMatch(/(?<!\\)\]\s*[(:]/);
    expect(md).not.toMatch(/<\s*(javascript|data):/i);
    expect(md).toContain('\\[x\\](javascript:window.\\_\\_pwned=1)');
  });

  it('keeps every table row to its columns', () => {
    for (const heading of ['## Outlets', '## Actors', '## Facts']) {
      const rows = tableAfter(md, heading);
      const width = cells(rows[0] ?? '').length;
      expect(rows.length, heading).toBeGreaterThan(2);
      for (const row of rows) expect(cells(row), row).toHaveLength(width);
    }
  });

  it('starts no block from article text', () => {
    const structural = /^(#{1,3} |- |\d+\. |\| |_Parallax|Labels each|Also named|Against the|$)/;
    for (const line of md.split('\n')) expect(line, line).toMatch(structural);
  });
});

describe('markdown escaping', () => {
  it('escapes inline markers, HTML and block starts', () => {
    expect(mdText('*a* _b_ `c` ~~d~~ [e](f) | g')).toBe(
      '\\*a\\* \\_b\\_ \\`c\\` \\~\\~d\\~\\~ \\[e\\](f) \\| g',
    );
    expect(mdText(PAYLOADS.flag)).toBe('&lt;img src=x onerror="window.\\_\\_pwned=1"&gt;');
    expect(mdText('# heading')).toBe('\\# heading');
    expect(mdText('1. item')).toBe('1\\. item');
    expect(mdText('- item')).toBe('\\- item');
    expect(mdText('+ item')).toBe('\\+ item');
    expect(mdText('Tom & Jerry')).toBe('Tom &amp; Jerry');
    // Quoted words stay readable in the raw Markdown: no raw HTML can open, so a quote needs no entity.
    expect(mdText('offered a venue where "a deal could be made"')).toBe(
      'offered a venue where "a deal could be made"',
    );
    expect(mdText('two\n\n# lines')).toBe('two \\# lines');
  });

  it('links only http(s) URLs', () => {
    expect(mdLink('https://a.example/x y')).toBe('<https://a.example/x%20y>');
    expect(mdLink('https://a.example/a|b')).toBe('<https://a.example/a%7Cb>');
    expect(mdLink('javascript:alert(1)')).toBeNull();
    expect(mdLink(' JAVASCRIPT:alert(1)')).toBeNull();
    expect(mdLink('data:text/html,x')).toBeNull();
    expect(mdLink(null)).toBeNull();
  });
});
