// The digest's rules added after the merged blind check (issue 13 part 3): a sentence placed in time or
// answered by one the digest does not hold, a subject set against an earlier one ("Other analysts …"), a
// person named by surname alone, a dateline with a network tag, a story left with one outlet's account, and
// citations of related coverage. Every sentence and article here is invented, in the shape of a failure.
import { describe, expect, it } from 'vitest';
import {
  citing,
  digestWithheld,
  oneAccountLeft,
  peopleBySurname,
  pronounBeforeName,
  pronounSpeaker,
  taggedDatelineEnd,
  widelyNamed,
} from '../src/compare/digest/index.js';
import {
  comparedSubject,
  definiteSubject,
  notDigestMaterial,
  resolvedIn,
  surnamesAlone,
} from '../src/compare/digest/material.js';
import { alignFacts, MANY_ARTICLES } from '../src/compare/facts/index.js';
import { compareStory, storyContext } from '../src/compare/index.js';
import type { AnnotatedArticle } from '../src/model/article.js';
import { buildReport } from '../src/report/index.js';
import { renderMarkdown } from '../src/report/md/index.js';
import { annotateText } from './support/articles.js';

describe('notDigestMaterial: leaning on a sentence the digest does not hold', () => {
  it('skips a time placed by another sentence inside the sentence, not one naming its anchor', () => {
    for (const s of [
      'The council, two years later, approved the plan for the northern district.',
      'The board resigned in March and the next day the mayor called an early election.',
    ])
      expect(notDigestMaterial(s), s).toBe('a time placed by another sentence');
    for (const s of [
      'Two days after the vote, the council approved the plan for the northern district.',
      'The mayor corrected the figure later the same day, saying it had been a typing error.',
      'The plant opened three years earlier than the company had planned in its filing.',
    ])
      expect(notDigestMaterial(s), s).toBeNull();
  });

  it('skips a reply printed without what it answers', () => {
    expect(notDigestMaterial('Doe responded, “Not this year,” and left the hall after the meeting.')).toBe(
      'a reply without what it answers',
    );
    expect(
      notDigestMaterial('The ministry responded to the audit with a statement on Friday morning.'),
    ).toBeNull();
    expect(
      notDigestMaterial(
        'When asked about the new fees, the harbour master replied, “We have no plans for them.”',
      ),
    ).toBeNull();
  });

  it('lets an "if" excuse "then", but not a sentence that points back', () => {
    expect(
      notDigestMaterial('The chief cause of that is, if the bill passes, the council keeps its seats.'),
    ).toBe('points back to something said before');
    expect(
      notDigestMaterial('If the council votes no on Monday, then the harbour plan goes back to the board.'),
    ).toBeNull();
  });
});

describe('a continuation after a short subject', () => {
  it('skips "X, for his part, …" and "X, however, …", not an apposition', () => {
    for (const s of [
      'The mayor, for her part, says the harbour fees will stay as they are.',
      'The board, however, voted to keep the harbour fees for another year.',
    ])
      expect(notDigestMaterial(s), s).toBe('opens with a contrast or continuation');
    expect(
      notDigestMaterial('Ann Ross, the harbour master, said the fees will stay as they are.'),
    ).toBeNull();
  });
});

describe('comparedSubject', () => {
  it('finds a subject set against an earlier one, and its head noun', () => {
    expect(comparedSubject('Other harbour analysts, meanwhile, said the fees help the port.')).toBe(
      'analysts',
    );
    expect(comparedSubject('Another harbour guard described the break-in as sudden and well planned.')).toBe(
      'guard',
    );
    expect(comparedSubject('A second budget fight is expected in the council after the summer.')).toBe(
      'fight',
    );
    expect(
      comparedSubject('Other than the mayor, nobody spoke at the meeting on Monday evening.'),
    ).toBeNull();
    expect(comparedSubject('The council approved other changes to the harbour plan on Monday.')).toBeNull();
  });

  it('stands when an earlier sentence holds the noun', () => {
    const noun = comparedSubject('Another harbour guard described the break-in as sudden.') as string;
    expect(resolvedIn(noun, ['A harbour guard at the depot said the gate was open.'])).toBe(true);
    expect(resolvedIn(noun, ['The depot was attacked on Monday night.'])).toBe(false);
  });
});

describe('surnamesAlone', () => {
  const before = 'Rep. Jack Kestrel won the seat in 2010. Aide Mara Lind spoke first. The race is close. ';
  it('finds a surname opening the sentence, or after an honorific, after its article gave the fuller name', () => {
    expect(surnamesAlone('Kestrel hopes to finish ahead of the mayor in the count.', before)).toEqual([
      'Kestrel',
    ]);
    expect(surnamesAlone('Kestrel’s plan is to cut the harbour fees by half next year.', before)).toEqual([
      'Kestrel',
    ]);
    expect(surnamesAlone('The office did not dispute that Ms Lind made the comment.', before)).toEqual([
      'Lind',
    ]);
  });

  it('leaves alone a name never given in full, a word the article also uses in lower case, and a full name', () => {
    expect(surnamesAlone('Kestrel hopes to finish ahead of the mayor.', 'The race is close. ')).toEqual([]);
    expect(surnamesAlone('Kestrel said so.', 'Ms Kestrel spoke. The race is close. ')).toEqual([]);
    expect(
      surnamesAlone('Harbour fees rose again in May.', 'Old Harbour fees were cut. The harbour is full. '),
    ).toEqual([]);
    expect(surnamesAlone('Jack Kestrel hopes to finish ahead of the mayor.', before)).toEqual([]);
  });
});

