// Charts drawn on the server as inline SVG: they need no script (the pages' CSP allows none) and carry
// their numbers as text — a <title> per bar, the chart's own <title>/<desc>, and the numbers as a table
// under it — so the chart is never the only place a figure can be read. Every chart has labelled axes and
// a caption saying what one unit is ("an article of this outlet published that month").
import { html, join, type SafeHtml } from '../report/escape.js';

/** Months from the first to the last given, gaps filled with zero, so a silent month shows as one. */
export function fillMonths(
  rows: readonly { month: string; articles: number }[],
): { month: string; articles: number }[] {
  const valid = rows.filter((r) => /^\d{4}-\d{2}$/.test(r.month));
  const counts = new Map(valid.map((r) => [r.month, r.articles]));
  return monthRange(valid.map((r) => r.month)).map((month) => ({ month, articles: counts.get(month) ?? 0 }));
}

/** Bounded: a library spanning centuries by a bad date still draws at most this many columns. */
const MAX_PERIODS = 600;

/** Every month from the earliest to the latest of `months` (YYYY-MM), in order. */
export function monthRange(months: readonly string[]): string[] {
  const sorted = months.filter((m) => /^\d{4}-\d{2}$/.test(m)).sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last) return [];
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (let i = 0; i < MAX_PERIODS; i++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push(month);
    if (month >= last) break;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** Every day from the earliest to the latest of `days` (YYYY-MM-DD), in order. */
export function dayRange(days: readonly string[]): string[] {
  const sorted = days.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last) return [];
  const out: string[] = [];
  const at = new Date(`${first}T00:00:00Z`);
  for (let i = 0; i < MAX_PERIODS; i++) {
    const day = at.toISOString().slice(0, 10);
    out.push(day);
    if (day >= last) break;
    at.setUTCDate(at.getUTCDate() + 1);
  }
  return out;
}

