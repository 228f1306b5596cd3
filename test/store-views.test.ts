// The library views of the SQLite store (outlets, actors, labels, tones, the "contested" story order) over
// the invented fixture stories plus two hand-annotated stories whose labels are known exactly, and the
// migration that adds the per-article label rows to an existing library.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config.js';
import { ingestIntoLibrary } from '../src/library/ingest.js';
import { mergeStoriesIn } from '../src/library/stories.js';
import type { AnnotatedArticle, Entity, EntityKind } from '../src/model/article.js';
import type { Tone } from '../src/model/report.js';
import type { AsyncStore } from '../src/store/async-store.js';
import { articleIdentity } from '../src/store/identity.js';
import { MIGRATIONS } from '../src/store/sqlite/migrations.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Store, StorySummary } from '../src/store/store.js';
import { articleActorLabels } from '../src/text/article-labels.js';
import { makeArticle } from './support/articles.js';
import { ALL_FIXTURES, writeFixtures } from './support/library-fixtures.js';
import { testLibraries } from './support/test-library.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-views-'));
let fixtureFiles: string[] = [];
const libraries = testLibraries('views');
/** The SQLite stores of the migration test. */
const opened: Store[] = [];
let dbCounter = 0;

beforeAll(() => {
  fixtureFiles = writeFixtures(join(dir, 'fixtures'), ALL_FIXTURES);
});
afterAll(() => {
  for (const store of opened.splice(0)) store.close();
  rmSync(dir, { recursive: true, force: true });
});

function openStore(): Promise<AsyncStore> {
  return libraries.openFresh(`views-${++dbCounter}`, { now: () => new Date('2034-01-01T00:00:00Z') });
}

interface ActorSpec {
  name: string;
  kind?: EntityKind;
  labels?: string[];
}

/** An annotated article naming each actor once, followed by its labels: "Name was called L1 and L2." */
function labelled(id: string, outlet: string | null, published: string | null, actors: ActorSpec[]) {
  let text = '';
  const entities: Entity[] = [];
  actors.forEach((spec, i) => {
    const start = text.length;
    text += spec.name;
    const mention = { start, end: text.length, text: spec.name };
    const descriptors: Entity['descriptors'] = [];
    text += ' was called ';
    (spec.labels ?? []).forEach((label, j) => {
      if (j > 0) text += ' and ';
      const s = text.length;
      text += label;
      descriptors.push({ start: s, end: text.length, text: label, via: 'appositive' });
    });
    text += '. ';
    entities.push({
      id: `${id}-e${i}`,
      name: spec.name,
      kind: spec.kind ?? 'person',
      mentions: [mention],
      descriptors,
    });
  });
  text += `Filed as ${id}.`;
  return makeArticle({
    id,
    source: `${id}.json`,
    outlet,
    published,
    title: `Zarnovia report ${id}`,
    url: `https://news.example/${id}`,
    text,
    entities,
  });
}

const DRASK = 'velimir drask';
const SOLVANE = 'solvane party';
const OLSBY = 'marten olsby';
const VARRO = 'ilse varro';

/** Story Z: Drask labelled "dictator" by the Quill, "President" by the Lantern, "strongman" by no outlet. */
const STORY_Z: AnnotatedArticle[] = [
  labelled('z1', 'Daily Quill', '2033-02-10', [
    { name: 'Velimir Drask', labels: ['dictator'] },
    { name: 'Solvane Party', kind: 'organization', labels: ['ruling party'] },
  ]),
  labelled('z2', 'Evening Lantern', '2033-03-05', [
    { name: 'Velimir Drašk', labels: ['President'] },
    { name: 'Solvane Party', kind: 'organization', labels: ['Ruling Party'] },
    { name: 'Ilse Varro' },
  ]),
  labelled('z3', 'Daily Quill', '2033-03-20', [{ name: 'Velimir Drask', labels: ['Dictator'] }]),
  labelled('z4', null, null, [{ name: 'Velimir Drask', labels: ['strongman'] }]),
];
/** Story Y: Olsby labelled differently, in the same tone, by the two outlets. */
const STORY_Y: AnnotatedArticle[] = [
  labelled('y1', 'Evening Lantern', '2033-04-01', [{ name: 'Marten Olsby', labels: ['harbour master'] }]),
  labelled('y2', 'Daily Quill', '2033-04-02', [{ name: 'Marten Olsby', labels: ['port chief'] }]),
];
const Z_CONTEST = { shared: 2, labels: 4, splits: 1 };
const Y_CONTEST = { shared: 1, labels: 2, splits: 0 };

