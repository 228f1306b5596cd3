// The token layer every annotator works on: paragraphs → sentences → tokens, with character offsets into
// Article.text. wink-nlp reads the whole article once (one call per paragraph costs ~13% more) and its
// sentences are then cut at every paragraph break, so a sentence never spans two paragraphs whatever wink
// decides; a heading is always exactly one sentence (it has no final stop to split on).
import type { Article, Span } from '../model/article.js';
import { its, wink } from '../nlp/wink.js';
import { isSingularTitleAbbreviation, isTitleAbbreviation } from '../text/names.js';
import { isSpaceCode } from '../text/words.js';

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Universal POS tag from wink (PROPN, NOUN, VERB, …). */
  pos: string;
  sentence: number;
}

export interface SentenceInfo extends Span {
  /** Index of the first token and one past the last. */
  firstToken: number;
  endToken: number;
  paragraph: number;
  heading: boolean;
}

export interface TokenLayer {
  text: string;
  tokens: Token[];
  sentences: SentenceInfo[];
  /** Sentences cut in pieces because they ran past MAX_SENTENCE_TOKENS. */
  cutSentences: number;
}

/**
 * A sentence longer than this many tokens is cut into pieces of at most this length. Quote attribution
 * and the descriptor and speaker searches look around a token within its sentence, so one endless
 * "sentence" (a text with no full stops, a list joined by commas) makes them quadratic. Real text stays
 * below it: the longest of the 1.7 million sentences in the 37,554 allsides articles is 665 tokens (a
 * list of countries), and 73 pass 250.
 */
export const MAX_SENTENCE_TOKENS = 1_000;
/** Where a sentence must be cut, the cut goes after the last comma or semicolon in the piece's second half. */
const SOFT_BREAK = /^[,;:—–]$/;

/** Extra sentence starts that keep every sentence within MAX_SENTENCE_TOKENS. */
function cutLongSentences(
  ordered: readonly number[],
  tokens: readonly Token[],
): { starts: number[]; cut: number } {
  const starts: number[] = [];
  let cut = 0;
  for (const [k, first] of ordered.entries()) {
    const end = ordered[k + 1] ?? tokens.length;
    starts.push(first);
    if (end - first <= MAX_SENTENCE_TOKENS) continue;
    cut++;
    let from = first;
    while (end - from > MAX_SENTENCE_TOKENS) {
      let next = from + MAX_SENTENCE_TOKENS;
      for (let t = next - 1; t > from + MAX_SENTENCE_TOKENS / 2; t--) {
        if (SOFT_BREAK.test(tokens[t]?.text ?? '')) {
          next = t + 1;
          break;
        }
      }
      starts.push(next);
      from = next;
    }
  }
  return { starts, cut };
}

const WORDLIKE = /^[\p{L}\p{N}]/u;

/**
 * Runs of non-space characters longer than this are not handed to wink-nlp as they are. wink's
 * tokenizer splits a long run recursively, trying its URL, e-mail and punctuation patterns on every
 * piece, and even a run of one letter costs it time quadratic in the run's length: measured per KB, a
 * run of "http://a" repeated costs 8 ms at 128 characters, 20 ms at 256 and 160 ms at 1,024; 64 KB of
 * "x" alone took 5 s. Real text stays below the limit, so its annotation is unchanged: the longest run in
 * the 37,554 allsides texts is 186 characters (a link, or a joke compound of the shape
 * "mayor-says-it-was-never-his-idea-…"). A run this long ("http://ahttp://a…", "a.b.c.d…") is not
 * prose, and one token is all annotation needs of it.
 */
export const MAX_WINK_RUN = 256;
// The lookbehind lets a match start only where a run starts, so the scan stays linear.
const LONG_RUN = new RegExp(`(?<!\\S)\\S{${MAX_WINK_RUN + 1},}`, 'g');
/** wink reads the filler as short plain words ("xxx…x xxx…x"), each in time linear in its length. */
const FILLER_WORD = 63;

function filler(length: number): string {
  const word = `${'x'.repeat(FILLER_WORD)} `;
  return word.repeat(Math.floor(length / word.length)) + 'x'.repeat(length % word.length);
}

/**
 * The text wink reads: every long non-space run replaced by filler words of the same total length, so
 * offsets are identical; readTokens merges the filler's tokens back into one token per run, sliced from
 * the real text. `runs` lists the masked spans in text order.
 */
export function maskLongRuns(text: string): { masked: string; runs: [number, number][] } {
  const runs: [number, number][] = [];
  // Nearly every text has no such run: one pass over the character codes says so at a tenth of the cost
  // of LONG_RUN's scan (0.3 s per 3,000 allsides articles).
  if (!hasLongRun(text)) return { masked: text, runs };
  const masked = text.replace(LONG_RUN, (run, at: number) => {
    runs.push([at, at + run.length]);
    return filler(run.length);
  });
  return { masked, runs };
}

