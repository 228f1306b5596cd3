// Incremental story clustering on invented reports annotated by the real pipeline (clean → annotate).
import { describe, expect, it } from 'vitest';
import { annotateArticle } from '../src/annotate/index.js';
import { cleanArticle } from '../src/clean/index.js';
import type { AnnotatedArticle } from '../src/model/article.js';
import type { ArticleFeatures, Day, StoryIndex, StoryProfile } from '../src/model/story-index.js';
import { backgroundShares } from '../src/stories/background.js';
import {
  assignArticle,
  DAY_EVIDENCE,
  explainMembership,
  GROUP_CONTENT,
  GROUP_WEIGHTS,
  JOIN_THRESHOLD,
  LARGE,
  MAX_SPAN_DAYS,
  mergeProfiles,
  profileFromArticles,
  SCORED_CANDIDATES,
} from '../src/stories/cluster.js';
import { articleFeatures, dayOf } from '../src/stories/features.js';
import { MemoryStoryIndex } from '../src/stories/memory-index.js';
import { contentWeights, idf } from '../src/stories/scoring.js';
import { settings } from '../src/stories/tuning.js';

function annotate(body: string, published: string | null): AnnotatedArticle {
  return annotateArticle(
    cleanArticle(
      { source: 't.txt', format: 'text', body, bodyIsHtml: false, meta: { published }, messages: [] },
      't',
    ),
  );
}

const features = (body: string, published: string | null) => articleFeatures(annotate(body, published));

const FLOOD_1 = `Floodwaters swept through the river town of Orvella on Monday after the Tessel dam overflowed,
forcing 340 residents from their homes.

Mayor Tomas Brennick said the Tessel had risen four metres overnight. "We have never seen the river this
high," Brennick told reporters at the Orvella town hall.

Rescue crews used boats to reach families trapped on rooftops in the lower districts of Orvella.`;

const FLOOD_2 = `Residents of Orvella began returning on Tuesday as the Tessel river fell, a day after the dam
overflowed and flooded the town.

Mayor Tomas Brennick said 340 people had been evacuated and that boats had pulled families from rooftops.
Brennick asked for emergency funds to repair the Tessel dam.`;

const CHESS = `Ilse Varnow won the Kessington chess open on Sunday, beating Dariusz Pellam in a tense final game
that lasted five hours.

Varnow, 19, becomes the youngest winner of the Kessington open. Pellam resigned after move 61.`;

const FLOOD_NEXT_YEAR = `Floodwaters swept through the river town of Orvella on Thursday after the Tessel dam
overflowed again, forcing 120 residents from their homes.

Mayor Tomas Brennick said the Tessel had risen three metres overnight. "It is the second flood in two
years," Brennick said at the Orvella town hall. Rescue crews used boats to reach families in the lower districts.`;

const BAKERY = `A bakery in Lumbridge Vale introduced a rye loaf baked with sunflower honey, and queues formed
before dawn on Saturday. The owner, Greta Holmqvist, plans a second oven.`;

