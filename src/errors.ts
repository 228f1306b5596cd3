// Operational failures and misuse throw a ParallaxError with a stable code; content problems in one
// article are Messages on that article instead, and the run goes on.

export type ErrorCode =
  | 'USAGE' // wrong flags or arguments: exit code 2
  | 'CONFIG' // a configuration file (e.g. --sources) is missing or malformed: exit code 2
  | 'INPUT' // one input cannot be read or is not an article: reported per input, the run goes on
  | 'NO_ARTICLES'; // nothing came through: exit code 1

export class ParallaxError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'ParallaxError';
    this.code = code;
  }
}

/** A one-line, per-input problem: names the input and the reason. */
export class InputError extends ParallaxError {
  readonly input: string;
  constructor(input: string, reason: string) {
    super('INPUT', `${input}: ${reason}`);
    this.input = input;
  }
}
