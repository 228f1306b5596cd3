// Story tables on PostgreSQL: the same rows and rules as sqlite/stories.ts (read that file for why each is
// there), written for a server: every operation is a few indexed statements on the session's connection.
// Unlike SQLite's, this story index keeps no cache across calls: several processes write the same library,
// and a cache would need their commits announced (left for the worker step of issue 15).

import { ParallaxError } from '../../errors.js';
import type { ArticleFeatures, Day, StoryProfile } from '../../model/story-index.js';
import type { AsyncStoryIndex } from '../async-store.js';
import {
  articleFeaturesFromJson,
  articleFeaturesToJson,
  featureMapFromJson,
  type StoryProfileRow,
  storyProfileFromRow,
} from '../feature-json.js';
import { type MemberRow, POSTED_FEATURES, toMember, untitledTitle } from '../sqlite/stories.js';
import type {
  DuplicateCandidate,
  Placement,
  StoryArticleRef,
  StoryDetail,
  StoryFilter,
  StoryListOptions,
  StoryOrder,
  StorySummary,
} from '../store.js';
import { centralTitle, retitleAt } from '../story-titles.js';
import { CHANGES_KEPT, type ClusterTransaction, DF_CACHE_LIMIT } from './cluster-cache.js';
import type { Runner } from './runner.js';

interface StoryRow {
  id: number;
  title: string | null;
  first_published: string | null;
  last_published: string | null;
  article_count: number;
  outlets: string[];
  updated_at: string;
  contest_splits: number | null;
  contest_labels: number | null;
  contest_shared: number | null;
}

const STORY_COLUMNS = `id, title, first_published, last_published, article_count, outlets, updated_at,
  contest_splits, contest_labels, contest_shared`;

/** As sqlite/stories.ts; NULLS LAST because PostgreSQL sorts NULL above every value, SQLite below. */
const ORDER_TERMS: Record<StoryOrder, string> = {
  newest: '',
  biggest: 'article_count DESC, ',
  contested:
    'contest_splits::float8 / (contest_shared + 3) DESC NULLS LAST, contest_labels DESC NULLS LAST, ',
};

function toSummary(row: StoryRow): StorySummary {
  return {
    id: row.id,
    title: row.title,
    firstPublished: row.first_published,
    lastPublished: row.last_published,
    articleCount: row.article_count,
    outlets: row.outlets,
    updatedAt: row.updated_at,
    contest:
      row.contest_splits === null
        ? null
        : { splits: row.contest_splits, labels: row.contest_labels ?? 0, shared: row.contest_shared ?? 0 },
  };
}

async function seqOf(db: Runner, articleId: string): Promise<number> {
  const here = db.stored?.get(articleId);
  if (here !== undefined) return here.seq;
  const [row] = await db.rows<{ seq: number }>('SELECT seq FROM articles WHERE id = $1', [articleId]);
  if (row === undefined) throw new ParallaxError('STORE', `no stored article has the id ${articleId}`);
  return row.seq;
}

export async function duplicateCandidates(
  db: Runner,
  keys: readonly string[],
  limit: number,
): Promise<DuplicateCandidate[]> {
  if (keys.length === 0) return [];
  return db
    .rows<DuplicateCandidate>(
      `SELECT a.id, a.body AS text, sa.story_id AS "storyId", count(*) AS shared
     FROM duplicate_keys k JOIN articles a ON a.seq = k.article_seq
     LEFT JOIN story_articles sa ON sa.article_seq = a.seq
     WHERE k.key = ANY($1::text[])
     GROUP BY a.seq, sa.story_id ORDER BY shared DESC, a.seq LIMIT $2`,
      [keys, limit],
    )
    .then((rows) => rows.map(({ id, text, storyId }) => ({ id, text, storyId })));
}

