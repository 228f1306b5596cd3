// One MRPC pair as the aligner sees it (shared by eval/mrpc-fit.ts and eval/mrpc-embed.ts): the two
// sentences annotated and compared like a two-article story up to the units; the pair of units the
// aligner would weigh is the one with the most content keys in common.
import { storyContext } from '../src/compare/index.js';
import { claimFeatures } from '../src/compare/text/claim-features.js';
import { buildSpace, cosine } from '../src/compare/text/similarity.js';
import { buildUnits, type Unit } from '../src/compare/text/units.js';
import { annotateRecords } from './annotate.js';
import type { MrpcPair } from './mrpc-data.js';

export interface PairUnits {
  units: [Unit, Unit];
  /** The two articles' texts (units hold offsets into them). */
  texts: string[];
  /** Today's similarity gate in align.ts, in this two-unit story. */
  gate: boolean;
  /** claimFeatures of the two units (text/claim-features.ts, CLAIM_FEATURES order). */
  features: number[];
}

export async function pairUnits(pair: MrpcPair): Promise<PairUnits | null> {
  const m = await annotateRecords([
    { id: 'first', title: '', text: pair.a, outlet: 'Outlet One' },
    { id: 'second', title: '', text: pair.b, outlet: 'Outlet Two' },
  ]);
  const first = m.get('first');
  const second = m.get('second');
  if (!first || !second) return null;
  const { ctx } = storyContext([first, second]);
  const units = buildUnits(ctx, { splitClauses: true });
  const texts = ctx.articles.map((a) => a.text);
  let best: [Unit, Unit] | null = null;
  let bestShared = -1;
  for (const x of units)
    for (const y of units) {
      if (x.article !== 0 || y.article !== 1) continue;
      const shared = x.keys.filter((k) => y.keys.includes(k)).length;
      if (shared > bestShared) {
        best = [x, y];
        bestShared = shared;
      }
    }
  if (!best) return null;
  const space = buildSpace(units, 2);
  const c = cosine(space, space.vectors[best[0].index] as never, space.vectors[best[1].index] as never);
  return {
    units: best,
    texts,
    gate: c.score >= 0.2 && (c.shared >= 3 || c.score >= 0.999),
    features: claimFeatures(best[0], best[1], (x) => texts[x.article] as string),
  };
}
