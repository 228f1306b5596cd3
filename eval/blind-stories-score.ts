// The judged stories of the issue-14 blind check (eval/blind/stories/RULES.md) and their figures.
//
//   node dist/eval/blind-stories-score.js --verdicts FILE.tsv [--stories eval/blind/stories/stories.json] \
//       --out eval/blind/stories/judged.json [--commit SHA] [--about "…"]
//     makes the judged file from hand verdicts and prints the figures. FILE.tsv, tab-separated, # comments:
//       <story index>  event  <the story's event, in the judge's own words>
//       <story index>  <refs>  <verdict>  <reason, in the judge's own words>
//     refs name articles by their place in the listing: "a3", "a1,a4", "a2-a9" (ranges and lists mix);
//     the verdict is s (same event), f (direct follow-up), o (other) or u (unsure). Every article of every
//     story needs exactly one verdict.
//   node dist/eval/blind-stories-score.js eval/blind/stories/judged.json [--stories …/stories.json]
//     prints the figures of a judged file.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { LibraryFigures, StoriesFile } from './blind-stories.js';

export type StoryVerdict = 'same' | 'follow-up' | 'other' | 'unsure';

const VERDICT: Record<string, StoryVerdict> = { s: 'same', f: 'follow-up', o: 'other', u: 'unsure' };

export interface JudgedArticle {
  /** allsides id */
  id: string;
  verdict: StoryVerdict;
  reason: string;
}

export interface JudgedStory {
  index: number;
  group: 'largest' | 'random';
  libraryStory: number;
  outlets: number;
  /** The story's event, fixed by the rules, in the judge's words. */
  event: string;
  articles: JudgedArticle[];
}

export interface JudgedStoriesFile {
  about: string;
  commit: string;
  date: string;
  stories: JudgedStory[];
}

/** "a2-a4,a7" → [1, 2, 3, 6] (zero-based positions). */
export function parseRefs(refs: string, where: string): number[] {
  const out: number[] = [];
  for (const part of refs.split(',')) {
    const m = /^a(\d+)(?:-a(\d+))?$/.exec(part.trim());
    if (!m) throw new Error(`${where}: "${part}" is not a ref like a3 or a2-a9`);
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1 || to < from) throw new Error(`${where}: "${part}" is not an increasing range from a1`);
    for (let n = from; n <= to; n++) out.push(n - 1);
  }
  return out;
}

/** Joins the hand verdicts to the drawn stories; throws on an article judged twice, unknown or left out. */
export function judgeStories(drawn: StoriesFile, text: string): JudgedStory[] {
  const events = new Map<number, string>();
  const verdicts = new Map<string, { verdict: StoryVerdict; reason: string }>();
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const where = `verdicts line ${i + 1}`;
    const [storyText, refs, code, ...rest] = line.split('\t');
    const index = Number(storyText);
    const story = drawn.stories.find((s) => s.index === index);
    if (!story || !refs || !code) throw new Error(`${where}: needs a drawn story, refs and a verdict`);
    if (refs === 'event') {
      events.set(index, [code, ...rest].join(' ').trim());
      return;
    }
    const verdict = VERDICT[code.trim()];
    if (!verdict) throw new Error(`${where}: verdict "${code}" is not s, f, o or u`);
    for (const position of parseRefs(refs, where)) {
      if (position >= story.articles.length)
        throw new Error(
          `${where}: story ${index} has ${story.articles.length} articles, not a${position + 1}`,
        );
      const key = `${index}|${position}`;
      if (verdicts.has(key)) throw new Error(`${where}: story ${index} a${position + 1} is judged twice`);
      verdicts.set(key, { verdict, reason: rest.join(' ').trim() });
    }
  });
  const missing: string[] = [];
  const judged = drawn.stories.map((s): JudgedStory => {
    if (!events.has(s.index)) missing.push(`story ${s.index} event`);
    return {
      index: s.index,
      group: s.group,
      libraryStory: s.libraryStory,
      outlets: s.outlets,
      event: events.get(s.index) ?? '',
      articles: s.articles.map((a, position) => {
        const v = verdicts.get(`${s.index}|${position}`);
        if (!v) missing.push(`story ${s.index} a${position + 1}`);
        return { id: a.id, verdict: v?.verdict ?? 'unsure', reason: v?.reason ?? '' };
      }),
    };
  });
  if (missing.length > 0) throw new Error(`not judged yet: ${missing.join(', ')}`);
  return judged;
}

export interface StoryScore {
  index: number;
  group: JudgedStory['group'];
  libraryStory: number;
  articles: number;
  outlets: number;
  same: number;
  followUp: number;
  other: number;
  unsure: number;
  /** same + follow-up */
  passing: number;
  /** At least 90 % of its articles pass. */
  passes: boolean;
}

