// The per-article actor labels a library keeps (actorKey, articleActorLabels) and the label contest of a
// story worked out from them (labelContest). Articles are built by hand with invented people and outlets.
import { describe, expect, it } from 'vitest';
import type { AnnotatedArticle, Descriptor, Entity, EntityKind, Quote } from '../src/model/article.js';
import {
  type ArticleActorLabel,
  actorKey,
  articleActorLabels,
  labelContest,
} from '../src/text/article-labels.js';
import { NEGATIVE_WORDS, POSITIVE_WORDS } from '../src/text/tone.js';
import { makeArticle } from './support/articles.js';

/** The span of the `nth` occurrence (0-based) of `phrase` in `text`; throws when it is not there. */
function spanOf(text: string, phrase: string, nth = 0): { start: number; end: number; text: string } {
  let start = -1;
  for (let i = 0; i <= nth; i++) {
    start = text.indexOf(phrase, start + 1);
    if (start < 0) throw new Error(`"${phrase}" (#${nth}) is not in the text`);
  }
  return { start, end: start + phrase.length, text: phrase };
}

function descriptor(text: string, phrase: string, nth = 0): Descriptor {
  return { ...spanOf(text, phrase, nth), via: 'appositive' };
}

function entity(
  id: string,
  name: string,
  kind: EntityKind,
  text: string,
  descriptors: Descriptor[] = [],
): Entity {
  const mentions = text.includes(name) ? [spanOf(text, name)] : [];
  return { id, name, kind, mentions, descriptors };
}

function quote(text: string, phrase: string): Quote {
  return { ...spanOf(text, phrase), speaker: null, speakerText: null };
}

function article(text: string, entities: Entity[], quotes: Quote[] = []): AnnotatedArticle {
  return makeArticle({ id: 'labels-1', outlet: 'Daily Quill', text, entities, quotes });
}

describe('actorKey', () => {
  it('lower-cases and strips accents', () => {
    expect(actorKey('Velimir Drašk')).toBe('velimir drask');
    expect(actorKey('ÉLODIE Mårtensson-Çelik')).toBe('elodie martensson-celik');
    // Precomposed and decomposed forms meet on the same key.
    expect(actorKey('Zo\u00eb Quennell')).toBe(actorKey('Zoe\u0308 Quennell'));
    expect(actorKey('Zo\u00eb Quennell')).toBe('zoe quennell');
  });

  it('strips dots', () => {
    expect(actorKey('Dr. K. Olsby')).toBe('dr k olsby');
    expect(actorKey('N.O.R.D. Brigade')).toBe('nord brigade');
  });

  it("strips a final possessive 's, straight or curly, and only that", () => {
    expect(actorKey("Velimir Drask's")).toBe('velimir drask');
    expect(actorKey('Velimir Drask’s')).toBe('velimir drask');
    expect(actorKey('Jonas Brill')).toBe('jonas brill');
    expect(actorKey('Jonas')).toBe('jonas');
    expect(actorKey("Tamsin O'Shea")).toBe("tamsin o'shea");
    // After trailing dots and spaces, and the plural possessive too.
    expect(actorKey("Velimir Drask's. ")).toBe('velimir drask');
    expect(actorKey("Thomas Brill'")).toBe('thomas brill');
  });

  it('collapses and trims white space', () => {
    expect(actorKey('  Velimir \t  Drask \n')).toBe('velimir drask');
    expect(actorKey('Solvane\u00a0Party')).toBe('solvane party');
  });

  it('gives the same key to the spellings of one name, and an empty key to no name', () => {
    const spellings = [
      'Velimir Drask',
      'VELIMIR DRASK',
      'Velimir  Drašk',
      'Velimir Drask’s',
      'Velimir. Drask',
    ];
    expect(new Set(spellings.map(actorKey))).toEqual(new Set(['velimir drask']));
    expect(actorKey(' . ')).toBe('');
  });
});

