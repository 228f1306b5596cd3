// Front matter that cannot be read is named on the article, and reading it is bounded: a "billion laughs"
// of aliases, deep nesting or a block of many thousand keys ends in one message, not in minutes of work.
import { describe, expect, it } from 'vitest';
import { MAX_FRONT_MATTER_CHARS, markdownArticle } from '../src/ingest/markdown.js';

const BODY = 'The harbour gate at Port Hollis jammed on Sunday, the harbour master said.\n';
const withFrontMatter = (yaml: string) => `---\n${yaml}\n---\n${BODY}`;

function frontMatterMessages(file: string, text: string): string[] {
  return markdownArticle(file, text)
    .messages.filter((m) => m.code === 'front-matter-invalid')
    .map((m) => m.message);
}

/** Nine levels of nine aliases each: 9^9 strings if expanded. */
function aliasBomb(): string {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i <= 9; i++)
    lines.push(
      `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return lines.join('\n');
}

describe('markdown front matter', () => {
  it('reads good front matter with no message', () => {
    const article = markdownArticle('good.md', withFrontMatter('title: "Gate jams"\noutlet: Hollis Post'));
    expect(article.meta).toMatchObject({ title: 'Gate jams', outlet: 'Hollis Post' });
    expect(article.messages).toEqual([]);
    expect(article.body).toBe(BODY.trim());
  });

  it('names the file and the reason when the front matter is broken, and keeps the body', () => {
    const broken = markdownArticle('broken.md', withFrontMatter('title: "unclosed\noutlet: X'));
    expect(broken.messages.map((m) => m.message)).toEqual([
      expect.stringMatching(/^front matter of broken\.md ignored: not valid YAML \(Missing closing "quote/),
    ]);
    expect(broken.body).toBe(BODY.trim());
    expect(frontMatterMessages('list.md', withFrontMatter('- a\n- b'))).toEqual([
      'front matter of list.md ignored: not a set of "key: value" lines',
    ]);
    expect(frontMatterMessages('dup.md', withFrontMatter('title: A\ntitle: B'))).toEqual([
      expect.stringMatching(/^front matter of dup\.md ignored: not valid YAML \(Map keys must be unique/),
    ]);
    const unclosed = markdownArticle('unclosed.md', `---\ntitle: Gate jams\n${BODY}`);
    expect(unclosed.messages.map((m) => m.message)).toEqual([
      'front matter of unclosed.md ignored: it has no closing "---" line, so it is read as text',
    ]);
    expect(unclosed.body).toContain('harbour gate');
  });

  it('stops an alias bomb, deep nesting and an oversized block with one message each', () => {
    expect(frontMatterMessages('bomb.md', withFrontMatter(aliasBomb()))).toEqual([
      expect.stringMatching(/^front matter of bomb\.md ignored: not valid YAML \(Excessive alias count/),
    ]);
    const deep = `x: ${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    expect(deep.length).toBeGreaterThan(MAX_FRONT_MATTER_CHARS);
    expect(frontMatterMessages('deep.md', withFrontMatter(deep))).toEqual([
      `front matter of deep.md ignored: it is over ${MAX_FRONT_MATTER_CHARS / 1024} KB, far more than metadata needs`,
    ]);
    const nested = `x: ${'['.repeat(5_000)}${']'.repeat(5_000)}`;
    expect(nested.length).toBeLessThan(MAX_FRONT_MATTER_CHARS);
    expect(frontMatterMessages('nested.md', withFrontMatter(nested))).toEqual([
      expect.stringMatching(/^front matter of nested\.md ignored: not valid YAML/),
    ]);
    const keys = Array.from({ length: 3000 }, (_, i) => `k${i}: v`).join('\n');
    const big = markdownArticle('keys.md', withFrontMatter(keys));
    expect(big.messages.map((m) => m.message)).toEqual([
      `front matter of keys.md ignored: it is over ${MAX_FRONT_MATTER_CHARS / 1024} KB, far more than metadata needs`,
    ]);
    expect(big.body).toBe(BODY.trim());
  });
});
