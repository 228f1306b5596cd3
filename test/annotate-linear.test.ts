// Work that grows with its input, not faster (issue 11): each fix for a super-linear step is checked
// structurally — masks keep offsets, fast lookups answer as the slow scans did, caps cut work with a
// message — never by a wall-clock deadline. bench/adversarial.ts measures the speed itself.
import { describe, expect, it } from 'vitest';
import { emailSpans, maskNonDates } from '../src/annotate/dates/mask.js';
import { MAX_DATE_CHUNK, sentenceChunks } from '../src/annotate/dates/parser.js';
import { overlapTest } from '../src/annotate/dates/years.js';
import { MAX_COMPROMISE_NAMES } from '../src/annotate/entities/index.js';
import {
  annotateArticle,
  annotationEnd,
  LONG_SENTENCES_CODE,
  TRUNCATED_CODE,
  UNTYPED_NAMES_CODE,
} from '../src/annotate/index.js';
import { findQuoteSpans } from '../src/annotate/quotes.js';
import { MAX_SENTENCE_TOKENS, MAX_WINK_RUN, maskLongRuns, tokenize } from '../src/annotate/tokens.js';
import { classifyParagraphs } from '../src/clean/boilerplate.js';
import { cleanArticle } from '../src/clean/index.js';
import { splitParagraphs } from '../src/clean/paragraphs.js';
import type { Article } from '../src/model/article.js';

function article(body: string): Article {
  return cleanArticle(
    {
      source: 't.txt',
      format: 'text',
      body,
      bodyIsHtml: false,
      meta: { published: '2025-03-05' },
      messages: [],
    },
    't',
  );
}

/** A small deterministic generator, so property checks are reproducible. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

describe('long runs reach wink as filler, offsets kept', () => {
  const run = 'http://a'.repeat(40);
  const text = `Officials wrote ${run} on Monday. Anna Lind said so.`;

  it('masks only runs longer than the limit, with the same length', () => {
    const { masked, runs } = maskLongRuns(text);
    expect(masked).toHaveLength(text.length);
    expect(runs).toEqual([[16, 16 + run.length]]);
    expect(masked.slice(0, 16)).toBe(text.slice(0, 16));
    expect(masked.slice(16 + run.length)).toBe(text.slice(16 + run.length));
    expect(masked.slice(16, 16 + run.length)).toMatch(/^[x ]+$/);
  });

  it('leaves ordinary text untouched, links up to the limit included', () => {
    const link = `https://example.com/${'a'.repeat(MAX_WINK_RUN - 20)}`;
    const plain = `See ${link} and “well-known” e-mail jane.doe+news@example.org today.`;
    expect(maskLongRuns(plain)).toEqual({ masked: plain, runs: [] });
  });

  it('makes a long run one token sliced from the real text, every token at its offset', () => {
    const layer = tokenize(article(text));
    const runToken = layer.tokens.find((t) => t.text === run);
    expect(runToken).toMatchObject({ start: 16, end: 16 + run.length, pos: 'SYM' });
    for (const t of layer.tokens) expect(layer.text.slice(t.start, t.end)).toBe(t.text);
    expect(annotateArticle(article(text)).entities.map((e) => e.name)).toContain('Anna Lind');
  });

  it('handles a run of 256 KB as one token', () => {
    const huge = `The list read ${'a.'.repeat(128 * 1024)} in full.`;
    const layer = tokenize(article(huge));
    expect(layer.tokens.map((t) => t.text)).toEqual([
      'The',
      'list',
      'read',
      'a.'.repeat(128 * 1024),
      'in',
      'full',
      '.',
    ]);
  });
});

describe('the e-mail mask in the dates stage', () => {
  /** The regular expression it replaces: quadratic on long runs without "@", the reference for results. */
  const reference = (text: string) =>
    [...text.matchAll(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g)].map((m) => [
      m.index ?? 0,
      (m.index ?? 0) + m[0].length,
    ]);

  it('finds what the regular expression found', () => {
    for (const text of [
      'Write to jane.doe+news@example.org or press@ukraine2022.org.',
      'a@b c@d.e f@@g.h x.y@z.w.v',
      'a@bc@d.org and @x.org and me@host',
      '__@x.y.z',
    ])
      expect(emailSpans(text)).toEqual(reference(text));
    const next = random(7);
    const alphabet = 'ab1.-+@_ ';
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: 40 }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      expect(emailSpans(text)).toEqual(reference(text));
    }
  });

  it('keeps the length and masks addresses', () => {
    const text = `Mail ${'ab.cd-ef+'.repeat(2000)}x@example.org on May 5, 2024.`;
    const masked = maskNonDates(text);
    expect(masked).toHaveLength(text.length);
    expect(masked).toMatch(/^Mail _+ on May 5, 2024\.$/);
  });
});

