// The coreference scorers of `npm run eval` on tiny partitions whose scores were worked out by hand from
// the published definitions (the arithmetic is in each comment).
import { describe, expect, it } from 'vitest';
import {
  bCubed,
  ceafE,
  corefScores,
  muc,
  type PRF,
  partitionBy,
  withoutSingletons,
} from '../eval/coref-metrics.js';
import { offsetMap } from '../eval/offset-map.js';
import { type GoldEntry, goldHeadsOf, goldSpanKey, mentionForm, recallLossOf } from '../eval/persons.js';
import { headLemma } from '../eval/same-head.js';

const close = (actual: PRF, precision: number, recall: number) => {
  expect(actual.precision).toBeCloseTo(precision, 6);
  expect(actual.recall).toBeCloseTo(recall, 6);
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  expect(actual.f1).toBeCloseTo(f1, 6);
};

// key {a b c} {d}; response {a b} {c d}
const KEY = [['a', 'b', 'c'], ['d']];
const RESPONSE = [
  ['a', 'b'],
  ['c', 'd'],
];

describe('coreference metrics', () => {
  it('MUC counts links: key {abc}{d} vs response {ab}{cd}', () => {
    // R: {abc} falls in 2 parts → (3 − 2) / (2 + 0) = 0.5. P: {ab} in 1 key part, {cd} in 2 → (1 + 0) / 2.
    close(muc(KEY, RESPONSE), 0.5, 0.5);
  });

  it('B³ averages over mentions', () => {
    // R: a 2/3, b 2/3, c 1/3, d 1 → (8/3) / 4 = 2/3. P: a 1, b 1, c 1/2, d 1/2 → 3/4.
    close(bCubed(KEY, RESPONSE), 0.75, 2 / 3);
  });

  it('CEAF-e takes the best one-to-one entity alignment by φ4', () => {
    // φ4({abc},{ab}) = 4/5, φ4({d},{cd}) = 2/3; the other pairing gives φ4({abc},{cd}) = 2/5 + 0.
    // Σ = 22/15 over 2 key and 2 response entities.
    close(ceafE(KEY, RESPONSE), 11 / 15, 11 / 15);
  });

  it('CEAF-e finds the optimum where taking the best pair first does not', () => {
    // K1={a b c}, K2={d}; R1={a b d}, R2={c}. φ4(K1,R1) = 4/6, φ4(K1,R2) = 2/4, φ4(K2,R1) = 2/4, φ4(K2,R2) = 0.
    // Best pair first: K1–R1 then K2–R2 = 2/3. Optimum: K1–R2 + K2–R1 = 1, over 2 and 2 entities.
    const key = [['a', 'b', 'c'], ['d']];
    const response = [['a', 'b', 'd'], ['c']];
    close(ceafE(key, response), 0.5, 0.5);
  });

  it('CEAF-e solves groups of overlapping entities apart and adds them up', () => {
    // Group 1 as above (Σ φ4 = 1); group 2: K3={e f}, R3={e f} (φ4 1); K4={g} has no response entity.
    // Σ = 2 over 4 key and 3 response entities.
    const key = [['a', 'b', 'c'], ['d'], ['e', 'f'], ['g']];
    const response = [['a', 'b', 'd'], ['c'], ['e', 'f']];
    close(ceafE(key, response), 2 / 3, 2 / 4);
  });

  it('an identical response scores 1 everywhere', () => {
    const s = corefScores(KEY, KEY);
    expect([s.muc.f1, s.b3.f1, s.ceafe.f1, s.conll]).toEqual([1, 1, 1, 1]);
  });

  it('all singletons against one entity of three', () => {
    const key = [['a', 'b', 'c']];
    const response = [['a'], ['b'], ['c']];
    // MUC: no links either way → 0. B³: R each 1/3, P each 1. CEAF-e: one pair, φ4 = 2/4; R 1/2, P (1/2)/3.
    close(muc(key, response), 0, 0);
    close(bCubed(key, response), 1, 1 / 3);
    close(ceafE(key, response), 1 / 6, 1 / 2);
  });

  it('a key mention the response lacks counts against recall only', () => {
    // key {a b} {c}, response {a}: B³ R = (1/2 + 0 + 0) / 3, P = 1; MUC R = 0 / 1 (a and b apart), P = 0/0 → 0.
    const key = [['a', 'b'], ['c']];
    const response = [['a']];
    close(bCubed(key, response), 1, 1 / 6);
    close(muc(key, response), 0, 0);
  });

  it('CoNLL F1 is the mean of the three F1s', () => {
    // MUC 1/2, B³ F1 = 2·(3/4)(2/3)/(17/12) = 12/17, CEAF-e 11/15.
    expect(corefScores(KEY, RESPONSE).conll).toBeCloseTo((0.5 + 12 / 17 + 11 / 15) / 3, 6);
  });

  it('without singletons the one-mention entities leave both sides', () => {
    expect(withoutSingletons(KEY)).toEqual([['a', 'b', 'c']]);
    // B³ over key {abc} and response {ab}{cd}: R = (2/3 + 2/3 + 1/3) / 3 = 5/9; P = (1 + 1 + 1/2 + 0) / 4.
    close(bCubed(withoutSingletons(KEY), withoutSingletons(RESPONSE)), 5 / 8, 5 / 9);
  });

  it('partitionBy groups mentions by label in first-seen order', () => {
    expect(
      partitionBy([
        ['m1', 'x'],
        ['m2', 'y'],
        ['m3', 'x'],
      ]),
    ).toEqual([['m1', 'm3'], ['m2']]);
  });
});

