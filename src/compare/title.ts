import type { AnnotatedArticle } from '../model/article.js';
import type { Fact } from '../model/report.js';
import { isPhotoCaption } from '../text/captions.js';
import { asksRatherThanReports } from '../text/headline-shape.js';
import { danglingStart } from '../text/sentence-openers.js';
import { contentStems } from '../text/words.js';

const MAX_TITLE = 140;
/** "PORT CALLOWAY, Ore. (Coastal Wire) — " opens wire copy; it is not part of what happened. */
const DATELINE_PREFIX =
  /^\p{Lu}[\p{Lu}\p{M} .'’-]{2,40}(?:,\s*[\p{L}. ]{1,20})?(?:\s*\([^)]{1,40}\))?\s*[—–]\s*/u;

/**
 * The story's title: the wording of the most corroborated fact that reads on its own, else the first article
 * title. A fact's sentence that leans on the one before it ("Also, he leaked the memo.", "It was the third
 * such vote.") or is a photo caption names nothing: a fresh nine-outlet report was headed "Also, he …"
 * while the story list showed its central headline. The digest's stricter rules (no prediction or judgement
 * in the outlet's voice) are not a title's: "… has offered to host talks that could involve X" names a story.
 */
export function storyTitle(
  articles: readonly AnnotatedArticle[],
  facts: readonly Fact[],
  opinion: ReadonlySet<string> = new Set(),
): string {
  const standing = facts.filter((f) => !danglingStart(f.text) && !isPhotoCaption(f.text));
  const best = [...standing].sort((a, b) => b.articles.length - a.articles.length)[0];
  const text = (best?.text ?? articles.find((a) => a.title)?.title ?? 'Untitled story').replace(
    DATELINE_PREFIX,
    '',
  );
  if (text.length <= MAX_TITLE) return text;
  // A sentence too long for a title would be cut mid-phrase ("… leaving a city bus with 19 passengers
  // tilted over the…"); a report's headline on the same matter says it whole.
  const headline = best ? headlineOn(best.text, articles, opinion) : null;
  if (headline) return headline;
  const cut = text.slice(0, MAX_TITLE);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_TITLE / 2)).replace(/[,;:]$/, '')}…`;
}

/**
 * Fewest content words a headline must share with the fact to be a headline of it. Chosen, not measured (no
 * judged set of titles yet): one or two words ("bridge", "city") are shared by most headlines of a story.
 */
const MIN_SHARED_WITH_FACT = 3;

/**
 * The headline of a report (no opinion piece, no question or explainer) sharing the most content words with
 * the fact's sentence, at least MIN_SHARED_WITH_FACT; null if none does.
 */
function headlineOn(
  fact: string,
  articles: readonly AnnotatedArticle[],
  opinion: ReadonlySet<string>,
): string | null {
  const words = new Set(contentStems(fact));
  let best: { title: string; shared: number } | null = null;
  for (const a of articles) {
    const title = a.title?.trim();
    if (!title || title.length > MAX_TITLE || opinion.has(a.id) || asksRatherThanReports(title)) continue;
    const shared = new Set(contentStems(title).filter((w) => words.has(w))).size;
    if (shared >= MIN_SHARED_WITH_FACT && (best === null || shared > best.shared)) best = { title, shared };
  }
  return best?.title ?? null;
}
