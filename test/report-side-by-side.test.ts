// Evidence side by side in the HTML report: the openers the server renders (their data-side rows decoded
// and checked against the fixture story's text), the sentence fallback for reports without a sentence
// layer, and the page script building a panel on click, run against the page in linkedom (no browser;
// the click-through in Chromium is in test/e2e/side-by-side.test.ts).
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { Report, ReportArticle, Story } from '../src/model/report.js';
import { CLIENT_SCRIPT } from '../src/report/html/client.js';
import { renderHtml } from '../src/report/html/index.js';
import { encodeRows, sentenceAround, sideRows } from '../src/report/html/side-by-side.js';
import { storyView } from '../src/report/html/view.js';
import { payloadReport } from './fixtures/report/payloads.js';

const fixture: Report = JSON.parse(
  readFileSync(new URL('./fixtures/report/story.json', import.meta.url), 'utf8'),
) as Report;
const story = fixture.stories[0] as Story;

type Pair = [number, number];
interface Decoded {
  k: number;
  extents: Pair[];
  spans: Pair[];
  marks: Pair[];
  changed: Pair[];
  detail: boolean;
}

/** The data-side format, read back (the page script reads it the same way). */
function decode(attr: string): Decoded[] {
  const pairs = (list = ''): Pair[] =>
    list
      .split(',')
      .filter(Boolean)
      .map((r) => r.split('-').map(Number) as Pair);
  return attr
    .split(';')
    .filter(Boolean)
    .map((row) => {
      const [k = '', extents, spans, marks, changed, detail] = row.split('|');
      return {
        k: Number(k),
        extents: pairs(extents),
        spans: pairs(spans),
        marks: pairs(marks),
        changed: pairs(changed),
        detail: detail === '1',
      };
    });
}

const page = renderHtml(fixture);
const { document } = parseHTML(page);
const textOf = (k: number, [a, b]: Pair) => story.articles[k]?.text.slice(a, b);

function factRow(text: string) {
  const row = [...document.querySelectorAll('.facts tbody tr')].find((tr) =>
    tr.querySelector('.fact-text')?.textContent?.startsWith(text),
  );
  if (!row) throw new Error(`no fact row for ${text}`);
  return row;
}

