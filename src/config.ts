// One source of truth for tunable limits: the CLI flags and any future API options read these defaults.

export interface Config {
  /** Largest single document accepted (a file, or one record of a JSON/JSONL stream), in bytes. */
  maxInputBytes: number;
  /** Largest decompressed size of a streamed .json.gz / .jsonl.gz (many documents); a .gz read whole (one
   * document) is held to maxInputBytes. */
  maxDecompressedBytes: number;
  /** How deep a folder walk may go below each folder given on the command line. */
  maxFolderDepth: number;
  /** Optional mapping of files and URL hosts to outlet names and metadata (--sources). */
  sourcesFile: string | null;
}

export const DEFAULT_CONFIG: Config = {
  maxInputBytes: 20 * 1024 * 1024,
  maxDecompressedBytes: 200 * 1024 * 1024,
  maxFolderDepth: 32,
  sourcesFile: null,
};
