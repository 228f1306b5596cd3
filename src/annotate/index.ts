// Annotate: Article → AnnotatedArticle. Sub-steps run in dependency order over one token layer:
// tokens → entities → descriptors (and references back to named people) → quotes (speakers use names,
// references and pronouns) → dates (relative dates inside quotes are spoken at an unknown time).
//
// Every step is linear or near-linear in the text (bench/adversarial.ts measures it on unusual shapes);
// what cannot be made so is bounded by a named cap, and a cap that cuts work leaves a message on the article.
import type { AnnotatedArticle, Article, Message } from '../model/article.js';
import { findDates } from './dates/index.js';
import { attachDescriptors } from './descriptors.js';
import { findEntities, MAX_COMPROMISE_NAMES } from './entities/index.js';
import { attachReferences } from './entities/references.js';
import { findUnnamedPeople } from './entities/unnamed.js';
import { findQuotes } from './quotes.js';
import { MAX_SENTENCE_TOKENS, tokenize } from './tokens.js';

/**
 * Characters of an article that are annotated, at most: the rest of the text is kept, but carries no
 * sentences, entities, quotes or dates. The longest of the 37,554 allsides articles is 76,553 characters;
 * annotation costs about 5–10 ms per KB on a loaded 2-core machine, so 500,000 characters bound one
 * article at a few seconds and a few hundred MB, where a 19 MB one-line "article" took 888 s and 2.9 GB.
 */
export const MAX_ANNOTATED_CHARS = 500_000;

export const TRUNCATED_CODE = 'annotation-truncated';
export const LONG_SENTENCES_CODE = 'long-sentences-cut';
export const UNTYPED_NAMES_CODE = 'names-untyped';

/**
 * Where annotation stops: the end of the last paragraph that fits within `limit`, or, when even the first
 * paragraph is longer, the last space before the limit (the limit itself if there is none near).
 */
export function annotationEnd(article: Pick<Article, 'text' | 'paragraphs'>, limit: number): number {
  if (article.text.length <= limit) return article.text.length;
  let end = 0;
  for (const p of article.paragraphs) {
    if (p.end > limit) break;
    end = p.end;
  }
  if (end > 0) return end;
  const space = article.text.lastIndexOf(' ', limit);
  return space > limit / 2 ? space : limit;
}

/** The article as annotation sees it: text and paragraphs up to `end` (a paragraph cut at `end`). */
function prefixOf(article: Article, end: number): Pick<Article, 'text' | 'paragraphs'> {
  if (end >= article.text.length) return article;
  const paragraphs = article.paragraphs
    .filter((p) => p.start < end)
    .map((p) => (p.end > end ? { ...p, end } : p));
  return { text: article.text.slice(0, end), paragraphs };
}

export interface AnnotateLimits {
  /** Characters annotated at most (MAX_ANNOTATED_CHARS unless given; tests use small ones). */
  maxChars?: number;
}

export function annotateArticle(article: Article, limits: AnnotateLimits = {}): AnnotatedArticle {
  const maxChars = limits.maxChars ?? MAX_ANNOTATED_CHARS;
  const end = annotationEnd(article, maxChars);
  const view = prefixOf(article, end);
  const layer = tokenize(view);
  const { entities, mentions, kindOf, genderOf, untypedNames } = findEntities(layer);
  const { references, unresolved } = attachDescriptors(layer, entities, mentions);
  attachReferences(layer, entities, mentions, references, genderOf);
  const quotes = findQuotes(
    layer,
    view.paragraphs,
    mentions,
    references,
    (id) => kindOf(id) === 'person',
    genderOf,
  );
  const unnamedPeople = findUnnamedPeople(layer, entities);
  const { dates, messages } = findDates(view.text, { published: article.published, quotes });
  const capped: Message[] = [];
  if (end < article.text.length) {
    capped.push({
      code: TRUNCATED_CODE,
      message: `article text is ${article.text.length.toLocaleString('en')} characters; only the first ${end.toLocaleString('en')} were annotated (limit ${maxChars.toLocaleString('en')})`,
    });
  }
  if (layer.cutSentences > 0) {
    capped.push({
      code: LONG_SENTENCES_CODE,
      message: `${layer.cutSentences} ${layer.cutSentences === 1 ? 'sentence' : 'sentences'} longer than ${MAX_SENTENCE_TOKENS} tokens cut into pieces for annotation`,
    });
  }
  if (untypedNames > 0) {
    capped.push({
      code: UNTYPED_NAMES_CODE,
      message: `${untypedNames} names past the first ${MAX_COMPROMISE_NAMES} typed without compromise`,
    });
  }
  return {
    ...article,
    messages: [...article.messages, ...capped, ...messages],
    sentences: layer.sentences.map((s) => ({ start: s.start, end: s.end })),
    entities,
    quotes,
    dates,
    unresolvedReferences: unresolved,
    ...(unnamedPeople.length ? { unnamedPeople } : {}),
  };
}
