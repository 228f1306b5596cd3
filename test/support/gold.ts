// Scores annotated articles against a hand-made gold file (test/fixtures/gold/*.json). The gold names
// mentions, quotes and dates by their text, in document order, so it does not depend on our offsets:
//  - person mentions: multiset of surface strings of person mentions per article (precision, recall);
//  - quotes: each gold quote is matched to the first unused predicted quote containing its opening words;
//    its speaker is right when the predicted speaker entity has a mention the gold lists for that person
//    (or both are null). Unfound quotes count as wrong;
//  - dates: each gold date is matched in order to an unused predicted date overlapping its text; right
//    when the values are equal. Unfound dates count as wrong.
import { readFileSync } from 'node:fs';
import type { AnnotatedArticle } from '../../src/model/article.js';

export interface GoldArticle {
  published: string | null;
  persons: { name: string; mentions: string[] }[];
  quotes: { begins: string; speaker: string | null }[];
  dates: { text: string; value: string | null }[];
}

export interface GoldFile {
  articles: Record<string, GoldArticle>;
}

export interface Score {
  mentions: { tp: number; predicted: number; gold: number; precision: number; recall: number };
  quotes: { correct: number; total: number; accuracy: number };
  dates: { correct: number; total: number; accuracy: number };
  errors: string[];
}

export function loadGold(path: string): GoldFile {
  return JSON.parse(readFileSync(path, 'utf8')) as GoldFile;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').replace(/[’']/g, "'").trim();

export function scoreArticles(gold: GoldFile, articles: Map<string, AnnotatedArticle>): Score {
  let tp = 0;
  let predictedCount = 0;
  let goldCount = 0;
  let quotesRight = 0;
  let quotesTotal = 0;
  let datesRight = 0;
  let datesTotal = 0;
  const errors: string[] = [];
  for (const [file, g] of Object.entries(gold.articles)) {
    const a = articles.get(file);
    if (!a) {
      errors.push(`${file}: not annotated`);
      continue;
    }
    // Person mentions.
    const predicted = a.entities
      .filter((e) => e.kind === 'person')
      .flatMap((e) => e.mentions.map((m) => norm(m.text)));
    const wanted = g.persons.flatMap((p) => p.mentions.map(norm));
    const remaining = new Map<string, number>();
    for (const w of wanted) remaining.set(w, (remaining.get(w) ?? 0) + 1);
    for (const p of predicted) {
      const left = remaining.get(p) ?? 0;
      if (left > 0) {
        tp++;
        remaining.set(p, left - 1);
      } else errors.push(`${file}: extra person mention "${p}"`);
    }
    for (const [w, left] of remaining)
      if (left > 0) errors.push(`${file}: missed person mention "${w}" ×${left}`);
    predictedCount += predicted.length;
    goldCount += wanted.length;

    // Quotes and speakers.
    const used = new Set<number>();
    for (const q of g.quotes) {
      quotesTotal++;
      const index = a.quotes.findIndex((p, i) => !used.has(i) && norm(p.text).includes(norm(q.begins)));
      if (index < 0) {
        errors.push(`${file}: quote not found "${q.begins}"`);
        continue;
      }
      used.add(index);
      const p = a.quotes[index];
      const entity = a.entities.find((e) => e.id === p?.speaker);
      const goldMentions = new Set(g.persons.find((x) => x.name === q.speaker)?.mentions.map(norm) ?? []);
      const right =
        q.speaker === null ? !entity : entity?.mentions.some((m) => goldMentions.has(norm(m.text)));
      if (right) quotesRight++;
      else
        errors.push(
          `${file}: quote "${q.begins}" speaker ${entity?.name ?? 'null'} (${p?.speakerText}), gold ${q.speaker}`,
        );
    }

    // Dates.
    const usedDates = new Set<number>();
    for (const d of g.dates) {
      datesTotal++;
      const want = norm(d.text).toLowerCase();
      const index = a.dates.findIndex((p, i) => {
        const got = norm(p.text).toLowerCase();
        return !usedDates.has(i) && (got.includes(want) || want.includes(got));
      });
      if (index < 0) {
        errors.push(`${file}: date not found "${d.text}"`);
        continue;
      }
      usedDates.add(index);
      const value = a.dates[index]?.value ?? null;
      if (value === d.value) datesRight++;
      else errors.push(`${file}: date "${d.text}" = ${value}, gold ${d.value}`);
    }
  }
  return {
    mentions: {
      tp,
      predicted: predictedCount,
      gold: goldCount,
      precision: predictedCount ? tp / predictedCount : 0,
      recall: goldCount ? tp / goldCount : 0,
    },
    quotes: {
      correct: quotesRight,
      total: quotesTotal,
      accuracy: quotesTotal ? quotesRight / quotesTotal : 0,
    },
    dates: { correct: datesRight, total: datesTotal, accuracy: datesTotal ? datesRight / datesTotal : 0 },
    errors,
  };
}
