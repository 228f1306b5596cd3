// Pages across many stories: an outlet's profile and an actor's record. Labels and tones come from the
// per-article rows the store keeps (cheap at any size); exclusives and omissions need each story's fact
// comparison, so they are measured on the outlet's most recent stories shared with other outlets, and the
// page says how many that was.

import type { Report, Tone } from '../model/report.js';
import type { AsyncStoreSession } from '../store/async-store.js';
import type {
  ActorSummary,
  LabelUse,
  NameUse,
  OutletSummary,
  StorySummary,
  ToneCounts,
} from '../store/store.js';
import { actorKey } from '../text/article-labels.js';

/** Actors shown on an outlet's profile. */
export const PROFILE_ACTORS = 12;
/** Stories compared for the exclusives and omissions of an outlet. */
export const COVERAGE_STORIES = 12;
/** Label rows read for one page; the most used first, so the cut drops the rarest. */
const LABEL_ROWS = 5_000;

export interface LabelTally {
  label: string;
  tone: Tone;
  articles: number;
  /** Outlets that used it, most uses first. */
  outlets: string[];
  first: string | null;
  last: string | null;
}

export interface ProfileActor extends ActorSummary {
  /** The outlet's own labels for the actor. */
  own: LabelTally[];
  /** Every other outlet's labels for it. */
  others: LabelTally[];
}

export interface FactCoverage {
  /** Stories compared: the outlet's most recent that at least one other outlet covers. */
  stories: { id: number; title: string | null; widely: number; omitted: number; exclusive: number }[];
  /** Facts reported by at least half of a story's outlets (and at least two). */
  widely: number;
  /** Of those, the ones none of the outlet's articles carries. */
  omitted: number;
  /** Facts only one of the outlet's articles reports. */
  exclusive: number;
  /** The outlet's articles in those stories. */
  articles: number;
}

export interface OutletProfile {
  outlet: OutletSummary;
  months: { month: string; articles: number }[];
  tones: { outlet: ToneCounts; library: ToneCounts };
  actors: ProfileActor[];
  coverage: FactCoverage;
}

export interface ActorRecord {
  actor: ActorSummary;
  /** Keys counted as this actor: its own and, for a person's full name, the bare surname. */
  keys: string[];
  /** Per outlet, its labels for the actor, most used first. */
  outlets: { outlet: string | null; labels: LabelTally[]; names: { name: string; articles: number }[] }[];
  /** Per month, which labels each outlet used. */
  months: { month: string; uses: { outlet: string | null; label: string; tone: Tone; articles: number }[] }[];
}

function tally(uses: readonly LabelUse[]): LabelTally[] {
  const byLabel = new Map<string, LabelTally & { perOutlet: Map<string, number> }>();
  for (const use of uses) {
    const key = use.label.toLowerCase();
    let entry = byLabel.get(key);
    if (!entry) {
      entry = {
        label: use.label,
        tone: use.tone,
        articles: 0,
        outlets: [],
        first: null,
        last: null,
        perOutlet: new Map(),
      };
      byLabel.set(key, entry);
    }
    entry.articles += use.articles;
    const outlet = use.outlet ?? 'no outlet';
    entry.perOutlet.set(outlet, (entry.perOutlet.get(outlet) ?? 0) + use.articles);
    if (use.first !== null && (entry.first === null || use.first < entry.first)) entry.first = use.first;
    if (use.last !== null && (entry.last === null || use.last > entry.last)) entry.last = use.last;
  }
  return [...byLabel.values()]
    .map(({ perOutlet, ...t }) => ({
      ...t,
      outlets: [...perOutlet].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([o]) => o),
    }))
    .sort((a, b) => b.articles - a.articles || a.label.localeCompare(b.label));
}

/** What one story's comparison says about which outlet carries which fact: small, so it is cached. */
interface StoryFacts {
  outlets: string[];
  facts: { outlets: string[]; exclusive: boolean }[];
}

/**
 * Fact comparisons by story, kept while the story is unchanged (keyed on its last update). Bounded: the
 * oldest entries go first.
 */
export class StoryFactsCache {
  private readonly entries = new Map<string, StoryFacts>();
  constructor(private readonly limit = 2_000) {}

