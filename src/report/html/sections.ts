// The findings of one story as page sections: header, digest, actors, quotes, facts, discrepancies,
// timeline. Each finding is a button carrying its evidence (see parts.ts), so a click shows the words in
// the article they came from. Everything here is built with the escaping `html` tag.
import type { Actor, Discrepancy, DiscrepancyKind, Fact, QuoteGroup, Story } from '../../model/report.js';
import { html, join, type SafeHtml } from '../escape.js';
import {
  labelWithConfidence,
  storyUncertainCount,
  uncertainClass,
  uncertainMark,
  uncertainToggle,
} from './confidence.js';
import {
  chip,
  dateText,
  evidence,
  knownTone,
  opinionBadge,
  outletClass,
  pill,
  plural,
  type Range,
  tonePill,
} from './parts.js';
import { discrepancyOpener, factOpener, quoteOpener } from './side-by-side.js';
import { reportSpreadBlock } from './spread-bar.js';
import {
  type Column,
  clip,
  discrepanciesOf,
  formatDate,
  hasChanges,
  KIND_ORDER,
  KIND_TITLES,
  locate,
  type StoryView,
  sortActors,
  sortQuotes,
  spacedDiff,
  spansIn,
  subjectName,
} from './view.js';

/** The page's sections in order: the id suffix of each and its title in the navigation bar. */
export const SECTIONS: readonly [string, string][] = [
  ['digest', 'Digest'],
  ['actors', 'Actors'],
  ['quotes', 'Quotes'],
  ['facts', 'Facts'],
  ['discrepancies', 'Discrepancies'],
  ['timeline', 'Timeline'],
  ['articles', 'Articles'],
];

/**
 * The anchor of a fact or an actor row, for a permalink to it (`/stories/12#fact-f3`): the first story of a
 * report gets the plain form, later ones (a report of several stories) their story's prefix.
 */
function findingId(si: number, kind: 'fact' | 'actor', id: string): string {
  return `${si === 0 ? '' : `s${si}-`}${kind}-${id}`;
}

/** A small link to a finding's own address, to copy or share; the finding is highlighted when opened by it. */
function permalink(anchor: string, what: string): SafeHtml {
  return html`<a class="permalink" href="#${anchor}" title="Link to this ${what}" aria-label="Link to this ${what}">#</a>`;
}

/** What the host shows beside a finding (the web app's notes on it), after its permalink. */
function findingExtra(view: StoryView, anchor: string): SafeHtml | string {
  return view.findingExtra?.(anchor) ?? '';
}

function discrepancyId(story: Story, si: number, d: Discrepancy): string {
  return `s${si}-d${story.discrepancies.indexOf(d)}`;
}

function sectionHead(
  id: string,
  title: string,
  count: number,
  lede: string,
  aside: SafeHtml | string = '',
): SafeHtml {
  return html`<header class="section-head"><div><h2 id="${id}-h">${title} <span class="count">${count}</span></h2><p class="lede">${lede}</p></div>${aside}</header>`;
}

function empty(text: string): SafeHtml {
  return html`<p class="empty">${text}</p>`;
}

// ── Header ──────────────────────────────────────────────────────────────────────────────────────────────

// A story of 60 outlets would open on 60 article cards and 60 filter chips: the first few are shown and the
// rest fold behind "more" (a <details>, so it works without the script).
const HEADER_CARDS = 12;
const NAV_CHIPS = 10;

function outletCard(c: Column): SafeHtml {
  return html`<li><button type="button" class="outlet-card ${outletClass(c.o)}"${evidence(c)}>
        <span class="name">${c.outlet}${opinionBadge(c)}</span>
        <span class="date${c.article.published ? '' : ' undated'}">${dateText(c)}</span>
        <span class="headline">${c.article.title || 'Untitled'}</span>
      </button></li>`;
}

