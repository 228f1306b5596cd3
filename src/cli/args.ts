// Command-line parsing: one table of flags shared by every command, validated up front so misuse fails
// before any work starts (exit code 2).
import { parseArgs } from 'node:util';
import { type Config, DEFAULT_CONFIG } from '../config.js';
import { ParallaxError } from '../errors.js';

export type Format = 'json' | 'text';
const FORMATS: readonly Format[] = ['json', 'text'];

export interface Invocation {
  command: string | null;
  positionals: string[];
  format: Format;
  /** Whether --format was given (demo defaults to text, annotate to json). */
  formatGiven: boolean;
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
  const format = (values.format ?? 'json') as Format;
  if (!FORMATS.includes(format)) {
    throw new ParallaxError(
      'USAGE',
      `--format must be one of ${FORMATS.join(', ')}; got "${values.format}".`,
    );
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
  const [command = null, ...rest] = positionals;
  return {
    command,
    positionals: rest,
    format,
    formatGiven: values.format !== undefined,
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
      sources: { type: 'string' },
      'max-size': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}

export const USAGE = `parallax — compare how news outlets cover the same story

Usage:
  parallax annotate <inputs…> [--sources FILE] [--format json|text] [--max-size MB]
  parallax demo [--format text|json]
  parallax --help | --version

Inputs are files, folders (read recursively), or - for standard input:
  .txt, .md (YAML front matter), .html/.htm saved pages, .json/.jsonl article lists, any of them .gz.

Options:
  -f, --format   json (default): { version: 1, articles: [...] } on standard output; text: a readable view
  --sources      YAML or JSON file mapping file names and URL hosts to outlet names and metadata
  --max-size     largest input document in MB (default 20); larger ones are refused

Exit codes: 0 when at least one article came through, 1 when none did, 2 for usage errors.`;
