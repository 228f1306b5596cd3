// Every limit the fetcher keeps, in one place: a page or feed that exceeds one is refused with a message
// naming the limit, and nothing else about the run changes.

export const FETCH_LIMITS = {
  /** From sending the request to the last byte of the body. */
  timeoutMs: 20_000,
  /** Bytes of a body after decompression (a gzip bomb stops here). */
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  /** Attempts after the first for 429 and 5xx answers and dropped connections. */
  retries: 2,
  /** First wait before a retry; doubled each time unless the server says Retry-After. */
  backoffMs: 1_000,
  /** A Retry-After longer than this is not waited for: the item is tried at the next poll. */
  maxRetryAfterMs: 60_000,
  /** Pause between two requests to the same host. */
  hostDelayMs: 1_000,
  /** robots.txt is read again after this long. */
  robotsTtlMs: 6 * 60 * 60 * 1000,
  /** Largest robots.txt read; the rest is ignored, as crawlers commonly do. */
  robotsMaxBytes: 512 * 1024,
} as const;

export type FetchLimits = { -readonly [K in keyof typeof FETCH_LIMITS]: number };

/** Who is asking: named, versioned, with where to read about it, as politeness asks. */
export const USER_AGENT =
  'Parallax/0.1 (news coverage comparison; +https://github.com/parallax-news/parallax)';
/** The token robots.txt groups are matched against. */
export const ROBOTS_AGENT = 'parallax';