describe('assignArticle', () => {
  it('keeps two different events apart and lets a follow-up join its story', async () => {
    const index = new MemoryStoryIndex();
    const flood = await assignArticle(index, features(FLOOD_1, '2031-04-14'));
    const chess = await assignArticle(index, features(CHESS, '2031-04-14'));
    const follow = await assignArticle(index, features(FLOOD_2, '2031-04-15'));
    expect(flood.created).toBe(true);
    expect(chess.created).toBe(true);
    expect(chess.storyId).not.toBe(flood.storyId);
    expect(follow.created).toBe(false);
    expect(follow.storyId).toBe(flood.storyId);
    expect(follow.score).toBeGreaterThanOrEqual(follow.reasons.threshold);
  });

  it('explains a join with the shared names, their contributions and the day distance', async () => {
    const index = new MemoryStoryIndex();
    await assignArticle(index, features(FLOOD_1, '2031-04-14'));
    await assignArticle(index, features(CHESS, '2031-04-14'));
    const follow = await assignArticle(index, features(FLOOD_2, '2031-04-15'));
    const reasons = follow.reasons;
    expect(reasons.decision).toBe('joined');
    const names = reasons.sharedNames.map((n) => n.label);
    expect(names).toContain('brennick');
    const terms = reasons.sharedTerms.map((t) => t.label);
    expect(terms).toContain('340');
    expect(terms.some((t) => t === 'orvella' || t === 'tessel')).toBe(true);
    expect(reasons.sharedNames.every((n) => n.contribution > 0)).toBe(true);
    expect(reasons.dayDistance).toBe(1);
    expect(reasons.articleDay).toBe('2031-04-15');
    expect(reasons.storyDays).toEqual({ first: '2031-04-14', last: '2031-04-14' });
    // The parts add up to the score; the reasons survive JSON.
    const groups = reasons.groups.names + reasons.groups.terms + reasons.groups.facts;
    expect(groups).toBeCloseTo(reasons.score, 2);
    expect(JSON.parse(JSON.stringify(reasons))).toEqual(reasons);
  });

  it('starts a new story for the same kind of event a year later, names and all', async () => {
    const index = new MemoryStoryIndex();
    const first = await assignArticle(index, features(FLOOD_1, '2031-04-14'));
    await assignArticle(index, features(FLOOD_2, '2031-04-15'));
    const later = await assignArticle(index, features(FLOOD_NEXT_YEAR, '2032-05-06'));
    expect(later.created).toBe(true);
    expect(later.storyId).not.toBe(first.storyId);
    // The same report dated in the same week would have joined: the date is what separates them.
    const control = new MemoryStoryIndex();
    const a = await assignArticle(control, features(FLOOD_1, '2031-04-14'));
    await assignArticle(control, features(FLOOD_2, '2031-04-15'));
    expect((await assignArticle(control, features(FLOOD_NEXT_YEAR, '2031-04-16'))).storyId).toBe(a.storyId);
  });

  it('creates a new story for an article that shares nothing', async () => {
    const index = new MemoryStoryIndex();
    await assignArticle(index, features(FLOOD_1, '2031-04-14'));
    await assignArticle(index, features(CHESS, '2031-04-14'));
    const bakery = await assignArticle(index, features(BAKERY, '2031-04-14'));
    expect(bakery.created).toBe(true);
    expect(bakery.reasons.decision).toBe('created');
    expect(bakery.reasons.sharedNames).toEqual([]);
    expect(index.storyCount()).toBe(3);
  });

  it('asks the index for candidate profiles only, never for every story', async () => {
    const inner = new MemoryStoryIndex();
    // 200 unrelated stories, each with its own names and words.
    for (let i = 0; i < 200; i++) {
      const own: ArticleFeatures = {
        day: 20_000 + (i % 30),
        features: new Map([
          [`p:filler${i}`, 3],
          [`t:topic${i}`, 2],
          [`t:word${i}`, 1],
        ]),
      };
      await assignArticle(inner, own);
    }
    const flood = await assignArticle(inner, features(FLOOD_1, '2031-04-14'));
    const asked: number[] = [];
    const counting: StoryIndex = {
      documentCount: () => inner.documentCount(),
      documentFrequencies: (f) => inner.documentFrequencies(f),
      addDocument: (f) => inner.addDocument(f),
      candidateStories: (f, day, w, l) => inner.candidateStories(f, day, w, l),
      profiles: (ids) => {
        asked.push(...ids);
        return inner.profiles(ids);
      },
      saveProfile: (p) => inner.saveProfile(p),
    };
    const follow = await assignArticle(counting, features(FLOOD_2, '2031-04-15'));
    expect(follow.storyId).toBe(flood.storyId);
    expect(inner.storyCount()).toBe(201);
    expect(asked).toEqual([flood.storyId]);
  });
});

/** Invented features: `terms` content words, `names` names, `years` years, each counted `count` times. */
function synthetic(
  day: Day | null,
  parts: { terms?: string[]; names?: string[]; years?: string[]; count?: number },
): ArticleFeatures {
  const count = parts.count ?? 2;
  const features = new Map<string, number>();
  for (const t of parts.terms ?? []) features.set(`t:${t}`, count);
  for (const n of parts.names ?? []) features.set(`n:${n}`, count);
  for (const y of parts.years ?? []) features.set(`y:${y}`, count);
  return { day, features };
}

/** A library of unrelated filler stories, so that IDF means something. */
async function withFiller(index: StoryIndex, stories: number): Promise<void> {
  for (let i = 0; i < stories; i++)
    await assignArticle(index, synthetic(null, { terms: [`filler${i}`, `other${i}`], names: [`place${i}`] }));
}

const QUAKE = ['tremor', 'magnitud', 'epicentr', 'aftershock', 'collaps', 'rescu', 'rubbl', 'villag'];