export async function recordArticleFeatures(
  db: Runner,
  articleId: string,
  features: ArticleFeatures,
  duplicateKeys: readonly string[],
): Promise<void> {
  const seq = await seqOf(db, articleId);
  // One statement for both tables (an empty key list inserts no key).
  await db.rows(
    `WITH features AS (
       INSERT INTO article_features (article_seq, day, features) VALUES ($1, $2, $3)
       ON CONFLICT (article_seq) DO UPDATE SET day = excluded.day, features = excluded.features)
     INSERT INTO duplicate_keys (key, article_seq) SELECT k, $1 FROM unnest($4::text[]) AS k
     ON CONFLICT DO NOTHING`,
    [seq, features.day, articleFeaturesToJson(features), [...new Set(duplicateKeys)]],
  );
}

export async function articleFeatures(
  db: Runner,
  articleIds: readonly string[],
): Promise<Map<string, ArticleFeatures>> {
  if (articleIds.length === 0) return new Map();
  const rows = await db.rows<{ id: string; day: Day | null; features: string }>(
    `SELECT a.id, f.day, f.features FROM article_features f JOIN articles a ON a.seq = f.article_seq
     WHERE a.id = ANY($1::text[])`,
    [articleIds],
  );
  return new Map(rows.map((row) => [row.id, articleFeaturesFromJson(row.day, row.features)]));
}

async function storyRow(db: Runner, storyId: number): Promise<StoryRow | undefined> {
  const [row] = await db.rows<StoryRow>(`SELECT ${STORY_COLUMNS} FROM stories WHERE id = $1`, [storyId]);
  return row;
}

export async function placeArticle(
  db: Runner,
  articleId: string,
  placement: Placement,
  now: string,
): Promise<void> {
  const seq = await seqOf(db, articleId);
  const here = db.stored?.get(articleId);
  // An article this transaction stored and has not placed yet has no placement to read (or lock).
  const [prior] =
    here !== undefined && !here.placed
      ? []
      : await db.rows<{ story_id: number }>(
          'SELECT story_id FROM story_articles WHERE article_seq = $1 FOR UPDATE',
          [seq],
        );
  if (here !== undefined) here.placed = true;
  const previous = prior?.story_id;
  const duplicateOf = placement.duplicateOf === null ? null : await seqOf(db, placement.duplicateOf);
  const row = [
    seq,
    placement.storyId,
    duplicateOf,
    placement.score,
    placement.reasons === undefined || placement.reasons === null ? null : JSON.stringify(placement.reasons),
    placement.placedBy,
    now,
  ];
  if (previous === undefined) {
    // The placement is written with the listing's update, in one statement; its contest is worked out
    // again (contest_splits NULL) by the same update.
    await addToListing(db, placement.storyId, seq, now, row);
    return;
  }
  await db.rows(
    `INSERT INTO story_articles (article_seq, story_id, duplicate_of, score, reasons, placed_by, placed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ${PLACEMENT_CONFLICT}`,
    row,
  );
  await db.rows('UPDATE stories SET contest_splits = NULL WHERE id = ANY($1::int[])', [
    [placement.storyId, previous],
  ]);
  if (previous !== placement.storyId) {
    await refreshListing(db, previous, now);
    await refreshListing(db, placement.storyId, now);
  }
}

/** A placement replaces the article's previous one. */
const PLACEMENT_CONFLICT = `ON CONFLICT (article_seq) DO UPDATE SET story_id = excluded.story_id,
  duplicate_of = excluded.duplicate_of, score = excluded.score, reasons = excluded.reasons,
  placed_by = excluded.placed_by, placed_at = excluded.placed_at`;

/**
 * Adds a newly placed article to its story's listing (count, days, outlets, title), writing the
 * placement itself (`placement`: story_articles' columns in order) in the same statement. One statement:
 * the story's row is updated from itself and the article's row (the outlets it lists grow by the article's,
 * in order, as refreshListing orders them), so it needs no read first: a second writer adding to the same
 * story waits for the row and updates the row as the first left it. Example: a batch of 16 fresh articles
 * took 32 statements here (a read FOR UPDATE, then the update), now 16.
 */
