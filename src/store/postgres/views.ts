// Library-wide views and feeds on PostgreSQL: the same rows and aggregates as sqlite/views.ts and
// sqlite/feeds.ts. Where SQLite returns a "bare" column of a group (any row's name or label), PostgreSQL
// needs an aggregate: min() is used, so the spelling shown for a group can differ between the backends
// (the counts cannot).

import type { AnnotatedArticle } from '../../model/article.js';
import type { Tone } from '../../model/report.js';
import { articleActorLabels, labelContest } from '../../text/article-labels.js';
import { type FeedDbRow, toFeed } from '../feed-row.js';
import type {
  ActorSummary,
  FeedItemRecord,
  FeedPollUpdate,
  FeedRow,
  LabelUse,
  NameUse,
  OutletSummary,
  ToneCounts,
} from '../store.js';
import type { Runner } from './runner.js';

/** Stories whose contest is worked out again per call, as on SQLite. */
const CONTEST_BATCH = 5_000;

/**
 * The actor labels of newly stored articles (a batch, in the order stored), and the per-actor counts they
 * add: three statements for the whole batch, with the counts each article's own statements would have
 * left. Example: two articles of one outlet naming a new actor give its outlet row articles 2 and its
 * total outlets 1, as the first article inserting and the second updating did.
 */
export async function recordLabels(
  db: Runner,
  stored: readonly { seq: number; article: AnnotatedArticle }[],
): Promise<void> {
  const rows: {
    seq: number;
    actor: string;
    name: string;
    kind: string;
    label: string | null;
    tone: string | null;
  }[] = [];
  // Per (actor, outlet): articles of the batch naming the actor, and their labels of it.
  const byOutlet = new Map<string, { actor: string; outlet: string; articles: number; labels: number }>();
  // Per actor, in the order first named: the first naming's name and kind, articles, labels, and the
  // outlet each article named it in (whether that outlet is new for the actor is known once written).
  const byActor = new Map<
    string,
    { name: string; kind: string; articles: number; labels: number; outlets: string[] }
  >();
  for (const { seq, article } of stored) {
    const labels = articleActorLabels(article);
    const outlet = article.outlet ?? '';
    const perActor = new Map<string, { name: string; kind: string; labels: number }>();
    for (const l of labels) {
      rows.push({ seq, actor: l.actor, name: l.name, kind: l.kind, label: l.label, tone: l.tone });
      const entry = perActor.get(l.actor) ?? { name: l.name, kind: l.kind, labels: 0 };
      if (l.label !== null) entry.labels++;
      perActor.set(l.actor, entry);
    }
    for (const [actor, e] of perActor) {
      const key = `${actor}\u0000${outlet}`;
      const o = byOutlet.get(key) ?? { actor, outlet, articles: 0, labels: 0 };
      o.articles++;
      o.labels += e.labels;
      byOutlet.set(key, o);
      const a = byActor.get(actor) ?? { name: e.name, kind: e.kind, articles: 0, labels: 0, outlets: [] };
      a.articles++;
      a.labels += e.labels;
      a.outlets.push(outlet);
      byActor.set(actor, a);
    }
  }
  if (rows.length === 0) return;
  await db.rows(
    `INSERT INTO actor_labels (article_seq, actor, name, kind, label, tone)
     SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])`,
    [
      rows.map((r) => r.seq),
      rows.map((r) => r.actor),
      rows.map((r) => r.name),
      rows.map((r) => r.kind),
      rows.map((r) => r.label),
      rows.map((r) => r.tone),
    ],
  );
  const pairs = [...byOutlet.values()];
  // A row whose count after the write is this batch's alone did not exist before: the outlet is new for
  // the actor (an existing row has at least one article already).
  const written = await db.rows<{ actor: string; outlet: string; articles: number }>(
    `INSERT INTO actor_outlets (actor, outlet, articles, labels)
     SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[])
     ON CONFLICT (actor, outlet) DO UPDATE SET articles = actor_outlets.articles + excluded.articles,
       labels = actor_outlets.labels + excluded.labels
     RETURNING actor, outlet, articles`,
    [
      pairs.map((p) => p.actor),
      pairs.map((p) => p.outlet),
      pairs.map((p) => p.articles),
      pairs.map((p) => p.labels),
    ],
  );
  const sent = new Map(pairs.map((p) => [`${p.actor}\u0000${p.outlet}`, p.articles]));
  // Articles without an outlet are kept together under '' but are not an outlet.
  const fresh = new Set(
    written
      .filter((r) => r.outlet !== '' && r.articles === sent.get(`${r.actor}\u0000${r.outlet}`))
      .map((r) => `${r.actor}\u0000${r.outlet}`),
  );
  const actors = [...byActor];
  // Outlets an actor gained: each fresh pair once, at the first article naming it there. A new actor's
  // row starts at 1 outlet (as one article's insert always did) plus what the later articles gained.
  const gained = actors.map(([actor, a]) => {
    let total = 0;
    let first = 0;
    const seen = new Set<string>();
    a.outlets.forEach((outlet, i) => {
      if (seen.has(outlet)) return;
      seen.add(outlet);
      if (!fresh.has(`${actor}\u0000${outlet}`)) return;
      total++;
      if (i === 0) first = 1;
    });
    return { total, first };
  });
  await db.rows(
    `INSERT INTO actor_totals (actor, name, kind, articles, outlets, labels)
     SELECT a, nm, k, n, o, l FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::int[])
       AS t (a, nm, k, n, o, l)
     ON CONFLICT (actor) DO UPDATE SET articles = actor_totals.articles + excluded.articles,
       outlets = actor_totals.outlets + (SELECT g FROM unnest($1::text[], $7::int[]) AS u (a, g) WHERE u.a = excluded.actor),
       labels = actor_totals.labels + excluded.labels`,
    [
      actors.map(([actor]) => actor),
      actors.map(([, a]) => a.name),
      actors.map(([, a]) => a.kind),
      actors.map(([, a]) => a.articles),
      gained.map((g) => 1 + g.total - g.first),
      actors.map(([, a]) => a.labels),
      gained.map((g) => g.total),
    ],
  );
}

