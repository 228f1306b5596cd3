// A user's decisions about stories (merge, split) and the explanations behind each placement. Decisions
// move articles and rebuild the affected profiles in one transaction; ingest never moves an article it
// did not just add, so a user's decision holds through every later ingest.

import { ParallaxError } from '../errors.js';
import type { AnnotatedArticle } from '../model/article.js';
import type { Report } from '../model/report.js';
import type { ArticleFeatures } from '../model/story-index.js';
import type { AsyncStoreSession } from '../store/async-store.js';
import { lockPlacement } from '../store/placement-lock.js';
import type {
  StoredArticle,
  StoryArticleRef,
  StoryDetail,
  StoryMember,
  StorySummary,
} from '../store/store.js';
import {
  type AssignmentReasons,
  explainMembershipIn,
  mergeProfilesIn,
  profileFromArticlesIn,
} from '../stories/cluster.js';

// Every operation takes a store of either backend through the asynchronous contract (the commands, the web
// app, the library API); a library file's synchronous store is seen through asAsyncStore. The suffix `In`
// is from when each had a synchronous twin on the SQLite store; the twins are gone (issue 15).

export async function requireStoryIn(store: AsyncStoreSession, id: number): Promise<StoryDetail> {
  return found(await store.getStory(id), id);
}

function found(story: StoryDetail | null, id: number): StoryDetail {
  if (!story) throw new ParallaxError('USAGE', `there is no story ${id}; "parallax stories" lists them`);
  return story;
}

/** Parses a story id as given on the command line. */
export function parseStoryId(text: string | undefined): number {
  if (text === undefined || !/^\d+$/.test(text.trim())) {
    throw new ParallaxError(
      'USAGE',
      `a story id is a whole number as "parallax stories" lists it; got "${text ?? ''}"`,
    );
  }
  return Number(text.trim());
}

/** Moves every article of `otherId` into `targetId` and deletes `otherId`. */
export async function mergeStoriesIn(
  store: AsyncStoreSession,
  targetId: number,
  otherId: number,
): Promise<StoryDetail> {
  if (targetId === otherId) throw new ParallaxError('USAGE', `cannot merge story ${targetId} with itself`);
  return store.withTransaction(async (tx) => {
    // Ordered with ingest's placements (placement-lock.ts): a worker placing an article in one of these
    // stories at the same moment must see the merge whole or not at all, and its cached profiles drop.
    await lockPlacement(tx);
    await requireStoryIn(tx, targetId);
    const other = await requireStoryIn(tx, otherId);
    const index = tx.storyIndex();
    const [a, b] = [(await index.profiles([targetId]))[0], (await index.profiles([otherId]))[0]];
    if (!a || !b)
      throw new ParallaxError(
        'STORE',
        `the clustering profile of story ${a ? otherId : targetId} is missing`,
      );
    for (const member of other.members)
      await tx.placeArticle(
        member.articleId,
        userPlacement(member, targetId, { decision: 'merged', fromStory: otherId }),
      );
    await index.saveProfile(await mergeProfilesIn(a, b, index));
    await tx.deleteStory(otherId);
    await tx.refreshContest();
    return requireStoryIn(tx, targetId);
  });
}

/**
 * Moves the named articles (store ids or input ids) out of `storyId` into a new story. A near-duplicate
 * follows the article it duplicates, so a voice is never split from its copies.
 */
export async function splitStoryIn(
  store: AsyncStoreSession,
  storyId: number,
  names: readonly string[],
): Promise<{ from: StoryDetail; to: StoryDetail }> {
  if (names.length === 0)
    throw new ParallaxError('USAGE', 'story split needs --articles with at least one article id');
  return store.withTransaction(async (tx) => {
    // As a merge: one at a time with ingest's placements.
    await lockPlacement(tx);
    const story = await requireStoryIn(tx, storyId);
    const { moving, staying } = splitMembers(story, names);
    const index = tx.storyIndex();
    const features = await tx.articleFeatures(story.members.map((m) => m.articleId));
    const newId = await index.saveProfile(
      await profileFromArticlesIn(voiceFeatures(moving, features), index),
    );
    for (const member of moving)
      await tx.placeArticle(
        member.articleId,
        userPlacement(member, newId, { decision: 'split', fromStory: storyId }),
      );
    await index.saveProfile(await profileFromArticlesIn(voiceFeatures(staying, features), index, storyId));
    await tx.refreshContest();
    return { from: await requireStoryIn(tx, storyId), to: await requireStoryIn(tx, newId) };
  });
}

/** The members a split moves (the named ones and their near-duplicates) and those that stay; refuses a bad split. */
function splitMembers(
  story: StoryDetail,
  names: readonly string[],
): { moving: StoryMember[]; staying: StoryMember[] } {
  const moving = new Set<string>();
  for (const name of names) {
    const member = story.members.find((m) => m.articleId === name || m.inputId === name);
    if (!member) throw new ParallaxError('USAGE', `article "${name}" is not in story ${story.id}`);
    moving.add(member.articleId);
  }
  for (const m of story.members)
    if (m.duplicateOf !== null && moving.has(m.duplicateOf)) moving.add(m.articleId);
  const staying = story.members.filter((m) => !moving.has(m.articleId));
  if (staying.length === 0) {
    throw new ParallaxError(
      'USAGE',
      `splitting every article out of story ${story.id} would leave it empty; name fewer articles`,
    );
  }
  return { moving: story.members.filter((m) => moving.has(m.articleId)), staying };
}

/** The features of the members that are voices (not near-duplicates), as a profile is built from. */
function voiceFeatures(
  members: readonly StoryMember[],
  features: Map<string, ArticleFeatures>,
): ArticleFeatures[] {
  return members.filter((m) => m.duplicateOf === null).flatMap((m) => features.get(m.articleId) ?? []);
}