async function addToListing(
  db: Runner,
  storyId: number,
  seq: number,
  now: string,
  placement: readonly unknown[],
): Promise<void> {
  const [row] = await db.rows<{ article_count: number; title: string | null }>(
    `WITH placed AS (
       INSERT INTO story_articles (article_seq, story_id, duplicate_of, score, reasons, placed_by, placed_at)
       SELECT $4, $5, $6, $7, $8, $9, $10 WHERE EXISTS (SELECT 1 FROM stories WHERE id = $1)
       ${PLACEMENT_CONFLICT})
     UPDATE stories s SET article_count = s.article_count + 1,
       first_published = CASE WHEN a.published IS NULL THEN s.first_published
         ELSE least(coalesce(s.first_published, a.published), a.published) END,
       last_published = CASE WHEN a.published IS NULL THEN s.last_published
         ELSE greatest(coalesce(s.last_published, a.published), a.published) END,
       outlets = CASE WHEN a.outlet IS NULL OR a.outlet = ANY(s.outlets) THEN s.outlets
         ELSE ARRAY(SELECT o FROM unnest(s.outlets || a.outlet) AS o ORDER BY o) END,
       title = coalesce(s.title, a.title), updated_at = $3, contest_splits = NULL
     FROM articles a WHERE s.id = $1 AND a.seq = $2
     RETURNING s.article_count, s.title`,
    [storyId, seq, now, ...placement],
  );
  if (!row) throw new ParallaxError('STORE', `story ${storyId} does not exist`);
  if (row.title === null && row.article_count === 1) {
    // The story's first article, without a title: its opening sentence names the story.
    const [text] = await db.rows<{ body: string }>('SELECT body FROM articles WHERE seq = $1', [seq]);
    await db.rows('UPDATE stories SET title = $1 WHERE id = $2', [untitledTitle(text?.body ?? ''), storyId]);
  }
  if (retitleAt(row.article_count)) await retitle(db, storyId);
}

async function refreshListing(db: Runner, storyId: number, now: string): Promise<void> {
  const before = (await storyRow(db, storyId))?.title ?? null;
  await db.rows(
    `UPDATE stories SET
       article_count = (SELECT count(*) FROM story_articles WHERE story_id = $1),
       first_published = (SELECT min(a.published) FROM story_articles sa JOIN articles a ON a.seq = sa.article_seq
         WHERE sa.story_id = $1),
       last_published = (SELECT max(a.published) FROM story_articles sa JOIN articles a ON a.seq = sa.article_seq
         WHERE sa.story_id = $1),
       outlets = (SELECT coalesce(array_agg(DISTINCT a.outlet ORDER BY a.outlet), '{}') FROM story_articles sa
         JOIN articles a ON a.seq = sa.article_seq WHERE sa.story_id = $1 AND a.outlet IS NOT NULL),
       title = (SELECT a.title FROM story_articles sa JOIN articles a ON a.seq = sa.article_seq
         WHERE sa.story_id = $1 AND a.title IS NOT NULL ORDER BY sa.article_seq LIMIT 1),
       updated_at = $2
     WHERE id = $1`,
    [storyId, now],
  );
  await retitle(db, storyId, before);
  const row = await storyRow(db, storyId);
  if (row && row.title === null && row.article_count > 0) {
    const [first] = await db.rows<{ body: string }>(
      `SELECT a.body FROM story_articles sa JOIN articles a ON a.seq = sa.article_seq
       WHERE sa.story_id = $1 ORDER BY sa.article_seq LIMIT 1`,
      [storyId],
    );
    if (first !== undefined)
      await db.rows('UPDATE stories SET title = $1 WHERE id = $2', [untitledTitle(first.body), storyId]);
  }
}

