// The `parallax` command. Every problem reaches the user as one line on standard error; the exit code
// says how the run went: 0 at least one article came through, 1 none did, 2 misuse (help.ts EXIT_CODES).
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ParallaxError } from '../errors.js';
import type { AnnotatedArticle } from '../model/article.js';
import { AnnotationsJsonWriter } from '../report/annotations-json.js';
import { formatArticleText } from '../report/annotations-text.js';
import { type Invocation, parseInvocation, unknownCommand } from './args.js';
import { commandNamed } from './commands.js';
import { commandHelp, generalHelp } from './help.js';
import { ingestCommand, searchCommand, serveCommand, storiesCommand, storyCommand } from './library.js';
import { emitReport, type Io, terminalSafe } from './output.js';

export type { Io } from './output.js';

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

export async function main(argv: string[], rawIo: Io = defaultIo): Promise<number> {
  // Titles, outlets and feed names come from the web: nothing they carry may drive the terminal.
  const io = terminalSafe(rawIo);
  try {
    const invocation = parseInvocation(argv);
    if (invocation.help || invocation.command === 'help') {
      io.stdout(helpFor(invocation));
      return 0;
    }
    if (invocation.version) {
      const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as {
        version: string;
      };
      io.stdout(`${pkg.version}\n`);
      return 0;
    }
    if (invocation.command === null) {
      io.stdout(generalHelp());
      return 2;
    }
    switch (invocation.command) {
      case 'annotate':
        requireInputs(invocation);
        return await annotate(invocation, io);
      case 'analyze':
        requireInputs(invocation);
        return await analyze(invocation, io);
      case 'demo':
        return await demo(invocation, io);
      case 'ingest':
        requireInputs(invocation);
        if (invocation.queue) {
          const { enqueueCommand } = await import('./queue.js');
          return await enqueueCommand(invocation, io);
        }
        return await ingestCommand(invocation, io);
      case 'worker': {
        const { workerCommand } = await import('./queue.js');
        return await workerCommand(invocation, io);
      }
      case 'queue': {
        const { queueCommand } = await import('./queue.js');
        return await queueCommand(invocation, io);
      }
      case 'stories':
        return await storiesCommand(invocation, io);
      case 'story':
        return await storyCommand(invocation, io);
      case 'search':
        return await searchCommand(invocation, io);
      case 'serve':
        return await serveCommand(invocation, io);
      case 'feeds': {
        const { feedsCommand } = await import('./feeds.js');
        return await feedsCommand(invocation, io);
      }
      case 'outlets': {
        const { outletsCommand } = await import('./outlets.js');
        return await outletsCommand(invocation, io);
      }
      case 'watch': {
        const { watchCommand } = await import('./feeds.js');
        return await watchCommand(invocation, io);
      }
      case 'notes': {
        const { notesCommand } = await import('./notes.js');
        return await notesCommand(invocation, io);
      }
      case 'export':
      case 'import':
      case 'copy': {
        const transfer = await import('./transfer.js');
        const run = {
          export: transfer.exportCommand,
          import: transfer.importCommand,
          copy: transfer.copyCommand,
        };
        return await run[invocation.command](invocation, io);
      }
      case 'migrate': {
        const { migrateCommand } = await import('./migrate.js');
        return await migrateCommand(invocation, io);
      }
      default:
        throw unknownCommand(invocation.command);
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

/** `parallax --help`, `parallax <command> --help`, `parallax help [<command>]`. */
function helpFor(invocation: Invocation): string {
  // "parallax help stories" is about stories; "parallax help --help" about help itself.
  const about =
    invocation.command === 'help' && !invocation.help
      ? (invocation.positionals[0] ?? null)
      : invocation.command;
  if (about === null) return generalHelp();
  const command = commandNamed(about);
  if (command === undefined) throw unknownCommand(about);
  return commandHelp(command);
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

function requireInputs(invocation: Invocation): void {
  if (invocation.positionals.length === 0) {
    throw new ParallaxError(
      'USAGE',
      `${invocation.command} needs at least one input: a file, a folder, or - for standard input.`,
    );
  }
}

/** Run the pipeline over the inputs; refusals go to standard error as they happen. */
async function collectArticles(invocation: Invocation, io: Io): Promise<AnnotatedArticle[]> {
  const { runPipeline } = await import('../pipeline/index.js');
  const articles: AnnotatedArticle[] = [];
  const options = { stdin: io.stdin, maxArticles: invocation.config.maxStoryArticles };
  for await (const event of runPipeline(invocation.positionals, invocation.config, options)) {
    if (event.ok) articles.push(event.article);
    else io.stderr(`parallax: ${event.input}: ${event.reason}`);
  }
  return articles;
}

/** Compare the articles as one story; write the report files, or print one format. */
async function analyze(invocation: Invocation, io: Io): Promise<number> {
  const articles = await collectArticles(invocation, io);
  if (articles.length === 0) {
    io.stderr('parallax: no articles came through; nothing to analyze.');
    return 1;
  }
  const { compareStory } = await import('../compare/index.js');
  const { buildReport } = await import('../report/index.js');
  const report = buildReport([compareStory(articles)]);
  return emitReport(report, invocation, io, `compared ${articles.length} articles`);
}

/** Analyze the bundled example story. */
async function demo(invocation: Invocation, io: Io): Promise<number> {
  const absolute = join(packageRoot(), DEMO_STORY);
  // Sources are reported as given: a short relative path reads better when run from the project.
  const story = relative(process.cwd(), absolute).startsWith('..')
    ? absolute
    : relative(process.cwd(), absolute);
  io.stderr(`parallax: analyzing the example story in ${story}`);
  return analyze({ ...invocation, positionals: [story] }, io);
}
