// The outlet directory on SQLite: metadata per outlet with the source of each field, the hosts that name
// an outlet, the leaning scale, and the per-story voice counts that spread and blindspots are made of.

import type Database from 'better-sqlite3';
import {
  OUTLET_FIELDS,
  type OutletDirectory,
  type OutletField,
  type OutletRecord,
  type OutletRelabel,
  type OutletVoices,
  type SourcedField,
} from '../store.js';

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

/**
 * Whether an article's outlet is a bare host, as the clean stage names an article that came with only a
 * URL and no outlet the directory knew then: "themoscowtimes.com", "www.rferl.org" (not "Reuters", not
 * "The Hill").
 */
export function isBareHost(outlet: string): boolean {
  return /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(outlet);
}

/** "money.cnn.com" → ["money.cnn.com", "cnn.com"]: the host and its parent domains, a bare TLD left out. */
export function hostAndParents(host: string): string[] {
  const labels = host
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.$/, '')
    .split('.');
  const out: string[] = [];
  for (let i = 0; i < labels.length - 1; i++) out.push(labels.slice(i).join('.'));
  return out.length > 0 ? out : [labels.join('.')];
}

export class SqliteOutlets {
  private readonly stmt;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {
    this.stmt = {
      all: db.prepare('SELECT * FROM outlet_directory ORDER BY name COLLATE NOCASE, name'),
      one: db.prepare('SELECT * FROM outlet_directory WHERE name = ?'),
      hostsOf: db.prepare('SELECT host FROM outlet_hosts WHERE outlet = ? ORDER BY host').pluck(),
      allHosts: db.prepare('SELECT host, outlet FROM outlet_hosts ORDER BY host'),
      insert: db.prepare(`
        INSERT INTO outlet_directory (name, country, language, owner, leaning, notes, sources, updated_at)
        VALUES (@name, @country, @language, @owner, @leaning, @notes, @sources, @updatedAt)`),
      update: db.prepare(`
        UPDATE outlet_directory SET country = @country, language = @language, owner = @owner,
          leaning = @leaning, notes = @notes, sources = @sources, updated_at = @updatedAt
        WHERE name = @name`),
      dropHosts: db.prepare('DELETE FROM outlet_hosts WHERE outlet = ?'),
      putHost: db.prepare(
        'INSERT INTO outlet_hosts (host, outlet) VALUES (?, ?) ON CONFLICT (host) DO UPDATE SET outlet = excluded.outlet',
      ),
      // The longest listed host among the host and its parents: "blogs.cnn.com" before "cnn.com".
      ofHost: db
        .prepare(
          'SELECT outlet FROM outlet_hosts WHERE host IN (SELECT value FROM json_each(?)) ORDER BY length(host) DESC LIMIT 1',
        )
        .pluck(),
      getSetting: db.prepare('SELECT value FROM library_settings WHERE name = ?').pluck(),
      putSetting: db.prepare(
        'INSERT INTO library_settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
      ),
      dropSetting: db.prepare('DELETE FROM library_settings WHERE name = ?'),
      // Voices: a near-duplicate (duplicate_of set) is the voice of the article it copies, so it does not count.
      voicesOf: db.prepare(`
        SELECT sa.story_id AS story, a.outlet AS outlet, sum(sa.duplicate_of IS NULL) AS voices
        FROM story_articles sa JOIN articles a ON a.seq = sa.article_seq
        WHERE sa.story_id IN (SELECT value FROM json_each(?))
        GROUP BY sa.story_id, a.outlet`),
      voicesAll: db.prepare(`
        SELECT sa.story_id AS story, a.outlet AS outlet, sum(sa.duplicate_of IS NULL) AS voices
        FROM stories s JOIN story_articles sa ON sa.story_id = s.id JOIN articles a ON a.seq = sa.article_seq
        WHERE json_array_length(s.outlets) >= ?
        GROUP BY sa.story_id, a.outlet`),
    };
  }

  directory(): OutletDirectory {
    const hosts = new Map<string, string[]>();
    for (const { host, outlet } of this.stmt.allHosts.all() as { host: string; outlet: string }[]) {
      const list = hosts.get(outlet) ?? [];
      list.push(host);
      hosts.set(outlet, list);
    }
    const outlets = (this.stmt.all.all() as Row[]).map((r) => toRecord(r, hosts.get(r.name) ?? []));
    return { leaningScale: this.leaningScale(), outlets };
  }

  record(name: string): OutletRecord | null {
    const row = this.stmt.one.get(name) as Row | undefined;
    return row ? toRecord(row, this.stmt.hostsOf.all(name) as string[]) : null;
  }

  put(records: readonly OutletRecord[]): { added: number; updated: number } {
    let added = 0;
    let updated = 0;
    const updatedAt = this.now().toISOString();
    for (const record of records) {
      const old = this.record(record.name);
      const merged = mergeRecord(old, record);
      const row = {
        name: merged.name,
        country: merged.country,
        language: merged.language,
        owner: merged.owner,
        leaning: merged.leaning,
        notes: merged.notes,
        sources: JSON.stringify(merged.sources),
        updatedAt,
      };
      if (old) {
        this.stmt.update.run(row);
        updated++;
      } else {
        this.stmt.insert.run(row);
        added++;
      }
      if (record.hosts.length > 0) {
        this.stmt.dropHosts.run(record.name);
        for (const host of record.hosts) this.stmt.putHost.run(host, record.name);
      }
    }
    return { added, updated };
  }