export function renderHeader(view: StoryView, generatedAt: string): SafeHtml {
  const { story, columns } = view;
  const dates = columns
    .map((c) => c.article.published)
    .filter((d): d is string => !!d)
    .sort();
  const undated = columns.length - dates.length;
  const first = dates[0];
  const last = dates.at(-1);
  const span =
    first && last
      ? first === last
        ? formatDate(first)
        : `${formatDate(first)} – ${formatDate(last)}`
      : null;
  const meta = [
    plural(columns.length, 'article'),
    plural(view.outlets.length, 'outlet'),
    span,
    undated ? `${undated} undated` : null,
  ].filter((x): x is string => !!x);
  const labels = story.actors.flatMap((a) => a.labels);
  const negative = labels.filter((l) => knownTone(l.tone) === 'negative').length;
  const reworded = story.quotes.filter((q) =>
    discrepanciesOf(story, q.id).some((d) => d.kind === 'wording'),
  ).length;
  const exclusive = story.facts.filter(isExclusive).length;
  const related = story.facts.filter((f) => f.related === true).length;
  const stats: [number, string, string][] = [
    [story.actors.length, 'actors', `${labels.length} labels, ${negative} negative`],
    [story.quotes.length, 'quotes', `${reworded} reworded`],
    [
      story.facts.length,
      'facts',
      `${exclusive} in one outlet only${related ? `, ${related} related coverage` : ''}`,
    ],
    [
      story.discrepancies.length,
      'discrepancies',
      plural(new Set(story.discrepancies.map((d) => d.kind)).size, 'kind'),
    ],
  ];
  return html`<header class="hero">
  <div class="wrap">
    <p class="eyebrow">Parallax · coverage comparison</p>
    <h1>${story.title || 'Untitled story'}</h1>
    <p class="meta">${join(meta, html`<span class="sep">·</span>`)}<span class="sep">·</span>generated ${generatedAt.slice(0, 10)}</p>
    <ul class="outlet-cards">${columns.slice(0, HEADER_CARDS).map(outletCard)}</ul>${
      columns.length > HEADER_CARDS
        ? html`<details class="more-cards"><summary>${plural(columns.length - HEADER_CARDS, 'more article')}</summary><ul class="outlet-cards">${columns.slice(HEADER_CARDS).map(outletCard)}</ul></details>`
        : ''
    }
    <dl class="stats">${stats.map(
      ([n, what, detail]) =>
        html`<div><dt>${what}</dt><dd><strong>${n}</strong> <span>${detail}</span></dd></div>`,
    )}</dl>${story.spread ? reportSpreadBlock(story.spread) : ''}
  </div>
</header>`;
}

/** The sticky bar: section links, and outlet toggles that dim every other outlet's findings. */
export function renderNav(view: StoryView, si: number): SafeHtml {
  const links = SECTIONS.map(([id, title]) => html`<li><a href="#s${si}-${id}">${title}</a></li>`);
  const toggles = view.outlets.map(
    (o) =>
      html`<button type="button" class="chip toggle ${outletClass(o.o)}" data-filter="${o.o}" data-o="${o.o}" aria-pressed="false" title="Show only ${o.name} (click more outlets to add them)">${o.short}</button>`,
  );
  return html`<nav class="bar" aria-label="Sections and outlet filter"><div class="wrap bar-inner">
  <ul class="sections">${links}</ul>
  <div class="filter" role="group" aria-label="Outlet filter"><span class="filter-label">Focus</span>${toggles.slice(0, NAV_CHIPS)}${
    toggles.length > NAV_CHIPS
      ? html`<details class="more-chips"><summary>+${toggles.length - NAV_CHIPS} more</summary><div class="chip-pop">${toggles.slice(NAV_CHIPS)}</div></details>`
      : ''
  }<button type="button" class="filter-clear" hidden>Show all</button>${uncertainToggle(si, storyUncertainCount(view.story))}</div>
</div></nav>`;
}

// ── Digest ──────────────────────────────────────────────────────────────────────────────────────────────

function citations(
  view: StoryView,
  articles: readonly string[],
  ev: Parameters<typeof spansIn>[0],
): SafeHtml[] {
  return articles.flatMap((id) => {
    const col = view.column(id);
    return col ? [chip(col, spansIn(ev, id))] : [];
  });
}

