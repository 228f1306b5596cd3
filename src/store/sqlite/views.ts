// Library-wide views on SQLite: outlets, actors and their labels, and each story's label contest. They read
// the small actor_labels rows written next to each article, never article documents, so an outlet's or an
// actor's page costs a few indexed aggregates however large the library grows. Listings break ties by
// their group's columns, so the PostgreSQL store (postgres/views.ts) gives the same order.

import type Database from 'better-sqlite3';
import type { AnnotatedArticle } from '../../model/article.js';
import type { Tone } from '../../model/report.js';
import { articleActorLabels, type LabelContest, labelContest } from '../../text/article-labels.js';
import type { ActorSummary, LabelUse, NameUse, OutletSummary, ToneCounts } from '../store.js';

/** Stories whose contest is worked out again per call; the rest wait for the next call. */
const CONTEST_BATCH = 5_000;

export class SqliteViews {
  private readonly stmt;

  /** `version` is the store's: it changes with every write, by this connection or another, and on rollback. */
  constructor(
    db: Database.Database,
    private readonly version: () => string,
  ) {
    this.stmt = {
      // Whether the row is there already: when it is not, the actor gains an outlet. Asked before the upsert
      // rather than with RETURNING from it, which cost three times the upsert alone (42 against 14 µs of CPU
      // per call, the first 3,000 allsides articles).
      hasOutlet: db.prepare('SELECT 1 FROM actor_outlets WHERE actor = ? AND outlet = ?').pluck(),
      bumpOutlet: db.prepare(`
        INSERT INTO actor_outlets (actor, outlet, articles, labels) VALUES (@actor, @outlet, 1, @labels)
        ON CONFLICT (actor, outlet) DO UPDATE SET articles = articles + 1, labels = labels + excluded.labels`),
      bumpTotal: db.prepare(`
        INSERT INTO actor_totals (actor, name, kind, articles, outlets, labels)
        VALUES (@actor, @name, @kind, 1, 1, @labels)
        ON CONFLICT (actor) DO UPDATE SET articles = articles + 1, outlets = outlets + @newOutlet,
          labels = labels + excluded.labels`),
      insertLabel: db.prepare(
        'INSERT INTO actor_labels (article_seq, actor, name, kind, label, tone) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      outlets: db.prepare(`
        SELECT a.outlet, count(*) AS articles, count(DISTINCT sa.story_id) AS stories,
               min(a.published) AS firstPublished, max(a.published) AS lastPublished
        FROM articles a LEFT JOIN story_articles sa ON sa.article_seq = a.seq
        WHERE a.outlet IS NOT NULL GROUP BY a.outlet ORDER BY articles DESC, a.outlet`),
      outletMonths: db.prepare(`
        SELECT substr(published, 1, 7) AS month, count(*) AS articles FROM articles
        WHERE outlet = ? AND published IS NOT NULL GROUP BY month ORDER BY month`),
      outletActors: db.prepare(`
        SELECT l.actor, min(l.name) AS name, max(l.kind) AS kind, count(DISTINCT l.article_seq) AS articles,
               count(l.label) AS labels
        FROM articles a JOIN actor_labels l ON l.article_seq = a.seq
        WHERE a.outlet = @outlet GROUP BY l.actor
        HAVING labels > 0 ORDER BY articles DESC, labels DESC, l.actor LIMIT @limit`),
      labelUses: db.prepare(`
        SELECT l.actor, l.name, l.label, l.tone, a.outlet, count(*) AS articles,
               min(a.published) AS first, max(a.published) AS last
        FROM actor_labels l JOIN articles a ON a.seq = l.article_seq
        WHERE l.actor IN (SELECT value FROM json_each(@actors)) AND l.label IS NOT NULL
        GROUP BY l.actor, lower(l.label), a.outlet
        ORDER BY articles DESC, l.actor, lower(l.label), a.outlet LIMIT @limit`),
      labelUsesByMonth: db.prepare(`
        SELECT l.actor, l.name, l.label, l.tone, a.outlet, substr(a.published, 1, 7) AS month,
               count(*) AS articles, min(a.published) AS first, max(a.published) AS last
        FROM actor_labels l JOIN articles a ON a.seq = l.article_seq
        WHERE l.actor IN (SELECT value FROM json_each(@actors)) AND l.label IS NOT NULL
        GROUP BY l.actor, lower(l.label), a.outlet, month
        ORDER BY articles DESC, l.actor, lower(l.label), a.outlet, month LIMIT @limit`),
      namesOver: db.prepare(`
        SELECT l.actor, l.name, a.outlet, substr(a.published, 1, 7) AS month, count(*) AS articles
        FROM actor_labels l JOIN articles a ON a.seq = l.article_seq
        WHERE l.actor IN (SELECT value FROM json_each(?)) AND l.label IS NULL
        GROUP BY l.actor, l.name, a.outlet, month ORDER BY month, l.actor, l.name, a.outlet`),
      toneAll: db.prepare(
        'SELECT tone, count(*) AS n FROM actor_labels WHERE tone IS NOT NULL GROUP BY tone',
      ),
      toneOf: db.prepare(`
        SELECT l.tone, count(*) AS n FROM articles a JOIN actor_labels l ON l.article_seq = a.seq
        WHERE a.outlet = ? AND l.tone IS NOT NULL GROUP BY l.tone`),
      actors: db.prepare(`
        SELECT actor, name, kind, articles, outlets FROM actor_totals INDEXED BY actor_totals_rank
        WHERE labels > 0 ORDER BY outlets DESC, articles DESC, actor LIMIT ?`),
      actorsByPrefix: db.prepare(`
        SELECT actor, name, kind, articles, outlets FROM actor_totals
        WHERE actor >= @prefix AND actor < @prefix || char(1114111) AND labels > 0
        ORDER BY outlets DESC, articles DESC, actor LIMIT @limit`),
      actor: db.prepare('SELECT actor, name, kind, articles, outlets FROM actor_totals WHERE actor = ?'),
      staleStories: db.prepare('SELECT id FROM stories WHERE contest_splits IS NULL LIMIT ?').pluck(),
      storyLabels: db.prepare(`
        SELECT l.actor, l.label, l.tone, a.outlet, sa.article_seq AS article FROM story_articles sa
        JOIN actor_labels l ON l.article_seq = sa.article_seq JOIN articles a ON a.seq = sa.article_seq
        WHERE sa.story_id = ? AND sa.duplicate_of IS NULL AND l.label IS NOT NULL`),
      setContest: db.prepare(
        'UPDATE stories SET contest_splits = ?, contest_labels = ?, contest_shared = ? WHERE id = ?',
      ),
    };
  }

  recordLabels(seq: number, article: AnnotatedArticle): void {
    const perActor = new Map<string, { name: string; kind: string; labels: number }>();
    for (const l of articleActorLabels(article)) {
      this.stmt.insertLabel.run(seq, l.actor, l.name, l.kind, l.label, l.tone);
      const entry = perActor.get(l.actor) ?? { name: l.name, kind: l.kind, labels: 0 };
      if (l.label !== null) entry.labels++;
      perActor.set(l.actor, entry);
    }
    const outlet = article.outlet ?? '';
    for (const [actor, { name, kind, labels }] of perActor) {
      const fresh = this.stmt.hasOutlet.get(actor, outlet) === undefined;
      this.stmt.bumpOutlet.run({ actor, outlet, labels });
      // Articles without an outlet are kept together under '' but are not an outlet.
      this.stmt.bumpTotal.run({ actor, name, kind, labels, newOutlet: fresh && outlet !== '' ? 1 : 0 });
    }
  }

  private readonly memos = new Map<string, { stamp: string; value: unknown }>();

  /** A library-wide aggregate, recomputed only after a write by this or another connection. */
  private memo<T>(key: string, compute: () => T): T {
    const stamp = this.version();
    const hit = this.memos.get(key);
    if (hit && hit.stamp === stamp) return hit.value as T;
    const value = compute();
    this.memos.set(key, { stamp, value });
    return value;
  }

  outlets(): OutletSummary[] {
    return this.memo('outlets', () => this.stmt.outlets.all() as OutletSummary[]);
  }

  outletMonths(outlet: string): { month: string; articles: number }[] {
    return this.stmt.outletMonths.all(outlet) as { month: string; articles: number }[];
  }

  outletActors(outlet: string, limit: number): ActorSummary[] {
    return (this.stmt.outletActors.all({ outlet, limit }) as (ActorSummary & { labels: number })[]).map(
      ({ labels: _, ...rest }) => ({ ...rest, outlets: 1 }),
    );
  }

  labelUses(actors: readonly string[], limit: number): LabelUse[] {
    if (actors.length === 0) return [];
    return this.stmt.labelUses.all({ actors: JSON.stringify(actors), limit }) as LabelUse[];
  }

  labelUsesByMonth(actors: readonly string[], limit: number): (LabelUse & { month: string | null })[] {
    if (actors.length === 0) return [];
    return this.stmt.labelUsesByMonth.all({ actors: JSON.stringify(actors), limit }) as (LabelUse & {
      month: string | null;
    })[];
  }

  nameUses(actors: readonly string[]): NameUse[] {
    if (actors.length === 0) return [];
    return this.stmt.namesOver.all(JSON.stringify(actors)) as NameUse[];
  }

  toneCounts(outlet?: string): ToneCounts {
    const rows = (
      outlet === undefined ? this.memo('tones', () => this.stmt.toneAll.all()) : this.stmt.toneOf.all(outlet)
    ) as {
      tone: Tone;
      n: number;
    }[];
    const counts: ToneCounts = { negative: 0, neutral: 0, positive: 0 };
    for (const row of rows) if (row.tone in counts) counts[row.tone] = row.n;
    return counts;
  }

  actors(limit: number, prefix?: string): ActorSummary[] {
    return (
      prefix ? this.stmt.actorsByPrefix.all({ limit, prefix }) : this.stmt.actors.all(limit)
    ) as ActorSummary[];
  }

  actor(key: string): ActorSummary | null {
    return (this.stmt.actor.get(key) as ActorSummary | undefined) ?? null;
  }

  /** Works out the contest of stories whose articles changed; returns how many it did. */
  refreshContest(): number {
    const ids = this.stmt.staleStories.all(CONTEST_BATCH) as number[];
    for (const id of ids) {
      const contest: LabelContest = labelContest(
        this.stmt.storyLabels.all(id) as {
          actor: string;
          label: string;
          tone: string;
          outlet: string | null;
        }[],
      );
      this.stmt.setContest.run(contest.splits, contest.labels, contest.shared, id);
    }
    return ids.length;
  }
}
