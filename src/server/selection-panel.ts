// The story page's outlet chooser: which outlets of a big story are compared, why those, and a plain GET
// form (no script) to pick others. Small stories are compared whole and get no chooser.
import { html, join, type SafeHtml } from '../report/escape.js';
import { plural } from '../report/html/parts.js';
import { MAX_OUTLETS, type StorySelection } from './story-selection.js';

export const SELECTION_STYLE = `
.choose { padding-top: 12px; }
.choose .panel { margin: 0; }
.choose p { margin: 0 0 6px; }
.choose details summary { cursor: pointer; color: var(--accent); font-weight: 600; }
.choose .picks { list-style: none; margin: 10px 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: 4px 16px; }
.choose .picks label { display: flex; gap: 6px; align-items: baseline; font-size: 14px; }
.choose .picks .muted { font-size: 12.5px; }
`;

export function selectionPanel(storyId: number, s: StorySelection): SafeHtml | string {
  if (s.whole) return '';
  const chosen = s.outlets.filter((o) => o.chosen);
  const why = s.byDefault
    ? html`the ${plural(chosen.length, 'most distinct voice')}: starting from the article closest to the story's centre, each next outlet is the one whose article is least like those already chosen (near-copies count once)`
    : 'the outlets you chose';
  const picks = s.outlets.map(
    (o, i) =>
      html`<li><label><input type="checkbox" name="outlet" value="${o.outlet}"${o.chosen ? html` checked` : ''} id="pick-${i}"> <span>${o.outlet} <span class="muted">${plural(o.articles, 'article')}</span></span></label></li>`,
  );
  return html`<section class="choose wrap" aria-labelledby="h-choose"><div class="panel"><h2 id="h-choose" class="sr">Outlets compared</h2><p><strong>Comparing ${chosen.length} of ${plural(s.outlets.length, 'outlet')}</strong>, ${why}. Each outlet is shown through its article closest to the story's centre.</p><p class="muted">${join(
    chosen.map((o) => html`${o.outlet}`),
    html`, `,
  )}${s.byDefault ? '' : html` · <a href="/stories/${storyId}">back to the most distinct voices</a>`}</p><details><summary>Choose other outlets (up to ${MAX_OUTLETS})</summary><form method="get" action="/stories/${storyId}"><ul class="picks">${picks}</ul><button class="act" type="submit">Compare these outlets</button></form></details></div></section>`;
}

/** A big story's page points to its membership page (every article, why it is here, split and merge). */
export function membershipLink(storyId: number, articles: number, notice: string | null): SafeHtml {
  return html`<section class="membership wrap" aria-labelledby="h-membership"><div class="panel"><h2 id="h-membership">Articles of this story</h2>${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}<p><a href="/stories/${storyId}/articles">All ${plural(articles, 'article')}, why each is in this story, and splitting or merging it</a></p></div></section>`;
}