async function retitle(db: Runner, storyId: number, current?: string | null): Promise<void> {
  const row = await storyRow(db, storyId);
  if (!row) return;
  const held = current === undefined ? row.title : current;
  const rows = await db.rows<{
    title: string | null;
    url: string | null;
    outlet: string | null;
    features: string | null;
  }>(
    `SELECT a.title, a.url_key AS url, a.outlet, f.features
     FROM story_articles sa JOIN articles a ON a.seq = sa.article_seq
     LEFT JOIN article_features f ON f.article_seq = sa.article_seq
     WHERE sa.story_id = $1 AND sa.duplicate_of IS NULL ORDER BY sa.article_seq`,
    [storyId],
  );
  const title = centralTitle(
    rows.map((r) => ({ ...r, features: r.features === null ? new Map() : featureMapFromJson(r.features) })),
    held,
  );
  if (title !== null && title !== row.title)
    await db.rows('UPDATE stories SET title = $1 WHERE id = $2', [title, storyId]);
}

export async function storyOf(db: Runner, articleId: string): Promise<number | null> {
  const [row] = await db.rows<{ story_id: number }>(
    'SELECT sa.story_id FROM articles a JOIN story_articles sa ON sa.article_seq = a.seq WHERE a.id = $1',
    [articleId],
  );
  return row?.story_id ?? null;
}

export async function deleteStory(db: Runner, storyId: number): Promise<void> {
  const [count] = await db.rows<{ n: number }>(
    'SELECT count(*)::int AS n FROM story_articles WHERE story_id = $1',
    [storyId],
  );
  const members = count?.n ?? 0;
  if (members > 0) {
    throw new ParallaxError(
      'STORE',
      `story ${storyId} still has ${members} articles; move them before deleting it`,
    );
  }
  await db.rows('DELETE FROM stories WHERE id = $1', [storyId]);
}

/** The WHERE clause of a story listing and of its count, with its parameters from $1. */
function storyFilterSql({ since, until, outlet, ids, minOutlets }: StoryFilter): {
  where: string;
  params: unknown[];
} {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (minOutlets !== undefined && minOutlets > 1) where.push(`cardinality(outlets) >= ${param(minOutlets)}`);
  if (since !== undefined) where.push(`last_published >= ${param(since)}`);
  if (until !== undefined) where.push(`first_published <= ${param(until)}`);
  if (ids !== undefined) where.push(`id = ANY(${param(ids)}::int[])`);
  if (outlet !== undefined) {
    where.push(`id IN (SELECT sa.story_id FROM articles a JOIN story_articles sa ON sa.article_seq = a.seq
        WHERE a.outlet = ${param(outlet)})`);
  }
  return { where: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params };
}

