// Command-line parsing: one table of flags shared by every command, validated up front so misuse fails
// before any work starts (exit code 2).
import { parseArgs } from 'node:util';
import { type Config, DEFAULT_CONFIG } from '../config.js';
import { ParallaxError } from '../errors.js';

export type Format = 'json' | 'text' | 'html' | 'md';

/** The formats each command can print. */
export const FORMATS_OF: Record<string, readonly Format[]> = {
  annotate: ['json', 'text'],
  analyze: ['json', 'html', 'md'],
  demo: ['json', 'html', 'md'],
  ingest: ['text', 'json'],
  stories: ['text', 'json'],
  story: ['json', 'html', 'md', 'text'],
  search: ['text', 'json'],
  feeds: ['text', 'json'],
  watch: ['text', 'json'],
};

/** The format a command prints when --format is not given. */
const DEFAULT_FORMAT: Record<string, Format> = {
  ingest: 'text',
  stories: 'text',
  search: 'text',
  feeds: 'text',
  watch: 'text',
};

export interface Invocation {
  command: string | null;
  positionals: string[];
  format: Format;
  /** Whether --format was given (analyze and demo then print that format instead of writing files). */
  formatGiven: boolean;
  /** --out DIR: where analyze and demo write report.json, index.html and report.md. */
  out: string | null;
  config: Config;
  /** --db FILE, else PARALLAX_DB, else null (the command falls back to ./parallax.db). */
  db: string | null;
  since: string | null;
  outlet: string | null;
  limit: number | null;
  why: boolean;
  /** story split --articles: ids, comma-separated or repeated. */
  articles: string[];
  /** serve --host and --port. */
  host: string;
  port: number;
  /** Fetching: reach private and loopback addresses; fetch what robots.txt disallows. */
  allowPrivate: boolean;
  ignoreRobots: boolean;
  /** watch --every (milliseconds) and --once. */
  everyMs: number;
  once: boolean;
  help: boolean;
  version: boolean;
}

export function parseInvocation(argv: readonly string[]): Invocation {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    throw new ParallaxError('USAGE', `${(err as Error).message}. Run "parallax --help" for usage.`);
  }
  const { values, positionals } = parsed;
  const [command = null, ...rest] = positionals;
  const allowed = FORMATS_OF[command ?? ''] ?? ['json'];
  const format = (values.format ?? DEFAULT_FORMAT[command ?? ''] ?? 'json') as Format;
  if (values.format !== undefined && !allowed.includes(format)) {
    const what = command ? `--format for ${command}` : '--format';
    throw new ParallaxError('USAGE', `${what} must be one of ${allowed.join(', ')}; got "${values.format}".`);
  }
  const config: Config = { ...DEFAULT_CONFIG, sourcesFile: values.sources ?? null };
  if (values['max-size'] !== undefined) {
    const mb = Number(values['max-size']);
    if (!Number.isFinite(mb) || mb <= 0) {
      throw new ParallaxError(
        'USAGE',
        `--max-size takes a size in MB greater than 0; got "${values['max-size']}".`,
      );
    }
    config.maxInputBytes = Math.round(mb * 1024 * 1024);
  }
  if (values['max-articles'] !== undefined) {
    const n = Number(values['max-articles']);
    if (!Number.isInteger(n) || n < 1) {
      throw new ParallaxError(
        'USAGE',
        `--max-articles takes a whole number of at least 1; got "${values['max-articles']}".`,
      );
    }
    config.maxStoryArticles = n;
  }
  if (values.since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.since)) {
    throw new ParallaxError('USAGE', `--since takes a day as YYYY-MM-DD; got "${values.since}".`);
  }
  let limit: number | null = null;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) {
      throw new ParallaxError('USAGE', `--limit takes a whole number of at least 1; got "${values.limit}".`);
    }
  }
  return {
    command,
    positionals: rest,
    format,
    formatGiven: values.format !== undefined,
    out: values.out ?? null,
    config,
    db: values.db ?? (process.env.PARALLAX_DB?.trim() || null),
    since: values.since ?? null,
    outlet: values.outlet ?? null,
    limit,
    why: values.why === true,
    host: values.host ?? '127.0.0.1',
    port: parsePort(values.port),
    allowPrivate: values['allow-private'] === true,
    ignoreRobots: values['ignore-robots'] === true,
    everyMs: parseEvery(values.every),
    once: values.once === true,
    articles: (values.articles ?? [])
      .flatMap((a) => a.split(','))
      .map((a) => a.trim())
      .filter(Boolean),
    help: values.help === true,
    version: values.version === true,
  };
}

/** The pause between two polls of `parallax watch`, and the shortest allowed (feeds are not hammered). */
export const DEFAULT_EVERY_MS = 15 * 60 * 1000;
const MIN_EVERY_MS = 60 * 1000;

