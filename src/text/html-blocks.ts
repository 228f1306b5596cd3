// DOM to paragraphs. textContent glues "...end of paragraph.</p><p>Next..." into "paragraph.Next", which
// breaks sentence splitting and quote attribution downstream, so the text is rebuilt from the block
// structure instead: every block element starts and ends a paragraph.

/** Elements that start and end a paragraph. */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'ul',
  'caption',
]);

const DROP = new Set([
  'script',
  'style',
  'noscript',
  'iframe',
  'svg',
  'math',
  'form',
  'button',
  'input',
  'select',
  'textarea',
  'template',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
  'meta',
  'link',
]);

// Cells sit side by side in one row; a space keeps "Kyiv</td><td>12" from becoming "Kyiv12".
export const CELL_ELEMENTS: ReadonlySet<string> = new Set(['td', 'th']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_NODE = 4;

interface DomNode {
  nodeType: number;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
  localName?: string;
  tagName?: string;
}

/**
 * The paragraphs in a run of text gathered between two block boundaries. A blank line made of <br><br> is
 * how many sites separate paragraphs inside one <div>; inside <pre> lines keep their spacing.
 */
export function paragraphsOf(joined: string, inPre: boolean): string[] {
  const out: string[] = [];
  for (const paragraph of joined.split(/\n[ \t]*\n/)) {
    const lines = paragraph
      .split('\n')
      .map((line) => (inPre ? line.replace(/\s+$/, '') : line.replace(/ {2,}/g, ' ').trim()))
      .filter((line, i, all) => line !== '' || (i > 0 && i < all.length - 1));
    const text = lines.join('\n').replace(/^\n+|\n+$/g, '');
    if (text.trim() !== '') out.push(text);
  }
  return out;
}

/**
 * Paragraphs built from a walk over block structure, the rules every HTML-to-text path shares: a block
 * starts and ends a paragraph, `<br>` is a line break (two make a paragraph break), table cells are
 * spaced, `<pre>` keeps its lines. The walker says what a block is; this keeps the text between them.
 */
export class ParagraphWriter {
  readonly paragraphs: string[] = [];
  private parts: string[] = [];
  private preDepth = 0;

  text(value: string): void {
    this.parts.push(this.preDepth > 0 ? value.replace(/\r\n?/g, '\n') : value.replace(/\s+/g, ' '));
  }

  /** `<br>` is a line break, `<hr>` ends a paragraph; true when the tag was one of them (it has no content). */
  breaks(tag: string): boolean {
    if (tag === 'br') this.parts.push('\n');
    else if (tag === 'hr') this.flush();
    else return false;
    return true;
  }

  /** Ends the paragraph being gathered (an <hr>, a block boundary, the end of a container). */
  flush(): void {
    if (this.parts.length === 0) return;
    this.paragraphs.push(...paragraphsOf(this.parts.join(''), this.preDepth > 0));
    this.parts = [];
  }

  open(tag: string, block: boolean): void {
    if (block) this.flush();
    if (CELL_ELEMENTS.has(tag)) this.parts.push(' ');
    if (tag === 'pre') this.preDepth++;
  }

  close(tag: string, block: boolean): void {
    if (CELL_ELEMENTS.has(tag)) this.parts.push(' ');
    if (block) this.flush();
    if (tag === 'pre') this.preDepth--;
  }
}

/** The paragraphs of a DOM subtree as plain text, separated by blank lines; `<br>` becomes a newline. */
export function blockText(root: DomNode): string {
  const out = new ParagraphWriter();
  const visit = (node: DomNode) => {
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_NODE) {
      out.text(node.nodeValue ?? '');
      return;
    }
    const tag = (node.localName ?? node.tagName ?? '').toLowerCase();
    if (node.nodeType === ELEMENT_NODE) {
      if (DROP.has(tag) || out.breaks(tag)) return;
    }
    const block = BLOCK_ELEMENTS.has(tag) || tag === 'pre';
    out.open(tag, block);
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child) visit(child);
    }
    out.close(tag, block);
  };

  visit(root);
  out.flush();
  return out.paragraphs.join('\n\n');
}
