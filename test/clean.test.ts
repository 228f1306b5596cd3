import { describe, expect, it } from 'vitest';
import { classifyParagraphs } from '../src/clean/boilerplate.js';
import { findDateline } from '../src/clean/dateline.js';
import { cleanArticle } from '../src/clean/index.js';
import { splitParagraphs, wrapWidth } from '../src/clean/paragraphs.js';
import type { RawArticle } from '../src/model/article.js';

const raw = (body: string, meta: RawArticle['meta'] = {}): RawArticle => ({
  source: 'test.txt',
  format: 'text',
  body,
  bodyIsHtml: false,
  meta,
  messages: [],
});

const BODY =
  'The council voted 7-2 on Tuesday to approve the budget, which adds money for road repairs and two new libraries.';

describe('paragraphs', () => {
  it('keeps one paragraph per line when lines are not wrapped', () => {
    expect(splitParagraphs(`${BODY}\n${BODY}\nShort heading\n${BODY}`)).toHaveLength(4);
  });

  it('rejoins hard-wrapped lines and keeps blank-line paragraph breaks', () => {
    const wrapped = [
      'The council voted 7-2 on Tuesday to approve the budget, which adds',
      'money for road repairs and two new libraries across the city of',
      'Riverton.',
      '',
      '"We listened to residents," said Mayor Ann Lee, who backed the plan',
      'from the start.',
      '',
      'Source:',
      'https://example.com/2024/05/08/a-very-long-url-that-was-cut-at-the-margin-by-the-mail-prog',
      'ram-1234',
    ].join('\n');
    expect(wrapWidth(wrapped.split('\n'))).not.toBeNull();
    expect(splitParagraphs(wrapped)).toEqual([
      'The council voted 7-2 on Tuesday to approve the budget, which adds money for road repairs and two new libraries across the city of Riverton.',
      '"We listened to residents," said Mayor Ann Lee, who backed the plan from the start.',
      'Source:',
      'https://example.com/2024/05/08/a-very-long-url-that-was-cut-at-the-margin-by-the-mail-program-1234',
    ]);
  });

  it('does not treat a list of short lines as wrapped', () => {
    expect(wrapWidth(['Home', 'News', 'Sport', 'Weather'])).toBeNull();
  });
});