function parseEvery(value: string | undefined): number {
  if (value === undefined) return DEFAULT_EVERY_MS;
  const m = /^(\d+(?:\.\d+)?)\s*(s|m|h)$/.exec(value.trim());
  const ms = m ? Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 's' | 'm' | 'h'] : Number.NaN;
  if (!(ms >= MIN_EVERY_MS)) {
    throw new ParallaxError(
      'USAGE',
      `--every takes a duration of at least 1m such as 90s, 15m or 2h; got "${value}".`,
    );
  }
  return ms;
}

/** Port of `parallax serve`. */
export const DEFAULT_PORT = 8017;

function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new ParallaxError('USAGE', `--port takes a port number from 0 to 65535; got "${value}".`);
  }
  return port;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f' },
      out: { type: 'string', short: 'o' },
      sources: { type: 'string' },
      'max-size': { type: 'string' },
      'max-articles': { type: 'string' },
      db: { type: 'string' },
      since: { type: 'string' },
      outlet: { type: 'string' },
      limit: { type: 'string' },
      why: { type: 'boolean' },
      articles: { type: 'string', multiple: true },
      host: { type: 'string' },
      port: { type: 'string' },
      'allow-private': { type: 'boolean' },
      'ignore-robots': { type: 'boolean' },
      every: { type: 'string' },
      once: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}

export const USAGE = `parallax — compare how news outlets cover the same story

Usage:
  parallax analyze <inputs…> [--sources FILE] [--out DIR] [--format json|html|md] [--max-articles N]
  parallax annotate <inputs…> [--sources FILE] [--format json|text] [--max-size MB]
  parallax demo [--out DIR] [--format json|html|md]
  parallax ingest <inputs…> [--db FILE] [--sources FILE] [--format text|json]
  parallax stories [--db FILE] [--since YYYY-MM-DD] [--outlet NAME] [--limit N] [--format text|json]
  parallax story <id> [--db FILE] [--out DIR] [--format json|html|md]
  parallax story <id> --why [--format text|json]
  parallax story merge <id> <other-id>
  parallax story split <id> --articles ID[,ID…]
  parallax search <query> [--db FILE] [--limit N] [--format text|json]
  parallax serve [--db FILE] [--port N] [--host H]
  parallax feeds add <feed-url|file.opml>… [--db FILE]
  parallax feeds list [--db FILE] [--format text|json]
  parallax feeds export [--db FILE]               (OPML on standard output)
  parallax feeds remove <feed-url|id> [--db FILE]
  parallax watch [--every 15m] [--once] [--db FILE]
  parallax --help | --version

Inputs are files, folders (read recursively), - for standard input, or (ingest) http(s) URLs of articles:
  .txt, .md (YAML front matter), .html/.htm saved pages, .json/.jsonl article lists, any of them .gz.

analyze compares the articles as one story: the actors and the labels each outlet gives them, quotes
as each outlet printed them, facts and exclusives, discrepancies, a timeline and a cited digest. It
writes report.json, index.html and report.md into --out (default ./parallax-report); with --format it
prints that one format to standard output instead. demo does this for a bundled example story.

ingest keeps articles in a library (a SQLite file: --db, else $PARALLAX_DB, else ./parallax.db) and
places each new one in a story, or starts one; near-duplicates (wire copies, reprints) are linked to the
article they copy and count as one voice. Re-ingesting changes nothing. stories lists the stories, story
writes one story's comparison report like analyze (--why says why each article is in it), story merge
and story split record your own decisions, which later ingests keep. search looks through titles and
texts (words, "exact phrases", OR, NOT, prefix*). feeds follows RSS, Atom and JSON feeds (or the feeds
of an OPML file); watch polls them every --every and ingests new items into their stories, one line per
poll. Fetching names Parallax as its user agent, goes one request at a time per host, honours robots.txt,
and refuses private and loopback addresses.

Options:
  -f, --format   annotate: json (default) or text; analyze and demo: json, html or md to standard output
  -o, --out      folder for the report files (default ./parallax-report)
  --sources      YAML or JSON file mapping file names and URL hosts to outlet names and metadata
  --max-size     largest input document in MB (default 20); larger ones are refused
  --max-articles analyze: most articles compared as one story (default 500); more are refused
  --db           the library file (default $PARALLAX_DB, else ./parallax.db)
  --since        stories with an article published on or after this day
  --outlet       stories with an article from this outlet
  --limit        at most this many stories (text default 50) or search results (default 20)
  --why          story: why each article is in the story
  --port, --host serve: where to listen (default 127.0.0.1:8017)
  --articles     story split: the articles to move into a new story (ids as stories/story --why list them)
  --every        watch: time between polls, at least 1m (default 15m); --once polls once and stops
  --allow-private  fetch from private, loopback and link-local addresses too
  --ignore-robots  fetch what robots.txt disallows

Exit codes: 0 when at least one article came through (or the command did its work), 1 when none did
or the library could not be used, 2 for usage errors.`;
