// Opinion pieces and page furniture kept out of the digest (issue 13, part 3). Every article and sentence
// here is invented, in the shape of failures a blind check found: an opinion column's sentence in the
// digest, a photo caption, a "Related:" line, "The new projection …" with nothing before it.
import { describe, expect, it } from 'vitest';
import {
  backReference,
  continuesQuotation,
  notDigestMaterial,
  resolvedIn,
} from '../src/compare/digest/material.js';
import { compareStory } from '../src/compare/index.js';
import type { AnnotatedArticle, ArticleMeta } from '../src/model/article.js';
import { renderHtml } from '../src/report/html/index.js';
import { buildReport } from '../src/report/index.js';
import { renderMarkdown } from '../src/report/md/index.js';
import {
  authorVoice,
  OPINION_PROBABILITY,
  opinionFeatures,
  opinionOf,
  opinionProbability,
} from '../src/text/opinion.js';
import { annotateText } from './support/articles.js';

function article(id: string, body: string, meta: ArticleMeta = {}): AnnotatedArticle {
  return annotateText(body, id, meta);
}

const plain = { title: 'Council approves budget', outlet: 'Example Gazette', text: 'The council met.' };

// An invented column in the third person: no "I", no marker, no comment section in the address.
const column = [
  'The city council has once again chosen spectacle over substance.',
  'Nobody who has watched this council for more than a week should be surprised.',
  'The budget it passed is not a plan; it is a wish list dressed up as prudence.',
  'Why does a city that cannot keep its libraries open need a new ceremonial plaza?',
  'Why should families who are struggling with rent pay for a fountain?',
  'The answer is that the plaza photographs well and the libraries do not.',
  'People deserve better than this.',
  'Taxpayers should not have to fund vanity projects while basic services crumble.',
  'The members who voted for this must explain themselves, and voters must hold them to account.',
  'A government that cannot fix potholes has no business building monuments to itself.',
  'The progressives on the council talk endlessly about fairness, yet their budget takes from the neighbourhoods that need help most.',
  'The conservatives talk about thrift, yet they waved through every shiny item.',
  'Neither side has shown the slightest interest in what residents actually want.',
  'Everyone knows the answer: safe streets, open libraries, clean parks.',
  'None of that is glamorous, and all of it is essential.',
  'If the council will not listen, people should remember this vote at the next election.',
  'Shameful is not too strong a word for it.',
  'This is not leadership; it is vanity, and the city will pay for it for years.',
].join(' ');
// An invented report of the same vote: attributed, quoted, dated, full of names.
const budgetReport = [
  'The Harlow city council approved a budget of 412 million dollars on Tuesday, ending three weeks of talks over library hours and a new plaza downtown.',
  'The measure passed by seven votes to two, according to the council clerk.',
  'Mayor Dana Whitfield said the budget would keep all eleven branch libraries open five days a week.',
  '“We found the money by delaying two road projects,” Whitfield told reporters after the vote.',
  'Council member Ray Osei, who voted against the plan, said the plaza would cost 9 million dollars over four years.',
  '“The numbers do not add up,” Osei said.',
  'The finance director, Lena Marsh, told the meeting on Monday that the city expected sales tax revenue to rise by 3 percent next year.',
  'The budget also adds 14 positions in the Harlow Fire Department and a pay rise of 2.5 percent for city employees, the clerk said in a statement.',
  'A spokesman for the employees’ union said members would vote on the offer on Friday.',
  'The plaza is scheduled to open in the spring of 2026, according to planning documents released on Wednesday.',
  'The previous budget, approved in June, was 398 million dollars.',
  'The Marlow County board is expected to review the city’s request for road funds at its meeting on Thursday, officials said.',
].join(' ');