export function renderDigest(view: StoryView, si: number): SafeHtml {
  const { digest } = view.story;
  const body = digest.length
    ? html`<ol class="digest card">${digest.map(
        (d) =>
          html`<li class="${uncertainClass(d.confidence)}"><span class="sentence">${d.text}</span>${uncertainMark(d.confidence, 'digest sentence')} <span class="cites">${citations(view, d.articles, d.evidence)}</span></li>`,
      )}</ol>`
    : empty(
        `No digest. ${view.story.digestWithheld ?? 'The reports share too little that reads on its own as a neutral account.'}`,
      );
  return html`<section id="s${si}-digest" class="section" aria-labelledby="s${si}-digest-h">
  ${sectionHead(`s${si}-digest`, 'Digest', digest.length, 'What the outlets report, in neutral words. Each sentence cites the articles it rests on; click a source to read it there.')}
  ${body}
</section>`;
}

// ── Actors ──────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Every outlet column keeps at least this width, and the matrix scrolls sideways instead: squeezing 60
 * columns into a screen broke labels one letter per line.
 */
const MIN_COLUMN_PX = 164;
const ROW_HEAD_PX = 220;

/** The inline minimum width of a matrix with these columns (the stylesheet cannot count them). */
function matrixWidth(view: StoryView): SafeHtml {
  return html` style="min-width:${ROW_HEAD_PX + view.columns.length * MIN_COLUMN_PX}px"`;
}

function columnHeads(view: StoryView, first: string): SafeHtml {
  return html`<thead><tr><th scope="col" class="corner">${first}</th>${view.columns.map(
    (c) =>
      html`<th scope="col" data-o="${c.o}">${chip(c)}<span class="col-date${c.article.published ? '' : ' undated'}">${dateText(c)}</span></th>`,
  )}</tr></thead>`;
}

function actorCell(actor: Actor, col: Column): SafeHtml {
  const id = col.article.id;
  const labels = actor.labels.filter((l) => l.articles.includes(id));
  const mentions = spansIn(actor.mentions, id);
  if (labels.length) {
    return html`<td data-o="${col.o}">${labels.map((l) => {
      // Where the outlet wrote the label; without label evidence, its first mention of the actor.
      const ranges: Range[] = spansIn(l.evidence, id);
      return labelWithConfidence(l, pill(l, col, ranges.length ? ranges : mentions.slice(0, 1)));
    })}</td>`;
  }
  if (mentions.length) {
    return html`<td data-o="${col.o}"><button type="button" class="mentioned"${evidence(col, mentions)} title="Named without a label">named ×${mentions.length}</button></td>`;
  }
  return html`<td data-o="${col.o}" class="absent"><span aria-label="not mentioned">—</span></td>`;
}

function actorBadges(view: StoryView, si: number, actor: Actor): SafeHtml[] {
  return discrepanciesOf(view.story, actor.id).map(
    (d) =>
      html`<a class="badge warn" href="#${discrepancyId(view.story, si, d)}">${d.kind === 'spelling' ? 'spelled differently' : 'titles differ'}</a>`,
  );
}

// A reader scans a few dozen rows; a 400-article story has thousands of actors and facts. The matrices
// show the most important rows (the order puts them first) and say how many more there are; the JSON
// report keeps everything.
const MAX_ACTOR_ROWS = 60;
/** Actor rows and unlabelled names shown before "more": a screenful, the most mentioned first. */
const TOP_ACTORS = 12;
/** Chips after an unlabelled name: a name in 50 articles would otherwise trail 50 chips. */
const MAX_NAME_CHIPS = 8;
const MAX_UNLABELLED = 60;
const MAX_FACT_ROWS = 120;
const MAX_EXCLUSIVES_PER_OUTLET = 12;

function moreNote(shown: number, total: number, what: string): SafeHtml | string {
  return total > shown
    ? html`<p class="more-note">Showing ${shown} of ${total} ${what}; report.json holds them all.</p>`
    : '';
}

