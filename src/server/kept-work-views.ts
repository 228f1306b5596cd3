// The pages and page parts of the user's kept work: notes beside findings and on a story's page, the notes
// page, the note forms, saved searches with their new results, and the search page's "save" form. Every
// note, name and query is the user's own text and goes through the escaping `html` template like corpus
// text does; forms post to this server only (form-action 'self') and carry the token field when serve asks
// writers for one.

import type { Story } from '../model/report.js';
import { html, type SafeHtml } from '../report/escape.js';
import { findingLabel } from '../store/kept-work.js';
import type { NoteRecord, SavedSearch } from '../store/store.js';
import { page, tokenField } from './pages.js';

/** Characters of a note shown beside its finding; the whole note is in the story's notes panel. */
const INLINE_NOTE_CHARS = 160;

export const KEEP_STYLE = `
.kept-notes{display:inline;margin-left:.4em}
.kept-note{display:inline-block;max-width:28em;margin:.15em .3em 0 0;padding:0 .35em;border-radius:.3em;background:#fff4c2;color:#3b3000;font-size:.85em;font-weight:normal;white-space:normal;overflow-wrap:break-word;text-decoration:none}
.add-note{font-size:.8em;font-weight:normal;margin-left:.3em;white-space:nowrap}
.notes-panel .note-item{margin:.4em 0;padding:.4em .6em;border-left:3px solid #e0c040;background:#fffbea;color:#222}
.notes-panel .note-text,.notes-list .note-text{white-space:pre-wrap;overflow-wrap:break-word;margin:.2em 0}
.note-gone{color:#8a3b00;font-weight:600}
.new-badge{display:inline-block;padding:0 .45em;border-radius:.8em;background:#1a6b2f;color:#fff;font-size:.85em}
.new-badge.none{background:#ddd;color:#333}
form.inline-form{display:inline}
.saved-list th,.saved-list td,.notes-list th,.notes-list td{text-align:left;vertical-align:top;padding:.35em .6em}
.saved-list td.num{text-align:right}
.saved-list td:first-child button{text-align:left}
@media (prefers-color-scheme: dark){.kept-note{background:#4a3f10;color:#fff3c0}.notes-panel .note-item{background:#2b2612;color:#eee}.new-badge.none{background:#444;color:#ddd}}
`;

function clipText(text: string, chars: number): string {
  const points = [...text];
  return points.length <= chars ? text : `${points.slice(0, chars).join('').trimEnd()}…`;
}

/** "fact-f3" → "fact f3", "s0-q-q1" → "quote q1", "s0-d2" → "discrepancy d2", "s1-actor-a4" → "actor a4 (story 2)". */
export function describeFinding(anchor: string): string {
  const match = /^(?:s(\d+)-)?(fact|actor|q|d)-?(.+)$/.exec(anchor);
  if (!match) return anchor;
  const [, story, kind, id] = match;
  const noun = { fact: 'fact', actor: 'actor', q: 'quote', d: 'discrepancy' }[kind as 'fact'];
  const label = kind === 'd' ? `d${id}` : id;
  return `${noun} ${label}${story && story !== '0' ? ` (story ${Number(story) + 1})` : ''}`;
}

/**
 * What each finding of a story's page says, by its anchor (the first story of a report, as the web app
 * shows it): a fact's wording, an actor's name, a quote's longest printing, a discrepancy's kind and values.
 * A note keeps its finding's label, so that a finding renumbered by re-clustering is found again by it.
 */
export function findingLabels(story: Story): Map<string, string> {
  const labels = new Map<string, string>();
  const add = (anchor: string, label: string) => {
    const kept = findingLabel(anchor, label);
    if (kept !== null) labels.set(anchor, kept);
  };
  for (const f of story.facts) add(`fact-${f.id}`, f.text);
  for (const a of story.actors) add(`actor-${a.id}`, `${a.name} (${a.kind})`);
  for (const q of story.quotes) {
    const longest = q.variants.reduce((a, b) => (b.text.length > a.length ? b.text : a), '');
    add(`s0-q-${q.id}`, longest);
  }
  story.discrepancies.forEach((d, i) => {
    add(`s0-d${i}`, `${d.kind}: ${d.values.map((v) => v.value).join(' / ')}`);
  });
  return labels;
}

/** The kind part of an anchor ("fact-", "actor-", "s0-q-", "s0-d"): a note is re-found among its own kind. */
function anchorKind(anchor: string): string {
  return /^(?:s\d+-)?(?:fact-|actor-|q-|d)/.exec(anchor)?.[0] ?? anchor;
}

/**
 * Where each note on a finding sits on this page: its own anchor when that finding still says what it
 * said; else the anchor of the finding of the same kind that says it now (ids moved); else null (gone).
 */
