// The light tree the extractor copies a page into (tree.ts builds it; pruning, scoring and rendering read
// it). A module of its own so that the steps tree.ts calls can name its nodes without importing tree.ts back.

export interface TextItem {
  kind: 'text';
  text: string;
  /** Length with whitespace runs collapsed. */
  chars: number;
}

export interface ElementItem {
  kind: 'element';
  tag: string;
  dom: Element;
  parent: ElementItem | null;
  children: Item[];
  /** Lower-cased word parts of the class and id ("articleBody js-share" → article, body, js, share). */
  words: readonly string[];
  /** Text length of the subtree, whitespace collapsed. */
  chars: number;
  /** Part of `chars` inside links. */
  linkChars: number;
  commas: number;
  /** Text that is this element's own paragraph: text and inline elements outside any child block. */
  inlineChars: number;
  inlineCommas: number;
  hasBlockChild: boolean;
  /** Counts over the subtree. */
  paragraphs: number;
  images: number;
  listItems: number;
  links: number;
  headingChars: number;
  /** Candidate score while choosing the container; null when the element collected none. */
  score: number | null;
  /** Set by later steps: left out of the article text. */
  dropped: boolean;
}

export type Item = TextItem | ElementItem;