export function renderActors(view: StoryView, si: number): SafeHtml {
  const actors = sortActors(view.story.actors);
  const allLabelled = actors.filter((a) => a.labels.length > 0);
  const allUnlabelled = actors.filter((a) => a.labels.length === 0);
  const labelled = allLabelled.slice(0, MAX_ACTOR_ROWS);
  const unlabelled = allUnlabelled.slice(0, MAX_UNLABELLED);
  // An actor named without a label, with a chip per article naming them (at most MAX_NAME_CHIPS, then a count).
  const namedOnly = (a: Actor) => {
    const cols = view.columns.filter((c) => a.mentions.some((m) => m.article === c.article.id));
    return html`<li class="${uncertainClass(a.confidence)}"><span class="actor-name">${a.name}</span>${uncertainMark(a.confidence, 'merge')} <span class="actor-meta">${a.kind} · ${a.mentions.length}×</span> ${cols
      .slice(0, MAX_NAME_CHIPS)
      .map((c) =>
        chip(c, spansIn(a.mentions, c.article.id)),
      )}${cols.length > MAX_NAME_CHIPS ? html`<span class="actor-meta">and ${cols.length - MAX_NAME_CHIPS} more</span>` : ''}</li>`;
  };
  const legend = html`<div class="legend" aria-label="Tone legend">${tonePill('negative', 'negative')}${tonePill('neutral', 'neutral')}${tonePill('positive', 'positive')}</div>`;
  const actorRow = (a: Actor) =>
    html`<tr class="${uncertainClass(a.confidence)}" id="${findingId(si, 'actor', a.id)}"><th scope="row"><span class="actor-name">${a.name}</span>${uncertainMark(a.confidence, 'merge')}<span class="actor-meta">${a.kind} · ${plural(a.mentions.length, 'mention')}</span>${permalink(findingId(si, 'actor', a.id), 'actor')}${findingExtra(view, findingId(si, 'actor', a.id))}${actorBadges(view, si, a)}</th>${view.columns.map(
      (c) => actorCell(a, c),
    )}</tr>`;
  const table = (rows: readonly Actor[]) =>
    html`<div class="table-wrap"><table class="matrix actors"${matrixWidth(view)}>${columnHeads(view, 'Actor')}<tbody>${rows.map(actorRow)}</tbody></table></div>`;
  const top = labelled.slice(0, TOP_ACTORS);
  const rest = labelled.slice(TOP_ACTORS);
  const matrix = labelled.length
    ? html`${table(top)}${rest.length ? html`<details class="more-rows"><summary>${plural(rest.length, 'more labelled actor')}</summary>${table(rest)}</details>` : ''}`
    : empty('No outlet attached a label to anyone.');
  const matrixNote = moreNote(labelled.length, allLabelled.length, 'labelled actors');
  const others = unlabelled.length
    ? html`<div class="also"><h3 class="subhead">Also named, without labels</h3><ul>${unlabelled.slice(0, TOP_ACTORS).map(namedOnly)}</ul>${
        unlabelled.length > TOP_ACTORS
          ? html`<details class="more-rows"><summary>${plural(unlabelled.length - TOP_ACTORS, 'more name')}</summary><ul>${unlabelled.slice(TOP_ACTORS).map(namedOnly)}</ul></details>`
          : ''
      }${moreNote(unlabelled.length, allUnlabelled.length, 'actors named without labels')}</div>`
    : '';
  return html`<section id="s${si}-actors" class="section" aria-labelledby="s${si}-actors-h">
  ${sectionHead(`s${si}-actors`, 'Actors', actors.length, 'Who is in the story and what each outlet calls them. Hover a label for the words that set its tone; click it to see the sentence.', legend)}
  ${matrix}
  ${matrixNote}
  ${others}
</section>`;
}

// ── Quotes ──────────────────────────────────────────────────────────────────────────────────────────────

