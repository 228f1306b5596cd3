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
  const format = (values.format ?? 'json') as Format;
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
  return {
    command,
    positionals: rest,
    format,
    formatGiven: values.format !== undefined,
    out: values.out ?? null,
    config,
    help: values.help === true,
    version: values.version === true,
  };
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
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}

export const USAGE = `parallax — compare how news outlets cover the same story

Usage:
  parallax analyze <inputs…> [--sources FILE] [--out DIR] [--format json|html|md]
  parallax annotate <inputs…> [--sources FILE] [--format json|text] [--max-size MB]
  parallax demo [--out DIR] [--format json|html|md]
  parallax --help | --version

Inputs are files, folders (read recursively), or - for standard input:
  .txt, .md (YAML front matter), .html/.htm saved pages, .json/.jsonl article lists, any of them .gz.

analyze compares the articles as one story: the actors and the labels each outlet gives them, quotes
as each outlet printed them, facts and exclusives, discrepancies, a timeline and a cited digest. It
writes report.json, index.html and report.md into --out (default ./parallax-report); with --format it
prints that one format to standard output instead. demo does this for a bundled example story.

Options:
  -f, --format   annotate: json (default) or text; analyze and demo: json, html or md to standard output
  -o, --out      folder for the report files (default ./parallax-report)
  --sources      YAML or JSON file mapping file names and URL hosts to outlet names and metadata
  --max-size     largest input document in MB (default 20); larger ones are refused

Exit codes: 0 when at least one article came through, 1 when none did, 2 for usage errors.`;
