// The token layer every annotator works on: paragraphs → sentences → tokens, with character offsets into
// Article.text. wink-nlp runs paragraph by paragraph because its sentence splitter is reliable only when
// it does not have to guess paragraph breaks; headings are one sentence each (they have no final stop).
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

export function tokenize(article: Pick<Article, 'text' | 'paragraphs'>): TokenLayer {
  const tokens: Token[] = [];
  const sentences: SentenceInfo[] = [];
  article.paragraphs.forEach((paragraph, paragraphIndex) => {
    const text = article.text.slice(paragraph.start, paragraph.end);
    const doc = wink.readDoc(text);
    const values = doc.tokens().out(its.value) as string[];
    const spaces = doc.tokens().out(its.precedingSpaces) as string[];
    const tags = doc.tokens().out(its.pos) as string[];
    const firstTokenOfParagraph = tokens.length;
    /** wink token index → index in `tokens` after merging hyphenated compounds. */
    const indexOf: number[] = [];
    let offset = 0;
    values.forEach((value, i) => {
      offset += (spaces[i] ?? '').length;
      // wink is lossless, but guard against a normalised token so offsets can never drift.
      const at = text.startsWith(value, offset) ? offset : text.indexOf(value, offset);
      const start = paragraph.start + (at >= 0 ? at : offset);
      offset = start - paragraph.start + value.length;
      const token: Token = {
        start,
        end: start + value.length,
        text: value,
        pos: tags[i] ?? 'X',
        sentence: -1,
      };
      const previous = tokens[tokens.length - 1];
      if (tokens.length > firstTokenOfParagraph && previous && joinsCompound(previous, token)) {
        // "self-proclaimed", "state-affiliated", "Russo-Ukrainian": one word, as a reader sees it.
        previous.end = token.end;
        previous.text = article.text.slice(previous.start, previous.end);
        if (token.text !== '-') previous.pos = token.pos === 'VERB' ? 'ADJ' : token.pos;
      } else {
        tokens.push(token);
      }
      indexOf.push(tokens.length - 1);
    });
    const spans: [number, number][] =
      paragraph.kind === 'heading'
        ? [[0, values.length - 1]]
        : (doc.sentences().out(its.span) as unknown as [number, number][]);
    for (const [winkFirst, winkLast] of spans) {
      const first = indexOf[winkFirst] ?? -1;
      const last = indexOf[winkLast] ?? -1;
      const firstToken = tokens[first];
      const lastToken = tokens[last];
      if (!firstToken || !lastToken || firstToken.sentence >= 0) continue;
      const index = sentences.length;
      for (let t = first; t <= last; t++) {
        const token = tokens[t];
        if (token) token.sentence = index;
      }
      sentences.push({
        start: firstToken.start,
        end: lastToken.end,
        firstToken: first,
        endToken: last + 1,
        paragraph: paragraphIndex,
        heading: paragraph.kind === 'heading',
      });
    }
  });
  return { text: article.text, tokens, sentences };
}
