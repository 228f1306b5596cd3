// Confidence of digest sentences: how often a sentence like this one is neutral, stands alone and is cited
// rightly, all three (the blind check's acceptance figure, eval/blind/RULES.md). Measured on
// eval/blind/judged-dig5.json (2026-12-06, 101 digest sentences of 20 allsides stories, unsure counted as a
// failure): a sentence its own outlet alone reports passes 31 times in 56; one citing two or more outlets in a
// story of 10 or more articles 6 in 15 (a big story's facts join sentences that share a topic, and 9 of the
// 15 cite an article stating another claim: 3 of 10 cited rightly even when the fact's weakest same-claim link
// is 0.5 or more); in a smaller story 17 in 30, whatever the weakest link (0.5 or more: 10 of 18; below: 7 of
// 12). No sentence reaches the high level: the material checks (digest/material.ts) keep out what they catch,
// and what they miss is not predicted by anything measured here.
import type { DigestSentence, Fact } from '../../model/report.js';
import type { FactLinks } from './facts.js';
import { confidence } from './scale.js';

/** Share of one-outlet digest sentences passing all three checks (see above). */
export const EXCLUSIVE_DIGEST_SCORE = 0.55;
/** …of sentences citing two or more outlets in a story of BIG_STORY articles or more. */
export const BIG_STORY_DIGEST_SCORE = 0.4;
export const BIG_STORY = 10;
/** …of sentences citing two or more outlets in a smaller story. */
export const CITED_DIGEST_SCORE = 0.57;

export function digestConfidences(
  digest: readonly DigestSentence[],
  facts: readonly Fact[],
  links: ReadonlyMap<string, FactLinks>,
  articles = 0,
): void {
  for (const sentence of digest) {
    const taken = sentence.evidence?.[0];
    const fact = taken
      ? facts.find((f) =>
          f.evidence.some((e) => e.article === taken.article && e.start < taken.end && e.end > taken.start),
        )
      : undefined;
    const link = fact ? links.get(fact.id) : undefined;
    if (!fact || !link) {
      sentence.confidence = confidence(EXCLUSIVE_DIGEST_SCORE, 'no fact found behind the sentence');
    } else if (link.outlets < 2 || fact.articles.length < 2 || sentence.articles.length < 2) {
      sentence.confidence = confidence(
        EXCLUSIVE_DIGEST_SCORE,
        'only one outlet reports it: no other account to check its wording against',
      );
    } else {
      const big = articles >= BIG_STORY;
      sentence.confidence = confidence(
        big ? BIG_STORY_DIGEST_SCORE : CITED_DIGEST_SCORE,
        `cites ${sentence.articles.length} of the fact's ${link.outlets} outlets; the fact's weakest same-claim link is ${link.weakest.toFixed(2)}${big ? `; in a story of ${articles} articles facts join sentences that only share a topic` : ''}`,
      );
    }
  }
}