function quoteText(v: QuoteGroup['variants'][number]): SafeHtml {
  if (!hasChanges(v.diff)) return html`${v.text}`;
  return join(
    spacedDiff(v.diff).map((p) => {
      const gap = p.space ? ' ' : '';
      if (p.op === 'added') return html`${gap}<ins title="Only in this outlet's version">${p.text}</ins>`;
      if (p.op === 'removed')
        return html`${gap}<del title="In the fullest version, left out here">${p.text}</del>`;
      return html`${gap}${p.text}`;
    }),
  );
}

function quoteBadges(view: StoryView, si: number, q: QuoteGroup): SafeHtml[] {
  const own = discrepanciesOf(view.story, q.id).map((d) => {
    const text =
      d.kind === 'wording' ? 'wording differs' : d.kind === 'attribution' ? 'attribution differs' : d.kind;
    return html`<a class="badge ${d.kind === 'attribution' ? 'alert' : 'warn'}" href="#${discrepancyId(view.story, si, d)}">${text}</a>`;
  });
  const outlets = new Set(q.variants.map((v) => view.column(v.article)?.o));
  if (outlets.size === 1) own.push(html`<span class="badge">one outlet only</span>`);
  return own;
}

export function renderQuotes(view: StoryView, si: number): SafeHtml {
  const groups = sortQuotes(view.story);
  const body = groups.length
    ? html`<div class="quote-list">${groups.map((q) => {
        const speaker = view.actor(q.speaker);
        const reference = q.variants.some((v) => hasChanges(v.diff));
        return html`<article class="quote card${uncertainClass(q.confidence)}" id="s${si}-q-${q.id}">
  <header><span class="speaker">${speaker?.name ?? 'Unattributed'}</span>${uncertainMark(q.confidence, 'speaker')}${speaker ? html`<span class="actor-meta">${speaker.kind}</span>` : ''}<span class="badges">${quoteBadges(view, si, q)}${quoteOpener(view, q)}${permalink(`s${si}-q-${q.id}`, 'quote')}${findingExtra(view, `s${si}-q-${q.id}`)}</span></header>
  <ul class="variants">${q.variants.map((v) => {
    const col = view.column(v.article);
    if (!col) return '';
    const note = reference && !hasChanges(v.diff) ? html`<span class="ref">fullest version</span>` : '';
    return html`<li class="variant" role="button" tabindex="0"${evidence(col, [v])}>${chip(col, [v])}<q>${quoteText(v)}</q>${note}</li>`;
  })}</ul>
</article>`;
      })}</div>`
    : empty('No direct quotes were found.');
  return html`<section id="s${si}-quotes" class="section" aria-labelledby="s${si}-quotes-h">
  ${sectionHead(
    `s${si}-quotes`,
    'Quotes',
    groups.length,
    'Each quote as every outlet printed it. Against the fullest version, words only this outlet has are highlighted and words it left out are struck through.',
    html`<div class="legend"><span class="diff-key"><ins>added</ins></span><span class="diff-key"><del>left out</del></span></div>`,
  )}
  ${body}
</section>`;
}

// ── Facts ───────────────────────────────────────────────────────────────────────────────────────────────

function isExclusive(f: Fact): boolean {
  return f.exclusive ?? new Set(f.articles).size === 1;
}

/** What a "related coverage" fact means, for its badge. */
export const RELATED_NOTE =
  'The outlets write about the same point, but their sentences were not shown to state the same claim: compare them before treating it as a shared fact.';

/**
 * What the ⁺ of an outlet's mark says (Fact.extraDetail): its sentence states the fact with more, e.g. "shares
 * rose 4 percent, having hit a record high" where the others say "shares rose 4 percent".
 */
export const DETAIL_NOTE = "adds detail another outlet's sentence lacks";

