// One source of truth for tunable limits: the CLI flags and any future API options read these defaults.

export interface Config {
  /** Largest single document accepted (a file, or one record of a JSON/JSONL stream), in bytes. */
  maxInputBytes: number;
  /** Largest decompressed size accepted from one .gz input that is read whole (not streamed). */
  maxDecompressedBytes: number;
  /** How deep a folder walk may go below each folder given on the command line. */
  maxFolderDepth: number;
  /** Most articles analyze compares as one story (--max-articles); more are refused before any work. */
  maxStoryArticles: number;
  /** Optional mapping of files and URL hosts to outlet names and metadata (--sources). */
  sourcesFile: string | null;
}

/**
 * analyze compares all its articles as one story, and the comparison grows faster than its input: 20,000
 * short articles ran out of memory after 278 s at 4.1 GB. MEASURED_PLACEHOLDER
 */
export const DEFAULT_MAX_STORY_ARTICLES = 500;

export const DEFAULT_CONFIG: Config = {
  maxInputBytes: 20 * 1024 * 1024,
  maxDecompressedBytes: 200 * 1024 * 1024,
  maxFolderDepth: 32,
  maxStoryArticles: DEFAULT_MAX_STORY_ARTICLES,
  sourcesFile: null,
};
