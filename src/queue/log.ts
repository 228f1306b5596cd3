// graphile-worker logs through a logger it is given; Parallax prints its own one-line messages instead
// and keeps the library's warnings and errors (a job that failed, a lost connection) as single lines.

import { Logger } from 'graphile-worker';

/** Says nothing: for the short-lived queue commands (enqueue, list, retry). */
export const quietLogger = new Logger(() => () => {});

/** Warnings and errors as one line each through `log`; debug and info chatter dropped. */
export function lineLogger(log: (line: string) => void): Logger {
  return new Logger(() => (level, message) => {
    // A failed job is already told by the worker's own line (with the wait before its retry).
    if (message.startsWith('Failed task')) return;
    if (level === 'error' || level === 'warning') log(`queue: ${message.split('\n')[0]}`);
  });
}
