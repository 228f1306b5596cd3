import type { AnnotatedArticle } from '../model/article.js';
import type { Fact } from '../model/report.js';
import { isPhotoCaption } from '../text/captions.js';
import { danglingStart } from './digest/material.js';

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
export function storyTitle(articles: readonly AnnotatedArticle[], facts: readonly Fact[]): string {
  const standing = facts.filter((f) => !danglingStart(f.text) && !isPhotoCaption(f.text));
  const best = [...standing].sort((a, b) => b.articles.length - a.articles.length)[0];
  const text = (best?.text ?? articles.find((a) => a.title)?.title ?? 'Untitled story').replace(
    DATELINE_PREFIX,
    '',
  );
  if (text.length <= MAX_TITLE) return text;
  const cut = text.slice(0, MAX_TITLE);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_TITLE / 2)).replace(/[,;:]$/, '')}…`;
}
