// The judged stories of the issue-14 blind check carried over to another library built from the same
// articles (by later clustering code): where do the judged articles of each story land now?
//
//   node dist/eval/blind-stories-carry.js --library FILE.db [--judged eval/blind/stories/judged.json]
//
// For each judged story it takes the library story that now holds most of the articles judged on the
// story's event (same or direct follow-up) and counts, among the judged articles, those on the event it
// kept, and the off-event and unsure ones it still holds. This is a proxy, not a new blind check: articles
// the new story gained that were never judged are not counted, and a story split in two keeps only its
// larger part as "kept". A story passes when at least 90 % of the judged articles it holds are on the event.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import type { JudgedStoriesFile } from './blind-stories-score.js';

export interface CarriedFigures {
  stories: number;
  passing: number;
  onEvent: number;
  onKept: number;
  offEvent: number;
  offKept: number;
  unsure: number;
  unsureKept: number;
}

/** The figures of judged stories against a map from allsides id to the story holding it now. */
export function carryJudgements(
  judged: JudgedStoriesFile,
  storyOf: ReadonlyMap<string, number>,
): CarriedFigures {
  const f: CarriedFigures = {
    stories: judged.stories.length,
    passing: 0,
    onEvent: 0,
    onKept: 0,
    offEvent: 0,
    offKept: 0,
    unsure: 0,
    unsureKept: 0,
  };
  for (const story of judged.stories) {
    const on = story.articles.filter((a) => a.verdict === 'same' || a.verdict === 'follow-up');
    const counts = new Map<number, number>();
    for (const a of on) {
      const s = storyOf.get(a.id);
      if (s !== undefined) counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    // The story holding most on-event articles; ties to the lower id, so the figure is reproducible.
    const best = [...counts].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0]?.[0];
    const held = story.articles.filter((a) => best !== undefined && storyOf.get(a.id) === best);
    const onKept = held.filter((a) => a.verdict === 'same' || a.verdict === 'follow-up').length;
    const offKept = held.filter((a) => a.verdict === 'other').length;
    const unsureKept = held.filter((a) => a.verdict === 'unsure').length;
    f.onEvent += on.length;
    f.onKept += onKept;
    f.offEvent += story.articles.filter((a) => a.verdict === 'other').length;
    f.offKept += offKept;
    f.unsure += story.articles.filter((a) => a.verdict === 'unsure').length;
    f.unsureKept += unsureKept;
    if (held.length > 0 && onKept / held.length >= 0.9) f.passing++;
  }
  return f;
}

/** allsides id → story id, read from a library file (read-only). */
export function storiesOfInputs(path: string): Map<string, number> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        `SELECT a.input_id AS input, sa.story_id AS story
           FROM articles a JOIN story_articles sa ON sa.article_seq = a.seq
          WHERE a.input_id IS NOT NULL`,
      )
      .all() as { input: string; story: number }[];
    return new Map(rows.map((r) => [r.input, r.story]));
  } finally {
    db.close();
  }
}

function main(): void {
  const { values } = parseArgs({
    options: {
      library: { type: 'string' },
      judged: {
        type: 'string',
        default: resolve(import.meta.dirname, '../../eval/blind/stories/judged.json'),
      },
    },
  });
  if (!values.library) throw new Error('usage: blind-stories-carry --library FILE.db [--judged judged.json]');
  const judged = JSON.parse(readFileSync(values.judged as string, 'utf8')) as JudgedStoriesFile;
  const f = carryJudgements(judged, storiesOfInputs(values.library));
  const pct = (x: number, y: number) => `${x} of ${y} = ${((100 * x) / Math.max(1, y)).toFixed(1)} %`;
  console.log(
    `stories passing (≥ 90 % of the judged articles they hold on the event): ${f.passing} of ${f.stories}`,
  );
  console.log(`on-event articles kept together: ${pct(f.onKept, f.onEvent)}`);
  console.log(`off-event articles still in the story: ${pct(f.offKept, f.offEvent)}`);
  console.log(`unsure articles still in the story: ${pct(f.unsureKept, f.unsure)}`);
  const held = f.onKept + f.offKept + f.unsureKept;
  console.log(`judged articles held that are on the event: ${pct(f.onKept, held)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
