// Command-line parsing. Node's parseArgs splits the words (one table of every flag, so a value is never
// mistaken for a command or an input); each flag is then checked against what its command takes, so
// misuse fails before any work starts, with one line naming the flag and the command (exit code 2).
import { parseArgs } from 'node:util';
import { type Config, DEFAULT_CONFIG } from '../config.js';
import { ParallaxError } from '../errors.js';
import { isCalendarDay } from '../text/calendar-day.js';
import {
  COMMANDS,
  commandNamed,
  commandsTaking,
  FLAGS,
  type FlagName,
  type FlagSpec,
  type Format,
  GLOBAL_FLAGS,
} from './commands.js';
import { didYouMean } from './suggest.js';

export type { Format } from './commands.js';

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
  /** stories --page: which page of --limit stories (1 is the first). */
  page: number | null;
  /** stories --min-outlets: only stories covered by at least this many outlets. */
  minOutlets: number | null;
  /** ingest and watch --jobs: annotation threads at most; null is the default (one per core less one). */
  jobs: number | null;
  why: boolean;
  /** story split --articles: ids, comma-separated or repeated. */
  articles: string[];
  /** serve --host and --port. */
  host: string;
  port: number;
  /** serve --allowed-host: host names requests may name besides the loopback names and --host. */
  allowedHosts: string[];
  /** Fetching: reach private and loopback addresses; fetch what robots.txt disallows. */
  allowPrivate: boolean;
  ignoreRobots: boolean;
  /** watch --every (milliseconds) and --once. */
  everyMs: number;
  once: boolean;
  /** outlets import --starter: the outlet directory shipped with Parallax. */
  starter: boolean;
  /** outlets set --source: where the value set came from. */
  source: string | null;
  /** story --section: one section of the report as a table (csv or json). */
  section: string | null;
  /** stories --blindspots [--by FIELD]: the stories one group of outlets alone covers. */
  blindspots: boolean;
  by: string | null;
  /** ingest --queue: enqueue instead of ingesting. */
  queue: boolean;
  /** worker --concurrency: jobs at once; null is the default (16, cli/queue.ts). */
  concurrency: number | null;
  /** queue retry --all. */
  all: boolean;
  help: boolean;
  version: boolean;
}

const usage = (message: string) => new ParallaxError('USAGE', message);

/** The tail of a usage error about flags: where to read which ones the command takes. */
function helpHint(command: string | null): string {
  return command ? `"parallax ${command} --help" lists its options` : '"parallax --help" shows the usage';
}

export function parseInvocation(argv: readonly string[]): Invocation {
  const { values, positionals, tokens } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    // Checked below, flag by flag against the command, with messages that say what to do instead.
    strict: false,
    tokens: true,
    options: FLAGS,
  });
  const [command = null, ...rest] = positionals;
  const spec = command === null ? undefined : commandNamed(command);
  if (command !== null && spec === undefined) throw unknownCommand(command);
  const formatsOf = spec?.formats ?? [];
  // Asking for help wins over any other mistake on the line: the help is what shows how to fix it.
  if (values.help === true) return helpInvocation(command, rest, formatsOf[0] ?? 'json');
  for (const token of tokens) {
    if (token.kind === 'option') checkOption(token, command);
  }
  const format = (typeof values.format === 'string' ? values.format : (formatsOf[0] ?? 'json')) as Format;
  if (values.format !== undefined && !formatsOf.includes(format)) {
    const what = command ? `--format for ${command}` : '--format';
    throw usage(`${what} must be one of ${formatsOf.join(', ')}; got "${values.format}".`);
  }
  const text = (name: FlagName): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const flag = (name: FlagName): boolean => values[name] === true;
  const config: Config = { ...DEFAULT_CONFIG, sourcesFile: text('sources') ?? null };
  const maxSize = text('max-size');
  if (maxSize !== undefined) {
    const mb = Number(maxSize);
    if (!Number.isFinite(mb) || mb <= 0) {
      throw usage(`--max-size takes a size in MB greater than 0; got "${maxSize}".`);
    }
    config.maxInputBytes = Math.round(mb * 1024 * 1024);
  }
  // --max-articles, --jobs, --limit: a whole number of at least 1, or null when the flag is not given.
  const count = (name: FlagName): number | null => {
    const given = text(name);
    if (given === undefined) return null;
    const n = Number(given);
    if (!Number.isInteger(n) || n < 1)
      throw usage(`--${name} takes a whole number of at least 1; got "${given}".`);
    return n;
  };
  const maxArticles = count('max-articles');
  if (maxArticles !== null) config.maxStoryArticles = maxArticles;
  const since = text('since');
  if (since !== undefined && !isCalendarDay(since)) {
    const why = /^\d{4}-\d{2}-\d{2}$/.test(since) ? ', which is not a day of the calendar' : '';
    throw usage(`--since takes a day as YYYY-MM-DD; got "${since}"${why}.`);
  }
  const jobs = count('jobs');
  const limit = count('limit');
  const page = count('page');
  const minOutlets = count('min-outlets');
  const articles = values.articles;
  const allowedHost = values['allowed-host'];
  return {
    command,
    positionals: rest,
    format,
    formatGiven: values.format !== undefined,
    out: text('out') ?? null,
    config,
    db: text('db') ?? (process.env.PARALLAX_DB?.trim() || null),
    since: since ?? null,
    outlet: text('outlet') ?? null,
    limit,
    page,
    minOutlets,
    jobs,
    why: flag('why'),
    starter: flag('starter'),
    source: text('source') ?? null,
    section: text('section') ?? null,
    blindspots: flag('blindspots'),
    by: text('by') ?? null,
    queue: flag('queue'),
    concurrency: count('concurrency'),
    all: flag('all'),
    host: text('host') ?? '127.0.0.1',
    port: parsePort(text('port')),
    allowedHosts: (Array.isArray(allowedHost) ? allowedHost : [])
      .filter((h): h is string => typeof h === 'string')
      .flatMap((h) => h.split(','))
      .map((h) => h.trim())
      .filter(Boolean),
    allowPrivate: flag('allow-private'),
    ignoreRobots: flag('ignore-robots'),
    everyMs: parseEvery(text('every')),
    once: flag('once'),
    articles: (Array.isArray(articles) ? articles : [])
      .filter((a): a is string => typeof a === 'string')
      .flatMap((a) => a.split(','))
      .map((a) => a.trim())
      .filter(Boolean),
    help: false,
    version: flag('version'),
  };
}

