// Which way a date without a year points: back from publication (the news default, "the council voted
// on March 30") or forward ("the council will vote on March 30", "the summit is scheduled for June 12").
// The tense of the clause decides, read from the words nearest the date in its sentence: the closest
// tense marker before it, else the closest after it ("On May 8, the museum will open"). So in "Officials
// said on Tuesday that the bridge will reopen on Saturday", Tuesday is governed by "said" (back) and
// Saturday by "will" (forward).
import { compromiseLexicon } from '../../nlp/compromise.js';

export type Direction = 'future' | 'past';

/** How far around the date the sentence is read; a clause governing a date is well inside this. */
const WINDOW = 200;

/**
 * A sentence ends at . ! ? (with a closing quote or bracket) and a space. An abbreviation ("Mr. Lee
 * will speak on Monday") cuts the clause short, which only loses words far from the date.
 */
const SENTENCE_END = /[.!?]["”’)]*\s/g;

/** The markers are English words; a plain ASCII word pattern is several times faster than \p{L}. */
const SENTENCE_END_AFTER = /[.!?]["”’)]*(?:\s|$)/;
const WORD = /[A-Za-z][A-Za-z'’]*/g;

/**
 * Words that put the clause ahead of publication. Modals and "going to"; scheduling words ("scheduled",
 * "slated", "upcoming"); "set/due/expected/plans … to"; "ahead" (but not "ahead of", which only orders
 * two events: "protesters gathered on Sunday ahead of the vote"); "next" ("the next hearing, on May 3").
 */
const FUTURE_WORDS: ReadonlySet<string> = new Set([
  'will',
  'shall',
  "won't",
  'won’t',
  'upcoming',
  'forthcoming',
  'scheduled',
  'rescheduled',
  'slated',
  'next',
]);
/** Scheduling words, future unless a past auxiliary stands before them. */
const SCHEDULING: ReadonlySet<string> = new Set(['scheduled', 'rescheduled', 'slated']);
const PAST_AUXILIARY: ReadonlySet<string> = new Set(['was', 'were', 'had']);

/** Future only before these words: "set to", "set for", "due on", "expected to", "plans to". */
const FUTURE_BEFORE: Readonly<Record<string, ReadonlySet<string>>> = {
  set: new Set(['to', 'for']),
  due: new Set(['to', 'on', 'in', 'for', 'at', 'by']),
  expected: new Set(['to']),
  plans: new Set(['to']),
  plan: new Set(['to']),
  planned: new Set(['for', 'to']),
  planning: new Set(['to']),
  going: new Set(['to']),
  intends: new Set(['to']),
  aims: new Set(['to']),
};

/** Words that put the clause before publication, whatever the verb: "two days ago", "earlier". */
const PAST_WORDS: ReadonlySet<string> = new Set([
  'was',
  'were',
  'had',
  'did',
  'ago',
  'previously',
  'yesterday',
]);

/**
 * Before a past participle these make it present or future ("is closed", "will stay closed", "to be
 * reopened"), so the participle says nothing about the time: the search goes on to the words before it.
 */
const NON_PAST_AUXILIARY: ReadonlySet<string> = new Set([
  'is',
  'are',
  'am',
  'be',
  'being',
  'stay',
  'stays',
  'remain',
  'remains',
  'get',
  'gets',
  'to',
]);

/**
 * Present-tense verbs of saying and thinking report, they do not schedule: "she says the vote on Friday
 * was fair". Only other present verbs directly before the date schedule it ("the trial begins on
 * January 19", "the museum opens in May").
 */
const REPORTING_PRESENT: ReadonlySet<string> = new Set([
  'says',
  'tells',
  'claims',
  'argues',
  'writes',
  'notes',
  'adds',
  'insists',
  'reports',
  'believes',
  'thinks',
  'knows',
  'shows',
  'suggests',
  'recalls',
  'remembers',
]);
/** A scheduling present verb may stand this many words before the date ("begins on", "opens in"). */
const PRESENT_REACH = 2;
const PREPOSITIONS: ReadonlySet<string> = new Set(['on', 'in', 'at', 'from', 'by', 'until', 'for']);

// compromise's lexicon (MIT licence) lists inflected forms with their tense: "met", "held", "returned"
// are PastTense, "begins" PresentTense, "rose" and "hit" nouns (left undecided).
const lexicon = compromiseLexicon;

function tags(word: string): readonly string[] {
  const tag = lexicon[word];
  return Array.isArray(tag) ? tag : tag ? [tag] : [];
}

/** A past form: the lexicon says so, or an unknown word ending in -ed ("reopened", "evacuated"). */
function isPastForm(word: string): boolean {
  if (FUTURE_WORDS.has(word) || word in FUTURE_BEFORE) return false;
  const t = tags(word);
  if (t.includes('PastTense')) return true;
  if (t.length > 0 && !t.includes('Adjective')) return false;
  return word.length > 4 && word.endsWith('ed') && !word.endsWith('eed');
}

function wordsOf(text: string): string[] {
  return (text.toLowerCase().replace(/’/g, "'").match(WORD) ?? []) as string[];
}

/** The marker at words[i], reading what follows it in `words` (the sentence order). */
function markerAt(words: readonly string[], i: number, distance: number): Direction | null {
  const word = words[i] ?? '';
  const next = words[i + 1] ?? '';
  if (SCHEDULING.has(word) || FUTURE_BEFORE[word]?.has(next)) {
    // "was scheduled for Monday", "were expected to vote on Friday": the plan is reported as past.
    return PAST_AUXILIARY.has(words[i - 1] ?? '') ? 'past' : 'future';
  }
  if (FUTURE_WORDS.has(word) || word.endsWith("'ll")) return 'future';
  if (word === 'ahead') return next === 'of' ? null : 'future';
  if (PAST_WORDS.has(word)) return 'past';
  if (isPastForm(word)) return NON_PAST_AUXILIARY.has(words[i - 1] ?? '') ? null : 'past';
  if (distance <= PRESENT_REACH && !REPORTING_PRESENT.has(word) && tags(word).includes('PresentTense'))
    return 'future';
  return null;
}

/**
 * The direction the clause around [start, end) gives a date without a year, or null when the sentence
 * has no tense marker (the caller then keeps the past default).
 */
export function directionAt(text: string, start: number, end: number): Direction | null {
  const before = text.slice(Math.max(0, start - WINDOW), start);
  let sentenceStart = 0;
  for (const m of before.matchAll(SENTENCE_END)) sentenceStart = (m.index ?? 0) + m[0].length;
  const beforeWords = wordsOf(before.slice(sentenceStart));
  for (let i = beforeWords.length - 1; i >= 0; i--) {
    // The words between the marker and the date, skipping a preposition ("begins on May 1").
    let distance = beforeWords.length - i;
    if (PREPOSITIONS.has(beforeWords[beforeWords.length - 1] ?? '')) distance -= 1;
    const found = markerAt(beforeWords, i, distance);
    if (found) return found;
  }
  const after = text.slice(end, end + WINDOW);
  const stop = after.search(SENTENCE_END_AFTER);
  const afterWords = wordsOf(stop >= 0 ? after.slice(0, stop) : after);
  for (let i = 0; i < afterWords.length; i++) {
    const found = markerAt(afterWords, i, Number.POSITIVE_INFINITY);
    if (found) return found;
  }
  return null;
}
