// The app's charts over time per outlet, built from what the library holds: an actor's labels by month and
// outlet (the actor page) and a story's articles by day and outlet (the story page). Drawing is charts.ts's.
import type { ActorRecord } from '../library/profiles.js';
import type { Tone } from '../model/report.js';
import type { SafeHtml } from '../report/escape.js';
import type { StoryMember } from '../store/store.js';
import { type BarPart, type ChartRows, dayRange, monthRange, periodChart, topRows } from './charts.js';

const TONES: readonly Tone[] = ['negative', 'neutral', 'positive'];
const TONE_PARTS: readonly BarPart[] = [
  { label: 'negative', className: 'neg' },
  { label: 'neutral', className: 'neu' },
  { label: 'positive', className: 'pos' },
];

/** Rows of counts per outlet and period, `parts` counts wide, from (outlet, period, part, count) entries. */
function rowsOf(
  entries: readonly { outlet: string | null; period: string; part: number; n: number }[],
  periods: readonly string[],
  parts: number,
): ChartRows {
  const at = new Map(periods.map((p, i) => [p, i]));
  const rows = new Map<string, number[][]>();
  for (const e of entries) {
    const p = at.get(e.period);
    if (p === undefined) continue;
    const name = e.outlet ?? 'no outlet';
    let counts = rows.get(name);
    if (!counts) {
      counts = periods.map(() => new Array<number>(parts).fill(0));
      rows.set(name, counts);
    }
    (counts[p] as number[])[e.part] = ((counts[p] as number[])[e.part] ?? 0) + e.n;
  }
  return topRows([...rows].map(([name, counts]) => ({ name, counts })));
}

/** An actor's labels by month per outlet, each bar split by the labels' tone. */
export function actorLabelsChart(r: ActorRecord): SafeHtml {
  const periods = monthRange(r.months.map((m) => m.month));
  const entries = r.months.flatMap((m) =>
    m.uses.map((u) => ({ outlet: u.outlet, period: m.month, part: TONES.indexOf(u.tone), n: u.articles })),
  );
  return periodChart({
    id: 'chart-labels',
    title: `Labels given to ${r.actor.name}, by month and outlet`,
    counted: `Each bar is one outlet's articles in one month that give ${r.actor.name} a label, counted once per label (an article calling them both "minister" and "critic" counts twice), split by the label's tone. Months are those of publication.`,
    periodName: 'Month of publication',
    periodUnit: 'month',
    periods,
    rows: rowsOf(entries, periods, TONES.length),
    parts: TONE_PARTS,
    unit: 'label uses',
    unitOne: 'label use',
  });
}

/** A story drawn by day while it spans at most this many days (a season); longer, by month. */
const MAX_DAYS = 92;

/** A story's articles by day (by month for a long story) per outlet, near-copies included. */
export function storyDaysChart(members: readonly StoryMember[]): SafeHtml {
  const dated = members.filter((m) => m.published !== null && /^\d{4}-\d{2}-\d{2}/.test(m.published));
  const days = dayRange(dated.map((m) => (m.published as string).slice(0, 10)));
  const byMonth = days.length > MAX_DAYS;
  const periods = byMonth ? monthRange(dated.map((m) => (m.published as string).slice(0, 7))) : days;
  const entries = dated.map((m) => ({
    outlet: m.outlet,
    period: (m.published as string).slice(0, byMonth ? 7 : 10),
    part: 0,
    n: 1,
  }));
  const undated = members.length - dated.length;
  return periodChart({
    id: 'chart-days',
    title: `Articles of this story by ${byMonth ? 'month' : 'day'} and outlet`,
    counted: `Each bar is one outlet's articles in this story published that ${byMonth ? 'month' : 'day'}, near-copies of another article included${undated ? `; ${undated} undated ${undated === 1 ? 'article is' : 'articles are'} not drawn` : ''}.`,
    periodName: byMonth ? 'Month of publication' : 'Day of publication',
    periodUnit: byMonth ? 'month' : 'day',
    periods,
    rows: rowsOf(entries, periods, 1),
    parts: [{ label: 'articles', className: 'one' }],
    unit: 'articles',
    unitOne: 'article',
  });
}
