// The Markdown report: the same sections as the HTML page, as plain GitHub-flavoured Markdown for pasting
// into an issue, a wiki or a chat. No offsets and no article text: findings cite outlets as [Short name]
// and the HTML page is where evidence is shown. Every value from the articles goes through mdText.
import type { Actor, Fact, QuoteGroup, Report, Story, Tone } from '../../model/report.js';
import {
  type Column,
  discrepanciesOf,
  formatDate,
  hasChanges,
  KIND_ORDER,
  KIND_TITLES,
  type StoryView,
  sortActors,
  sortQuotes,
  spacedDiff,
  storyView,
  subjectName,
} from '../html/view.js';
import { mdUncertain, mdUncertainLegend } from './confidence.js';
import { mdLink, mdText } from './escape.js';

const TONE_SIGN: Record<Tone, string> = { negative: '⊖', neutral: '○', positive: '⊕' };

function sign(tone: unknown): string {
  return tone === 'negative' || tone === 'positive' ? TONE_SIGN[tone] : TONE_SIGN.neutral;
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c || ' ').join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)];
}

function cite(view: StoryView, articles: readonly string[]): string {
  return articles
    .map((id) => view.column(id))
    .filter((c): c is Column => !!c)
    .map((c) => `[${mdText(c.short)}]`)
    .join(' ');
}

function outlets(view: StoryView): string[] {
  const rows = view.columns.map((c) => {
    const a = c.article;
    return [
      `**${mdText(c.short)}**`,
      `${mdText(c.outlet)}${a.opinion ? ` _(${a.opinion.kind === 'analysis' ? 'Analysis' : 'Opinion'}: ${mdText(a.opinion.reason)})_` : ''}`,
      a.published ? `${mdText(a.published)}${a.publishedInferred ? ' (inferred)' : ''}` : '_undated_',
      mdText(a.title || 'Untitled'),
      mdLink(a.url) ?? mdText(a.url ?? a.source),
      String(a.removed.length),
    ];
  });
  return ['## Outlets', '', ...table(['', 'Outlet', 'Date', 'Title', 'Source', 'Removed by cleaning'], rows)];
}

/** The story's coverage by leaning (a `parallax story` report from a library with an outlet directory). */
function spread(view: StoryView): string[] {
  const sp = view.story.spread;
  if (!sp) return [];
  const byValue = new Map(sp.groups.map((g) => [g.value, g]));
  const values = [
    ...sp.values,
    ...sp.groups.flatMap((g) => (g.value !== null && !sp.values.includes(g.value) ? [g.value] : [])),
  ];
  const rows = values.map((v) => {
    const g = byValue.get(v);
    return [mdText(v), String(g?.voices ?? 0), g ? mdText(g.outlets.map((o) => o.outlet).join(', ')) : '—'];
  });
  const unknown = byValue.get(null);
  if (unknown)
    rows.push([
      '_not in the directory_',
      String(unknown.voices),
      mdText(unknown.outlets.map((o) => o.outlet).join(', ')),
    ]);
  return [
    `## Coverage by ${sp.field}`,
    '',
    `${sp.voices} voice${sp.voices === 1 ? '' : 's'} (a near-copy of another article counts for nothing)${sp.blindspot === null ? '.' : `; a blindspot: only ${mdText(sp.blindspot)} covers it.`}`,
    '',
    ...table([mdText(sp.field[0]?.toUpperCase() + sp.field.slice(1)), 'Voices', 'Outlets'], rows),
  ];
}

function digest(view: StoryView): string[] {
  const items = view.story.digest.map((d, i) =>
    `${i + 1}. ${mdText(d.text)} ${cite(view, d.articles)}${mdUncertain(d.confidence)}`.trimEnd(),
  );
  const none = `_No digest. ${mdText(view.story.digestWithheld ?? 'The reports share too little that reads on its own as a neutral account.')}_`;
  return ['## Digest', '', ...(items.length ? items : [none])];
}

function actorCell(actor: Actor, col: Column): string {
  const labels = actor.labels.filter((l) => l.articles.includes(col.article.id));
  // A toned label shows the words that set its tone: "⊖ crooked mayor (crooked)".
  const why = (words: readonly string[] | undefined) =>
    words?.length ? ` (${mdText(words.join(', '))})` : '';
  if (labels.length)
    return labels
      .map((l) => `${sign(l.tone)} ${mdText(l.text)}${why(l.toneWords)}${mdUncertain(l.confidence)}`)
      .join('; ');
  const named = actor.mentions.filter((m) => m.article === col.article.id).length;
  return named ? `_named ×${named}_` : '—';
}