describe('evidence beyond shared words', () => {
  it('weighs prominent years: the same kind of event in another year scores lower than in the same year', async () => {
    const score = async (year: string) => {
      const index = new MemoryStoryIndex();
      await withFiller(index, 30);
      await assignArticle(index, synthetic(null, { terms: QUAKE, names: ['varnholt'], years: ['2031'] }));
      await assignArticle(index, synthetic(null, { terms: QUAKE, names: ['varnholt'], years: ['2031'] }));
      return (await assignArticle(index, synthetic(null, { terms: QUAKE.slice(0, 6), years: [year] }))).score;
    };
    const same = await score('2031');
    const other = await score('2027');
    expect(same).toBeGreaterThan(other * 1.4);
  });

  it('weighs publication years: a dated article scores lower against an undated story of another year', async () => {
    const score = async (published: string) => {
      const index = new MemoryStoryIndex();
      await withFiller(index, 30);
      await assignArticle(index, synthetic(null, { terms: QUAKE, names: ['varnholt'], years: ['2031'] }));
      await assignArticle(index, synthetic(null, { terms: QUAKE, names: ['varnholt'], years: ['2031'] }));
      const day = dayOf(published);
      return (await assignArticle(index, synthetic(day, { terms: QUAKE.slice(0, 6), names: ['varnholt'] })))
        .score;
    };
    const same = await score('2031-05-02');
    const other = await score('2036-05-02');
    expect(other).toBeLessThan(same * 0.75);
  });

  it('takes a reliable publication day as evidence: full score the same day and the next, less from two days on', async () => {
    const start = dayOf('2031-05-02') as Day;
    const score = async (gap: number, source: 'published' | 'text' | undefined) => {
      const index = new MemoryStoryIndex();
      await withFiller(index, 30);
      await assignArticle(index, synthetic(start, { terms: QUAKE, names: ['varnholt'] }));
      const probe = synthetic(start + gap, { terms: QUAKE.slice(0, 6), names: ['varnholt'] });
      if (source) probe.daySource = source;
      return (await assignArticle(index, probe)).score;
    };
    const sameDay = await score(0, 'published');
    expect(await score(1, 'published')).toBeCloseTo(sameDay, 6);
    expect(await score(3, 'published')).toBeLessThan(sameDay * 0.8);
    expect(await score(3, 'published')).toBeGreaterThan(await score(20, 'published'));
    expect(await score(20, 'published')).toBeCloseTo(sameDay * DAY_EVIDENCE.floor, 6);
    // A day read from the text (a date line, maybe the event's) is weaker: only the long decay applies.
    expect(await score(20, 'text')).toBeCloseTo(sameDay, 6);
    expect(await score(20, undefined)).toBeCloseTo(sameDay, 6);
  });

  it('gives a dated report against a story with no dated article the floor, as one five or more days away', async () => {
    // A dated report of road closures after a landslide started a story; an undated explainer on
    // landslides started another. A second dated report of the same day reads more like the explainer
    // (all its eight words; about 0.85) than like the first report (the valley's name and six words;
    // about 0.63). On content alone it joined the explainer's story, which has no day and so no window;
    // such a story now gets what a story five or more days away gets.
    const SLIDE = ['landslid', 'mudflow', 'slope', 'evacu', 'terrac', 'boulder', 'gulli', 'downpour'];
    const ROADS = ['rainfal', 'road', 'bridg', 'shut', 'detour', 'commut'];
    const day = dayOf('2031-05-02') as Day;
    const dated = (terms: string[], names: string[]): ArticleFeatures => ({
      ...synthetic(day, { terms, names }),
      daySource: 'published',
    });
    const run = async (options?: { daylessFloor: boolean }) => {
      const index = new MemoryStoryIndex();
      await withFiller(index, 30);
      const sameDay = await assignArticle(index, dated([...SLIDE.slice(0, 2), ...ROADS], ['brennick']));
      const explainer = await assignArticle(index, synthetic(null, { terms: SLIDE }));
      const report = await assignArticle(
        index,
        dated([...SLIDE, ...ROADS.slice(0, 4)], ['brennick']),
        options,
      );
      return { explainer: explainer.storyId, sameDay: sameDay.storyId, report };
    };
    const now = await run();
    expect(now.sameDay).not.toBe(now.explainer);
    expect(now.report.storyId).toBe(now.sameDay);
    const before = await run({ daylessFloor: false });
    expect(before.report.storyId).toBe(before.explainer);
  });

  it('says in --why when a dated article was weighed against a story with no dated article', async () => {
    const index = new MemoryStoryIndex();
    await withFiller(index, 30);
    await assignArticle(index, synthetic(null, { terms: QUAKE, names: ['varnholt'] }));
    const probe = { ...synthetic(dayOf('2031-05-02'), { terms: QUAKE, names: ['varnholt'] }) };
    probe.daySource = 'published';
    const joined = await assignArticle(index, probe);
    expect(joined.created).toBe(false);
    expect(joined.reasons.summary).toContain(
      `weighed ×${DAY_EVIDENCE.floor}: that story has no dated article`,
    );
  });

  it('weighs each feature group by its content: one shared number alone is not a third of the score', async () => {
    const index = new MemoryStoryIndex();
    await withFiller(index, 30);
    const story = synthetic(null, { terms: QUAKE });
    story.features.set('#:340', 1);
    await assignArticle(index, story);
    // Nothing in common but one number: with the group counted in full that number alone was worth
    // GROUP_WEIGHTS.facts / (sum of weights) ≈ 0.26 of the score, over the bar.
    const other = synthetic(null, {
      terms: ['ballot', 'turnout', 'council', 'referendum', 'ferri', 'fare', 'bus', 'rout', 'spring', 'lin'],
    });
    other.features.set('#:340', 1);
    const scored = await assignArticle(index, other);
    expect(scored.created).toBe(true);
    expect(scored.score).toBeLessThan(0.2);
    const weights = contentWeights([0, 12, 1], [4, 20, 6], settings());
    expect(weights.names).toBe(0);
    expect(weights.terms).toBe(GROUP_WEIGHTS.terms);
    expect(weights.facts).toBeCloseTo(GROUP_WEIGHTS.facts / GROUP_CONTENT.facts, 6);
  });

  it('does not let a story run longer than MAX_SPAN_DAYS, however similar the next article', async () => {
    const index = new MemoryStoryIndex();
    await withFiller(index, 30);
    const start = dayOf('2031-01-01') as Day;
    const first = await assignArticle(index, synthetic(start, { terms: QUAKE, names: ['varnholt'] }));
    // Each follow-up comes within the time window of the one before, so only the cap can stop the chain.
    let last = first;
    for (let step = 1; step <= 4; step++) {
      last = await assignArticle(index, synthetic(start + step * 50, { terms: QUAKE, names: ['varnholt'] }));
      if (step * 50 <= MAX_SPAN_DAYS) expect(last.storyId).toBe(first.storyId);
    }
    expect(last.storyId).not.toBe(first.storyId);
    const profile = index.profiles([first.storyId])[0];
    expect((profile?.lastDay ?? 0) - (profile?.firstDay ?? 0)).toBeLessThanOrEqual(MAX_SPAN_DAYS);
  });

  it('asks more of a large story, so a running topic stops absorbing loosely related articles', async () => {
    const bars: number[] = [];
    for (const size of [32, 64, 256]) {
      const index = new MemoryStoryIndex();
      await withFiller(index, 30);
      const story = synthetic(null, { terms: QUAKE, names: ['varnholt'] }).features;
      index.addDocument([...story.keys()]);
      index.saveProfile({ id: null, size, firstDay: null, lastDay: null, features: story });
      // The reasons carry the bar the story asked for, joined or not.
      bars.push(
        (await assignArticle(index, synthetic(null, { terms: QUAKE.slice(0, 3), names: ['varnholt'] })))
          .reasons.threshold,
      );
    }
    expect(bars[0]).toBeCloseTo(JOIN_THRESHOLD, 3);
    expect(bars[1]).toBeCloseTo(JOIN_THRESHOLD + LARGE.extra, 3);
    expect(bars[2]).toBeCloseTo(JOIN_THRESHOLD + 3 * LARGE.extra, 3);
  });

  it('asks more of a one-article story than of a larger one', async () => {
    // The same article scores the same against a one-article story and a two-article one (both hold the
    // same features); only the larger one is joined when the score falls between the two bars.
    const run = async (seedArticles: number) => {
      const index = new MemoryStoryIndex();
      await withFiller(index, 30);
      for (let i = 0; i < seedArticles; i++)
        await assignArticle(index, synthetic(null, { terms: QUAKE, names: ['varnholt'] }));
      return await assignArticle(
        index,
        synthetic(null, { terms: [...QUAKE.slice(0, 3), 'unrel', 'distinct'] }),
        {
          threshold: 0.2,
          young: { size: 1, extra: 0.5 },
        },
      );
    };
    const one = await run(1);
    const two = await run(2);
    // Close, not equal: the second seed article makes its words a little commoner (lower IDF).
    expect(one.score).toBeCloseTo(two.score, 1);
    expect(one.score).toBeGreaterThan(0.2);
    expect(one.created).toBe(true);
    expect(two.created).toBe(false);
  });
});

