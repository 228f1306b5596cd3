// The StoryIndex kept in memory, for tests and benchmarks: document frequencies in a map, story profiles in
// a map, and postings (feature → stories whose profile holds it) so that candidate lookup touches only the
// stories that share a feature, never the whole library. Mirrors what the SQLite store keeps in tables.
import type { Day, StoryIndex, StoryProfile } from '../model/story-index.js';

interface Stored {
  profile: StoryProfile;
  /** Order of the latest save: ties between stories without days go to the most recently updated. */
  touched: number;
}

export class MemoryStoryIndex implements StoryIndex {
  private docs = 0;
  private readonly df = new Map<string, number>();
  private readonly stories = new Map<number, Stored>();
  private readonly postings = new Map<string, Set<number>>();
  private nextId = 1;
  private clock = 0;

  documentCount(): number {
    return this.docs;
  }

  documentFrequencies(features: readonly string[]): Map<string, number> {
    const out = new Map<string, number>();
    for (const f of features) out.set(f, this.df.get(f) ?? 0);
    return out;
  }

  addDocument(features: readonly string[]): void {
    this.docs++;
    for (const f of new Set(features)) this.df.set(f, (this.df.get(f) ?? 0) + 1);
  }

  candidateStories(
    features: readonly string[],
    day: Day | null,
    windowDays: number,
    limitPerFeature: number,
    until?: Day,
  ): number[] {
    const found = new Set<number>();
    for (const f of new Set(features)) {
      const ids = this.postings.get(f);
      if (!ids) continue;
      // The `limitPerFeature` most recently active, kept sorted as the postings are read (no full sort:
      // a common feature's postings can hold thousands of stories).
      const top: Stored[] = [];
      for (const id of ids) {
        const stored = this.stories.get(id);
        if (!stored || !inWindow(stored.profile, day, windowDays)) continue;
        const lastDay = stored.profile.lastDay;
        if (day !== null && until !== undefined && lastDay !== null && lastDay > until) continue;
        if (top.length === limitPerFeature) {
          const last = top[top.length - 1] as Stored;
          if (byRecentActivity(stored, last) >= 0) continue;
          top.pop();
        }
        let at = top.length;
        while (at > 0 && byRecentActivity(stored, top[at - 1] as Stored) < 0) at--;
        top.splice(at, 0, stored);
      }
      for (const s of top) found.add(s.profile.id);
    }
    return [...found];
  }

  profiles(ids: readonly number[]): StoryProfile[] {
    const out: StoryProfile[] = [];
    for (const id of ids) {
      const stored = this.stories.get(id);
      // The stored profile is never changed in place (saveProfile replaces it), so sharing its map is safe
      // as long as callers treat profiles as read-only, which cluster.ts does.
      if (stored) out.push({ ...stored.profile });
    }
    return out;
  }

  saveProfile(profile: Omit<StoryProfile, 'id'> & { id: number | null }): number {
    const id = profile.id ?? this.nextId++;
    if (profile.id !== null && profile.id >= this.nextId) this.nextId = profile.id + 1;
    const previous = this.stories.get(id);
    if (previous) {
      for (const f of previous.profile.features.keys())
        if (!profile.features.has(f)) this.postings.get(f)?.delete(id);
    }
    for (const f of profile.features.keys()) {
      let set = this.postings.get(f);
      if (!set) {
        set = new Set();
        this.postings.set(f, set);
      }
      set.add(id);
    }
    this.stories.set(id, { profile: copyProfile({ ...profile, id }), touched: ++this.clock });
    return id;
  }

  /** Number of stories, for benchmarks and tests (not part of StoryIndex: clustering never needs it). */
  storyCount(): number {
    return this.stories.size;
  }
}

function inWindow(profile: StoryProfile, day: Day | null, windowDays: number): boolean {
  if (day === null || profile.firstDay === null || profile.lastDay === null) return true;
  return day >= profile.firstDay - windowDays && day <= profile.lastDay + windowDays;
}

/** Latest day first (stories without days after dated ones), then the most recently saved. */
function byRecentActivity(a: Stored, b: Stored): number {
  const da = a.profile.lastDay ?? Number.NEGATIVE_INFINITY;
  const db = b.profile.lastDay ?? Number.NEGATIVE_INFINITY;
  if (da !== db) return db - da;
  return b.touched - a.touched;
}

function copyProfile(p: StoryProfile): StoryProfile {
  return { ...p, features: new Map(p.features) };
}