describe('peopleBySurname', () => {
  it('finds a person named by surname alone after a fuller mention, anywhere in the sentence', () => {
    const body =
      'Rep. Jack Kestrel won the Senate primary in Calder on Tuesday night.\n\nTwo farm groups back Kestrel in the runoff against the mayor.';
    const a = annotateText(body, 'k');
    const second = body.indexOf('Two farm');
    expect(peopleBySurname(a, second, body.length)).toEqual(['Kestrel']);
    // The first sentence names him in full.
    expect(peopleBySurname(a, 0, second)).toEqual([]);
  });
});

describe('widelyNamed', () => {
  it('knows the person most leads name, not one of several people every article lists further down', () => {
    const body = (lead: string) =>
      `${lead}\n\nThe ferry sank near the outer quay in fog on Monday night.\n\nThe crew named the missing as Ana Lind, Tomas Berg and Eva Rask.`;
    const { ctx } = storyContext([
      article('a', body('Captain Jack Kestrel was charged on Tuesday over the ferry sinking.'), 'Outlet A'),
      article('b', body('Prosecutors charged Jack Kestrel, the ferry captain, on Tuesday.'), 'Outlet B'),
      article('c', body('The ferry’s captain, Jack Kestrel, faces charges over the sinking.'), 'Outlet C'),
    ]);
    expect(widelyNamed(ctx, 'Kestrel')).toBe(true);
    expect(widelyNamed(ctx, 'Lind')).toBe(false);
  });
});

describe('pronounBeforeName', () => {
  it('finds a pronoun for a person the sentence does not name before it', () => {
    const body =
      'Rep. John Kestrel won the Senate primary in Calder on Tuesday night.\n\nA farm lobby has paid for radio spots in his name since May.\n\nRep. John Kestrel thanked his supporters in Calder on Wednesday.';
    const a = annotateText(body, 'k');
    const second = body.indexOf('A farm');
    const third = body.indexOf('Rep. John Kestrel thanked');
    expect(pronounBeforeName(a, second, third)).toBe(true);
    expect(pronounBeforeName(a, third, body.length)).toBe(false);
  });
});

describe('page furniture', () => {
  it('skips the newsroom’s own steps and a sidebar link glued to a name', () => {
    expect(
      notDigestMaterial('The Daily Example reached out to the company on Monday night for comment.'),
    ).toBe('credit, disclaimer or advertisement');
    expect(
      notDigestMaterial(
        'The crowd followed Mayor Ann Lee KestrelSenators brace for a vote to the harbour gate.',
      ),
    ).toBe('web page text run into the sentence');
    for (const s of [
      'The general MacArthur papers were moved to the new archive in the capital on Monday.',
      'The clip was posted on YouTube and shared by WikiLeaks on Monday night.',
    ])
      expect(notDigestMaterial(s), s).toBeNull();
  });
});

describe('a subject that says whose, and a speaker that does not', () => {
  it('lets "the X of <name>" stand, not "the X of the effort"', () => {
    expect(definiteSubject('The son of Senator Ann Ross has answered the aide’s remark.')).toBeNull();
    expect(definiteSubject('The heart of the plan is making the cuts permanent.')).toBe('heart');
    expect(definiteSubject("Monday's decision kept the old harbour fees in place.")).toBe('decision');
    expect(definiteSubject("Monday's vote count showed the mayor ahead.")).toBe('vote');
  });

  it('finds a pronoun speaker inside a sentence that names no one speaking before it', () => {
    expect(
      pronounSpeaker('Two earlier plans reached a council vote, he argued on Monday, and the rest did not.'),
    ).toBe(true);
    expect(pronounSpeaker('Ann Ross said the vote was fair, she added on Sunday, and left.')).toBe(false);
    expect(pronounSpeaker('The council approved the plan on Monday, ending a long dispute.')).toBe(false);
  });
});

describe('taggedDatelineEnd', () => {
  it('skips a dateline with a network tag, not a party tag', () => {
    const text = 'Springfield, Illinois (XYZ) The mayor said on Friday that the harbour will reopen.';
    expect(text.slice(taggedDatelineEnd(text, 0))).toMatch(/^The mayor said/);
    const party = 'Sen. Jon Doe (R-Ohio) Said nothing about the harbour on Friday.';
    expect(taggedDatelineEnd(party, 0)).toBe(0);
    const plain = 'The mayor (who took office in May) said the harbour will reopen.';
    expect(taggedDatelineEnd(plain, 0)).toBe(0);
  });
});

