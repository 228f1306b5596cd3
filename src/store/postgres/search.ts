// Full-text search on PostgreSQL with SQLite's query syntax (FTS5): the query is parsed here and written as
// a tsquery over the words search-words.ts indexes, so `"two years"`, `repair*`, `bridge OR dam`,
// `flood NOT river`, `title:bridge`, `NEAR(mayor council, 5)` and `(a OR b) c` find the same articles on
// both backends, and a malformed query is refused with the same one-line message. Ranking: ts_rank with
// title words weighing four times the text's (as bm25(4, 1) on SQLite) and the length normalised, which
// orders the same way on the contract's examples; the two rankings are comparable, not identical.
// Snippets are cut here from the hits' text, so they mark the same words on both backends.

import { SearchQueryError } from '../search-query.js';
import { searchWords, textWords } from '../search-words.js';
import { type SearchOptions, type SearchOrder, SNIPPET_MARK } from '../store.js';

/** The indexed columns: title words carry weight A, text words weight D. */
const COLUMNS: Record<string, string> = { title: 'A', text: 'D' };
/** FTS5's NEAR distance when none is given. */
const NEAR_DEFAULT = 10;
/** The largest NEAR distance on PostgreSQL: each distance is two alternatives in the tsquery, and the
 * index keeps title and text this far apart (pg-store.ts TEXT_START). */
export const NEAR_MAX = 100;
/** Words of context in a snippet, as SQLite's snippet(…, 16). */
const SNIPPET_WORDS = 16;

type Token =
  | { kind: 'string'; text: string }
  | { kind: 'word'; text: string }
  | { kind: 'punct'; text: string };

/** FTS5's barewords: ASCII letters, digits and underscore, and every non-ASCII character. */
const BAREWORD = /^[A-Za-z0-9_\u0080-\u{10ffff}]+/u;

function invalid(query: string, location: string, why: string): never {
  throw new SearchQueryError(
    `search query ${JSON.stringify(query)} is not valid (${why}); put words in "double quotes" to search for them as written`,
    location,
    'STORE',
  );
}

function tokenize(query: string, location: string): Token[] {
  const tokens: Token[] = [];
  let rest = query;
  while (rest !== '') {
    const space = rest.match(/^\s+/u);
    if (space) {
      rest = rest.slice(space[0].length);
      continue;
    }
    if (rest[0] === '"') {
      let text = '';
      let i = 1;
      for (;;) {
        if (i >= rest.length) invalid(query, location, 'unterminated string');
        if (rest[i] === '"') {
          if (rest[i + 1] === '"') {
            text += '"';
            i += 2;
            continue;
          }
          break;
        }
        text += rest[i];
        i++;
      }
      tokens.push({ kind: 'string', text });
      rest = rest.slice(i + 1);
      continue;
    }
    const bare = rest.match(BAREWORD);
    if (bare) {
      tokens.push({ kind: 'word', text: bare[0] });
      rest = rest.slice(bare[0].length);
      continue;
    }
    const char = String.fromCodePoint(rest.codePointAt(0) ?? 0);
    if (!'()*:,-+^{}'.includes(char)) invalid(query, location, `syntax error near "${char}"`);
    tokens.push({ kind: 'punct', text: char });
    rest = rest.slice(char.length);
  }
  return tokens;
}

/** A tsquery lexeme: quoted, with the prefix mark and the column weights it is restricted to. */
function lexeme(word: string, prefix: boolean, weights: string): string {
  return `'${word.replace(/'/g, "''")}'${prefix || weights ? ':' : ''}${prefix ? '*' : ''}${weights}`;
}