/** Whether `text` has a run of more than MAX_WINK_RUN characters that are not `\s` (LONG_RUN's test). */
function hasLongRun(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) run = 0;
    else if (++run > MAX_WINK_RUN) return true;
  }
  return false;
}

/** How far past its expected offset a token is looked for in the text (wink's spaces count is exact). */
const NEAR_SEARCH = 256;

/** A hyphen with no space on either side joins the words around it into one token. */
function joinsCompound(previous: Token, token: Token): boolean {
  if (previous.end !== token.start) return false;
  if (token.text === '-') return WORDLIKE.test(previous.text);
  return previous.text.endsWith('-') && previous.text.length > 1 && WORDLIKE.test(token.text);
}

/**
 * Whether `token` is the full stop of a singular title written short that wink split from it ("Rev" "." in
 * "the Rev. Ann Lee said"; wink keeps "Sen." and "Dr." whole but not "Rev.", "Fr.", "Maj.", "Cmdr.",
 * "Supt."). Split, the stop reads as a sentence end inside the name, and a quote's speaker search stops at
 * it: "“We are ready,” Rev. Ann Lee said" found no speaker. Only before a capitalised word, the name, glued
 * to the title and followed by a space. Plurals ("Sens.") stay split: the name layer ends a run of
 * capitalised words at their stop ("Democratic Sens. | Tom Hale and …"), which it does not at a glued one.
 */
function closesTitle(
  previous: Token,
  token: Token,
  nextSpaces: string | undefined,
  next: string | undefined,
): boolean {
  if (token.text !== '.' || previous.end !== token.start || !nextSpaces || !/^\p{Lu}/u.test(next ?? ''))
    return false;
  return isSingularTitleAbbreviation(previous.text.slice(previous.text.lastIndexOf('-') + 1));
}

/** Tokens with offsets, hyphenated compounds merged; `indexOf[i]` maps wink token i to its merged token. */
function readTokens(text: string): { tokens: Token[]; indexOf: number[]; winkSentences: [number, number][] } {
  const { masked, runs } = maskLongRuns(text);
  const doc = wink.readDoc(masked);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const tokens: Token[] = [];
  const indexOf: number[] = [];
  let offset = 0;
  let run = 0;
  values.forEach((value, i) => {
    offset += (spaces[i] ?? '').length;
    // wink is lossless, but guard against a normalised token so offsets can never drift. The search is
    // kept near: a token wink had changed would otherwise send every search to the end of the text.
    let start = offset;
    if (!masked.startsWith(value, offset)) {
      const near = masked.slice(offset, offset + value.length + NEAR_SEARCH).indexOf(value);
      if (near >= 0) start = offset + near;
    }
    offset = start + value.length;
    while (run < runs.length && (runs[run]?.[1] ?? 0) <= start) run++;
    const inRun = runs[run];
    if (inRun && start >= inRun[0]) {
      // Filler inside a masked run: the run is one token, a link or code rather than a word, tagged SYM
      // as wink tags the URLs it recognises.
      const last = tokens[tokens.length - 1];
      if (last && last.start === inRun[0]) {
        indexOf.push(tokens.length - 1);
        return;
      }
      tokens.push({
        start: inRun[0],
        end: inRun[1],
        text: text.slice(inRun[0], inRun[1]),
        pos: 'SYM',
        sentence: -1,
      });
      indexOf.push(tokens.length - 1);
      return;
    }
    // Paragraph breaks come back as whitespace tokens: they belong to no word, and a sentence that wink
    // starts on one starts at the next real token.
    // (A first character that is no space settles it without trim's copy: ~0.08 s per 1,500 articles.)
    if (value.length === 0 || (isSpaceCode(value.charCodeAt(0)) && value.trim() === '')) {
      indexOf.push(tokens.length);
      return;
    }
    const token: Token = { start, end: offset, text: value, pos: tags[i] ?? 'X', sentence: -1 };
    const previous = tokens[tokens.length - 1];
    if (previous && closesTitle(previous, token, spaces[i + 1], values[i + 1])) {
      // "Rev. Ann Lee", "Cmdr. Bo Hale": one title token with its full stop, as wink reads "Sen." and "Dr.".
      previous.end = token.end;
      previous.text = text.slice(previous.start, previous.end);
    } else if (previous && joinsCompound(previous, token)) {
      // "self-proclaimed", "state-affiliated", "Russo-Ukrainian": one word, as a reader sees it.
      previous.end = token.end;
      previous.text = text.slice(previous.start, previous.end);
      if (token.text !== '-') previous.pos = token.pos === 'VERB' ? 'ADJ' : token.pos;
    } else {
      tokens.push(token);
    }
    indexOf.push(tokens.length - 1);
  });
  return { tokens, indexOf, winkSentences: doc.sentences().out(its.span) as unknown as [number, number][] };
}

