// The article views: each article's cleaned text, paragraph by paragraph, with what cleaning removed.
// Every paragraph carries its offsets (data-s, data-e) into the article text, and holds exactly
// text.slice(s, e), so the page script can wrap any evidence range in <mark> by offset alone.
import { html, type SafeHtml, safeHref } from '../escape.js';
import { dateText, evidence, knownTone, opinionBadge, outletClass } from './parts.js';
import type { Column, StoryView } from './view.js';

/**
 * Cleaned text has one paragraph per line (blank lines between). A short line that does not end like a
 * sentence is a subheading ("What we know"). Used only for reports that carry no paragraph layer; a miss
 * only changes the typeface.
 */
const HEADING_MAX = 80;
const SENTENCE_END = /[.!?:;,"'”’)\]…—-]$/;

export function paragraphs(text: string): { start: number; end: number; heading: boolean }[] {
  const out: { start: number; end: number; heading: boolean }[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const line = m[0];
    if (!line.trim()) continue;
    const trimmed = line.trim();
    const heading = out.length > 0 && trimmed.length <= HEADING_MAX && !SENTENCE_END.test(trimmed);
    out.push({ start: m.index, end: m.index + line.length, heading });
  }
  return out;
}

function articleBody(c: Column): SafeHtml {
  const { text } = c.article;
  // The annotator's paragraph layer knows the headings; reports written without it fall back to a guess.
  const paras = c.article.paragraphs
    ? c.article.paragraphs.map((p) => ({ start: p.start, end: p.end, heading: p.kind === 'heading' }))
    : paragraphs(text);
  if (paras.length === 0) return html`<p class="empty">This article has no text after cleaning.</p>`;
  return html`${paras.map((p) =>
    p.heading
      ? html`<h4 data-s="${p.start}" data-e="${p.end}">${text.slice(p.start, p.end)}</h4>`
      : html`<p data-s="${p.start}" data-e="${p.end}">${text.slice(p.start, p.end)}</p>`,
  )}`;
}

/** What the comparison found in this article, for the side panel: the counts a reader scans first. */
function findingsIn(view: StoryView, c: Column): SafeHtml {
  const id = c.article.id;
  const labels = view.story.actors.flatMap((x) => x.labels).filter((l) => l.articles.includes(id));
  const tones = (t: string) => labels.filter((l) => knownTone(l.tone) === t).length;
  const quotes = view.story.quotes.filter((q) => q.variants.some((v) => v.article === id)).length;
  const facts = view.story.facts.filter((f) => f.articles.includes(id));
  const exclusive = facts.filter((f) => f.exclusive ?? new Set(f.articles).size === 1).length;
  const rows: [string, string][] = [
    ['Labels', `${labels.length} (${tones('negative')} negative, ${tones('positive')} positive)`],
    ['Quotes', String(quotes)],
    ['Facts', `${facts.length} (${exclusive} exclusive)`],
    ['Words', String(c.article.text.split(/\s+/).filter(Boolean).length)],
  ];
  return html`<dl class="in-article">${rows.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>`;
}

function articleView(view: StoryView, c: Column, si: number): SafeHtml {
  const a = c.article;
  const href = safeHref(a.url);
  // A URL that is not http(s) is shown as text, never as a link ("javascript:…" stays inert).
  const url = a.url
    ? href
      ? html`<a href="${href}" rel="noopener noreferrer nofollow" target="_blank">${a.url}</a>`
      : html`<span class="url-text">${a.url}</span>`
    : '';
  const removed = a.removed.length
    ? html`<details class="removed"><summary>Removed by cleaning (${a.removed.length})</summary><ul>${a.removed.map(
        (r) =>
          html`<li><span class="reason">${r.reason}</span><span class="removed-text">${r.text}</span></li>`,
      )}</ul></details>`
    : html`<p class="removed none">Nothing was removed by cleaning.</p>`;
  const messages = a.messages.length
    ? html`<ul class="messages">${a.messages.map((m) => html`<li><code>${m.code}</code> ${m.message}</li>`)}</ul>`
    : '';
  return html`<article class="article-view card ${outletClass(c.o)}" id="s${si}-art-${c.k}" data-k="${c.k}" data-o="${c.o}" data-outlet="${c.outlet}" data-short="${c.short}" data-date="${dateText(c)}">
  <header>
    <p class="outlet-name">${c.outlet}${opinionBadge(c)}</p>
    <h3>${a.title || 'Untitled'}</h3>
    <p class="article-meta"><span class="${a.published ? '' : 'undated'}">${dateText(c)}</span><span class="sep">·</span><span class="source" title="Source as given">${a.source}</span>${url ? html`<span class="sep">·</span>${url}` : ''}</p>
    ${messages}
  </header>
  <div class="body">${articleBody(c)}</div>
  <aside class="article-side"><h4>In this article</h4>${findingsIn(view, c)}${removed}</aside>
</article>`;
}

export function renderArticles(view: StoryView, si: number): SafeHtml {
  return html`<section id="s${si}-articles" class="section" aria-labelledby="s${si}-articles-h">
  <header class="section-head"><div><h2 id="s${si}-articles-h">Articles <span class="count">${view.columns.length}</span></h2><p class="lede">The cleaned text of every article. Findings you click are highlighted here.</p></div></header>
  <div class="tabs" role="tablist">${view.columns.map(
    (c) =>
      html`<button type="button" class="tab ${outletClass(c.o)}" role="tab" aria-selected="${c.k === 0 ? 'true' : 'false'}" aria-controls="s${si}-art-${c.k}"${evidence(c)}><span class="tab-outlet">${c.short}</span><span class="tab-title">${c.article.title || 'Untitled'}</span></button>`,
  )}</div>
  <div class="article-views">${view.columns.map((c) => articleView(view, c, si))}</div>
</section>`;
}
