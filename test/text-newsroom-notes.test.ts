// A newsroom's notes about the article itself (src/text/newsroom-notes.ts): no fact, no digest line, and a
// paragraph that opens with one is cleaned away. Invented sentences in the shape of the notes read on news.
import { describe, expect, it } from 'vitest';
import { classifyParagraphs } from '../src/clean/boilerplate.js';
import { isNewsroomNote, isNoteAboutTheStory } from '../src/text/newsroom-notes.js';
import { twoOutletStory } from './support/two-outlet-story.js';

describe('notes about the article', () => {
  it('are recognised with or without a label before them', () => {
    for (const note of [
      'This is a developing story.',
      'This story has been updated with new figures from the county.',
      "Editor's note: An earlier version of this article gave the wrong date for the vote.",
      'UPDATE June 3: This article was corrected to give the mayor’s full title.',
      'We will update as the situation develops.',
      'Please check back for updates.',
    ])
      expect(isNoteAboutTheStory(note), note).toBe(true);
  });

  it('leave sentences about other stories and reports alone', () => {
    for (const sentence of [
      'This report was revised in May to include the county’s figures.',
      'The story of the flood is a developing one, the mayor said.',
      'We will not update the rules until the court rules, the minister said.',
      'Her story has been updated for a new generation of readers.',
    ])
      expect(isNoteAboutTheStory(sentence), sentence).toBe(false);
  });

  it('take the newsroom’s sentences after them out of the paragraph, up to a measured length', () => {
    const note =
      'This is a developing story. Early reports are often wrong. We will rely on what officials at the ' +
      'scene confirm. We will update as the situation develops.';
    expect(isNewsroomNote(note)).toBe(true);
    const verdicts = classifyParagraphs([
      'A storm flooded the harbour road in Calder on Monday, officials said.',
      note,
    ]);
    expect(verdicts[1]).toEqual({ keep: false, reason: "newsroom's note" });
    const long = `This story has been updated. ${'The council met again on Tuesday to discuss the road. '.repeat(10)}`;
    expect(isNewsroomNote(long)).toBe(false);
  });

  it('are no facts, not even exclusive ones', async () => {
    const story = await twoOutletStory(
      'A storm flooded the harbour road in Calder on Monday. This story has been updated.',
      'A storm flooded the harbour road in Calder on Monday, officials said.',
    );
    expect(story.facts.map((f) => f.text).join(' | ')).not.toMatch(/updated/);
    expect(story.facts.some((f) => /flooded/.test(f.text))).toBe(true);
  });
});

describe('boxes and cards run into an article', () => {
  it('is cleaned away, wherever it stands', () => {
    const box =
      'Sign up for the Morning Ledger, the day’s news in your inbox. By signing up you agree to receive ' +
      'our emails. You can unsubscribe at any time. This site is protected by a spam filter.';
    const body = 'The council met in Calder on Monday to discuss the harbour road, officials said.';
    const verdicts = classifyParagraphs([body, body, body, box, body, body, body, body]);
    expect(verdicts[3]).toEqual({ keep: false, reason: 'call to action' });
  });

  it('leaves a paragraph with one aside to the reader alone', () => {
    const body = 'The council met in Calder on Monday to discuss the harbour road, officials said.';
    const aside =
      'The road floods twice a year. If you drive it, you know the detour. The council wants a new wall. ' +
      'Work could start in May.';
    const verdicts = classifyParagraphs([body, body, body, aside, body, body, body, body]);
    expect(verdicts[3]).toEqual({ keep: true, kind: 'paragraph' });
  });

  it('drop a related story’s audio card, not a paragraph that quotes a length', () => {
    const body = 'The council met in Calder on Monday to discuss the harbour road, officials said.';
    const card =
      'Politics Rep. Ann Lee: Harbour Bill Must Wait Rep. Ann Lee: Harbour Bill Must Wait Listen · 4:49 4:49';
    const verdicts = classifyParagraphs([body, body, card, body, body]);
    expect(verdicts[2]).toEqual({ keep: false, reason: 'related link' });
    expect(classifyParagraphs([body, 'The race ended in 4:49 after a late sprint.', body])[1]).toEqual({
      keep: true,
      kind: 'paragraph',
    });
  });
});