/** Stores the articles and places them in a new story of their own, as a user's placement would. */
async function addStory(store: AsyncStore, articles: AnnotatedArticle[], feature: string): Promise<number> {
  const put = await store.putArticles(articles);
  expect(put.added).toHaveLength(articles.length);
  const storyId = await store.storyIndex().saveProfile({
    id: null,
    size: articles.length,
    firstDay: null,
    lastDay: null,
    features: new Map([[feature, 1]]),
  });
  for (const a of articles) {
    await store.placeArticle(articleIdentity(a).id, {
      storyId,
      duplicateOf: null,
      score: null,
      reasons: null,
      placedBy: 'user',
    });
  }
  return storyId;
}

interface Library {
  store: AsyncStore;
  z: number;
  y: number;
  storyOf: (inputId: string) => number;
}

async function buildLibrary(): Promise<Library> {
  const store = await openStore();
  const summary = await ingestIntoLibrary(store, fixtureFiles, DEFAULT_CONFIG, { worker: false });
  expect(summary.added).toBe(ALL_FIXTURES.length);
  const z = await addStory(store, STORY_Z, 't:zarnovia');
  const y = await addStory(store, STORY_Y, 't:harbour');
  const storyOf = (inputId: string) => summary.placed.find((p) => p.inputId === inputId)?.storyId ?? -1;
  return { store, z, y, storyOf };
}

/** The labelled rows articleActorLabels gives for every stored article: what the views must add up to. */
async function expectedLabelRows(store: AsyncStore): Promise<{ outlet: string | null; tone: Tone }[]> {
  const ids = (await store.listArticles()).map((a) => a.id);
  return (await store.getArticles(ids)).flatMap(({ article }) =>
    articleActorLabels(article).flatMap((l) =>
      l.label === null || l.tone === null ? [] : [{ outlet: article.outlet, tone: l.tone }],
    ),
  );
}

const byText = (a: unknown, b: unknown) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);