describe('opinionOf', () => {
  it('reads a comment section in the address, path or host', () => {
    for (const url of [
      'https://news.example.com/opinion/2024/05/08/budget-vote.html',
      'https://example.org/commentary/budget-vote',
      'https://example.org/news/editorials/budget-vote',
      'https://example.org/columnists/jane-doe/budget-vote',
      'https://example.org/op-ed/budget-vote',
      'https://opinion.example.org/politics/budget-vote',
    ])
      expect(opinionOf({ ...plain, url })?.kind, url).toBe('opinion');
    expect(opinionOf({ ...plain, url: 'https://example.org/news-analysis/budget-vote' })).toMatchObject({
      kind: 'analysis',
      reason: 'address section “news-analysis”',
    });
  });

  it('does not take a story slug or an ordinary section for a comment section', () => {
    for (const url of [
      'https://example.org/politics/2024/05/08/opinion-poll-shows-lead',
      'https://example.org/world/europe/budget-vote',
      'https://example.org/blog',
      // Newsrooms run news blogs: a blog is not a comment section by itself.
      'https://example.org/blogs/politics/2024/05/08/budget-vote',
      'https://blogs.example.org/politics/budget-vote',
      'not a url',
    ])
      expect(opinionOf({ ...plain, url }), url).toBeNull();
  });

  it('reads genre markers at the start of the title or the text, at the end of the title, or in the outlet label', () => {
    expect(opinionOf({ ...plain, url: null, title: 'Opinion: The budget fails the city' })?.reason).toBe(
      'title marker “Opinion”',
    );
    expect(opinionOf({ ...plain, url: null, title: 'OPINION | A budget for nobody' })?.kind).toBe('opinion');
    expect(opinionOf({ ...plain, url: null, title: 'Analysis: What the budget means' })?.kind).toBe(
      'analysis',
    );
    expect(opinionOf({ ...plain, url: null, title: 'The budget fails the city | Opinion' })?.kind).toBe(
      'opinion',
    );
    expect(
      opinionOf({
        ...plain,
        url: null,
        title: null,
        text: 'Op-Ed: The council has lost its way.\n\nIt met.',
      }),
    ).toMatchObject({ kind: 'opinion', reason: 'first-line marker “Op-Ed”' });
    expect(opinionOf({ ...plain, url: null, outlet: 'Example Gazette - Editorial' })?.reason).toBe(
      'outlet label “Editorial”',
    );
    // Two genre words joined by a slash, opening the text: opinion when one of them says so.
    expect(
      opinionOf({
        ...plain,
        url: null,
        title: null,
        text: 'ANALYSIS/OPINION: The levy will not fix the roads.',
      }),
    ).toMatchObject({ kind: 'opinion', reason: 'first-line marker “ANALYSIS/OPINION”' });
    // A headline about opinions is not a marker.
    expect(opinionOf({ ...plain, url: null, title: 'Opinion polls show the mayor ahead' })).toBeNull();
  });

  it('reads a column from its text alone: questions, "should"/"must", judgement, no attribution', () => {
    const mark = opinionOf({ ...plain, url: null, title: null, outlet: null, text: column });
    expect(mark?.kind).toBe('opinion');
    expect(mark?.reason).toMatch(/^reads as opinion \(.+; probability 0\.\d\d\)$/);
    expect(opinionProbability(column)?.probability).toBeGreaterThanOrEqual(OPINION_PROBABILITY);
  });

  it('does not mark a report: attributed, quoted, dated and named', () => {
    expect(opinionOf({ ...plain, url: null, title: null, outlet: null, text: budgetReport })).toBeNull();
    expect(opinionProbability(budgetReport)?.probability).toBeLessThan(0.2);
  });

  it('does not count what quoted people argue: a report that quotes the column is still a report', () => {
    const quoting = column
      .split(/(?<=[.?])\s+/)
      .map((s, i) => `“${s}” ${['a resident said', 'the critic wrote', 'one member said'][i % 3]}.`)
      .join(' ');
    expect(
      opinionOf({ ...plain, url: null, title: null, outlet: null, text: `${budgetReport} ${quoting}` }),
    ).toBeNull();
  });

  it('reads the signs in the author’s voice: quotation and attribution in the report, questions and "should" in the column', () => {
    const c = opinionFeatures(column);
    const r = opinionFeatures(budgetReport);
    if (!c || !r) throw new Error('both texts are long enough to read');
    expect(r.quoted).toBeGreaterThan(0.05);
    expect(c.quoted).toBe(0);
    expect(r.attribution).toBeGreaterThan(0.5);
    expect(c.attribution).toBe(0);
    expect(r.weekdays).toBeGreaterThan(c.weekdays);
    expect(c.questions).toBeCloseTo(2 / 18, 3);
    expect(c.modals).toBeGreaterThan(r.modals);
  });

  it('leaves a text too short to read unmarked by its language', () => {
    const brief = column
      .split(/(?<=[.?])\s+/)
      .slice(0, 6)
      .join(' ');
    expect(opinionFeatures(brief)).toBeNull();
    expect(opinionOf({ ...plain, url: null, title: null, outlet: null, text: brief })).toBeNull();
  });
});

