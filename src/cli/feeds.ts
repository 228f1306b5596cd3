// The feed commands: feeds add (URLs or an OPML file), feeds list (with each feed's error state), feeds
// export (OPML), feeds remove, and watch, which polls every feed on a schedule and keeps running through
// any feed's or page's failure until Ctrl-C or SIGTERM.

import { existsSync } from 'node:fs';
import { ParallaxError } from '../errors.js';
import type { AsyncStore } from '../store/async-store.js';
import type { FeedRow } from '../store/store.js';
import type { Invocation } from './args.js';
import { withAsyncLibrary } from './library.js';
import { type Io, oneLine } from './output.js';
import { didYouMean } from './suggest.js';

async function fetcherFor(invocation: Invocation) {
  const { Fetcher } = await import('../fetch/fetcher.js');
  return new Fetcher({ allowPrivate: invocation.allowPrivate, ignoreRobots: invocation.ignoreRobots });
}

function feedLine(f: FeedRow): string {
  const state =
    f.status === 'error'
      ? `FAILING (${f.failures} poll${f.failures === 1 ? '' : 's'}): ${f.error ?? 'unknown error'}`
      : f.status === 'new'
        ? 'not polled yet'
        : `ok, last at ${f.okAt ?? '?'}`;
  return `${String(f.id).padStart(4)}  ${oneLine(`${f.title ?? '(untitled)'} <${f.url}>`)}\n      ${f.items} items · ${oneLine(state)}`;
}

async function addFeeds(
  invocation: Invocation,
  io: Io,
  store: AsyncStore,
  inputs: string[],
): Promise<number> {
  const { checkUrl, FetchError } = await import('../fetch/http-client.js');
  const { MAX_OPML_FILE_BYTES, parseOpml } = await import('../feeds/opml.js');
  const { readCapped } = await import('../ingest/bytes.js');
  let added = 0;
  let failed = 0;
  for (const input of inputs) {
    let feeds: { url: string; title: string | null; siteUrl: string | null }[];
    if (/^https?:\/\//i.test(input)) {
      feeds = [{ url: input, title: null, siteUrl: null }];
    } else if (existsSync(input)) {
      try {
        const bytes = await readCapped(input, MAX_OPML_FILE_BYTES);
        if (!bytes) {
          const mb = MAX_OPML_FILE_BYTES / (1024 * 1024);
          io.stderr(`parallax: ${input}: over the ${mb} MB an OPML file may be; stopped reading there`);
          failed++;
          continue;
        }
        feeds = parseOpml(bytes.toString('utf8')).feeds;
      } catch (err) {
        io.stderr(`parallax: ${input}: not an OPML file (${(err as Error).message})`);
        failed++;
        continue;
      }
    } else {
      io.stderr(`parallax: ${input}: neither an http(s) feed URL nor an OPML file`);
      failed++;
      continue;
    }
    for (const feed of feeds) {
      try {
        checkUrl(feed.url, invocation.allowPrivate);
      } catch (err) {
        io.stderr(
          `parallax: ${feed.url}: ${err instanceof FetchError ? err.reason : (err as Error).message}`,
        );
        failed++;
        continue;
      }
      const { created } = await store.addFeed(feed.url, feed.title, feed.siteUrl);
      if (created) added++;
      else io.stderr(`parallax: ${feed.url}: already followed`);
    }
  }
  io.stderr(
    `parallax: following ${added} new feed${added === 1 ? '' : 's'}${failed ? `, ${failed} refused` : ''}; "parallax watch" polls them`,
  );
  return added > 0 || failed === 0 ? 0 : 1;
}

const FEEDS_SUBCOMMANDS = ['add', 'list', 'export', 'remove'];