export async function listStories(db: Runner, options: StoryListOptions): Promise<StorySummary[]> {
  const { where, params } = storyFilterSql(options);
  const n = params.length;
  const rows = await db.rows<StoryRow>(
    `SELECT ${STORY_COLUMNS} FROM stories ${where}
     ORDER BY ${ORDER_TERMS[options.order ?? 'newest']}last_published IS NULL, last_published DESC, id DESC
     LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...params, options.limit ?? null, options.offset ?? 0],
  );
  return rows.map(toSummary);
}

export async function countStories(db: Runner, filter: StoryFilter): Promise<number> {
  const { where, params } = storyFilterSql(filter);
  const [row] = await db.rows<{ n: number }>(`SELECT count(*)::int AS n FROM stories ${where}`, params);
  return row?.n ?? 0;
}

const MEMBER_COLUMNS = `a.id, a.input_id, a.outlet, a.title, a.published,
  d.id AS duplicate_of, sa.score, sa.reasons, sa.placed_by, sa.placed_at`;

const MEMBERS_FROM = `story_articles sa JOIN articles a ON a.seq = sa.article_seq
  LEFT JOIN articles d ON d.seq = sa.duplicate_of`;

export async function getStory(db: Runner, storyId: number): Promise<StoryDetail | null> {
  const row = await storyRow(db, storyId);
  if (!row) return null;
  const members = await db.rows<MemberRow>(
    `SELECT ${MEMBER_COLUMNS} FROM ${MEMBERS_FROM}
     WHERE sa.story_id = $1 ORDER BY a.published IS NULL, a.published, sa.article_seq`,
    [storyId],
  );
  return { ...toSummary(row), members: members.map(toMember) };
}

/**
 * getStory for several stories in one statement: each story's columns (prefixed s_) with each of its
 * members, or once with no member columns when it has none; members in getStory's order.
 */
export async function getStories(db: Runner, storyIds: readonly number[]): Promise<Map<number, StoryDetail>> {
  const result = new Map<number, StoryDetail>();
  const unique = [...new Set(storyIds)];
  if (unique.length === 0) return result;
  const storyColumns = STORY_COLUMNS.split(',')
    .map((c) => `s.${c.trim()} AS s_${c.trim()}`)
    .join(', ');
  const rows = await db.rows<Record<string, unknown> & Partial<MemberRow> & { s_id: number }>(
    `SELECT ${storyColumns}, m.*
     FROM stories s LEFT JOIN LATERAL (
       SELECT ${MEMBER_COLUMNS}, sa.article_seq AS seq FROM ${MEMBERS_FROM} WHERE sa.story_id = s.id
     ) m ON true
     WHERE s.id = ANY($1::int[])
     ORDER BY s.id, m.published IS NULL, m.published, m.seq`,
    [unique],
  );
  const found = new Map<number, StoryDetail>();
  for (const row of rows) {
    let story = found.get(row.s_id);
    if (story === undefined) {
      const storyRow = Object.fromEntries(
        Object.entries(row)
          .filter(([k]) => k.startsWith('s_'))
          .map(([k, v]) => [k.slice(2), v]),
      ) as unknown as StoryRow;
      story = { ...toSummary(storyRow), members: [] };
      found.set(row.s_id, story);
    }
    if (row.id !== null && row.id !== undefined) story.members.push(toMember(row as unknown as MemberRow));
  }
  for (const id of unique) {
    const story = found.get(id);
    if (story) result.set(id, story);
  }
  return result;
}

export async function storyArticles(
  db: Runner,
  storyIds: readonly number[],
): Promise<Map<number, StoryArticleRef[]>> {
  const result = new Map<number, StoryArticleRef[]>();
  if (storyIds.length === 0) return result;
  for (const id of storyIds) result.set(id, []);
  const rows = await db.rows<{
    story_id: number;
    id: string;
    input_id: string | null;
    duplicate_of: string | null;
  }>(
    `SELECT sa.story_id, a.id, a.input_id, d.id AS duplicate_of
     FROM story_articles sa JOIN articles a ON a.seq = sa.article_seq
     LEFT JOIN articles d ON d.seq = sa.duplicate_of
     WHERE sa.story_id = ANY($1::int[]) ORDER BY sa.story_id, sa.article_seq`,
    [storyIds],
  );
  for (const row of rows) {
    result
      .get(row.story_id)
      ?.push({ articleId: row.id, inputId: row.input_id ?? row.id, duplicateOf: row.duplicate_of });
  }
  return result;
}

/**
 * The clustering state on PostgreSQL, through the session's runner. Inside a placement transaction
 * (`cluster()` armed, cluster-cache.ts) reads come from the process's cache where it has them and
 * documents added are written once before the commit; elsewhere every call reads and writes the database.
 */
export function pgStoryIndex(
  db: () => Runner,
  now: () => Date,
  cluster: () => ClusterTransaction | null = () => null,
): AsyncStoryIndex {
  const readCount = async (): Promise<number> => {
    const [row] = await db().rows<{ value: string }>(
      "SELECT value FROM library_counters WHERE name = 'documents'",
    );
    return row === undefined ? 0 : Number(row.value);
  };
  const documentCount = async (): Promise<number> => {
    const tx = cluster();
    const cache = tx?.usable;
    if (!tx || !cache) return readCount();
    cache.count ??= (await readCount()) + tx.pendingDocs;
    return cache.count;
  };
  const readFrequencies = async (features: readonly string[], into: Map<string, number>) => {
    const rows = await db().rows<{ feature: string; df: number }>(
      'SELECT feature, df FROM feature_df WHERE feature = ANY($1::text[])',
      [[...new Set(features)]],
    );
    for (const row of rows) into.set(row.feature, row.df);
  };
  const documentFrequencies = async (features: readonly string[]): Promise<Map<string, number>> => {
    const result = new Map<string, number>(features.map((f) => [f, 0]));
    if (features.length === 0) return result;
    const tx = cluster();
    const cache = tx?.usable;
    if (!tx || !cache) {
      await readFrequencies(features, result);
      return result;
    }
    const missing: string[] = [];
    for (const feature of features) {
      const cached = cache.df.get(feature);
      if (cached === undefined) missing.push(feature);
      else result.set(feature, cached);
    }
    if (missing.length > 0) {
      if (cache.df.size + missing.length > DF_CACHE_LIMIT) cache.df.clear();
      const read = new Map<string, number>();
      await readFrequencies(missing, read);
      for (const feature of missing) {
        const df = (read.get(feature) ?? 0) + (tx.pendingDf.get(feature) ?? 0);
        result.set(feature, df);
        cache.df.set(feature, df);
      }
    }
    return result;
  };
  const readProfiles = async (ids: readonly number[]): Promise<StoryProfile[]> => {
    const rows = await db().rows<StoryProfileRow>(
      'SELECT id, size, first_day, last_day, profile, norms FROM stories WHERE id = ANY($1::int[])',
      [ids],
    );
    return rows.map(storyProfileFromRow);
  };
  const profiles = async (ids: readonly number[]): Promise<StoryProfile[]> => {
    if (ids.length === 0) return [];
    const cache = cluster()?.usable;
    let byId: Map<number, StoryProfile>;
    if (!cache) byId = new Map((await readProfiles(ids)).map((p) => [p.id, p]));
    else {
      const missing = ids.filter((id) => !cache.profiles.has(id));
      if (missing.length > 0) {
        cache.makeRoom(missing.length);
        for (const p of await readProfiles(missing)) cache.profiles.set(p.id, p);
      }
      byId = cache.profiles;
    }
    const result: StoryProfile[] = [];
    for (const id of ids) {
      const profile = byId.get(id);
      if (!profile) continue;
      if (cache) {
        // Used again: to the end of the cache's order, the last to be evicted.
        cache.profiles.delete(id);
        cache.profiles.set(id, profile);
      }
      // A copy of the shell: callers may not change the features map, but may spread and replace fields.
      result.push({ ...profile });
    }
    return result;
  };
  /** As SqliteStoryIndex.strongest: a story is posted under its strongest features only. */
  const strongest = async (features: Map<string, number>): Promise<string[]> => {
    if (features.size <= POSTED_FEATURES) return [...features.keys()];
    const n = await documentCount();
    const dfs = await documentFrequencies([...features.keys()]);
    return [...features]
      .map(([f, w]) => [f, w * (Math.log((n + 1) / ((dfs.get(f) ?? 0) + 1)) + 1)] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, POSTED_FEATURES)
      .map(([f]) => f);
  };
  return {
    documentCount,
    documentFrequencies,
    async addDocument(features) {
      const unique = [...new Set(features)];
      const tx = cluster();
      const cache = tx?.usable;
      if (tx && cache) {
        // Counted now, written by flushDocuments before the transaction commits.
        tx.pendingDocs++;
        tx.changedDocs++;
        for (const feature of unique) tx.changedDf.set(feature, (tx.changedDf.get(feature) ?? 0) + 1);
        if (cache.count !== null) cache.count++;
        for (const feature of unique) {
          tx.pendingDf.set(feature, (tx.pendingDf.get(feature) ?? 0) + 1);
          const cached = cache.df.get(feature);
          if (cached !== undefined) cache.df.set(feature, cached + 1);
        }
        return;
      }
      await db().atomic(async (tx) => {
        await tx.rows(`INSERT INTO library_counters (name, value) VALUES ('documents', 1)
          ON CONFLICT (name) DO UPDATE SET value = library_counters.value + 1`);
        if (unique.length > 0) {
          await tx.rows(
            `INSERT INTO feature_df (feature, df) SELECT f, 1 FROM unnest($1::text[]) AS f
             ON CONFLICT (feature) DO UPDATE SET df = feature_df.df + 1`,
            [unique],
          );
        }
      });
    },
    async candidateStories(features, day, windowDays, limitPerFeature, until) {
      if (features.length === 0) return [];
      // One round trip for all the features (SQLite asks per feature: its calls cost no round trip). The
      // order is SQLite's: feature by feature, the most recently active first, dated before undated.
      const rows =
        day === null
          ? await db().rows<{ story_id: number }>(
              `SELECT p.story_id FROM unnest($1::text[]) WITH ORDINALITY AS f (feature, n)
               CROSS JOIN LATERAL (
                 SELECT story_id, last_day FROM story_postings WHERE feature = f.feature
                 ORDER BY last_day DESC NULLS LAST, story_id DESC LIMIT $2) p
               ORDER BY f.n, p.last_day DESC NULLS LAST, p.story_id DESC`,
              [features, limitPerFeature],
            )
          : await db().rows<{ story_id: number }>(
              `SELECT p.story_id FROM unnest($1::text[]) WITH ORDINALITY AS f (feature, n)
               CROSS JOIN LATERAL (
                 (SELECT story_id, last_day, 0 AS part FROM story_postings
                  WHERE feature = f.feature AND last_day >= $2 AND ($4::int IS NULL OR last_day <= $4)
                  ORDER BY last_day DESC LIMIT $3)
                 UNION ALL
                 (SELECT story_id, last_day, 1 AS part FROM story_postings
                  WHERE feature = f.feature AND last_day IS NULL ORDER BY story_id DESC LIMIT $3)) p
               ORDER BY f.n, p.part, p.last_day DESC, p.story_id DESC`,
              [features, day - windowDays, limitPerFeature, until ?? null],
            );
      const ids = [...new Set(rows.map((r) => r.story_id))];
      if (day === null) return ids;
      // Postings know a story's last day only; a story that starts after the window is out too.
      return (await profiles(ids))
        .filter((p) => p.firstDay === null || p.firstDay <= day + windowDays)
        .map((p) => p.id);
    },
    profiles,
    async saveProfile(profile) {
      return db().atomic(async (tx) => {
        const stamp = now().toISOString();
        const values = [
          profile.size,
          profile.firstDay,
          profile.lastDay,
          JSON.stringify([...profile.features]),
          profile.norms === undefined ? null : JSON.stringify(profile.norms),
          stamp,
        ];
        const posted = await strongest(profile.features);
        let id: number;
        if (profile.id === null) {
          // The story and its postings in one statement (a new story has none to replace).
          const [row] = await tx.rows<{ id: number }>(
            `WITH story AS (
               INSERT INTO stories (size, first_day, last_day, profile, norms, created_at, updated_at)
               VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id),
             postings AS (
               INSERT INTO story_postings (feature, story_id, last_day)
               SELECT f, story.id, $3 FROM story, unnest($7::text[]) AS f ON CONFLICT DO NOTHING)
             SELECT id FROM story`,
            [...values, posted],
          );
          id = (row as { id: number }).id;
        } else {
          id = profile.id;
          // In a placement transaction the cached profile is the row (cluster-cache.ts); elsewhere the row
          // is read and locked.
          const cached = cluster()?.usable ? (await profiles([id]))[0] : undefined;
          const [old] =
            cached !== undefined
              ? [{ last_day: cached.lastDay }]
              : await tx.rows<{ last_day: number | null }>(
                  'SELECT last_day FROM stories WHERE id = $1 FOR UPDATE',
                  [id],
                );
          if (old === undefined) throw new ParallaxError('STORE', `story ${id} does not exist`);
          await tx.rows(
            'DELETE FROM story_postings WHERE story_id = $1 AND NOT (feature = ANY($2::text[]))',
            [id, posted],
          );
          await tx.rows(
            `UPDATE stories SET size = $1, first_day = $2, last_day = $3, profile = $4, norms = $5, updated_at = $6
             WHERE id = $7`,
            [...values, id],
          );
          if (old.last_day !== profile.lastDay) {
            await tx.rows('UPDATE story_postings SET last_day = $1 WHERE story_id = $2', [
              profile.lastDay,
              id,
            ]);
          }
        }
        if (profile.id !== null && posted.length > 0) {
          await tx.rows(
            `INSERT INTO story_postings (feature, story_id, last_day) SELECT f, $2, $3 FROM unnest($1::text[]) AS f
             ON CONFLICT DO NOTHING`,
            [posted, id, profile.lastDay],
          );
        }
        const cache = cluster()?.usable;
        cluster()?.changedStories.add(id);
        if (cache) {
          cache.profiles.delete(id);
          cache.makeRoom(1);
          cache.profiles.set(id, { ...profile, id });
        }
        return id;
      });
    },
  };
}

/**
 * Writes the documents a placement transaction counted (ClusterTransaction.pendingDocs / pendingDf) in one
 * statement: called before it commits and before a savepoint, so a savepoint's rollback never takes them.
 */
export async function flushDocuments(db: Runner, tx: ClusterTransaction): Promise<void> {
  await writeClustering(db, tx, null);
}

/**
 * Before a placement transaction commits: its pending documents, and its row of clustering_changes
 * (unless a savepoint rolled back), with the rows too old to help anyone dropped; one statement.
 */
export async function commitClustering(db: Runner, tx: ClusterTransaction, epoch: number): Promise<void> {
  await writeClustering(db, tx, epoch);
}

async function writeClustering(db: Runner, tx: ClusterTransaction, epoch: number | null): Promise<void> {
  const log = epoch !== null && !tx.unlogged;
  if (tx.pendingDocs === 0 && !log) return;
  const features = [...tx.pendingDf.keys()].sort();
  const changed = [...tx.changedDf.keys()];
  await db.rows(
    `WITH documents AS (
       INSERT INTO library_counters (name, value) SELECT 'documents', $3::bigint WHERE $3::bigint > 0
       ON CONFLICT (name) DO UPDATE SET value = library_counters.value + excluded.value),
     frequencies AS (
       INSERT INTO feature_df (feature, df) SELECT f, n FROM unnest($1::text[], $2::int[]) AS t (f, n)
       ON CONFLICT (feature) DO UPDATE SET df = feature_df.df + excluded.df),
     pruned AS (DELETE FROM clustering_changes WHERE $4::bigint IS NOT NULL AND epoch <= $4::bigint - $9::bigint)
     INSERT INTO clustering_changes (epoch, documents, features, deltas, stories)
     SELECT $4::bigint, $5::int, $6::text[], $7::int[], $8::int[] WHERE $4::bigint IS NOT NULL`,
    [
      features,
      features.map((f) => tx.pendingDf.get(f) ?? 0),
      tx.pendingDocs,
      log ? epoch : null,
      tx.changedDocs,
      changed,
      changed.map((f) => tx.changedDf.get(f) ?? 0),
      [...tx.changedStories],
      CHANGES_KEPT,
    ],
  );
  tx.pendingDf.clear();
  tx.pendingDocs = 0;
}