/** A user's placement of a member in `storyId`, keeping its near-duplicate link. */
function userPlacement(
  member: StoryMember,
  storyId: number,
  reasons: { decision: 'merged' | 'split'; fromStory: number },
) {
  return { storyId, duplicateOf: member.duplicateOf, score: null, reasons, placedBy: 'user' as const };
}

export interface MemberExplanation {
  articleId: string;
  inputId: string;
  outlet: string | null;
  published: string | null;
  title: string | null;
  placedBy: StoryMember['placedBy'];
  duplicateOf: string | null;
  /** What was recorded when the article was placed. */
  placement: unknown;
  /** How the article relates to the story as it is now (not for near-duplicates). */
  now: AssignmentReasons | null;
}

/** Why each article is in the story: the decision recorded at placement, and its fit with the story now. */
export async function explainStoryIn(
  store: AsyncStoreSession,
  storyId: number,
): Promise<{ story: StoryDetail; members: MemberExplanation[] }> {
  const story = await requireStoryIn(store, storyId);
  const index = store.storyIndex();
  const profile = (await index.profiles([storyId]))[0];
  const features = await store.articleFeatures(story.members.map((m) => m.articleId));
  const members: MemberExplanation[] = [];
  for (const m of story.members) {
    const own = features.get(m.articleId);
    members.push({
      ...explanationOf(m),
      now: m.duplicateOf === null && own && profile ? await explainMembershipIn(profile, own, index) : null,
    });
  }
  return { story, members };
}

function explanationOf(m: StoryMember): Omit<MemberExplanation, 'now'> {
  return {
    articleId: m.articleId,
    inputId: m.inputId,
    outlet: m.outlet,
    published: m.published,
    title: m.title,
    placedBy: m.placedBy,
    duplicateOf: m.duplicateOf,
    placement: m.reasons,
  };
}

/** A member's reason in words: why it was placed, and how it fits now when that was not recorded as a join. */
export function memberReason(m: MemberExplanation): { why: string; now: string | null } {
  const placement = m.placement as {
    decision?: string;
    summary?: string;
    fromStory?: number;
    resemblance?: number;
    containment?: number;
  } | null;
  let why: string;
  if (m.duplicateOf !== null) {
    why = `near-duplicate of ${m.duplicateOf}${placement?.resemblance !== undefined ? ` (resemblance ${placement.resemblance.toFixed(2)}, containment ${(placement.containment ?? 0).toFixed(2)})` : ''}; counted as that article's voice`;
  } else if (m.placedBy === 'user') {
    why = `put here by you (${placement?.decision ?? 'moved'}${placement?.fromStory !== undefined ? ` from story ${placement.fromStory}` : ''})`;
  } else if (placement?.decision === 'created') {
    why = 'started the story';
  } else {
    why = placement?.summary ?? 'placed by ingest';
  }
  return { why, now: m.now && placement?.decision !== 'joined' ? m.now.summary : null };
}

/**
 * The articles a story's comparison reads: one per voice (near-duplicates left out, since they would count
 * one outlet's copy of a wire story as agreement), with input ids made unique within the story.
 */
export async function storyArticlesIn(
  store: AsyncStoreSession,
  story: StoryDetail,
): Promise<AnnotatedArticle[]> {
  return withUniqueInputIds(await store.getArticles(voiceIds(story)));
}

function voiceIds(story: StoryDetail): string[] {
  return story.members.filter((m) => m.duplicateOf === null).map((m) => m.articleId);
}

function withUniqueInputIds(stored: readonly StoredArticle[]): AnnotatedArticle[] {
  const used = new Set<string>();
  return stored.map(({ article }) => {
    let id = article.id;
    for (let n = 2; used.has(id); n++) id = `${article.id}-${n}`;
    used.add(id);
    return id === article.id ? article : { ...article, id };
  });
}

/** One story as `stories --format json` and `/api/stories` list it (schema/stories.schema.json). */
export interface StoryListingEntry extends StorySummary {
  /** Articles that are not near-duplicates of another. */
  voices: number;
  /** Input ids, in placement order. */
  articles: string[];
  /** Library ids, same order. */
  articleIds: string[];
  duplicates: { articleId: string; of: string | null }[];
}

/** The listing entries of these stories, with their articles read in one query. */
export async function storyListingIn(
  store: AsyncStoreSession,
  stories: readonly StorySummary[],
): Promise<StoryListingEntry[]> {
  const refs = await store.storyArticles(stories.map((s) => s.id));
  return stories.map((s) => listingEntry(s, refs.get(s.id) ?? []));
}

function listingEntry(s: StorySummary, mine: readonly StoryArticleRef[]): StoryListingEntry {
  return {
    ...s,
    voices: mine.filter((r) => r.duplicateOf === null).length,
    articles: mine.map((r) => r.inputId),
    articleIds: mine.map((r) => r.articleId),
    duplicates: mine
      .filter((r) => r.duplicateOf !== null)
      .map((r) => ({ articleId: r.articleId, of: r.duplicateOf })),
  };
}

/**
 * A stored story's comparison report, read from the stored annotations (nothing is annotated again). The
 * library's title names the story everywhere (the list, the page, the API, `story <id>`).
 */
export async function storyReportIn(store: AsyncStoreSession, story: StoryDetail): Promise<Report> {
  const articles = await storyArticlesIn(store, story);
  const { compareStory } = await import('../compare/index.js');
  const { buildReport } = await import('../report/index.js');
  return buildReport([compareStory(articles, String(story.id), story.title)]);
}
