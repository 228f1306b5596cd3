// The outlet directory on PostgreSQL: the same rows and rules as sqlite/outlets.ts (read it for why), with
// the merge of a record and a host's parent domains shared with it, so both backends update and look up
// outlets alike.

import { hostAndParents, isBareHost, mergeRecord } from '../sqlite/outlets.js';
import type {
  OutletDirectory,
  OutletField,
  OutletRecord,
  OutletRelabel,
  OutletVoices,
  SourcedField,
} from '../store.js';
import type { Runner } from './runner.js';

interface Row {
  name: string;
  country: string | null;
  language: string | null;
  owner: string | null;
  leaning: string | null;
  notes: string | null;
  sources: string;
}

const SCALE_SETTING = 'leaning_scale';
const COLUMNS = 'name, country, language, owner, leaning, notes, sources';

/**
 * SQLite's `COLLATE NOCASE` folds ASCII letters only: "Ézra Post" sorts by "É" as bytes, before "écho".
 * PostgreSQL's lower() folds by the collation (every script under en_US), so the ASCII fold is spelled out
 * to list outlets in the same order whatever the server's locale.
 */
const ASCII_FOLD = `translate(name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') COLLATE "C"`;

export async function outletDirectory(db: Runner): Promise<OutletDirectory> {
  const hosts = new Map<string, string[]>();
  const hostRows = await db.rows<{ host: string; outlet: string }>(
    'SELECT host, outlet FROM outlet_hosts ORDER BY host COLLATE "C"',
  );
  for (const { host, outlet } of hostRows) {
    const list = hosts.get(outlet) ?? [];
    list.push(host);
    hosts.set(outlet, list);
  }
  const rows = await db.rows<Row>(
    `SELECT ${COLUMNS} FROM outlet_directory ORDER BY ${ASCII_FOLD}, name COLLATE "C"`,
  );
  return {
    leaningScale: await leaningScale(db),
    outlets: rows.map((r) => toRecord(r, hosts.get(r.name) ?? [])),
  };
}

export async function outletRecord(db: Runner, name: string): Promise<OutletRecord | null> {
  const [row] = await db.rows<Row>(`SELECT ${COLUMNS} FROM outlet_directory WHERE name = $1`, [name]);
  if (!row) return null;
  const hosts = await db.rows<{ host: string }>(
    'SELECT host FROM outlet_hosts WHERE outlet = $1 ORDER BY host COLLATE "C"',
    [name],
  );
  return toRecord(
    row,
    hosts.map((h) => h.host),
  );
}

/** Runs inside one transaction (the caller's or its own: pg-store.ts wraps writes with Runner.atomic). */
export async function putOutletRecords(
  db: Runner,
  records: readonly OutletRecord[],
  now: string,
): Promise<{ added: number; updated: number }> {
  let added = 0;
  let updated = 0;
  for (const record of records) {
    const old = await outletRecord(db, record.name);
    await writeRow(db, mergeRecord(old, record), old !== null, now);
    if (old) updated++;
    else added++;
    if (record.hosts.length > 0) {
      await db.rows('DELETE FROM outlet_hosts WHERE outlet = $1', [record.name]);
      for (const host of record.hosts) {
        await db.rows(
          `INSERT INTO outlet_hosts (host, outlet) VALUES ($1, $2)
           ON CONFLICT (host) DO UPDATE SET outlet = excluded.outlet`,
          [host, record.name],
        );
      }
    }
  }
  return { added, updated };
}

export async function clearOutletField(
  db: Runner,
  name: string,
  field: OutletField | 'hosts',
  now: string,
): Promise<boolean> {
  const old = await outletRecord(db, name);
  if (!old) return false;
  const sources = { ...old.sources };
  delete sources[field];
  if (field === 'hosts') await db.rows('DELETE FROM outlet_hosts WHERE outlet = $1', [name]);
  await writeRow(db, { ...old, sources, ...(field === 'hosts' ? {} : { [field]: null }) }, true, now);
  return true;
}

async function writeRow(db: Runner, record: OutletRecord, exists: boolean, now: string): Promise<void> {
  const values = [
    record.name,
    record.country,
    record.language,
    record.owner,
    record.leaning,
    record.notes,
    JSON.stringify(record.sources),
    now,
  ];
  await db.rows(
    exists
      ? `UPDATE outlet_directory SET country = $2, language = $3, owner = $4, leaning = $5, notes = $6,
           sources = $7, updated_at = $8 WHERE name = $1`
      : `INSERT INTO outlet_directory (name, country, language, owner, leaning, notes, sources, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    values,
  );
}

async function leaningScale(db: Runner): Promise<string[] | null> {
  const [row] = await db.rows<{ value: string }>('SELECT value FROM library_settings WHERE name = $1', [
    SCALE_SETTING,
  ]);
  return row === undefined ? null : (JSON.parse(row.value) as string[]);
}

export async function setLeaningScale(db: Runner, scale: readonly string[] | null): Promise<void> {
  if (scale === null) await db.rows('DELETE FROM library_settings WHERE name = $1', [SCALE_SETTING]);
  else {
    await db.rows(
      `INSERT INTO library_settings (name, value) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
      [SCALE_SETTING, JSON.stringify(scale)],
    );
  }
}