describe('authorVoice', () => {
  it('blanks quotations, keeping offsets, and a quote left open runs to the end of its paragraph', () => {
    const text = 'She said “I think it is awful” today. He added: “We must act\nThe vote is Monday.';
    const voice = authorVoice(text);
    expect(voice.length).toBe(text.length);
    expect(voice).not.toMatch(/think|must/);
    expect(voice).toMatch(/She said .* today\. He added: .*\nThe vote is Monday\./s);
  });
});

describe('notDigestMaterial', () => {
  it('keeps a plain report', () => {
    for (const s of [
      'The city council approved the $40 million budget on Monday by seven votes to two.',
      'The mayor said the cuts would help close a deficit, according to a statement.',
      'Police arrested two men after the fire at the depot, officials said.',
      'Rescue teams worked through the night in the northern districts.',
    ])
      expect(notDigestMaterial(s), s).toBeNull();
  });

  it('skips photo captions and credits', () => {
    for (const s of [
      'Image caption Rescuers search the rubble of the depot on Monday.',
      'Protesters gather outside the court on Monday. Photo: Jane Doe for the Gazette.',
      'Firefighters douse the remains of a barn on Monday. (AP Photo/John Roe)',
      'A woman walks past the closed depot in the capital on Monday. Getty Images',
      'Governor Ana Reyes shakes hands with Mayor Tom Hale during their meeting at the harbour hall.',
      'Harbour Master Tom Hale and Ana Reyes shake hands at the start of the ferry talks.',
      'Calder Mayor Ana Reyes and the island’s elder Tom Hale shake hands after signing the ferry deal at the Old Mill Hotel, Halden June 12, 2018.',
    ])
      expect(notDigestMaterial(s), s).toBe('photo caption or credit');
    // Reports in the past tense, pronoun subjects and standings are no captions.
    for (const s of [
      'Governor Ana Reyes shook hands with Mayor Tom Hale during their meeting at the harbour hall.',
      'He talks to the harbour board every week about the ferry contracts and the budget.',
      'Councillor Ana Reyes stands at 45 percent in the race for the harbour seat this spring.',
      'The two leaders shook hands after signing the ferry deal in Halden on June 12, 2018.',
      'Ferry crews talk of a strike, the union said in a letter dated Halden June 12, 2018 and sent on Monday.',
    ])
      expect(notDigestMaterial(s), s).not.toBe('photo caption or credit');
  });

  it('skips credit lines, disclaimers and advertisement slots', () => {
    for (const s of [
      'Jane Doe of The Example Press contributed to this report.',
      'The views expressed here belong to the writer alone.',
      'The council said the cuts would be reviewed in a year.\n\nAdvertisement\n\nThe mayor agreed.',
    ])
      expect(notDigestMaterial(s), s).toBe('credit, disclaimer or advertisement');
  });

  it('skips links, calls to action and label-prefixed lines', () => {
    expect(notDigestMaterial('Related: Council members clash over library cuts in a late session.')).toBe(
      'link or call to action',
    );
    expect(notDigestMaterial('Read more: What the new budget means for your parking fees.')).toBe(
      'link or call to action',
    );
    expect(notDigestMaterial('Watch: The mayor defends the budget in a heated meeting.')).toBe(
      'link or call to action',
    );
    expect(notDigestMaterial('Sign up for the weekly bulletin and get council news each morning.')).toBe(
      'link or call to action',
    );
    expect(notDigestMaterial('For the latest map of the flood, visit the Calder river service.')).toBe(
      'link or call to action',
    );
    expect(notDigestMaterial('For now, the river service expects the flood to peak on Friday.')).toBe(null);
    expect(
      notDigestMaterial('THE FACTS: His decision to cut library hours came after months of talks.'),
    ).toBe('label-prefixed line');
  });

  it('skips Title Case headlines but not sentences full of names and offices', () => {
    expect(notDigestMaterial('Council Approves Budget After Long Night of Talks in City Hall.')).toBe(
      'headline',
    );
    expect(
      notDigestMaterial('Mayor Jane Doe met Governor John Roe and Senator Ann Poe in Springfield on Monday.'),
    ).toBeNull();
  });

  it('skips sentences that cannot stand alone, questions and first-person argument', () => {
    expect(notDigestMaterial('But the council did not say when the libraries would reopen.')).toBe(
      'opens with a contrast or continuation',
    );
    expect(notDigestMaterial('Still, the mayor insisted that the cuts would be temporary.')).toBe(
      'opens with a contrast or continuation',
    );
    expect(notDigestMaterial('However, two members voted against the budget on Monday.')).toBe(
      'opens with a contrast or continuation',
    );
    expect(notDigestMaterial('Will the libraries ever reopen after the cuts this year?')).toBe('question');
    expect(notDigestMaterial('I think the council has made a terrible mistake with this budget.')).toBe(
      'first-person evaluative language',
    );
    expect(
      notDigestMaterial('We must stop this shameful attack on our libraries before it is too late.'),
    ).toBe('first-person evaluative language');
    // The same words inside an attributed quote are reported speech.
    expect(
      notDigestMaterial('“I think the council has made a terrible mistake,” a librarian said on Monday.'),
    ).toBeNull();
  });

  it('skips a quotation presented as the digest’s own words', () => {
    expect(notDigestMaterial('“We will not let the libraries close without a fight.”')).toBe(
      'quotation without its speaker',
    );
  });

  it('skips continuation openers and a pronoun subject after a short lead-in', () => {
    for (const s of [
      'In fact, one councillor voted for the budget when it first came up in March.',
      'True, the board stood behind the new director during the audit.',
      'Separately, police said two officers were hurt in the crowd on Friday.',
      'Now those early lessons are on display as the mayor weighs another run.',
      'Ultimately, the council should push harder on this before the vote.',
    ])
      expect(notDigestMaterial(s), s).toBe('opens with a contrast or continuation');
    for (const s of [
      'Two years later, their work seems to be bearing fruit in the polls.',
      'In this economy, that counts as a good month for the region.',
      'On Tuesday, he told reporters the plan would go ahead as written.',
      'Days after he left the race, he formally endorsed the former governor.',
    ])
      expect(notDigestMaterial(s), s).toBe('a pronoun subject after a lead-in');
    // A lead-in before a named subject is fine.
    expect(
      notDigestMaterial('On Tuesday, the mayor told reporters the plan would go ahead as written.'),
    ).toBeNull();
  });

  it('skips sidebar text run into a sentence', () => {
    for (const s of [
      'Former Mayor Jane Roe Jane RoeCouncil votes to close libraries Roe fundraiser raises .',
      'The council approved the budget Council votes to close libraries .',
    ])
      expect(notDigestMaterial(s), s).toBe('web page text run into the sentence');
  });

  it('skips evaluative words in the outlet’s voice, but not inside a quotation or as plain news words', () => {
    const cases: [string, string][] = [
      ['The governor mounted another extraordinary attack on the state auditor on Monday.', 'extraordinary'],
      ['The region added a meager 9,000 jobs in June, the labour office said.', 'meager'],
      ['The so-called reform passed the chamber late on Thursday night.', 'so-called'],
      ['The mayor could still lose the race, possibly devastatingly so, in the autumn.', 'devastatingly'],
      ['The senator blasted her rivals at a breakfast on Thursday, the third such attack.', 'blasted'],
      ['The candidate has given voters little reason for this support, of course.', 'of course'],
      ['Apparently, the mayor has not read his own council’s report on the libraries.', 'apparently'],
      ['The furious debate over the stadium lasted until after midnight on Tuesday.', 'furious'],
    ];
    for (const [s, word] of cases)
      expect(notDigestMaterial(s), s).toBe(`evaluative word in the outlet's voice (“${word}”)`);
    for (const s of [
      'The senator called the plan “an extraordinary waste of money” in a statement on Monday.',
      'The storm killed three people and badly damaged the harbour wall, officials said.',
      'A largely peaceful march ended outside the court after the verdict on Sunday evening.',
      'The former mayor, who was convicted of fraud in 2019, won the primary by 400 votes.',
      'A truck slammed into the barrier on the ring road early on Saturday, police said.',
    ])
      expect(notDigestMaterial(s), s).toBeNull();
  });
});

