// Bounds on the user's kept work (notes, saved searches; KeptWorkStore in store.ts) and their one-line
// refusals, shared by both backends so SQLite and PostgreSQL refuse the same input with the same words.

import { ParallaxError } from '../errors.js';

/**
 * How much kept work a library holds. A note is a paragraph or two, not a document: 4,000 characters is
 * about 600 words. The saved-search list runs every search (its best 200 hits) to count what is new: on the
 * allsides library (37,540 articles) at load 15 on 2 cores five searches took 0.36–0.82 s, so 50 stay
 * within ~8 s, well inside the 30 s a request may take; the answer is then kept until the library changes.
 */
export const KEPT_WORK_BOUNDS = {
  noteChars: 4_000,
  notes: 10_000,
  savedSearches: 50,
  searchNameChars: 200,
  searchQueryChars: 2_000,
} as const;

/**
 * A finding's anchor as the story page writes it ("fact-f3", "s1-actor-a2", "s0-q-q1", "s0-d4"): letters,
 * digits and hyphens. Anything else cannot be a finding, and refusing it keeps anchors plain in URLs.
 */
const FINDING = /^[A-Za-z0-9][A-Za-z0-9-]{0,99}$/;

function usage(message: string): ParallaxError {
  return new ParallaxError('USAGE', message);
}

/** Characters as a reader counts them (code points), so an emoji is one, not two. */
function length(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export function checkNoteText(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') throw usage('a note needs some text; it is empty');
  const n = length(trimmed);
  if (n > KEPT_WORK_BOUNDS.noteChars)
    throw usage(`a note holds at most ${KEPT_WORK_BOUNDS.noteChars} characters; this one has ${n}`);
  return trimmed;
}

export function checkFinding(finding: string | null): string | null {
  if (finding === null || finding === '') return null;
  if (!FINDING.test(finding))
    throw usage(
      `"${finding.slice(0, 40)}" is not a finding's anchor (letters, digits and hyphens, like "fact-f3")`,
    );
  return finding;
}

/** Longest finding label kept: enough to tell two facts apart, short of a whole article. */
export const FINDING_LABEL_CHARS = 500;

/** A finding's label as kept: trimmed, spaces folded, clipped (never refused: the page derives it). */
export function findingLabel(finding: string | null, label: string | null | undefined): string | null {
  if (finding === null || label === null || label === undefined) return null;
  const folded = label.trim().replace(/\s+/g, ' ');
  if (folded === '') return null;
  return [...folded].slice(0, FINDING_LABEL_CHARS).join('');
}

export function checkStoryId(storyId: number): number {
  if (!Number.isSafeInteger(storyId) || storyId < 1)
    throw usage(`a story id is a whole number of at least 1; got ${storyId}`);
  return storyId;
}

export function tooManyNotes(): ParallaxError {
  return usage(
    `the library already holds ${KEPT_WORK_BOUNDS.notes} notes, the most it keeps; delete some to add more`,
  );
}

export function noSuchStory(storyId: number): ParallaxError {
  return usage(`there is no story ${storyId} to add a note to`);
}

export function checkSavedSearch(name: string, query: string): { name: string; query: string } {
  const q = query.trim().replace(/^\?/, '');
  if (q === '') throw usage('a saved search needs its search parameters (q=…); they are empty');
  if (length(q) > KEPT_WORK_BOUNDS.searchQueryChars)
    throw usage(
      `a saved search's parameters hold at most ${KEPT_WORK_BOUNDS.searchQueryChars} characters; these have ${length(q)}`,
    );
  const n = name.trim().replace(/\s+/g, ' ');
  if (n === '') throw usage('a saved search needs a name; it is empty');
  if (length(n) > KEPT_WORK_BOUNDS.searchNameChars)
    throw usage(
      `a saved search's name holds at most ${KEPT_WORK_BOUNDS.searchNameChars} characters; this one has ${length(n)}`,
    );
  return { name: n, query: q };
}

export function tooManySavedSearches(): ParallaxError {
  return usage(
    `the library already keeps ${KEPT_WORK_BOUNDS.savedSearches} saved searches, the most it keeps; remove one to save another`,
  );
}