/** `parallax <command> --help`: nothing else on the line is read. */
function helpInvocation(command: string | null, positionals: string[], format: Format): Invocation {
  return {
    command,
    positionals,
    format,
    formatGiven: false,
    out: null,
    config: DEFAULT_CONFIG,
    db: null,
    since: null,
    outlet: null,
    limit: null,
    page: null,
    minOutlets: null,
    jobs: null,
    why: false,
    articles: [],
    host: '127.0.0.1',
    port: DEFAULT_PORT,
    allowedHosts: [],
    allowPrivate: false,
    ignoreRobots: false,
    everyMs: DEFAULT_EVERY_MS,
    once: false,
    starter: false,
    source: null,
    section: null,
    blindspots: false,
    by: null,
    queue: false,
    concurrency: null,
    all: false,
    help: true,
    version: false,
  };
}

/** "unknown command "ingets"; did you mean ingest? …" */
export function unknownCommand(name: string): ParallaxError {
  const guess = didYouMean(
    name,
    COMMANDS.map((c) => c.name),
  );
  const hint = guess ? `did you mean ${guess}? ` : '';
  return usage(`unknown command "${name}"; ${hint}"parallax --help" lists the commands`);
}

interface OptionToken {
  name: string;
  rawName: string;
  value?: string;
  inlineValue?: boolean;
}

/** One flag as written, against the flags of its command: unknown, not this command's, missing value. */
function checkOption(token: OptionToken, command: string | null): void {
  const { name, rawName } = token;
  const spec: FlagSpec | undefined = (FLAGS as Record<string, FlagSpec>)[name];
  const allowed: string[] = [
    ...GLOBAL_FLAGS,
    ...Object.keys((command ? commandNamed(command)?.flags : undefined) ?? {}),
  ];
  const where = command ? ` for ${command}` : '';
  if (spec === undefined) {
    const guess = name.length > 1 ? didYouMean(name, allowed) : null;
    throw usage(
      `unknown option ${rawName}${where}; ${guess ? `did you mean --${guess}? ` : ''}${helpHint(command)}`,
    );
  }
  if (!allowed.includes(name)) {
    if (command === null) throw usage(`${rawName} needs a command; ${helpHint(null)}`);
    const takers = commandsTaking(name as FlagName);
    // "--why is for story" helps; a list of most commands does not.
    const elsewhere = takers.length > 0 && takers.length <= 3 ? ` (it is for ${takers.join(', ')})` : '';
    throw usage(`${command} takes no ${rawName} option${elsewhere}; ${helpHint(command)}`);
  }
  if (spec.type === 'boolean' && token.inlineValue) {
    throw usage(`${rawName} takes no value; got "${rawName}=${token.value}"`);
  }
  if (spec.type === 'string') {
    const value = token.value;
    // As parseArgs' strict mode does: "--db --why" is a forgotten value, not a file called --why.
    if (value === undefined || (!token.inlineValue && value.length > 1 && value.startsWith('-'))) {
      const dashed =
        value === undefined ? '' : ` (a value that starts with a dash is written ${rawName}=${value})`;
      throw usage(`${rawName} needs a value: ${rawName} ${spec.value ?? 'VALUE'}${dashed}`);
    }
  }
}

/** The pause between two polls of `parallax watch`, and the shortest allowed (feeds are not hammered). */
export const DEFAULT_EVERY_MS = 15 * 60 * 1000;
const MIN_EVERY_MS = 60 * 1000;

function parseEvery(value: string | undefined): number {
  if (value === undefined) return DEFAULT_EVERY_MS;
  const m = /^(\d+(?:\.\d+)?)\s*(s|m|h)$/.exec(value.trim());
  const ms = m ? Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 's' | 'm' | 'h'] : Number.NaN;
  if (!(ms >= MIN_EVERY_MS)) {
    throw usage(`--every takes a duration of at least 1m such as 90s, 15m or 2h; got "${value}".`);
  }
  return ms;
}

/** Port of `parallax serve`. */
export const DEFAULT_PORT = 8017;

function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw usage(`--port takes a port number from 0 to 65535; got "${value}".`);
  }
  return port;
}
