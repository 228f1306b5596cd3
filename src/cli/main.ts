// The `parallax` command. Every problem reaches the user as one line on standard error; the exit code
// says how the run went: 0 at least one article came through, 1 none did, 2 misuse.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ParallaxError } from '../errors.js';
import { AnnotationsJsonWriter } from '../report/annotations-json.js';
import { formatArticleText } from '../report/annotations-text.js';
import { type Invocation, parseInvocation, USAGE } from './args.js';

export interface Io {
  stdout: (chunk: string) => void;
  stderr: (line: string) => void;
  stdin: NodeJS.ReadableStream;
}

const defaultIo: Io = {
  stdout: (chunk) => process.stdout.write(chunk),
  stderr: (line) => process.stderr.write(`${line}\n`),
  stdin: process.stdin,
};

/** The package root, two levels above dist/src/cli or src/cli. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    try {
      readFileSync(join(dir, 'package.json'));
      return dir;
    } catch {
      dir = dirname(dir);
    }
  }
  return process.cwd();
}

export const DEMO_STORY = 'examples/harbor-bridge';

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  try {
    const invocation = parseInvocation(argv);
    if (invocation.version) {
      const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as {
        version: string;
      };
      io.stdout(`${pkg.version}\n`);
      return 0;
    }
    if (invocation.help || invocation.command === null || invocation.command === 'help') {
      io.stdout(`${USAGE}\n`);
      return invocation.command === null && !invocation.help ? 2 : 0;
    }
    switch (invocation.command) {
      case 'annotate':
        if (invocation.positionals.length === 0) {
          throw new ParallaxError(
            'USAGE',
            'annotate needs at least one input: a file, a folder, or - for standard input.',
          );
        }
        return await annotate(invocation, io);
      case 'demo':
        return await demo(invocation, io);
      default:
        throw new ParallaxError(
          'USAGE',
          `unknown command "${invocation.command}". Run "parallax --help" for usage.`,
        );
    }
  } catch (err) {
    if (err instanceof ParallaxError) {
      io.stderr(`parallax: ${err.message}`);
      return err.code === 'USAGE' || err.code === 'CONFIG' ? 2 : 1;
    }
    io.stderr(`parallax: internal error: ${(err as Error).stack ?? String(err)}`);
    return 1;
  }
}

async function annotate(invocation: Invocation, io: Io): Promise<number> {
  const json = new AnnotationsJsonWriter(io.stdout);
  let articles = 0;
  // Loading the language models takes most of a second: only commands that annotate pay for it.
  const { runPipeline } = await import('../pipeline/index.js');
  if (invocation.format === 'json') json.start();
  for await (const event of runPipeline(invocation.positionals, invocation.config, { stdin: io.stdin })) {
    if (!event.ok) {
      io.stderr(`parallax: ${event.input}: ${event.reason}`);
      continue;
    }
    articles++;
    if (invocation.format === 'json') json.article(event.article);
    else io.stdout(`${articles > 1 ? '\n' : ''}${formatArticleText(event.article)}`);
  }
  if (invocation.format === 'json') json.end();
  if (articles === 0) {
    io.stderr('parallax: no articles came through; nothing to annotate.');
    return 1;
  }
  return 0;
}

/** Annotate the bundled example story, readable by default. */
async function demo(invocation: Invocation, io: Io): Promise<number> {
  const absolute = join(packageRoot(), DEMO_STORY);
  // Sources are reported as given: a short relative path reads better when run from the project.
  const story = relative(process.cwd(), absolute).startsWith('..')
    ? absolute
    : relative(process.cwd(), absolute);
  const format = invocation.formatGiven ? invocation.format : 'text';
  io.stderr(`parallax: annotating the example story in ${story}`);
  const code = await annotate({ ...invocation, positionals: [story], format }, io);
  if (code === 0 && format === 'text') {
    io.stderr('parallax: for the JSON, run: parallax annotate examples/harbor-bridge --format json');
  }
  return code;
}