function actors(view: StoryView): string[] {
  const sorted = sortActors(view.story.actors);
  const labelled = sorted.filter((a) => a.labels.length > 0);
  const others = sorted.filter((a) => a.labels.length === 0);
  const out = ['## Actors', '', 'Labels each outlet used. Tone: ⊖ negative · ○ neutral · ⊕ positive.', ''];
  if (labelled.length) {
    const rows = labelled.map((a) => [
      `**${mdText(a.name)}** (${mdText(a.kind)}, ${a.mentions.length}×)${mdUncertain(a.confidence)}`,
      ...view.columns.map((c) => actorCell(a, c)),
    ]);
    out.push(...table(['Actor', ...view.columns.map((c) => mdText(c.short))], rows));
  } else {
    out.push('_No outlet attached a label to anyone._');
  }
  if (others.length) {
    out.push(
      '',
      `Also named, without labels: ${others.map((a) => `${mdText(a.name)} (${mdText(a.kind)}, ${a.mentions.length}×)${mdUncertain(a.confidence)}`).join(', ')}.`,
    );
  }
  out.push(...unnamedLine(view.story.unnamedActors ?? []));
  return out;
}

/**
 * How many unnamed people and groups the line lists at most, and how often the story must refer to one:
 * twice or in two outlets. A "spokesman" mentioned once is no character of the story; "the gunman" every
 * outlet follows is.
 */
const UNNAMED_SHOWN = 12;
const unnamedWorthShowing = (a: Actor) =>
  a.mentions.length >= 2 || new Set(a.mentions.map((m) => m.article)).size >= 2;

/** The unnamed cast as one line: described, not named, so shown apart from the actors table. */
function unnamedLine(unnamed: readonly Actor[]): string[] {
  const shown = unnamed.filter(unnamedWorthShowing);
  if (shown.length === 0) return [];
  const items = shown.slice(0, UNNAMED_SHOWN).map((a) => {
    const outlets = new Set(a.mentions.map((m) => m.article)).size;
    return `${mdText(a.name)} (${a.kind === 'group' ? 'group' : 'person'}, ${a.mentions.length}× in ${outlets} ${outlets === 1 ? 'article' : 'articles'})`;
  });
  const more = shown.length - items.length;
  return ['', `Referred to without a name: ${items.join(', ')}${more > 0 ? `, and ${more} more` : ''}.`];
}

function variantText(v: QuoteGroup['variants'][number]): string {
  if (!hasChanges(v.diff)) return mdText(v.text);
  return spacedDiff(v.diff)
    .map((p) => {
      const words = mdText(p.text);
      if (!words) return '';
      const marked = p.op === 'added' ? `**${words}**` : p.op === 'removed' ? `~~${words}~~` : words;
      return (p.space ? ' ' : '') + marked;
    })
    .join('');
}

function quotes(view: StoryView): string[] {
  const out = ['## Quotes', ''];
  if (view.story.quotes.length === 0) return [...out, '_No direct quotes._'];
  out.push('Against the fullest version of each quote: **added** words, ~~left-out~~ words.');
  for (const q of sortQuotes(view.story)) {
    const speaker = view.actor(q.speaker)?.name ?? 'Unattributed';
    const flags = discrepanciesOf(view.story, q.id).map((d) =>
      d.kind === 'wording' ? 'wording differs' : `${mdText(d.kind)} differs`,
    );
    out.push(
      '',
      `### ${mdText(speaker)}${flags.length ? ` — ${flags.join(', ')}` : ''}${mdUncertain(q.confidence)}`,
      '',
    );
    for (const v of q.variants) {
      const col = view.column(v.article);
      if (col) out.push(`- **${mdText(col.short)}**: “${variantText(v)}”`);
    }
  }
  return out;
}

function isExclusive(f: Fact): boolean {
  return f.exclusive ?? new Set(f.articles).size === 1;
}

function facts(view: StoryView): string[] {
  const { story } = view;
  if (story.facts.length === 0) return ['## Facts', '', '_No facts were aligned._'];
  // Shared facts first, widely reported first, then related coverage.
  const sorted = [...story.facts].sort(
    (a, b) =>
      Number(a.related === true) - Number(b.related === true) ||
      new Set(b.articles).size - new Set(a.articles).size,
  );
  const rows = sorted.map((f) => {
    const mark = f.related === true ? '≈' : '✓';
    return [
      `${mdText(f.text)}${isExclusive(f) ? ' _(exclusive)_' : ''}${f.related === true ? ' _(related coverage)_' : ''}${mdUncertain(f.confidence)}`,
      ...view.columns.map((c) => {
        if (!f.articles.includes(c.article.id)) return '';
        const notes = [
          ...(f.opinion?.includes(c.article.id) ? ['opinion'] : []),
          ...(f.extraDetail?.includes(c.article.id) ? ['adds detail'] : []),
        ];
        return notes.length ? `${mark} (${notes.join(', ')})` : mark;
      }),
    ];
  });
  const out = ['## Facts', '', ...table(['Fact', ...view.columns.map((c) => mdText(c.short))], rows)];
  if (sorted.some((f) => f.related === true))
    out.push(
      '',
      '_Related coverage_ (≈): the outlets write about the same point, but their sentences were not shown to state the same claim; compare them before treating it as a shared fact.',
    );
  if (sorted.some((f) => (f.extraDetail?.length ?? 0) > 0))
    out.push(
      '',
      "_Adds detail_: that outlet states the fact with more than another outlet's sentence says (an extra clause or argument); the part they share is the same claim.",
    );
  const exclusives = view.columns
    .map((c) => ({ c, own: sorted.filter((f) => isExclusive(f) && f.articles.includes(c.article.id)) }))
    .filter((x) => x.own.length > 0);
  if (exclusives.length) {
    out.push('', '### Only in one outlet', '');
    for (const { c, own } of exclusives)
      out.push(
        `- **${mdText(c.short)}**: ${own.map((f) => `${mdText(f.text)}${mdUncertain(f.confidence)}`).join(' · ')}`,
      );
  }
  return out;
}

