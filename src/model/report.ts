// The report contract, version 1 (../shared/design.md). Field names here are the contract's; fields may be
// added, never renamed or dropped without a version bump. `articles` fields hold article ids, and every
// offset indexes Article.text of the article it names.
import type { RemovedSpan } from './article.js';

export const REPORT_VERSION = 1;

export type Tone = 'negative' | 'neutral' | 'positive';

export interface ReportArticle {
  id: string;
  source: string;
  outlet: string | null;
  title: string | null;
  url: string | null;
  /** YYYY-MM-DD */
  published: string | null;
  text: string;
  removed: RemovedSpan[];
  messages: { code: string; message: string }[];
  /** Added: where the publication date came from when it was inferred from the story, not the input. */
  publishedInferred?: boolean;
  sentences?: { start: number; end: number }[];
  /** Added: paragraph spans of the text, headings marked, so views can lay the article out as written. */
  paragraphs?: { start: number; end: number; kind: 'paragraph' | 'heading' }[];
  /** Added: present when the article is an opinion piece, column, editorial or analysis, with what showed it. */
  opinion?: OpinionMark;
}

/** Added: an article that argues rather than reports ("opinion") or interprets the news ("analysis"). */
export interface OpinionMark {
  kind: 'opinion' | 'analysis';
  /** What gave it away ("address section “opinion”", "title marker “Analysis”"). */
  reason: string;
}

/**
 * Added: how far a finding can be trusted, from the evidence the step that made it had (see
 * src/compare/confidence): `score` in [0, 1]; `level` high (score ≥ 0.75), medium (≥ 0.5) or low (below);
 * `reason` says why in a few words ("named subject of a speech verb", "linked by surname only").
 */
export interface Confidence {
  score: number;
  level: ConfidenceLevel;
  reason: string;
}

export type ConfidenceLevel = 'high' | 'medium' | 'low';

export interface EvidenceSpan {
  article: string;
  start: number;
  end: number;
  text: string;
}

export interface Label {
  /** As written, e.g. "Belarusian dictator". */
  text: string;
  articles: string[];
  tone: Tone;
  /** Added: the lexicon words that set the tone ("dictator"), so a reader can see why. */
  toneWords?: string[];
  /** Added: where each outlet wrote it. */
  evidence?: EvidenceSpan[];
  /** Added: how sure it is that the words are this actor's label (how the label attaches to the name). */
  confidence?: Confidence;
}

export type ActorKind = 'person' | 'organization' | 'place' | 'group' | 'other';

export interface Actor {
  id: string;
  name: string;
  kind: ActorKind;
  aliases: string[];
  labels: Label[];
  mentions: EvidenceSpan[];
  /** Added: pronouns and descriptions referring to this person in each article (absent when none). */
  references?: EvidenceSpan[];
  /** Added: how sure the merge of every outlet's mentions into this one actor is. */
  confidence?: Confidence;
  /** Added: true for an unnamed person or group (Story.unnamedActors): the name is the description's head. */
  unnamed?: boolean;
}

export interface QuoteVariant extends EvidenceSpan {
  /** Added: word-level differences against the group's reference variant (the longest). */
  diff?: DiffPart[];
}

export interface DiffPart {
  /** same: in both; added: only in this variant; removed: only in the reference. */
  op: 'same' | 'added' | 'removed';
  text: string;
}

export interface QuoteGroup {
  id: string;
  /** Actor id of the speaker. */
  speaker: string | null;
  variants: QuoteVariant[];
  /** Added: how sure the speaker is (how each printing's speaker was found, and whether outlets agree). */
  confidence?: Confidence;
}

export interface Fact {
  id: string;
  /** The clearest wording among the evidence (the most central sentence). */
  text: string;
  articles: string[];
  evidence: EvidenceSpan[];
  /** Added: true when only one article reports it. */
  exclusive?: boolean;
  /**
   * Added: true on a fact of two or more articles whose sentences are on one point but not shown to state
   * one claim (their weakest same-claim link is below the shared-fact bar): related coverage, not a
   * fact the outlets share. Absent on shared and exclusive facts.
   */
  related?: boolean;
  /** Added: the fact's articles that are opinion or analysis pieces (see ReportArticle.opinion); absent if none. */
  opinion?: string[];
  /**
   * Added: the fact's articles whose sentence states the claim with extra detail: next to another sentence
   * of the fact it meets only through one of its clauses, or holds a clause that sentence lacks ("shares
   * rose 4 percent, having hit a record high" / "shares rose 4 percent"). The others state it plainly.
   * Absent when none does.
   */
  extraDetail?: string[];
  /** Added: how sure it is that the evidence states one claim (shared facts) or reports one (exclusives). */
  confidence?: Confidence;
}

export type DiscrepancyKind = 'title' | 'spelling' | 'number' | 'date' | 'attribution' | 'wording';

export interface Discrepancy {
  kind: DiscrepancyKind;
  /** Actor, fact or quote-group id. */
  subject: string;
  values: { value: string; articles: string[] }[];
  note: string;
  /**
   * Added: where each side wrote its value, to show side by side: the sentences of a number, date or
   * attribution; the mentions of each spelling; the labels of each title; the printings of a quote.
   */
  evidence?: EvidenceSpan[];
  /** Added: how sure it is that the sides really disagree (kind, and how the sides were matched). */
  confidence?: Confidence;
}

export interface TimelineEntry {
  /** YYYY | YYYY-MM | YYYY-MM-DD */
  date: string;
  text: string;
  articles: string[];
  /** Added: the date expressions and sentences behind the entry. */
  evidence?: EvidenceSpan[];
}

export interface DigestSentence {
  text: string;
  articles: string[];
  /** Added: the sentence the text was taken from. */
  evidence?: EvidenceSpan[];
  /** Added: how sure the sentence is a corroborated, neutral, self-contained account of its fact. */
  confidence?: Confidence;
}

export interface Story {
  id: string;
  title: string;
  articles: ReportArticle[];
  actors: Actor[];
  /**
   * Added: people and groups the outlets refer to without naming them ("the gunman", "police"), merged
   * across articles by head noun; ids start with "u". Kept out of `actors`, the named cast. Absent when none.
   */
  unnamedActors?: Actor[];
  quotes: QuoteGroup[];
  facts: Fact[];
  discrepancies: Discrepancy[];
  timeline: TimelineEntry[];
  digest: DigestSentence[];
  /**
   * Added: why the digest is empty, in a sentence a reader can act on (every article reads as opinion; one
   * outlet's report is left beside opinion; nothing shared stands on its own). Absent when there is a digest.
   */
  digestWithheld?: string;
  /**
   * Added: the story's coverage by leaning, from the library's outlet directory (`parallax story`); absent
   * when the directory gives no leaning (or the report is not from a library). Voices, not articles: a
   * near-copy of another article counts for nothing.
   */
  spread?: ReportSpread;
}

/** How a story's voices fall across the values of one field of the outlet directory (src/outlets/spread.ts). */
export interface ReportSpread {
  field: 'leaning' | 'country' | 'language' | 'owner';
  /** Groups with outlets in the story: in the scale's order for leaning, most voices first otherwise; null (outlets the directory does not describe) last. */
  groups: { value: string | null; voices: number; outlets: { outlet: string; voices: number }[] }[];
  /** All voices of the story. */
  voices: number;
  /** Every value the directory has for the field, in display order (a group of the story or not). */
  values: string[];
  /** The one group that alone covers the story (a blindspot of the others), or null. */
  blindspot: string | null;
}

export interface Report {
  version: typeof REPORT_VERSION;
  generatedAt: string;
  stories: Story[];
}