export function renderFacts(view: StoryView, si: number): SafeHtml {
  const { story } = view;
  // Shared facts first, widely reported first, then related coverage; the original order breaks ties (sort
  // is stable).
  const facts = [...story.facts].sort(
    (a, b) =>
      Number(a.related === true) - Number(b.related === true) ||
      new Set(b.articles).size - new Set(a.articles).size,
  );
  const row = (f: Fact) => {
    const exclusive = isExclusive(f);
    const related = f.related === true;
    const flags = discrepanciesOf(story, f.id).map(
      (d) =>
        html`<a class="badge warn" href="#${discrepancyId(story, si, d)}">${d.kind === 'number' ? 'numbers differ' : d.kind === 'date' ? 'dates differ' : `${d.kind} differs`}</a>`,
    );
    return html`<tr class="${exclusive ? 'exclusive' : related ? 'related' : ''}${uncertainClass(f.confidence)}" id="${findingId(si, 'fact', f.id)}"><th scope="row">${factOpener(view, f)}${uncertainMark(f.confidence, 'fact')}${permalink(findingId(si, 'fact', f.id), 'fact')}${findingExtra(view, findingId(si, 'fact', f.id))}${exclusive ? html`<span class="badge excl">exclusive</span>` : ''}${related ? html`<span class="badge related" title="${RELATED_NOTE}">related coverage</span>` : ''}${f.opinion?.length ? html`<span class="badge opinion" title="Given by an opinion or analysis piece">opinion</span>` : ''}${flags}</th>${view.columns.map(
      (c) => {
        const spans = spansIn(f.evidence, c.article.id);
        if (!f.articles.includes(c.article.id) && spans.length === 0)
          return html`<td data-o="${c.o}" class="absent"><span aria-label="not reported">·</span></td>`;
        const detail = f.extraDetail?.includes(c.article.id) === true;
        const who = `${c.outlet}${f.opinion?.includes(c.article.id) ? ' (opinion piece)' : ''}${detail ? `, ${DETAIL_NOTE}` : ''}`;
        const verb = related ? 'Related coverage in' : 'Reported by';
        const mark = `${f.opinion?.includes(c.article.id) ? 'ᵒ' : ''}${related ? '≈' : '✓'}${detail ? '⁺' : ''}`;
        return html`<td data-o="${c.o}"><button type="button" class="check ${outletClass(c.o)}"${evidence(c, spans)} title="${verb} ${who}" aria-label="${verb} ${who}">${mark}</button></td>`;
      },
    )}</tr>`;
  };
  const shown = facts.slice(0, MAX_FACT_ROWS);
  const matrix = facts.length
    ? html`<div class="table-wrap"><table class="matrix facts"${matrixWidth(view)}>${columnHeads(view, 'Fact')}<tbody>${shown.map(row)}</tbody></table></div>${moreNote(shown.length, facts.length, 'facts, the most widely reported first')}`
    : empty('No facts were aligned across the articles.');
  const byColumn = view.columns
    .map((c) => ({ c, facts: facts.filter((f) => isExclusive(f) && f.articles.includes(c.article.id)) }))
    .filter((x) => x.facts.length > 0);
  const exclusives = byColumn.length
    ? html`<div class="exclusives"><h3 class="subhead">Only in one outlet</h3><div class="excl-grid">${byColumn.map(
        ({ c, facts: own }) =>
          html`<div class="excl-card card" data-o="${c.o}"><div class="excl-head">${chip(c)}<span class="actor-meta">${plural(own.length, 'exclusive fact')}</span></div><ul class="plain">${own
            .slice(0, MAX_EXCLUSIVES_PER_OUTLET)
            .map(
              (f) =>
                html`<li class="${uncertainClass(f.confidence)}"><button type="button" class="linklike"${evidence(c, spansIn(f.evidence, c.article.id))}>${f.text}</button>${uncertainMark(f.confidence, 'fact')}</li>`,
            )}</ul>${own.length > MAX_EXCLUSIVES_PER_OUTLET ? html`<p class="more-note">and ${own.length - MAX_EXCLUSIVES_PER_OUTLET} more</p>` : ''}</div>`,
      )}</div></div>`
    : '';
  return html`<section id="s${si}-facts" class="section" aria-labelledby="s${si}-facts-h">
  ${sectionHead(`s${si}-facts`, 'Facts', facts.length, 'Which outlet reports what. A tick opens the sentence; a tick with + marks a sentence adding detail the others lack; facts only one outlet reports are marked and listed below.')}
  ${matrix}
  ${exclusives}
</section>`;
}

