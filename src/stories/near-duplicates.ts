// Near-duplicate detection: syndicated wire copies, one article on two URLs, lightly edited reprints
// (trimmed last paragraphs, a newsletter line or copyright footer added, a few words changed) must count
// as one voice in a story. Detection is incremental and never scans the library:
//
//   1. duplicateKeys(text) → a few tens of short locality-sensitive keys (MinHash over word shingles,
//      cut into LSH bands). The store keeps (key, article) rows in an indexed table; a new article's
//      candidates are the earlier articles that share any key with it.
//   2. nearDuplicateScore(a, b) → exact resemblance and containment over the two texts' shingles, and
//      isNearDuplicate(score) decides. Only candidates are verified, so the cost of adding an article
//      depends on how many near-duplicates it has, not on the size of the library.
//
// Why these numbers. With BANDS bands of ROWS_PER_BAND MinHash values, two texts whose shingle sets have
// resemblance (Jaccard) s share at least one key with probability 1 − (1 − s^ROWS)^BANDS. With 3 × 36:
//   s = 0.9 → 1.000   s = 0.6 → 0.9998   s = 0.5 → 0.99   s = 0.4 → 0.91   s = 0.2 → 0.25   s = 0.05 → 0.005
// A reprint trimmed by 30% with a footer added keeps s ≈ 0.6–0.7; two different articles on the same
// event share a few quotes and names but almost no five-word runs, so s < 0.05 and they rarely even
// become candidates (and when they do, verification rejects them).
//
// Stability: keys depend only on the normalised words and the constants below (fixed seeds, integer
// hashing with Math.imul), never on Math.random, the process or ICU data (CJK and Thai are split per
// character by a fixed regex rather than by Intl.Segmenter, whose dictionaries change between Node
// releases). Changing any constant changes the keys: bump KEY_VERSION, which is part of every key, and
// re-key the library.
//
// Very short texts: a text with fewer than SHORT_TEXT_WORDS words (a brief, a caption, a teaser) has too
// few shingles for the estimate to mean anything, and "three sentences in common" is not evidence of a
// reprint. Such a text gets a single exact key (the hash of its normalised words) and is a near-duplicate
// only of a text with exactly the same normalised words. An empty text (no words) gets no keys and is a
// near-duplicate of nothing.

/** Part of every key; bump it whenever normalisation, shingling, hashing or banding changes. */
export const KEY_VERSION = 1;
/** Words per shingle. Five-word runs are rare across distinct articles yet one changed word only breaks five. */
export const SHINGLE_SIZE = 5;
/** LSH bands: one key per band, so this is the number of keys per (long enough) article. */
export const BANDS = 36;
/** MinHash values per band; fewer rows reach lower resemblance at the price of more spurious candidates. */
export const ROWS_PER_BAND = 3;
/** Below this many words a text is keyed and matched exactly (see above). */
export const SHORT_TEXT_WORDS = 40;

/**
 * Resemblance (Jaccard of the shingle sets) at or above which two texts are near-duplicates, whatever
 * their lengths: an identical copy, a copy with a few words changed and a footer added. A copy with 2%
 * of its words substituted keeps about 0.8 (each changed word breaks up to SHINGLE_SIZE shingles); 5%
 * leaves about 0.6.
 */
export const MIN_RESEMBLANCE = 0.5;
/**
 * Containment (share of the shorter text's shingles found in the longer) at or above which a trimmed
 * reprint is a near-duplicate: cutting the last 30% of an article drops the resemblance to 0.7 or less
 * (less still with added boilerplate) but leaves the containment near 1.
 */
export const MIN_CONTAINMENT = 0.8;
/**
 * ...provided the resemblance is at least this: a 150-word excerpt quoted whole inside a 1,500-word
 * feature is contained in it but is not a reprint of it. At 0.35 the shorter text has at least about a
 * third of the longer one's length, and the LSH keys still find such a pair with probability ≈ 0.8.
 */
export const MIN_RESEMBLANCE_WHEN_CONTAINED = 0.35;
/**
 * And in either case, at least this share of the shorter text's paragraphs must be found in the longer
 * (a paragraph is found when half its shingles are). A reprint shares most of its paragraphs; two
 * different articles that share one long block do not. Motivating example: two scraped pages about two
 * different debates that each carry the same two photo-gallery caption blocks, thousands of words long,
 * reach resemblance 0.5 and containment 0.7 on those blocks alone, yet share 2 of their 25 paragraphs.
 */
export const MIN_PARAGRAPHS_SHARED = 0.5;
/**
 * Paragraphs are weighted by their number of shingles, capped at this: without the cap a gallery block
 * outweighs twenty ordinary paragraphs (that is containment again); without weights, three one-line
 * "Subscribe…" paragraphs added to a one-paragraph article would outvote it (1/4).
 */
export const PARAGRAPH_WEIGHT_CAP = 100;

