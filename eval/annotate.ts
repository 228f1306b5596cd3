// Articles through the same per-article stages as `parallax annotate`, from records shaped like the JSON
// input users give. A refused article (nothing left after cleaning) simply has no annotations: the scores
// count it as missing everything, as a user would see it.
import { recordArticle } from '../src/ingest/records.js';
import type { AnnotatedArticle } from '../src/model/article.js';
import { runStages } from '../src/pipeline/index.js';

export interface EvalRecord {
  id: string;
  title?: string;
  text?: string;
  html?: string;
  outlet?: string;
  url?: string;
  published?: string;
}

/** `onRefusal` hears why a record gave no article (ingest or cleaning refused it), for reading misses. */
export async function annotateRecords(
  records: readonly EvalRecord[],
  onRefusal?: (id: string, reason: string) => void,
): Promise<Map<string, AnnotatedArticle>> {
  const ctx = { sources: null, usedIds: new Set<string>() };
  const out = new Map<string, AnnotatedArticle>();
  records.forEach((record, i) => {
    const made = recordArticle(record, `eval#${i + 1}`);
    if (!made.ok) {
      onRefusal?.(record.id, made.reason);
      return;
    }
    const result = runStages(made.raw, ctx);
    if ('refused' in result) onRefusal?.(record.id, result.refused);
    else out.set(record.id, result);
  });
  return out;
}
