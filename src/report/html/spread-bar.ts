// The bar of a story's voices by group, with every group written out beside it (a group with no voice shows
// as 0, since the absence is the finding): on the web app's story page and story lists, and in the report of
// `parallax story`. Colours are by position on the user's leaning scale (first blue, middle grey, last red),
// so any scale of two to seven values reads left to right; other fields get distinct colours by rank.
import type { ReportSpread } from '../../model/report.js';
import { html, join, type SafeHtml } from '../escape.js';
import { plural } from './parts.js';

/** A spread as the bar needs it (src/outlets/spread.ts's StorySpread, or a report's). */
export type BarSpread = Omit<ReportSpread, 'blindspot'>;
type SpreadField = BarSpread['field'];

export const SPREAD_BAR_STYLE = `
.spread { display: inline-flex; gap: 10px; align-items: center; flex-wrap: wrap; }
.spread-bar { display: inline-flex; width: 240px; max-width: 100%; height: 12px; border-radius: 6px; overflow: hidden; background: var(--line-2); }
.spread-bar span { display: block; height: 100%; }
.spread-bar .unknown { background: repeating-linear-gradient(135deg, #c5cbd3 0 3px, #e6e9ee 3px 6px); }
.spread-key { font-size: 13.5px; color: var(--ink-2); }
.spread-key .sw { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin: 0 4px 0 0; vertical-align: baseline; }
.spread-key .zero { color: var(--muted); }
.blind { display: inline-block; background: var(--warn-bg); color: var(--warn-ink); border: 1px solid var(--warn-line); border-radius: 999px; padding: 1px 9px; font-size: 13px; font-weight: 600; }
.report-spread { margin: 18px 0 0; }
.report-spread h2 { margin: 0 0 6px; font-size: 12px; font-weight: 600; letter-spacing: .06em; text-transform: uppercase; color: var(--muted); }
.report-spread ul { margin: 6px 0 0; padding-left: 1.2em; font-size: 13.5px; color: var(--ink-2); }
`;

export const FIELD_NAMES: Record<SpreadField, string> = {
  leaning: 'leaning',
  country: 'country',
  language: 'language',
  owner: 'owner',
};
const CATEGORY_COLOURS = [
  '#2f6db5',
  '#d08a1e',
  '#3f9a5b',
  '#8a5cb8',
  '#c2452d',
  '#2a9aa5',
  '#a0763b',
  '#c05a94',
];

/** Blue through grey to red by position on the scale; hsl keeps the steps even for any length. */
function scaleColour(position: number, count: number): string {
  if (count <= 1) return '#6b7785';
  const t = position / (count - 1);
  // 0 → blue (hue 214), 0.5 → grey, 1 → red (hue 8): saturation dips to 0 in the middle.
  const hue = t < 0.5 ? 214 : 8;
  const saturation = Math.round(Math.abs(t - 0.5) * 2 * 58);
  const light = 44 + Math.round((1 - Math.abs(t - 0.5) * 2) * 14);
  return `hsl(${hue} ${saturation}% ${light}%)`;
}

export function groupColour(spread: BarSpread, value: string): string {
  const at = spread.values.indexOf(value);
  if (spread.field === 'leaning')
    return scaleColour(at < 0 ? spread.values.length : at, spread.values.length);
  return CATEGORY_COLOURS[at] ?? '#6b7785';
}

/** A bar of the story's voices by group, then each group's count, zero ones included. */
export function spreadBar(spread: BarSpread, label: string): SafeHtml {
  const byValue = new Map(spread.groups.map((g) => [g.value, g.voices]));
  const unknown = byValue.get(null) ?? 0;
  const total = spread.voices;
  const width = (n: number) => ((n / total) * 100).toFixed(1);
  const parts = spread.values.map((v) => ({ value: v, voices: byValue.get(v) ?? 0 }));
  // A value off the scale among the story's groups (a leaning from before a scale change) still counts.
  for (const g of spread.groups)
    if (g.value !== null && !spread.values.includes(g.value))
      parts.push({ value: g.value, voices: g.voices });
  const segments =
    total === 0
      ? ''
      : html`${parts.map((p) =>
          p.voices > 0
            ? html`<span style="width:${width(p.voices)}%;background:${groupColour(spread, p.value)}"></span>`
            : '',
        )}${unknown > 0 ? html`<span class="unknown" style="width:${width(unknown)}%"></span>` : ''}`;
  const key = join(
    [
      ...parts.map(
        (p) =>
          html`<span class="${p.voices === 0 ? 'zero' : ''}"><span class="sw" style="background:${groupColour(spread, p.value)}"></span>${p.value} ${p.voices}</span>`,
      ),
      ...(unknown > 0
        ? [
            html`<span><span class="sw unknown-sw" style="background:#d5dae0"></span>not in the directory ${unknown}</span>`,
          ]
        : []),
    ],
    html` · `,
  );
  return html`<span class="spread"><span class="spread-bar" role="img" aria-label="${label}">${segments}</span> <span class="spread-key">${key}</span></span>`;
}

/** The bar's words for assistive technology: every value with its voices. */
export function spreadLabel(spread: BarSpread): string {
  const byValue = new Map(spread.groups.map((g) => [g.value, g.voices]));
  const parts = spread.values.map((v) => `${v} ${byValue.get(v) ?? 0}`);
  const unknown = byValue.get(null) ?? 0;
  return `Voices by ${FIELD_NAMES[spread.field]}: ${parts.join(', ')}${unknown ? `, not in the directory ${unknown}` : ''}`;
}

/** The report header's spread: the bar, the blindspot when there is one, and which outlets make each group. */
export function reportSpreadBlock(spread: ReportSpread): SafeHtml {
  const field = FIELD_NAMES[spread.field];
  const groups = spread.groups.map(
    (g) =>
      html`<li><strong>${g.value ?? 'not in the directory'}</strong>: ${g.outlets
        .map((o) =>
          o.voices === 1
            ? o.outlet
            : `${o.outlet} (${o.voices === 0 ? 'copies only' : `${o.voices} voices`})`,
        )
        .join(', ')}</li>`,
  );
  return html`<section class="report-spread" aria-labelledby="spread-h"><h2 id="spread-h">Coverage by ${field}</h2><p>${spreadBar(spread, spreadLabel(spread))}${spread.blindspot === null ? '' : html` <span class="blind">blindspot: only ${spread.blindspot}</span>`}</p><ul>${groups}</ul><p class="lede">${plural(spread.voices, 'voice')}: each article counts once, a near-copy of another not at all; groups from the library's outlet directory.</p></section>`;
}