export function placeNotes(
  notes: readonly NoteRecord[],
  labels: ReadonlyMap<string, string>,
): Map<number, string | null> {
  const byLabel = new Map<string, string>();
  for (const [anchor, label] of labels) {
    const key = `${anchorKind(anchor)}\u0000${label}`;
    if (!byLabel.has(key)) byLabel.set(key, anchor);
  }
  const placed = new Map<number, string | null>();
  for (const n of notes) {
    if (n.finding === null) continue;
    const here = labels.get(n.finding);
    if (n.findingLabel === null || here === n.findingLabel)
      placed.set(n.id, here === undefined ? null : n.finding);
    else placed.set(n.id, byLabel.get(`${anchorKind(n.finding)}\u0000${n.findingLabel}`) ?? null);
  }
  return placed;
}

/** The outlet choice of the page, for links that must come back to the same comparison. */
function outletQuery(keep: readonly [string, string][]): string {
  return keep.map(([k, v]) => `&${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('');
}

/**
 * Beside one finding: its notes (clipped, each linking to the whole note in the panel) and a link to add
 * one. `drawn` collects the anchors the page drew, so the panel can tell which notes lost their finding.
 */
export function findingNotes(
  storyId: number,
  notes: readonly NoteRecord[],
  placed: ReadonlyMap<number, string | null>,
  drawn: Set<string>,
  keep: readonly [string, string][] = [],
): (anchor: string) => SafeHtml {
  const byFinding = new Map<string, NoteRecord[]>();
  for (const n of notes) {
    const at = placed.get(n.id);
    if (at) byFinding.set(at, [...(byFinding.get(at) ?? []), n]);
  }
  const outlets = outletQuery(keep);
  return (anchor) => {
    drawn.add(anchor);
    const own = byFinding.get(anchor) ?? [];
    const chips = own.map(
      (n) =>
        html`<a class="kept-note" href="#note-${n.id}" title="Note ${n.id}">✎ ${clipText(n.text, INLINE_NOTE_CHARS)}</a>`,
    );
    return html`<span class="kept-notes">${chips}<a class="add-note" href="/stories/${storyId}/notes/new?finding=${anchor}${outlets}" aria-label="Add a note on this finding">+ note</a></span>`;
  };
}

/** Marks where the notes panel goes until the page is drawn (escaped text can never contain it). */
export const NOTES_PANEL_SLOT = '<!--parallax:notes-panel-->';

/** The story's notes with where each sits; a note whose finding the page did not draw says so. */
export function notesPanel(
  storyId: number,
  notes: readonly NoteRecord[],
  placed: ReadonlyMap<number, string | null>,
  drawn: ReadonlySet<string>,
  tokenNeeded: boolean,
): SafeHtml {
  const items = notes.map((n) => {
    const at = placed.get(n.id) ?? null;
    const was = n.findingLabel ? html`: “${clipText(n.findingLabel, INLINE_NOTE_CHARS)}”` : '';
    const where =
      n.finding === null
        ? html`on the story`
        : at !== null && drawn.has(at)
          ? html`on <a href="#${at}">${describeFinding(at)}</a>`
          : html`<span class="note-gone">finding no longer in this story</span> (was ${describeFinding(n.finding)}${was})`;
    return html`<li class="note-item" id="note-${n.id}"><div class="row-meta">${where} · ${n.updatedAt.slice(0, 16).replace('T', ' ')} · <a href="/notes/${n.id}/edit">edit or delete</a></div><p class="note-text">${n.text}</p></li>`;
  });
  const form = noteForm(`/stories/${storyId}/notes`, '', null, tokenNeeded, 'Add the note');
  // Without notes the panel is one line: every story page carries it.
  if (notes.length === 0)
    return html`<section class="panel notes-panel" id="notes"><details><summary>Notes: none yet. Add a note on this story (or use “+ note” beside a finding)</summary>${form}</details></section>`;
  return html`<section class="panel notes-panel" id="notes" aria-labelledby="h-notes"><h2 id="h-notes">Notes <span class="count">${notes.length}</span></h2><ul class="plain">${items}</ul><details><summary>Add a note on this story</summary>${form}</details></section>`;
}

function noteForm(
  action: string,
  text: string,
  finding: string | null,
  tokenNeeded: boolean,
  button: string,
  hidden: SafeHtml[] = [],
): SafeHtml {
  return html`<form class="stack" method="post" action="${action}"><label>Note <textarea name="text" required maxlength="4000">${text}</textarea></label>${finding === null ? '' : html`<input type="hidden" name="finding" value="${finding}">`}${hidden}${tokenField(tokenNeeded)}<div><button class="act" type="submit">${button}</button></div></form>`;
}

export function newNotePage(
  storyId: number,
  title: string | null,
  finding: { anchor: string; label: string | null } | null,
  keep: readonly [string, string][],
  tokenNeeded: boolean,
): string {
  const on = finding === null ? html`the story` : html`${describeFinding(finding.anchor)}`;
  const outlets = keep.map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`);
  return page(
    'New note',
    html`<h1>New note</h1><p>On ${on} of <a href="/stories/${storyId}${finding ? `#${finding.anchor}` : ''}">${title ?? `story ${storyId}`}</a>${finding?.label ? html`:</p><blockquote class="note-text">${finding.label}</blockquote>` : html`.</p>`}${noteForm(`/stories/${storyId}/notes`, '', finding?.anchor ?? null, tokenNeeded, 'Add the note', outlets)}`,
  );
}

