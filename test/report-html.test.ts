// The HTML report from the hand-made fixture story (every section, every kind of finding) and from a story
// stuffed with injection payloads. Markup is checked through a DOM (linkedom) and, for what must never be
// in the source at all, on the raw text.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { Report, Story } from '../src/model/report.js';
import { escapeHtml, html, join, jsonScript, safeHref, trustedCode } from '../src/report/escape.js';
import { paragraphs } from '../src/report/html/articles.js';
import { renderHtml } from '../src/report/html/index.js';
import { formatDate, shortOutletName, spacedDiff, storyView } from '../src/report/html/view.js';
import { PAYLOADS, payloadReport } from './fixtures/report/payloads.js';
import { reportSchemaErrors, reportSpanErrors } from './support/report-schema.js';

const fixture: Report = JSON.parse(
  readFileSync(new URL('./fixtures/report/story.json', import.meta.url), 'utf8'),
) as Report;
const story = fixture.stories[0] as Story;

function dom(page: string) {
  return parseHTML(page).document;
}

/**
 * The attribute names of every tag in the source, read the way a browser tokenizes them (quoted values
 * skipped), with script bodies left out. Escaped text such as `title="&lt;img onerror=…"` is a value,
 * not an attribute, and is not reported.
 */
function attributeNames(page: string): string[] {
  const source = page.replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/gi, '$1$2');
  const names: string[] = [];
  const tag = /<([a-z][a-z0-9-]*)((?:\s+[^\s=>"'/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/gi;
  const attr = /\s+([^\s=>"'/]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
  for (const m of source.matchAll(tag))
    for (const a of (m[2] ?? '').matchAll(attr)) names.push((a[1] ?? '').toLowerCase());
  return names;
}

function inlineScripts(page: string): { json: string; code: string } {
  const json = /<script type="application\/json" id="data">([\s\S]*?)<\/script>/.exec(page)?.[1];
  const code = /<script>([\s\S]*?)<\/script>/.exec(page)?.[1];
  if (json === undefined || code === undefined) throw new Error('page lacks its two script blocks');
  return { json, code };
}

describe('report fixture', () => {
  it('is a valid report whose spans are the text they point to', () => {
    expect(reportSchemaErrors(fixture)).toEqual([]);
    expect(reportSpanErrors(fixture)).toEqual([]);
  });

  it('covers what the page must show', () => {
    const tones = new Set(story.actors.flatMap((a) => a.labels.map((l) => l.tone)));
    expect([...tones].sort()).toEqual(['negative', 'neutral', 'positive']);
    expect(new Set(story.discrepancies.map((d) => d.kind)).size).toBeGreaterThanOrEqual(5);
    expect(story.quotes.some((q) => q.variants.some((v) => v.diff?.some((p) => p.op !== 'same')))).toBe(true);
    expect(story.facts.some((f) => f.exclusive)).toBe(true);
    expect(story.articles.some((a) => a.published === null)).toBe(true);
    expect(story.articles.some((a) => a.removed.length > 0)).toBe(true);
    // A character outside the BMP before an evidence span: offsets are UTF-16, as in the browser.
    expect(story.articles.some((a) => /[\u{10000}-\u{10FFFF}]/u.test(a.text))).toBe(true);
  });

  it('the schema rejects a report missing contract fields or with unknown ones', () => {
    const broken = structuredClone(fixture) as unknown as { stories: Record<string, unknown>[] };
    delete broken.stories[0]?.digest;
    expect(reportSchemaErrors(broken).join('\n')).toContain("must have required property 'digest'");
    const extra = structuredClone(fixture) as unknown as { stories: { facts: Record<string, unknown>[] }[] };
    const fact = extra.stories[0]?.facts[0];
    if (fact) fact.certainty = 0.5;
    expect(reportSchemaErrors(extra).join('\n')).toContain('must NOT have additional properties');
  });
});

describe('renderHtml on the fixture', () => {
  const page = renderHtml(fixture);
  const doc = dom(page);

  it('has every section, in order, with the story header', () => {
    const ids = [...doc.querySelectorAll('section.section')].map((s) => s.id);
    expect(ids).toEqual([
      's0-digest',
      's0-actors',
      's0-quotes',
      's0-facts',
      's0-discrepancies',
      's0-timeline',
      's0-articles',
    ]);
    expect(doc.querySelector('h1')?.textContent).toBe(story.title);
    expect(doc.querySelector('.hero .meta')?.textContent).toContain('4 articles');
    const cards = [...doc.querySelectorAll('.outlet-card')];
    expect(cards.map((c) => c.querySelector('.name')?.textContent)).toEqual(
      story.articles.map((a) => a.outlet),
    );
    expect(cards[3]?.querySelector('.date')?.textContent).toBe('undated');
    expect(cards[0]?.querySelector('.date')?.textContent).toBe('10 Jun 2025');
    expect([...doc.querySelectorAll('.sections a')].map((a) => a.getAttribute('href'))).toEqual(
      ids.map((id) => `#${id}`),
    );
  });

  it('cites every digest sentence with one chip per article', () => {
    const items = [...doc.querySelectorAll('.digest li')];
    expect(items).toHaveLength(story.digest.length);
    items.forEach((li, i) => {
      expect(li.querySelectorAll('.chip')).toHaveLength(story.digest[i]?.articles.length ?? -1);
      expect(li.querySelector('.chip')?.getAttribute('data-r')).not.toBe('');
    });
  });

  it('puts every label in its outlet column as a pill with its tone class', () => {
    const columns = story.articles.map((a) => a.id);
    const rows = [...doc.querySelectorAll('.actors tbody tr')];
    const labelled = story.actors.filter((a) => a.labels.length > 0);
    expect(rows.map((r) => r.querySelector('.actor-name')?.textContent)).toEqual(labelled.map((a) => a.name));
    let pills = 0;
    for (const [i, actor] of labelled.entries()) {
      const cells = [...(rows[i]?.querySelectorAll('td') ?? [])];
      for (const label of actor.labels) {
        for (const id of label.articles) {
          const cell = cells[columns.indexOf(id)];
          const pill = [...(cell?.querySelectorAll('.pill') ?? [])].find((p) => p.textContent === label.text);
          expect(
            pill?.classList.contains(`tone-${label.tone}`),
            `${actor.name}: ${label.text} in ${id}`,
          ).toBe(true);
          pills++;
        }
      }
    }
    expect(doc.querySelectorAll('.actors .pill')).toHaveLength(pills);
    for (const pill of doc.querySelectorAll('.actors .pill'))
      expect(pill.className).toMatch(/\btone-(negative|neutral|positive)\b/);
    expect(
      doc.querySelectorAll('.legend .tone-negative, .legend .tone-neutral, .legend .tone-positive'),
    ).toHaveLength(3);
    // People first, then by mentions.
    expect(rows.at(-1)?.querySelector('.actor-name')?.textContent).toBe('Corvane Chemicals');
  });

  it('shows quote variants with word diffs and the wording badge', () => {
    const brandt = doc.getElementById('s0-q-q1');
    expect(brandt?.querySelector('.speaker')?.textContent).toBe('Daniel Brandt');
    expect(brandt?.querySelector('.badge.warn')?.textContent).toBe('wording differs');
    const variants = [...(brandt?.querySelectorAll('.variant') ?? [])];
    expect(variants).toHaveLength(2);
    expect([...(variants[1]?.querySelectorAll('del') ?? [])].map((d) => d.textContent)).toEqual([
      'contained,',
      'smoke',
      'through the night,',
    ]);
    expect([...(variants[1]?.querySelectorAll('ins') ?? [])].map((d) => d.textContent)).toEqual([
      'contained',
      'overnight,',
    ]);
    expect(variants[1]?.querySelector('q')?.textContent).toBe(
      'The fire is contained, contained but the smoke plume will stay with us through the night, overnight,',
    );
    expect(doc.getElementById('s0-q-q3')?.querySelector('.badge.alert')?.textContent).toBe(
      'attribution differs',
    );
  });

  it('marks fact coverage and lists exclusives per outlet', () => {
    const checks = doc.querySelectorAll('.facts .check');
    expect(checks).toHaveLength(story.facts.reduce((n, f) => n + f.articles.length, 0));
    expect(doc.querySelectorAll('.facts tr.exclusive')).toHaveLength(
      story.facts.filter((f) => f.exclusive).length,
    );
    const cards = [...doc.querySelectorAll('.excl-card')];
    expect(cards.map((c) => c.querySelector('.chip')?.textContent)).toEqual([
      'Merriton Courier',
      'Riverbend Post',
      'Valley Sentinel',
    ]);
  });

  it('counts discrepancy kinds in the singular for one kind', () => {
    const first = story.discrepancies[0];
    const one: Story = {
      ...story,
      discrepancies: story.discrepancies.filter((d) => d.kind === first?.kind),
    };
    const text = dom(renderHtml({ ...fixture, stories: [one] })).querySelector('.hero')?.textContent;
    expect(text).toContain('1 kind');
    expect(text).not.toContain('1 kinds');
  });

  it('groups discrepancies by kind with values, outlets and notes', () => {
    const groups = [...doc.querySelectorAll('.disc-group')];
    expect(groups.map((g) => g.querySelector('h3')?.firstChild?.textContent?.trim())).toEqual([
      'Numbers',
      'Dates',
      'Attribution',
      'Wording of quotes',
      'Titles and labels',
      'Spellings',
    ]);
    const numbers = groups[0]?.querySelector('.disc');
    expect([...(numbers?.querySelectorAll('.value') ?? [])].map((v) => v.textContent)).toEqual([
      '1,200',
      '1,500',
    ]);
    expect(numbers?.querySelector('.note')?.textContent).toContain('1,200 against 1,500');
    // The value is found in the article text so a click can highlight it.
    const value = numbers?.querySelector('.value');
    const text = story.articles[Number(value?.getAttribute('data-a'))]?.text ?? '';
    const [s, e] = (value?.getAttribute('data-r') ?? '').split('-').map(Number);
    expect(text.slice(s, e)).toBe('1,200');
  });

  it('lists the timeline by date', () => {
    const dates = [...doc.querySelectorAll('.timeline time')].map((t) => t.getAttribute('datetime'));
    expect(dates).toEqual([...dates].sort());
    expect(doc.querySelector('.timeline time')?.textContent).toBe('2009');
    expect([...doc.querySelectorAll('.timeline time')].map((t) => t.textContent)).toContain('Mar 2022');
  });

  it('renders each article with exact paragraph offsets and its removed boilerplate', () => {
    const views = [...doc.querySelectorAll('.article-view')];
    expect(views).toHaveLength(story.articles.length);
    views.forEach((view, k) => {
      const article = story.articles[k];
      if (!article) throw new Error('missing article');
      for (const p of view.querySelectorAll('.body [data-s]')) {
        const s = Number(p.getAttribute('data-s'));
        const e = Number(p.getAttribute('data-e'));
        expect(p.textContent).toBe(article.text.slice(s, e));
      }
      const summary = view.querySelector('.removed summary')?.textContent;
      if (article.removed.length) expect(summary).toBe(`Removed by cleaning (${article.removed.length})`);
    });
    expect(views[0]?.querySelectorAll('.removed li .reason')[1]?.textContent).toBe(
      'photo caption and credit',
    );
    expect(views[0]?.querySelector('.body h4')?.textContent).toBe('What we know');
    expect(views[3]?.querySelector('.article-meta .undated')?.textContent).toBe('undated');
    expect(views[3]?.querySelector('.messages code')?.textContent).toBe('no-date');
    expect(views[0]?.querySelector('.article-meta a')?.getAttribute('href')).toBe(story.articles[0]?.url);
  });

  it('links every finding to ranges inside its article', () => {
    const links = [...doc.querySelectorAll('[data-a]')];
    expect(links.length).toBeGreaterThan(100);
    for (const el of links) {
      const article = story.articles[Number(el.getAttribute('data-a'))];
      expect(article, el.outerHTML).toBeDefined();
      for (const r of (el.getAttribute('data-r') ?? '').split(' ').filter(Boolean)) {
        const [s, e] = r.split('-').map(Number);
        expect(s !== undefined && e !== undefined && s < e && e <= (article?.text.length ?? 0), r).toBe(true);
      }
    }
    // Every label pill points at the label's own words.
    const pill = [...doc.querySelectorAll('.actors .pill')].find((p) => p.textContent === 'embattled mayor');
    const [s, e] = (pill?.getAttribute('data-r') ?? '').split('-').map(Number);
    expect(story.articles[Number(pill?.getAttribute('data-a'))]?.text.slice(s, e)).toBe('embattled mayor');
  });

  it('carries a CSP that allows only its own script, by hash', () => {
    const csp =
      doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    const { code } = inlineScripts(page);
    const hash = createHash('sha256').update(code).digest('base64');
    expect(csp.split('; ')).toEqual([
      "default-src 'none'",
      `script-src 'sha256-${hash}'`,
      "style-src 'unsafe-inline'",
      'img-src data:',
      "base-uri 'none'",
      "form-action 'none'",
    ]);
    // The CSP meta comes before anything it governs.
    expect(page.indexOf('Content-Security-Policy')).toBeLessThan(page.indexOf('<style>'));
  });

  it('embeds the report as JSON that parses back', () => {
    const { json } = inlineScripts(page);
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual(fixture);
  });

  it('is self-contained: no external resource of any kind', () => {
    expect(page).not.toMatch(/\s(src|srcset)=/i);
    expect(page).not.toMatch(/@import|url\(/i);
    const links = [...doc.querySelectorAll('[href]')].map((a) => a.getAttribute('href') ?? '');
    for (const href of links)
      expect(href, href).toMatch(/^(#|data:,$|https:\/\/www\.merritoncourier|https:\/\/)/);
    expect(doc.querySelectorAll('link[rel="stylesheet"], img, iframe, object, embed')).toHaveLength(0);
  });
});

describe('renderHtml with several or no stories', () => {
  it('offers a story picker when the report holds several', () => {
    const two: Report = { ...fixture, stories: [story, { ...story, id: 's2', title: 'Second story' }] };
    const doc = dom(renderHtml(two));
    expect([...doc.querySelectorAll('[data-pick]')].map((b) => b.textContent)).toEqual([
      story.title,
      'Second story',
    ]);
    expect(doc.querySelectorAll('[data-story]')).toHaveLength(2);
    expect(doc.getElementById('s1-actors')).not.toBeNull();
  });

  it('says so when there is nothing to show', () => {
    const page = renderHtml({ ...fixture, stories: [] });
    expect(page).toContain('This report holds no stories.');
  });
});

describe('renderHtml with injection payloads everywhere', () => {
  const report = payloadReport();
  const page = renderHtml(report);
  const doc = dom(page);

  it('has no script tags but its own two', () => {
    expect(page.match(/<script/gi)).toHaveLength(2);
    expect(doc.querySelectorAll('script')).toHaveLength(2);
    expect(page.match(/<\/script/gi)).toHaveLength(2);
  });

  it('has no event handler attributes and no injected elements', () => {
    // The checker itself sees a handler when there is one, and not in an escaped value.
    expect(attributeNames('<p title="&lt;img onerror=x&gt;"><img src=x onerror=alert(1)></p>')).toEqual([
      'title',
      'src',
      'onerror',
    ]);
    const names = attributeNames(page);
    expect(names).toContain('data-a');
    expect(names.filter((n) => n.startsWith('on'))).toEqual([]);
    // Outside quoted attribute values (where it is escaped text), "onerror=" never follows a raw "<".
    expect(page).not.toMatch(/<[^<>"]*\sonerror\s*=/i);
    for (const el of doc.querySelectorAll('*')) {
      for (const attr of el.attributes) expect(attr.name, el.outerHTML.slice(0, 80)).not.toMatch(/^on/i);
    }
    expect(doc.querySelectorAll('img, svg, iframe, object, embed, base, form')).toHaveLength(0);
  });

  it('never links to a javascript: or data: URL', () => {
    expect(page).not.toMatch(/href\s*=\s*["']?\s*(javascript|data:text)/i);
    for (const a of doc.querySelectorAll('a[href]')) expect(a.getAttribute('href')).toMatch(/^(#|https?:)/);
    // The URLs are still shown, as text.
    expect(doc.querySelector('.url-text')?.textContent).toBe('javascript:window.__pwned=1');
  });

  it('shows the payloads as text', () => {
    const text = doc.body.textContent ?? '';
    for (const payload of [
      PAYLOADS.script,
      PAYLOADS.scriptClose,
      PAYLOADS.flag,
      PAYLOADS.attrBreak,
      PAYLOADS.svg,
    ])
      expect(text).toContain(payload);
    expect(doc.querySelector('h1')?.textContent).toBe(report.stories[0]?.title);
    expect(doc.querySelector('.actors .tone-negative')?.textContent).toBe(PAYLOADS.flag);
  });

  it('keeps the JSON block closed and the data intact', () => {
    const { json } = inlineScripts(page);
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual(report);
  });

  it('keeps unknown tone values out of class names', () => {
    const odd = payloadReport();
    const label = odd.stories[0]?.actors[0]?.labels[0];
    if (label) (label as { tone: string }).tone = 'negative" onclick="alert(1)';
    const out = dom(renderHtml(odd));
    expect(out.querySelector('.actors .pill')?.className).toBe('pill tone-neutral');
  });
});

describe('escape helpers', () => {
  it('escapes interpolations and leaves template markup alone', () => {
    const title = '<b class="x">Tom & Jerry\'s</b>';
    expect(html`<p title="${title}">${title}</p>`.value).toBe(
      '<p title="&lt;b class=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;">&lt;b class=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;</p>',
    );
    expect(escapeHtml('"\'<>&')).toBe('&quot;&#39;&lt;&gt;&amp;');
  });

  it('nests fragments and lists without escaping them twice', () => {
    const items = ['a<', 'b>'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>`.value).toBe('<ul><li>a&lt;</li><li>b&gt;</li></ul>');
    expect(join(['<x>', html`<br>`], html`, `).value).toBe('&lt;x&gt;, <br>');
    expect(html`${null}${undefined}${false}${0}`.value).toBe('0');
  });

  it('cannot be tricked into trusting a look-alike object', () => {
    const fake = { value: '<script>alert(1)</script>' } as unknown as string;
    expect(() => html`${fake}`).toThrow(/cannot interpolate/);
  });

  it('refuses inline code that could close its element', () => {
    expect(() => trustedCode('x = "</script>"')).toThrow();
    expect(() => trustedCode('a { } </STYLE>')).toThrow();
    expect(trustedCode('a { color: red }').value).toBe('a { color: red }');
  });

  it('escapes "<" and line separators in JSON for script blocks', () => {
    const out = jsonScript({ t: '</script><!-- \u2028' }).value;
    expect(out).toBe('{"t":"\\u003c/script>\\u003c!-- \\u2028"}');
    expect(JSON.parse(out)).toEqual({ t: '</script><!-- \u2028' });
  });

  it('allows only http(s) URLs as links', () => {
    expect(safeHref('https://a.example/x?y=1')).toBe('https://a.example/x?y=1');
    expect(safeHref('http://a.example')).toBe('http://a.example/');
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      '//a.example',
      '/x',
      '',
      null,
    ])
      expect(safeHref(bad), String(bad)).toBeNull();
  });
});

describe('view helpers', () => {
  it('shortens outlet names and keeps them distinct', () => {
    expect(shortOutletName('The Merriton Courier')).toBe('Merriton Courier');
    expect(shortOutletName('Northfield Public Radio')).toBe('Northfield Radio');
    expect(shortOutletName('Calder Courier - News')).toBe('Calder Courier');
    expect(shortOutletName('Belarusian Telegraph Agency Worldwide')).toBe('BTAW');
    const two = storyView({
      ...story,
      articles: [story.articles[0], story.articles[0], story.articles[1]].map((a, i) => ({
        ...(a as Story['articles'][number]),
        id: `x${i}`,
      })),
    });
    expect(two.columns.map((c) => [c.short, c.o])).toEqual([
      ['Merriton Courier 1', 0],
      ['Merriton Courier 2', 0],
      ['Northfield Radio', 1],
    ]);
  });

  it('formats partial dates and passes anything else through', () => {
    expect(['2025-06-10', '2025-06', '2025', '2025-13', 'soon'].map(formatDate)).toEqual([
      '10 Jun 2025',
      'Jun 2025',
      '2025',
      '2025',
      'soon',
    ]);
  });

  it('spaces diff words whether or not the parts carry their spaces', () => {
    const bare = spacedDiff([
      { op: 'same', text: 'a b' },
      { op: 'removed', text: 'c' },
      { op: 'same', text: ',' },
    ]);
    expect(bare.map((p) => p.space)).toEqual([false, true, false]);
    const spaced = spacedDiff([
      { op: 'same', text: 'a b ' },
      { op: 'added', text: 'c' },
    ]);
    expect(spaced.map((p) => p.space)).toEqual([false, false]);
  });

  it('splits paragraphs at line breaks and spots subheadings', () => {
    const text = 'First para.\n\nWhat we know\n\nSecond para.\nThird line';
    expect(paragraphs(text).map((p) => [text.slice(p.start, p.end), p.heading])).toEqual([
      ['First para.', false],
      ['What we know', true],
      ['Second para.', false],
      ['Third line', true],
    ]);
  });
});