function discrepancies(view: StoryView): string[] {
  const { story } = view;
  const out = ['## Discrepancies'];
  if (story.discrepancies.length === 0) return [...out, '', '_None found._'];
  const kinds = [...KIND_ORDER, ...story.discrepancies.map((d) => d.kind)].filter(
    (k, i, all) => all.indexOf(k) === i,
  );
  for (const kind of kinds) {
    const items = story.discrepancies.filter((d) => d.kind === kind);
    if (items.length === 0) continue;
    out.push('', `### ${KIND_TITLES[kind] ?? mdText(kind)}`, '');
    for (const d of items) {
      const values = d.values
        .map((v) => `“${mdText(v.value)}” ${cite(view, v.articles)}`.trimEnd())
        .join(' · ');
      out.push(
        `- **${mdText(subjectName(view, d))}**: ${values}${d.note ? `. ${mdText(d.note)}` : ''}${mdUncertain(d.confidence)}`,
      );
    }
  }
  return out;
}

function timeline(view: StoryView): string[] {
  const entries = [...view.story.timeline].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (entries.length === 0) return ['## Timeline', '', '_No dated events._'];
  return [
    '## Timeline',
    '',
    ...entries.map((t) =>
      `- **${mdText(formatDate(t.date))}** — ${mdText(t.text)} ${cite(view, t.articles)}`.trimEnd(),
    ),
  ];
}

function removed(view: StoryView): string[] {
  const lines = view.columns.flatMap((c) =>
    c.article.removed.map((r) => `- **${mdText(c.short)}** (${mdText(r.reason)}): ${mdText(r.text)}`),
  );
  return lines.length ? ['## Removed by cleaning', '', ...lines] : [];
}

/** Problems with an article's content the pipeline reported ("no publication date"). */
function notes(view: StoryView): string[] {
  const lines = view.columns.flatMap((c) =>
    c.article.messages.map((m) => `- **${mdText(c.short)}** (${mdText(m.code)}): ${mdText(m.message)}`),
  );
  return lines.length ? ['## Notes', '', ...lines] : [];
}

function story(s: Story, generatedAt: string, level: 1 | 2): string[] {
  const view = storyView(s);
  const hashes = '#'.repeat(level);
  const undated = view.columns.filter((c) => !c.article.published).length;
  const meta = [
    `${view.columns.length} article${view.columns.length === 1 ? '' : 's'} from ${view.outlets.length} outlet${view.outlets.length === 1 ? '' : 's'}`,
    undated ? `${undated} undated` : '',
    `generated ${mdText(generatedAt.slice(0, 10))}`,
  ].filter(Boolean);
  // Nested under a story heading when a report holds several, so every section keeps its own level.
  const sections = [outlets, spread, digest, actors, quotes, facts, discrepancies, timeline, removed, notes]
    .map((f) => f(view))
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.map((l) => (level === 2 && l.startsWith('#') ? `#${l}` : l)));
  const legend = mdUncertainLegend(s);
  return [
    `${hashes} ${mdText(s.title || 'Untitled story')}`,
    '',
    `_Parallax report · ${meta.join(' · ')}_`,
    ...(legend ? ['', legend] : []),
    ...sections.flatMap((l) => ['', ...l]),
  ];
}

export function renderMarkdown(report: Report): string {
  if (report.stories.length === 0) return '# Parallax report\n\n_This report holds no stories._\n';
  if (report.stories.length === 1 && report.stories[0])
    return `${story(report.stories[0], report.generatedAt, 1).join('\n')}\n`;
  const lines = [`# Parallax report: ${report.stories.length} stories`];
  for (const s of report.stories) lines.push('', ...story(s, report.generatedAt, 2));
  return `${lines.join('\n')}\n`;
}
