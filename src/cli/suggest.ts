// "did you mean ingest?": the nearest of the known words by edit distance, when it is near enough to be
// a slip of the fingers rather than another word altogether.
import leven from 'leven';

/**
 * The candidate nearest to `word`, or null when none is close: at most 2 edits, and fewer than half the
 * letters of the longer word, so "ingets" finds ingest (2 edits) and "stroy" story, while "go" finds no
 * two-letter neighbour in "demo" (2 edits out of 4).
 */
export function didYouMean(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  const typed = word.toLowerCase();
  for (const candidate of candidates) {
    const distance = leven(typed, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === null || bestDistance > 2) return null;
  return bestDistance * 2 < Math.max(typed.length, best.length) ? best : null;
}
