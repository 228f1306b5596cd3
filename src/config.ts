// One source of truth for tunable limits: the CLI flags and any future API options read these defaults.

export interface Config {
  /** Largest single document accepted (a file, or one record of a JSON/JSONL stream), in bytes. */
  maxInputBytes: number;
  /** Largest decompressed size of a streamed .json.gz / .jsonl.gz (many documents); a .gz read whole (one
   * document) is held to maxInputBytes. */
  maxDecompressedBytes: number;
  /** How deep a folder walk may go below each folder given on the command line. */
  maxFolderDepth: number;
  /** Most articles analyze compares as one story (--max-articles); more are refused before any is annotated. */
  maxStoryArticles: number;
  /** Optional mapping of files and URL hosts to outlet names and metadata (--sources). */
  sourcesFile: string | null;
}

/**
 * analyze compares all its articles as one story, and the work grows faster than the input: 20,000
 * one-sentence articles (2.3 MB) took 311 s at a 4.1 GB peak, writing a 473 MB report.md. Measured on 2
 * busy cores with real news articles (ECB+ train/validation documents, 1.9 KB each), report files
 * written: 100 articles 10 s / 184 MB peak, 250: 23 s / 251 MB, 500: 29 s / 372 MB, 772: 42 s / 614 MB
 * (report.md 0.4, 3.0, 9.9, 23.7 MB). 500 keeps a run near half a minute and under 400 MB; one story
 * with more articles than that is better read from a library (`parallax ingest`, `parallax story`).
 */
export const DEFAULT_MAX_STORY_ARTICLES = 500;

export const DEFAULT_CONFIG: Config = {
  maxInputBytes: 20 * 1024 * 1024,
  maxDecompressedBytes: 200 * 1024 * 1024,
  maxFolderDepth: 32,
  maxStoryArticles: DEFAULT_MAX_STORY_ARTICLES,
  sourcesFile: null,
};
