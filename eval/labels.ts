// The hand-judged label list (eval/labels-judged.json, drawn by eval/labels-sample.ts): each judged label
// is a span of an allsides article; its article goes through the pipeline again and the labels the system
// now writes there (outside quotes, as a report keeps them) are compared with the judgement.
//  - acceptability: of the output labels at a judged span (same start and end), the share judged
//    acceptable; a judged-unacceptable label still output there "remains";
//  - a label output over part of a judged span but not the same words, or the same words given to another
//    actor than when judged, is "changed" (counted, not scored);
//  - tone: of the judged-acceptable labels still output, the share whose tone is the judged one.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Descriptor } from '../src/model/article.js';
import type { Tone } from '../src/model/report.js';
import { toneOf } from '../src/text/tone.js';
import { annotateRecords } from './annotate.js';
import { CORPUS, ROOT, readAllsides } from './labels-corpus.js';
import { offsetMap } from './offset-map.js';

export interface JudgedLabel {
  article: string;
  start: number;
  end: number;
  split: 'train' | 'dev';
  acceptable: boolean;
  reason: string;
  tone: Tone;
  /** A mention of the actor the label was given to when judged. */
  actor: { start: number; end: number };
}

export function readJudged(file = resolve(ROOT, 'eval/labels-judged.json')): JudgedLabel[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { labels: JudgedLabel[] }).labels;
}

export interface LabelScores {
  judged: number;
  /** Output labels at judged spans, and how many of those are judged acceptable. */
  output: number;
  acceptable: number;
  acceptability: number;
  /** Judged-unacceptable labels, and how many are still output at their span. */
  unacceptable: number;
  remaining: number;
  /** Judged-acceptable labels no longer output anywhere over their span. */
  lost: number;
  changed: number;
  tone: {
    total: number;
    right: number;
    accuracy: number;
    byJudged: Record<Tone, { total: number; right: number }>;
  };
  misses: string[];
  /** Output labels at judged spans and how many are acceptable, by how they attach to the name: the figures
   * the report's label confidence is set from (src/compare/confidence/actors.ts). */
  byVia: Partial<Record<Descriptor['via'], { output: number; acceptable: number }>>;
}

interface OutputLabel {
  start: number;
  end: number;
  text: string;
  /** How the descriptor attaches to the name (the closest, when one span attaches two ways). */
  via: Descriptor['via'];
  /** The mentions of the actor it is given to. */
  mentions: { start: number; end: number }[];
}

/** Closest attachment first (src/compare/confidence/actors.ts scores labels in this order). */
const VIA_ORDER: readonly Descriptor['via'][] = ['title', 'appositive', 'predicate', 'reference'];

export async function scoreLabels(judged: readonly JudgedLabel[]): Promise<LabelScores> {
  const ids = new Set(judged.map((j) => j.article));
  const articles = readAllsides(resolve(CORPUS, 'allsides/articles.jsonl.gz')).filter((a) => ids.has(a.id));
  const annotated = await annotateRecords(
    articles.map((a) => ({ id: a.id, text: a.text, outlet: a.outlet })),
  );
  const outputs = new Map<string, OutputLabel[]>();
  for (const a of articles) {
    const art = annotated.get(a.id);
    const list: OutputLabel[] = [];
    if (art) {
      const map = offsetMap(art.text, a.text);
      for (const e of art.entities) {
        const mentions = e.mentions
          .map((m) => map.span(m.start, m.end))
          .filter((m): m is { start: number; end: number } => m !== null);
        for (const d of e.descriptors) {
          if (art.quotes.some((q) => d.start >= q.start && d.end <= q.end)) continue;
          const at = map.span(d.start, d.end);
          if (!at) continue;
          const same = list.find((o) => o.start === at.start && o.end === at.end && o.mentions === mentions);
          if (same) {
            if (VIA_ORDER.indexOf(d.via) < VIA_ORDER.indexOf(same.via)) same.via = d.via;
          } else list.push({ ...at, text: d.text, via: d.via, mentions });
        }
      }
    }
    outputs.set(a.id, list);
  }
  const text = new Map(articles.map((a) => [a.id, a.text]));
  const s: LabelScores = {
    judged: judged.length,
    output: 0,
    acceptable: 0,
    acceptability: 0,
    unacceptable: 0,
    remaining: 0,
    lost: 0,
    changed: 0,
    tone: {
      total: 0,
      right: 0,
      accuracy: 0,
      byJudged: {
        negative: { total: 0, right: 0 },
        neutral: { total: 0, right: 0 },
        positive: { total: 0, right: 0 },
      },
    },
    misses: [],
    byVia: {},
  };
  for (const j of judged) {
    const list = outputs.get(j.article) ?? [];
    const words = (text.get(j.article) ?? '').slice(j.start, j.end);
    // The same words given to the same actor; given to another actor, a label is a different finding.
    const exact = list.find(
      (o) =>
        o.start === j.start &&
        o.end === j.end &&
        o.mentions.some((m) => m.start < j.actor.end && m.end > j.actor.start),
    );
    const overlapping = list.filter((o) => o.start < j.end && o.end > j.start);
    if (!j.acceptable) s.unacceptable++;
    if (exact) {
      s.output++;
      const via = s.byVia[exact.via] ?? { output: 0, acceptable: 0 };
      s.byVia[exact.via] = via;
      via.output++;
      if (j.acceptable) via.acceptable++;
      if (j.acceptable) s.acceptable++;
      else {
        s.remaining++;
        s.misses.push(`remains\t${j.reason}\t${j.article}:${j.start}\t${words}`);
      }
      if (j.acceptable) {
        const { tone, words: toneWords } = toneOf(exact.text);
        const by = s.tone.byJudged[j.tone];
        s.tone.total++;
        by.total++;
        if (tone === j.tone) {
          s.tone.right++;
          by.right++;
        } else
          s.misses.push(
            `tone ${tone} (${toneWords.join(', ')}) judged ${j.tone}\t${j.article}:${j.start}\t${words}`,
          );
      }
    } else if (overlapping.length > 0) {
      s.changed++;
      s.misses.push(
        `changed\t${j.acceptable ? 'was acceptable' : j.reason}\t${j.article}:${j.start}\t${words}\t→ ${overlapping.map((o) => o.text).join(' | ')}`,
      );
    } else if (j.acceptable) {
      s.lost++;
      s.misses.push(`lost\t${j.article}:${j.start}\t${words}`);
    }
  }
  s.acceptability = s.output > 0 ? s.acceptable / s.output : 0;
  s.tone.accuracy = s.tone.total > 0 ? s.tone.right / s.tone.total : 0;
  return s;
}