describe('side-by-side openers', () => {
  it('turns a fact reported by several articles into an opener holding every article’s sentence', () => {
    const opener = factRow('About 1,200 residents').querySelector('button.fact-text.side-open');
    expect(opener?.getAttribute('aria-expanded')).toBe('false');
    expect(opener?.querySelector('.side-hint')?.textContent).toBe('⇆ 3');
    const rows = decode(opener?.getAttribute('data-side') ?? '');
    // Column order: Merriton (0), Northfield (1), Riverbend (2).
    expect(rows.map((r) => r.k)).toEqual([0, 1, 2]);
    const fact = story.facts.find((f) => f.id === 'f2');
    for (const row of rows) {
      const id = story.articles[row.k]?.id;
      expect(row.spans).toEqual(fact?.evidence.filter((e) => e.article === id).map((e) => [e.start, e.end]));
      // Each shown sentence holds its evidence.
      for (const [a, b] of row.spans) expect(row.extents.some(([x, y]) => x <= a && b <= y)).toBe(true);
    }
    // The figure only one outlet gives is marked; the one two of three give is not.
    const marks = rows.map((r) => r.marks.map((m) => textOf(r.k, m)));
    expect(marks[1]).toEqual(expect.arrayContaining(['roughly', '1,500', 'people']));
    expect(rows[1]?.changed.map((m) => textOf(1, m))).toEqual(['1,500']);
    expect(marks[0]).not.toContain('1,200');
    expect(marks[2]).not.toContain('1,200');
    expect(marks[2]).toContain('evacuated');
  });

  it('marks the rows of articles whose sentence adds detail to the fact (its ✓⁺), and only those', () => {
    const fact = story.facts.find((f) => f.id === 'f2');
    if (!fact) throw new Error('no f2');
    const detailed: Report = {
      ...fixture,
      stories: [
        {
          ...story,
          facts: story.facts.map((f) => (f === fact ? { ...f, extraDetail: ['northfield-radio'] } : f)),
        },
      ],
    };
    const doc = parseHTML(renderHtml(detailed)).document;
    const opener = [...doc.querySelectorAll('.facts button.fact-text.side-open')].find((b) =>
      b.textContent?.startsWith('About 1,200 residents'),
    );
    const rows = decode(opener?.getAttribute('data-side') ?? '');
    expect(rows.map((r) => [r.k, r.detail])).toEqual([
      [0, false],
      [1, true],
      [2, false],
    ]);
    // Without extraDetail no row says it adds detail.
    expect(
      decode(
        factRow('About 1,200 residents').querySelector('.side-open')?.getAttribute('data-side') ?? '',
      ).some((r) => r.detail),
    ).toBe(false);
  });

  it('leaves a fact only one article reports as plain text', () => {
    const row = factRow('The warehouse was cited in March 2022');
    expect(row.querySelector('.side-open')).toBeNull();
    expect(row.querySelector('span.fact-text')).not.toBeNull();
  });

  it('gives quote groups printed by two articles an opener, and one article’s quote none', () => {
    const q1 = document.getElementById('s0-q-q1');
    const rows = decode(q1?.querySelector('.side-open')?.getAttribute('data-side') ?? '');
    expect(rows.map((r) => r.k)).toEqual([0, 1]);
    // The reworded words are marked in each printing.
    expect(rows[0]?.marks.map((m) => textOf(0, m))).toEqual(['smoke', 'night']);
    expect(rows[1]?.marks.map((m) => textOf(1, m))).toEqual(['overnight']);
    expect(document.getElementById('s0-q-q4')?.querySelector('.side-open')).toBeNull();
  });

  it('finds a discrepancy’s values in the text when the report carries no evidence for it', () => {
    const disc = [...document.querySelectorAll('.disc')].find((d) => d.textContent?.includes('1,500'));
    const rows = decode(disc?.querySelector('.side-open')?.getAttribute('data-side') ?? '');
    expect(rows.map((r) => r.k)).toEqual([0, 1, 2]);
    expect(rows.map((r) => r.spans.map((s) => textOf(r.k, s)))).toEqual([['1,200'], ['1,500'], ['1,200']]);
    expect(rows[1]?.marks.map((m) => textOf(1, m))).toEqual(['1,500']);
  });

  it('names each article view for the panel rows: outlet, short name and date', () => {
    const view = document.getElementById('s0-art-3');
    expect(view?.getAttribute('data-outlet')).toBe('The Valley Sentinel');
    expect(view?.getAttribute('data-short')).toBe('Valley Sentinel');
    expect(view?.getAttribute('data-date')).toBe('undated');
  });

  it('puts only digits and separators in data-side, whatever the articles say', () => {
    const hostile = parseHTML(renderHtml(payloadReport())).document;
    const values = [...hostile.querySelectorAll('[data-side]')].map((el) => el.getAttribute('data-side'));
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) expect(v).toMatch(/^[\d|,;-]+$/);
  });

  it('encodes rows in column order with their ranges', () => {
    const view = storyView(story);
    const rows = sideRows(view, [
      { article: 'northfield-radio', start: 0, end: 3, text: '' },
      { article: 'merriton-courier', start: 4, end: 8, text: '' },
    ]);
    expect(
      encodeRows(rows)
        .split(';')
        .map((r) => r.split('|')[0]),
    ).toEqual(['0', '1']);
    expect(sideRows(view, [{ article: 'northfield-radio', start: 0, end: 3, text: '' }])).toEqual([]);
  });
});

describe('sentenceAround without a sentence layer', () => {
  const article = (text: string): ReportArticle => ({
    id: 'a',
    source: 'a.txt',
    outlet: null,
    title: null,
    url: null,
    published: null,
    text,
    removed: [],
    messages: [],
  });

  it('widens a span to its sentence, by punctuation, within its paragraph', () => {
    const text =
      'Crews arrived at 5 a.m. on Friday. About 90 people left the block. The rest stayed.\nNext day.';
    const at = text.indexOf('90 people');
    const r = sentenceAround(article(text), { start: at, end: at + 9 });
    expect(text.slice(r.start, r.end)).toBe('About 90 people left the block.');
  });

  it('uses the sentence layer when the report has one', () => {
    const text = 'One. Two words here. Three.';
    const a = {
      ...article(text),
      sentences: [
        { start: 0, end: 4 },
        { start: 5, end: 20 },
        { start: 21, end: 27 },
      ],
    };
    const r = sentenceAround(a, { start: 9, end: 14 });
    expect(text.slice(r.start, r.end)).toBe('Two words here.');
  });
});