// ── Discrepancies ───────────────────────────────────────────────────────────────────────────────────────

function discrepancyCard(view: StoryView, si: number, d: Discrepancy): SafeHtml {
  const values = d.values.map((v) => {
    const cols = v.articles.map((id) => view.column(id)).filter((c): c is Column => !!c);
    const found = cols.map((c) => ({ c, at: locate(c.article, v.value) }));
    const target = found.find((x) => x.at) ?? found[0];
    const button = target
      ? html`<button type="button" class="value"${evidence(target.c, target.at ? [target.at] : [])}>${v.value}</button>`
      : html`<span class="value">${v.value}</span>`;
    return html`<li>${button}<span class="cites">${found.map(({ c, at }) => chip(c, at ? [at] : []))}</span></li>`;
  });
  return html`<article class="disc${uncertainClass(d.confidence)}" id="${discrepancyId(view.story, si, d)}">
  <h4>${clip(subjectName(view, d), 140)}${uncertainMark(d.confidence, 'discrepancy')}${findingExtra(view, discrepancyId(view.story, si, d))}</h4>
  <ul class="values">${values}</ul>
  <p class="note">${d.note}${discrepancyOpener(view, d)}</p>
</article>`;
}

export function renderDiscrepancies(view: StoryView, si: number): SafeHtml {
  const { story } = view;
  const kinds = [...KIND_ORDER, ...new Set(story.discrepancies.map((d) => d.kind))].filter(
    (k, i, all) => all.indexOf(k) === i,
  ) as DiscrepancyKind[];
  const groups = kinds
    .map((kind) => ({ kind, items: story.discrepancies.filter((d) => d.kind === kind) }))
    .filter((g) => g.items.length > 0);
  const body = groups.length
    ? join(
        groups.map(
          (g) =>
            html`<div class="disc-group card"><h3 class="group-title">${KIND_TITLES[g.kind] ?? g.kind} <span class="count">${g.items.length}</span></h3>${g.items.map(
              (d) => discrepancyCard(view, si, d),
            )}</div>`,
        ),
      )
    : empty('The outlets do not contradict each other on titles, names, numbers, dates or quotes.');
  return html`<section id="s${si}-discrepancies" class="section" aria-labelledby="s${si}-discrepancies-h">
  ${sectionHead(`s${si}-discrepancies`, 'Discrepancies', story.discrepancies.length, 'Where the outlets disagree: each value with the outlets that print it. Click a value to find it in the article.')}
  ${body}
</section>`;
}

// ── Timeline ────────────────────────────────────────────────────────────────────────────────────────────

export function renderTimeline(view: StoryView, si: number): SafeHtml {
  // ISO dates of any precision sort as strings ("2025" < "2025-06" < "2025-06-10"); the sort is stable.
  const entries = [...view.story.timeline].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const body = entries.length
    ? html`<ol class="timeline">${entries.map((t) => {
        const cols = t.articles.map((id) => view.column(id)).filter((c): c is Column => !!c);
        const first = cols[0];
        const text = first
          ? html`<button type="button" class="linklike entry"${evidence(first, spansIn(t.evidence, first.article.id))}>${t.text}</button>`
          : html`<span class="entry">${t.text}</span>`;
        return html`<li><time class="when" datetime="${t.date}">${formatDate(t.date)}</time><div class="what">${text}<span class="cites">${cols.map((c) => chip(c, spansIn(t.evidence, c.article.id)))}</span></div></li>`;
      })}</ol>`
    : empty('No dated events were found.');
  return html`<section id="s${si}-timeline" class="section" aria-labelledby="s${si}-timeline-h">
  ${sectionHead(`s${si}-timeline`, 'Timeline', entries.length, 'Dated events as the articles place them, oldest first.')}
  <div class="card timeline-card">${body}</div>
</section>`;
}