describe('boilerplate by shape', () => {
  const verdictOf = (lines: string[], index: number) => classifyParagraphs(lines)[index];
  const removed: [string, string[], number, string][] = [
    ['imperative in capitals', [BODY, 'SUBSCRIBE TO OUR CHANNEL', BODY], 1, 'call to action'],
    [
      'imperative with a handle',
      [BODY, 'Follow us on @riverton_news for updates.', BODY],
      1,
      'call to action',
    ],
    [
      'reader address at the end',
      [BODY, BODY, 'You can share this story with a friend by pressing the button'],
      2,
      'call to action',
    ],
    ['newsletter prompt', [BODY, 'Sign up for the morning newsletter.', BODY], 1, 'call to action'],
    [
      'labelled related link',
      [BODY, 'More Coverage: Budget Fight Heads To Council Floor', BODY],
      1,
      'related link',
    ],
    [
      'caption with credit',
      ['The mayor speaks at city hall on Monday. Photo: Jane Roe/Riverton Herald', BODY],
      0,
      'photo caption and credit',
    ],
    [
      'parenthesised credit',
      ['Crews at the scene. (Photo by Sam Poe/Wire)', BODY],
      0,
      'photo caption and credit',
    ],
    ['bare URL', [BODY, 'https://example.com/story'], 1, 'bare URL'],
    ['footer label before URL', [BODY, 'Source url:', 'https://example.com/story'], 1, 'source footer'],
    ['dangling label at the end', [BODY, 'Comments'], 1, 'dangling label'],
    [
      'caption ending in an agency credit',
      [
        BODY,
        'The mayor boards a ferry at the harbor in Riverton, May 3, 2019. WIRE/Jana Roe',
        'Officials cited a survey by the board and ABC/Radio Example.',
      ],
      1,
      'photo caption and credit',
    ],
    [
      'bulleted contributor credit',
      [BODY, '• Wire Service writer Ann Roe contributed to this article.'],
      1,
      'contributor credit',
    ],
    [
      'labelled credit list',
      [BODY, 'Additional reporting by Bo Hale in Lyon and Ann Roe in Turin.', BODY],
      1,
      'contributor credit',
    ],
  ];
  it.each(removed)('removes %s', (_name, lines, index, reason) => {
    expect(verdictOf(lines, index)).toEqual({ keep: false, reason });
  });

  it('keeps sentences that only look like credits', () => {
    const lines = [
      BODY,
      'The figures came from a survey by the board and ABC/Radio Example.',
      'Research by the county found that the water was safe.',
      'Several factors contributed to the delay, officials said.',
    ];
    expect(classifyParagraphs(lines).slice(1)).toEqual([
      { keep: true, kind: 'paragraph' },
      { keep: true, kind: 'paragraph' },
      { keep: true, kind: 'paragraph' },
    ]);
  });

  it('removes a related-article list with its lead and bullets', () => {
    const verdicts = classifyParagraphs([
      BODY,
      'See also',
      '-',
      'Council Passes Budget',
      '-',
      'Library Plan Gets Green Light',
    ]);
    expect(verdicts.slice(1).every((v) => !v.keep && v.reason === 'related-article list')).toBe(true);
  });

  const kept: [string, string[], number, 'paragraph' | 'heading'][] = [
    [
      'a quoted imperative',
      [BODY, '"Vote no," the flyer urged residents across the district.', BODY],
      1,
      'paragraph',
    ],
    [
      'a body sentence about photos',
      [
        BODY,
        'The photo, taken by a resident, shows the collapse in detail and has been shared widely online.',
        BODY,
      ],
      1,
      'paragraph',
    ],
    ['a heading before body text', [BODY, 'What Happens Next', BODY], 1, 'heading'],
    [
      'a sentence-case subheading',
      [BODY, 'Council members say they were not told about the memo', BODY],
      1,
      'heading',
    ],
    [
      'a long paragraph addressing the reader in the middle',
      [
        BODY,
        BODY,
        'If you drive the bridge every day, you know how the deck shakes when a truck passes, one resident said, adding that the city had ignored it for years.',
        BODY,
        BODY,
        BODY,
      ],
      2,
      'paragraph',
    ],
    [
      'a sentence with a colon',
      [BODY, 'The result: a budget that nobody fully likes, but that most members could support.', BODY],
      1,
      'paragraph',
    ],
  ];
  it.each(kept)('keeps %s', (_name, lines, index, kind) => {
    expect(verdictOf(lines, index)).toEqual({ keep: true, kind });
  });
});

describe('lead-in lines', () => {
  const kinds = (lines: string[]) => classifyParagraphs(lines).map((v) => (v.keep ? v.kind : v.reason));

  it('a sentence-case line ending in a colon is prose that introduces the next paragraph', () => {
    const lines = [
      BODY,
      'In a statement released that evening, the mayor said:',
      '"We will rebuild it."',
      BODY,
    ];
    expect(kinds(lines)[1]).toBe('paragraph');
  });

  it('a short or Title Case line ending in a colon stays a heading', () => {
    expect(kinds([BODY, 'What comes next:', BODY])[1]).toBe('heading');
    expect(kinds([BODY, 'Key Dates For The Bridge Repair Project:', BODY])[1]).toBe('heading');
  });
});

