// Decide, paragraph by paragraph, what is article and what is page furniture. The decision rests on the
// shape of the text, never on phrases copied from particular sites:
//  - calls to action are imperatives or address the reader ("Follow our coverage on @handle",
//    "You can also highlight the text and press …"), and carry no quotation marks;
//  - related-article lists are a short lead line ("Read also") followed by bullets or headline-shaped
//    items (no sentence punctuation);
//  - "Label: Headline In Title Case" lines are single related links;
//  - captions carry a credit ("Photo: AGENCY/NAME", "(Photo by …)", "©");
//  - contributor credits ("Jane Doe contributed to this report.", src/text/credits.ts);
//  - a newsroom's notes about the article ("This is a developing story. We will update …",
//    src/text/newsroom-notes.ts);
//  - footers are a short label ending in a colon followed by URLs, and bare URLs;
//  - headings are short lines without sentence punctuation that introduce a body paragraph; one with no
//    body after it is a dangling label ("Comments").
import { compromiseLexicon, nlp } from '../nlp/compromise.js';
import { isContributorCredit } from '../text/credits.js';
import { isNewsroomNote } from '../text/newsroom-notes.js';
import { wordCount as countWords } from '../text/words.js';
import { isEmbeddedPost } from './embedded-posts.js';
import { AUDIO_PLAYER } from './title.js';

export type ParagraphVerdict =
  | { keep: true; kind: 'paragraph' | 'heading' }
  | { keep: false; reason: RemovalReason };

export type RemovalReason =
  | 'call to action'
  | 'related-article list'
  | 'related link'
  | 'photo caption and credit'
  | 'source footer'
  | 'bare URL'
  | 'embedded post'
  | 'contributor credit'
  | "newsroom's note"
  | 'dangling label';

/** Boilerplate lines are short; a longer paragraph is article text whatever its shape. */
const MAX_BOILERPLATE_WORDS = 30;
/** Headings and list items are at most this long. */
const MAX_HEADLINE_WORDS = 25;
/** A list lead ("Read also", "More on this story:") is at most this long. */
const MAX_LEAD_WORDS = 5;
/** Reader address ("you can …") counts as a call to action only near the edges or when this short. */
const SHORT_ADDRESS_WORDS = 15;
const EDGE_PARAGRAPHS = 3;

