// The bound on a full-text search query, shared by both backends (the SQLite store and serve's search
// worker, and the PostgreSQL store): the same query is refused the same way wherever the library is.
//
// Why a bound: SQLite cannot be interrupted from JavaScript, and FTS5 expands a prefix into every indexed
// word that starts with it. On a library of all of allsides (37,554 articles, 390 MB of index), measured
// on a loaded two-core machine with sqlite/search.ts's statement:
//   a*                                        3.5 s       st*                           0.45 s
//   s* OR t*                                 10.7 s       sta* OR pre* OR con* OR gov*  1.1 s
//   a* OR b* OR … OR z* (26 prefixes)        52 s         16 common words OR-ed         3.3 s
// So a prefix needs at least three letters, a query at most four prefixes and sixteen words; what is left
// is bounded by the caller's deadline (serve's search worker).

import { ParallaxError } from '../errors.js';
import { isCalendarDay } from '../text/calendar-day.js';
import { SEARCH_ORDERS, type SearchOptions } from './store.js';

/** What one search query may ask for; see the measurements above. */
export const SEARCH_BOUNDS = {
  /** Characters of the query. */
  chars: 500,
  /** Words, counting each word of a "phrase" and of a prefix. */
  words: 16,
  /** Prefix searches (word*). */
  prefixes: 4,
  /** Letters or digits before a prefix's star. */
  prefixChars: 3,
  /** AND, OR, NOT and NEAR. */
  operators: 15,
} as const;

/**
 * A search query refused for its shape: too complex (the bound above) or not valid FTS5. `reason` is the
 * message without the library's path, for answers that should not name the file (the web API).
 */
export class SearchQueryError extends ParallaxError {
  constructor(
    readonly reason: string,
    path: string | null,
    code: 'USAGE' | 'STORE' = 'USAGE',
  ) {
    super(code, path === null ? reason : `${path}: ${reason}`);
  }
}

const OPERATORS = new Set(['AND', 'OR', 'NOT', 'NEAR']);
/** FTS5's query tokens: a "string" ("" inside is a quote), a bareword, or one punctuation character. */
const TOKEN = /"(?:[^"]|"")*"?|[\w\u0080-\u{10ffff}]+|\s+|[\s\S]/gu;
/** What unicode61 makes a word of: a run of letters and digits. */
const WORD = /[\p{L}\p{N}]+/gu;

function refuse(query: string, what: string): never {
  throw new SearchQueryError(
    `search query ${JSON.stringify(query.length > 60 ? `${query.slice(0, 60)}…` : query)} ${what}`,
    null,
  );
}

/**
 * Refuses a query above SEARCH_BOUNDS with one line naming the bound, before SQLite sees it. Malformed
 * syntax is left to FTS5, whose message is more precise than a second parser's would be.
 * Example: `ab* OR cd*` is refused (a prefix needs 3 letters); `stat* OR "flood wall"` passes.
 */
export function checkSearchQuery(query: string): void {
  if (query.length > SEARCH_BOUNDS.chars)
    refuse(query, `is ${query.length} characters long; at most ${SEARCH_BOUNDS.chars} are allowed`);
  let words = 0;
  let prefixes = 0;
  let operators = 0;
  let previous = '';
  for (const [token] of query.matchAll(TOKEN)) {
    if (/^\s+$/.test(token)) continue;
    if (token === '*') {
      prefixes++;
      const last = previous.match(WORD)?.at(-1) ?? '';
      if ([...last].length < SEARCH_BOUNDS.prefixChars) {
        refuse(
          query,
          `has a prefix search (${last || '""'}*) shorter than ${SEARCH_BOUNDS.prefixChars} letters; write at least ${SEARCH_BOUNDS.prefixChars} before the *`,
        );
      }
    } else if (OPERATORS.has(token)) {
      operators++;
    } else {
      words += token.match(WORD)?.length ?? 0;
    }
    previous = token;
  }
  if (prefixes > SEARCH_BOUNDS.prefixes)
    refuse(query, `has ${prefixes} prefix searches (word*); at most ${SEARCH_BOUNDS.prefixes} are allowed`);
  if (operators > SEARCH_BOUNDS.operators) {
    refuse(
      query,
      `has ${operators} operators (AND, OR, NOT, NEAR); at most ${SEARCH_BOUNDS.operators} are allowed`,
    );
  }
  if (words > SEARCH_BOUNDS.words)
    refuse(query, `has ${words} words; at most ${SEARCH_BOUNDS.words} are allowed`);
}

/**
 * Refuses search options a backend cannot answer, with one USAGE line naming the option: the same refusal
 * on both backends. Example: `{ since: '2025-02-30' }` is refused (no such day), `{ story: 0 }` too.
 */
export function checkSearchOptions(options: SearchOptions): void {
  for (const name of ['since', 'until'] as const) {
    const day = options[name];
    if (day !== undefined && !isCalendarDay(day))
      throw new ParallaxError('USAGE', `${name} must be a day as YYYY-MM-DD; got "${day}"`);
  }
  if (options.story !== undefined && (!Number.isInteger(options.story) || options.story < 1))
    throw new ParallaxError('USAGE', `story must be a whole number of at least 1; got ${options.story}`);
  if (options.offset !== undefined && (!Number.isInteger(options.offset) || options.offset < 0))
    throw new ParallaxError('USAGE', `offset must be a whole number of at least 0; got ${options.offset}`);
  if (options.order !== undefined && !(SEARCH_ORDERS as readonly string[]).includes(options.order))
    throw new ParallaxError('USAGE', `order is one of ${SEARCH_ORDERS.join(', ')}; got "${options.order}"`);
}

/** Whether the options narrow the search (not only order or page it). */
export function narrowsSearch(options: SearchOptions): boolean {
  return (
    options.outlet !== undefined ||
    options.since !== undefined ||
    options.until !== undefined ||
    options.story !== undefined
  );
}