export function outlets(db: Runner): Promise<OutletSummary[]> {
  return db.rows<OutletSummary>(`
    SELECT a.outlet, count(*)::int AS articles, count(DISTINCT sa.story_id)::int AS stories,
           min(a.published) AS "firstPublished", max(a.published) AS "lastPublished"
    FROM articles a LEFT JOIN story_articles sa ON sa.article_seq = a.seq
    WHERE a.outlet IS NOT NULL GROUP BY a.outlet ORDER BY articles DESC, a.outlet`);
}

export function outletMonths(db: Runner, outlet: string): Promise<{ month: string; articles: number }[]> {
  return db.rows(
    `SELECT substr(published, 1, 7) AS month, count(*)::int AS articles FROM articles
     WHERE outlet = $1 AND published IS NOT NULL GROUP BY month ORDER BY month`,
    [outlet],
  );
}

export async function outletActors(db: Runner, outlet: string, limit: number): Promise<ActorSummary[]> {
  const rows = await db.rows<ActorSummary>(
    `SELECT l.actor, min(l.name) AS name, max(l.kind) AS kind, count(DISTINCT l.article_seq)::int AS articles
     FROM articles a JOIN actor_labels l ON l.article_seq = a.seq
     WHERE a.outlet = $1 GROUP BY l.actor
     HAVING count(l.label) > 0 ORDER BY articles DESC, count(l.label) DESC, l.actor LIMIT $2`,
    [outlet, limit],
  );
  return rows.map((r) => ({ ...r, outlets: 1 }));
}

const LABEL_USE = `l.actor, min(l.name) AS name, min(l.label) AS label, min(l.tone) AS tone, a.outlet,
  count(*)::int AS articles, min(a.published) AS first, max(a.published) AS last`;

export function labelUses(db: Runner, actors: readonly string[], limit: number): Promise<LabelUse[]> {
  if (actors.length === 0) return Promise.resolve([]);
  return db.rows<LabelUse>(
    `SELECT ${LABEL_USE} FROM actor_labels l JOIN articles a ON a.seq = l.article_seq
     WHERE l.actor = ANY($1::text[]) AND l.label IS NOT NULL
     GROUP BY l.actor, lower(l.label), a.outlet
     ORDER BY articles DESC, l.actor, lower(l.label), a.outlet NULLS FIRST LIMIT $2`,
    [actors, limit],
  );
}