describe('datelines', () => {
  it.each([
    [
      'RIVERTON, Ore. (Coastal Wire) — Crews worked',
      { place: 'RIVERTON, Ore.', date: null, agency: 'Coastal Wire' },
    ],
    ['MOSCOW, March 5 (Reuters) - Russia said', { place: 'MOSCOW', date: 'March 5', agency: 'Reuters' }],
    ['WASHINGTON — The Senate', { place: 'WASHINGTON', date: null, agency: null }],
  ])('reads %s', (text, expected) => {
    expect(findDateline(text)).toEqual(expected);
  });
  it.each(['The WHO said — nothing', 'NATO said on Friday', 'US — a note'])('finds none in %s', (text) => {
    expect(findDateline(text)).toBeNull();
  });
});

describe('cleanArticle', () => {
  it('harvests URL, outlet and date from a labelled footer, not from other links', () => {
    const a = cleanArticle(
      raw(
        `${BODY}\nRelated: Council Passes Budget\nOriginal url:\nhttps://www.riverton-herald.example/2024/05/08/budget\nhttps://www.riverton-herald.example/2023/01/02/other`,
      ),
      'x',
    );
    expect(a.url).toBe('https://www.riverton-herald.example/2024/05/08/budget');
    expect(a.outlet).toBe('riverton-herald.example');
    expect(a.published).toBe('2024-05-08');
    expect(a.text).toBe(BODY);
    expect(a.removed.map((r) => r.reason)).toEqual(['related link', 'source footer', 'bare URL', 'bare URL']);
  });

  it('lets metadata given by the input win over what the text says', () => {
    const a = cleanArticle(
      raw(`${BODY}\nOriginal url: https://a.example/2024/05/08/x`, {
        outlet: 'Given',
        published: '2024-01-01',
      }),
      'x',
    );
    expect(a.outlet).toBe('Given');
    expect(a.published).toBe('2024-01-01');
    expect(a.url).toBe('https://a.example/2024/05/08/x');
  });

  it('takes outlet names for a host from the sources map once the URL is known', () => {
    const a = cleanArticle(raw(`${BODY}\nSource: https://news.example.org/2024/05/08/x`), 'x', {
      metaForHost: (host) => (host === 'news.example.org' ? { outlet: 'Example News' } : {}),
    });
    expect(a.outlet).toBe('Example News');
  });

  it('uses a leading heading as the title and offsets index the cleaned text', () => {
    const a = cleanArticle(raw(`Budget Passes After Long Night\n${BODY}`), 'x');
    expect(a.title).toBe('Budget Passes After Long Night');
    for (const p of a.paragraphs) expect(a.text.slice(p.start, p.end).length).toBe(p.end - p.start);
    expect(a.paragraphs.map((p) => p.kind)).toEqual(['heading', 'paragraph']);
  });
});

describe('boxes inside the body', () => {
  it('removes the title of a newsletter box with the box', () => {
    const verdicts = classifyParagraphs([
      BODY,
      'Get The Morning Briefing',
      'The stories you need, in your inbox every day.',
      BODY,
    ]);
    expect(verdicts.map((v) => (v.keep ? v.kind : v.reason))).toEqual([
      'paragraph',
      'call to action',
      'call to action',
      'paragraph',
    ]);
  });
});

