// Paragraphs of the kept tree, with the same rules as src/text/html-blocks.ts: every block element starts and
// ends a paragraph ("…end.</p><p>Next…" must not become "end.Next"), <br> is a line break and <br><br> a
// paragraph break, table cells are spaced, <pre> keeps its lines.
import { paragraphsOf } from '../text/html-blocks.js';
import { BLOCK_TAGS, type ElementItem } from './tree.js';

const CELLS = new Set(['td', 'th']);

/** Paragraphs of the containers in document order, dropped elements left out. */
export function renderParagraphs(containers: ElementItem[]): string[] {
  const paragraphs: string[] = [];
  let parts: string[] = [];
  let preDepth = 0;

  const flush = () => {
    if (parts.length === 0) return;
    paragraphs.push(...paragraphsOf(parts.join(''), preDepth > 0));
    parts = [];
  };

  const visit = (el: ElementItem) => {
    if (el.dropped) return;
    const tag = el.tag;
    if (tag === 'br') {
      parts.push('\n');
      return;
    }
    if (tag === 'hr') {
      flush();
      return;
    }
    const block = BLOCK_TAGS.has(tag) && !CELLS.has(tag);
    if (block) flush();
    if (CELLS.has(tag)) parts.push(' ');
    if (tag === 'pre') preDepth++;
    for (const child of el.children) {
      if (child.kind === 'text') {
        parts.push(preDepth > 0 ? child.text.replace(/\r\n?/g, '\n') : child.text.replace(/\s+/g, ' '));
      } else {
        visit(child);
      }
    }
    if (CELLS.has(tag)) parts.push(' ');
    if (block) flush();
    if (tag === 'pre') preDepth--;
  };

  for (const container of containers) {
    visit(container);
    flush();
  }
  return paragraphs;
}