describe('span overlap by binary search', () => {
  it('answers as a scan of every span would', () => {
    const next = random(11);
    for (let round = 0; round < 50; round++) {
      const spans = Array.from({ length: 20 }, () => {
        const start = Math.floor(next() * 200);
        return { start, end: start + 1 + Math.floor(next() * 15) };
      });
      const overlaps = overlapTest(spans);
      for (let at = 0; at < 220; at += 3) {
        const end = at + 1 + (at % 5);
        expect(overlaps(at, end)).toBe(spans.some((s) => at < s.end && end > s.start));
      }
    }
  });
});

describe('bounded chunks for chrono', () => {
  it('cuts a text without full stops into chunks that tile it', () => {
    const text = 'talks went on and on '.repeat(2000);
    const chunks = sentenceChunks(text);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks[0]?.[0]).toBe(0);
    expect(chunks[chunks.length - 1]?.[1]).toBe(text.length);
    for (const [i, [from, to]] of chunks.entries()) {
      expect(to - from).toBeLessThanOrEqual(MAX_DATE_CHUNK);
      if (i > 0) expect(from).toBe(chunks[i - 1]?.[1]);
    }
  });

  it('cuts a run without spaces at the limit', () => {
    const text = `Talks ${'_'.repeat(3 * MAX_DATE_CHUNK)} ended.`;
    const chunks = sentenceChunks(text);
    expect(chunks.map(([from, to]) => to - from).every((n) => n <= MAX_DATE_CHUNK)).toBe(true);
    expect(chunks.map(([from, to]) => text.slice(from, to)).join('')).toBe(text);
  });

  it('leaves ordinary sentences whole', () => {
    const text = 'Talks began on May 5, 2024. They ended on Friday.';
    expect(sentenceChunks(text)).toEqual([
      [0, 27],
      [28, text.length],
    ]);
  });
});

describe('quote spans, found in one pass over the marks', () => {
  it('finds in many paragraphs what it finds in each paragraph alone', () => {
    const pieces = ['No quotes here at all.', '“We will see,” she said.', 'He said "maybe" twice.', 'Plain.'];
    const paragraphTexts = Array.from({ length: 400 }, (_, i) => pieces[i % pieces.length] as string);
    const text = paragraphTexts.join('\n\n');
    const paragraphs: { start: number; end: number }[] = [];
    let at = 0;
    for (const p of paragraphTexts) {
      paragraphs.push({ start: at, end: at + p.length });
      at += p.length + 2;
    }
    const expected = paragraphTexts.flatMap((p, i) =>
      findQuoteSpans(p, [{ start: 0, end: p.length }]).map((s) => ({
        start: s.start + (paragraphs[i]?.start ?? 0),
        end: s.end + (paragraphs[i]?.start ?? 0),
      })),
    );
    expect(expected).toHaveLength(200);
    expect(findQuoteSpans(text, paragraphs)).toEqual(expected);
  });
});

describe('sentence cap', () => {
  it('cuts a sentence without full stops into pieces, after a comma where it can, with a message', () => {
    const words = Array.from({ length: 2400 }, (_, i) => (i % 40 === 39 ? 'talks,' : 'talks')).join(' ');
    const a = article(`Anna Lind said ${words} ended.`);
    const layer = tokenize(a);
    expect(layer.cutSentences).toBe(1);
    for (const s of layer.sentences)
      expect(s.endToken - s.firstToken).toBeLessThanOrEqual(MAX_SENTENCE_TOKENS);
    // Every piece but the last ends with its comma.
    for (const s of layer.sentences.slice(0, -1)) expect(layer.tokens[s.endToken - 1]?.text).toBe(',');
    expect(annotateArticle(a).messages.map((m) => m.code)).toContain(LONG_SENTENCES_CODE);
  });

  it('leaves news sentences alone', () => {
    const a = article('Anna Lind, the mayor, said on Monday that the bridge would reopen. “Soon,” she said.');
    expect(tokenize(a).cutSentences).toBe(0);
    expect(annotateArticle(a).messages.map((m) => m.code)).not.toContain(LONG_SENTENCES_CODE);
  });
});