describe('text the page extractor chose', () => {
  const extracted = (body: string): RawArticle => ({ ...raw(body), format: 'html', extracted: true });
  // Invented shapes of blocks the pasted-text rules cut from real pages: a results table, tour dates,
  // a product list with its shop links, recipe steps in the imperative.
  const blocks = [
    BODY,
    'Final standings after 12 races:',
    'Pos. Driver Points Wins',
    '1 Anna Lindqvist 412 4',
    '2 Tomas Berg 398 2',
    'Tour dates:',
    'May 3 – Riverton, OR @ Harbor Hall',
    'May 5 – Dorval, QC @ Lakeside Arena',
    'Boil the jars for ten minutes',
    'https://shop.example/item/42',
    'Comments',
  ];

  it('keeps every block, with the line breaks the page had', () => {
    const article = cleanArticle(extracted(blocks.join('\n\n')), 'a');
    expect(article.removed).toEqual([]);
    expect(article.paragraphs).toHaveLength(blocks.length);
    expect(article.text).toContain('1 Anna Lindqvist 412 4');
  });

  it('still runs the pasted-text rules on the same blocks typed as plain text', () => {
    expect(cleanArticle(raw(blocks.join('\n\n')), 'a').removed.length).toBeGreaterThan(0);
  });

  it('drops only a credited caption the extractor kept', () => {
    const article = cleanArticle(
      extracted(`${BODY}\n\nThe new bridge at dusk. Photo: Jane Roe/Coastal Wire\n\n${BODY}`),
      'a',
    );
    expect(article.removed).toEqual([
      { text: 'The new bridge at dusk. Photo: Jane Roe/Coastal Wire', reason: 'photo caption and credit' },
    ]);
  });

  it('does not rejoin short lines of a page as if they were hard-wrapped', () => {
    const rows = Array.from({ length: 8 }, (_, i) => `Row ${i + 1} of the table and its value is ${i * 7}`);
    expect(cleanArticle(extracted(rows.join('\n')), 'a').paragraphs).toHaveLength(8);
  });
});

describe('a news item of one sentence', () => {
  it('is an article even without a full stop', () => {
    const item = 'Fire crews rescued two hikers stranded on Mount Keller late Sunday';
    const article = cleanArticle(raw(item), 'a');
    expect(article.text).toBe(item);
    expect(article.paragraphs[0]?.kind).toBe('paragraph');
  });

  it('is an article with one', () => {
    expect(cleanArticle(raw('The city council approved the new budget, 7-2.'), 'a').text).not.toBe('');
  });

  it('is not a lone headline, label or call to action', () => {
    for (const line of [
      'Vote on rail plan delayed',
      'Comments',
      'Storm Lena Makes Landfall Near Port Arlen',
      'Click here to read more',
    ])
      expect(cleanArticle(raw(line), 'a').text).toBe('');
  });

  it('does not rescue a trailing label when the article has a body', () => {
    const article = cleanArticle(raw(`${BODY}\nShare this story with your friends now`), 'a');
    expect(article.removed).toHaveLength(1);
  });
});

describe('a headline or a sentence that opens like a call to action', () => {
  const kept = (lines: string[]) => cleanArticle(raw(lines.join('\n')), 'a');

  it('keeps a headline whose first word is its subject, and titles the article with it', () => {
    for (const headline of [
      'Judge fines builder over collapsed wall',
      'Storm cuts power to coastal towns',
      'Vandals in masks smash shop windows',
      'Ferry not expected back before June',
    ]) {
      const article = kept([headline, BODY]);
      expect(article.text.startsWith(headline)).toBe(true);
      expect(article.title).toBe(headline);
    }
  });

  it('keeps a sentence opened by a pronoun with a clitic', () => {
    const article = kept([BODY, "She's a careful driver, always was.", BODY]);
    expect(article.removed).toHaveLength(0);
  });

  it('keeps a labelled headline above the body, but not a labelled date line', () => {
    const article = kept(['Harbour Fire: Crews Save Old Mill', 'Updated: Monday, 2 March 2015', BODY]);
    expect(article.title).toBe('Harbour Fire: Crews Save Old Mill');
    expect(article.removed.map((r) => r.text)).toEqual(['Updated: Monday, 2 March 2015']);
  });

  it('does not title the article with a date line above the headline', () => {
    const article = kept(['Tue Mar 3, 2015 9: 10am', 'Storm cuts power to coastal towns', BODY]);
    expect(article.title).toBe('Storm cuts power to coastal towns');
  });

  it('still drops calls to action and a related link after the body', () => {
    const article = kept([
      BODY,
      'Follow us on social media for updates',
      'Read also: Council Backs New Library Plan',
      BODY,
    ]);
    expect(article.removed.map((r) => r.reason)).toEqual(['call to action', 'related link']);
  });
});
