// The words search indexes on PostgreSQL (src/store/search-words.ts) must be the words SQLite's FTS5
// indexes with unicode61 remove_diacritics 2, or the same query would find different articles on the two
// backends. FTS5 shows its words through an fts5vocab table, so the two are compared on texts chosen for
// where tokenizers differ: apostrophes, initials, decimals, diacritics in and out of Latin script,
// decomposed accents, ligatures, marks that are not diacritics, CJK, emoji, soft hyphens.

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { searchWords } from '../src/store/search-words.js';

const SAMPLES = [
  "Zelenskiy's café don't U.S. 3.5% naïve Ærø straße İstanbul",
  'Москва й ё Ελλάδα ά и\u0306',
  'foo_bar e\u0301cole ŁÓDŹ Đorđe ǅ ﬁne ① ² ½ 東京都 한국어 x\u2060y',
  "co-operate emoji😀x 'quoted' ‘curly’ a\u00ADb Ø ø ß ẞ ı Ǆ ǈ Ĳ",
  'ḍ ṭ ā ī ū ṣ ñ ç œ Œ',
  'हिंदी भाषा العربية עִבְרִית ไทย',
  'Ǻ ǻ Ḁ Ω ω ﬀ ＡＢＣ',
  'The mayor—who said “no”—left at 9:30 a.m.; e-mail: a@b.example, #tag, $5,000.',
];

function fts5Words(texts: readonly string[]): string[][] {
  const db = new Database(':memory:');
  try {
    db.exec(`CREATE VIRTUAL TABLE f USING fts5 (t, tokenize = 'unicode61 remove_diacritics 2');
             CREATE VIRTUAL TABLE v USING fts5vocab (f, 'instance');`);
    const insert = db.prepare('INSERT INTO f (rowid, t) VALUES (?, ?)');
    texts.forEach((t, i) => {
      insert.run(i + 1, t);
    });
    const rows = db.prepare('SELECT term, doc FROM v ORDER BY doc, offset').all() as {
      term: string;
      doc: number;
    }[];
    return texts.map((_, i) => rows.filter((r) => r.doc === i + 1).map((r) => r.term));
  } finally {
    db.close();
  }
}

describe('search words', () => {
  it('are the words FTS5 (unicode61 remove_diacritics 2) indexes', () => {
    const expected = fts5Words(SAMPLES);
    SAMPLES.forEach((text, i) => {
      expect(searchWords(text), text).toEqual(expected[i]);
    });
  });

  it('fold case and Latin diacritics only', () => {
    expect(searchWords('Łódź CAFÉ Ελλάδα')).toEqual(['łodz', 'cafe', 'ελλάδα']);
  });
});
