// Confidence in the HTML and Markdown reports, from the hand-made fixture story, whose findings carry
// confidences of every level: low ones are marked with their reason and can be hidden; the rest are not.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { Report, Story } from '../src/model/report.js';
import { renderHtml } from '../src/report/html/index.js';
import { renderMarkdown } from '../src/report/md/index.js';
import { withConfidences } from './fixtures/report/confidences.js';
import { reportSchemaErrors } from './support/report-schema.js';

const fixture = withConfidences(
  JSON.parse(readFileSync(new URL('./fixtures/report/story.json', import.meta.url), 'utf8')) as Report,
);
const story = fixture.stories[0] as Story;
const lowFact = story.facts.find((f) => f.confidence?.level === 'low');
const highFact = story.facts.find((f) => f.confidence?.level === 'high');

describe('confidence in the HTML report', () => {
  const doc = parseHTML(renderHtml(fixture)).document;

  it('the fixture carries low and high findings and is true to the schema', () => {
    expect(lowFact).toBeDefined();
    expect(highFact).toBeDefined();
    expect(reportSchemaErrors(fixture)).toEqual([]);
  });

  it('marks each low finding, with its reason reachable by hover and keyboard focus', () => {
    const marks = [...doc.querySelectorAll('.unsure')];
    // Fixture: one low actor merge, label, quote speaker, fact, discrepancy and digest sentence.
    expect(marks.length).toBe(6);
    for (const m of marks) {
      expect(m.getAttribute('tabindex')).toBe('0');
      expect(m.getAttribute('data-why')).toMatch(/^Uncertain .+ \(confidence 0\.\d\d\): .+/);
      expect(m.getAttribute('title')).toBe(m.getAttribute('data-why'));
    }
    const factRow = [...doc.querySelectorAll('.facts tr')].find((r) =>
      r.textContent?.includes(lowFact?.text ?? '\u0000'),
    );
    expect(factRow?.classList.contains('uncertain')).toBe(true);
    expect(factRow?.querySelector('.unsure')?.getAttribute('data-why')).toContain(
      lowFact?.confidence?.reason,
    );
    const highRow = [...doc.querySelectorAll('.facts tr')].find((r) =>
      r.textContent?.includes(highFact?.text ?? '\u0000'),
    );
    expect(highRow?.classList.contains('uncertain')).toBe(false);
    expect(highRow?.querySelector('.unsure')).toBeNull();
  });

  it('has a hide-uncertain switch wired to every uncertain finding by CSS, no script needed', () => {
    const toggle = doc.querySelector('.story[data-story="0"] input.hide-uncertain');
    expect(toggle?.getAttribute('type')).toBe('checkbox');
    expect(toggle?.parentElement?.textContent).toContain('Hide uncertain findings (6)');
    const style = doc.querySelector('style')?.textContent ?? '';
    expect(style).toContain('.story:has(.hide-uncertain:checked) .uncertain{display:none}');
    expect(style).toContain('.unsure:focus::after');
    // Every mark sits inside something the switch hides.
    for (const m of doc.querySelectorAll('.unsure')) expect(m.closest('.uncertain')).not.toBeNull();
  });

  it('shows no switch when nothing is uncertain', () => {
    const sure = structuredClone(fixture);
    const s = sure.stories[0] as Story;
    for (const x of [
      ...s.actors,
      ...s.actors.flatMap((a) => a.labels),
      ...s.quotes,
      ...s.facts,
      ...s.discrepancies,
      ...s.digest,
    ])
      delete x.confidence;
    const page = parseHTML(renderHtml(sure)).document;
    expect(page.querySelector('.hide-uncertain')).toBeNull();
    expect(page.querySelector('.unsure')).toBeNull();
  });
});

describe('confidence in the Markdown report', () => {
  const md = renderMarkdown(fixture);

  it('says which findings are uncertain, with a legend', () => {
    expect(md).toContain('_(?) marks 6 uncertain findings: low confidence (score below 0.5 of 1)');
    const factLine = md
      .split('\n')
      .find((l) => l.startsWith('|') && l.includes(lowFact?.text.slice(0, 30) ?? '\u0000'));
    expect(factLine).toContain(`(?) _uncertain: ${lowFact?.confidence?.reason}_`);
    const highLine = md
      .split('\n')
      .find((l) => l.startsWith('|') && l.includes(highFact?.text.slice(0, 30) ?? '\u0000'));
    expect(highLine).not.toContain('(?)');
    expect(md.match(/\(\?\) _uncertain: /g)?.length).toBe(6);
  });
});