describe('continuesQuotation', () => {
  it('tells a sentence inside a quotation opened earlier in its paragraph', () => {
    expect(continuesQuotation('The mayor said: “We are not done. ')).toBe(true);
    expect(continuesQuotation('The mayor said: "We are not done. ')).toBe(true);
    expect(continuesQuotation('The mayor said: “We are not done.” ')).toBe(false);
    expect(continuesQuotation('The council met on Monday. ')).toBe(false);
  });
});

describe('backReference', () => {
  it('finds subjects that point back, and their antecedents', () => {
    expect(backReference('The new projection came a day after the vote.')).toBe('projection');
    expect(backReference('The decision drew protests outside city hall.')).toBe('decision');
    expect(backReference('This move surprised members of the council.')).toBe('move');
    expect(backReference('This was the second vote in a month.')).toBe('');
    expect(backReference('Together, these cuts close the deficit.')).toBe('cuts');
    expect(backReference('The first is a cut to library hours.')).toBe('');
    expect(backReference('The two men were the mayor’s first supporters on the council.')).toBe('men');
    expect(backReference('The council approved the budget on Monday.')).toBeNull();
    expect(resolvedIn('projection', ['The agency released a projection of the deficit on Monday.'])).toBe(
      true,
    );
    expect(resolvedIn('projection', ['The council approved the budget on Monday.'])).toBe(false);
    expect(resolvedIn('', ['This was a vote.'])).toBe(false);
  });
});

