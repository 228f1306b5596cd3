// The polite fetcher every web input goes through: one request at a time per host with a pause between
// them, robots.txt read once per host and honoured (unless the user says otherwise), and retries with
// backoff for answers that say "later" (429, 5xx, a dropped connection), waiting what Retry-After asks
// when that is not too long.

import { FetchError, type GetOptions, type GetResult, httpGet } from './http-client.js';
import { FETCH_LIMITS, type FetchLimits, ROBOTS_AGENT } from './limits.js';
import { ALLOW_ALL, DISALLOW_ALL, parseRobots, type RobotsRules, robotsAllow } from './robots.js';

export interface FetcherOptions {
  allowPrivate?: boolean;
  ignoreRobots?: boolean;
  limits?: Partial<FetchLimits>;
  /** For tests: how to wait. */
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class Fetcher {
  readonly limits: FetchLimits;
  private readonly sleep: (ms: number) => Promise<void>;
  /** The tail of each host's queue: a request starts when the one before it (and its pause) is done. */
  private readonly hostTail = new Map<string, Promise<void>>();
  private readonly robots = new Map<string, { rules: RobotsRules; until: number }>();
  /** Requests made, by kind, for progress lines and tests. */
  readonly counts = { requests: 0, notModified: 0, retries: 0 };

  constructor(private readonly options: FetcherOptions = {}) {
    this.limits = { ...FETCH_LIMITS, ...options.limits };
    this.sleep = options.sleep ?? realSleep;
  }

  /** Runs `task` when the host is free, and keeps it busy for the polite pause after. */
  private async onHost<T>(host: string, task: () => Promise<T>): Promise<T> {
    const before = this.hostTail.get(host) ?? Promise.resolve();
    let release: () => void = () => {};
    const mine = new Promise<void>((r) => {
      release = r;
    });
    this.hostTail.set(host, mine);
    await before;
    try {
      return await task();
    } finally {
      void this.sleep(this.limits.hostDelayMs).then(release);
    }
  }

  private async request(url: string, options: GetOptions): Promise<GetResult> {
    const host = new URL(url).host;
    let attempt = 0;
    for (;;) {
      try {
        this.counts.requests++;
        const result = await this.onHost(host, () =>
          httpGet(url, { ...options, allowPrivate: this.options.allowPrivate, limits: this.limits }),
        );
        if (result.notModified) this.counts.notModified++;
        return result;
      } catch (err) {
        if (!(err instanceof FetchError) || !err.retryable || attempt >= this.limits.retries) throw err;
        const wait = err.retryAfterMs ?? this.limits.backoffMs * 2 ** attempt;
        if (wait > this.limits.maxRetryAfterMs) {
          throw new FetchError(
            err.url,
            `${err.reason}; it asks to wait ${Math.round(wait / 1000)} s, left for the next poll`,
            true,
            err.status,
            wait,
          );
        }
        attempt++;
        this.counts.retries++;
        await this.sleep(wait);
      }
    }
  }

  private async robotsFor(url: URL): Promise<RobotsRules> {
    const key = url.origin;
    const cached = this.robots.get(key);
    if (cached && cached.until > Date.now()) return cached.rules;
    let rules: RobotsRules;
    try {
      const res = await this.request(`${url.origin}/robots.txt`, {
        accept: 'text/plain',
      });
      rules = parseRobots(res.body.subarray(0, this.limits.robotsMaxBytes).toString('utf8'), ROBOTS_AGENT);
    } catch (err) {
      // No robots.txt (404, 410…) means no rules; a server error means "not now".
      rules = err instanceof FetchError && err.status !== null && err.status < 500 ? ALLOW_ALL : DISALLOW_ALL;
      if (err instanceof FetchError && err.status === null && !err.retryable) rules = ALLOW_ALL;
    }
    this.robots.set(key, { rules, until: Date.now() + this.limits.robotsTtlMs });
    return rules;
  }

  /** GET a page or feed, politely. A URL robots.txt disallows is refused with a FetchError. */
  async get(url: string, options: Omit<GetOptions, 'allowPrivate' | 'limits'> = {}): Promise<GetResult> {
    const parsed = new URL(url);
    if (!this.options.ignoreRobots) {
      const rules = await this.robotsFor(parsed);
      if (!robotsAllow(rules, `${parsed.pathname}${parsed.search}`)) {
        throw new FetchError(url, 'robots.txt disallows it (--ignore-robots fetches it anyway)', false);
      }
    }
    return this.request(url, options);
  }
}