describe('the page script', () => {
  function load(html = page) {
    const { document: doc, window } = parseHTML(html);
    // The page's own script, run against this document: it wires its listeners to it.
    new Function('document', 'window', 'Element', CLIENT_SCRIPT)(doc, window, window.Element);
    const click = (el: Element | null) => el?.dispatchEvent(new window.Event('click', { bubbles: true }));
    return { doc, click };
  }

  it('builds a panel under the fact row on click, one row per article, and toggles it', () => {
    const { doc, click } = load();
    const row = [...doc.querySelectorAll('.facts tbody tr')].find((tr) =>
      tr.querySelector('.fact-text')?.textContent?.startsWith('About 1,200 residents'),
    );
    const opener = row?.querySelector('.side-open') ?? null;
    click(opener);
    expect(opener?.getAttribute('aria-expanded')).toBe('true');
    const panelRow = row?.nextElementSibling;
    expect(panelRow?.className).toBe('side-tr');
    expect(panelRow?.querySelector('td')?.getAttribute('colspan')).toBe(String(row?.children.length));
    const panel = panelRow?.querySelector('.side');
    expect(opener?.getAttribute('aria-controls')).toBe(panel?.id);
    const rows = [...(panel?.querySelectorAll('.side-row') ?? [])];
    expect(rows.map((r) => r.querySelector('.chip')?.textContent)).toEqual([
      'Merriton Courier',
      'Northfield Radio',
      'Riverbend Post',
    ]);
    expect(rows.map((r) => r.querySelector('.side-date')?.textContent)).toEqual([
      '10 Jun 2025',
      '10 Jun 2025',
      '11 Jun 2025',
    ]);
    // The sentence as text, its evidence in full ink, the other outlet's figure marked.
    const evidenceText = [...(rows[1]?.querySelectorAll('.side-ev') ?? [])]
      .map((e) => e.textContent)
      .join('');
    expect(evidenceText).toBe('roughly 1,500 people were told to leave their homes');
    expect(rows[1]?.querySelector('.side-text')?.textContent).toContain(evidenceText);
    expect([...(rows[1]?.querySelectorAll('mark.diff') ?? [])].map((m) => m.textContent)).toEqual([
      'roughly',
      '1,500',
      'people',
      'leave',
    ]);
    expect([...(rows[1]?.querySelectorAll('mark.changed') ?? [])].map((m) => m.textContent)).toEqual([
      '1,500',
    ]);
    // Each row cites its article at the evidence: the page script's ordinary finding link.
    expect(rows[2]?.querySelector('.chip')?.getAttribute('data-a')).toBe('2');
    expect(rows[2]?.querySelector('.chip')?.getAttribute('data-r')).toBe('174-221');
    click(opener);
    expect(opener?.getAttribute('aria-expanded')).toBe('false');
    expect(panelRow?.hasAttribute('hidden')).toBe(true);
  });

  it('says under the chip which outlets’ sentences add detail to the fact', () => {
    const detailed: Report = {
      ...fixture,
      stories: [
        {
          ...story,
          facts: story.facts.map((f) => (f.id === 'f2' ? { ...f, extraDetail: ['riverbend-post'] } : f)),
        },
      ],
    };
    const { doc, click } = load(renderHtml(detailed));
    const row = [...doc.querySelectorAll('.facts tbody tr')].find((tr) =>
      tr.querySelector('.fact-text')?.textContent?.startsWith('About 1,200 residents'),
    );
    click(row?.querySelector('.side-open') ?? null);
    const rows = [...(row?.nextElementSibling?.querySelectorAll('.side-row') ?? [])];
    expect(rows.map((r) => r.querySelector('.side-who .side-detail')?.textContent ?? null)).toEqual([
      null,
      null,
      '⁺ adds detail',
    ]);
    expect(rows[2]?.querySelector('.side-detail')?.getAttribute('title')).toContain('adds detail');
  });

  it('puts a quote group’s panel at the end of its card', () => {
    const { doc, click } = load();
    const card = doc.getElementById('s0-q-q1');
    click(card?.querySelector('.side-open') ?? null);
    expect(card?.lastElementChild?.className).toBe('side');
    expect(card?.querySelectorAll('.side-row').length).toBe(2);
  });
});