describe('article cap', () => {
  const body = Array.from(
    { length: 40 },
    (_, i) => `Anna Lind said on May ${(i % 28) + 1}, 2024 that talk ${i} ended.`,
  ).join('\n\n');

  it('ends at the last paragraph that fits, or at a space inside a single long paragraph', () => {
    const a = article(body);
    const end = annotationEnd(a, 500);
    expect(a.paragraphs.some((p) => p.end === end)).toBe(true);
    expect(end).toBeLessThanOrEqual(500);
    const one = article('word '.repeat(400));
    const cut = annotationEnd(one, 501);
    expect(cut).toBeLessThanOrEqual(501);
    expect(one.text[cut]).toBe(' ');
    expect(annotationEnd(a, a.text.length)).toBe(a.text.length);
  });

  it('annotates only the first part, keeps the whole text, and says so', () => {
    const a = article(body);
    const annotated = annotateArticle(a, { maxChars: 500 });
    const end = annotationEnd(a, 500);
    expect(annotated.text).toBe(a.text);
    expect(annotated.messages.map((m) => m.code)).toContain(TRUNCATED_CODE);
    expect(annotated.sentences.length).toBeGreaterThan(0);
    for (const s of annotated.sentences) expect(s.end).toBeLessThanOrEqual(end);
    for (const d of annotated.dates) expect(d.end).toBeLessThanOrEqual(end);
    for (const e of annotated.entities) for (const m of e.mentions) expect(m.end).toBeLessThanOrEqual(end);
    const whole = annotateArticle(a);
    expect(whole.messages.map((m) => m.code)).not.toContain(TRUNCATED_CODE);
    expect(whole.sentences.length).toBeGreaterThan(annotated.sentences.length);
  });
});

describe('person grouping by index', () => {
  it('still joins a surname and a spelling variant after hundreds of other people', () => {
    const others = Array.from({ length: 200 }, (_, i) => {
      const given = ['Anna', 'Boris', 'Carla', 'Dmitri', 'Elena'][i % 5] as string;
      return `${given} Smith${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}ova spoke.`;
    });
    const body = [
      'President Volodymyr Zelenskyy spoke on Monday.',
      ...others,
      'Zelensky said the talks would go on. Zelenskyy added more.',
    ].join(' ');
    const annotated = annotateArticle(article(body));
    const zelensky = annotated.entities.filter((e) => e.name.startsWith('Volodymyr'));
    expect(zelensky).toHaveLength(1);
    expect(zelensky[0]?.mentions.map((m) => m.text)).toEqual([
      'Volodymyr Zelenskyy',
      'Zelensky',
      'Zelenskyy',
    ]);
  });
});

describe('names typed by compromise are capped', () => {
  it('types the first names with compromise and says how many were left to other evidence', () => {
    const syllables = ['ka', 'lo', 'mir', 'an', 'to', 'vel', 'ri', 'son', 'da', 'ne'];
    const name = (i: number) =>
      syllables[i % 10] +
      (syllables[Math.floor(i / 10) % 10] as string) +
      (syllables[Math.floor(i / 100) % 10] as string);
    const names = Array.from({ length: MAX_COMPROMISE_NAMES + 40 }, (_, i) => {
      const given = name(i);
      const family = name(i + 500);
      return `${given.charAt(0).toUpperCase()}${given.slice(1)} ${family.charAt(0).toUpperCase()}${family.slice(1)}`;
    });
    const annotated = annotateArticle(article(`The list read ${names.join(', ')} in full.`));
    const message = annotated.messages.find((m) => m.code === UNTYPED_NAMES_CODE);
    expect(message?.message).toMatch(/^\d+ names past the first 300/);
  });
});

describe('clean stays linear on many short lines', () => {
  it('classifies a long run of headline-shaped lines as it classifies a short one', () => {
    const kinds = (n: number) => {
      const lines = Array.from({ length: n }, (_, i) => `Photo: Anna Lind${i}/Reuters`);
      return classifyParagraphs([...lines, 'The council met on Monday and voted for the plan.']);
    };
    const short = kinds(3);
    const long = kinds(3000);
    expect(new Set(long.slice(0, -1).map((v) => JSON.stringify(v)))).toEqual(
      new Set(short.slice(0, -1).map((v) => JSON.stringify(v))),
    );
    expect(long[long.length - 1]).toEqual(short[short.length - 1]);
  });

  it('a list lead still takes its items', () => {
    const verdicts = classifyParagraphs([
      'The council met on Monday and voted for the plan after a long night of talks.',
      'Read also:',
      'Budget Passes After Long Night',
      'Mayor Visits Bridge Site',
    ]);
    expect(verdicts.map((v) => (v.keep ? v.kind : v.reason))).toEqual([
      'paragraph',
      'related-article list',
      'related-article list',
      'related-article list',
    ]);
  });

  it('joins a hard-wrapped paragraph of thousands of lines, and a URL cut at the margin', () => {
    const line = 'The council of the city met again on Monday and talked about the bridge and'; // 76 chars
    const wrapped = Array.from({ length: 3000 }, () => line).join('\n');
    expect(splitParagraphs(`${wrapped}\n\nEnd of story.`)).toEqual([
      Array.from({ length: 3000 }, () => line).join(' '),
      'End of story.',
    ]);
    const url = `https://example.com/${'a'.repeat(60)}`;
    const text = [line, line, line, url, 'b'.repeat(20), '', 'Next paragraph here.'].join('\n');
    expect(splitParagraphs(text)).toContain(`${url}${'b'.repeat(20)}`);
  });
});
