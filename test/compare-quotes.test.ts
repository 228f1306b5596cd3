import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoryContext } from '../src/compare/context.js';
import { groupQuotes, wordDiff } from '../src/compare/quotes/index.js';
import { DEFAULT_CONFIG } from '../src/config.js';
import type { AnnotatedArticle, Entity, Span } from '../src/model/article.js';
import type { QuoteGroup } from '../src/model/report.js';
import { runPipeline } from '../src/pipeline/index.js';
import { stem, synonymKey } from '../src/text/words.js';
import { makeArticle } from './support/articles.js';
import { hasCorpus, MINSK } from './support/corpus.js';

interface QuoteSpec {
  text: string;
  /** Speaker name; becomes an entity of the article, its actor is the lower-cased last word. */
  by: string | null;
}

/** An article from text whose sentences end at ". " and whose quotes are found with indexOf. */
function article(
  id: string,
  text: string,
  quotes: QuoteSpec[],
  outlet: string | null = null,
): AnnotatedArticle {
  const sentences: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?]["”’]?(\s+|$)/g)) {
    const end = (m.index ?? 0) + m[0].length;
    sentences.push({ start, end });
    start = end;
  }
  if (start < text.length) sentences.push({ start, end: text.length });
  const entities: Entity[] = [];
  const entityFor = (name: string) => {
    let e = entities.find((x) => x.name === name);
    if (!e) {
      e = { id: `e${entities.length + 1}`, name, kind: 'person', mentions: [], descriptors: [] };
      entities.push(e);
    }
    return e.id;
  };
  let from = 0;
  return makeArticle({
    id,
    source: `${id}.txt`,
    outlet,
    text,
    paragraphs: [],
    sentences,
    entities,
    quotes: quotes.map((q) => {
      const at = text.indexOf(q.text, from);
      if (at < 0) throw new Error(`quote not in text: ${q.text}`);
      from = at + q.text.length;
      return {
        start: at,
        end: at + q.text.length,
        text: q.text,
        speaker: q.by ? entityFor(q.by) : null,
        speakerText: q.by,
      };
    }),
  });
}

const surname = (name: string) => name.trim().split(/\s+/).pop()?.toLowerCase() ?? name;

/** A context whose actors are entity surnames: "Dmitry Peskov" and "Peskov" are one actor. */
function context(articles: AnnotatedArticle[]): StoryContext {
  const byId = new Map(articles.map((a) => [a.id, a]));
  return {
    articles,
    byId,
    actorOf: (articleId, entityId) => {
      const name = byId.get(articleId)?.entities.find((e) => e.id === entityId)?.name;
      return name ? `a:${surname(name)}` : null;
    },
    negativeSpans: () => [],
    toneOf: () => ({ tone: 'neutral', words: [] }),
  };
}

const groupWith = (groups: QuoteGroup[], fragment: string) =>
  groups.find((g) => g.variants.some((v) => v.text.includes(fragment)));
const articlesOf = (g: QuoteGroup | undefined) => new Set(g?.variants.map((v) => v.article));

/** The variant's words as the diff gives them back: its 'same' and 'added' parts in order. */
const rebuilt = (parts: { op: string; text: string }[]) =>
  parts
    .filter((p) => p.op !== 'removed')
    .map((p) => p.text)
    .join(' ');
const words = (text: string) => text.split(/\s+/).filter(Boolean).join(' ');
const letters = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z ]+/g, '')
    .replace(/\s+/g, ' ');

describe('words', () => {
  it('stems inflections and maps near-synonyms to one key', () => {
    expect(stem('negotiations')).toBe(stem('negotiate'));
    expect(stem('calmly')).toBe('calm');
    expect(stem('shouting')).toBe('shout');
    expect(stem('sitting')).toBe('sit');
    expect(synonymKey(stem('accord'))).toBe(synonymKey(stem('agreement')));
    expect(synonymKey(stem('quietly'))).toBe(synonymKey(stem('calmly')));
    expect(synonymKey(stem('venue'))).toBe(synonymKey(stem('place')));
    expect(synonymKey(stem('talks'))).toBe(synonymKey(stem('negotiations')));
  });
});

