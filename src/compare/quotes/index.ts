// Quote groups: the same utterance as each outlet printed it — verbatim copies, partial quotes and
// different translations inside quote marks — with each printing's word diff against the fullest one,
// and a 'wording' discrepancy where outlets put different words in the speaker's mouth.
// Grouping rules live in group.ts, word keys and the synonym table in words.ts, discrepancies in wording.ts.
import type { DiffPart, Discrepancy, QuoteGroup, QuoteVariant } from '../../model/report.js';
import { MAX_DIFF_WORDS, splitWords, wordDiff } from '../../text/word-diff.js';
import type { StoryContext } from '../context.js';
import { clusterQuotes, collectQuotes, type QuoteRecord } from './group.js';
import { wordingDifferences } from './wording.js';

export { MAX_DIFF_WORDS, wordDiff } from '../../text/word-diff.js';

/** The group's speaker: the actor most of its printings attribute it to (null when none is known). */
function majorityActor(members: readonly QuoteRecord[]): string | null {
  const counts = new Map<string, number>();
  for (const m of members) if (m.actor) counts.set(m.actor, (counts.get(m.actor) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [actor, count] of counts) {
    if (count > bestCount) {
      best = actor;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The speaker of an uncredited printing: the speaker credited with another printing of the group in the
 * same sentence of the same article. An outlet quoting two pieces of one line in one sentence credits the
 * first only: he agreed the port would be "the best place for talks" as it was the country's "oldest
 * partner" — "oldest partner" is his too.
 */
function sentenceSpeaker(m: QuoteRecord, members: readonly QuoteRecord[]): string | null {
  if (m.sentence < 0) return null;
  const sibling = members.find(
    (o) => o !== m && o.article === m.article && o.sentence === m.sentence && o.actor,
  );
  return sibling?.actor ?? null;
}

/** How the note names the speaker: the entity name the printings use most. */
function speakerName(members: readonly QuoteRecord[]): string | null {
  const counts = new Map<string, number>();
  for (const m of members) {
    const id = m.quote.speaker;
    const name = id ? m.article.entities.find((e) => e.id === id)?.name : undefined;
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** The reference printing against itself: all its words, unchanged. */
function selfDiff(text: string): DiffPart[] | undefined {
  const words = splitWords(text);
  if (words.length > MAX_DIFF_WORDS) return undefined;
  return words.length > 0 ? [{ op: 'same', text: words.join(' ') }] : [];
}

const byPosition = (a: QuoteRecord, b: QuoteRecord) =>
  a.articleOrder - b.articleOrder || a.quote.start - b.quote.start;

export function groupQuotes(ctx: StoryContext): { groups: QuoteGroup[]; discrepancies: Discrepancy[] } {
  const records = collectQuotes(ctx);
  const clusters = clusterQuotes(records).map((members) =>
    members.map((i) => records[i] as QuoteRecord).sort(byPosition),
  );
  // Most outlets first, then in reading order of the story's first printing.
  const articleCount = (members: readonly QuoteRecord[]) => new Set(members.map((m) => m.article.id)).size;
  clusters.sort(
    (a, b) => articleCount(b) - articleCount(a) || byPosition(a[0] as QuoteRecord, b[0] as QuoteRecord),
  );

  const groups: QuoteGroup[] = [];
  const discrepancies: Discrepancy[] = [];
  const label = (articleId: string) => ctx.byId.get(articleId)?.outlet ?? articleId;
  clusters.forEach((members, n) => {
    const id = `q${n + 1}`;
    // The reference is the fullest printing (most words; the first on a tie).
    let reference = members[0] as QuoteRecord;
    for (const m of members) if (m.words > reference.words) reference = m;
    const variants: QuoteVariant[] = members.map((m) => {
      const variant: QuoteVariant = {
        article: m.article.id,
        start: m.quote.start,
        end: m.quote.end,
        text: m.quote.text,
      };
      const diff = m === reference ? selfDiff(m.quote.text) : wordDiff(reference.quote.text, m.quote.text);
      if (diff) variant.diff = diff;
      return variant;
    });
    groups.push({ id, speaker: majorityActor(members), variants });

    if (articleCount(members) < 2) return;
    const found = wordingDifferences(
      members.map((m) => ({
        article: m.article.id,
        text: m.quote.text,
        start: m.quote.start,
        end: m.quote.end,
        speaker: m.actor ?? sentenceSpeaker(m, members),
      })),
      label,
    );
    if (!found) return;
    const who = speakerName(members);
    discrepancies.push({
      kind: 'wording',
      subject: id,
      values: found.values.map((v) => ({ value: v.text, articles: v.articles })),
      note: `Outlets quote ${who ?? 'this speaker'} differently: ${found.snippets.join('; ')}.`,
      evidence: found.values.flatMap((v) => v.evidence),
    });
  });
  return { groups, discrepancies };
}