  clearField(name: string, field: OutletField | 'hosts'): boolean {
    const old = this.record(name);
    if (!old) return false;
    const sources = { ...old.sources };
    delete sources[field];
    if (field === 'hosts') this.stmt.dropHosts.run(name);
    const next = { ...old, sources, ...(field === 'hosts' ? {} : { [field]: null }) };
    this.stmt.update.run({
      name,
      country: next.country,
      language: next.language,
      owner: next.owner,
      leaning: next.leaning,
      notes: next.notes,
      sources: JSON.stringify(next.sources),
      updatedAt: this.now().toISOString(),
    });
    return true;
  }

  leaningScale(): string[] | null {
    const value = this.stmt.getSetting.get(SCALE_SETTING) as string | undefined;
    return value === undefined ? null : (JSON.parse(value) as string[]);
  }

  setLeaningScale(scale: readonly string[] | null): void {
    if (scale === null) this.stmt.dropSetting.run(SCALE_SETTING);
    else this.stmt.putSetting.run(SCALE_SETTING, JSON.stringify(scale));
  }

  outletOfHost(host: string): string | null {
    return (this.stmt.ofHost.get(JSON.stringify(hostAndParents(host))) as string | undefined) ?? null;
  }

  /** See OutletDirectoryStore.relabelHostOutlets; the caller holds the write transaction. */
  relabel(): OutletRelabel {
    const db = this.db;
    const named = new Set(db.prepare('SELECT name FROM outlet_directory').pluck().all() as string[]);
    const hosts = (
      db.prepare('SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL').pluck().all() as string[]
    ).filter((o) => isBareHost(o) && !named.has(o));
    const now = this.now().toISOString();
    const renamed: OutletRelabel['renamed'] = [];
    const stories = new Set<number>();
    const storiesOf = db
      .prepare(
        'SELECT DISTINCT sa.story_id FROM story_articles sa JOIN articles a ON a.seq = sa.article_seq WHERE a.outlet = ?',
      )
      .pluck();
    const renameArticles = db.prepare(
      "UPDATE articles SET outlet = @to, doc = json_set(doc, '$.outlet', @to) WHERE outlet = @from",
    );
    const actorsOf = db.prepare('SELECT actor FROM actor_outlets WHERE outlet = ?').pluck();
    const moveActorRows = db.prepare(`
      INSERT INTO actor_outlets (actor, outlet, articles, labels)
        SELECT actor, @to, articles, labels FROM actor_outlets WHERE outlet = @from
      ON CONFLICT (actor, outlet) DO UPDATE SET articles = articles + excluded.articles,
        labels = labels + excluded.labels`);
    const dropActorRows = db.prepare('DELETE FROM actor_outlets WHERE outlet = ?');
    const recountActor = db.prepare(`
      UPDATE actor_totals SET outlets = (SELECT count(*) FROM actor_outlets o WHERE o.actor = ? AND o.outlet <> '')
      WHERE actor = ?`);
    for (const from of hosts) {
      const to = this.outletOfHost(from);
      if (to === null || to === from) continue;
      for (const id of storiesOf.all(from) as number[]) stories.add(id);
      const { changes } = renameArticles.run({ from, to });
      const actors = actorsOf.all(from) as string[];
      moveActorRows.run({ from, to });
      dropActorRows.run(from);
      for (const actor of actors) recountActor.run(actor, actor);
      renamed.push({ from, to, articles: changes });
    }
    // The listing's outlets as placement keeps them (distinct, sorted); the contest is worked out again.
    const relist = db.prepare(`
      UPDATE stories SET
        outlets = (SELECT json_group_array(outlet) FROM (SELECT DISTINCT a.outlet FROM story_articles sa
          JOIN articles a ON a.seq = sa.article_seq WHERE sa.story_id = @id AND a.outlet IS NOT NULL ORDER BY 1)),
        contest_splits = NULL, updated_at = @now
      WHERE id = @id`);
    for (const id of stories) relist.run({ id, now });
    return { renamed, articles: renamed.reduce((n, r) => n + r.articles, 0), stories: stories.size };
  }

  storyVoices(options: { ids?: readonly number[]; minOutlets?: number }): Map<number, OutletVoices[]> {
    const rows = (
      options.ids
        ? this.stmt.voicesOf.all(JSON.stringify(options.ids))
        : this.stmt.voicesAll.all(options.minOutlets ?? 1)
    ) as { story: number; outlet: string | null; voices: number }[];
    const out = new Map<number, OutletVoices[]>();
    for (const r of rows) {
      const list = out.get(r.story) ?? [];
      list.push({ outlet: r.outlet, voices: r.voices });
      out.set(r.story, list);
    }
    return out;
  }
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

/** The stored record updated by the fields the new one has (see OutletDirectoryStore.putOutletRecords). */
export function mergeRecord(old: OutletRecord | null, next: OutletRecord): OutletRecord {
  if (!old) return next;
  const merged: OutletRecord = { ...old, sources: { ...old.sources } };
  for (const field of OUTLET_FIELDS) {
    if (next[field] === null) continue;
    merged[field] = next[field];
    const source = next.sources[field];
    if (source === undefined) delete merged.sources[field];
    else merged.sources[field] = source;
  }
  if (next.hosts.length > 0) {
    merged.hosts = next.hosts;
    if (next.sources.hosts === undefined) delete merged.sources.hosts;
    else merged.sources.hosts = next.sources.hosts;
  }
  if (next.sources.name !== undefined) merged.sources.name = next.sources.name;
  return merged;
}