describe('tone words used below', () => {
  it('are in the lists this file relies on', () => {
    expect(NEGATIVE_WORDS.has('dictator')).toBe(true);
    expect(NEGATIVE_WORDS.has('strongman')).toBe(true);
    expect(NEGATIVE_WORDS.has('self-proclaimed')).toBe(true);
    expect(POSITIVE_WORDS.has('hero')).toBe(true);
    expect(POSITIVE_WORDS.has('respected')).toBe(true);
    for (const neutral of ['mayor', 'president', 'ruling', 'party', 'harbour', 'master']) {
      expect(NEGATIVE_WORDS.has(neutral) || POSITIVE_WORDS.has(neutral)).toBe(false);
    }
  });
});

describe('articleActorLabels', () => {
  it('gives one unlabelled row per person, organization and group, and one per label; places are left out', () => {
    const text =
      'Velimir Drask, the dictator, met Mayor Ilse Varro in Zarnovia, the small republic. ' +
      'The Solvane Party, the ruling party, sent dockworkers. The Tidewater Accord was signed.';
    const rows = articleActorLabels(
      article(text, [
        entity('e1', 'Velimir Drask', 'person', text, [descriptor(text, 'dictator')]),
        entity('e2', 'Ilse Varro', 'person', text, [{ ...spanOf(text, 'Mayor'), via: 'title' }]),
        entity('e3', 'Zarnovia', 'place', text, [descriptor(text, 'small republic')]),
        entity('e4', 'Solvane Party', 'organization', text, [descriptor(text, 'ruling party')]),
        entity('e5', 'dockworkers', 'group', text),
        entity('e6', 'Tidewater Accord', 'other', text),
      ]),
    );
    expect(rows).toEqual<ArticleActorLabel[]>([
      { actor: 'velimir drask', name: 'Velimir Drask', kind: 'person', label: null, tone: null },
      { actor: 'velimir drask', name: 'Velimir Drask', kind: 'person', label: 'dictator', tone: 'negative' },
      { actor: 'ilse varro', name: 'Ilse Varro', kind: 'person', label: null, tone: null },
      { actor: 'ilse varro', name: 'Ilse Varro', kind: 'person', label: 'Mayor', tone: 'neutral' },
      { actor: 'solvane party', name: 'Solvane Party', kind: 'organization', label: null, tone: null },
      {
        actor: 'solvane party',
        name: 'Solvane Party',
        kind: 'organization',
        label: 'ruling party',
        tone: 'neutral',
      },
      { actor: 'dockworkers', name: 'dockworkers', kind: 'group', label: null, tone: null },
    ]);
  });

  it('takes the tone of each label from the tone lexicon', () => {
    const text =
      'Velimir Drask is a dictator. He is a mayor. He is a respected elder. He is a self-proclaimed hero.';
    const rows = articleActorLabels(
      article(text, [
        entity('e1', 'Velimir Drask', 'person', text, [
          descriptor(text, 'dictator'),
          descriptor(text, 'mayor'),
          descriptor(text, 'respected elder'),
          descriptor(text, 'self-proclaimed hero'),
        ]),
      ]),
    );
    expect(rows.map((r) => [r.label, r.tone])).toEqual([
      [null, null],
      ['dictator', 'negative'],
      ['mayor', 'neutral'],
      ['respected elder', 'positive'],
      // A negative word wins over a positive one.
      ['self-proclaimed hero', 'negative'],
    ]);
  });

  it('keeps one row per distinct label, ignoring case, dots and spacing, with the first wording', () => {
    const text = 'Gen. Drask, gen Drask, GEN Drask, General Drask, harbour  master and Harbour master.';
    const rows = articleActorLabels(
      article(text, [
        entity('e1', 'Drask', 'person', text, [
          descriptor(text, 'Gen.'),
          descriptor(text, 'gen'),
          descriptor(text, 'GEN'),
          descriptor(text, 'General'),
          descriptor(text, 'harbour  master'),
          descriptor(text, 'Harbour master'),
        ]),
      ]),
    );
    expect(rows.map((r) => r.label)).toEqual([null, 'Gen.', 'General', 'harbour  master']);
  });

  it('leaves out descriptors inside a quote, which are the speaker’s words', () => {
    const text =
      'Velimir Drask, the strongman, spoke. "Drask is a true hero of the republic," said Ilse Varro. ' +
      'He was "a dictator" to some.';
    const inQuote = quote(text, '"Drask is a true hero of the republic,"');
    const exact = quote(text, 'a dictator');
    const rows = articleActorLabels(
      article(
        text,
        [
          entity('e1', 'Velimir Drask', 'person', text, [
            descriptor(text, 'strongman'),
            descriptor(text, 'true hero of the republic'),
            // Exactly the quote's span: still inside it.
            descriptor(text, 'a dictator'),
          ]),
        ],
        [inQuote, exact],
      ),
    );
    expect(rows.map((r) => r.label)).toEqual([null, 'strongman']);
  });

  it('keeps a descriptor that only overlaps a quote', () => {
    const text = 'He was called "the dictator" by the Quill.';
    const rows = articleActorLabels(
      article(
        text,
        [entity('e1', 'Velimir Drask', 'person', text, [descriptor(text, 'called "the dictator')])],
        [quote(text, '"the dictator"')],
      ),
    );
    expect(rows.map((r) => r.label)).toEqual([null, 'called "the dictator']);
  });

  it('leaves out descriptors longer than 120 characters', () => {
    const long = `a ${'very '.repeat(24)}old man`; // 2 + 120 + 7 = 129 characters
    const limit = `the mayor ${'x'.repeat(110)}`; // exactly 120
    const text = `Velimir Drask, ${long}, and ${limit}.`;
    expect(long.length).toBeGreaterThan(120);
    expect(limit.length).toBe(120);
    const rows = articleActorLabels(
      article(text, [
        entity('e1', 'Velimir Drask', 'person', text, [descriptor(text, long), descriptor(text, limit)]),
      ]),
    );
    expect(rows.map((r) => r.label)).toEqual([null, limit]);
  });

  it('merges entities with the same key into one unlabelled row and one row per distinct label', () => {
    const text = 'Velimir Drask, the dictator. Velimir Drašk, the Dictator and the president. Drask’s aide.';
    const rows = articleActorLabels(
      article(text, [
        entity('e1', 'Velimir Drask', 'person', text, [descriptor(text, 'dictator')]),
        entity('e2', 'Velimir Drašk', 'person', text, [
          descriptor(text, 'Dictator'),
          descriptor(text, 'president'),
        ]),
        entity('e3', 'VELIMIR DRASK’s', 'person', text),
      ]),
    );
    expect(rows).toEqual<ArticleActorLabel[]>([
      { actor: 'velimir drask', name: 'Velimir Drask', kind: 'person', label: null, tone: null },
      { actor: 'velimir drask', name: 'Velimir Drask', kind: 'person', label: 'dictator', tone: 'negative' },
      { actor: 'velimir drask', name: 'Velimir Drašk', kind: 'person', label: 'president', tone: 'neutral' },
    ]);
  });

  it('shows a possessive name without its possessive', () => {
    const text = "Velimir Drask's aides, the dictator's men.";
    const rows = articleActorLabels(
      article(text, [entity('e1', "Velimir Drask's", 'person', text, [descriptor(text, 'dictator')])]),
    );
    expect(rows.map((r) => [r.actor, r.name, r.label])).toEqual([
      ['velimir drask', 'Velimir Drask', null],
      ['velimir drask', 'Velimir Drask', 'dictator'],
    ]);
  });

  it('keeps the same label for two different actors', () => {
    const text = 'Ilse Varro and Marten Olsby, both mayor of a town.';
    const mayor = descriptor(text, 'mayor');
    const rows = articleActorLabels(
      article(text, [
        entity('e1', 'Ilse Varro', 'person', text, [mayor]),
        entity('e2', 'Marten Olsby', 'person', text, [mayor]),
      ]),
    );
    expect(rows.filter((r) => r.label === 'mayor').map((r) => r.actor)).toEqual([
      'ilse varro',
      'marten olsby',
    ]);
  });

  it('skips an entity whose name has no key, and an article without entities gives no rows', () => {
    const text = 'A dot. The dictator.';
    expect(
      articleActorLabels(article(text, [entity('e1', '.', 'person', text, [descriptor(text, 'dictator')])])),
    ).toEqual([]);
    expect(articleActorLabels(article(text, []))).toEqual([]);
  });
});