const TERMINAL = /[.!?…;]["”’»)\]]*$/;
const QUOTE_MARKS = /["“”«»]/;
const BULLET_ONLY = /^[-–—•*·▪►>|]+$/;
const BULLET_ITEM = /^([-–—•*·▪►]|\d{1,2}[.)])\s+\S/;
const BARE_URL = /^(https?:\/\/|www\.)\S+$/;
const LABEL_ONLY = /^[\p{L}][\p{L}'’ ]{0,30}:$/u;
const LABEL_THEN_URL = /^[\p{L}][\p{L}'’ ]{0,30}:\s*(https?:\/\/|www\.)\S+$/u;
const LABEL_THEN_TEXT = /^([\p{L}][\p{L}'’ ]{0,30}):\s+(\S.*)$/u;
const SOCIAL_HANDLE = /(^|[\s(])@[\w.]{2,}/;
const READER_ADDRESS = /\b(you|your)\b/i;
// Credits name the kind of picture and who made it: "Photo: EPA-EFE/NAME", "(Photo by Jane Doe/Herald)",
// "Image credit: …", "© Agency 2024".
const CREDIT = [
  /(^|[\s(])(photo|photograph|image|picture|illustration|video|graphic|credit|foto)s?(\s+(credit|courtesy))?\s*[:©]\s*\S/i,
  /\((photo|photograph|image|picture|illustration)s?\s+(by|credit|courtesy)\b[^)]*\)/i,
  /(^|\s)(photo|photograph|image|picture)s?\s+by\s+\p{Lu}/iu,
  /©/,
  // A wire picture's credit at the end, agency in capitals before the photographer or the picture
  // service: "… in Halden, Norway, March 3, 2019. WIRE/Jana Roe", "… ANN LEE/Picture Agency". Never with a
  // full stop after it ("… according to ABC/Radio Example." is a sentence): 678 allsides paragraphs, all
  // captions or credit lines.
  /(^|\s)\p{Lu}{2,}(?: \p{Lu}{2,})?\/ ?\p{Lu}\p{Ll}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}(?<!\.)\s*$/u,
];

/** A caption with its credit is at most this long. */
const MAX_CAPTION_WORDS = 80;
/**
 * Every test below compares word counts with limits of at most this many words, so counting stops past
 * it: most paragraphs are longer, and are then counted only up to here.
 */
const COUNTED_WORDS = Math.max(MAX_CAPTION_WORDS, MAX_BOILERPLATE_WORDS * 2);

/** Every test below asks for word counts; a paragraph is counted once per classification. */
const wordCounts = new Map<string, number>();

/** Words in `text`, exact up to COUNTED_WORDS (COUNTED_WORDS + 1 means "more"). */
function wordCount(text: string): number {
  let count = wordCounts.get(text);
  if (count === undefined) {
    count = countWords(text, COUNTED_WORDS);
    wordCounts.set(text, count);
  }
  return count;
}

function isAllCaps(text: string): boolean {
  // Most paragraphs hold a lower-case ASCII letter, which settles it without collecting the letters.
  if (/[a-z]/.test(text)) return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase();
}

/** Share of words that start with a capital letter, ignoring short function words. */
function titleCaseShare(text: string): number {
  const words = text
    .split(/\s+/)
    .filter((w) => /^[\p{L}"“'‘]/u.test(w) && w.replace(/\P{L}/gu, '').length > 3);
  if (words.length === 0) return 0;
  return words.filter((w) => /^["“'‘]?\p{Lu}/u.test(w)).length / words.length;
}

function hasSentenceEnd(text: string): boolean {
  return TERMINAL.test(text);
}

function isHeadlineShaped(text: string): boolean {
  return (
    !hasSentenceEnd(text) && !isLeadIn(text) && wordCount(text) <= MAX_HEADLINE_WORDS && !BARE_URL.test(text)
  );
}

/** Words from which a line ending in a colon reads as a sentence that introduces the next paragraph. */
const LEAD_IN_MIN_WORDS = 4;

/**
 * A sentence-case line ending in a colon introduces what follows ("In a statement on Tuesday, the
 * company said:" above the quoted statement): it is prose, not a heading, and typing it a heading cut
 * the attribution off its quote. A short or Title Case line with a colon ("What comes next:", "Key
 * Dates:") stays a heading.
 */
function isLeadIn(text: string): boolean {
  return /:["”’)\]]*$/.test(text) && wordCount(text) >= LEAD_IN_MIN_WORDS && titleCaseShare(text) < 0.5;
}

/**
 * An imperative opens with a verb in its base form: "Follow our coverage", "JOIN US", "Sign up". wink
 * tags a capitalised first word as a proper noun ("Share this story" → PROPN), so this reads compromise's
 * lexicon for the first word and, where the lexicon is unsure, the word after it.
 */
function opensWithImperative(text: string): boolean {
  const words = text.split(/\s+/);
  // A clitic after the first word makes it a subject ("She's in town", "It's a party", "It’ s" as a
  // tokenizer leaves it): the word before the clitic is the word that counts ("Let's" is "let", a verb).
  const firstWord = (words[0] ?? '')
    .toLowerCase()
    .replace(/[^\p{L}'’-]/gu, '')
    .replace(/['’](?:s|re|ll|d|ve|m)?$/u, '');
  if (!firstWord || NEVER_IMPERATIVE.has(firstWord) || lexiconRulesOut(firstWord)) return false;
  const tags = lexiconTags(firstWord);
  // The lexicon settles most cases: "Share …" is a verb; "Sign up", "Click here", "Watch the video" are
  // nouns in the lexicon that turn verbs before a particle or a determiner ("Sign language is …" does not).
  if (tags.includes('Infinitive') || tags.includes('Imperative')) return true;
  const second = (words[1] ?? '').toLowerCase();
  if (tags.length > 0)
    return (tags.includes('Singular') || tags.includes('Noun')) && AFTER_IMPERATIVE.has(second);
  // Unknown to the lexicon ("Subscribe to …", "Donate now", "Tap here"), while a surname is followed by a
  // verb ("Rubio said"): the next word decides.
  return AFTER_IMPERATIVE.has(second);
}

/** Words that follow an imperative verb ("Sign up", "Click here", "Download the app", "Comment below"). */
const AFTER_IMPERATIVE = new Set([
  'up',
  'in',
  'out',
  'here',
  'now',
  'below',
  'the',
  'our',
  'this',
  'to',
  'for',
  'on',
  'us',
  'more',
  'your',
  'and',
  'a',
]);

/** Words that open body sentences and never an imperative: most paragraphs stop here, cheaply. */
const NEVER_IMPERATIVE = new Set([
  'the',
  'a',
  'an',
  'he',
  'she',
  'it',
  'they',
  'we',
  'i',
  'in',
  'on',
  'at',
  'but',
  'and',
  'as',
  'for',
  'after',
  'when',
  'while',
  'this',
  'that',
  'these',
  'those',
  'his',
  'her',
  'their',
  'its',
  'there',
  'if',
  'despite',
  'although',
  'meanwhile',
  'however',
  'according',
  'since',
  'with',
  'by',
  'from',
  'of',
  'to',
  'more',
  'some',
  'many',
  'most',
  'other',
  'one',
  'two',
  'mr',
  'ms',
  'mrs',
  'dr',
  'president',
  'officials',
  'police',
]);
const lexicon = compromiseLexicon;
const NOT_VERB_TAGS = [
  'Determiner',
  'Pronoun',
  'Preposition',
  'Conjunction',
  'QuestionWord',
  'Adverb',
  'FirstName',
  'MaleName',
  'FemaleName',
  'LastName',
  'Country',
  'City',
  'Region',
  'Demonym',
  'Copula',
  'Modal',
  'Value',
  'Month',
  'WeekDay',
  'Possessive',
];

function lexiconTags(word: string): string[] {
  const tag = lexicon[word];
  return Array.isArray(tag) ? tag : tag ? [tag] : [];
}

function lexiconRulesOut(word: string): boolean {
  return lexiconTags(word).some((t) => NOT_VERB_TAGS.includes(t));
}

function isCallToAction(text: string, index: number, total: number): boolean {
  if (QUOTE_MARKS.test(text)) return false;
  const words = wordCount(text);
  if (words > MAX_BOILERPLATE_WORDS) return false;
  if (SOCIAL_HANDLE.test(text)) return true;
  // Headlines are Title Case ("Budget Passes After Long Night"); calls to action are sentences or capitals.
  const headlineCase = !isAllCaps(text) && titleCaseShare(text) >= 0.6 && words > 2;
  // Only lines shaped like a call to action pay for the imperative check: short, shouted, unfinished, or
  // speaking to the reader ("Sign up for our newsletter to get … in your inbox.").
  const shaped =
    words <= SHORT_ADDRESS_WORDS ||
    isAllCaps(text) ||
    !hasSentenceEnd(text) ||
    READER_ADDRESS.test(text) ||
    /\b(our|us)\b/i.test(text);
  if (!headlineCase && shaped && opensWithImperative(text) && !isDeclarative(text)) return true;
  const nearEdge = index < EDGE_PARAGRAPHS - 1 || index >= total - EDGE_PARAGRAPHS;
  return READER_ADDRESS.test(text) && (nearEdge || words <= SHORT_ADDRESS_WORDS);
}

/**
 * A newsletter box run into the middle of an article: "Sign up for … in your inbox. By signing up you agree
 * to receive … You can unsubscribe at any time. This site is protected by …" — 51–53 words, so longer than a
 * call to action, and nowhere near an edge. Read on allsides: one outlet's box stands in 369 articles, and
 * two of its sentences became the first "shared fact" of a story (the same box in two articles of one
 * outlet). Several sentences, two in three or more speaking to the reader, no quotation marks, at most
 * MAX_BOX_WORDS words. A column's paragraph that talks to the reader that much is rhetoric, not a finding.
 */
const MAX_BOX_WORDS = MAX_BOILERPLATE_WORDS * 2;
const MIN_BOX_SENTENCES = 3;

function isReaderBox(text: string): boolean {
  if (QUOTE_MARKS.test(text) || wordCount(text) > MAX_BOX_WORDS) return false;
  const sentences = text.split(/(?<=[.!?])\s+(?=\p{Lu})/u);
  if (sentences.length < MIN_BOX_SENTENCES) return false;
  const addressing = sentences.filter((s) => READER_ADDRESS.test(s)).length;
  return addressing * 3 >= sentences.length * 2;
}

/**
 * A line that opens like an imperative but states something: a headline whose first word is its subject
 * ("Judge fines builder over collapse", "Storm cuts power to coast", "Bridge reopened after repairs",
 * "Vandals in masks smash shop windows") or a date line ("Wed Jun 3, 2015 9:10am"). An imperative has
 * no subject, so it carries no verb in the third person or the past after its first word, and no plural
 * noun opens it. Only lines that already look like a call to action pay for this parse.
 */
function isDeclarative(text: string): boolean {
  return remembered(declaratives, text, parseDeclarative);
}

function parseDeclarative(text: string): boolean {
  const doc = nlp(text);
  if (doc.has('^#Plural') || isDateLine(text, doc)) return true;
  if (READER_ADDRESS.test(text)) return false;
  const later = doc.terms().json().slice(1) as { terms: { text: string; tags: string[] }[] }[];
  return later.some(({ terms: [t] }) => {
    if (!t) return false;
    const tags = new Set(t.tags);
    if (tags.has('PastTense') || (tags.has('Copula') && !/^be$/i.test(t.text))) return true;
    // "renews", "catches", "has": the third person; "comment" (an infinitive) is no subject's verb.
    return tags.has('PresentTense') && !tags.has('Infinitive') && /s$/i.test(t.text) && !tags.has('Plural');
  });
}

/**
 * "Tue Mar 3, 2015", "3 MARCH 2015", "Updated: Monday, 2 March 2015": a month or weekday and a number;
 * "Posted: 03 / 02 / 15 06: 44 PM": a numeric date or a clock time.
 */
export function isDateLine(text: string, doc?: ReturnType<typeof nlp>): boolean {
  if (NUMERIC_DATE.test(text)) return true;
  if (doc) return namesADay(doc);
  return remembered(dateLines, text, (t) => namesADay(nlp(t)));
}

function namesADay(doc: ReturnType<typeof nlp>): boolean {
  return doc.has('(#Month|#WeekDay)') && doc.has('#Value');
}

/**
 * Verdicts of the two checks that parse a line with compromise, by the line's text. A parse is most of
 * cleaning's cost (isDeclarative and isDateLine were 8 of 16 s sampled cleaning the first 3,000 allsides
 * articles), and the lines that reach them repeat: an outlet's sign-up boxes, bylines and date lines
 * come back article after article. Both are functions of the text alone.
 */
const declaratives = new Map<string, boolean>();
const dateLines = new Map<string, boolean>();
/** Lines remembered per check before it starts afresh (short lines: well under 1 MB each). */
const REMEMBERED_LINES = 5_000;

function remembered(memo: Map<string, boolean>, text: string, check: (text: string) => boolean): boolean {
  let verdict = memo.get(text);
  if (verdict === undefined) {
    verdict = check(text);
    if (memo.size >= REMEMBERED_LINES) memo.clear();
    memo.set(text, verdict);
  }
  return verdict;
}
const NUMERIC_DATE = /\b\d{1,2} ?[/:] ?\d{1,2}\b/;

function isCaption(text: string): boolean {
  return wordCount(text) <= MAX_CAPTION_WORDS && CREDIT.some((p) => p.test(text));
}

/** "Related article: Trump Says X" — a label and a headline, no sentence. */
function isLabelledLink(text: string): boolean {
  const m = LABEL_THEN_TEXT.exec(text);
  if (!m?.[1] || !m[2]) return false;
  return wordCount(m[1]) <= 3 && isHeadlineShaped(m[2]) && titleCaseShare(m[2]) >= 0.6;
}

/**
 * A related story's audio card run into the text: "Politics Rep. Ann Lee: Harbour Bill Must Wait Rep. Ann
 * Lee: Harbour Bill Must Wait Listen · 4:49 4:49" — a section, the headline twice, the player's label and
 * length. Read on allsides: 175 paragraphs end with the player's label; the card planted a label "Politics
 * Rep." on the person of its headline. At most MAX_BOILERPLATE_WORDS * 2 words: a card holds one headline.
 */
function isAudioCard(text: string): boolean {
  return AUDIO_PLAYER.test(text) && !QUOTE_MARKS.test(text) && wordCount(text) <= MAX_BOILERPLATE_WORDS * 2;
}

function isListItem(text: string): boolean {
  return BULLET_ONLY.test(text) || BULLET_ITEM.test(text) || isHeadlineShaped(text);
}

/**
 * For each paragraph, how many paragraphs from it form a related-article list that it leads (0 when
 * none). A list is a lead line followed by list items up to the first paragraph that is not one. Rescanning
 * the items from every lead is quadratic on a long run of short lines ("Photo: A/Reuters" × 2,000, where
 * each line is a possible lead), so the run ends and item counts are computed once, back to front.
 */
function listLengths(paragraphs: readonly string[]): number[] {
  const n = paragraphs.length;
  /** runEnd[j]: the first index ≥ j that is not a list item; items/bullets: counts in [j, runEnd[j]). */
  const runEnd = new Array<number>(n + 1).fill(n);
  const items = new Array<number>(n + 1).fill(0);
  const bullets = new Array<number>(n + 1).fill(0);
  for (let j = n - 1; j >= 0; j--) {
    const item = paragraphs[j] ?? '';
    if (!isListItem(item)) {
      runEnd[j] = j;
      continue;
    }
    runEnd[j] = runEnd[j + 1] ?? n;
    items[j] = (items[j + 1] ?? 0) + (BULLET_ONLY.test(item) ? 0 : 1);
    bullets[j] = (bullets[j + 1] ?? 0) + (BULLET_ONLY.test(item) || BULLET_ITEM.test(item) ? 1 : 0);
  }
  return paragraphs.map((lead, start) => {
    const leadShaped = LABEL_ONLY.test(lead) || (isHeadlineShaped(lead) && wordCount(lead) <= MAX_LEAD_WORDS);
    if (!leadShaped || BULLET_ONLY.test(lead)) return 0;
    const end = runEnd[start + 1] ?? n;
    // A heading followed by one short line is not a list; a lead with two or more items, or any bullets, is.
    const runsToEnd = end === n;
    const itemCount = items[start + 1] ?? 0;
    if (itemCount >= 2 && ((bullets[start + 1] ?? 0) > 0 || runsToEnd)) return end - start;
    return 0;
  });
}

/** Classify each paragraph; the result is parallel to the input. */
export function classifyParagraphs(paragraphs: readonly string[]): ParagraphVerdict[] {
  wordCounts.clear();
  const verdicts: ParagraphVerdict[] = [];
  const total = paragraphs.length;
  const lists = listLengths(paragraphs);
  for (let i = 0; i < total; i++) {
    const list = lists[i] ?? 0;
    if (list > 0) {
      for (let k = 0; k < list; k++) verdicts.push({ keep: false, reason: 'related-article list' });
      i += list - 1;
      continue;
    }
    verdicts.push(classifyOne(paragraphs, i));
  }
  return keepLoneSentence(
    paragraphs,
    markDanglingLabels(markBoxTitles(keepLabelledHeadline(paragraphs, verdicts))),
  );
}

/**
 * A "Label: Headline" line above the article's first body paragraph is the article's own headline
 * ("Harbour Fire: Crews Save Old Mill", "Report: council to cut bus routes"): a related link points
 * away from text already read, so it comes after the body starts. Only the first such line, and not a
 * date line ("Updated: Monday, 2 March 2015"), which stays out.
 */
function keepLabelledHeadline(
  paragraphs: readonly string[],
  verdicts: ParagraphVerdict[],
): ParagraphVerdict[] {
  for (let i = 0; i < verdicts.length; i++) {
    const v = verdicts[i];
    const text = paragraphs[i] ?? '';
    if (!v || (v.keep && v.kind === 'paragraph')) break;
    // A headline kept already titles the article; a date line above the headline does not.
    if (v.keep && !isDateLine(text)) break;
    const m = LABEL_THEN_TEXT.exec(text);
    const labelled = v.keep === false && (v.reason === 'related link' || v.reason === 'call to action');
    if (!labelled || !m?.[1] || !m[2] || wordCount(m[1]) > 3 || wordCount(m[2]) < 3) continue;
    if (hasSentenceEnd(text) || isDateLine(text) || READER_ADDRESS.test(text)) continue;
    verdicts[i] = { keep: true, kind: 'heading' };
    break;
  }
  return verdicts;
}

/** A lone sentence is at least this long: "Fire crews rescued two hikers late Sunday" (7 words). */
const MIN_SENTENCE_WORDS = 5;

/**
 * A news item of one sentence with no full stop ("Fire crews rescued two hikers stranded on the ridge
 * late Sunday") is shaped like a heading, and a heading with no body after it is a page label; but when
 * nothing else is left, a line that is a real sentence — a finite verb, not a Title Case headline, not
 * an imperative — is the article. "Vote on rail plan delayed" (no finite verb) and "Comments" stay out.
 */
function keepLoneSentence(paragraphs: readonly string[], verdicts: ParagraphVerdict[]): ParagraphVerdict[] {
  if (verdicts.some((v) => v.keep && v.kind === 'paragraph')) return verdicts;
  const lone = verdicts.findIndex(
    (v, i) => !v.keep && v.reason === 'dangling label' && isRealSentence(paragraphs[i] ?? ''),
  );
  if (lone >= 0) verdicts[lone] = { keep: true, kind: 'paragraph' };
  return verdicts;
}

function isRealSentence(text: string): boolean {
  const words = wordCount(text);
  if (words < MIN_SENTENCE_WORDS || words > MAX_BOILERPLATE_WORDS * 2) return false;
  if (titleCaseShare(text) >= 0.6) return false;
  const doc = nlp(text);
  // A plural noun opens no imperative ("Vandals in masks smash shop windows" is a news item).
  if (opensWithImperative(text) && !doc.has('^#Plural')) return false;
  // compromise tags "rescued"/"makes" as finite verbs, "delayed" after a noun in a headline as well, so a
  // subject is required before the verb: a noun or pronoun opening the clause.
  return doc.has('(#Noun|#Pronoun) #Adverb? (#PastTense|#PresentTense|#Modal|#Copula|#Auxiliary)');
}

/** A heading right above a call to action titles that box ("Get the Briefing" + "in your inbox …"). */
function markBoxTitles(verdicts: ParagraphVerdict[]): ParagraphVerdict[] {
  for (let i = verdicts.length - 2; i >= 0; i--) {
    const v = verdicts[i];
    const next = verdicts[i + 1];
    if (v?.keep && v.kind === 'heading' && next && !next.keep && next.reason === 'call to action') {
      verdicts[i] = { keep: false, reason: 'call to action' };
    }
  }
  return verdicts;
}

function classifyOne(paragraphs: readonly string[], i: number): ParagraphVerdict {
  const text = paragraphs[i] ?? '';
  const next = paragraphs[i + 1] ?? '';
  if (BARE_URL.test(text)) return { keep: false, reason: 'bare URL' };
  if (LABEL_THEN_URL.test(text)) return { keep: false, reason: 'source footer' };
  if (LABEL_ONLY.test(text) && BARE_URL.test(next)) return { keep: false, reason: 'source footer' };
  if (BULLET_ONLY.test(text)) return { keep: false, reason: 'related-article list' };
  if (isCaption(text)) return { keep: false, reason: 'photo caption and credit' };
  if (isEmbeddedPost(text)) return { keep: false, reason: 'embedded post' };
  if (isContributorCredit(text)) return { keep: false, reason: 'contributor credit' };
  if (isNewsroomNote(text)) return { keep: false, reason: "newsroom's note" };
  if (isLabelledLink(text) || isAudioCard(text)) return { keep: false, reason: 'related link' };
  if (isCallToAction(text, i, paragraphs.length) || isReaderBox(text))
    return { keep: false, reason: 'call to action' };
  if (isHeadlineShaped(text)) return { keep: true, kind: 'heading' };
  return { keep: true, kind: 'paragraph' };
}

/**
 * The page extractor's text (src/extract) has been chosen already: navigation, share bars, related
 * links and teasers were dropped there, by the page's structure, which this stage cannot see. The
 * pasted-text rules above would cut it again by shape alone, and wrongly: a table of results is not a
 * related-article list, a product line with its shop link is not a bare URL, a recipe step ("Boil for
 * ten minutes") is not a call to action. So every block is kept, sorted into headings and paragraphs,
 * except a photo credit ("Photo: A. Name/Agency") — the extractor keeps captions on purpose, as the
 * outlet's words about the story, and leaves their credit lines for this stage to drop. Measured on the
 * 121 pages of the extraction benchmark through `annotate`: keeping every block scores F1 0.973, dropping
 * credited captions 0.974 (5 blocks dropped, all captions or a credited promotion), the pasted-text rules
 * 0.952 (hundreds of real blocks dropped: tables, tour dates, product lists, recipe steps).
 */
export function classifyExtracted(paragraphs: readonly string[]): ParagraphVerdict[] {
  wordCounts.clear();
  return paragraphs.map((text): ParagraphVerdict => {
    if (isCaption(text)) return { keep: false, reason: 'photo caption and credit' };
    return isHeadlineShaped(text) ? { keep: true, kind: 'heading' } : { keep: true, kind: 'paragraph' };
  });
}

/** A heading must introduce body text; trailing ones ("Comments", "Share") are page labels. */
function markDanglingLabels(verdicts: ParagraphVerdict[]): ParagraphVerdict[] {
  for (let i = verdicts.length - 1; i >= 0; i--) {
    const v = verdicts[i];
    if (!v) continue;
    if (v.keep && v.kind === 'paragraph') break;
    if (v.keep && v.kind === 'heading') verdicts[i] = { keep: false, reason: 'dangling label' };
  }
  return verdicts;
}
