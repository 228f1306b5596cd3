// Units of comparison: the body sentences of each article, with the keys alignment indexes them by.
// A unit keeps exact offsets into its article's text, so every fact, timeline entry and digest sentence
// built from it points at what the outlet actually wrote.
import type { AnnotatedArticle, DateMention } from '../../model/article.js';
import { isPhotoCaption } from '../../text/captions.js';
import { isNoteAboutTheStory } from '../../text/newsroom-notes.js';
import { tokenizeSpan, type WordToken, wordCount } from '../../text/words.js';
import type { StoryContext } from '../context.js';
import { attributionPhrases } from './attribution.js';

/**
 * Weight of a key found only inside attribution phrases ("as reported by the state news agency Belta",
 * "in an interview with US blogger Mario Nawfal"): two outlets crediting the same interview are not
 * thereby reporting the same fact, so the source's words must not carry an alignment.
 */
export const ATTRIBUTION_KEY_WEIGHT = 0.25;

/** Weight of the word keys of a name that already counts as an actor key. */
export const NAME_WORD_WEIGHT = 0.25;

/** Sentences longer than this many words may be cut into clauses (see CLAUSE_BREAK). */
export const CLAUSE_MIN_WORDS = 45;
/** A clause shorter than this stays attached to its neighbour: "…, but not tonight" is no fact of its own. */
export const CLAUSE_MIN_PART_WORDS = 12;
// Where a long sentence may be cut: a semicolon, or a comma before "while"/"but"/"whereas". A 60-word
// sentence like "In a sentimental turn, Lukashenko said he felt 'sorry' for Zelensky …, while also
// claiming that Zelensky had given in 'to extreme nationalist forces' …" reports two things, and each
// half should be free to meet its counterpart in another outlet.
const CLAUSE_BREAK = /;\s+|,\s+(?=(?:while|but|whereas)\s)/g;

export interface Unit {
  /** Index in the story's unit list. */
  index: number;
  /** Index of the article in ctx.articles. */
  article: number;
  articleId: string;
  start: number;
  end: number;
  /** Order of the unit inside its article (0 = lead). */
  order: number;
  tokens: WordToken[];
  /** Content keys: "w:<word key>", "a:<actor id>", "n:<number>", "d:<date value>"; each once. */
  keys: string[];
  /** Weight of each key in this unit (1, less inside attributions and names), parallel to keys. */
  keyWeights: number[];
  /** Resolved dates inside the unit. */
  dates: DateMention[];
  /** Actor mentions inside the unit with their actor key ("a:<actor id>"), so a clause keeps its own actors. */
  actorMentions: { start: number; end: number; key: string; person?: boolean }[];
  /** Share of the unit's characters inside quotation marks (0–1). */
  quoteShare: number;
  words: number;
}

// The verb of speech right after a name (an apposition may stand between: "Tom Reed, a spokesman, said")
// or right before it with a title between ("said plant director Ann Cole").
const SPEECH_AFTER = /^\s*(?:,[^,.;]{0,60},\s*)?(?:said|says|told|added|stated|wrote)\b/;
const SPEECH_BEFORE = /\b(?:said|says|told|added|stated|wrote)\s+(?:[\p{L}.-]+\s+){0,4}$/u;

/** The name at text[start, end) is the speaker of a speech verb, not what the sentence is about. */
function isSpeaker(text: string, start: number, end: number): boolean {
  return (
    SPEECH_AFTER.test(text.slice(end, end + 80)) ||
    SPEECH_BEFORE.test(text.slice(Math.max(0, start - 60), start))
  );
}

/** The span without surrounding whitespace, so offsets stay exact and texts need no trimming. */
function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return { start, end };
}

function inHeading(article: AnnotatedArticle, start: number, end: number): boolean {
  for (const p of article.paragraphs) {
    if (p.kind === 'heading' && start < p.end && end > p.start) return true;
  }
  return false;
}