  async get(story: StorySummary, report: (id: number) => Promise<Report>): Promise<StoryFacts> {
    const key = `${story.id}@${story.updatedAt}`;
    const hit = this.entries.get(key);
    if (hit) return hit;
    const r = (await report(story.id)).stories[0];
    const outletOf = new Map((r?.articles ?? []).map((a) => [a.id, a.outlet ?? `(article ${a.id})`]));
    const facts: StoryFacts = {
      outlets: [...new Set(outletOf.values())],
      facts: (r?.facts ?? []).map((f) => ({
        outlets: [...new Set(f.articles.map((a) => outletOf.get(a) ?? a))],
        exclusive: f.exclusive ?? new Set(f.articles).size === 1,
      })),
    };
    this.entries.set(key, facts);
    if (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return facts;
  }
}

async function factCoverage(
  store: AsyncStoreSession,
  outlet: string,
  cache: StoryFactsCache,
  report: (id: number) => Promise<Report>,
): Promise<FactCoverage> {
  const shared = (await store.listStories({ outlet, limit: COVERAGE_STORIES * 4 }))
    .filter((s) => s.outlets.length >= 2)
    .slice(0, COVERAGE_STORIES);
  const result: FactCoverage = { stories: [], widely: 0, omitted: 0, exclusive: 0, articles: 0 };
  // Their members in one read (one round trip on PostgreSQL, not one per story).
  const details = await store.getStories(shared.map((s) => s.id));
  for (const story of shared) {
    const { outlets, facts } = await cache.get(story, report);
    const bar = Math.max(2, Math.ceil(outlets.length / 2));
    const widely = facts.filter((f) => f.outlets.length >= bar);
    const omitted = widely.filter((f) => !f.outlets.includes(outlet)).length;
    const exclusive = facts.filter((f) => f.exclusive && f.outlets[0] === outlet).length;
    result.stories.push({ id: story.id, title: story.title, widely: widely.length, omitted, exclusive });
    result.widely += widely.length;
    result.omitted += omitted;
    result.exclusive += exclusive;
    result.articles += (details.get(story.id)?.members ?? []).filter((m) => m.outlet === outlet).length;
  }
  return result;
}

/** An outlet's profile, or null when no article of the library carries that outlet name. */
export async function outletProfile(
  store: AsyncStoreSession,
  outlet: string,
  cache: StoryFactsCache,
  report: (id: number) => Promise<Report>,
): Promise<OutletProfile | null> {
  const summary = (await store.outlets()).find((o) => o.outlet === outlet);
  if (!summary) return null;
  // An outlet naming itself ("(Newsroom) —", "told Newsroom") is not coverage of an actor.
  const own = ` ${actorKey(outlet)} `;
  const top = (await store.outletActors(outlet, PROFILE_ACTORS + 3))
    .filter((a) => !own.includes(` ${a.actor} `))
    .slice(0, PROFILE_ACTORS);
  const uses = await store.labelUses(
    top.map((a) => a.actor),
    LABEL_ROWS,
  );
  const actors = top.map((a): ProfileActor => {
    const mine = uses.filter((u) => u.actor === a.actor);
    return {
      ...a,
      own: tally(mine.filter((u) => u.outlet === outlet)),
      others: tally(mine.filter((u) => u.outlet !== outlet)),
    };
  });
  return {
    outlet: summary,
    months: await store.outletMonths(outlet),
    tones: { outlet: await store.toneCounts(outlet), library: await store.toneCounts() },
    actors,
    coverage: await factCoverage(store, outlet, cache, report),
  };
}

/** The keys one actor page counts: a person's full name also takes the articles that give only the surname. */
function actorKeys(actor: ActorSummary): string[] {
  const words = actor.actor.split(' ');
  return actor.kind === 'person' && words.length > 1 ? [actor.actor, words.at(-1) ?? ''] : [actor.actor];
}

export async function actorRecord(store: AsyncStoreSession, key: string): Promise<ActorRecord | null> {
  const actor = await store.actor(key);
  if (!actor) return null;
  const keys = actorKeys(actor);
  const uses = await store.labelUses(keys, LABEL_ROWS);
  const names: NameUse[] = await store.nameUses(keys);
  const outletNames = [...new Set([...uses.map((u) => u.outlet), ...names.map((n) => n.outlet)])];
  const outlets = outletNames
    .map((outlet) => {
      const byName = new Map<string, number>();
      for (const n of names)
        if (n.outlet === outlet) byName.set(n.name, (byName.get(n.name) ?? 0) + n.articles);
      return {
        outlet,
        labels: tally(uses.filter((u) => u.outlet === outlet)),
        names: [...byName]
          .map(([name, articles]) => ({ name, articles }))
          .sort((a, b) => b.articles - a.articles),
      };
    })
    .sort(
      (a, b) =>
        b.labels.reduce((n, l) => n + l.articles, 0) - a.labels.reduce((n, l) => n + l.articles, 0) ||
        String(a.outlet).localeCompare(String(b.outlet)),
    );
  const byMonth = new Map<string, ActorRecord['months'][number]['uses']>();
  for (const u of await store.labelUsesByMonth(keys, LABEL_ROWS)) {
    const list = byMonth.get(u.month ?? 'undated') ?? [];
    list.push({ outlet: u.outlet, label: u.label, tone: u.tone, articles: u.articles });
    byMonth.set(u.month ?? 'undated', list);
  }
  const months = [...byMonth]
    .map(([month, list]) => ({ month, uses: list.sort((a, b) => b.articles - a.articles) }))
    .sort((a, b) =>
      a.month === 'undated' ? 1 : b.month === 'undated' ? -1 : a.month.localeCompare(b.month),
    );
  return { actor, keys, outlets, months };
}
