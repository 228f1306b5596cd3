// Markdown files: YAML front matter becomes metadata; the body stays line-for-line readable text, minus
// the markup characters that would otherwise end up inside sentences, names and quotes.
import { parse as parseYaml } from 'yaml';
import type { ArticleMeta, Message, RawArticle } from '../model/article.js';
import { authorString, cleanString, publishedFrom } from './meta.js';
import { normalizeNewlines } from './text.js';

const FRONT_MATTER = /^---[ \t]*\n(?:([\s\S]*?)\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/;
/** A file that opens as front matter ("---", then "title: …") but never closes it. */
const UNCLOSED_FRONT_MATTER = /^---[ \t]*\n[\w-]+[ \t]*:/;

export function splitFrontMatter(text: string): { yaml: string | null; body: string } {
  const m = FRONT_MATTER.exec(text);
  if (!m) return { yaml: null, body: text };
  return { yaml: m[1] ?? '', body: text.slice(m[0].length) };
}

/**
 * Front matter longer than this is not parsed. Real front matter (title, outlet, date, author, tags) is
 * well under 2 KB; the yaml package's duplicate-key check is quadratic in the keys of a map, and 16 KB of
 * one-word keys parses in 0.1-0.7 s while 64 KB took 1.1-2.6 s (measured on a loaded 2-core machine).
 */
export const MAX_FRONT_MATTER_CHARS = 16 * 1024;

const YAML_OPTIONS = {
  // Aliases that expand to one another ("billion laughs": a: &a [x, x], b: &b [*a, *a], …) stop here
  // with an error instead of growing exponentially; plain front matter has none.
  maxAliasCount: 100,
} as const;

const frontMatterProblem = (source: string, reason: string): Message => ({
  code: 'front-matter-invalid',
  message: `front matter of ${source} ignored: ${reason}`,
});

function frontMatterMeta(source: string, yaml: string, messages: Message[]): ArticleMeta {
  if (yaml.length > MAX_FRONT_MATTER_CHARS) {
    messages.push(
      frontMatterProblem(
        source,
        `it is over ${MAX_FRONT_MATTER_CHARS / 1024} KB, far more than metadata needs`,
      ),
    );
    return {};
  }
  let data: unknown;
  try {
    data = parseYaml(yaml, YAML_OPTIONS);
  } catch (err) {
    // Deep nesting ends as a RangeError from the parser's recursion: caught here like any other error.
    const detail = err instanceof Error ? (err.message.split('\n')[0] ?? '') : '';
    messages.push(frontMatterProblem(source, `not valid YAML (${detail.replace(/:$/, '')})`));
    return {};
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    messages.push(frontMatterProblem(source, 'not a set of "key: value" lines'));
    return {};
  }
  const fm = data as Record<string, unknown>;
  return {
    title: cleanString(fm.title),
    outlet: cleanString(fm.outlet ?? fm.source ?? fm.publisher),
    url: cleanString(fm.url ?? fm.link),
    published: publishedFrom(fm.published ?? fm.date, 'front matter', messages),
    author: authorString(fm.author ?? fm.authors),
    language: cleanString(fm.language ?? fm.lang),
  };
}

// Placeholders for backslash-escaped characters, so that "\*" survives the emphasis rules as a literal "*".
const ESCAPABLE = /\\([\\`*_{}[\]()#+\-.!>~|<])/g;
const PLACEHOLDER_BASE = 0xe000;
const PLACEHOLDERS = /[\ue000-\ue07f]/g;

function inline(line: string): string {
  return (
    line
      .replace(ESCAPABLE, (_, c: string) => String.fromCharCode(PLACEHOLDER_BASE + c.charCodeAt(0)))
      .replace(/!\[[^\]]*\]\((?:[^()]|\([^)]*\))*\)/g, '')
      .replace(/!\[[^\]]*\]\[[^\]]*\]/g, '')
      .replace(/\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
      .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
      .replace(/`+([^`]+?)`+/g, '$1')
      .replace(/\*\*(?=\S)(.*?\S)\*\*/g, '$1')
      .replace(/(?<![\p{L}\p{N}_])__(?=\S)(.*?\S)__(?![\p{L}\p{N}_])/gu, '$1')
      .replace(/\*(?=\S)([^*]*?\S)\*/g, '$1')
      // Underscores inside words (snake_case, URLs) are not emphasis.
      .replace(/(?<![\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}_])/gu, '$1')
      .replace(/~~(?=\S)(.*?\S)~~/g, '$1')
      .replace(PLACEHOLDERS, (c) => String.fromCharCode(c.charCodeAt(0) - PLACEHOLDER_BASE))
  );
}

/** Markdown body to plain text, keeping one line per source line (headings stay as their own line). */
export function markdownToText(markdown: string): string {
  const lines = normalizeNewlines(markdown)
    .replace(/<!--[\s\S]*?-->/g, '')
    .split('\n');
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of lines) {
    const fenceMark = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fenceMark && (fence === null || fenceMark.startsWith(fence))) {
      fence = fence === null ? fenceMark : null;
      continue;
    }
    if (fence !== null) {
      out.push(line);
      continue;
    }
    if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line)) continue; // reference link definition
    const previous = out.at(-1) ?? '';
    if (/^\s{0,3}(=+|-+)\s*$/.test(line) && previous.trim() !== '') continue; // setext heading underline
    if (/^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/.test(line)) {
      out.push('');
      continue;
    }
    let text = line;
    const heading = /^\s{0,3}#{1,6}(?:\s+|$)/.exec(text);
    if (heading) text = text.slice(heading[0].length).replace(/\s+#+\s*$/, '');
    text = text.replace(/^\s{0,3}(?:>\s?)+/, '').replace(/^(\s*)[*+-]\s+/, '$1');
    out.push(inline(text));
  }
  return out
    .map((l) => l.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function markdownArticle(source: string, text: string): RawArticle {
  const messages: Message[] = [];
  const { yaml, body } = splitFrontMatter(normalizeNewlines(text));
  const meta = yaml === null ? {} : frontMatterMeta(source, yaml, messages);
  if (yaml === null && UNCLOSED_FRONT_MATTER.test(body)) {
    messages.push(frontMatterProblem(source, 'it has no closing "---" line, so it is read as text'));
  }
  if (!meta.title) {
    const firstLine = body.trimStart().split('\n', 1)[0] ?? '';
    const h1 = /^#\s+(.+?)(?:\s+#+)?\s*$/.exec(firstLine);
    if (h1?.[1]) meta.title = cleanString(inline(h1[1]));
  }
  return {
    source,
    format: 'markdown',
    body: markdownToText(body),
    bodyIsHtml: false,
    meta,
    messages,
  };
}
