// Confidence of every finding of a story (src/model/report.ts Confidence), each from the evidence of the
// step that made it: actors.ts (merges, labels), speakers.ts (quote speakers), facts.ts (fact groups),
// discrepancies.ts and digest.ts. Runs after the story is built and only adds `confidence` fields.
import type { Story } from '../../model/report.js';
import type { StoryContext } from '../context.js';
import { actorConfidences, unnamedActorConfidences } from './actors.js';
import { digestConfidences } from './digest.js';
import { discrepancyConfidences } from './discrepancies.js';
import { factConfidences } from './facts.js';
import { speakerConfidences } from './speakers.js';

export { HIGH_CONFIDENCE, isUncertain, levelOf, MEDIUM_CONFIDENCE } from './scale.js';

export function attachConfidence(ctx: StoryContext, story: Story): Story {
  actorConfidences(ctx, story.actors);
  if (story.unnamedActors) unnamedActorConfidences(story.unnamedActors);
  speakerConfidences(ctx, story.quotes);
  const links = factConfidences(ctx, story.facts);
  discrepancyConfidences(ctx, story.discrepancies, story);
  digestConfidences(story.digest, story.facts, links, story.articles.length);
  return story;
}
