// Digest: a short neutral account, each sentence citing its articles. Implementation in progress.
import type { DigestSentence, Fact } from '../../model/report.js';
import type { StoryContext } from '../context.js';

export function buildDigest(_ctx: StoryContext, _facts: readonly Fact[]): DigestSentence[] {
  return [];
}