export function labelUsesByMonth(
  db: Runner,
  actors: readonly string[],
  limit: number,
): Promise<(LabelUse & { month: string | null })[]> {
  if (actors.length === 0) return Promise.resolve([]);
  return db.rows(
    `SELECT ${LABEL_USE}, substr(a.published, 1, 7) AS month
     FROM actor_labels l JOIN articles a ON a.seq = l.article_seq
     WHERE l.actor = ANY($1::text[]) AND l.label IS NOT NULL
     GROUP BY l.actor, lower(l.label), a.outlet, month
     ORDER BY articles DESC, l.actor, lower(l.label), a.outlet NULLS FIRST, month NULLS FIRST LIMIT $2`,
    [actors, limit],
  );
}

export function nameUses(db: Runner, actors: readonly string[]): Promise<NameUse[]> {
  if (actors.length === 0) return Promise.resolve([]);
  return db.rows<NameUse>(
    `SELECT l.actor, l.name, a.outlet, substr(a.published, 1, 7) AS month, count(*)::int AS articles
     FROM actor_labels l JOIN articles a ON a.seq = l.article_seq
     WHERE l.actor = ANY($1::text[]) AND l.label IS NULL
     GROUP BY l.actor, l.name, a.outlet, month
     ORDER BY month NULLS FIRST, l.actor, l.name, a.outlet NULLS FIRST`,
    [actors],
  );
}

export async function toneCounts(db: Runner, outlet?: string): Promise<ToneCounts> {
  const rows =
    outlet === undefined
      ? await db.rows<{ tone: Tone; n: number }>(
          'SELECT tone, count(*)::int AS n FROM actor_labels WHERE tone IS NOT NULL GROUP BY tone',
        )
      : await db.rows<{ tone: Tone; n: number }>(
          `SELECT l.tone, count(*)::int AS n FROM articles a JOIN actor_labels l ON l.article_seq = a.seq
           WHERE a.outlet = $1 AND l.tone IS NOT NULL GROUP BY l.tone`,
          [outlet],
        );
  const counts: ToneCounts = { negative: 0, neutral: 0, positive: 0 };
  for (const row of rows) if (row.tone in counts) counts[row.tone] = row.n;
  return counts;
}

export function actors(db: Runner, limit: number, prefix?: string): Promise<ActorSummary[]> {
  if (prefix) {
    return db.rows<ActorSummary>(
      `SELECT actor, name, kind, articles, outlets FROM actor_totals
       WHERE actor >= $1 AND actor < $1 || chr(1114111) AND labels > 0
       ORDER BY outlets DESC, articles DESC, actor LIMIT $2`,
      [prefix, limit],
    );
  }
  return db.rows<ActorSummary>(
    `SELECT actor, name, kind, articles, outlets FROM actor_totals
     WHERE labels > 0 ORDER BY outlets DESC, articles DESC, actor LIMIT $1`,
    [limit],
  );
}

export async function actor(db: Runner, key: string): Promise<ActorSummary | null> {
  const [row] = await db.rows<ActorSummary>(
    'SELECT actor, name, kind, articles, outlets FROM actor_totals WHERE actor = $1',
    [key],
  );
  return row ?? null;
}

/**
 * Works out the contest of stale stories; returns how many. A story another transaction holds (a worker
 * placing an article in it, which will leave its contest stale again) is skipped, not waited for: a
 * contested listing waited for whole placement transactions, seconds each while workers ingested, and
 * every reader of the listing with it. Skipped, it is listed as not worked out yet (last), and its
 * placement's commit moves the library version, so the listing is drawn again.
 */
