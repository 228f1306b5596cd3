// The clean stage on its own module, so that code needing only cleaning (ingest into a library, which
// annotates in a worker thread) does not load the language models.
import { cleanArticle } from '../clean/index.js';
import { lookupSource } from '../ingest/sources.js';
import type { Article, RawArticle } from '../model/article.js';
import { articleIdFor } from './ids.js';
import type { Stage } from './stage.js';

export const clean: Stage<RawArticle, Article> = {
  name: 'clean',
  failure: 'could not be cleaned',
  run(raw, ctx) {
    const { sources, outletOfHost } = ctx;
    // Host entries can only apply once a URL is known, and the URL may first appear in the text's footer.
    // The sources file names the outlet first; the library's outlet directory next (cnn.com → its name).
    const article = cleanArticle(raw, articleIdFor(raw, ctx.usedIds), {
      metaForHost:
        sources || outletOfHost
          ? (host) => {
              const meta = sources ? lookupSource(sources, { source: '-', url: `https://${host}/` }) : {};
              const named = meta.outlet ? null : (outletOfHost?.(host) ?? null);
              return named ? { ...meta, outlet: named } : meta;
            }
          : undefined,
    });
    return article.text.trim() === ''
      ? { refused: 'no article text left after removing boilerplate' }
      : article;
  },
};
