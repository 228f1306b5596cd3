// Two sentences that share only a description of someone (a relative clause, an apposition, an aside
// between dashes) or only names are not one claim (facts/claims.ts sharedDescriptionOnly, the "nothing
// said in common" veto; text/descriptions.ts). Invented sentences through the public analyze().
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/api/analyze.js';
import { descriptionSpans } from '../src/compare/text/descriptions.js';
import type { Unit } from '../src/compare/text/units.js';
import type { Fact, Story } from '../src/model/report.js';

async function storyOf(texts: string[]): Promise<Story> {
  const report = await analyze(
    texts.map((text, i) => ({ id: `a${i}`, title: '', text, outlet: `Outlet ${i + 1}` })),
    { now: new Date(0) },
  );
  const found = report.stories[0];
  if (!found) throw new Error('no story');
  return found;
}

const several = (s: Story): Fact[] => s.facts.filter((f) => new Set(f.articles).size >= 2);

describe('a shared description is not a shared claim', () => {
  it('keeps apart two claims around one relative clause', async () => {
    const s = await storyOf([
      'Mayor Edna Corwell, who led the harbor city of Valmont between 1990 and 1998, died late on Friday at the age of 88.',
      'Mayor Edna Corwell, who led the harbor city of Valmont between 1990 and 1998, had been treated for a lung illness since March.',
    ]);
    expect(several(s)).toEqual([]);
  });

  it('keeps apart two claims around one apposition', async () => {
    const s = await storyOf([
      'Dana Pirelli, a former producer at the Morning Ledger network, launched the first weekly video broadcast on Sunday.',
      'In one video Dana Pirelli, a former producer at the Morning Ledger network, explained that viewers can tune in on the website.',
    ]);
    expect(several(s)).toEqual([]);
  });

  it('keeps apart a claim and a description of one person between dashes', async () => {
    const s = await storyOf([
      'Police were called last April by a neighbour of Dr. Lena Vosk -a heart surgeon who was the first woman to graduate from the Calder medical school- after a quarrel.',
      'Dr. Lena Vosk was the first woman to graduate from the Calder medical school.',
    ]);
    expect(several(s)).toEqual([]);
  });

  it('still joins one claim told with the same description', async () => {
    const s = await storyOf([
      'Mayor Edna Corwell, who led the harbor city of Valmont between 1990 and 1998, died late on Friday at the age of 88.',
      'Corwell, who served as mayor of Valmont between 1990 and 1998, died on Friday evening, her family said.',
    ]);
    expect(several(s)).toHaveLength(1);
  });
});

describe('names alone are not a claim', () => {
  it('keeps apart two sentences sharing only a list of places', async () => {
    const s = await storyOf([
      'Overall the rulings were a win for the governor, who has fought for months over visitors from Norway, Chile, Peru, Kenya and Japan.',
      'In the same decade, four engineers came from Norway, two from Kenya, three from Peru and one from Japan.',
    ]);
    expect(several(s)).toEqual([]);
  });
});

describe('descriptionSpans', () => {
  // Only the fields descriptionSpans reads: the unit's span and its actor mentions.
  const unitOf = (text: string, names: string[]): Unit =>
    ({
      start: 0,
      end: text.length,
      actorMentions: names.map((n) => ({
        start: text.indexOf(n),
        end: text.indexOf(n) + n.length,
        key: `a:${n}`,
      })),
    }) as unknown as Unit;
  const spans = (text: string, names: string[] = []) =>
    descriptionSpans(unitOf(text, names), text).map((s) => text.slice(s.start, s.end));

  it('finds a relative clause, an apposition after a name and an aside between dashes', () => {
    expect(spans('The library, which opened in 1950, will close.')).toEqual([', which opened in 1950']);
    expect(spans('Dana Pirelli, a former producer, left.', ['Dana Pirelli'])).toEqual([
      ', a former producer,',
    ]);
    expect(spans('A friend of Vosk -a surgeon from Calder- called.')).toEqual([' -a surgeon from Calder-']);
    expect(spans('Founded in 1990 by two nurses, the league now runs six clinics.')).toEqual([
      'Founded in 1990 by two nurses,',
    ]);
  });

  it('leaves alone a phrase after an opening time word and a dash joining two clauses', () => {
    expect(spans('On Monday, the council voted 7-2, approving the plan.')).toEqual([]);
    expect(spans('The council voted on Monday - and the mayor resigned.')).toEqual([]);
  });
});

describe('lines that report the newsroom, not the news', () => {
  it('joins no fact on two outlets asking for comment', async () => {
    const s = await storyOf([
      // Each outlet's own request: two events, however alike the lines read.
      'The transport agency has not replied to several emails about the harbor audit sent on Monday.',
      'The transport agency did not reply to multiple emails about the harbor audit.',
    ]);
    expect(several(s)).toEqual([]);
  });

  it('joins no fact on a line leading into a quotation', async () => {
    const s = await storyOf([
      'The Ross campaign released a statement by spokesman Tom Hale critical of the harbor committee inquiry:',
      'In a statement after the harbor committee hearing on Thursday, Ross spokesman Tom Hale claimed the testimony cleared the mayor.',
    ]);
    expect(several(s)).toEqual([]);
  });
});

describe('occasions years apart', () => {
  it('keeps apart two events dated by different years', async () => {
    const s = await storyOf([
      'In 1996 the builder Tom Hale was acquitted of the fraud charges over the collapse of the Valmont harbor bridge.',
      'Tom Hale told the board that the fraud charges over the collapse of the Valmont harbor bridge in 1995 had ruined him.',
    ]);
    expect(several(s)).toEqual([]);
  });

  it('joins one event dated by the same year', async () => {
    const s = await storyOf([
      'In 1996 the builder Tom Hale was acquitted of the fraud charges over the collapse of the Valmont harbor bridge.',
      'Tom Hale was acquitted in 1996 of fraud charges over the collapse of the harbor bridge in Valmont.',
    ]);
    expect(several(s)).toHaveLength(1);
  });
});

describe('an opening participle phrase', () => {
  it('is a description: two claims sharing only where something was posted stay apart', async () => {
    const s = await storyOf([
      'Posted to the Valmont rowing club website, the video segments run once a week opposite the evening football broadcast.',
      '“That is all from the boathouse,” Coach Ida Marr said at the end of a short video posted on the Valmont rowing club website.',
    ]);
    expect(several(s)).toEqual([]);
  });
});