describe('cost per decision', () => {
  it('decides alike for profiles saved without cached norms (computed afresh) and with them (carried forward)', async () => {
    const feats = [
      features(FLOOD_1, '2031-04-14'),
      features(CHESS, '2031-04-14'),
      features(FLOOD_2, '2031-04-15'),
      features(BAKERY, '2031-04-16'),
      features(FLOOD_NEXT_YEAR, '2031-04-17'),
    ];
    const cached = new MemoryStoryIndex();
    const bare = new MemoryStoryIndex();
    // An index whose rows predate the cache: profiles come back without norms.
    const old: StoryIndex = {
      documentCount: () => bare.documentCount(),
      documentFrequencies: (f) => bare.documentFrequencies(f),
      addDocument: (f) => bare.addDocument(f),
      candidateStories: (f, day, w, l) => bare.candidateStories(f, day, w, l),
      profiles: (ids) => bare.profiles(ids).map(({ norms: _, ...p }) => p),
      saveProfile: (p) => bare.saveProfile(p),
    };
    for (const f of feats) {
      const a = await assignArticle(cached, f);
      const b = await assignArticle(old, f);
      expect(b.storyId).toBe(a.storyId);
      // Cached norms follow the library's growth approximately (every IDF shifting alike).
      expect(Math.abs(b.score - a.score)).toBeLessThan(0.01);
    }
    const [profile] = cached.profiles([1]);
    expect(profile?.norms?.documents).toBeGreaterThan(0);
    expect(profile?.norms?.names).toBeGreaterThan(0);
  });

  it('asks for document frequencies of the article and the joined story only, not of every candidate', async () => {
    const inner = new MemoryStoryIndex();
    // Many stories sharing one common word with the article, each with its own names and words.
    for (let i = 0; i < 60; i++)
      await assignArticle(
        inner,
        synthetic(20_000, { terms: ['harbour', `own${i}`, `more${i}`], names: [`quay${i}`] }),
      );
    const target = await assignArticle(
      inner,
      synthetic(20_000, { terms: ['harbour', ...QUAKE], names: ['varnholt'] }),
    );
    let asked = 0;
    let candidates = 0;
    const counting: StoryIndex = {
      documentCount: () => inner.documentCount(),
      documentFrequencies: (f) => {
        asked += f.length;
        return inner.documentFrequencies(f);
      },
      addDocument: (f) => inner.addDocument(f),
      candidateStories: (f, day, w, l) => {
        const ids = inner.candidateStories(f, day, w, l);
        candidates += ids.length;
        return ids;
      },
      profiles: (ids) => inner.profiles(ids),
      saveProfile: (p) => inner.saveProfile(p),
    };
    const article = synthetic(20_001, { terms: ['harbour', ...QUAKE.slice(0, 6)], names: ['varnholt'] });
    const follow = await assignArticle(counting, article, { limitPerFeature: 100 });
    expect(follow.storyId).toBe(target.storyId);
    expect(candidates).toBeGreaterThan(SCORED_CANDIDATES);
    // The article's own features, then the joined story's others: never the 60 other profiles' features.
    expect(asked).toBeLessThanOrEqual(article.features.size + 2 * (QUAKE.length + 2));
  });
});

