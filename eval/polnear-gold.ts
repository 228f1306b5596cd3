// PolNeAR as the shared corpus's README defines the direct-quote task: a gold quote is a segment between
// double quotation marks (paired within a paragraph; a quote left open at a paragraph's end continues
// when the next paragraph opens with a mark) of which at least half the characters lie inside one
// attribution's content; its speaker is that attribution's source. Everything here is scorer code: the
// word lists below classify gold sources for the breakdown and never reach the product.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { GIVEN_NAMES, isKnownWord } from '../src/annotate/entities/gazetteer.js';

export interface GoldSpan {
  start: number;
  end: number;
  text: string;
  parts?: [number, number][];
}

export interface PolnearAttribution {
  id: string;
  source: GoldSpan | null;
  cue: GoldSpan | null;
  content: GoldSpan;
  direct: boolean;
}

export interface PolnearArticle {
  id: string;
  outlet: string;
  published: string;
  title: string;
  text: string;
  attributions: PolnearAttribution[];
}

export type SourceType = 'name' | 'pronoun' | 'description' | 'organisation';

export interface GoldQuote {
  start: number;
  end: number;
  text: string;
  /** The attribution's source as written, or null when the annotators gave none. */
  source: string | null;
  sourceType: SourceType | null;
  /** The lower-cased word a predicted speaker must contain to be right (see goldQuotes). */
  key: string | null;
  /** Every word that makes a predicted speaker right: `key`, and for a definite description ("the
   * judge") its head noun as well as the person last named before it (see goldQuotes). */
  keys: string[];
}

export function readPolnear(file: string): PolnearArticle[] {
  return gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as PolnearArticle);
}

const OPENING = new Set(['“', '«']);
const CLOSING = new Set(['”', '»']);
const STRAIGHT = '"';

/** Quote segments (offsets of the text between the marks), paired as the README describes. */
export function quoteSegments(text: string): { start: number; end: number }[] {
  const segments: { start: number; end: number }[] = [];
  let open: number | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\n') {
      if (open === null) continue;
      // A quote still open at the paragraph's end runs on only when the next paragraph opens with a mark;
      // the reopening mark is skipped and the quote goes on after it.
      let next = i;
      while (next < text.length && /\s/.test(text[next] ?? '')) next++;
      const opener = text[next] ?? '';
      if (OPENING.has(opener) || opener === STRAIGHT) i = next;
      else open = null;
      continue;
    }
    if (open === null && (OPENING.has(ch) || ch === STRAIGHT)) open = i + 1;
    else if (open !== null && (CLOSING.has(ch) || ch === STRAIGHT)) {
      if (i > open) segments.push({ start: open, end: i });
      open = null;
    }
  }
  return segments;
}

function contentCoverage(seg: { start: number; end: number }, content: GoldSpan): number {
  const pieces = content.parts ?? [[content.start, content.end]];
  let inside = 0;
  for (const [s, e] of pieces) inside += Math.max(0, Math.min(e, seg.end) - Math.max(s, seg.start));
  return inside;
}

// Relative and possessive pronouns are pronouns too: "Lee, who has long said …" means Lee, and was keyed
// by the word "who" before, which no speaker contains.
const PRONOUNS = new Set(
  'he she they i we you it him her them us me who whom which his their its my our your'.split(' '),
);
// Heads that make a capitalised source an organisation rather than a person, for the breakdown only.
const ORG_HEADS = new Set(
  'post times news journal house department ministry committee campaign party agency office council court union company inc corp corporation bureau association commission administration group network foundation institute university senate congress police service services center centre network press tribune herald review magazine television radio bank fund board staff team cnn fbi cia nsa gop dnc rnc nbc abc cbs msnbc ap reuters pentagon kremlin'.split(
    ' ',
  ),
);
/** Offices that "of" follows inside a title ("Secretary of State Ann Lee"), for the key only. */
const TITLES = new Set(
  'secretary minister director chairman chairwoman chair governor mayor president head leader speaker attorney chief commissioner'.split(
    ' ',
  ),
);
const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);
const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'some',
  'one',
  'two',
  'several',
]);

