// The article model shared by every stage. Each stage adds its own layer and never rewrites another's:
// ingest yields RawArticle, clean yields Article (text + removed spans + paragraphs), annotate yields
// AnnotatedArticle (sentences, entities, quotes, dates over Article.text). All offsets are UTF-16 code-unit
// offsets into Article.text, so `text.slice(start, end)` is the annotated span.

/** A problem with the content of one article; the run goes on. */
export interface Message {
  code: string;
  message: string;
}

/** Metadata an input may carry; every field is optional because plain text carries none. */
export interface ArticleMeta {
  title?: string | null;
  outlet?: string | null;
  url?: string | null;
  /** YYYY-MM-DD */
  published?: string | null;
  author?: string | null;
  language?: string | null;
  /** The outlet's political leaning as the input rates it (the allsides corpus's "leaning": left, center, right). */
  leaning?: string | null;
}

export type RawFormat = 'text' | 'markdown' | 'html' | 'record';

/** One article as it came in: the body (plain text or HTML) plus whatever metadata the container held. */
export interface RawArticle {
  /** Path or URL as given (for records inside a JSON file: `file#index`). */
  source: string;
  /** The input's own id, when it has one (the `id` of a JSON/JSONL record). */
  id?: string;
  format: RawFormat;
  /** Plain text for text/markdown/record-with-text; HTML for html/record-with-html. */
  body: string;
  bodyIsHtml: boolean;
  /**
   * The body is the text the page extractor chose from a whole web page (src/extract), already free of
   * navigation, teasers and share bars; cleaning then keeps its paragraphs rather than re-cutting them
   * with the rules made for text pasted from a browser. Absent for plain text, Markdown and fragments.
   */
  extracted?: boolean;
  meta: ArticleMeta;
  messages: Message[];
}

export interface Span {
  start: number;
  end: number;
}

export interface RemovedSpan {
  text: string;
  reason: string;
}

export type ParagraphKind = 'paragraph' | 'heading';

export interface Paragraph extends Span {
  kind: ParagraphKind;
}

/** A place name found at the start of the text ("WASHINGTON —", "KYIV, March 5 (Reuters) -"). */
export interface Dateline {
  place: string;
  date: string | null;
  agency: string | null;
}

/** A cleaned article: the report contract's Article plus the paragraph layer. */
export interface Article {
  id: string;
  source: string;
  outlet: string | null;
  title: string | null;
  url: string | null;
  published: string | null;
  author: string | null;
  language: string | null;
  /** The outlet's leaning as the input rated it (a record's "leaning" or a --sources entry's); absent when none. */
  leaning?: string;
  dateline: Dateline | null;
  text: string;
  paragraphs: Paragraph[];
  removed: RemovedSpan[];
  messages: Message[];
}

export type EntityKind = 'person' | 'organization' | 'place' | 'group' | 'other';

export interface Mention extends Span {
  text: string;
}

export interface Descriptor extends Span {
  text: string;
  /** How the descriptor attaches to its entity. */
  via: 'title' | 'appositive' | 'predicate' | 'reference';
}

/**
 * Added: a word that refers back to a named person without naming them — a pronoun ("she"), a relative
 * "who" right after the name, or the head noun of a definite description ("the actress" → "actress").
 */
export interface EntityReference extends Span {
  text: string;
  via: 'pronoun' | 'relative' | 'description';
}

export interface Entity {
  id: string;
  name: string;
  kind: EntityKind;
  mentions: Mention[];
  descriptors: Descriptor[];
  /** Added: pronouns and descriptions that refer to this person, in text order (absent when none). */
  references?: EntityReference[];
  /**
   * Added, on an unnamed person only (AnnotatedArticle.unnamedPeople): the id of the entity they are named
   * by a tie to ("her mother" → her entity id; "the victim's family" → the victim's), when the text says.
   */
  of?: string;
}

