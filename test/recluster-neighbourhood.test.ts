// The second pass's neighbourhood (src/library/recluster.ts). In a library holding months of news, not
// filled in date order, the most recently active stories under the common names of a news cycle are later
// stories: a story must still meet the other reports of its own days (storiesAround), and an undated piece
// the dated report of its event, found through the rarer words the two share (undatedNeighbours).
import { describe, expect, it } from 'vitest';
import { reclusterNeighbourhood, UNDATED_NEIGHBOURS, undatedNeighbours } from '../src/library/recluster.js';
import type { ArticleFeatures, Day } from '../src/model/story-index.js';
import type { AsyncStore, AsyncStoreSession } from '../src/store/async-store.js';
import { articleIdentity } from '../src/store/identity.js';
import { profileFromArticlesIn } from '../src/stories/cluster.js';
import { makeArticle } from './support/articles.js';
import { testLibraries } from './support/test-library.js';

const libraries = testLibraries('recluster-neighbourhood');

/** Names of the season, in every story of the library below. */
const SEASON = ['n:assembly', 'n:capital', 'n:speaker', 'p:marrow', 'p:quillan', 'n:treasury'];
/** Figures the season's budget pieces all repeat. */
const FIGURES = ['#:12', '#:40', '#:250', '#:3', '#:18', '#:9'];
/** Words of one event: a reservoir's spillway that gave way. */
const EVENT = [
  'spillway',
  'reservoir',
  'breach',
  'evacu',
  'floodgat',
  'downstream',
  'levee',
  'sandbag',
  'erosion',
  'crest',
];

const counts = (list: readonly string[], count: number): [string, number][] =>
  list.map((f): [string, number] => [f, count]);

let n = 0;
/** The features of the i-th budget story of the season: its own people and subjects, the season's words. */
const budgetStory = (i: number): [string, number][] => [
  ...counts(SEASON, 1),
  ...counts(FIGURES, 1),
  ...counts(
    ['chair', 'aide', 'donor', 'clerk', 'auditor', 'lobbyist'].map((w) => `p:${w}${i}`),
    3,
  ),
  ...counts(
    ['tariff', 'pension', 'school', 'toll', 'lotteri', 'ferri', 'zoning', 'prison'].map((w) => `t:${w}${i}`),
    3,
  ),
];

/**
 * Stores one invented article and puts it into a story of its own, as a first pass that met nothing
 * would: the library's state before the second pass runs.
 */
async function alone(
  tx: AsyncStoreSession,
  day: Day | null,
  features: [string, number][],
): Promise<{ id: string; story: number }> {
  n++;
  const text = `Invented article number ${n} for the neighbourhood test.`;
  const article = makeArticle({ id: `in-${n}`, text, url: `https://example.org/story-${n}` });
  const id = articleIdentity(article).id;
  const f: ArticleFeatures = {
    day,
    daySource: day === null ? undefined : 'published',
    features: new Map(features),
  };
  await tx.putArticles([article]);
  await tx.recordArticleFeatures(id, f, []);
  const index = tx.storyIndex();
  await index.addDocument([...f.features.keys()]);
  const story = await index.saveProfile(await profileFromArticlesIn([f], index));
  await tx.placeArticle(id, {
    storyId: story,
    duplicateOf: null,
    score: null,
    reasons: null,
    placedBy: 'ingest',
  });
  return { id, story };
}

describe('second pass: the neighbourhood of a story', () => {
  it('reaches the dated report of its event although later stories carry its strongest features', async () => {
    const store: AsyncStore = await libraries.openFresh('undated');
    await store.withTransaction(async (tx) => {
      // The undated piece: the season's names and figures are the strongest features of its profile
      // (small groups), the event's words come once each in a larger group.
      const piece = await alone(tx, null, [
        ...counts(SEASON, 1),
        ...counts(FIGURES, 1),
        ...counts(
          EVENT.map((w) => `t:${w}`),
          1,
        ),
      ]);
      // The dated report of the event.
      const report = await alone(tx, 20_000, [
        ...counts(SEASON, 1),
        ...counts(
          EVENT.map((w) => `t:${w}`),
          2,
        ),
      ]);
      // Ten budget stories of the same season, months later, each with its own people and subject.
      for (let i = 0; i < 10; i++)
        await alone(tx, 20_150 + i, [
          ...budgetStory(i),
          ...counts(
            ['#:7', '#:55', '#:81', '#:64'].map((w) => `${w}${i}`),
            2,
          ),
        ]);
      await reclusterNeighbourhood(tx, new Set([piece.story]));
      expect(await tx.storyOf(piece.id)).toBe(await tx.storyOf(report.id));
    });
  });

  it('reaches the other report of the same days although later stories in the window carry its strongest features', async () => {
    const store: AsyncStore = await libraries.openFresh('around');
    await store.withTransaction(async (tx) => {
      const event = EVENT.map((w) => `t:${w}`);
      // Two outlets' reports of the breach on the same day, each in a story of its own.
      const first = await alone(tx, 20_000, [
        ...counts(SEASON, 1),
        ...counts(FIGURES, 1),
        ...counts(event, 1),
      ]);
      const other = await alone(tx, 20_000, [...counts(SEASON, 1), ...counts(event.slice(2), 1)]);
      // Ten budget stories of the same season one to two months later, inside the time window.
      for (let i = 0; i < 10; i++) await alone(tx, 20_030 + 3 * i, budgetStory(i));
      await reclusterNeighbourhood(tx, new Set([first.story]));
      expect(await tx.storyOf(first.id)).toBe(await tx.storyOf(other.id));
    });
  });

  it('takes at most UNDATED_NEIGHBOURS stories, those sharing most of its rarest features first', async () => {
    const store: AsyncStore = await libraries.openFresh('bounded');
    await store.withTransaction(async (tx) => {
      const words = EVENT.map((w) => `t:${w}`);
      const piece = await alone(tx, null, counts(words, 1));
      // Five reports share all the event's words; forty more stories share two of them each.
      const close: number[] = [];
      for (let i = 0; i < 5; i++) close.push((await alone(tx, 20_000 + i, counts(words, 2))).story);
      for (let i = 0; i < 40; i++)
        await alone(tx, 20_000 + i, [
          ...counts(words.slice(i % 8, (i % 8) + 2), 1),
          ...counts([`t:topic${i}`, `t:subject${i}`], 2),
        ]);
      const index = tx.storyIndex();
      const [profile] = await index.profiles([piece.story]);
      const found = await undatedNeighbours(index, profile as NonNullable<typeof profile>);
      expect(found.length).toBe(UNDATED_NEIGHBOURS);
      expect(found.slice(0, 5).sort((a, b) => a - b)).toEqual(close);
      expect(found).not.toContain(piece.story);
    });
  });
});