describe('offset map from cleaned text to input text', () => {
  it('places spans after paragraph breaks were added and a line was cut', () => {
    const input = 'Ann Lee wins\nPUBLISHED: MAY 2\nLee said so.\nBob Hart agreed.';
    const cleaned = 'Ann Lee wins\n\nLee said so.\n\nBob Hart agreed.';
    const map = offsetMap(cleaned, input);
    const at = (word: string, from = 0) => {
      const start = cleaned.indexOf(word, from);
      const span = map.span(start, start + word.length);
      return span && input.slice(span.start, span.end);
    };
    expect(at('Bob Hart')).toBe('Bob Hart');
    expect(at('Lee', 5)).toBe('Lee');
    expect(map.span(cleaned.indexOf('Lee said'), cleaned.indexOf('Lee said') + 3)).toEqual({
      start: input.indexOf('Lee said'),
      end: input.indexOf('Lee said') + 3,
    });
  });

  it('gives no span when an end was added by cleaning', () => {
    const map = offsetMap('a\n\nb', 'a\nb');
    expect(map.span(1, 3)).toBeNull();
    expect(map.span(0, 1)).toEqual({ start: 0, end: 1 });
  });
});

describe('same-head-lemma baseline', () => {
  it('takes the last word, lower-cased, possessive dropped', () => {
    expect(headLemma("the actress's")).toBe('actress');
    expect(headLemma('Ann Lee’s')).toBe('lee');
    expect(headLemma('He')).toBe('he');
    expect(headLemma("the players'")).toBe('players');
  });
});

describe('ECB+ span conventions in the persons eval', () => {
  const text = "Mr. Ortega met Ana Ruiz's aide and Luis Ortega Jr. on Monday.";
  const at = (word: string) => text.indexOf(word);
  it('takes the courtesy title, the possessive or the split full stop only when that span is gold', () => {
    const ortega = at('Ortega');
    const gold = new Set([
      `d:0:${ortega + 6}`,
      `d:${at('Ana')}:${at('Ana') + 10}`,
      `d:${at('Luis')}:${at('Luis') + 14}`,
    ]);
    expect(goldSpanKey('d', ortega, ortega + 6, text, gold)).toBe(`d:0:${ortega + 6}`);
    expect(goldSpanKey('d', at('Ana'), at('Ana') + 8, text, gold)).toBe(`d:${at('Ana')}:${at('Ana') + 10}`);
    expect(goldSpanKey('d', at('Luis'), at('Luis') + 15, text, gold)).toBe(
      `d:${at('Luis')}:${at('Luis') + 14}`,
    );
  });

  it('keeps the span as it is when it is gold itself or no variant is', () => {
    const ortega = at('Ortega');
    expect(goldSpanKey('d', ortega, ortega + 6, text, new Set([`d:${ortega}:${ortega + 6}`]))).toBe(
      `d:${ortega}:${ortega + 6}`,
    );
    expect(goldSpanKey('d', ortega, ortega + 6, text, new Set())).toBe(`d:${ortega}:${ortega + 6}`);
  });
});

