// Charts drawn on the server as inline SVG: they need no script, scale with the page, and carry their
// numbers as text (a <title> per bar and a table fallback), so the chart is never the only place a
// figure can be read.
import { html, type SafeHtml } from '../report/escape.js';

/** Months from the first to the last given, gaps filled with zero, so a silent month shows as one. */
export function fillMonths(
  rows: readonly { month: string; articles: number }[],
): { month: string; articles: number }[] {
  const valid = rows.filter((r) => /^\d{4}-\d{2}$/.test(r.month));
  const first = valid[0];
  const last = valid.at(-1);
  if (!first || !last) return [];
  const counts = new Map(valid.map((r) => [r.month, r.articles]));
  const out: { month: string; articles: number }[] = [];
  let [y, m] = first.month.split('-').map(Number) as [number, number];
  // Bounded: a library spanning centuries by a bad date still draws at most this many bars.
  for (let i = 0; i < 600; i++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push({ month, articles: counts.get(month) ?? 0 });
    if (month >= last.month) break;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** Articles per month as bars; `label` names the chart for assistive technology. */
export function monthChart(rows: readonly { month: string; articles: number }[], label: string): SafeHtml {
  const months = fillMonths(rows);
  if (months.length === 0) return html`<p class="empty">No dated articles.</p>`;
  const max = Math.max(...months.map((m) => m.articles), 1);
  const width = 720;
  const height = 140;
  // A few months still read as bars, not as one block across the chart.
  const bar = Math.min(width / months.length, 48);
  const bars = months.map((m, i) => {
    const h = Math.round((m.articles / max) * (height - 20));
    return html`<rect x="${(i * bar + 1).toFixed(1)}" y="${height - 16 - h}" width="${Math.max(bar - 2, 1).toFixed(1)}" height="${h}"><title>${m.month}: ${m.articles} articles</title></rect>`;
  });
  const firstMonth = months[0]?.month ?? '';
  const lastMonth = months.at(-1)?.month ?? '';
  return html`<figure class="chart"><svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${label}: ${months.length} months from ${firstMonth} to ${lastMonth}, at most ${max} articles in a month" preserveAspectRatio="none">${bars}<text x="0" y="${height - 2}">${firstMonth}</text>${months.length > 1 ? html`<text x="${width}" y="${height - 2}" text-anchor="end">${lastMonth}</text>` : ''}</svg><figcaption>${label}; peak ${max} articles in a month.</figcaption></figure>`;
}

/** A horizontal bar split into parts, each with its share written out beside the bar. */
export function shareBar(parts: readonly { label: string; value: number; className: string }[]): SafeHtml {
  const total = parts.reduce((n, p) => n + p.value, 0);
  if (total === 0) return html`<span class="muted">none</span>`;
  const pct = (v: number) => Math.round((v / total) * 100);
  return html`<span class="share"><span class="share-bar" aria-hidden="true">${parts.map((p) =>
    p.value > 0
      ? html`<span class="${p.className}" style="width:${((p.value / total) * 100).toFixed(1)}%"></span>`
      : '',
  )}</span> <span class="share-text">${parts.map((p, i) => html`${i > 0 ? ' · ' : ''}${p.label} ${pct(p.value)}%`)}</span></span>`;
}