describe('library views', () => {
  let lib: Library;
  beforeAll(async () => {
    lib = await buildLibrary();
  });

  it('forgets what a rolled-back transaction showed it', async () => {
    const store = await openStore();
    await store.putArticles([
      labelled('kept', 'Daily Quill', '2033-05-01', [{ name: 'Velimir Drask', labels: ['President'] }]),
    ]);
    expect((await store.outlets()).map((o) => o.outlet)).toEqual(['Daily Quill']);
    await expect(
      store.withTransaction(async (tx) => {
        await tx.putArticles([
          labelled('lost', 'Evening Lantern', '2033-05-02', [
            { name: 'Velimir Drask', labels: ['dictator'] },
          ]),
        ]);
        expect(await tx.outlets()).toHaveLength(2);
        expect((await tx.toneCounts()).negative).toBe(1);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect((await store.outlets()).map((o) => o.outlet)).toEqual(['Daily Quill']);
    expect(await store.toneCounts()).toEqual({ negative: 0, neutral: 1, positive: 0 });
  });

  it('lists every named outlet with its articles, stories and days, most articles first', async () => {
    expect(await lib.store.outlets()).toEqual([
      {
        outlet: 'Daily Quill',
        articles: 3,
        stories: 2,
        firstPublished: '2033-02-10',
        lastPublished: '2033-04-02',
      },
      {
        outlet: 'Evening Lantern',
        articles: 2,
        stories: 2,
        firstPublished: '2033-03-05',
        lastPublished: '2033-04-01',
      },
      {
        outlet: 'Northern Ledger',
        articles: 2,
        stories: 2,
        firstPublished: '2031-04-03',
        lastPublished: '2032-09-14',
      },
      {
        outlet: 'Radio Brannock',
        articles: 2,
        stories: 2,
        firstPublished: '2031-04-03',
        lastPublished: '2032-09-15',
      },
      {
        outlet: 'Valley Courier',
        articles: 2,
        stories: 2,
        firstPublished: '2031-04-02',
        lastPublished: '2031-04-02',
      },
      {
        outlet: 'Board and Clock',
        articles: 1,
        stories: 1,
        firstPublished: '2031-04-03',
        lastPublished: '2031-04-03',
      },
    ]);
  });

  it('counts an outlet’s articles per month of publication', async () => {
    expect(await lib.store.outletMonths('Daily Quill')).toEqual([
      { month: '2033-02', articles: 1 },
      { month: '2033-03', articles: 1 },
      { month: '2033-04', articles: 1 },
    ]);
    expect(await lib.store.outletMonths('Nobody Weekly')).toEqual([]);
  });

  it('lists the actors an outlet labels, most articles first, leaving out those it only names', async () => {
    expect(await lib.store.outletActors('Daily Quill', 10)).toEqual([
      { actor: DRASK, name: 'Velimir Drask', kind: 'person', articles: 2, outlets: 1 },
      { actor: OLSBY, name: 'Marten Olsby', kind: 'person', articles: 1, outlets: 1 },
      { actor: SOLVANE, name: 'Solvane Party', kind: 'organization', articles: 1, outlets: 1 },
    ]);
    const lantern = await lib.store.outletActors('Evening Lantern', 10);
    expect(lantern.map((a) => a.actor)).toEqual([OLSBY, SOLVANE, DRASK]);
    expect(lantern.find((a) => a.actor === DRASK)?.name).toBe('Velimir Drašk');
    expect(lantern.some((a) => a.actor === VARRO)).toBe(false);
    expect((await lib.store.outletActors('Daily Quill', 1)).map((a) => a.actor)).toEqual([DRASK]);
    expect(await lib.store.outletActors('Nobody Weekly', 10)).toEqual([]);
  });

  it('groups label uses by wording (ignoring case) and outlet', async () => {
    const uses = await lib.store.labelUses([DRASK], 10);
    expect(uses).toHaveLength(3);
    // Most used first: the Quill's "dictator" / "Dictator" in two articles.
    expect(uses[0]).toMatchObject({
      actor: DRASK,
      tone: 'negative',
      outlet: 'Daily Quill',
      articles: 2,
      first: '2033-02-10',
      last: '2033-03-20',
    });
    expect(uses[0]?.label.toLowerCase()).toBe('dictator');
    const rest = uses
      .slice(1)
      .map(({ name: _, ...u }) => u)
      .sort(byText);
    expect(rest).toEqual(
      [
        {
          actor: DRASK,
          label: 'President',
          tone: 'neutral',
          outlet: 'Evening Lantern',
          articles: 1,
          first: '2033-03-05',
          last: '2033-03-05',
        },
        {
          actor: DRASK,
          label: 'strongman',
          tone: 'negative',
          outlet: null,
          articles: 1,
          first: null,
          last: null,
        },
      ].sort(byText),
    );

    const party = await lib.store.labelUses([SOLVANE], 10);
    expect(party.map((u) => [u.outlet, u.label]).sort(byText)).toEqual(
      [
        ['Daily Quill', 'ruling party'],
        ['Evening Lantern', 'Ruling Party'],
      ].sort(byText),
    );
    expect(await lib.store.labelUses([DRASK, SOLVANE, OLSBY], 100)).toHaveLength(7);
    expect(await lib.store.labelUses([DRASK, SOLVANE, OLSBY], 2)).toHaveLength(2);
    expect(await lib.store.labelUses([VARRO], 10)).toEqual([]);
    expect(await lib.store.labelUses([], 10)).toEqual([]);
  });

  it('splits label uses by month of publication, null for an undated article', async () => {
    const uses = await lib.store.labelUsesByMonth([DRASK], 10);
    expect(uses.map((u) => [u.outlet, u.label.toLowerCase(), u.month, u.articles]).sort(byText)).toEqual(
      [
        ['Daily Quill', 'dictator', '2033-02', 1],
        ['Daily Quill', 'dictator', '2033-03', 1],
        ['Evening Lantern', 'president', '2033-03', 1],
        [null, 'strongman', null, 1],
      ].sort(byText),
    );
    for (const u of uses) {
      if (u.month !== null) {
        expect(u.month).toMatch(/^\d{4}-\d{2}$/);
        expect(u.first?.slice(0, 7)).toBe(u.month);
      }
    }
    expect(await lib.store.labelUsesByMonth([], 10)).toEqual([]);
  });

  it('lists the names each outlet used per month, labelled or not', async () => {
    const names = await lib.store.nameUses([DRASK]);
    expect(names.map((n) => [n.outlet, n.name, n.month, n.articles]).sort(byText)).toEqual(
      [
        ['Daily Quill', 'Velimir Drask', '2033-02', 1],
        ['Daily Quill', 'Velimir Drask', '2033-03', 1],
        ['Evening Lantern', 'Velimir Drašk', '2033-03', 1],
        [null, 'Velimir Drask', null, 1],
      ].sort(byText),
    );
    expect(names.every((n) => n.actor === DRASK)).toBe(true);
    expect(await lib.store.nameUses([VARRO])).toEqual([
      { actor: VARRO, name: 'Ilse Varro', outlet: 'Evening Lantern', month: '2033-03', articles: 1 },
    ]);
    expect(await lib.store.nameUses([])).toEqual([]);
  });

  it('counts labels by tone, for the library and for one outlet, summing to the labelled rows', async () => {
    const rows = await expectedLabelRows(lib.store);
    const count = (tone: Tone, outlet?: string | null) =>
      rows.filter((r) => r.tone === tone && (outlet === undefined || r.outlet === outlet)).length;

    const all = await lib.store.toneCounts();
    expect(all).toEqual({
      negative: count('negative'),
      neutral: count('neutral'),
      positive: count('positive'),
    });
    expect(all.negative + all.neutral + all.positive).toBe(rows.length);
    // At least the hand-made labels: three negative (dictator twice, strongman), four neutral.
    expect(all.negative).toBeGreaterThanOrEqual(3);
    expect(all.neutral).toBeGreaterThanOrEqual(4);

    expect(await lib.store.toneCounts('Daily Quill')).toEqual({ negative: 2, neutral: 2, positive: 0 });
    expect(await lib.store.toneCounts('Evening Lantern')).toEqual({ negative: 0, neutral: 3, positive: 0 });
    expect(await lib.store.toneCounts('Nobody Weekly')).toEqual({ negative: 0, neutral: 0, positive: 0 });

    // The outlets' counts plus the unnamed article's one "strongman" make up the whole library.
    let sum = 0;
    for (const { outlet } of await lib.store.outlets()) {
      const c = await lib.store.toneCounts(outlet);
      expect(c).toEqual({
        negative: count('negative', outlet),
        neutral: count('neutral', outlet),
        positive: count('positive', outlet),
      });
      sum += c.negative + c.neutral + c.positive;
    }
    expect(sum + 1).toBe(rows.length);
  });

  it('lists labelled actors by outlets, optionally by key prefix', async () => {
    const actors = await lib.store.actors(100);
    const find = (key: string) => actors.find((a) => a.actor === key);
    expect(find(DRASK)).toMatchObject({ actor: DRASK, kind: 'person', articles: 4 });
    expect(find(SOLVANE)).toEqual({
      actor: SOLVANE,
      name: 'Solvane Party',
      kind: 'organization',
      articles: 2,
      outlets: 2,
    });
    expect(find(OLSBY)).toEqual({
      actor: OLSBY,
      name: 'Marten Olsby',
      kind: 'person',
      articles: 2,
      outlets: 2,
    });
    // Named but never labelled: not listed.
    expect(find(VARRO)).toBeUndefined();
    for (let i = 1; i < actors.length; i++) {
      const [prev, cur] = [actors[i - 1], actors[i]];
      if (!prev || !cur) throw new Error('missing row');
      expect(
        prev.outlets > cur.outlets || (prev.outlets === cur.outlets && prev.articles >= cur.articles),
      ).toBe(true);
    }
    expect(await lib.store.actors(1)).toEqual(actors.slice(0, 1));

    expect((await lib.store.actors(100, 'velimir')).map((a) => a.actor)).toEqual([DRASK]);
    expect((await lib.store.actors(100, 'solvane p')).map((a) => a.actor)).toEqual([SOLVANE]);
    const m = await lib.store.actors(100, 'm');
    expect(m.map((a) => a.actor)).toContain(OLSBY);
    expect(m.every((a) => a.actor.startsWith('m'))).toBe(true);
    expect(await lib.store.actors(100, 'ilse')).toEqual([]);
    expect(await lib.store.actors(100, 'zz')).toEqual([]);
    expect(await lib.store.actors(100, 'olsby')).toEqual([]);
  });

  it('describes one actor by key, and gives null for an unknown key', async () => {
    const drask = await lib.store.actor(DRASK);
    expect(drask).toMatchObject({ actor: DRASK, kind: 'person', articles: 4 });
    expect(['Velimir Drask', 'Velimir Drašk']).toContain(drask?.name);
    expect(await lib.store.actor(SOLVANE)).toMatchObject({ kind: 'organization', articles: 2, outlets: 2 });
    expect(await lib.store.actor(VARRO)).toMatchObject({ name: 'Ilse Varro', articles: 1, outlets: 1 });
    // Drask is named by Daily Quill, Evening Lantern and an article without an outlet: two outlets.
    expect(drask?.outlets).toBe(2);
    expect(await lib.store.actor('nobody at all')).toBeNull();
    expect(await lib.store.actor('Velimir Drask')).toBeNull();
  });

  it('lists every story with its contest, most contested first', async () => {
    const contested = await lib.store.listStories({ order: 'contested' });
    expect(contested).toHaveLength(5);
    for (const s of contested) expect(s.contest).not.toBeNull();
    // The share of shared actors split (damped: splits / (shared + 3)), then the number of labels.
    const key = (s: StorySummary): [number, number] => {
      const c = s.contest ?? { splits: 0, shared: 0, labels: 0 };
      return [c.splits / (c.shared + 3), c.labels];
    };
    for (let i = 1; i < contested.length; i++) {
      const [pShare, pLabels] = key(contested[i - 1] as StorySummary);
      const [share, labels] = key(contested[i] as StorySummary);
      expect(pShare > share || (pShare === share && pLabels >= labels)).toBe(true);
    }
    expect(contested[0]).toMatchObject({ id: lib.z, articleCount: 4, contest: Z_CONTEST });
    expect(contested.find((s) => s.id === lib.y)?.contest).toEqual(Y_CONTEST);
    // Every story after Y has no split and fewer labels than Y's two.
    const afterY = contested.slice(contested.findIndex((s) => s.id === lib.y) + 1);
    expect(afterY.every((s) => (s.contest?.splits ?? 1) === 0 && (s.contest?.labels ?? 2) < 2)).toBe(true);
    // The outlets of Z: the unnamed article is not listed.
    expect(contested[0]?.outlets).toEqual(['Daily Quill', 'Evening Lantern']);
  });

  it('filters stories by the last day and by ids', async () => {
    const flood = lib.storyOf('flood-1');
    const chess = lib.storyOf('chess-1');
    const vote = lib.storyOf('vote-1');
    const early = await lib.store.listStories({ until: '2031-12-31' });
    expect(early.map((s) => s.id).sort()).toEqual([flood, chess].sort());
    expect(early.every((s) => (s.firstPublished ?? '') <= '2031-12-31')).toBe(true);
    expect((await lib.store.listStories({ until: '2033-03-01' })).map((s) => s.id).sort()).toEqual(
      [flood, chess, vote, lib.z].sort(),
    );
    expect(await lib.store.listStories({ until: '2030-01-01' })).toEqual([]);

    expect((await lib.store.listStories({ ids: [lib.y] })).map((s) => s.id)).toEqual([lib.y]);
    expect(
      (await lib.store.listStories({ ids: [lib.y, lib.z], order: 'contested' })).map((s) => s.id),
    ).toEqual([lib.z, lib.y]);
    expect(await lib.store.listStories({ ids: [] })).toEqual([]);
    expect(
      (await lib.store.listStories({ ids: [lib.y, chess], until: '2031-12-31' })).map((s) => s.id),
    ).toEqual([chess]);
  });
});

describe('story contest upkeep', () => {
  it('is null for a story placed outside ingest until a contested listing works it out', async () => {
    const { store, z, y } = await buildLibrary();
    expect((await store.getStory(z))?.contest).toBeNull();
    expect((await store.listStories({ ids: [z] }))[0]?.contest).toBeNull();
    // Stories placed by ingest had theirs worked out in the same commit.
    for (const s of await store.listStories()) if (s.id !== z && s.id !== y) expect(s.contest).not.toBeNull();
    await store.listStories({ order: 'contested' });
    expect((await store.getStory(z))?.contest).toEqual(Z_CONTEST);
    expect(await store.refreshContest()).toBe(0);
  });

  it('works the contest out again for the story a merge leaves', async () => {
    const { store, z, y, storyOf } = await buildLibrary();
    expect((await store.getStory(z))?.contest).toBeNull();
    const merged = await mergeStoriesIn(store, z, y);
    expect(merged.articleCount).toBe(6);
    // Drask and the Solvane Party as before, plus Olsby: three shared actors, six labels, one split.
    expect(merged.contest).toEqual({ shared: 3, labels: 6, splits: 1 });
    expect(await store.getStory(y)).toBeNull();
    expect((await store.listStories({ ids: [z] }))[0]?.contest).toEqual({ shared: 3, labels: 6, splits: 1 });

    // A merge of two ingested stories: the contest is worked out for the merged one too.
    const flood = storyOf('flood-1');
    const chess = storyOf('chess-1');
    const mergedFixtures = await mergeStoriesIn(store, flood, chess);
    expect(mergedFixtures.contest).not.toBeNull();
    expect((await store.getStory(flood))?.contest).toEqual(mergedFixtures.contest);
    expect(await store.getStory(chess)).toBeNull();
  });
});

// SQLite only: the library is built at schema 4 with raw SQL on the file, then opened.
describe.skipIf(libraries.backend === 'postgres')('migration 5 (SQLite only: a schema-4 file)', () => {
  it('backfills actor labels of articles stored before it', () => {
    const file = join(dir, 'v4.db');
    const db = new Database(file);
    for (let index = 0; index < 4; index++) {
      const migration = MIGRATIONS[index];
      if (!migration) throw new Error(`no migration ${index + 1}`);
      db.transaction(() => {
        migration.up(db);
        db.pragma(`user_version = ${index + 1}`);
      })();
    }
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'actor_labels'").pluck().get()).toBe(
      0,
    );

    const insertArticle = db.prepare(`
      INSERT INTO articles (id, url_key, content_hash, outlet, title, published, source, stored_at, doc, input_id)
      VALUES (@id, @urlKey, @contentHash, @outlet, @title, @published, @source, @storedAt, @doc, @inputId)`);
    const old = [
      labelled('old-1', 'Daily Quill', '2030-05-01', [
        { name: 'Velimir Drask', labels: ['dictator'] },
        { name: 'Ilse Varro' },
      ]),
      labelled('old-2', 'Evening Lantern', '2030-05-02', [{ name: 'Velimir Drašk', labels: ['President'] }]),
    ];
    const seqs: number[] = [];
    for (const a of old) {
      const result = insertArticle.run({
        ...articleIdentity(a),
        outlet: a.outlet,
        title: a.title,
        published: a.published,
        source: a.source,
        storedAt: '2030-05-03T00:00:00.000Z',
        doc: JSON.stringify(a),
        inputId: a.id,
      });
      seqs.push(Number(result.lastInsertRowid));
    }
    // Both in one story, as ingest of version 4 would have left them.
    const story = db
      .prepare(`
        INSERT INTO stories (title, size, article_count, outlets, profile, created_at, updated_at,
          first_published, last_published)
        VALUES ('Zarnovia', 2, 2, '["Daily Quill","Evening Lantern"]', '[]', 'now', 'now', '2030-05-01', '2030-05-02')`)
      .run().lastInsertRowid;
    for (const seq of seqs) {
      db.prepare(
        `INSERT INTO story_articles (article_seq, story_id, placed_by, placed_at) VALUES (?, ?, 'ingest', 'now')`,
      ).run(seq, story);
    }
    db.close();

    const store = openSqliteStore(file);
    opened.push(store);
    expect(
      store
        .labelUses([DRASK], 10)
        .map((u) => [u.outlet, u.label, u.tone])
        .sort(byText),
    ).toEqual(
      [
        ['Daily Quill', 'dictator', 'negative'],
        ['Evening Lantern', 'President', 'neutral'],
      ].sort(byText),
    );
    expect(store.actors(10)).toEqual([expect.objectContaining({ actor: DRASK, articles: 2, outlets: 2 })]);
    expect(store.actor(VARRO)).toMatchObject({ articles: 1, outlets: 1 });
    expect(
      store
        .nameUses([DRASK])
        .map((n) => n.name)
        .sort(),
    ).toEqual(['Velimir Drask', 'Velimir Drašk']);
    expect(store.toneCounts()).toEqual({ negative: 1, neutral: 1, positive: 0 });
    // The backfill gives the same totals as storing the same articles in a new library.
    const fresh = openSqliteStore(join(dir, 'v5-fresh.db'));
    opened.push(fresh);
    fresh.putArticles(old);
    expect(store.actors(10)).toEqual(fresh.actors(10));
    expect(store.actor(VARRO)).toEqual(fresh.actor(VARRO));
    // The story's contest is not known after the migration, and is worked out for a contested listing.
    expect(store.listStories()[0]?.contest).toBeNull();
    expect(store.listStories({ order: 'contested' })[0]?.contest).toEqual({
      shared: 1,
      labels: 2,
      splits: 1,
    });
  });
});