describe('groupQuotes', () => {
  it('groups verbatim copies in three articles into one group with all-same diffs', () => {
    const q = 'Tell Trump that I expect him here with Putin and Zelensky,';
    const arts = ['a', 'b', 'c'].map((id) =>
      article(id, `“${q}” Lukashenko said. He spoke on Tuesday.`, [{ text: q, by: 'Alexander Lukashenko' }]),
    );
    const { groups, discrepancies } = groupQuotes(context(arts));
    expect(groups).toHaveLength(1);
    expect(groups[0]?.id).toBe('q1');
    expect(groups[0]?.speaker).toBe('a:lukashenko');
    expect(groups[0]?.variants.map((v) => v.article)).toEqual(['a', 'b', 'c']);
    for (const v of groups[0]?.variants ?? []) expect(v.diff).toEqual([{ op: 'same', text: words(q) }]);
    expect(discrepancies).toEqual([]);
  });

  it('two shared words do not make one utterance of a longer quote', () => {
    const a = 'his repeated breaches of international treaties and house rules,';
    const b = 'breach international asylum law';
    const arts = [
      article('a', `The mayor cited “${a}” on Monday.`, [{ text: a, by: 'Tom Ruiz' }]),
      article('b', `His lawyers said the move would “${b}” in their view.`, [{ text: b, by: null }]),
    ];
    const { groups } = groupQuotes(context(arts));
    expect(articlesOf(groupWith(groups, 'asylum'))).toEqual(new Set(['b']));
  });

  it('names alone do not make one utterance', () => {
    const a = 'that Ana Varga will be expelled from the Palace';
    const b = 'It is Ana Varga holding the Palace hostage, not the other way round,';
    const arts = [
      article('a', `The group posted: “${a}” on Friday.`, [{ text: a, by: null }]),
      article('b', `“${b}” Hale said.`, [{ text: b, by: 'Bo Hale' }]),
    ];
    const { groups } = groupQuotes(context(arts));
    expect(articlesOf(groupWith(groups, 'hostage'))).toEqual(new Set(['b']));
  });

  it('puts a partial quote with the full one; its diff shows the removed words and no discrepancy', () => {
    const full = 'Since a large part of Ukrainian society is with him, nobody can ignore Zelensky.';
    const part = 'a large part of Ukrainian society';
    const arts = [
      article('a', `He said “${full}” on Monday.`, [{ text: full, by: 'Alexander Lukashenko' }]),
      article('b', `Lukashenko noted that “${part}” backs him.`, [{ text: part, by: 'Lukashenko' }]),
    ];
    const { groups, discrepancies } = groupQuotes(context(arts));
    expect(groups).toHaveLength(1);
    const v = groups[0]?.variants.find((x) => x.article === 'b');
    expect(v?.diff?.filter((p) => p.op === 'removed').map((p) => p.text)).toEqual([
      'Since',
      'is with him, nobody can ignore Zelensky.',
    ]);
    expect(rebuilt(v?.diff ?? [])).toBe(part);
    expect(discrepancies).toEqual([]);
  });

  it('groups two translations that swap near-synonyms, and flags their wording', () => {
    const one = 'We will sit down here and come to an agreement quietly, without noise, without shouting.';
    const two = 'We can sit down here, calmly, without noise, without shouting, and reach an accord.';
    const arts = [
      article('a', `“${one}” Lukashenko said.`, [{ text: one, by: 'Lukashenko' }]),
      article('b', `“${two}” the Belarusian leader said.`, [{ text: two, by: 'Alexander Lukashenko' }]),
    ];
    const { groups, discrepancies } = groupQuotes(context(arts));
    expect(groups).toHaveLength(1);
    expect(articlesOf(groups[0]).size).toBe(2);
    expect(discrepancies).toHaveLength(1);
    expect(discrepancies[0]?.kind).toBe('wording');
    expect(discrepancies[0]?.subject).toBe('q1');
    expect(discrepancies[0]?.values.map((x) => x.value).sort()).toEqual([one, two].sort());
  });

  it('keeps unrelated quotes of one speaker apart, without chaining through a shared word', () => {
    // b's quote shares words with both a's quotes, but a's two quotes have nothing in common.
    const q1 = 'Sanctions against Belarusian potash exports hurt farmers everywhere.';
    const q2 = 'Farmers, potash exports, the railway port: all must reopen.';
    const q3 = 'The railway to the port must reopen before the harvest season ends in autumn.';
    const arts = [
      article('a', `“${q1}” Lukashenko said.`, [{ text: q1, by: 'Lukashenko' }]),
      article('b', `“${q2}” Lukashenko said.`, [{ text: q2, by: 'Lukashenko' }]),
      article('c', `“${q3}” Lukashenko said.`, [{ text: q3, by: 'Lukashenko' }]),
    ];
    const { groups } = groupQuotes(context(arts));
    const g1 = groupWith(groups, 'Sanctions against');
    const g3 = groupWith(groups, 'harvest season');
    const g2 = groupWith(groups, 'Farmers, potash');
    expect(g1).toBeDefined();
    expect(g1).not.toBe(g3);
    // The bridging quote matches both and joins one of them.
    expect(g2 === g1 || g2 === g3).toBe(true);
    expect(g2?.variants).toHaveLength(2);
  });

  it('keeps separate the same words said by different speakers', () => {
    const q = 'Minsk is the best place for negotiations.';
    const arts = [
      article('a', `“${q}” Peskov said.`, [{ text: q, by: 'Dmitry Peskov' }]),
      article('b', `“${q}” Zelensky said.`, [{ text: q, by: 'Volodymyr Zelensky' }]),
    ];
    const { groups } = groupQuotes(context(arts));
    expect(groups).toHaveLength(2);
    expect(groups.map((g) => g.speaker).sort()).toEqual(['a:peskov', 'a:zelensky']);
  });

  it('joins a two-word fragment that shares one word when its sentence-mate joined the group', () => {
    const full = 'But for us, Minsk is the best place for negotiations. Minsk is our ally,';
    const a = article(
      'a',
      `“${full}” Peskov told reporters.`,
      [{ text: full, by: 'Dmitry Peskov' }],
      'Outlet A',
    );
    const b = article(
      'b',
      'Peskov agreed that Minsk would be “the best place for negotiations” as Belarus was Russia’s “main ally”, Interfax reported.',
      [
        { text: 'the best place for negotiations', by: 'Dmitry Peskov' },
        { text: 'main ally', by: 'Dmitry Peskov' },
      ],
      'Outlet B',
    );
    const { groups, discrepancies } = groupQuotes(context([a, b]));
    expect(groups).toHaveLength(1);
    expect(groups[0]?.variants.map((v) => v.text)).toEqual([
      full,
      'the best place for negotiations',
      'main ally',
    ]);
    // “main ally” vs “our ally” is a wording difference; the exact partial quote is not listed.
    const d = discrepancies.find((x) => x.subject === 'q1');
    expect(d?.kind).toBe('wording');
    expect(d?.values.map((x) => x.value).sort()).toEqual([full, 'main ally'].sort());
    expect(d?.note).toMatch(/^Outlets quote Dmitry Peskov differently: .*Outlet A.*Outlet B/);
  });

  it('does not join fragments of one article that are in different sentences and repeat each other', () => {
    const head = 'We’ll Sit Down and Come to an Agreement';
    const body = 'We will sit down here. We’ll come to an agreement quietly, without noise.';
    const other = 'We can sit down here, calmly, without noise, and come to an agreement,';
    const a = article(
      'a',
      `${head}. The interview aired on Sunday. More followed later. “${body}” he said.`,
      [
        { text: head, by: 'Lukashenko' },
        { text: body, by: 'Lukashenko' },
      ],
    );
    const b = article('b', `“${other}” Lukashenko stated.`, [{ text: other, by: 'Lukashenko' }]);
    const { groups } = groupQuotes(context([a, b]));
    const main = groupWith(groups, 'calmly');
    expect(main?.variants.map((v) => v.text)).toEqual([body, other]);
    // The headline stays on its own: single-printing groups are kept for coverage, after the shared ones.
    expect(groups.map((g) => g.variants.length)).toEqual([2, 1]);
    expect(groups.map((g) => g.id)).toEqual(['q1', 'q2']);
  });

  it('flags “our ally” / “key ally” but not a pure substring', () => {
    const ours = 'Minsk is the best place. It is our ally, so it is the best venue for negotiations.';
    const key = 'Minsk is the best place. It is our key ally, so it is the best venue for negotiations.';
    const sub = 'It is our key ally, so it is the best venue for negotiations.';
    const withKey = groupQuotes(
      context([
        article('a', `“${ours}” Peskov said.`, [{ text: ours, by: 'Peskov' }]),
        article('b', `“${key}” Peskov said.`, [{ text: key, by: 'Peskov' }]),
      ]),
    );
    expect(withKey.groups).toHaveLength(1);
    expect(withKey.discrepancies.map((d) => d.kind)).toEqual(['wording']);
    const withSub = groupQuotes(
      context([
        article('a', `“${key}” Peskov said.`, [{ text: key, by: 'Peskov' }]),
        article('b', `“${sub}” Peskov said.`, [{ text: sub, by: 'Peskov' }]),
      ]),
    );
    expect(withSub.groups).toHaveLength(1);
    expect(withSub.discrepancies).toEqual([]);
    // A cut the outlet marks with an ellipsis is not a rewording either.
    const long = 'We will sit down here, calmly, and come to an agreement without shouting.';
    const cut = 'We will sit down … and come to an agreement without shouting.';
    const withCut = groupQuotes(
      context([
        article('a', `“${long}” he said.`, [{ text: long, by: 'Lukashenko' }]),
        article('b', `“${cut}” he said.`, [{ text: cut, by: 'Lukashenko' }]),
      ]),
    );
    expect(withCut.groups).toHaveLength(1);
    expect(withCut.discrepancies).toEqual([]);
  });

  it('orders groups by outlets, then first appearance, and keeps single printings', () => {
    const shared = 'The railway to the port must reopen before the harvest.';
    const alone = 'Potash exports fell by a third this year.';
    const arts = [
      article('a', `“${alone}” Lukashenko said. “${shared}” he added.`, [
        { text: alone, by: 'Lukashenko' },
        { text: shared, by: 'Lukashenko' },
      ]),
      article('b', `“${shared}” Lukashenko said.`, [{ text: shared, by: 'Lukashenko' }]),
    ];
    const { groups } = groupQuotes(context(arts));
    expect(groups.map((g) => [g.id, g.variants.length])).toEqual([
      ['q1', 2],
      ['q2', 1],
    ]);
    expect(groups[1]?.variants[0]?.text).toBe(alone);
  });
});