/** The parser: FTS5's grammar (NOT binds tightest, then AND and juxtaposition, then OR). */
class Parser {
  private at = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly query: string,
    private readonly location: string,
  ) {}

  parse(): string | null {
    const result = this.or('');
    if (this.at < this.tokens.length) this.fail();
    return result;
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private isOperator(name: string): boolean {
    const t = this.peek();
    return t?.kind === 'word' && t.text === name;
  }

  private isPunct(char: string): boolean {
    const t = this.peek();
    return t?.kind === 'punct' && t.text === char;
  }

  private fail(): never {
    const t = this.peek();
    invalid(
      this.query,
      this.location,
      t === undefined ? 'syntax error at the end' : `syntax error near "${t.text}"`,
    );
  }

  private or(weights: string): string | null {
    const parts = [this.and(weights)];
    while (this.isOperator('OR')) {
      this.at++;
      parts.push(this.and(weights));
    }
    return combine(parts, ' | ', 'or');
  }

  private and(weights: string): string | null {
    const parts = [this.not(weights)];
    for (;;) {
      if (this.isOperator('AND')) {
        this.at++;
        parts.push(this.not(weights));
        continue;
      }
      const t = this.peek();
      if (t === undefined || this.isOperator('OR') || this.isPunct(')')) break;
      parts.push(this.not(weights));
    }
    return combine(parts, ' & ', 'and');
  }

  private not(weights: string): string | null {
    let left = this.primary(weights);
    while (this.isOperator('NOT')) {
      this.at++;
      const right = this.primary(weights);
      if (left === null) continue;
      left = right === null ? left : `(${left} & !(${right}))`;
    }
    return left;
  }

  private primary(weights: string): string | null {
    const t = this.peek();
    if (t === undefined) this.fail();
    if (t.kind === 'word' && (t.text === 'AND' || t.text === 'OR' || t.text === 'NOT')) this.fail();
    if (t.kind === 'word' && t.text === 'NEAR' && this.tokens[this.at + 1]?.text === '(')
      return this.near(weights);
    if (this.isPunct('(')) {
      this.at++;
      const inner = this.or(weights);
      if (!this.isPunct(')')) this.fail();
      this.at++;
      return inner;
    }
    // A column filter: "title:", "-title:" (every other column) or "{title text}:".
    const filter = this.columnFilter();
    if (filter !== null) return this.primary(filter);
    return this.phrase(weights);
  }

  private columnFilter(): string | null {
    const start = this.at;
    let names: string[] = [];
    let negated = false;
    if (this.isPunct('-')) {
      negated = true;
      this.at++;
    }
    if (this.isPunct('{')) {
      this.at++;
      while (this.peek()?.kind === 'word') names.push((this.tokens[this.at++] as Token).text);
      if (!this.isPunct('}')) this.fail();
      this.at++;
    } else if (this.peek()?.kind === 'word' && this.tokens[this.at + 1]?.text === ':') {
      names = [(this.tokens[this.at++] as Token).text];
    } else {
      if (negated) this.fail();
      this.at = start;
      return null;
    }
    if (!this.isPunct(':')) this.fail();
    this.at++;
    for (const name of names) {
      if (COLUMNS[name] === undefined) invalid(this.query, this.location, `no such column: ${name}`);
    }
    const chosen = Object.keys(COLUMNS).filter((c) => names.includes(c) !== negated);
    return chosen.map((c) => COLUMNS[c]).join('');
  }

  /** A phrase: strings and barewords joined by "+", an optional "*" after the last; "^" at its start. */
  private phrase(weights: string): string | null {
    if (this.isPunct('^')) this.at++;
    const words: { word: string; prefix: boolean }[] = [];
    for (;;) {
      const t = this.peek();
      if (t === undefined || t.kind === 'punct') this.fail();
      this.at++;
      const parts = searchWords(t.text);
      const prefix = this.isPunct('*');
      if (prefix) this.at++;
      parts.forEach((word, i) => {
        words.push({ word, prefix: prefix && i === parts.length - 1 });
      });
      if (!this.isPunct('+')) break;
      this.at++;
    }
    if (words.length === 0) return null;
    const text = words.map((w) => lexeme(w.word, w.prefix, weights)).join(' <-> ');
    return words.length > 1 ? `(${text})` : text;
  }

  /** NEAR(a b, N): both phrases, in either order, at most N words apart (two phrases; more are refused). */
  private near(weights: string): string | null {
    this.at += 2;
    const phrases: string[] = [];
    while (!this.isPunct(')') && !this.isPunct(',')) {
      if (this.peek() === undefined) this.fail();
      const p = this.phrase(weights);
      if (p !== null) phrases.push(p);
    }
    let distance = NEAR_DEFAULT;
    if (this.isPunct(',')) {
      this.at++;
      const n = this.peek();
      if (n?.kind !== 'word' || !/^\d+$/.test(n.text)) this.fail();
      distance = Number(n.text);
      this.at++;
    }
    if (!this.isPunct(')')) this.fail();
    this.at++;
    if (distance > NEAR_MAX) {
      throw new SearchQueryError(
        `search query ${JSON.stringify(this.query)} has a NEAR distance of ${distance}; on PostgreSQL at most ${NEAR_MAX} is allowed`,
        this.location,
        'USAGE',
      );
    }
    if (phrases.length <= 1) return phrases[0] ?? null;
    if (phrases.length > 2) {
      throw new SearchQueryError(
        `search query ${JSON.stringify(this.query)} has a NEAR of ${phrases.length} phrases; on PostgreSQL a NEAR takes two`,
        this.location,
        'USAGE',
      );
    }
    const [a, b] = phrases as [string, string];
    const options: string[] = [];
    for (let d = 1; d <= distance + 1; d++) options.push(`${a} <${d}> ${b}`, `${b} <${d}> ${a}`);
    return `(${options.join(' | ')})`;
  }
}