export interface NearDuplicateScore {
  /** |A ∩ B| / |A ∪ B| over the two texts' sets of word shingles. */
  resemblance: number;
  /** |A ∩ B| / min(|A|, |B|): the share of the shorter text's shingles found in the longer. */
  containment: number;
  /**
   * Share of the shorter text's paragraphs with at least half their shingles in the longer text, each
   * paragraph weighted by its shingle count up to PARAGRAPH_WEIGHT_CAP.
   */
  paragraphs: number;
  /** Number of words in the shorter text (after normalisation). */
  shorterWords: number;
}

const NO_SPACE_SCRIPTS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/gu;
// A word: letters, digits and combining marks, with inner apostrophes ("don't", "O'Neill") kept together.
const WORD = /[\p{L}\p{N}\p{M}]+(?:'[\p{L}\p{N}\p{M}]+)*/gu;
const APOSTROPHES = /[\u2018\u2019\u02BC\uFF07`´]/g;

/**
 * The text as a list of lowercase words: case, punctuation, whitespace and compatibility forms (NFKC:
 * full-width letters, ligatures) do not count. Scripts written without spaces are split per character.
 */
export function normalizedWords(text: string): string[] {
  const folded = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(APOSTROPHES, "'")
    .replace(NO_SPACE_SCRIPTS, ' $& ');
  const words = folded.match(WORD) ?? [];
  return words.map((w) => (w.includes("'") ? w.replaceAll("'", '') : w));
}

/** The text's word shingles (runs of SHINGLE_SIZE words) by start position; a shorter text is one shingle. */
function shingles(words: readonly string[]): string[] {
  if (words.length === 0) return [];
  if (words.length <= SHINGLE_SIZE) return [words.join(' ')];
  const out: string[] = [];
  for (let i = 0; i + SHINGLE_SIZE <= words.length; i++) out.push(words.slice(i, i + SHINGLE_SIZE).join(' '));
  return out;
}

// --- hashing (32-bit integer arithmetic only, so every engine and process agrees) ---------------------

/** FNV-1a over UTF-16 code units, finished with the MurmurHash3 mixer. */
function hashString(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

function fmix32(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The MinHash permutations: h ↦ fmix32(a·h + b) with odd a, from a fixed splitmix32 sequence. */
const PERMUTATIONS = (() => {
  const n = BANDS * ROWS_PER_BAND;
  const a = new Uint32Array(n);
  const b = new Uint32Array(n);
  let state = 0x9e3779b9;
  const next = () => {
    state = (state + 0x9e3779b9) >>> 0;
    return fmix32(state);
  };
  for (let i = 0; i < n; i++) {
    a[i] = (next() | 1) >>> 0;
    b[i] = next();
  }
  return { a, b, n };
})();

/**
 * hashString(shingle, 0) of each shingle of `words` (at least SHINGLE_SIZE of them), without making the
 * shingle strings: the same FNV-1a over the words' characters with a space between them. Making each
 * shingle a string (slice, join) and a set of them was a third of duplicateKeys in ingest's worker; a
 * shingle seen twice gives its hash twice, which leaves every minimum as it was.
 */
function shingleHashes(words: readonly string[]): Uint32Array {
  const out = new Uint32Array(words.length - SHINGLE_SIZE + 1);
  for (let start = 0; start < out.length; start++) {
    let h = 0x811c9dc5 >>> 0;
    for (let w = start; w < start + SHINGLE_SIZE; w++) {
      if (w > start) {
        h ^= 32;
        h = Math.imul(h, 0x01000193);
      }
      const word = words[w] as string;
      for (let i = 0; i < word.length; i++) {
        h ^= word.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
      }
    }
    out[start] = fmix32(h);
  }
  return out;
}

function minHashes(hashes: Iterable<number>): Uint32Array {
  const { a, b, n } = PERMUTATIONS;
  const mins = new Uint32Array(n).fill(0xffffffff);
  for (const h of hashes) {
    for (let i = 0; i < n; i++) {
      const v = fmix32((Math.imul(h, a[i] as number) + (b[i] as number)) | 0);
      if (v < (mins[i] as number)) mins[i] = v;
    }
  }
  return mins;
}

/** Two independent 32-bit hashes of a band's values, written as one compact base-36 string. */
function bandHash(mins: Uint32Array, band: number): string {
  let h1 = 0x2545f491 ^ band;
  let h2 = 0x6a09e667 ^ band;
  for (let r = 0; r < ROWS_PER_BAND; r++) {
    const v = mins[band * ROWS_PER_BAND + r] as number;
    h1 = fmix32(Math.imul(h1 ^ v, 0x01000193));
    h2 = fmix32(Math.imul(h2 + v, 0x5bd1e995) ^ 0x27d4eb2f);
  }
  return (h1 >>> 0).toString(36) + (h2 >>> 11).toString(36);
}

/**
 * Locality-sensitive keys for a text: BANDS keys "<version>:<band>:<hash>" (about 15 characters each)
 * that a near-duplicate shares at least once with high probability; a short text gets one exact key
 * "<version>:x:<hash>", an empty text none. Deterministic across processes and runs.
 */
export function duplicateKeys(text: string): string[] {
  const { words } = paragraphWords(text);
  if (words.length === 0) return [];
  if (words.length < SHORT_TEXT_WORDS) {
    const joined = words.join(' ');
    const h = (hashString(joined, 1).toString(36) + hashString(joined, 2).toString(36)).slice(0, 13);
    return [`${KEY_VERSION}:x:${h}`];
  }
  const mins = minHashes(shingleHashes(words));
  const keys: string[] = [];
  for (let band = 0; band < BANDS; band++)
    keys.push(`${KEY_VERSION}:${band.toString(36)}:${bandHash(mins, band)}`);
  return keys;
}

/** A text's words, and where each of its paragraphs (lines) starts in that word list. */
function paragraphWords(text: string): { words: string[]; starts: number[] } {
  const words: string[] = [];
  const starts: number[] = [];
  for (const line of text.split('\n')) {
    const w = normalizedWords(line);
    if (w.length === 0) continue;
    starts.push(words.length);
    words.push(...w);
  }
  return { words, starts };
}

/**
 * Weighted share of a text's paragraphs (starting at word positions `starts`; `list` is its shingles by
 * start) with at least half their shingles in `other`; see PARAGRAPH_WEIGHT_CAP.
 */
function paragraphsShared(
  list: readonly string[],
  starts: readonly number[],
  other: ReadonlySet<string>,
): number {
  let total = 0;
  let found = 0;
  starts.forEach((start, p) => {
    const end = Math.min(starts[p + 1] ?? list.length, list.length);
    if (end <= start) return;
    let hits = 0;
    for (let i = start; i < end; i++) if (other.has(list[i] as string)) hits++;
    const weight = Math.min(end - start, PARAGRAPH_WEIGHT_CAP);
    total += weight;
    if (hits * 2 >= end - start) found += weight;
  });
  return total === 0 ? 0 : found / total;
}

/** Exact resemblance, containment and shared paragraphs of two texts over their word shingles (no sampling). */
export function nearDuplicateScore(a: string, b: string): NearDuplicateScore {
  const pa = paragraphWords(a);
  const pb = paragraphWords(b);
  const la = shingles(pa.words);
  const lb = shingles(pb.words);
  const sa = new Set(la);
  const sb = new Set(lb);
  const aIsSmaller = sa.size <= sb.size;
  const [small, large] = aIsSmaller ? [sa, sb] : [sb, sa];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  const union = sa.size + sb.size - shared;
  const shorter = aIsSmaller ? { list: la, starts: pa.starts } : { list: lb, starts: pb.starts };
  return {
    resemblance: union === 0 ? 0 : shared / union,
    containment: small.size === 0 ? 0 : shared / small.size,
    paragraphs: small.size === 0 ? 0 : paragraphsShared(shorter.list, shorter.starts, large),
    shorterWords: Math.min(pa.words.length, pb.words.length),
  };
}

/** The verdict on a score; see the MIN_* constants and SHORT_TEXT_WORDS. */
export function isNearDuplicate(score: NearDuplicateScore): boolean {
  if (score.shorterWords === 0) return false;
  if (score.shorterWords < SHORT_TEXT_WORDS) return score.resemblance === 1;
  if (score.paragraphs < MIN_PARAGRAPHS_SHARED) return false;
  if (score.resemblance >= MIN_RESEMBLANCE) return true;
  return score.containment >= MIN_CONTAINMENT && score.resemblance >= MIN_RESEMBLANCE_WHEN_CONTAINED;
}

/**
 * An in-memory near-duplicate index for tests and benchmarks, built only on duplicateKeys and
 * nearDuplicateScore so that the store can do exactly the same with a (key, article) table: look up the
 * new text's keys, verify each earlier article that shares one in insertion order (in SQL: the distinct
 * articles for `key IN (…)`, ordered by rowid), stop at the first that passes.
 */
export class NearDuplicateIndex {
  private readonly byKey = new Map<string, number[]>();
  private readonly texts: string[] = [];
  private readonly ids: string[] = [];
  /** Candidates verified with nearDuplicateScore, over all calls to add. */
  verifications = 0;

  /** `onScore` sees every verification (the benchmark uses it to report the margin of the thresholds). */
  constructor(
    private readonly onScore?: (id: string, candidate: string, score: NearDuplicateScore) => void,
  ) {}

  /** Number of texts added. */
  get size(): number {
    return this.ids.length;
  }

  /** Adds a text; returns the id of the earliest added text it is a near-duplicate of, or null. */
  add(id: string, text: string): string | null {
    const keys = duplicateKeys(text);
    const candidates = new Set<number>();
    for (const key of keys) for (const seq of this.byKey.get(key) ?? []) candidates.add(seq);
    let earliest: number | null = null;
    for (const seq of [...candidates].sort((x, y) => x - y)) {
      this.verifications++;
      const score = nearDuplicateScore(text, this.texts[seq] as string);
      this.onScore?.(id, this.ids[seq] as string, score);
      if (isNearDuplicate(score)) {
        earliest = seq;
        break;
      }
    }
    const seq = this.ids.length;
    this.ids.push(id);
    this.texts.push(text);
    for (const key of keys) {
      const list = this.byKey.get(key);
      if (list) list.push(seq);
      else this.byKey.set(key, [seq]);
    }
    return earliest === null ? null : (this.ids[earliest] as string);
  }
}