describe('wordDiff', () => {
  it('reproduces the variant’s words from same and added parts, keeping casing and punctuation', () => {
    const ref = 'We can sit down here, calmly, without noise, without shouting, and come to an agreement,';
    const cases = [
      'We are going to sit down and calmly make an accord — if you want to make an accord,',
      'sit down and calmly reach an agreement',
      'WE CAN sit down here, calmly',
      ref,
    ];
    for (const variant of cases) {
      const parts = wordDiff(ref, variant);
      expect(parts).toBeDefined();
      expect(rebuilt(parts ?? [])).toBe(words(variant));
      // Removed parts are reference words, in the reference's order.
      const removed = (parts ?? []).filter((p) => p.op !== 'added').map((p) => p.text);
      expect(letters(removed.join(' '))).toBe(letters(ref));
    }
  });

  it('gives no diff for very long quotes', () => {
    const long = Array.from({ length: 500 }, (_, i) => `word${i}`).join(' ');
    expect(wordDiff(long, 'word1 word2')).toBeUndefined();
  });
});

// The reference story, when the shared corpus is beside the project.
describe.skipIf(!hasCorpus)('minsk-talks', () => {
  it('groups the story’s quotes across outlets', async () => {
    const inputs = readdirSync(MINSK)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => resolve(MINSK, f));
    const articles: AnnotatedArticle[] = [];
    for await (const event of runPipeline(inputs, DEFAULT_CONFIG)) {
      if (event.ok) articles.push(event.article);
    }
    expect(articles).toHaveLength(5);
    const { groups, discrepancies } = groupQuotes(context(articles));

    const sitDown = groups.filter((g) => g.variants.some((v) => /sit down/i.test(v.text)));
    const agreement = sitDown.find((g) => articlesOf(g).size >= 4);
    expect(agreement).toBeDefined();
    expect(agreement?.speaker).toBe('a:lukashenko');
    expect(articlesOf(agreement).size).toBe(4);
    expect(agreement?.variants.filter((v) => /sit down/i.test(v.text)).length).toBeGreaterThanOrEqual(4);

    const best = groupWith(groups, 'best place');
    expect(best?.speaker).toBe('a:peskov');
    expect(articlesOf(best).size).toBe(3);
    expect(groups.filter((g) => g.variants.some((v) => v.text.includes('best place')))).toHaveLength(1);
    const wording = discrepancies.find((d) => d.kind === 'wording' && d.subject === best?.id);
    const values = wording?.values.map((v) => v.value).join(' | ') ?? '';
    expect(values).toMatch(/our ally/);
    expect(values).toMatch(/key ally/);
    expect(values).toMatch(/main ally/);

    // Every variant's diff gives back its words.
    for (const g of groups) {
      for (const v of g.variants) if (v.diff) expect(rebuilt(v.diff)).toBe(words(v.text));
    }
  });
});