/** The longest listed host among the host and its parents: "blogs.cnn.com" before "cnn.com". */
export async function outletOfHost(db: Runner, host: string): Promise<string | null> {
  const [row] = await db.rows<{ outlet: string }>(
    'SELECT outlet FROM outlet_hosts WHERE host = ANY($1::text[]) ORDER BY length(host) DESC LIMIT 1',
    [hostAndParents(host)],
  );
  return row?.outlet ?? null;
}

/** See OutletDirectoryStore.relabelHostOutlets (and sqlite/outlets.ts, which does the same); `db` is atomic. */
export async function relabelHostOutlets(db: Runner, now: string): Promise<OutletRelabel> {
  const named = new Set(
    (await db.rows<{ name: string }>('SELECT name FROM outlet_directory')).map((r) => r.name),
  );
  const hosts = (
    await db.rows<{ outlet: string }>('SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL')
  )
    .map((r) => r.outlet)
    .filter((o) => isBareHost(o) && !named.has(o));
  const renamed: OutletRelabel['renamed'] = [];
  const stories = new Set<number>();
  for (const from of hosts) {
    const to = await outletOfHost(db, from);
    if (to === null || to === from) continue;
    const touched = await db.rows<{ story_id: number }>(
      'SELECT DISTINCT sa.story_id FROM story_articles sa JOIN articles a ON a.seq = sa.article_seq WHERE a.outlet = $1',
      [from],
    );
    for (const r of touched) stories.add(r.story_id);
    const changed = await db.rows<{ seq: number }>(
      `UPDATE articles SET outlet = $2, doc = jsonb_set(doc::jsonb, '{outlet}', to_jsonb($2::text))::text
       WHERE outlet = $1 RETURNING seq`,
      [from, to],
    );
    const actors = (
      await db.rows<{ actor: string }>('SELECT actor FROM actor_outlets WHERE outlet = $1', [from])
    ).map((r) => r.actor);
    await db.rows(
      `INSERT INTO actor_outlets (actor, outlet, articles, labels)
         SELECT actor, $2, articles, labels FROM actor_outlets WHERE outlet = $1
       ON CONFLICT (actor, outlet) DO UPDATE SET articles = actor_outlets.articles + excluded.articles,
         labels = actor_outlets.labels + excluded.labels`,
      [from, to],
    );
    await db.rows('DELETE FROM actor_outlets WHERE outlet = $1', [from]);
    await db.rows(
      `UPDATE actor_totals t SET outlets = (SELECT count(*) FROM actor_outlets o WHERE o.actor = t.actor AND o.outlet <> '')
       WHERE t.actor = ANY($1::text[])`,
      [actors],
    );
    renamed.push({ from, to, articles: changed.length });
  }
  // The listing's outlets as placement keeps them (distinct, sorted); the contest is worked out again.
  await db.rows(
    `UPDATE stories s SET
       outlets = coalesce((SELECT array_agg(DISTINCT a.outlet ORDER BY a.outlet) FROM story_articles sa
         JOIN articles a ON a.seq = sa.article_seq WHERE sa.story_id = s.id AND a.outlet IS NOT NULL), '{}'),
       contest_splits = NULL, updated_at = $2
     WHERE s.id = ANY($1::int[])`,
    [[...stories], now],
  );
  return { renamed, articles: renamed.reduce((n, r) => n + r.articles, 0), stories: stories.size };
}

/** Voices: a near-duplicate (duplicate_of set) is the voice of the article it copies, so it does not count. */
export async function storyOutletVoices(
  db: Runner,
  options: { ids?: readonly number[]; minOutlets?: number },
): Promise<Map<number, OutletVoices[]>> {
  const select = `SELECT sa.story_id AS story, a.outlet AS outlet,
      (count(*) FILTER (WHERE sa.duplicate_of IS NULL))::int AS voices`;
  // SQLite hands its groups back in (story, outlet) order with NULL first; so does this.
  const order = 'GROUP BY sa.story_id, a.outlet ORDER BY sa.story_id, a.outlet NULLS FIRST';
  const rows = options.ids
    ? await db.rows<{ story: number; outlet: string | null; voices: number }>(
        `${select} FROM story_articles sa JOIN articles a ON a.seq = sa.article_seq
         WHERE sa.story_id = ANY($1::int[]) ${order}`,
        [options.ids],
      )
    : await db.rows<{ story: number; outlet: string | null; voices: number }>(
        `${select} FROM stories s JOIN story_articles sa ON sa.story_id = s.id
         JOIN articles a ON a.seq = sa.article_seq
         WHERE cardinality(s.outlets) >= $1 ${order}`,
        [options.minOutlets ?? 1],
      );
  const out = new Map<number, OutletVoices[]>();
  for (const r of rows) {
    const list = out.get(r.story) ?? [];
    list.push({ outlet: r.outlet, voices: r.voices });
    out.set(r.story, list);
  }
  return out;
}

function toRecord(r: Row, hosts: string[]): OutletRecord {
  return {
    name: r.name,
    hosts,
    country: r.country,
    language: r.language,
    owner: r.owner,
    leaning: r.leaning,
    notes: r.notes,
    sources: JSON.parse(r.sources) as Partial<Record<SourcedField, string>>,
  };
}