/** Whether the end of `before` lies inside an open quotation (curly or straight marks). */
function insideQuote(before: string): boolean {
  const opened = before.match(/“/g)?.length ?? 0;
  const closed = before.match(/”/g)?.length ?? 0;
  const straight = before.match(/"/g)?.length ?? 0;
  return opened > closed || straight % 2 === 1;
}

/** Cut a long sentence into clauses at CLAUSE_BREAK, merging parts that would be too short. */
function clauses(text: string, start: number, end: number): { start: number; end: number }[] {
  const slice = text.slice(start, end);
  if (wordCount(slice) < CLAUSE_MIN_WORDS) return [{ start, end }];
  const cuts: number[] = [];
  for (const m of slice.matchAll(CLAUSE_BREAK)) {
    const at = m.index ?? 0;
    // Never cut inside a quotation: an outlet's quote is one unit of wording.
    if (insideQuote(slice.slice(0, at))) continue;
    cuts.push(start + at + 1);
  }
  if (cuts.length === 0) return [{ start, end }];
  const parts: { start: number; end: number }[] = [];
  let from = start;
  for (const cut of [...cuts, end]) {
    const part = trimSpan(text, from, cut);
    // "…before the war broke out," → the clause without its comma.
    while (part.end > part.start && /[,;\s]/.test(text.charAt(part.end - 1))) part.end--;
    const prev = parts[parts.length - 1];
    if (prev && wordCount(text.slice(part.start, part.end)) < CLAUSE_MIN_PART_WORDS) prev.end = part.end;
    else if (part.end > part.start) parts.push(part);
    from = cut;
  }
  // A short first part joins the next one instead.
  const first = parts[0];
  const second = parts[1];
  if (first && second && wordCount(text.slice(first.start, first.end)) < CLAUSE_MIN_PART_WORDS) {
    parts.splice(0, 2, { start: first.start, end: second.end });
  }
  return parts;
}

/** Characters of [start, end) inside the article's quotes. */
function quotedChars(article: AnnotatedArticle, start: number, end: number): number {
  let n = 0;
  for (const q of article.quotes) {
    const a = Math.max(start, q.start);
    const b = Math.min(end, q.end);
    if (b > a) n += b - a;
  }
  return n;
}

/** The body sentences (or clauses) of every article, with their keys. */
export function buildUnits(ctx: StoryContext, options: { splitClauses?: boolean } = {}): Unit[] {
  const units: Unit[] = [];
  const keyCache = new Map<string, string>();
  ctx.articles.forEach((article, articleIndex) => {
    const text = article.text;
    const spans: { start: number; end: number }[] = [];
    const seen = new Set<string>();
    for (const s of article.sentences) {
      if (inHeading(article, s.start, s.end)) continue;
      const trimmed = trimSpan(text, s.start, s.end);
      if (trimmed.end <= trimmed.start) continue;
      const sentence = text.slice(trimmed.start, trimmed.end);
      // A photo caption or credit is the page's furniture, not a sentence of the report (text/captions.ts);
      // so is the newsroom's note about the article ("This story has been updated.", text/newsroom-notes.ts).
      if (isPhotoCaption(sentence) || isNoteAboutTheStory(sentence)) continue;
      // A page that prints a paragraph twice (a lede repeated under a picture, a block the extractor kept
      // twice) says it once: the second copy would be a second, identical exclusive fact.
      const normalised = sentence.replace(/\s+/g, ' ');
      if (seen.has(normalised)) continue;
      seen.add(normalised);
      if (options.splitClauses) spans.push(...clauses(text, trimmed.start, trimmed.end));
      else spans.push(trimmed);
    }
    // Entity mentions and dates in text order, walked alongside the spans (also in text order).
    const mentions = article.entities
      .flatMap((e) =>
        e.mentions.map((m) => ({ start: m.start, end: m.end, entity: e.id, person: e.kind === 'person' })),
      )
      .sort((a, b) => a.start - b.start);
    const dates = [...article.dates].sort((a, b) => a.start - b.start);
    let nextMention = 0;
    let nextDate = 0;
    spans.forEach((span, order) => {
      const tokens = tokenizeSpan(text, span.start, span.end, keyCache);
      const phrases = attributionPhrases(text, span.start, span.end);
      const weightOf = (start: number) =>
        phrases.some((p) => start >= p.start && start < p.end) ? ATTRIBUTION_KEY_WEIGHT : 1;
      // Key → weight; a key seen both inside and outside an attribution keeps the full weight.
      const keys = new Map<string, number>();
      const add = (key: string, weight: number) => keys.set(key, Math.max(keys.get(key) ?? 0, weight));
      // A name counts mainly as its actor: "Donald Trump" is a:trump, and w:donald, w:trump only weakly,
      // or sentences listing the same three leaders would align whatever they say about them. The weak
      // word keys still let "the Harbor Street Bridge" meet "the bridge".
      const named: { start: number; end: number; key: string; person?: boolean }[] = [];
      while (nextMention < mentions.length && (mentions[nextMention]?.start ?? 0) < span.start) nextMention++;
      for (let i = nextMention; i < mentions.length; i++) {
        const m = mentions[i] as (typeof mentions)[number];
        if (m.start >= span.end) break;
        if (m.end > span.end) continue;
        const actor = ctx.actorOf(article.id, m.entity);
        if (!actor) continue;
        add(`a:${actor}`, weightOf(m.start));
        // A speaker ("…, spokesman Tom Reed said", "said director Ann Cole", "according to Ann Cole")
        // tells who spoke, not whom the claim is about.
        const about = m.person && weightOf(m.start) === 1 && !isSpeaker(text, m.start, m.end);
        named.push({ start: m.start, end: m.end, key: `a:${actor}`, person: about });
      }
      // A resolved date is one key, its value: "on Tuesday" and "March 4" add no word keys, or every
      // sentence dated Tuesday would share a word. An unresolved one ("on Wednesday", no reference date)
      // keeps its words, the only trace of it there is.
      const inside: DateMention[] = [];
      while (nextDate < dates.length && (dates[nextDate]?.start ?? 0) < span.start) nextDate++;
      for (let i = nextDate; i < dates.length; i++) {
        const d = dates[i] as DateMention;
        if (d.start >= span.end) break;
        if (d.end > span.end || d.value === null) continue;
        inside.push(d);
        add(`d:${d.value}`, 1);
      }
      const inDate = (t: WordToken) => inside.some((d) => t.start >= d.start && t.end <= d.end);
      for (const t of tokens) {
        if (!t.key || inDate(t)) continue;
        const inName = named.some((m) => t.start < m.end && t.end > m.start);
        add(`w:${t.key}`, weightOf(t.start) * (inName ? NAME_WORD_WEIGHT : 1));
      }
      // Numbers as keys, except those inside any date expression ("March 4", "2022").
      for (const t of tokens) {
        if (!t.isNumber || !/^\d/.test(t.text)) continue;
        if (article.dates.some((d) => t.start >= d.start && t.end <= d.end)) continue;
        add(`n:${t.text.replace(/,/g, '')}`, 1);
      }
      const length = span.end - span.start;
      units.push({
        index: units.length,
        article: articleIndex,
        articleId: article.id,
        start: span.start,
        end: span.end,
        order,
        tokens,
        keys: [...keys.keys()],
        keyWeights: [...keys.values()],
        dates: inside,
        actorMentions: named,
        quoteShare: length > 0 ? quotedChars(article, span.start, span.end) / length : 0,
        words: tokens.length,
      });
    });
  });
  return units;
}
