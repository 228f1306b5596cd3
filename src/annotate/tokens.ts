// The token layer every annotator works on: paragraphs → sentences → tokens, with character offsets into
// Article.text. wink-nlp reads the whole article once (one call per paragraph costs ~13% more) and its
// sentences are then cut at every paragraph break, so a sentence never spans two paragraphs whatever wink
// decides; a heading is always exactly one sentence (it has no final stop to split on).
import type { Article, Span } from '../model/article.js';
import { its, wink } from '../nlp/wink.js';

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
}

const WORDLIKE = /^[\p{L}\p{N}]/u;

/** A hyphen with no space on either side joins the words around it into one token. */
function joinsCompound(previous: Token, token: Token): boolean {
  if (previous.end !== token.start) return false;
  if (token.text === '-') return WORDLIKE.test(previous.text);
  return previous.text.endsWith('-') && previous.text.length > 1 && WORDLIKE.test(token.text);
}

/** Tokens with offsets, hyphenated compounds merged; `indexOf[i]` maps wink token i to its merged token. */
function readTokens(text: string): { tokens: Token[]; indexOf: number[]; winkSentences: [number, number][] } {
  const doc = wink.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const tokens: Token[] = [];
  const indexOf: number[] = [];
  let offset = 0;
  values.forEach((value, i) => {
    offset += (spaces[i] ?? '').length;
    // wink is lossless, but guard against a normalised token so offsets can never drift.
    const at = text.startsWith(value, offset) ? offset : text.indexOf(value, offset);
    const start = at >= 0 ? at : offset;
    offset = start + value.length;
    // Paragraph breaks come back as whitespace tokens: they belong to no word, and a sentence that wink
    // starts on one starts at the next real token.
    if (value.trim() === '') {
      indexOf.push(tokens.length);
      return;
    }
    const token: Token = { start, end: offset, text: value, pos: tags[i] ?? 'X', sentence: -1 };
    const previous = tokens[tokens.length - 1];
    if (previous && joinsCompound(previous, token)) {
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
    if (t !== undefined) starts.add(t);
  }
  for (let t = 0; t < tokens.length; t++) {
    const paragraph = paragraphOf[t] ?? 0;
    const opensParagraph = t === 0 || paragraphOf[t - 1] !== paragraph;
    if (opensParagraph) starts.add(t);
    else if (paragraphs[paragraph]?.kind === 'heading') starts.delete(t);
  }
  const ordered = [...starts].sort((a, b) => a - b);
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
  return { text: article.text, tokens, sentences };
}