/**
 * Whether a sentence start wink proposes is really the middle of a sentence. Wink ends a sentence at the
 * full stop of a state abbreviation inside a party tag, "Sen. Ann Lee (D-Calif.), also a candidate, said"
 * or "Rep. Bo Hale (R-Ore.) said", leaving a name-tag fragment that then joins facts with other outlets'
 * sentences about the same person. No sentence opens on a comma, semicolon, colon or closing bracket, nor
 * on a lower-case word right after a closing parenthesis ("iPhone"-style words, a capital inside, still
 * may).
 */
function continuesSentence(previous: Token | undefined, current: Token | undefined): boolean {
  if (!current || !previous) return false;
  if (/^[,;:)\]]/.test(current.text)) return true;
  return previous.text === ')' && /^\p{Ll}/u.test(current.text) && !/\p{Lu}/u.test(current.text.slice(1));
}

export function tokenize(article: Pick<Article, 'text' | 'paragraphs'>): TokenLayer {
  const { tokens, indexOf, winkSentences } = readTokens(article.text);
  const paragraphs = article.paragraphs;
  // Token index → paragraph index (tokens are in text order, so one sweep suffices).
  const paragraphOf: number[] = [];
  let p = 0;
  for (const token of tokens) {
    while (p < paragraphs.length - 1 && token.start >= (paragraphs[p]?.end ?? 0)) p++;
    paragraphOf.push(p);
  }
  // Sentence starts: wink's, plus every paragraph's first token; within a heading, only its first token.
  const starts = new Set<number>();
  for (const [first] of winkSentences) {
    const t = indexOf[first];
    // "Sen. Ann Lee (R-N.Y.) said": wink may end a sentence at the full stop inside an abbreviation; a
    // sentence never starts on a letter of an abbreviation glued to the full stop before it ("Y." in
    // "N.Y."; a real end has a space after it, and "over.Then" is a typo that still ends one).
    const previous = t === undefined ? undefined : tokens[t - 1];
    const current = t === undefined ? undefined : tokens[t];
    if (previous?.text.endsWith('.') && previous.end === current?.start && /^\p{Lu}\.?$/u.test(current.text))
      continue;
    // Nor after a title written short before a name: wink knows "Sen." but ends a sentence at the plural
    // ("Two hopefuls, Sens. | Ann Lee and Bo Hale, called …"), leaving a fragment that shares a fact.
    const title = t === undefined ? undefined : tokens[t - 2];
    if (
      previous?.text === '.' &&
      title?.end === previous.start &&
      // "then-Sen. Ann Lee", "ex-Gov. Bo Hale": the title after a prefix joined by a hyphen.
      isTitleAbbreviation(title.text.slice(title.text.lastIndexOf('-') + 1)) &&
      /^\p{Lu}/u.test(current?.text ?? '')
    )
      continue;
    // Nor after one readTokens has glued to its full stop ("the Rev. | Ann Lee").
    if (
      previous?.text.endsWith('.') &&
      isSingularTitleAbbreviation(previous.text.slice(previous.text.lastIndexOf('-') + 1, -1)) &&
      /^\p{Lu}/u.test(current?.text ?? '')
    )
      continue;
    if (continuesSentence(previous, current)) continue;
    if (t !== undefined) starts.add(t);
  }
  for (let t = 0; t < tokens.length; t++) {
    const paragraph = paragraphOf[t] ?? 0;
    const opensParagraph = t === 0 || paragraphOf[t - 1] !== paragraph;
    if (opensParagraph) starts.add(t);
    else if (paragraphs[paragraph]?.kind === 'heading') starts.delete(t);
  }
  const { starts: ordered, cut } = cutLongSentences(
    [...starts].sort((a, b) => a - b),
    tokens,
  );
  const sentences: SentenceInfo[] = [];
  for (const [k, first] of ordered.entries()) {
    const endToken = ordered[k + 1] ?? tokens.length;
    const firstToken = tokens[first];
    const lastToken = tokens[endToken - 1];
    if (!firstToken || !lastToken) continue;
    const index = sentences.length;
    for (let t = first; t < endToken; t++) (tokens[t] as Token).sentence = index;
    const paragraph = paragraphOf[first] ?? 0;
    sentences.push({
      start: firstToken.start,
      end: lastToken.end,
      firstToken: first,
      endToken,
      paragraph,
      heading: paragraphs[paragraph]?.kind === 'heading',
    });
  }
  return { text: article.text, tokens, sentences, cutSentences: cut };
}