function words(text: string): string[] {
  return (
    text
      // "Sen. Ann Lee (D-Ore.)": the party and state in brackets are not the name (keyed "d-ore" before).
      .replace(/\([^)]*\)/g, ' ')
      .replace(/[’']s\b/g, '')
      .split(/[^\p{L}\p{N}.'’-]+/u)
      .map((w) => w.replace(/^[.'’-]+|[.'’-]+$/g, ''))
      .filter(Boolean)
  );
}

/**
 * "Christie, New Jersey's governor," and "Ann Lee, 70, a retired nurse," name a person: the words before
 * the first comma are the source's head when they hold a capitalised word, and the appositive after it
 * only describes. (Before this, such sources were typed "description" and keyed by the appositive's
 * head noun, "governor", so the right speaker "Chris Christie" was scored wrong.)
 */
function headPart(source: string): string {
  const comma = source.indexOf(',');
  if (comma <= 0) return source;
  const before = source.slice(0, comma);
  const ws = words(before);
  return ws.some((w, i) => /^\p{Lu}/u.test(w) && !(i === 0 && DETERMINERS.has(w.toLowerCase())))
    ? before
    : source;
}

/** A name-shaped phrase: two to four capitalised words, initials allowed ("Jane Roe", "Ann M. Lee"). */
const NAME_SHAPE = /^\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*){1,3}$/u;

/**
 * The source as the speaker is named in it. "The leader of the league, Jane Roe," names Jane Roe in
 * apposition, and "former secretary of state Ann Lee" or "master of ceremonies Tom Hale" end in the name
 * after a lower-case title: such sources were typed "description" and keyed by "leader"/"secretary",
 * so a speaker naming the very person was scored wrong. Returns the name when there is one, else the
 * source unchanged.
 */
function namedPart(whole: string): string {
  const head = headPart(whole);
  if (descriptionType(head) !== 'description') return head;
  const comma = whole.indexOf(',');
  if (comma > 0) {
    const after =
      whole
        .slice(comma + 1)
        .split(',')[0]
        ?.trim() ?? '';
    if (NAME_SHAPE.test(after)) return after;
  }
  // A capitalised run at the end after a lower-case word that is no preposition: the title's name.
  const ws = words(head);
  let first = ws.length;
  while (first > 0 && /^\p{Lu}/u.test(ws[first - 1] ?? '')) first--;
  const before = (ws[first - 1] ?? '').toLowerCase();
  // "a spokesman for candidate Ann Lee" names whom the spokesman speaks for: a preposition before the
  // run governs it, unless it is the "of" inside a title ("secretary of state Ann Lee").
  const governed = ws
    .slice(0, first)
    .some(
      (w, i) => LINKS.has(w.toLowerCase()) && !(w === 'of' && TITLES.has((ws[i - 1] ?? '').toLowerCase())),
    );
  if (ws.length - first >= 2 && first > 0 && /^\p{Ll}/u.test(before) && !DETERMINERS.has(before) && !governed)
    return ws.slice(first).join(' ');
  return head;
}

/** Prepositions that govern a name inside a description ("a spokesman for Ann Lee"). */
const LINKS = new Set(['of', 'for', 'at', 'in', 'with', 'from', 'to', 'by', 'on', 'about']);

export function sourceType(whole: string): SourceType {
  return descriptionType(namedPart(whole));
}

function descriptionType(source: string): SourceType {
  const ws = words(source);
  const lower = ws.map((w) => w.toLowerCase());
  if (ws.length === 1 && PRONOUNS.has(lower[0] ?? '')) return 'pronoun';
  const capitalised = ws.filter(
    (w, i) => /^\p{Lu}/u.test(w) && !(i === 0 && DETERMINERS.has(w.toLowerCase())),
  );
  if (capitalised.length === 0) return 'description';
  // The head of a proper source is its last capitalised word before "of/for" etc.
  const cut = lower.findIndex((w) => w === 'of' || w === 'for' || w === 'at' || w === 'in');
  const headZone = cut > 0 ? ws.slice(0, cut) : ws;
  const head = (headZone[headZone.length - 1] ?? '').toLowerCase();
  if (ORG_HEADS.has(head) || /^\p{Lu}{2,}$/u.test(headZone[headZone.length - 1] ?? '')) return 'organisation';
  if (!/^\p{Lu}/u.test(headZone[headZone.length - 1] ?? '')) return 'description';
  return 'name';
}

/** The word that identifies a name or an organisation: its last word, suffixes and possessives aside. */
function nameKey(whole: string): string | null {
  const ws = words(namedPart(whole)).filter((w) => !SUFFIXES.has(w.toLowerCase()));
  let cut = ws.findIndex((w) => ['of', 'for', 'at', 'in', ','].includes(w.toLowerCase()));
  // "Secretary of State Ann Lee": a lone title before "of" is not the name; the name follows. (Keyed
  // "secretary" before, which no speaker's name contains.)
  if (
    cut >= 1 &&
    TITLES.has((ws[cut - 1] ?? '').toLowerCase()) &&
    ws.slice(cut + 1).filter((w) => /^\p{Lu}/u.test(w)).length >= 3
  )
    cut = -1;
  const zone = cut > 0 ? ws.slice(0, cut) : ws;
  // "His office", "A group of artists": a determiner or possessive opening the source is no name (keyed
  // "his" and "a" before, which no speaker's words hold as the name).
  const caps = zone.filter((w, i) => /^\p{Lu}/u.test(w) && !(i === 0 && OPENERS.has(w.toLowerCase())));
  return (caps[caps.length - 1] ?? zone[zone.length - 1] ?? '').toLowerCase() || null;
}

/** Words that open a source phrase without naming anyone. */
const OPENERS = new Set([...DETERMINERS, 'his', 'her', 'their', 'its', 'our', 'my', 'your']);

/** The head noun of a description: "a spokeswoman for the airline" → "spokeswoman". */
function headNoun(source: string): string | null {
  const ws = words(source);
  const cut = ws.findIndex((w) =>
    ['of', 'for', 'at', 'in', 'with', 'who', 'that', 'from'].includes(w.toLowerCase()),
  );
  const zone = cut > 0 ? ws.slice(0, cut) : ws;
  return (zone[zone.length - 1] ?? '').toLowerCase() || null;
}

const DEFINITE = /^(the|this|that)\s/i;

/** A cue word that opens a source span: the annotator swapped source and cue. */
const CUE_OPENING = /^(said|says|say|told|tells|asked|asks|added|adds|wrote|writes|according)\b/i;

/**
 * The attribution's source. In a few annotations source and cue are swapped (source "said in a
 * statement", cue "Hale"): no speaker can contain "said", so the cue, which names the speaker, is
 * the source then.
 */
function sourceSpan(a: PolnearAttribution): GoldSpan | null {
  if (a.source && a.cue && CUE_OPENING.test(a.source.text) && !CUE_OPENING.test(a.cue.text)) return a.cue;
  return a.source;
}

export interface GoldOptions {
  /** Count a named source opening a later sentence as its subject as the last person named before a
   * pronoun (default true); false keys a pronoun to the last named source span only, as before. */
  sentenceSubjects?: boolean;
}

/** A capitalised run of one to four words opening a sentence (given names, initials and titles before
 * the surname), not a possessor ("Hale’s plan"). */
const SENTENCE_OPENING =
  /(?:^|\n|[.!?]["”’]?[ \t]+)[ \t]*((?:\p{Lu}[\p{L}.’'-]*[ \t]+){0,3}\p{Lu}[\p{L}’'-]*)(?![\p{L}’'-])(?![’']s)/gu;
/** A full stop that ends an initial or a short abbreviation ("Ann B. Lee", "Dr. Lee"), no sentence. */
const ABBREVIATION_BEFORE = /(?:^|[\s(])(?:\p{Lu}|\p{Lu}\p{Ll}{1,3})$/u;

/**
 * Where a named person opens a sentence of the narrative as its subject ("Hale disagreed.", "Tomas
 * Ferrante is selling …"). Only keys the annotators give somewhere as a full name count as persons: a
 * source whose word before the surname is a given name, an initial or a word the lexicon does not know
 * ("Tom Hale", "Odell Marsh"); a place or a body named as a source ("the United States", "House
 * Republicans") is nobody "he" could mean. Sentences inside quotes are someone's words, not the
 * narrative. Scorer-only.
 */
function sentenceOpeners(
  text: string,
  sources: readonly GoldSpan[],
  named: readonly { at: number; key: string | null }[],
): { at: number; key: string }[] {
  const persons = new Set<string>();
  for (const [i, n] of named.entries()) {
    const ws = words(namedPart(sources[i]?.text ?? ''));
    const k = ws.findIndex((w) => w.toLowerCase() === n.key);
    const before = ws[k - 1] ?? '';
    const given = before.toLowerCase();
    // "The United States", "the Islamic State": a determiner opens a body or a place, not a person's name.
    const determined = DETERMINERS.has((ws[0] ?? '').toLowerCase());
    if (
      n.key &&
      k > 0 &&
      !determined &&
      /^\p{Lu}/u.test(before) &&
      (GIVEN_NAMES.has(given) || /^\p{L}\.?$/u.test(given) || !isKnownWord(given))
    )
      persons.add(n.key);
  }
  const found: { at: number; key: string }[] = [];
  if (persons.size === 0) return found;
  const quotes = quoteSegments(text);
  const quoted = (at: number) => quotes.some((q) => q.start <= at && at < q.end);
  for (const m of text.matchAll(SENTENCE_OPENING)) {
    const start = m.index ?? 0;
    if (/^[.!?]/.test(m[0]) && ABBREVIATION_BEFORE.test(text.slice(Math.max(0, start - 5), start))) continue;
    const run = m[1] ?? '';
    const last = run.split(/\s+/).pop() ?? '';
    const at = start + m[0].length - last.length;
    const key = last.toLowerCase();
    if (persons.has(key) && !quoted(at)) found.push({ at, key });
  }
  return found;
}

/**
 * The gold quotes of one article with the key their speaker must contain. A pronoun or a definite
 * description ("he", "the senator") means the person last named as a source before it, as a reader
 * resolves it; an indefinite one ("a spokesman", "officials") is scored by its head noun.
 */
export function goldQuotes(article: PolnearArticle, options: GoldOptions = {}): GoldQuote[] {
  const byStart = [...article.attributions].sort((a, b) => a.content.start - b.content.start);
  const namedSources = byStart
    .map(sourceSpan)
    .filter((source): source is GoldSpan => source !== null && sourceType(source.text) === 'name');
  const named = namedSources.map((source) => ({ at: source.start, key: nameKey(source.text) }));
  // "Hale disagreed. ¶ “…,” he said": a person the annotators name as a source somewhere in the article
  // who opens a later sentence as its subject is the last person named before the pronoun too, though
  // that sentence is no attribution.
  const openers =
    options.sentenceSubjects === false ? [] : sentenceOpeners(article.text, namedSources, named);
  const lastNamedBefore = (offset: number, pronoun = false): string | null => {
    let key: string | null = null;
    let at = -1;
    for (const n of named) if (n.at < offset) [key, at] = [n.key, n.at];
    if (pronoun) for (const n of openers) if (n.at < offset && n.at > at) [key, at] = [n.key, n.at];
    return key;
  };
  const quotes: GoldQuote[] = [];
  for (const seg of quoteSegments(article.text)) {
    const length = seg.end - seg.start;
    let best: PolnearAttribution | null = null;
    let bestInside = 0;
    for (const a of article.attributions) {
      const inside = contentCoverage(seg, a.content);
      if (inside > bestInside) {
        bestInside = inside;
        best = a;
      }
    }
    if (!best || bestInside * 2 < length) continue;
    const source = sourceSpan(best)?.text ?? null;
    const type = source ? sourceType(source) : null;
    let key: string | null = null;
    const keys: string[] = [];
    if (source && type) {
      if (type === 'name' || type === 'organisation') key = nameKey(source);
      else if (type === 'pronoun') {
        key = lastNamedBefore(sourceSpan(best)?.start ?? seg.start, true) ?? headNoun(source);
        // "“…,” I said" in a first-person piece is the writer, whom no source names: the last named
        // source is someone else, and a speaker given as "I" is the right one.
        const first = source.trim().toLowerCase();
        if (first === 'i' && first !== key) keys.push(first);
      } else if (DEFINITE.test(source)) {
        // "the judge" is whoever the reader takes it for, and the last named source is only a guess at
        // that (in "Brafman argued … the judge said" it names the lawyer, not the judge): a speaker given
        // as the description itself is right too.
        key = lastNamedBefore(sourceSpan(best)?.start ?? seg.start) ?? headNoun(source);
        const head = headNoun(source);
        if (head && head !== key) keys.push(head);
      } else key = headNoun(source);
      if (key) keys.unshift(key);
    }
    quotes.push({
      ...seg,
      text: article.text.slice(seg.start, seg.end),
      source,
      sourceType: type,
      key,
      keys,
    });
  }
  return quotes;
}