describe('labelContest', () => {
  type Row = { actor: string; label: string; tone: string; outlet: string | null };
  const row = (actor: string, label: string, tone: string, outlet: string | null): Row => ({
    actor,
    label,
    tone,
    outlet,
  });

  it('is all zero without rows', () => {
    expect(labelContest([])).toEqual({ shared: 0, labels: 0, splits: 0 });
  });

  it('does not count an actor labelled by one outlet only, however it labels it', () => {
    expect(
      labelContest([
        row('velimir drask', 'dictator', 'negative', 'Daily Quill'),
        row('velimir drask', 'president', 'neutral', 'Daily Quill'),
        row('velimir drask', 'hero', 'positive', 'Daily Quill'),
      ]),
    ).toEqual({ shared: 0, labels: 0, splits: 0 });
  });

  it('counts an actor two outlets label in the same tone as shared, not split', () => {
    expect(
      labelContest([
        row('velimir drask', 'president', 'neutral', 'Daily Quill'),
        row('velimir drask', 'head of state', 'neutral', 'Evening Lantern'),
      ]),
    ).toEqual({ shared: 1, labels: 2, splits: 0 });
  });

  it('counts a split when two outlets label an actor in differing tones', () => {
    expect(
      labelContest([
        row('velimir drask', 'dictator', 'negative', 'Daily Quill'),
        row('velimir drask', 'president', 'neutral', 'Evening Lantern'),
      ]),
    ).toEqual({ shared: 1, labels: 2, splits: 1 });
  });

  it('counts distinct labels by wording, ignoring case and dots', () => {
    expect(
      labelContest([
        row('ilse varro', 'Mayor', 'neutral', 'Daily Quill'),
        row('ilse varro', 'mayor', 'neutral', 'Evening Lantern'),
        row('ilse varro', 'MAYOR.', 'neutral', 'Harbor Post'),
        row('ilse varro', 'town mayor', 'neutral', 'Harbor Post'),
      ]),
    ).toEqual({ shared: 1, labels: 2, splits: 0 });
  });

  it('counts each row without an outlet as an outlet of its own', () => {
    // Two unnamed articles: two voices, never merged into one.
    expect(
      labelContest([
        row('velimir drask', 'dictator', 'negative', null),
        row('velimir drask', 'president', 'neutral', null),
      ]),
    ).toEqual({ shared: 1, labels: 2, splits: 1 });
    // One unnamed article and one outlet.
    expect(
      labelContest([
        row('velimir drask', 'strongman', 'negative', null),
        row('velimir drask', 'strongman', 'negative', 'Daily Quill'),
      ]),
    ).toEqual({ shared: 1, labels: 1, splits: 0 });
  });

  it('counts one unnamed article once, however many labels it gives', () => {
    expect(
      labelContest([
        { ...row('velimir drask', 'dictator', 'negative', null), article: 7 },
        { ...row('velimir drask', 'president', 'neutral', null), article: 7 },
      ]),
    ).toEqual({ shared: 0, labels: 0, splits: 0 });
    expect(
      labelContest([
        { ...row('velimir drask', 'dictator', 'negative', null), article: 7 },
        { ...row('velimir drask', 'president', 'neutral', null), article: 8 },
      ]),
    ).toEqual({ shared: 1, labels: 2, splits: 1 });
  });

  it('sums over actors and leaves the unshared ones out of every count', () => {
    expect(
      labelContest([
        row('velimir drask', 'dictator', 'negative', 'Daily Quill'),
        row('velimir drask', 'Dictator', 'negative', 'Daily Quill'),
        row('velimir drask', 'president', 'neutral', 'Evening Lantern'),
        row('solvane party', 'ruling party', 'neutral', 'Daily Quill'),
        row('solvane party', 'Ruling Party', 'neutral', 'Evening Lantern'),
        row('marten olsby', 'harbour master', 'neutral', 'Daily Quill'),
        row('marten olsby', 'villain', 'negative', 'Daily Quill'),
      ]),
    ).toEqual({ shared: 2, labels: 3, splits: 1 });
  });
});
