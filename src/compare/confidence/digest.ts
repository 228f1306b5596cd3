// Confidence of digest sentences. A digest sentence cites the outlets of its fact whose own sentence states
// its claim (digest/index.ts), so its citations are at least as right as the fact is one claim: the fact's
// weakest same-claim link predicts them, as a floor. A sentence citing one outlet cites rightly but has no
// other outlet's account to keep it neutral.
// Measured on the blind check (eval/blind/judged-final.json, 2026-12-06; `node
// dist/eval/blind-confidence.js`, see facts.ts): correctly cited, weakest link ≥ 0.5: 18 of 22; 0.3–0.5:
// 12 of 21; below 0.3: 6 of 22; one-outlet sentences judged neutral: 6 of 22. Neutrality and standing alone
// are otherwise not predicted: the material checks (digest/material.ts) already keep out what they catch.
import type { DigestSentence, Fact } from '../../model/report.js';
import type { FactLinks } from './facts.js';
import { confidence } from './scale.js';

/** Share correctly cited by the weakest link of the sentence's fact (see above). */
export const CITED_BINS: readonly { from: number; share: number }[] = [
  { from: 0.5, share: 0.82 },
  { from: 0.3, share: 0.57 },
  { from: 0, share: 0.27 },
];
/** Share of one-outlet digest sentences judged neutral. */
export const EXCLUSIVE_DIGEST_SCORE = 0.27;

export function digestConfidences(
  digest: readonly DigestSentence[],
  facts: readonly Fact[],
  links: ReadonlyMap<string, FactLinks>,
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
      const share = CITED_BINS.find((b) => link.weakest >= b.from)?.share ?? 0;
      sentence.confidence = confidence(
        share,
        `cites ${sentence.articles.length} of the fact's ${link.outlets} outlets; the fact's weakest same-claim link is ${link.weakest.toFixed(2)}`,
      );
    }
  }
}