function article(id: string, body: string, outlet: string): AnnotatedArticle {
  return annotateText(body, id, { outlet });
}

describe('a story with one outlet left for the digest', () => {
  it('is left when every other outlet is set aside, not when two outlets remain', () => {
    const { ctx } = storyContext([
      article('a', 'The council approved the harbour budget on Monday after a long debate.', 'Outlet A'),
      article('b', 'The council approved the harbour budget on Monday night.', 'Outlet B'),
      article('c', 'The harbour budget passed the council on Monday.', 'Outlet C'),
    ]);
    expect(oneAccountLeft(ctx, new Set(['b', 'c']))).toBe(true);
    expect(oneAccountLeft(ctx, new Set(['c']))).toBe(false);
    expect(oneAccountLeft(ctx, new Set())).toBe(false);
  });

  it('says why there is no digest', () => {
    const { ctx } = storyContext([
      article('a', 'The council approved the harbour budget on Monday after a long debate.', 'Outlet A'),
      article('b', 'The council approved the harbour budget on Monday night.', 'Outlet B'),
    ]);
    expect(digestWithheld(ctx, new Set(['b']))).toMatch(
      /^Only the reporting of Outlet A is left beside opinion/,
    );
    expect(digestWithheld(ctx, new Set(['a', 'b']))).toMatch(/^Every article reads as opinion/);
    expect(digestWithheld(ctx, new Set())).toMatch(/share too little/);
    // Through the report: a one-report story beside a column carries the reason, and the views print it.
    const story = compareStory([
      article('a', 'The council approved the harbour budget on Monday after a long debate.', 'Outlet A'),
      article(
        'b',
        Array.from(
          { length: 8 },
          () =>
            'I think the council was wrong about the harbour budget, and you should be angry about it too. ',
        ).join(''),
        'Outlet B',
      ),
    ]);
    expect(story.digest).toEqual([]);
    expect(story.digestWithheld).toMatch(/^Only the reporting of Outlet A/);
    expect(renderMarkdown(buildReport([story]))).toContain('_No digest. Only the reporting of Outlet A');
  });
});

describe('citations of related coverage', () => {
  // As in compare-fact-groups.test.ts: two accounts of one matter that are not surely one claim, in a
  // story of MANY_ARTICLES articles (related coverage) and in a story of two (a shared fact).
  const filler = (i: number) =>
    `The ferry to island number ${i + 10} was delayed for ${i + 2} hours by fog on the ${['north', 'east', 'west', 'south', 'outer', 'inner', 'old', 'new', 'lower', 'upper'][i]} crossing.`;
  const close = [
    'The Calder council approved the harbour budget on Monday, ending a dispute over the dredging of the old quay.',
    'After months of dispute over the dredging of the old quay, the harbour budget won the Calder council’s approval.',
  ];
  const factOf = (texts: string[]) => {
    const { ctx } = storyContext(texts.map((t, i) => article(`a${i}`, t, `Outlet ${i + 1}`)));
    const fact = alignFacts(ctx).facts.find((f) => /dredging/.test(f.text) && f.articles.length === 2);
    if (!fact) throw new Error('no dredging fact');
    return { ctx, fact };
  };

  it('cite only the sentence’s own article below the shared-fact bar, both in a small story', () => {
    const many = factOf([
      close[0] as string,
      close[1] as string,
      ...Array.from({ length: MANY_ARTICLES - 2 }, (_, i) => filler(i)),
    ]);
    expect(many.fact.related).toBe(true);
    const taken = many.fact.evidence[0];
    if (!taken) throw new Error('no evidence');
    expect(citing(many.ctx, many.fact, taken)).toEqual([taken.article]);

    const small = factOf([close[0] as string, close[1] as string]);
    expect(small.fact.related).toBeUndefined();
    const first = small.fact.evidence[0];
    if (!first) throw new Error('no evidence');
    expect(citing(small.ctx, small.fact, first)).toHaveLength(2);
  });
});

describe('citations between a quotation and a report', () => {
  it('do not join someone’s words with the outlet’s own statement', () => {
    const report =
      'The Calder council approved the harbour budget of 40 million dollars on Monday after a long debate.';
    const quote =
      '“The Calder council approved the harbour budget of 40 million dollars on Monday after a long debate,” the mayor said.';
    const { ctx } = storyContext([article('a', report, 'Outlet A'), article('b', quote, 'Outlet B')]);
    const fact = alignFacts(ctx).facts.find((f) => f.articles.length === 2);
    if (!fact) throw new Error('no shared fact');
    const own = fact.evidence.find((e) => e.article === 'a');
    if (!own) throw new Error('no evidence');
    expect(citing(ctx, fact, own)).toEqual(['a']);
    // Two reports of it cite each other.
    const { ctx: two } = storyContext([article('a', report, 'Outlet A'), article('c', report, 'Outlet C')]);
    const both = alignFacts(two).facts.find((f) => f.articles.length === 2);
    const first = both?.evidence[0];
    if (!both || !first) throw new Error('no shared fact');
    expect(citing(two, both, first)).toHaveLength(2);
  });
});