describe('two shared words are one utterance only in order and in every sentence (fct16)', () => {
  it('keeps a label apart from a remark holding its words the other way round', () => {
    const label = 'soft targets,';
    const remark = 'Those targets were never soft, and the guards knew it';
    const arts = [
      article('a', `The minister keeps calling the depots “${label}” aides said.`, [
        { text: label, by: 'Ines Marrow' },
      ]),
      article('b', `“${remark},” Marrow told the radio host.`, [{ text: remark, by: 'Ines Marrow' }]),
    ];
    const { groups, discrepancies } = groupQuotes(context(arts));
    expect(groups.some((g) => articlesOf(g).size === 2)).toBe(false);
    expect(discrepancies).toEqual([]);
  });

  it('keeps two answers joined in one quotation apart from another occasion’s line', () => {
    const joined = 'This is not a tax. There is no new levy,';
    const other = 'There is no new levy in this budget.';
    const arts = [
      article('a', `“${joined}” Marrow told a morning show.`, [{ text: joined, by: 'Ines Marrow' }]),
      article('b', `“${other}” Ms. Marrow said at the hall.`, [{ text: other, by: 'Ines Marrow' }]),
    ];
    const { groups, discrepancies } = groupQuotes(context(arts));
    expect(groups.some((g) => articlesOf(g).size === 2)).toBe(false);
    expect(discrepancies).toEqual([]);
  });

  it('still joins a two-word partial quote printed in order inside a longer line', () => {
    const part = 'ready for talks';
    const full = 'We are ready for talks at any time, in any place';
    const arts = [
      article('a', `The envoy said his side was “${part}” on Monday.`, [{ text: part, by: 'Ines Marrow' }]),
      article('b', `“${full},” Marrow said.`, [{ text: full, by: 'Ines Marrow' }]),
    ];
    const { groups } = groupQuotes(context(arts));
    expect(groups.some((g) => articlesOf(g).size === 2)).toBe(true);
  });
});