/** The smallest of 1, 2, 5 × 10ⁿ at or above `max`, so the top tick is a round number. */
export function niceMax(max: number): number {
  if (max <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/** The indexes of at most `most` labels spread evenly over `n` columns, the first and last among them. */
export function tickIndexes(n: number, most: number): number[] {
  if (n <= 0) return [];
  if (n <= most) return [...Array(n).keys()];
  const step = Math.ceil((n - 1) / (most - 1));
  const out: number[] = [];
  for (let i = 0; i < n - 1; i += step) out.push(i);
  // The last label only if it does not crowd the one before it.
  if (n - 1 - (out.at(-1) ?? 0) >= step / 2) out.push(n - 1);
  return out;
}

/**
 * The x labels of a run of periods: over two years of months, each January as its year ("2019"), every
 * second or fifth year when there are many; otherwise evenly spread periods, written as they are.
 */
export function periodTicks(periods: readonly string[]): { i: number; text: string }[] {
  if (periods.length > 24 && periods.every((p) => /^\d{4}-\d{2}$/.test(p))) {
    const januaries = periods.flatMap((p, i) => (p.endsWith('-01') ? [i] : []));
    const every = [1, 2, 5, 10, 20, 50].find((n) => januaries.length / n <= X_LABELS) ?? 100;
    return januaries
      .filter((i) => Number(periods[i]?.slice(0, 4)) % every === 0)
      .map((i) => ({ i, text: periods[i]?.slice(0, 4) ?? '' }));
  }
  return tickIndexes(periods.length, X_LABELS).map((i) => ({ i, text: periods[i] ?? '' }));
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** What a chart says about itself: its name, what one unit is, and an id prefix unique on the page. */
export interface ChartText {
  id: string;
  /** The chart's name: "Articles by Example News per month". */
  title: string;
  /** What is counted: "Each bar is a month; its height, the articles of Example News published in it." */
  counted: string;
}

const WIDTH = 720;
/** X labels at most: "2025-03" at 11 px is ~45 px wide, so eight leave room between them. */
const X_LABELS = 8;

/** Articles per month as bars, with a y axis of articles and an x axis of months. */
export function monthChart(rows: readonly { month: string; articles: number }[], text: ChartText): SafeHtml {
  const months = fillMonths(rows);
  if (months.length === 0) return html`<p class="empty">No dated articles.</p>`;
  const max = Math.max(...months.map((m) => m.articles));
  const top = niceMax(max);
  const [left, right, upper, bottom] = [48, 28, 10, 40];
  const height = 210;
  const plotW = WIDTH - left - right;
  const plotH = height - upper - bottom;
  const col = plotW / months.length;
  const bar = Math.min(col - 2, 46);
  const y = (v: number) => upper + plotH - (v / top) * plotH;
  const bars = months.map((m, i) => {
    const h = (m.articles / top) * plotH;
    return html`<rect class="bar" x="${(left + i * col + (col - Math.max(bar, 1)) / 2).toFixed(1)}" y="${(upper + plotH - h).toFixed(1)}" width="${Math.max(bar, 1).toFixed(1)}" height="${h.toFixed(1)}"><title>${m.month}: ${fmt(m.articles)} ${m.articles === 1 ? 'article' : 'articles'}</title></rect>`;
  });
  const yTicks = [0, top / 2, top].filter((v, i, all) => all.indexOf(v) === i && Number.isInteger(v));
  const yAxis = yTicks.map(
    (v) =>
      html`<line class="grid-line" x1="${left}" x2="${WIDTH - right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}"></line><text class="tick" x="${left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${fmt(v)}</text>`,
  );
  const xAxis = periodTicks(months.map((m) => m.month)).map(
    ({ i, text }) =>
      html`<text class="tick" x="${(left + (i + 0.5) * col).toFixed(1)}" y="${upper + plotH + 15}" text-anchor="middle">${text}</text>`,
  );
  const first = months[0]?.month ?? '';
  const last = months.at(-1)?.month ?? '';
  const desc = `${months.length} ${months.length === 1 ? 'month' : 'months'} from ${first} to ${last}; at most ${fmt(max)} ${max === 1 ? 'article' : 'articles'} in a month.`;
  const table = html`<details class="chart-table"><summary>The numbers as a table</summary><table class="grid"><thead><tr><th scope="col">Month</th><th scope="col">Articles</th></tr></thead><tbody>${months.map((m) => html`<tr><td>${m.month}</td><td>${fmt(m.articles)}</td></tr>`)}</tbody></table></details>`;
  return html`<figure class="chart"><svg viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${text.id}-t ${text.id}-d"><title id="${text.id}-t">${text.title}</title><desc id="${text.id}-d">${desc}</desc>${yAxis}<line class="axis" x1="${left}" x2="${WIDTH - right}" y1="${upper + plotH}" y2="${upper + plotH}"></line>${bars}${xAxis}<text class="axis-title" x="${left + plotW / 2}" y="${height - 4}" text-anchor="middle">Month of publication</text><text class="axis-title" transform="translate(12 ${upper + plotH / 2}) rotate(-90)" text-anchor="middle">Articles</text></svg><figcaption><strong>${text.title}.</strong> ${text.counted} ${desc}</figcaption>${table}</figure>`;
}

/** One part of a stacked bar (a tone, say) and the CSS class that colours it. */
export interface BarPart {
  label: string;
  className: string;
}

/** A row of a chart over time per outlet: its counts per period, split into parts when the chart has them. */
export interface PeriodRow {
  name: string;
  /** Per period (same order as the chart's periods): the count of each part (one part when unsplit). */
  counts: number[][];
}

export interface PeriodChart extends ChartText {
  /** "Day of publication", "Month". */
  periodName: string;
  /** One period, singular: "day", "month". */
  periodUnit: string;
  periods: readonly string[];
  rows: ChartRows;
  /** Names of the parts of each bar (one entry: bars are not split). */
  parts: readonly BarPart[];
  /** What a count is, plural and singular: "articles", "article". */
  unit: string;
  unitOne: string;
}

/** Outlets a period chart draws; the rest are summed into one row of its table. */
export const CHART_ROWS = 12;

/** The rows of a period chart: the largest drawn, the rest summed for the table. */
export interface ChartRows {
  drawn: PeriodRow[];
  /** The other outlets summed into one row ("118 other outlets"), or null when every outlet is drawn. */
  rest: PeriodRow | null;
}

const rowTotal = (r: PeriodRow) => r.counts.reduce((n, c) => n + c.reduce((a, b) => a + b, 0), 0);

/**
 * Keeps the rows with the largest totals, largest first, and sums the rest into one row for the table, so
 * a story of 60 outlets draws 12 strips. The summed row is not drawn: on one shared scale the sum of a
 * hundred outlets would flatten every strip above it (seen on an actor named by 131 outlets).
 */
export function topRows(rows: readonly PeriodRow[], most = CHART_ROWS): ChartRows {
  const sorted = [...rows].sort((a, b) => rowTotal(b) - rowTotal(a) || a.name.localeCompare(b.name));
  if (sorted.length <= most) return { drawn: sorted, rest: null };
  const kept = sorted.slice(0, most);
  const others = sorted.slice(most);
  const counts = (others[0]?.counts ?? []).map((_, p) =>
    (others[0]?.counts[p] ?? []).map((_, k) => others.reduce((n, r) => n + (r.counts[p]?.[k] ?? 0), 0)),
  );
  return { drawn: kept, rest: { name: `${others.length} other outlets`, counts } };
}

/** Long outlet names are cut for the axis (the full name is in the bar titles and the table). */
function axisName(name: string): string {
  return [...name].length > 22 ? `${[...name].slice(0, 21).join('')}…` : name;
}

/**
 * A chart of counts over time per outlet: one row per outlet (a strip of bars, one per period, stacked by
 * part), periods along a shared x axis. Bars share one scale across rows so outlets compare.
 */
export function periodChart(chart: PeriodChart): SafeHtml {
  const { periods, parts } = chart;
  const rows = chart.rows.drawn;
  const rest = chart.rows.rest;
  if (periods.length === 0 || rows.length === 0) return html`<p class="empty">Nothing dated to chart.</p>`;
  const sum = (c: number[] | undefined) => (c ?? []).reduce((a, b) => a + b, 0);
  const max = Math.max(1, ...rows.flatMap((r) => r.counts.map(sum)));
  const [left, right, upper, bottom] = [160, 28, 22, 40];
  const rowH = 26;
  const plotW = WIDTH - left - right;
  const plotH = rows.length * rowH;
  const height = upper + plotH + bottom;
  const col = plotW / periods.length;
  const bar = Math.max(Math.min(col - 1, 30), 1);
  const strips = rows.map((r, ri) => {
    const base = upper + (ri + 1) * rowH - 2;
    const cells = r.counts.map((c, pi) => {
      const total = sum(c);
      if (total === 0) return '';
      let top = base;
      const x = (left + pi * col + (col - bar) / 2).toFixed(1);
      const partsText =
        parts.length > 1
          ? ` (${parts
              .map((p, k) => [p.label, c[k] ?? 0] as const)
              .filter(([, n]) => n > 0)
              .map(([label, n]) => `${fmt(n)} ${label}`)
              .join(', ')})`
          : '';
      const pieces = parts.map((p, k) => {
        const h = ((c[k] ?? 0) / max) * (rowH - 4);
        if (h === 0) return '';
        top -= h;
        return html`<rect class="${p.className}" x="${x}" y="${top.toFixed(1)}" width="${bar.toFixed(1)}" height="${h.toFixed(1)}"></rect>`;
      });
      return html`<g class="cell"><title>${r.name}, ${periods[pi] ?? ''}: ${fmt(total)} ${total === 1 ? chart.unitOne : chart.unit}${partsText}</title>${pieces}</g>`;
    });
    return html`<text class="row-name" x="${left - 6}" y="${base - 6}" text-anchor="end">${axisName(r.name)}</text><line class="axis" x1="${left}" x2="${WIDTH - right}" y1="${base}" y2="${base}"></line>${cells}`;
  });
  const xAxis = periodTicks(periods).map(
    ({ i, text }) =>
      html`<text class="tick" x="${(left + (i + 0.5) * col).toFixed(1)}" y="${upper + plotH + 15}" text-anchor="middle">${text}</text>`,
  );
  const total = rows.reduce((n, r) => n + rowTotal(r), 0);
  const span = `${periods.length} ${periods.length === 1 ? chart.periodUnit : `${chart.periodUnit}s`}, ${periods[0]} to ${periods.at(-1)}`;
  const desc = `${fmt(total)} ${chart.unit} by ${rows.length === 1 ? 'one outlet' : `${rows.length} outlets`} over ${span}; the tallest bar is ${fmt(max)}.${rest ? ` Not drawn: ${rest.name} with ${fmt(rowTotal(rest))} ${chart.unit} (in the table).` : ''}`;
  const legend =
    parts.length > 1
      ? html` Colours: ${join(
          parts.map((p) => html`<span class="swatch ${p.className}" aria-hidden="true"></span> ${p.label}`),
          html`, `,
        )}.`
      : '';
  const tableRows = [...rows, ...(rest ? [rest] : [])].map(
    (r) =>
      html`<tr><th scope="row">${r.name}</th><td>${fmt(rowTotal(r))}</td><td>${join(
        r.counts.flatMap((c, pi) =>
          sum(c) === 0
            ? []
            : [
                html`${periods[pi] ?? ''}: ${fmt(sum(c))}${parts.length > 1 ? ` (${parts.map((p, k) => `${c[k] ?? 0} ${p.label}`).join(', ')})` : ''}`,
              ],
        ),
        html`; `,
      )}</td></tr>`,
  );
  const table = html`<details class="chart-table"><summary>The numbers as a table</summary><table class="grid"><thead><tr><th scope="col">Outlet</th><th scope="col">All</th><th scope="col">By ${chart.periodName.toLowerCase()}</th></tr></thead><tbody>${tableRows}</tbody></table></details>`;
  return html`<figure class="chart"><svg viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${chart.id}-t ${chart.id}-d"><title id="${chart.id}-t">${chart.title}</title><desc id="${chart.id}-d">${desc}</desc><text class="axis-title" x="${left - 6}" y="14" text-anchor="end">Outlet</text><text class="axis-title" x="${left}" y="14">bar height: ${chart.unit} (tallest ${fmt(max)})</text>${strips}${xAxis}<text class="axis-title" x="${left + plotW / 2}" y="${height - 4}" text-anchor="middle">${chart.periodName}</text></svg><figcaption><strong>${chart.title}.</strong> ${chart.counted}${legend} ${desc}</figcaption>${table}</figure>`;
}

/** A horizontal bar split into parts, each with its share written out beside the bar. */
/** Fewer items than this in a share bar give counts without percentages (a percentage of 12 is noise). */
const SHARE_MIN_TOTAL = 20;

export function shareBar(
  parts: readonly { label: string; value: number; className: string }[],
  /** What is counted, for the total: "of 412 labels". */
  unit = 'in all',
): SafeHtml {
  const total = parts.reduce((n, p) => n + p.value, 0);
  if (total === 0) return html`<span class="muted">none</span>`;
  // Counts first, shares only where they mean something: "negative 0 %" of three labels said more than the
  // data does. Below SHARE_MIN_TOTAL the text gives counts alone, and it always says of how many.
  const share = (v: number) => (total < SHARE_MIN_TOTAL ? '' : ` (${Math.round((v / total) * 100)}%)`);
  return html`<span class="share"><span class="share-bar" aria-hidden="true">${parts.map((p) =>
    p.value > 0
      ? html`<span class="${p.className}" style="width:${((p.value / total) * 100).toFixed(1)}%"></span>`
      : '',
  )}</span> <span class="share-text">${parts.map((p, i) => html`${i > 0 ? ' · ' : ''}${p.label} ${p.value}${share(p.value)}`)} — of ${total} ${unit}</span></span>`;
}

/** Chart styles: text at its drawn size (the SVG keeps its aspect ratio), tone colours as the report's. */
export const CHART_STYLE = `
.chart { margin: 8px 0; }
.chart svg { width: 100%; height: auto; max-width: 900px; display: block; }
.chart rect.bar, .chart rect.one { fill: var(--accent); }
.chart rect.neg, .chart .swatch.neg { fill: var(--neg-ink); background: var(--neg-ink); }
.chart rect.neu, .chart .swatch.neu { fill: #98a2b3; background: #98a2b3; }
.chart rect.pos, .chart .swatch.pos { fill: var(--pos-ink); background: var(--pos-ink); }
.chart .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; vertical-align: middle; }
.chart text { font-size: 11px; fill: var(--muted); }
.chart text.row-name { fill: var(--ink-2); font-size: 12px; }
.chart text.axis-title { fill: var(--ink-2); font-size: 11.5px; font-weight: 600; }
.chart line.axis { stroke: var(--line); stroke-width: 1; }
.chart line.grid-line { stroke: var(--line-2); stroke-width: 1; }
.chart g.cell:hover rect { opacity: .8; }
.chart figcaption { color: var(--muted); font-size: 13px; margin-top: 4px; }
.chart-table summary { cursor: pointer; color: var(--accent); font-size: 13px; margin-top: 4px; }
.chart-table table { margin-top: 6px; }
`;