describe('story profiles for merge, split and --why', () => {
  it('recomputes a profile from its articles and merges two profiles', async () => {
    const index = new MemoryStoryIndex();
    const f1 = features(FLOOD_1, '2031-04-14');
    const f2 = features(FLOOD_2, '2031-04-15');
    const fc = features(CHESS, '2031-04-20');
    for (const f of [f1, f2, fc]) await assignArticle(index, f);
    const floods = profileFromArticles([f1, f2], index, 7);
    expect(floods).toMatchObject({
      id: 7,
      size: 2,
      firstDay: dayOf('2031-04-14'),
      lastDay: dayOf('2031-04-15'),
    });
    expect(floods.features.has('p:brennick')).toBe(true);
    const chess = { ...profileFromArticles([fc], index), id: 9 } as StoryProfile;
    const merged = mergeProfiles({ ...floods, id: 7 }, chess, index);
    expect(merged).toMatchObject({
      id: 7,
      size: 3,
      firstDay: dayOf('2031-04-14'),
      lastDay: dayOf('2031-04-20'),
    });
    expect(merged.features.has('t:kessington')).toBe(true);
    expect(merged.features.size).toBeLessThanOrEqual(250);
  });

  it('explains why a member article belongs, leaving its own part out', async () => {
    const index = new MemoryStoryIndex();
    const f1 = features(FLOOD_1, '2031-04-14');
    const f2 = features(FLOOD_2, '2031-04-15');
    const { storyId } = await assignArticle(index, f1);
    await assignArticle(index, f2);
    const [profile] = index.profiles([storyId]);
    if (!profile) throw new Error('no profile');
    const why = explainMembership(profile, f2, index);
    expect(why.decision).toBe('member');
    expect(why.sharedNames.map((n) => n.label)).toContain('brennick');
    expect(why.score).toBeGreaterThan(0);
    expect(why.score).toBeLessThan(1);
  });
});