function combine(parts: (string | null)[], operator: string, kind: 'and' | 'or'): string | null {
  const present = parts.filter((p): p is string => p !== null);
  if (present.length === 0) return null;
  if (kind === 'and' && present.length < parts.length) {
    // FTS5: a phrase without words (an all-punctuation bareword) matches nothing, so neither does an AND with it.
    return null;
  }
  return present.length === 1 ? (present[0] as string) : `(${present.join(operator)})`;
}

/**
 * The tsquery for an FTS5 query, or null when it can match nothing (no words). Throws a one-line
 * SearchQueryError (code STORE, naming `location`) for a malformed query, worded as on SQLite.
 */
export function toTsquery(query: string, location: string): string | null {
  return new Parser(tokenize(query, location), query, location).parse();
}

/** The words a query looks for (prefixes marked), for snippets. */
function queryTerms(query: string): { words: Set<string>; prefixes: string[] } {
  const words = new Set<string>();
  const prefixes: string[] = [];
  for (const match of query.matchAll(/"(?:[^"]|"")*"?|[^\s"]+/gu)) {
    const token = match[0];
    if (/^(AND|OR|NOT|NEAR)$/.test(token)) continue;
    const found = searchWords(token.replace(/^[A-Za-z]+:/, ''));
    if (found.length === 0) continue;
    if (token.endsWith('*')) prefixes.push(found.pop() as string);
    for (const w of found) words.add(w);
  }
  return { words, prefixes };
}

/**
 * A snippet of the title or the text, whichever holds more of the query's words: at most 16 words around
 * them, matched words between SNIPPET_MARK.open and .close, "…" where the column was cut (as SQLite's
 * snippet(articles_fts, -1, open, close, '…', 16)).
 */
export function snippet(query: string, title: string, text: string): string {
  const { words, prefixes } = queryTerms(query);
  const hit = (w: string) => words.has(w) || prefixes.some((p) => w.startsWith(p));
  let best = { column: title, from: 0, to: 0, score: -1 };
  for (const column of [title, text]) {
    const tokens = textWords(column);
    const hits = tokens.map((t) => hit(t.word));
    const starts = [0, ...hits.flatMap((h, i) => (h ? [Math.max(0, i - 2)] : []))];
    for (const from of starts) {
      const to = Math.min(tokens.length, from + SNIPPET_WORDS);
      const score = new Set(
        tokens
          .slice(from, to)
          .filter((_, i) => hits[from + i])
          .map((t) => t.word),
      ).size;
      if (score > best.score) best = { column, from, to, score };
    }
  }
  const tokens = textWords(best.column);
  if (tokens.length === 0) return '';
  const first = tokens[best.from] as (typeof tokens)[number];
  const last = tokens[best.to - 1] as (typeof tokens)[number];
  let out = best.from > 0 ? '…' : '';
  let at = first.start;
  for (const t of tokens.slice(best.from, best.to)) {
    if (!hit(t.word)) continue;
    out += `${best.column.slice(at, t.start)}${SNIPPET_MARK.open}${best.column.slice(t.start, t.end)}${SNIPPET_MARK.close}`;
    at = t.end;
  }
  const end = best.to < tokens.length ? last.end : best.column.length;
  out += best.column.slice(at, end);
  if (best.to < tokens.length) out += '…';
  return out;
}

/** Each search order as SQLite's (search.ts): title words weigh four times, undated articles last. */
export const SEARCH_ORDER_SQL: Record<SearchOrder, string> = {
  relevance: "ts_rank('{0.25, 0.25, 0.25, 1.0}', search, $1::tsquery, 1) DESC, seq",
  newest: 'published DESC NULLS LAST, seq DESC',
  oldest: 'published ASC NULLS LAST, seq',
};

/** The AND-ed conditions of a search's filters, their parameters numbered after `params`. */
export function searchFilterSql(
  options: SearchOptions,
  params: unknown[],
): { sql: string; params: unknown[] } {
  const all = [...params];
  let sql = '';
  const add = (condition: string, value: unknown) => {
    all.push(value);
    sql += ` AND ${condition.replace('?', `$${all.length}`)}`;
  };
  if (options.outlet !== undefined) add('outlet = ?', options.outlet);
  if (options.since !== undefined) add('published >= ?', options.since);
  if (options.until !== undefined) add('published <= ?', options.until);
  if (options.story !== undefined)
    add('seq IN (SELECT article_seq FROM story_articles WHERE story_id = ?)', options.story);
  return { sql, params: all };
}