export async function refreshContest(db: Runner): Promise<number> {
  const stale = await db.rows<{ id: number }>(
    'SELECT id FROM stories WHERE contest_splits IS NULL LIMIT $1 FOR UPDATE SKIP LOCKED',
    [CONTEST_BATCH],
  );
  if (stale.length === 0) return 0;
  const ids = stale.map((s) => s.id);
  // All the stale stories' labels in one statement and their contests in another (a placement batch
  // touches a story per article; a statement per story cost two round trips each).
  const rows = await db.rows<{
    story_id: number;
    actor: string;
    label: string;
    tone: string;
    outlet: string | null;
  }>(
    `SELECT sa.story_id, l.actor, l.label, l.tone, a.outlet FROM story_articles sa
     JOIN actor_labels l ON l.article_seq = sa.article_seq JOIN articles a ON a.seq = sa.article_seq
     WHERE sa.story_id = ANY($1::int[]) AND sa.duplicate_of IS NULL AND l.label IS NOT NULL`,
    [ids],
  );
  const byStory = new Map<number, typeof rows>(ids.map((id) => [id, []]));
  for (const row of rows) byStory.get(row.story_id)?.push(row);
  const contests = ids.map((id) => labelContest(byStory.get(id) ?? []));
  await db.rows(
    `UPDATE stories s SET contest_splits = c.splits, contest_labels = c.labels, contest_shared = c.shared
     FROM unnest($1::int[], $2::int[], $3::int[], $4::int[]) AS c (id, splits, labels, shared)
     WHERE s.id = c.id`,
    [ids, contests.map((c) => c.splits), contests.map((c) => c.labels), contests.map((c) => c.shared)],
  );
  return stale.length;
}

export async function addFeed(
  db: Runner,
  url: string,
  title: string | null,
  siteUrl: string | null,
  now: string,
): Promise<{ feed: FeedRow; created: boolean }> {
  const inserted = await db.rows<{ id: number }>(
    `INSERT INTO feeds (url, title, site_url, added_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (url) DO NOTHING RETURNING id`,
    [url, title, siteUrl, now],
  );
  const [row] = await db.rows<FeedDbRow>('SELECT * FROM feeds WHERE url = $1', [url]);
  return { feed: toFeed(row as FeedDbRow), created: inserted.length > 0 };
}

export async function listFeeds(db: Runner): Promise<FeedRow[]> {
  return (await db.rows<FeedDbRow>('SELECT * FROM feeds ORDER BY id')).map(toFeed);
}

export async function removeFeed(db: Runner, id: number): Promise<boolean> {
  // feed_items go with it (ON DELETE CASCADE).
  return (await db.rows('DELETE FROM feeds WHERE id = $1 RETURNING id', [id])).length > 0;
}

export async function recordPoll(db: Runner, id: number, update: FeedPollUpdate, now: string): Promise<void> {
  await db.rows(
    `UPDATE feeds SET polled_at = $2,
       title = coalesce($4, title), site_url = coalesce($5, site_url),
       etag = CASE WHEN $3 THEN $6 ELSE etag END,
       last_modified = CASE WHEN $3 THEN $7 ELSE last_modified END,
       ok_at = CASE WHEN $3 THEN $2 ELSE ok_at END,
       status = CASE WHEN $3 THEN 'ok' ELSE 'error' END,
       error = CASE WHEN $3 THEN NULL ELSE $8 END,
       failures = CASE WHEN $3 THEN 0 ELSE failures + 1 END,
       items = items + $9
     WHERE id = $1`,
    [
      id,
      now,
      update.ok,
      update.title ?? null,
      update.siteUrl ?? null,
      update.etag ?? null,
      update.lastModified ?? null,
      update.error ?? null,
      update.items ?? 0,
    ],
  );
}

export async function seenItems(
  db: Runner,
  feedId: number,
  keys: readonly string[],
  urls: readonly string[],
): Promise<Set<string>> {
  const seen = new Set<string>();
  if (keys.length > 0) {
    const rows = await db.rows<{ key: string }>(
      'SELECT key FROM feed_items WHERE feed_id = $1 AND key = ANY($2::text[])',
      [feedId, keys],
    );
    for (const r of rows) seen.add(r.key);
  }
  if (urls.length > 0) {
    const rows = await db.rows<{ url: string }>('SELECT url FROM feed_items WHERE url = ANY($1::text[])', [
      urls,
    ]);
    for (const r of rows) seen.add(r.url);
  }
  return seen;
}

export async function recordItem(
  db: Runner,
  feedId: number,
  item: FeedItemRecord,
  now: string,
): Promise<void> {
  await db.rows(
    `INSERT INTO feed_items (feed_id, key, url, state, reason, seen_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (feed_id, key) DO UPDATE SET state = excluded.state, reason = excluded.reason`,
    [feedId, item.key, item.url, item.state, item.reason ?? null, now],
  );
}
