// The second pass's neighbourhood of a story none of whose articles has a day (src/library/recluster.ts
// undatedNeighbours). In a library holding months of news, the most recently active stories under the
// common names of a news cycle are later stories: an undated piece must still meet the dated report of its
// own event, found through the rarer words the two share.
import { describe, expect, it } from 'vitest';
import { reclusterNeighbourhood } from '../src/library/recluster.js';
import type { ArticleFeatures, Day } from '../src/model/story-index.js';
import type { AsyncStore, AsyncStoreSession } from '../src/store/async-store.js';
import { articleIdentity } from '../src/store/identity.js';
import { profileFromArticlesIn } from '../src/stories/cluster.js';
import { makeArticle } from './support/articles.js';
import { testLibraries } from './support/test-library.js';

const libraries = testLibraries('recluster-undated');

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

describe('second pass: the neighbourhood of an undated story', () => {
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
          ...counts(SEASON, 1),
          ...counts(FIGURES, 1),
          ...counts(
            ['chair', 'aide', 'donor', 'clerk', 'auditor', 'lobbyist'].map((w) => `p:${w}${i}`),
            3,
          ),
          ...counts(
            ['tariff', 'pension', 'school', 'toll', 'lotteri', 'ferri', 'zoning', 'prison'].map(
              (w) => `t:${w}${i}`,
            ),
            3,
          ),
          ...counts(
            ['#:7', '#:55', '#:81', '#:64'].map((w) => `${w}${i}`),
            2,
          ),
        ]);
      await reclusterNeighbourhood(tx, new Set([piece.story]));
      expect(await tx.storyOf(piece.id)).toBe(await tx.storyOf(report.id));
    });
  });
});
