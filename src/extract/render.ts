// Paragraphs of the kept tree, with the same rules as src/text/html-blocks.ts: every block element starts and
// ends a paragraph ("…end.</p><p>Next…" must not become "end.Next"), <br> is a line break and <br><br> a
// paragraph break, table cells are spaced, <pre> keeps its lines.
import { CELL_ELEMENTS, ParagraphWriter } from '../text/html-blocks.js';
import type { ElementItem } from './item.js';
import { BLOCK_TAGS } from './tree.js';

/** Paragraphs of the containers in document order, dropped elements left out. */
export function renderParagraphs(containers: ElementItem[]): string[] {
  const out = new ParagraphWriter();
  const visit = (el: ElementItem) => {
    if (el.dropped) return;
    const tag = el.tag;
    if (out.breaks(tag)) return;
    const block = BLOCK_TAGS.has(tag) && !CELL_ELEMENTS.has(tag);
    out.open(tag, block);
    for (const child of el.children) {
      if (child.kind === 'text') out.text(child.text);
      else visit(child);
    }
    out.close(tag, block);
  };

  for (const container of containers) {
    visit(container);
    out.flush();
  }
  return out.paragraphs;
}