describe('two occasions of one speaker are two utterances (fct17)', () => {
  const remark =
    'I have full faith in our harbour engineers, but the contractor was very firm in his denial today';
  const post = 'As I said many times before, I have full faith in our harbour engineers';

  it('keeps a remark to reporters apart from a later post sharing its words', () => {
    const arts = [
      article('a', `“${remark},” Marrow told reporters on Monday.`, [{ text: remark, by: 'Ines Marrow' }]),
      article('b', `“${post},” Marrow wrote on Twitter on Tuesday.`, [{ text: post, by: 'Ines Marrow' }]),
    ];
    const { groups, discrepancies } = groupQuotes(context(arts));
    expect(groups.some((g) => articlesOf(g).size === 2)).toBe(false);
    expect(discrepancies).toEqual([]);
  });

  it('joins the same words when the reports name one occasion or none', () => {
    const arts = [
      article('a', `“${remark},” Marrow told reporters on Monday.`, [{ text: remark, by: 'Ines Marrow' }]),
      article('b', `“${post},” Marrow said at a news conference on Monday.`, [
        { text: post, by: 'Ines Marrow' },
      ]),
      article('c', `“${post},” Marrow said.`, [{ text: post, by: 'Ines Marrow' }]),
    ];
    const { groups } = groupQuotes(context(arts));
    expect(groups.some((g) => articlesOf(g).size === 3)).toBe(true);
  });

  it('keeps a line said on a programme apart from the same words told reporters in a longer answer', () => {
    const short = 'There is no new levy,';
    const long = 'There is no new levy in this budget and there is no new tax on the harbour';
    const arts = [
      article('a', `“${short}” Marrow told “Morning Report.”`, [{ text: short, by: 'Ines Marrow' }]),
      article('b', `“${long},” Marrow told reporters at the town hall.`, [{ text: long, by: 'Ines Marrow' }]),
    ];
    const { groups } = groupQuotes(context(arts));
    expect(groups.some((g) => articlesOf(g).size === 2)).toBe(false);
  });

  it('keeps one text printed whole together whatever the reports say of its occasion', () => {
    const arts = [
      article('a', `“${post},” Marrow wrote on Twitter on Tuesday.`, [{ text: post, by: 'Ines Marrow' }]),
      article('b', `“${post},” Marrow told reporters on Wednesday.`, [{ text: post, by: 'Ines Marrow' }]),
    ];
    const { groups } = groupQuotes(context(arts));
    expect(groups.some((g) => articlesOf(g).size === 2)).toBe(true);
  });
});
