// A report section as CSV and JSON: the matrix a reader sees (a row per finding, a column per outlet), cells
// a spreadsheet would run as formulas defused, and the web app's download parsed back.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import type { Report } from '../src/model/report.js';
import { csvCell, sectionCsv, sectionJson, sectionTable } from '../src/report/sections-export.js';
import { createApp } from '../src/server/app.js';
import { makeArticle } from './support/articles.js';
import { testLibraries } from './support/test-library.js';

const report = JSON.parse(
  readFileSync(new URL('./fixtures/report/story.json', import.meta.url), 'utf8'),
) as Report;
const story = report.stories[0] as Report['stories'][number];
const OUTLETS = [
  'The Merriton Courier',
  'Northfield Public Radio',
  'Riverbend Daily Post',
  'The Valley Sentinel',
];

/** RFC 4180 read back: quoted cells, doubled quotes, CRLF or LF line ends. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}

describe('report sections as tables', () => {
  it('facts: one row per fact, one column per outlet holding its sentence', () => {
    const { header, rows } = sectionTable(story, 'facts');
    expect(header).toEqual(['fact_id', 'fact', 'kind', 'confidence', 'adds_detail', ...OUTLETS]);
    const f1 = rows.find((r) => r[0] === 'f1');
    expect(f1?.[1]).toBe('A fire broke out early Tuesday at the Corvane Chemicals warehouse on River Road.');
    expect(f1?.[2]).toBe('shared');
    expect(f1?.[4]).toBe('');
    expect(f1?.slice(5).every((cell) => cell.length > 0)).toBe(true);
    expect(rows).toHaveLength(story.facts.length);
  });

  it('facts: names the outlets whose sentence adds detail (the matrix’s ✓⁺), each once', () => {
    const [first, ...rest] = story.facts;
    if (!first) throw new Error('the fixture has no fact');
    // Two articles of one outlet would name it twice; the column names outlets, not articles.
    const detailed = {
      ...story,
      facts: [{ ...first, extraDetail: ['riverbend-post', 'merriton-courier', 'merriton-courier'] }, ...rest],
    };
    const ids = story.articles.map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining(['riverbend-post', 'merriton-courier']));
    const { rows } = sectionTable(detailed, 'facts');
    expect(rows[0]?.[4]).toBe('Riverbend Daily Post; The Merriton Courier');
  });

  it('actors: each outlet’s labels with their tone; named without a label; empty when not named', () => {
    const { header, rows } = sectionTable(story, 'actors');
    expect(header.slice(0, 3)).toEqual(['actor_id', 'name', 'kind']);
    const okafor = rows.find((r) => r[1] === 'Helen Okafor') as string[];
    expect(okafor[3]).toBe('Mayor (neutral); embattled mayor (negative)');
    expect(okafor[6]).toBe('popular mayor (positive)');
  });

  it('quotes and discrepancies: a row per printing or value, outlets named', () => {
    const quotes = sectionTable(story, 'quotes');
    expect(quotes.header).toEqual(['quote_id', 'speaker', 'outlet', 'article_id', 'quote', 'confidence']);
    expect(quotes.rows[0]?.slice(0, 4)).toEqual([
      'q1',
      'Daniel Brandt',
      'The Merriton Courier',
      'merriton-courier',
    ]);
    const discrepancies = sectionTable(story, 'discrepancies');
    expect(discrepancies.rows.slice(0, 3).map((r) => [r[0], r[1], r[3], r[4], r[5]])).toEqual([
      ['d1', 'title', 'Daniel Brandt', 'Fire Chief', 'The Merriton Courier; The Valley Sentinel'],
      ['d1', 'title', 'Daniel Brandt', 'Deputy Fire Chief', 'Northfield Public Radio'],
      ['d1', 'title', 'Daniel Brandt', 'Chief', 'Riverbend Daily Post'],
    ]);
  });

  it('CSV quotes what needs it and defuses formulas; it reads back cell for cell', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell('=HYPERLINK("http://x.example","click")')).toBe(
      '"\'=HYPERLINK(""http://x.example"",""click"")"',
    );
    expect(csvCell('+1 555')).toBe("'+1 555");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    const file = sectionCsv(story, 'facts', { file: true });
    expect(file.startsWith('\uFEFFfact_id,')).toBe(true);
    expect(file).toContain('\r\n');
    expect(parseCsv(file.slice(1))).toEqual([
      sectionTable(story, 'facts').header,
      ...sectionTable(story, 'facts').rows,
    ]);
    expect(sectionCsv(story, 'quotes')).not.toContain('\r');
  });

  it('JSON: the story, who each article is, and the section as the report has it', () => {
    const json = sectionJson(story, 'quotes');
    expect(json.section).toBe('quotes');
    expect(json.quotes).toEqual(story.quotes);
    expect((json.articles as { outlet: string }[]).map((a) => a.outlet)).toEqual(OUTLETS);
  });
});

describe('downloads in the web app', () => {
  const libraries = testLibraries('sections');
  it('a section downloads as CSV with a file name, parses, and a bad section is a 400', async () => {
    const db = await libraries.fresh();
    const store = await libraries.open(db);
    try {
      const put = await store.putArticles(
        ['Daily Quill', 'Ridge Courier'].map((outlet, i) =>
          makeArticle({
            id: `ferry-${i}`,
            url: `https://news.example/ferry/${i}`,
            outlet,
            title: `=cmd|' /C calc'!A0 ferry ${i}`,
            published: '2031-05-10',
            text: `The harbour ferry resumed service on Monday, ${outlet} reported.`,
          }),
        ),
      );
      const id = await store.storyIndex().saveProfile({
        id: null,
        size: 2,
        firstDay: null,
        lastDay: null,
        features: new Map([['t:ferry', 1]]),
      });
      for (const a of put.added)
        await store.placeArticle(a, {
          storyId: id,
          duplicateOf: null,
          score: null,
          reasons: null,
          placedBy: 'user',
        });
      const app = createApp({ store });
      const page = await (await app.request(`/stories/${id}`)).text();
      expect(page).toContain(`href="/stories/${id}/export?section=facts&amp;format=csv"`);
      const res = await app.request(`/stories/${id}/export?section=facts&format=csv`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=UTF-8');
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="story-${id}-facts.csv"`);
      const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ''));
      expect(rows[0]).toEqual([
        'fact_id',
        'fact',
        'kind',
        'confidence',
        'adds_detail',
        'Daily Quill',
        'Ridge Courier',
      ]);
      expect(rows.length).toBeGreaterThan(1);
      const json = await (await app.request(`/stories/${id}/export?section=actors&format=json`)).json();
      expect(json.section).toBe('actors');
      const bad = await app.request(`/stories/${id}/export?section=timeline`);
      expect(bad.status).toBe(400);

      // The command line gives the same table.
      const run = async (args: string[]) => {
        const out: string[] = [];
        const err: string[] = [];
        const code = await main([...args, '--db', db], {
          stdout: (c) => out.push(c),
          stderr: (l) => err.push(l),
          stdin: process.stdin,
        });
        return { code, out: out.join(''), err: err.join('\n') };
      };
      const cli = await run(['story', String(id), '--format', 'csv', '--section', 'facts']);
      expect(cli.code).toBe(0);
      expect(parseCsv(cli.out)).toEqual(rows);
      const missing = await run(['story', String(id), '--format', 'csv']);
      expect(missing.code).toBe(2);
      expect(missing.err).toBe(
        'parallax: --format csv writes one section of the report: add --section facts|actors|quotes|discrepancies',
      );
      const typo = await run(['story', String(id), '--format', 'csv', '--section', 'fact']);
      expect(typo.err).toBe(
        'parallax: --section is one of facts, actors, quotes, discrepancies; got "fact"; did you mean facts?',
      );
    } finally {
      store.close();
    }
  });
});
