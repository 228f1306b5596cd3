// A refusal is the expected way for one input to fail: it carries a short reason that the CLI prints after
// the input's name. Everything that can go wrong while reading one input ends up as one of these.

export class Refusal extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'Refusal';
  }
}

export const REASONS = {
  binary: 'binary file, not text',
  notUtf8: 'not valid UTF-8 text (no BOM; convert it to UTF-8)',
  notUtf16: 'not valid UTF-16 text',
  empty: 'empty file',
  noArticle: 'no article found in the page',
} as const;

// Node's own messages look like "ENOENT: no such file or directory, open 'x'"; the CLI already names the
// input, so only the plain words are kept.
const OS_REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many levels of symbolic links (a link loop?)',
  ENOTDIR: 'not a directory',
  EISDIR: 'is a directory',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EIO: 'input/output error',
  ENAMETOOLONG: 'file name too long',
  EBUSY: 'resource busy',
  ENXIO: 'no such device',
  Z_DATA_ERROR: 'not valid gzip data (corrupt, or not compressed)',
  Z_BUF_ERROR: 'gzip data ends early (truncated file?)',
};

export function describeError(err: unknown): string {
  if (err instanceof Refusal) return err.message;
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && OS_REASONS[code]) return OS_REASONS[code];
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0]?.trim() || 'unreadable input';
}

const KB = 1024;
const MB = 1024 * 1024;

/**
 * Human size. `roundUp` is for the size being refused, so that a file just over a limit never prints as
 * equal to it ("20.1 MB, over the 20 MB limit" rather than "20 MB, over the 20 MB limit").
 */
export function formatSize(bytes: number, roundUp = false): string {
  const fmt = (x: number) => String((roundUp ? Math.ceil(x * 10) : Math.round(x * 10)) / 10);
  if (bytes >= MB) return `${fmt(bytes / MB)} MB`;
  if (bytes >= KB) return `${fmt(bytes / KB)} KB`;
  return `${bytes} bytes`;
}

export function overLimit(what: string, size: number, limit: number): string {
  return `${what} is ${formatSize(size, true)}, over the ${formatSize(limit)} limit (--max-size)`;
}