export async function feedsCommand(invocation: Invocation, io: Io): Promise<number> {
  const [sub, ...rest] = invocation.positionals;
  switch (sub) {
    case 'add':
      if (rest.length === 0) throw new ParallaxError('USAGE', 'feeds add needs feed URLs or an OPML file');
      return withAsyncLibrary(invocation, false, (store) => addFeeds(invocation, io, store, rest));
    case 'list':
      return withAsyncLibrary(invocation, true, async (store) => {
        const feeds = await store.listFeeds();
        if (invocation.format === 'json') io.stdout(`${JSON.stringify({ feeds }, null, 2)}\n`);
        else if (feeds.length === 0)
          io.stderr('parallax: no feeds yet; add one with "parallax feeds add <url>"');
        else io.stdout(`${feeds.map(feedLine).join('\n')}\n`);
        return 0;
      });
    case 'export':
      return withAsyncLibrary(invocation, true, async (store) => {
        const { writeOpml } = await import('../feeds/opml.js');
        const feeds = (await store.listFeeds()).map((f) => ({
          url: f.url,
          title: f.title,
          siteUrl: f.siteUrl,
        }));
        io.stdout(writeOpml('Parallax feeds', feeds));
        return 0;
      });
    case 'remove':
      if (rest.length !== 1) throw new ParallaxError('USAGE', 'feeds remove takes one feed URL or id');
      return withAsyncLibrary(invocation, true, async (store) => {
        const target = rest[0] ?? '';
        const feed = (await store.listFeeds()).find((f) => f.url === target || String(f.id) === target);
        if (!feed)
          throw new ParallaxError(
            'USAGE',
            `no followed feed is "${target}"; "parallax feeds list" shows them`,
          );
        await store.removeFeed(feed.id);
        io.stderr(`parallax: no longer following ${feed.url}`);
        return 0;
      });
    default: {
      const meant = sub === undefined ? null : didYouMean(sub, FEEDS_SUBCOMMANDS);
      throw new ParallaxError(
        'USAGE',
        `feeds takes add, list, export or remove; got "${sub ?? ''}"${meant ? `; did you mean ${meant}?` : ''}`,
      );
    }
  }
}

export async function watchCommand(invocation: Invocation, io: Io): Promise<number> {
  if (invocation.positionals.length > 0) {
    throw new ParallaxError('USAGE', `watch takes no inputs; add feeds with "parallax feeds add"`);
  }
  const { pollFeeds, pollLine } = await import('../library/feeds.js');
  // --queue: the new items' pages go on the library's queue for `parallax worker` (a PostgreSQL library).
  const queueDb = invocation.queue
    ? (await import('../queue/queue.js')).requireQueueDb(invocation.db, 'parallax watch --queue')
    : null;
  const fetcher = await fetcherFor(invocation);
  return withAsyncLibrary(invocation, true, async (store) => {
    if ((await store.listFeeds()).length === 0) {
      throw new ParallaxError('USAGE', 'no feeds to watch; add one with "parallax feeds add <url>"');
    }
    const queue = queueDb === null ? null : await (await import('../queue/queue.js')).openQueue(queueDb);
    const enqueue = queue
      ? async (pages: { url: string; facts: Record<string, string | null> }[]) => {
          await queue.enqueueFetches(
            pages.map((p) => ({
              url: p.url,
              allowPrivate: invocation.allowPrivate,
              ignoreRobots: invocation.ignoreRobots,
              facts: p.facts,
            })),
          );
        }
      : undefined;
    let stopping = false;
    let wake: () => void = () => {};
    const stop = (signal: string) => {
      io.stderr(`parallax: ${signal}: stopping after this poll`);
      stopping = true;
      wake();
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
    try {
      for (;;) {
        const at = new Date();
        try {
          const summary = await pollFeeds(store, {
            fetcher,
            config: invocation.config,
            jobs: invocation.jobs ?? undefined,
            onProblem: (input, reason) => io.stderr(`parallax: ${input}: ${reason}`),
            enqueue,
          });
          if (invocation.format === 'json')
            io.stdout(`${JSON.stringify({ at: at.toISOString(), ...summary })}\n`);
          else io.stderr(pollLine(summary, at));
        } catch (err) {
          // A poll that fails as a whole (the library is locked, say) is reported; the next one may work.
          io.stderr(`parallax: poll at ${at.toISOString().slice(11, 19)} failed: ${(err as Error).message}`);
          if (invocation.once) return 1;
        }
        if (invocation.once || stopping) return 0;
        await new Promise<void>((r) => {
          const timer = setTimeout(r, invocation.everyMs);
          wake = () => {
            clearTimeout(timer);
            r();
          };
        });
        if (stopping) return 0;
      }
    } finally {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      await queue?.close();
    }
  });
}