describe('features', () => {
  it('reads days, names, numbers and years', async () => {
    expect(dayOf('1970-01-02')).toBe(1 as Day);
    expect(dayOf('2031-02-30')).toBeNull();
    expect(dayOf('2031-04')).toBeNull();
    expect(dayOf(null)).toBeNull();
    const f = features(`${FLOOD_1}\n\nThe last flood in Orvella was in 2019.`, '2031-04-14');
    expect(f.day).toBe(dayOf('2031-04-14'));
    expect(f.features.get('p:brennick')).toBeGreaterThanOrEqual(2);
    expect(f.features.has('t:orvella')).toBe(true);
    expect(f.features.has('#:340')).toBe(true);
    expect(f.features.has('y:2019')).toBe(true);
    expect([...f.features.keys()].some((k) => k === 't:the' || k === 't:said')).toBe(false);
  });

  it('keeps multi-word names whatever their kind, and leaves single unknown capitalised words out', async () => {
    const f = features(
      `Divers searched the waters off Kessel Moor Point on Monday. Officials at Orvella said the search would go on.\n\nThe Kessel Moor Point lighthouse was closed.`,
      '2031-04-14',
    );
    expect([...f.features.keys()].some((k) => k.startsWith('n:kessel moor'))).toBe(true);
    expect(f.features.has('n:monday')).toBe(false);
  });

  it('takes a date line at the top as the day when the article has no publication date', async () => {
    const f = features(`Flood hits Orvella\n\nApril 14, 2031\n\n${FLOOD_1}`, null);
    expect(f.day).toBe(dayOf('2031-04-14'));
    expect(f.daySource).toBe('text');
    expect(features(FLOOD_1, null).day).toBeNull();
    expect(features(FLOOD_1, null).daySource).toBeUndefined();
  });

  it('emits no publication-year features with a reliable day, and keeps resolved years without one', async () => {
    const text = `${FLOOD_1}\n\nIn 2031 the town had spent 12 million on the dam; in 2019 it flooded too.`;
    const dated = features(text, '2031-04-14');
    expect(dated.daySource).toBe('published');
    // The publication year adds nothing the day does not say; another year is content.
    expect(dated.features.has('y:2031')).toBe(false);
    expect(dated.features.has('y:2019')).toBe(true);
    const undated = features(`Flood hits Orvella\n\nApril 14, 2031\n\n${text}`, null);
    expect(undated.daySource).toBe('text');
    expect(undated.features.has('y:2031')).toBe(true);
  });
});

describe('background statistics', () => {
  it('starts a young library from the reference frequencies: a common feature weighs little, an unseen one in full', async () => {
    const shares = backgroundShares();
    expect(shares.size).toBeGreaterThan(1000);
    // The commonest name of the reference sample, whatever it is.
    const [common, share] = [...shares]
      .filter(([f]) => f.startsWith('n:'))
      .sort((a, b) => b[1] - a[1])[0] as [string, number];
    expect(share).toBeGreaterThan(0.05);
    const s = settings();
    const unseen = idf('n:no such place anywhere', 0, 0, s);
    expect(idf(common, 0, 0, s)).toBeLessThan(unseen / 2);
    // No floor: a feature in every article of a large library weighs nearly nothing.
    expect(idf('t:anything', 1_000_000, 1_000_000, s)).toBeLessThan(0.01);
    // Without the table every feature starts alike.
    const flat = settings({ background: false });
    expect(idf(common, 0, 0, flat)).toBeCloseTo(idf('n:no such place anywhere', 0, 0, flat), 9);
    // As the library grows its own counts take over: rare in a library of 100k, the background fades.
    expect(idf(common, 10, 100_000, s)).toBeGreaterThan(idf(common, 0, 0, s) + 2);
  });
});