export function scoreStory(s: JudgedStory): StoryScore {
  const count = (v: StoryVerdict) => s.articles.filter((a) => a.verdict === v).length;
  const passing = count('same') + count('follow-up');
  return {
    index: s.index,
    group: s.group,
    libraryStory: s.libraryStory,
    articles: s.articles.length,
    outlets: s.outlets,
    same: count('same'),
    followUp: count('follow-up'),
    other: count('other'),
    unsure: count('unsure'),
    passing,
    // integers, so that 9 of 10 passes and 8 of 9 does not, with no rounding in between
    passes: s.articles.length > 0 && passing * 10 >= s.articles.length * 9,
  };
}

export interface GroupScore {
  stories: number;
  passing: number;
  articles: number;
  articlesPassing: number;
  articlesSame: number;
  unsure: number;
}

export function scoreGroup(scores: readonly StoryScore[]): GroupScore {
  const sum = (pick: (s: StoryScore) => number) => scores.reduce((n, s) => n + pick(s), 0);
  return {
    stories: scores.length,
    passing: scores.filter((s) => s.passes).length,
    articles: sum((s) => s.articles),
    articlesPassing: sum((s) => s.passing),
    articlesSame: sum((s) => s.same),
    unsure: sum((s) => s.unsure),
  };
}

const pct = (n: number, of: number) => (of === 0 ? '—' : `${((100 * n) / of).toFixed(1)} %`);

export function figuresTables(stories: readonly JudgedStory[], library?: StoriesFile): string {
  const scores = stories.map(scoreStory);
  const out = [
    '| story | group | library id | articles | outlets | same | follow-up | other | unsure | passing | ≥ 90 % |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...scores.map(
      (s) =>
        `| ${s.index} | ${s.group} | ${s.libraryStory} | ${s.articles} | ${s.outlets} | ${s.same} | ${s.followUp} | ${s.other} | ${s.unsure} | ${pct(s.passing, s.articles)} | ${s.passes ? 'yes' : '**no**'} |`,
    ),
    '',
    '| stories | passing ≥ 90 % | articles | articles passing | same event alone | unsure |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  const groups: [string, StoryScore[]][] = [
    ['largest', scores.filter((s) => s.group === 'largest')],
    ['random multi-outlet', scores.filter((s) => s.group === 'random')],
    ['all', scores],
  ];
  for (const [name, list] of groups) {
    const g = scoreGroup(list);
    out.push(
      `| ${name} | ${g.passing} of ${g.stories} | ${g.articles} | ${g.articlesPassing} = ${pct(g.articlesPassing, g.articles)} | ${g.articlesSame} = ${pct(g.articlesSame, g.articles)} | ${g.unsure} |`,
    );
  }
  if (library) {
    const row = (name: string, f: LibraryFigures) =>
      `| ${name} | ${f.stories} | ${f.singleOutlet} = ${pct(f.singleOutlet, f.stories)} | ${f.singleArticle} = ${pct(f.singleArticle, f.stories)} | ${f.multiOutlet} (${f.articlesInMultiOutlet} articles) | ${f.largest.slice(0, 5).join(', ')} |`;
    out.push(
      '',
      '| library | stories | one outlet | one article | 2+ outlets | largest |',
      '|---|---:|---:|---:|---:|---|',
      ...(library.before ?? []).map((b) => row(b.label, b)),
      row('this check', library.library),
    );
  }
  return out.join('\n');
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      verdicts: { type: 'string' },
      stories: { type: 'string' },
      out: { type: 'string' },
      commit: { type: 'string', default: '' },
      about: { type: 'string', default: '' },
    },
  });
  const storiesPath =
    values.stories ??
    (positionals[0] ? resolve(dirname(positionals[0]), 'stories.json') : 'eval/blind/stories/stories.json');
  const drawn = JSON.parse(readFileSync(storiesPath, 'utf8')) as StoriesFile;
  let judged: JudgedStory[];
  if (values.verdicts) {
    judged = judgeStories(drawn, readFileSync(values.verdicts, 'utf8'));
    const file: JudgedStoriesFile = {
      about: values.about as string,
      commit: values.commit as string,
      date: new Date().toISOString().slice(0, 10),
      stories: judged,
    };
    if (values.out) writeFileSync(values.out, `${JSON.stringify(file, null, 1)}\n`);
  } else if (positionals[0]) {
    judged = (JSON.parse(readFileSync(positionals[0], 'utf8')) as JudgedStoriesFile).stories;
  } else {
    console.error('blind-stories-score: give a judged file, or --verdicts FILE.tsv');
    process.exit(2);
  }
  console.log(figuresTables(judged, drawn));
}