describe('the digest of a story with an opinion piece and page furniture', () => {
  const news = (id: string, extra: string) =>
    article(
      id,
      [
        'The city council approved a $40 million budget on Monday after a six-hour meeting.',
        'The budget cuts library hours by a third and raises parking fees across the city.',
        'Mayor Jane Doe said the cuts would help close a deficit of $3 million.',
        extra,
        'Two council members voted against the budget, which takes effect in July.',
      ].join('\n\n'),
      { url: `https://${id}.example.com/news/2024/05/08/budget.html`, title: 'Council approves budget' },
    );
  const column = article(
    'col',
    [
      'The city council approved a $40 million budget on Monday, and I think it is a disgrace.',
      'The budget cuts library hours by a third and raises parking fees across the city.',
      'Two council members voted against the budget, which takes effect in July.',
    ].join('\n\n'),
    { url: 'https://col.example.com/opinion/2024/05/08/budget.html', title: 'A budget that fails us' },
  );
  const story = compareStory([
    news('a', 'Related: Council members clash over library cuts in a late-night session.'),
    news('b', 'But the mayor did not say when the libraries would reopen after the cuts.'),
    column,
  ]);

  it('marks the opinion piece on the article and on its facts', () => {
    expect(story.articles.find((a) => a.id === 'col')?.opinion).toEqual({
      kind: 'opinion',
      reason: 'address section “opinion”',
    });
    expect(story.articles.filter((a) => a.opinion)).toHaveLength(1);
    const fromColumn = story.facts.filter((f) => f.articles.includes('col'));
    expect(fromColumn.length).toBeGreaterThan(0);
    for (const f of fromColumn) expect(f.opinion).toEqual(['col']);
    for (const f of story.facts.filter((x) => !x.articles.includes('col'))) expect(f.opinion).toBeUndefined();
  });

  it('never takes or cites the opinion piece, nor the furniture', () => {
    expect(story.digest.length).toBeGreaterThan(0);
    for (const d of story.digest) {
      expect(d.articles).not.toContain('col');
      expect(d.evidence?.every((e) => e.article !== 'col')).toBe(true);
      expect(d.text).not.toMatch(/^(?:Related|But)\b|disgrace/);
    }
  });

  it('shows an Opinion marker next to the outlet, and on the column’s facts, in HTML and Markdown; the report stays true to the schema', async () => {
    const report = buildReport([story], new Date('2024-05-09T00:00:00Z'));
    const { reportSchemaErrors } = await import('./support/report-schema.js');
    expect(reportSchemaErrors(JSON.parse(JSON.stringify(report)))).toEqual([]);
    const html = renderHtml(report);
    expect(html).toMatch(
      /<span class="badge opinion" title="Opinion: address section “opinion”[^"]*">Opinion<\/span>/,
    );
    expect(html).toMatch(/Reported by [^"]* \(opinion piece\)/);
    const md = renderMarkdown(report);
    expect(md).toContain('_(Opinion: address section “opinion”)_');
    expect(md).toContain('✓ (opinion)');
    // Only the column is marked.
    expect(md.match(/_\(Opinion:/g)).toHaveLength(1);
  });
});

describe('a column that no address, title or outlet marks', () => {
  const report = (id: string) =>
    article(id, budgetReport, {
      url: `https://${id}.example.com/news/2024/05/08/budget.html`,
      title: 'Council passes budget',
    });
  const story = compareStory([
    report('a'),
    report('b'),
    article('col', column, {
      url: 'https://col.example.com/news/2024/05/08/plaza.html',
      title: 'A plaza for nobody',
    }),
  ]);

  it('is marked as opinion from its text, and kept out of the digest', () => {
    expect(story.articles.find((a) => a.id === 'col')?.opinion).toMatchObject({
      kind: 'opinion',
      reason: expect.stringMatching(/^reads as opinion \(/),
    });
    expect(story.articles.filter((a) => a.opinion).map((a) => a.id)).toEqual(['col']);
    for (const d of story.digest) expect(d.articles).not.toContain('col');
  });
});
