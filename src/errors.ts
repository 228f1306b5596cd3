// Misuse and configuration errors throw a ParallaxError with a stable code before any work starts. An
// input that cannot be read is refused with a one-line reason (ingest), and content problems in one
// article are Messages on that article; in both cases the run goes on.

export type ErrorCode =
  | 'USAGE' // wrong flags or arguments: exit code 2
  | 'CONFIG' // a configuration file (e.g. --sources) is missing or malformed: exit code 2
  | 'LIMIT' // more input than the command handles (analyze's --max-articles): exit code 1
  | 'STORE'; // the article database cannot be opened, read or written (not a database, locked, disk full)

export class ParallaxError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'ParallaxError';
    this.code = code;
  }
}