describe('the head-word rule of the persons eval', () => {
  const text = 'Two women and a harbour police officer met the lawyer Tomas Brand.';
  const at = (word: string) => text.indexOf(word);
  const span = (word: string, through = word) => [at(word), at(through) + through.length] as const;
  const gold = [span('women'), span('officer'), span('lawyer', 'Brand')].map(([start, end]) => ({
    doc: 'd',
    start,
    end,
  }));
  const keys = new Set(gold.map((g) => `d:${g.start}:${g.end}`));
  const heads = goldHeadsOf(gold);
  const scored = (word: string, through = word) => {
    const [start, end] = span(word, through);
    return goldSpanKey('d', start, end, text, keys, heads);
  };

  it('scores a span as the gold span that ends on the same head word, one inside the other', () => {
    expect(scored('Two', 'women')).toBe(`d:${at('women')}:${at('women') + 5}`);
    expect(scored('police', 'officer')).toBe(`d:${at('officer')}:${at('officer') + 7}`);
    expect(scored('Tomas', 'Brand')).toBe(`d:${at('lawyer')}:${at('Brand') + 5}`);
  });

  it('leaves a span with another head, or scored without the rule, as it is', () => {
    expect(scored('harbour', 'police')).toBe(`d:${at('harbour')}:${at('police') + 6}`);
    const [start, end] = span('police', 'officer');
    expect(goldSpanKey('d', start, end, text, keys)).toBe(`d:${start}:${end}`);
  });
});

describe('where person B³ recall is lost', () => {
  it("reads a mention's form from its text", () => {
    expect(
      ['Ana Ruiz', "Ruiz's", 'she', 'himself', 'actress', 'police', 'robbers', 'the man'].map(mentionForm),
    ).toEqual(['name', 'name', 'pronoun', 'pronoun', 'description', 'group', 'group', 'description']);
  });

  it('charges each missing pair to the form and cause of the mention left out, summing to 1 − B³ recall', () => {
    // One chain {Ana Ruiz, she} in d1 and {actress} in d2 (three mentions), and "robbers" alone; the
    // response splits d2 off and never finds the robbers. Ana and she each miss the actress (1/3 each:
    // description), the actress misses Ana (1/3: name) and she (1/3: pronoun); over 4 mentions that is
    // 1/6, 1/12 and 1/12. The lone robbers lose nothing (a chain of one). B³ recall = (2/3+2/3+1/3+1)/4.
    const entry = (key: string, doc: string, text: string, entity: string): GoldEntry => ({
      key,
      topic: 1,
      entity,
      mention: {
        doc,
        start: 0,
        end: 0,
        text,
        type: 'HUMAN_PART_PER',
        chain: entity,
        sentence: 0,
        eval: true,
      },
    });
    const gold = [
      entry('a', 'd1', 'Ana Ruiz', 'c1'),
      entry('b', 'd1', 'she', 'c1'),
      entry('c', 'd2', 'actress', 'c1'),
      entry('d', 'd2', 'robbers', 'c2'),
    ];
    const loss = recallLossOf(
      gold,
      new Map([
        ['a', 'X'],
        ['b', 'X'],
        ['c', 'Y'],
      ]),
    );
    const of = (form: string) =>
      loss.find((l) => l.form === form && l.cause === 'split across documents')?.loss;
    expect(of('description')).toBeCloseTo(1 / 6, 6);
    expect(of('name')).toBeCloseTo(1 / 12, 6);
    expect(of('pronoun')).toBeCloseTo(1 / 12, 6);
    expect(loss.reduce((n, l) => n + l.loss, 0)).toBeCloseTo(1 - (2 / 3 + 2 / 3 + 1 / 3 + 1) / 4, 6);
  });
});
