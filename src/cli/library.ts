// The library commands: ingest, stories, story (report, --why, merge, split) and search. Each opens the
// library once, does its work, and closes it, also when the work fails. They take a library file or a
// PostgreSQL URL (through the asynchronous store), as every command does.

import { existsSync } from 'node:fs';
import { ParallaxError } from '../errors.js';
import type { IngestItem } from '../ingest/index.js';
import { EXPORT_SECTIONS, type ExportSection, sectionCsv, sectionJson } from '../report/sections-export.js';
import type { AsyncStore } from '../store/async-store.js';
import { isPostgresUrl, openAsyncStore } from '../store/open.js';
import type { StorySummary } from '../store/store.js';
import type { Invocation } from './args.js';
import { emitReport, type Io, oneLine } from './output.js';
import { describeProgress, progressLine } from './progress.js';
import { didYouMean } from './suggest.js';

export const DEFAULT_DB = 'parallax.db';
/** An input that names a web page rather than a file. */
const isUrlInput = (input: string): boolean => /^https?:\/\//i.test(input);
/** Stories `parallax stories` prints on a terminal without --limit. */
const DEFAULT_TEXT_LIMIT = 50;
/** Articles `parallax search` prints without --limit. */
const DEFAULT_SEARCH_LIMIT = 20;

export function dbPath(invocation: Invocation): string {
  return invocation.db ?? DEFAULT_DB;
}

/** The library --db (or PARALLAX_DB) names, file or PostgreSQL URL, through the asynchronous store. */
export async function openAsyncLibrary(invocation: Invocation, mustExist: boolean): Promise<AsyncStore> {
  const db = dbPath(invocation);
  // A PostgreSQL library is a database the server must already have; opening it says so when it is not.
  if (!isPostgresUrl(db)) requireLibraryFile(db, mustExist);
  return openAsyncStore(db);
}

function requireLibraryFile(path: string, mustExist: boolean): void {
  if (mustExist && !existsSync(path)) {
    throw new ParallaxError(
      'STORE',
      `${path}: no library there; add articles with "parallax ingest <inputs…>" or name one with --db`,
    );
  }
}

