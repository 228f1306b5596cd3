// Confidence in the HTML report: a low-confidence finding carries a visible "?" mark whose reason shows
// on hover and on keyboard focus (CSS, no script), and the element holding the finding gets the class
// `uncertain`. A "Hide uncertain findings" checkbox per story hides them all through CSS :has(), so the
// toggle works in a report opened from disk, with the page script blocked, and in the web app alike.
import type { Confidence } from '../../model/report.js';
import { html, type SafeHtml } from '../escape.js';

/** Whether a finding is marked uncertain: low confidence (score below 0.5, src/compare/confidence). */
export function isLow(c: Confidence | undefined): boolean {
  return c?.level === 'low';
}

/** ' uncertain' for the class list of an element holding a low-confidence finding, else ''. */
export function uncertainClass(c: Confidence | undefined): string {
  return isLow(c) ? ' uncertain' : '';
}

/** The visible mark of a low-confidence finding, with its reason on hover and focus; '' otherwise. */
export function uncertainMark(c: Confidence | undefined, what = 'finding'): SafeHtml | '' {
  if (!c || !isLow(c)) return '';
  const why = `Uncertain ${what} (confidence ${c.score.toFixed(2)}): ${c.reason}`;
  return html`<span class="unsure" tabindex="0" role="note" data-why="${why}" title="${why}" aria-label="${why}">?</span>`;
}

/** How many findings of a story are marked uncertain. */
export function uncertainCount(items: readonly { confidence?: Confidence }[]): number {
  return items.filter((x) => isLow(x.confidence)).length;
}

/** The story's "Hide uncertain findings" switch, with a short legend; '' when nothing is uncertain. */
export function uncertainToggle(si: number, count: number): SafeHtml | '' {
  if (count === 0) return '';
  return html`<label class="conf-toggle" title="Findings marked ? have low confidence (score below 0.5); hover or focus the mark for why"><input type="checkbox" class="hide-uncertain" id="s${si}-hide-uncertain"> Hide uncertain findings (${count})</label>`;
}

export const CONFIDENCE_STYLE = `
.unsure{display:inline-grid;place-items:center;width:1.15em;height:1.15em;margin:0 .3em;border-radius:50%;background:#fde68a;color:#713f12;font:700 .75rem/1 system-ui,sans-serif;cursor:help;position:relative;vertical-align:.1em}
.unsure:hover::after,.unsure:focus::after{content:attr(data-why);position:absolute;left:0;top:1.6em;z-index:20;width:max-content;max-width:22rem;padding:.45em .6em;border-radius:6px;background:#1f2937;color:#f9fafb;font:400 .8rem/1.35 system-ui,sans-serif;white-space:normal;text-align:left;box-shadow:0 4px 14px rgba(0,0,0,.25)}
.unsure:focus{outline:2px solid #b45309;outline-offset:1px}
.uncertain{background-image:linear-gradient(90deg,rgba(253,230,138,.35),rgba(253,230,138,0) 40%)}
.conf-toggle{display:inline-flex;align-items:center;gap:.35em;font-size:.85rem;white-space:nowrap;cursor:pointer;margin-left:.75rem}
.story:has(.hide-uncertain:checked) .uncertain{display:none}
`;

/** Every low-confidence finding of a story: actors, labels, quote speakers, facts, discrepancies, digest. */
export function storyUncertainCount(story: {
  actors: readonly { confidence?: Confidence; labels: readonly { confidence?: Confidence }[] }[];
  quotes: readonly { confidence?: Confidence }[];
  facts: readonly { confidence?: Confidence }[];
  discrepancies: readonly { confidence?: Confidence }[];
  digest: readonly { confidence?: Confidence }[];
}): number {
  return (
    uncertainCount(story.actors) +
    story.actors.reduce((n, a) => n + uncertainCount(a.labels), 0) +
    uncertainCount(story.quotes) +
    uncertainCount(story.facts) +
    uncertainCount(story.discrepancies) +
    uncertainCount(story.digest)
  );
}

/** A label pill, wrapped with its mark when the label is uncertain, so the toggle hides pill and mark. */
export function labelWithConfidence(label: { confidence?: Confidence }, pill: SafeHtml): SafeHtml {
  if (!isLow(label.confidence)) return pill;
  return html`<span class="uncertain">${pill}${uncertainMark(label.confidence, 'label')}</span>`;
}
