// What each command is: its usage lines, what it does, the flags it takes (with what each means for it and
// its default), the formats it prints and one example. Parsing checks flags against this table and
// `parallax <command> --help` prints it, so the two cannot drift apart.

import { DEFAULT_CONFIG } from '../config.js';

export type Format = 'json' | 'text' | 'html' | 'md' | 'csv';

/** How a flag is read; which commands take it, and what it means there, is in COMMANDS. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** The placeholder of its value in help ("--db FILE"). */
  value?: string;
  /** Given more than once, every value counts (story split --articles a --articles b). */
  multiple?: boolean;
}

export const FLAGS = {
  format: { type: 'string', short: 'f', value: 'FORMAT' },
  out: { type: 'string', short: 'o', value: 'DIR' },
  sources: { type: 'string', value: 'FILE' },
  'max-size': { type: 'string', value: 'MB' },
  'max-articles': { type: 'string', value: 'N' },
  db: { type: 'string', value: 'FILE' },
  since: { type: 'string', value: 'YYYY-MM-DD' },
  outlet: { type: 'string', value: 'NAME' },
  limit: { type: 'string', value: 'N' },
  page: { type: 'string', value: 'N' },
  'min-outlets': { type: 'string', value: 'N' },
  why: { type: 'boolean' },
  articles: { type: 'string', value: 'ID[,ID…]', multiple: true },
  host: { type: 'string', value: 'H' },
  port: { type: 'string', value: 'N' },
  'allowed-host': { type: 'string', value: 'NAME', multiple: true },
  'allow-private': { type: 'boolean' },
  'ignore-robots': { type: 'boolean' },
  every: { type: 'string', value: 'DURATION' },
  jobs: { type: 'string', value: 'N' },
  once: { type: 'boolean' },
  starter: { type: 'boolean' },
  section: { type: 'string', value: 'SECTION' },
  source: { type: 'string', value: 'TEXT' },
  blindspots: { type: 'boolean' },
  by: { type: 'string', value: 'FIELD' },
  queue: { type: 'boolean' },
  concurrency: { type: 'string', value: 'N' },
  all: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const satisfies Record<string, FlagSpec>;

export type FlagName = keyof typeof FLAGS;

/** Flags every command takes. */
export const GLOBAL_FLAGS: readonly FlagName[] = ['help', 'version'];

export interface CommandSpec {
  name: string;
  /** Usage lines without the leading "parallax ". */
  usage: string[];
  /** One line for the command list of `parallax --help`. */
  summary: string;
  /** What it does, a few lines, for `parallax <command> --help`. */
  about: string;
  /** The flags it takes, each with what it means for this command (defaults included). */
  flags: Partial<Record<FlagName, string>>;
  /** The formats it prints; the first is the default. None: it takes no --format. */
  formats: readonly Format[];
  example: string;
}

const MAX_SIZE_MB = DEFAULT_CONFIG.maxInputBytes / 1024 / 1024;

const SOURCES = 'YAML or JSON file giving outlet names and metadata to files and URL hosts';
const MAX_SIZE = `largest input document in MB (default ${MAX_SIZE_MB}); larger ones are refused`;
const JOBS =
  'threads that annotate at once (default: one per CPU core less one, at least 1); the library is the same for any number';
/** Every command's library: a SQLite file or a PostgreSQL database. */
const DB_OR_URL =
  'the library: a file, or a postgres://user:password@host/database URL (default $PARALLAX_DB, else ./parallax.db)';
const OUT = 'folder for report.json, index.html and report.md (default ./parallax-report)';
const ALLOW_PRIVATE = 'fetch from private, loopback and link-local addresses too';
const IGNORE_ROBOTS = 'fetch what robots.txt disallows';
const INPUTS = `Inputs are files, folders (read recursively), - for standard input: .txt, .md (YAML front
matter), .html/.htm saved pages, .json/.jsonl article lists, any of them .gz.`;

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'analyze',
    usage: [
      'analyze <inputs…> [--sources FILE] [--out DIR] [--format json|html|md] [--max-size MB] [--max-articles N]',
    ],
    summary: 'compare articles as one story; write the report',
    about: `Compares the articles as one story: the actors and the labels each outlet gives them, quotes as
each outlet printed them, facts and exclusives, discrepancies, a timeline and a cited digest. Writes
report.json, index.html and report.md into --out; with --format it prints that one format to standard
output instead.
${INPUTS}`,
    flags: {
      sources: SOURCES,
      out: OUT,
      format: 'print this one format to standard output instead of writing the files',
      'max-size': MAX_SIZE,
      'max-articles':
        'most articles compared as one story (default 500); more are refused before any is annotated — keep larger sets in a library with ingest and read them with story',
    },
    formats: ['json', 'html', 'md'],
    example: 'parallax analyze coverage/ --out report',
  },
  {
    name: 'annotate',
    usage: ['annotate <inputs…> [--sources FILE] [--format json|text] [--max-size MB]'],
    summary: 'print each article annotated: entities, quotes, dates',
    about: `Cleans and annotates each article and prints it: paragraphs, sentences, entities with their
mentions and descriptions, quotes with their speakers, dates. Stops before any comparison.
${INPUTS}`,
    flags: {
      sources: SOURCES,
      format: 'json (default), as schema/annotations.schema.json, or text, a readable view',
      'max-size': MAX_SIZE,
    },
    formats: ['json', 'text'],
    example: 'parallax annotate article.md --format text',
  },
  {
    name: 'demo',
    usage: ['demo [--out DIR] [--format json|html|md]'],
    summary: 'analyze the bundled example story',
    about: 'Runs analyze on the example story that comes with Parallax.',
    flags: { out: OUT, format: 'print this one format to standard output instead of writing the files' },
    formats: ['json', 'html', 'md'],
    example: 'parallax demo --out demo-report',
  },
  {
    name: 'ingest',
    usage: [
      'ingest <inputs…|URLs…> [--db FILE] [--sources FILE] [--format text|json] [--max-size MB]',
      '    [--jobs N] [--allow-private] [--ignore-robots]',
      'ingest --queue --db postgres://… <inputs…|URLs…>',
    ],
    summary: 'store articles in a library; each joins a story or starts one',
    about: `Keeps articles in a library (one SQLite file) and places each new one in a story, or starts one.
Near-duplicates (wire copies, reprints) are linked to the article they copy and count as one voice.
Re-ingesting changes nothing. http(s) addresses of article pages are fetched: Parallax names itself as
the user agent, goes one request at a time per host, honours robots.txt and refuses private addresses.
${INPUTS}`,
    flags: {
      db: DB_OR_URL,
      sources: SOURCES,
      format: 'text (default): a summary line on standard error; json: the summary on standard output',
      'max-size': MAX_SIZE,
      jobs: JOBS,
      'allow-private': ALLOW_PRIVATE,
      'ignore-robots': IGNORE_ROBOTS,
      queue:
        'put the articles (and addresses to fetch) on the queue of the PostgreSQL library --db names, for "parallax worker" processes to ingest; prints how many',
    },
    formats: ['text', 'json'],
    example: 'parallax ingest coverage/ https://news.example/2034/02/10/dam-release --db news.db',
  },
  {
    name: 'stories',
    usage: [
      'stories [--db FILE] [--since YYYY-MM-DD] [--outlet NAME] [--min-outlets N] [--limit N] [--page N] [--format text|json]',
      'stories --blindspots [--by leaning|country|language|owner] [--db FILE] [--limit N] [--page N] [--format text|json]',
    ],
    summary: 'list the stories of a library, newest first',
    about: `Lists the stories of a library, newest activity first, with their days, article counts and outlets.
Text says how many more there are beyond --limit; JSON gives the total and lists every story unless
--limit is given (schema/stories.schema.json). --blindspots lists the stories only one group of outlets
covers (two or more of its outlets, none of another group of the outlet directory; by leaning unless --by
says otherwise), newest first, as the web app's /blindspots does (JSON: schema/spread.schema.json).`,
    flags: {
      db: DB_OR_URL,
      since: 'stories with an article published on or after this day',
      outlet: 'stories with an article from this outlet (its exact name)',
      'min-outlets': 'stories covered by at least this many outlets (2: those with something to compare)',
      limit: 'at most this many stories (text default 50; json: all)',
      page: 'the Nth page of --limit stories (default 1)',
      blindspots: 'only the stories one group of outlets alone covers',
      by: 'with --blindspots: the directory field that groups outlets (default leaning)',
      format: 'text (default) or json',
    },
    formats: ['text', 'json'],
    example: 'parallax stories --since 2034-02-01 --limit 10',
  },
  {
    name: 'story',
    usage: [
      'story <id> [--db FILE] [--out DIR] [--format json|html|md]',
      'story <id> --format csv|json --section facts|actors|quotes|discrepancies',
      'story <id> --why [--format text|json]',
      'story merge <id> <other-id>',
      'story split <id> --articles ID[,ID…]',
    ],
    summary: 'one story: its report, why each article is in it, merge, split',
    about: `Writes one story's comparison report, as analyze does. --why says why each article is in the story.
merge folds the second story into the first; split moves the articles named by --articles into a new
story. Merges and splits are your decisions: later ingests keep them.`,
    flags: {
      db: DB_OR_URL,
      out: OUT,
      format:
        'report: json, html or md to standard output; with --section: csv or json; --why: text (default) or json',
      section:
        'one section of the report as a table: facts and actors as a matrix (a column per outlet), quotes and discrepancies a row per printing or value',
      why: 'why each article is in the story: shared names and words, day distance, score',
      articles: 'story split: the articles to move (ids as stories and story --why list them)',
    },
    formats: ['json', 'html', 'md', 'text', 'csv'],
    example: 'parallax story 12 --why',
  },
  {
    name: 'search',
    usage: ['search <query> [--db FILE] [--limit N] [--format text|json]'],
    summary: 'find articles by words in their titles and texts',
    about: `Looks through the titles and texts of a library's articles, best match first. A query is words,
"exact phrases", OR, NOT and prefix*. Text says how many more match beyond --limit; JSON gives the total.`,
    flags: {
      db: DB_OR_URL,
      limit: 'at most this many articles (default 20)',
      format: 'text (default) or json',
    },
    formats: ['text', 'json'],
    example: 'parallax search \'"flood wall" OR levee\' --limit 5',
  },
  {
    name: 'serve',
    usage: [
      'serve [--db FILE] [--port N] [--host H] [--allowed-host NAME…] [--allow-private] [--ignore-robots]',
    ],
    summary: 'serve the library as a web application',
    about: `Serves the library as a web application with a JSON API (/api/openapi.json describes it). Bound to a
loopback address, writing needs no token; bound beyond it, writing needs $PARALLAX_TOKEN or the token
serve prints. Stops on Ctrl-C or SIGTERM.`,
    flags: {
      db: DB_OR_URL,
      port: 'the port to listen on (default 8017; 0 picks a free one)',
      host: 'the address to listen on (default 127.0.0.1)',
      'allowed-host':
        'a host name the server answers to besides localhost, 127.0.0.1, [::1] and --host (repeat or comma-separate)',
      'allow-private': `articles added by address: ${ALLOW_PRIVATE}`,
      'ignore-robots': `articles added by address: ${IGNORE_ROBOTS}`,
    },
    formats: [],
    example: 'parallax serve --db news.db --port 8080',
  },
  {
    name: 'feeds',
    usage: [
      'feeds add <feed-url|file.opml>… [--db FILE] [--allow-private]',
      'feeds list [--db FILE] [--format text|json]',
      'feeds export [--db FILE]               (OPML on standard output)',
      'feeds remove <feed-url|id> [--db FILE]',
    ],
    summary: 'follow RSS, Atom and JSON feeds; list, export, remove them',
    about: `Follows RSS 2.0/1.0, Atom and JSON feeds, or the feeds of an OPML file; "parallax watch" polls them.
list shows each feed's state (FAILING with the last error), export writes them as OPML.`,
    flags: {
      db: DB_OR_URL,
      format: 'feeds list: text (default) or json',
      'allow-private': 'feeds add: accept feeds on private, loopback and link-local addresses',
    },
    formats: ['text', 'json'],
    example: 'parallax feeds add https://news.example/rss.xml',
  },
  {
    name: 'outlets',
    usage: [
      'outlets import <directory.yaml|json>… [--db FILE]',
      'outlets import --starter [--db FILE]   (the directory shipped with Parallax)',
      'outlets list [--db FILE] [--format text|json]',
      'outlets set <outlet> <field> <value> [--source TEXT] [--db FILE]',
      'outlets relabel [--db FILE] [--format text|json]',
    ],
    summary: 'the outlet directory: country, language, owner, leaning, hosts, notes, and their sources',
    about: `Keeps metadata about outlets in the library, with where each value came from. import reads a
directory file (YAML or JSON: leanings, sources, outlets with name, hosts, country, language, owner,
leaning, notes, sources) and adds or updates its outlets; --starter imports the one shipped with Parallax
(491 outlets of the allsides corpus with their AllSides leaning). list prints the directory (json: in the
file's own shape, ready to edit and import). set changes one field (hosts: comma-separated; an empty
value clears it). Articles that carry only a URL take the outlet name of their host; relabel gives that
name to articles stored before the directory named their host (they kept the host, "example.com", as
their outlet), with the stories and actor counts they are part of. Running it again changes nothing.`,
    flags: {
      db: DB_OR_URL,
      format: 'outlets list and relabel: text (default) or json',
      starter: 'outlets import: the starter directory shipped with Parallax',
      source: 'outlets set: where the value came from (default: "set by hand on <day>")',
    },
    formats: ['text', 'json'],
    example:
      'parallax outlets set "The Example Courier" owner "Example Media Group" --source "annual report 2025"',
  },
  {
    name: 'watch',
    usage: [
      'watch [--every 15m] [--once] [--db FILE] [--format text|json] [--jobs N] [--allow-private]',
      '    [--ignore-robots]',
      'watch --queue --db postgres://… [--every 15m] [--once] [--allow-private] [--ignore-robots]',
    ],
    summary: 'poll the feeds and ingest new items, one line per poll',
    about: `Polls every followed feed, fetches new items and ingests them into their stories, one line per poll,
until Ctrl-C or SIGTERM. Keeps running through any feed's or page's failure. With --queue (a PostgreSQL
library) each new item's page is put on the queue instead, for "parallax worker" processes to fetch and
ingest; "parallax queue" shows what became of it.`,
    flags: {
      db: DB_OR_URL,
      every: 'time between polls, such as 90s, 15m or 2h; at least 1m (default 15m)',
      once: 'poll once and stop',
      format: 'text (default): one line per poll on standard error; json: one JSON line per poll',
      sources: SOURCES,
      'max-size': MAX_SIZE,
      jobs: JOBS,
      'allow-private': ALLOW_PRIVATE,
      'ignore-robots': IGNORE_ROBOTS,
      queue:
        'put the new items\' pages on the queue of the PostgreSQL library --db names, for "parallax worker" processes to fetch and ingest',
    },
    formats: ['text', 'json'],
    example: 'parallax watch --every 30m --db news.db',
  },
  {
    name: 'notes',
    usage: ['notes [<story>] [--db FILE] [--format text|json]'],
    summary: 'the notes kept on stories and their findings (written in parallax serve)',
    about: `Lists the notes of the library, oldest first: all of them, or those on one story as it is now (a
note follows its story when articles are re-clustered). text shows each note under its story and the
finding it is on; json is the web API's shape ({"notes": […]}), for export.`,
    flags: { db: DB_OR_URL, format: 'text (default) or json' },
    formats: ['text', 'json'],
    example: 'parallax notes --format json > notes.json',
  },
  {
    name: 'migrate',
    usage: ['migrate [--db FILE|postgres://…]'],
    summary: 'bring a library to this version’s schema (a file or a PostgreSQL database)',
    about: `Applies the schema migrations the library lacks and says which version it is at. Any command
migrates a library file when it opens it; run this once on a team's PostgreSQL database before starting
the new version's processes. A library of a newer Parallax is refused, untouched.`,
    flags: {
      db: DB_OR_URL,
    },
    formats: [],
    example: 'parallax migrate --db postgres://parallax@db.example/news',
  },
  {
    name: 'worker',
    usage: ['worker --db postgres://… [--concurrency N] [--jobs N]'],
    summary: 'ingest the articles queued in a PostgreSQL library (fetch, annotate, place), until stopped',
    about: `Takes jobs from the queue that "parallax ingest --queue" fills and does them: fetches queued
addresses, annotates articles and places each in a story. Run as many workers as you like, on any machine
that reaches the database: annotation runs in parallel, placement one article at a time, so the stories
are the same. Ctrl-C (SIGINT) or SIGTERM lets running jobs finish first. A job whose worker died is
retried by another worker; an article already stored is not stored again.`,
    flags: {
      db: 'the PostgreSQL library: postgres://user:password@host/database (default $PARALLAX_DB)',
      concurrency:
        'jobs this worker runs at once (default 16); the articles of those that finish annotating while a batch places are placed together',
      jobs: 'annotation threads (default: with --concurrency 1 none, this process annotates; else one per job up to one per CPU core less one)',
      sources: SOURCES,
    },
    formats: [],
    example: 'parallax worker --db postgres://parallax@db.example/news --concurrency 16',
  },
  {
    name: 'queue',
    usage: [
      'queue [list] --db postgres://… [--limit N] [--format text|json]',
      'queue retry (--all|ID) --db postgres://…',
    ],
    summary: 'show the ingest queue (waiting, running, failed with reasons); retry failed jobs',
    about: `Lists the jobs in the queue of a PostgreSQL library: how many wait, run and failed, then the jobs
themselves (running and failed first), each failure with its reason. "retry ID" runs one failed job again,
"retry --all" every failed job.`,
    flags: {
      db: 'the PostgreSQL library: postgres://user:password@host/database (default $PARALLAX_DB)',
      limit: 'jobs listed at most (default 50)',
      all: 'retry: every failed job',
      format: 'text (default) or json',
    },
    formats: ['text', 'json'],
    example: 'parallax queue retry --all --db postgres://parallax@db.example/news',
  },
  {
    name: 'export',
    usage: ['export [--db FILE|postgres://…] [--out FILE|-]'],
    summary: 'write the whole library to a dump file (to move it to another file or database)',
    about: `Writes everything the library holds — articles, stories with their placements and your merges and
splits, feeds, the outlet directory, notes and saved searches — as newline-delimited JSON, gzipped when
the file name ends in .gz, to standard output without --out. Works on a file or a PostgreSQL library and
reads one consistent moment of it while others keep writing.`,
    flags: {
      db: 'the library: a file, or a postgres://user:password@host/database URL (default $PARALLAX_DB, else ./parallax.db)',
      out: 'the dump file to create (.gz: gzipped), or - for standard output (the default)',
    },
    formats: [],
    example: 'parallax export --db news.db --out news.dump.gz',
  },
  {
    name: 'import',
    usage: ['import <dump> [--db FILE|postgres://…]'],
    summary: 'fill an empty library from a dump made by parallax export',
    about: `Reads a dump (gzipped or not, - for standard input) into a new library file or an empty PostgreSQL
database, in one transaction: a damaged or cut dump is refused with its line number and nothing is
imported. A library that already holds anything is refused.`,
    flags: {
      db: 'the library to fill: a new file, or a postgres://user:password@host/database URL (default $PARALLAX_DB, else ./parallax.db)',
    },
    formats: [],
    example: 'parallax import news.dump.gz --db postgres://parallax@db.example/news',
  },
  {
    name: 'copy',
    usage: ['copy [--db FILE|postgres://…] --out FILE|postgres://…'],
    summary: 'copy a library into an empty one (a file or a PostgreSQL database), no dump file between',
    about:
      'Does export and import in one go: the library --db names is copied into the empty one --out names.',
    flags: {
      db: 'the library to copy: a file or a postgres:// URL (default $PARALLAX_DB, else ./parallax.db)',
      out: 'the empty library to copy into: a new file or a postgres:// URL',
    },
    formats: [],
    example: 'parallax copy --db news.db --out postgres://parallax@db.example/news',
  },
  {
    name: 'help',
    usage: ['help [<command>]'],
    summary: 'the commands, or one command’s usage',
    about: 'Prints the list of commands, or the usage of one (as parallax <command> --help does).',
    flags: {},
    formats: [],
    example: 'parallax help ingest',
  },
];

export function commandNamed(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/** The commands that take a flag, for "--why is an option of story". */
export function commandsTaking(flag: FlagName): string[] {
  return COMMANDS.filter((c) => flag in c.flags).map((c) => c.name);
}
