// Annotate: Article → AnnotatedArticle. Sub-steps run in dependency order over one token layer:
// tokens → entities → descriptors (and references back to named people) → quotes (speakers use names,
// references and pronouns) → dates (relative dates inside quotes are spoken at an unknown time).
import type { AnnotatedArticle, Article } from '../model/article.js';
import { findDates } from './dates/index.js';
import { attachDescriptors } from './descriptors.js';
import { findEntities } from './entities/index.js';
import { findQuotes } from './quotes.js';
import { tokenize } from './tokens.js';

export function annotateArticle(article: Article): AnnotatedArticle {
  const layer = tokenize(article);
  const { entities, mentions, kindOf, genderOf } = findEntities(layer);
  const { references, unresolved } = attachDescriptors(layer, entities, mentions);
  const quotes = findQuotes(
    layer,
    article.paragraphs,
    mentions,
    references,
    (id) => kindOf(id) === 'person',
    genderOf,
  );
  const { dates, messages } = findDates(article.text, { published: article.published, quotes });
  return {
    ...article,
    messages: [...article.messages, ...messages],
    sentences: layer.sentences.map((s) => ({ start: s.start, end: s.end })),
    entities,
    quotes,
    dates,
    unresolvedReferences: unresolved,
  };
}