/** Opens the library (a file or a PostgreSQL URL), runs `fn` on it, and closes it, also when `fn` fails. */
export async function withAsyncLibrary<T>(
  invocation: Invocation,
  mustExist: boolean,
  fn: (store: AsyncStore) => Promise<T> | T,
): Promise<T> {
  const store = await openAsyncLibrary(invocation, mustExist);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export async function ingestCommand(invocation: Invocation, io: Io): Promise<number> {
  const { ingestIntoLibrary } = await import('../library/ingest.js');
  return withAsyncLibrary(invocation, false, async (store) => {
    const started = Date.now();
    const progress = progressLine();
    const urls = invocation.positionals.filter(isUrlInput);
    const files = invocation.positionals.filter((p) => !isUrlInput(p));
    // The fetching code is loaded only when there is something to fetch.
    let extra: AsyncIterable<IngestItem> | undefined;
    if (urls.length > 0) {
      const { Fetcher } = await import('../fetch/fetcher.js');
      const { urlItems } = await import('../library/urls.js');
      extra = urlItems(
        new Fetcher({ allowPrivate: invocation.allowPrivate, ignoreRobots: invocation.ignoreRobots }),
        urls,
      );
    }
    const summary = await ingestIntoLibrary(store, files, invocation.config, {
      extra,
      stdin: io.stdin,
      jobs: invocation.jobs ?? undefined,
      onRefusal: (input, reason) => {
        progress.done();
        io.stderr(`parallax: ${input}: ${reason}`);
      },
      onProgress: (p) =>
        progress.update(
          describeProgress(
            p.seen,
            null,
            started,
            `${p.added} new, ${p.existing} already stored, ${p.newStories} new stories`,
          ),
        ),
    });
    progress.done();
    const path = store.location;
    if (invocation.format === 'json') {
      io.stdout(`${JSON.stringify({ db: path, ...summary }, null, 2)}\n`);
    } else if (summary.added === 0 && summary.existing > 0) {
      const refused = summary.refused > 0 ? `, ${summary.refused} refused` : '';
      io.stderr(
        `parallax: ${path}: nothing new; ${summary.existing} article${summary.existing === 1 ? '' : 's'} already stored, unchanged${refused}`,
      );
    } else {
      const joined = summary.added - summary.newStories - summary.duplicates;
      const parts = [
        `${summary.added} new article${summary.added === 1 ? '' : 's'}`,
        `${summary.newStories} new stor${summary.newStories === 1 ? 'y' : 'ies'}`,
        `${joined} joined existing stories`,
        `${summary.duplicates} near-duplicate${summary.duplicates === 1 ? '' : 's'} linked`,
      ];
      if (summary.existing > 0) parts.push(`${summary.existing} already stored, unchanged`);
      if (summary.refused > 0) parts.push(`${summary.refused} refused`);
      io.stderr(`parallax: ${path}: ${parts.join(', ')} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
    if (summary.added + summary.existing === 0) {
      io.stderr('parallax: no articles came through; nothing was stored.');
      return 1;
    }
    return 0;
  });
}

function storyLine(story: StorySummary): string {
  const days =
    story.firstPublished === null
      ? 'undated'
      : story.firstPublished === story.lastPublished
        ? story.firstPublished
        : `${story.firstPublished} … ${story.lastPublished}`;
  const outlets = story.outlets.length > 0 ? oneLine(story.outlets.join(', ')) : 'no outlet named';
  const title = story.title === null ? '(untitled)' : oneLine(story.title);
  return `${String(story.id).padStart(5)}  ${days.padEnd(23)}  ${String(story.articleCount).padStart(3)} art.  ${title}\n       ${outlets}`;
}

/** The closing line of a listing cut by --limit: "… and 37 more; use --limit 87 to list them all". */
function moreLine(shown: number, total: number): string | null {
  if (total <= shown) return null;
  return `… and ${total - shown} more; use --limit ${total} to list them all\n`;
}

/** The closing line of a page of stories: "… and 37 more (87 in all); use --page 2 for the next ones". */
function pageLine(offset: number, shown: number, total: number, page: number): string | null {
  const after = total - offset - shown;
  if (after <= 0) return null;
  return `… and ${after} more (${total} in all); use --page ${page + 1} for the next ones\n`;
}

export async function storiesCommand(invocation: Invocation, io: Io): Promise<number> {
  if (invocation.positionals.length > 0) {
    throw new ParallaxError('USAGE', `stories takes no inputs; got "${invocation.positionals[0]}"`);
  }
  if (invocation.blindspots) return blindspotsCommand(invocation, io);
  if (invocation.by !== null)
    throw new ParallaxError('USAGE', '--by goes with --blindspots (stories --blindspots --by leaning)');
  return withAsyncLibrary(invocation, true, async (store) => {
    // A terminal shows the newest stories unless asked for more; JSON, meant for programs, lists them all.
    const limit = invocation.limit ?? (invocation.format === 'json' ? undefined : DEFAULT_TEXT_LIMIT);
    const page = invocation.page ?? 1;
    if (page > 1 && limit === undefined)
      throw new ParallaxError('USAGE', '--page needs --limit with --format json (the page size)');
    const offset = limit === undefined ? 0 : (page - 1) * limit;
    const filter = {
      since: invocation.since ?? undefined,
      outlet: invocation.outlet ?? undefined,
      minOutlets: invocation.minOutlets ?? undefined,
    };
    const stories = await store.listStories({ ...filter, limit, offset });
    // Counted only when the listing was cut: a short first page is its own total.
    const total =
      offset === 0 && (limit === undefined || stories.length < limit)
        ? stories.length
        : await store.countStories(filter);
    const { calibrationViewOf } = await import('../library/calibration.js');
    const calibration = calibrationViewOf(await store.calibration());
    if (invocation.format === 'json') {
      const { storyListingIn } = await import('../library/stories.js');
      const out = await storyListingIn(store, stories);
      const listing = { stories: out, total, ...(offset > 0 ? { offset } : {}), calibration };
      io.stdout(`${JSON.stringify(listing, null, 2)}\n`);
      return 0;
    }
    if (stories.length === 0) {
      io.stderr(
        offset > 0
          ? `parallax: no stories on page ${page} (${total} in all).`
          : 'parallax: no stories match.',
      );
      return 0;
    }
    io.stdout(`${stories.map(storyLine).join('\n')}\n`);
    io.stdout(pageLine(offset, stories.length, total, page) ?? '');
    // Only a warning is worth a line under every listing; JSON always carries the check.
    if (calibration.state === 'too-many') io.stdout(`${calibration.message}\n`);
    return 0;
  });
}

/** `stories --blindspots [--by FIELD]`: the web app's blindspot list (src/server/spread-views.ts) in a terminal. */
async function blindspotsCommand(invocation: Invocation, io: Io): Promise<number> {
  const { SPREAD_FIELDS } = await import('../outlets/spread.js');
  const field = invocation.by ?? 'leaning';
  if (!(SPREAD_FIELDS as readonly string[]).includes(field)) {
    const meant = didYouMean(field, SPREAD_FIELDS);
    throw new ParallaxError(
      'USAGE',
      `--by is one of ${SPREAD_FIELDS.join(', ')}; got "${field}"${meant ? `; did you mean ${meant}?` : ''}`,
    );
  }
  for (const [flag, given] of [
    ['--since', invocation.since],
    ['--outlet', invocation.outlet],
    ['--min-outlets', invocation.minOutlets],
  ] as const)
    if (given !== null)
      throw new ParallaxError('USAGE', `${flag} does not go with --blindspots, which looks at every story`);
  const { spreadViews, blindspotsJson } = await import('../server/spread-views.js');
  return withAsyncLibrary(invocation, true, async (store) => {
    const views = spreadViews(store);
    const by = field as (typeof SPREAD_FIELDS)[number];
    const page = invocation.page ?? 1;
    // JSON lists them all unless --limit says otherwise (the classification is worked out once).
    const limit =
      invocation.limit ??
      (invocation.format === 'json'
        ? Math.max(1, (await views.blindspots(by, null, 1, 1)).total)
        : DEFAULT_TEXT_LIMIT);
    const listing = await views.blindspots(by, null, page, limit);
    if (invocation.format === 'json') {
      io.stdout(`${JSON.stringify(blindspotsJson(listing), null, 2)}\n`);
      return 0;
    }
    if (listing.groups.length < 2) {
      io.stderr(
        `parallax: the outlet directory gives ${listing.groups.length === 0 ? 'no' : 'only one'} ${field}, so no story can be covered by one ${field} only; "parallax outlets import --starter" adds the AllSides leanings.`,
      );
      return 0;
    }
    const head = `${listing.total} blindspot${listing.total === 1 ? '' : 's'} by ${field} among ${listing.examined} stories covered by 2+ outlets: ${listing.groups.map((g) => `only ${g.value} ${g.stories}`).join(' · ')}`;
    io.stdout(`${oneLine(head)}\n`);
    if (listing.stories.length === 0) {
      io.stderr(page > 1 ? `parallax: no blindspots on page ${page}.` : 'parallax: no blindspots.');
      return 0;
    }
    const lines = listing.stories.map(
      ({ summary, only, spread }) =>
        `${storyLine(summary)}\n       only ${oneLine(only)}: ${spread.groups.map((g) => `${oneLine(g.value ?? 'not in the directory')} ${g.voices}`).join(', ')}`,
    );
    io.stdout(`${lines.join('\n')}\n`);
    io.stdout(pageLine(listing.offset, listing.stories.length, listing.total, page) ?? '');
    return 0;
  });
}

export async function storyCommand(invocation: Invocation, io: Io): Promise<number> {
  const {
    mergeStoriesIn,
    parseStoryId,
    splitStoryIn,
    explainStoryIn,
    memberReason,
    requireStoryIn,
    storyReportIn,
  } = await import('../library/stories.js');
  const [first, ...rest] = invocation.positionals;
  if (first === 'merge') {
    if (rest.length !== 2)
      throw new ParallaxError(
        'USAGE',
        'story merge takes two story ids: the story to keep and the one to fold into it',
      );
    const [target, other] = [parseStoryId(rest[0]), parseStoryId(rest[1])];
    return withAsyncLibrary(invocation, true, async (store) => {
      const merged = await mergeStoriesIn(store, target, other);
      io.stderr(
        `parallax: merged story ${other} into story ${target}; it now has ${merged.articleCount} articles`,
      );
      return 0;
    });
  }
  if (first === 'split') {
    if (rest.length !== 1)
      throw new ParallaxError('USAGE', 'story split takes one story id and --articles ID[,ID…]');
    const id = parseStoryId(rest[0]);
    return withAsyncLibrary(invocation, true, async (store) => {
      const { from, to } = await splitStoryIn(store, id, invocation.articles);
      io.stderr(
        `parallax: moved ${to.articleCount} article${to.articleCount === 1 ? '' : 's'} from story ${from.id} into new story ${to.id}; story ${from.id} keeps ${from.articleCount}`,
      );
      return 0;
    });
  }
  const meant = first === undefined || /^\d/.test(first) ? null : didYouMean(first, ['merge', 'split']);
  if (meant !== null) {
    throw new ParallaxError(
      'USAGE',
      `story takes a story id, merge or split; got "${first}"; did you mean ${meant}?`,
    );
  }
  if (rest.length > 0)
    throw new ParallaxError('USAGE', `story takes one story id; got "${invocation.positionals.join(' ')}"`);
  const id = parseStoryId(first);
  return withAsyncLibrary(invocation, true, async (store) => {
    if (invocation.why) {
      const { story, members } = await explainStoryIn(store, id);
      if (invocation.formatGiven && invocation.format === 'json') {
        io.stdout(`${JSON.stringify({ story: { ...story, members: undefined }, members }, null, 2)}\n`);
        return 0;
      }
      const lines = [storyLine(story), ''];
      for (const m of members) {
        const head = oneLine(
          `${m.inputId} [${m.articleId}] ${m.outlet ?? 'no outlet'}, ${m.published ?? 'undated'}`,
        );
        const { why, now } = memberReason(m);
        lines.push(`- ${head}\n    ${why}`);
        if (now !== null) lines.push(`    now: ${now}`);
      }
      io.stdout(`${lines.join('\n')}\n`);
      return 0;
    }
    if (invocation.format === 'text')
      throw new ParallaxError('USAGE', '--format text is for story --why; a report is json, html or md');
    const section = invocation.section === null ? null : exportSection(invocation.section);
    if (invocation.format === 'csv' && section === null)
      throw new ParallaxError(
        'USAGE',
        `--format csv writes one section of the report: add --section ${EXPORT_SECTIONS.join('|')}`,
      );
    const story = await requireStoryIn(store, id);
    const report = await storyReportIn(store, story);
    const first = report.stories[0];
    if (section !== null && first) {
      // The library's title names the story, as in the web app.
      if (story.title) first.title = story.title;
      io.stdout(
        invocation.format === 'csv'
          ? sectionCsv(first, section)
          : `${JSON.stringify(sectionJson(first, section), null, 2)}\n`,
      );
      return 0;
    }
    if (first) {
      // The story's coverage by leaning, when the library's outlet directory gives leanings.
      const { reportSpread } = await import('../outlets/spread.js');
      const spread = await reportSpread(store, id);
      if (spread) first.spread = spread;
    }
    const compared = report.stories[0]?.articles.length ?? 0;
    return emitReport(report, invocation, io, `compared story ${id} (${compared} articles)`);
  });
}

function exportSection(given: string): ExportSection {
  if ((EXPORT_SECTIONS as readonly string[]).includes(given)) return given as ExportSection;
  const meant = didYouMean(given, EXPORT_SECTIONS);
  throw new ParallaxError(
    'USAGE',
    `--section is one of ${EXPORT_SECTIONS.join(', ')}; got "${given}"${meant ? `; did you mean ${meant}?` : ''}`,
  );
}

export async function searchCommand(invocation: Invocation, io: Io): Promise<number> {
  const query = invocation.positionals.join(' ').trim();
  if (query === '')
    throw new ParallaxError('USAGE', 'search needs a query: words, "a phrase", OR, NOT, prefix*');
  return withAsyncLibrary(invocation, true, async (store) => {
    const limit = invocation.limit ?? DEFAULT_SEARCH_LIMIT;
    const hits = await store.search(query, limit);
    const total = hits.length === limit ? await store.countSearch(query) : hits.length;
    const stories = new Map<string, number | null>();
    for (const h of hits) stories.set(h.id, await store.storyOf(h.id));
    if (invocation.format === 'json') {
      const listed = hits.map((h) => ({ ...h, story: stories.get(h.id) ?? null }));
      io.stdout(`${JSON.stringify({ query, hits: listed, total }, null, 2)}\n`);
      return 0;
    }
    if (hits.length === 0) {
      io.stderr(`parallax: nothing matches ${JSON.stringify(query)}.`);
      return 0;
    }
    const lines = hits.map((h) => {
      const story = stories.get(h.id);
      const where = [
        h.outlet ?? 'no outlet',
        h.published ?? 'undated',
        story != null ? `story ${story}` : null,
      ]
        .filter(Boolean)
        .join(', ');
      return `${oneLine(`${h.title ?? '(untitled)'} — ${where} [${h.id}]`)}\n    ${h.snippet.replace(/\s+/g, ' ')}`;
    });
    io.stdout(`${lines.join('\n')}\n`);
    io.stdout(moreLine(hits.length, total) ?? '');
    return 0;
  });
}

export async function serveCommand(invocation: Invocation, io: Io): Promise<number> {
  if (invocation.positionals.length > 0) {
    throw new ParallaxError('USAGE', `serve takes no inputs; got "${invocation.positionals[0]}"`);
  }
  const store = await openAsyncLibrary(invocation, true);
  const { startServer, tokenFor } = await import('../server/serve.js');
  const { token, generated } = tokenFor(invocation.host, process.env.PARALLAX_TOKEN);
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({
      store,
      token,
      fetching: { allowPrivate: invocation.allowPrivate, ignoreRobots: invocation.ignoreRobots },
      host: invocation.host,
      port: invocation.port,
      log: io.stderr,
      // SQLite: searches in worker threads on connections of their own; PostgreSQL runs them itself.
      dbPath: store.backend === 'sqlite' ? dbPath(invocation) : undefined,
      queueUrl: store.backend === 'postgres' ? dbPath(invocation) : undefined,
      allowedHosts: invocation.allowedHosts,
    });
    if (generated) io.stderr(`parallax: writing (adding articles, merge, split) needs this token: ${token}`);
  } catch (err) {
    await store.close();
    throw new ParallaxError('USAGE', (err as Error).message);
  }
  await new Promise<void>((done) => {
    const stop = (signal: string) => {
      io.stderr(`parallax: ${signal}: stopping`);
      server.close().then(done, done);
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  await store.close();
  return 0;
}