export interface Quote extends Span {
  text: string;
  /** Entity id of the speaker, when one could be found. */
  speaker: string | null;
  /** The words that name the speaker as written ("he", "the Belarusian leader", "Peskov"); for an "it" that
   * speaks ("It added, …"), the body or document it stands for, as written where it was named ("the company"). */
  speakerText: string | null;
  /** Added: how the speaker was found, present when speakerText is (the report's confidence reads it). */
  speakerRoute?: SpeakerRoute;
  /** 'scare': a short quoted word or phrase with no speech verb ("the so-called “reform”"), the writer's
   * distancing rather than anyone's words; never attributed. Absent on a direct quote. */
  kind?: 'scare';
  /** The record the words are known through, as written, when the text names one besides the speaker
   * ("“…,” Lee said, according to a pool report" → "a pool report"), also on a scare quote ("according to
   * his doctor, he is in “remarkably good” health" → "his doctor"). Absent when none is named. */
  via?: string;
}

/**
 * How a quote's speaker was found. `by`: the subject of a speech verb next to the quote ('speech-verb':
 * "“…,” Lee said", "Lee said: “…”"); the subject of the quote's sentence with no speech verb
 * ('sentence-subject': "Lee was firm: “…”"); the last sentence of the paragraph before, ending in a colon,
 * or a bare attribution ending the sentence before the quote ('colon-intro': "Lee said in a statement. “…”"); the name on a dash line signing off the quote's paragraph ('sign-off': "“…”" ¶ "– Ann Lee,
 * Ohio."); the speaker of the quote this one continues ('continuation': “A,” Lee said. “B.”); the
 * person the paragraph is about, for a quote standing alone ('topic'); the body quote a heading quote
 * repeats ('heading'). `form`: the words naming the speaker — a name ("Lee"), a description resolved to a
 * named person ("the senator"), a pronoun resolved to one ("she"), or a phrase naming no one known ("a
 * spokeswoman for the airline").
 */
export interface SpeakerRoute {
  by: 'speech-verb' | 'sentence-subject' | 'colon-intro' | 'sign-off' | 'continuation' | 'topic' | 'heading';
  form: 'name' | 'description' | 'pronoun' | 'phrase';
}

/**
 * Why a date has its value: the text states the year ('explicit-year'); a word relative to publication
 * fixes it ('relative-word': "yesterday", "last month", "next Tuesday", "February of last year"); no
 * year and no direction, so the latest such date not after publication ('past-default'); a future
 * context in the clause, so the earliest on or after publication ('future-context': "will be held on
 * May 1"); the year the named weekday fits ('weekday-fit': "Monday, May 18"); the date written next to a
 * weekday ('anchored-date': "Tuesday night, March 4"); the start of its range ('range-start': "December
 * 30 to January 2").
 */
export type DateReason =
  | 'explicit-year'
  | 'relative-word'
  | 'past-default'
  | 'future-context'
  | 'weekday-fit'
  | 'anchored-date'
  | 'range-start';

export interface DateMention extends Span {
  text: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD; null when it cannot be resolved (relative, no reference date). */
  value: string | null;
  /** Why the value is what it is; absent when the value is null. */
  reason?: DateReason;
}

export interface AnnotatedArticle extends Article {
  sentences: Span[];
  entities: Entity[];
  quotes: Quote[];
  dates: DateMention[];
  /**
   * Role descriptions that refer back to someone the article does not settle ("The embattled mayor
   * spent a second day…" before the mayor is named): the story, which knows every outlet's titles, can.
   */
  unresolvedReferences: Mention[];
  /**
   * Added: people and groups the article refers to without naming them ("the gunman", "a woman",
   * "police"), one entity per referent (kind 'person', or 'group' for a plural), named by the head noun as
   * written; mentions are the head nouns, descriptors the whole phrases ("masked gunman"). Kept apart from
   * `entities`, which are named. Absent when none.
   */
  unnamedPeople?: Entity[];
}
