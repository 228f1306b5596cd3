// JSON output of `parallax annotate`: { version: 1, articles: [...] }, written article by article so a
// stream of a million records never has to be held in memory.
import type { AnnotatedArticle } from '../model/article.js';

export const ANNOTATIONS_VERSION = 1;

export class AnnotationsJsonWriter {
  private count = 0;
  constructor(private readonly write: (chunk: string) => void) {}

  start(): void {
    this.write(`{"version":${ANNOTATIONS_VERSION},"articles":[`);
  }

  article(article: AnnotatedArticle): void {
    this.write(`${this.count === 0 ? '\n' : ',\n'}${JSON.stringify(article)}`);
    this.count++;
  }

  end(): void {
    this.write(`${this.count === 0 ? '' : '\n'}]}\n`);
  }
}