export function editNotePage(note: NoteRecord, title: string | null, tokenNeeded: boolean): string {
  return page(
    'Edit note',
    html`<h1>Edit note</h1><p>On ${note.finding === null ? 'the story' : describeFinding(note.finding)} of <a href="${noteHref(note)}">${title ?? `story ${note.storyId}`}</a>.</p>${noteForm(`/notes/${note.id}`, note.text, null, tokenNeeded, 'Save the note')}<form class="stack" method="post" action="/notes/${note.id}/delete">${tokenField(tokenNeeded)}<div><button class="act quiet" type="submit">Delete this note</button></div></form>`,
  );
}

/** Where a note is read: its finding on the story page, else its place in the story's notes panel. */
export function noteHref(note: NoteRecord): string {
  return `/stories/${note.storyId}#${note.finding ?? `note-${note.id}`}`;
}

export function notesPage(notes: readonly NoteRecord[], titles: ReadonlyMap<number, string | null>): string {
  const items = notes.map(
    (n) =>
      html`<li class="note-item" id="note-${n.id}"><div class="row-meta"><a class="title" href="/stories/${n.storyId}">${titles.get(n.storyId) ?? `Story ${n.storyId}`}</a> · ${n.finding === null ? html`<a href="${noteHref(n)}">on the story</a>` : html`on <a href="${noteHref(n)}">${describeFinding(n.finding)}</a>`} · ${n.updatedAt.slice(0, 10)} · <a href="/notes/${n.id}/edit">edit</a></div><p class="note-text">${n.text}</p></li>`,
  );
  return page(
    'Notes',
    html`<h1>Notes <span class="count">${notes.length}</span></h1><style>${KEEP_STYLE}</style>${
      notes.length
        ? html`<ul class="notes-list notes-panel">${items}</ul><p><a href="/api/notes">All notes as JSON</a> · on the command line: <code>parallax notes --format json</code></p>`
        : html`<p>No notes yet: open a story and use “+ note” beside a finding, or “Add a note on this story”.</p>`
    }`,
  );
}

/** A saved search with how many results it has now and how many of them are new since it was opened. */
export interface SavedSearchStatus extends SavedSearch {
  /** Results found now (at most the search limit). */
  results: number;
  /** Of those, stored after the search was last opened. */
  new: number;
  /** Why the search could not run now (a query the server refuses), else absent. */
  error?: string;
}

/** "storm · outlet: Example · since 2025-01-01": the search's parameters as words. */
export function describeSearch(query: string): string {
  const params = new URLSearchParams(query);
  const parts: string[] = [];
  for (const [key, value] of params) {
    if (value === '') continue;
    parts.push(key === 'q' ? value : `${key}: ${value}`);
  }
  return parts.join(' · ');
}

export function savedSearchesPage(saved: readonly SavedSearchStatus[], tokenNeeded: boolean): string {
  const rows = saved.map(
    (s) =>
      html`<tr id="saved-${s.id}"><td><form class="inline-form" method="post" action="/saved/${s.id}/open">${tokenField(tokenNeeded)}<button class="act quiet" type="submit">${s.name}</button></form></td><td>${describeSearch(s.query)}</td><td class="num">${s.error ? html`<span class="note-gone">${s.error}</span>` : s.results}</td><td><span class="new-badge${s.new === 0 ? ' none' : ''}">${s.new} new</span></td><td>${s.seenAt.slice(0, 16).replace('T', ' ')}</td><td><form class="inline-form" method="post" action="/saved/${s.id}/delete">${tokenField(tokenNeeded)}<button class="act quiet" type="submit" aria-label="Remove ${s.name}">Remove</button></form></td></tr>`,
  );
  return page(
    'Saved searches',
    html`<h1>Saved searches <span class="count">${saved.length}</span></h1><style>${KEEP_STYLE}</style><p>“New” counts the results stored since you last opened a search; opening it marks them seen.</p>${
      saved.length
        ? html`<div class="table-wrap"><table class="saved-list"><thead><tr><th scope="col">Open</th><th scope="col">Search</th><th scope="col">Results</th><th scope="col">Since last visit</th><th scope="col">Last opened (UTC)</th><th scope="col"></th></tr></thead><tbody>${rows}</tbody></table></div>`
        : html`<p>No saved searches yet: search for something, then “Save this search”.</p>`
    }`,
  );
}

/** The parameters a saved search keeps from a search page's address: all but the page number and size. */
export function savedSearchQuery(url: string): string {
  const params = new URL(url).searchParams;
  params.delete('page');
  params.delete('limit');
  return params.toString();
}

/** The search page's form that keeps the search being shown: its parameters travel as one field. */
export function saveSearchForm(query: string, name: string, tokenNeeded: boolean): SafeHtml {
  return html`<form class="inline save-search" method="post" action="/saved"><input type="hidden" name="query" value="${query}"><label>Save as <input name="name" value="${name}" required maxlength="200"></label>${tokenField(tokenNeeded)}<button class="act quiet" type="submit">Save this search</button> <a href="/saved">Saved searches</a></form>`;
}
