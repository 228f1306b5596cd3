// An incremental scanner for a JSON file holding an array of records (or one record object). It never
// holds more than one element: it tracks only string/escape state and bracket depth, and hands each
// complete top-level element to the caller as bytes for JSON.parse. Works on UTF-8 bytes because every
// structural character is ASCII and no byte of a multi-byte UTF-8 character is.
//
// It is deliberately lenient between elements (a missing comma does not lose the records around it);
// each element is still parsed strictly by JSON.parse.

export type ScanEvent =
  /** A complete element; `index` is its position in the array, or null for a lone top-level object. */
  | { kind: 'element'; index: number | null; bytes: Buffer }
  | { kind: 'too-big'; index: number | null; size: number }
  | { kind: 'error'; reason: string };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

type ElementKind = 'container' | 'string' | 'bare';

export class JsonArrayScanner {
  private mode: 'start' | 'array' | 'done' | 'failed' = 'start';
  private element: ElementKind | null = null;
  private single = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private parts: Buffer[] = [];
  private size = 0;
  private index = 0;

  constructor(private readonly maxElementBytes: number) {}

  push(chunk: Buffer): ScanEvent[] {
    const events: ScanEvent[] = [];
    let start = 0;
    for (let i = 0; i < chunk.length && this.mode !== 'failed'; i++) {
      const b = chunk[i] as number;
      if (this.element === null) {
        if (isSpace(b)) continue;
        if (this.mode === 'start') {
          if (b === OPEN_BRACKET) this.mode = 'array';
          else if (b === OPEN_BRACE) {
            this.single = true;
            this.mode = 'array';
            this.begin('container', 1);
            start = i;
          } else this.fail(events, 'not a JSON array of records or a record object');
          continue;
        }
        if (this.mode === 'done') {
          this.fail(
            events,
            this.single && b === OPEN_BRACE
              ? 'more than one top-level object (JSON Lines? name the file .jsonl)'
              : 'unexpected content after the end of the JSON',
          );
          continue;
        }
        if (b === COMMA) continue;
        if (b === CLOSE_BRACKET) {
          this.mode = 'done';
          continue;
        }
        start = i;
        if (b === OPEN_BRACE || b === OPEN_BRACKET) this.begin('container', 1);
        else if (b === QUOTE) this.begin('string', 0);
        else this.begin('bare', 0);
        continue;
      }
      if (this.element === 'bare') {
        if (isSpace(b) || b === COMMA || b === CLOSE_BRACKET || b === CLOSE_BRACE) {
          this.finish(events, chunk.subarray(start, i));
          i--; // the terminator also closes the array or separates elements
        }
        continue;
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (b === BACKSLASH) this.escaped = true;
        else if (b === QUOTE) {
          this.inString = false;
          if (this.element === 'string') this.finish(events, chunk.subarray(start, i + 1));
        }
        continue;
      }
      if (b === QUOTE) this.inString = true;
      else if (b === OPEN_BRACE || b === OPEN_BRACKET) this.depth++;
      else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
        this.depth--;
        if (this.depth === 0) this.finish(events, chunk.subarray(start, i + 1));
      }
    }
    if (this.element !== null) this.keep(chunk.subarray(start));
    return events;
  }

  end(): ScanEvent[] {
    const events: ScanEvent[] = [];
    if (this.mode === 'failed') return events;
    if (this.element === 'bare') this.finish(events, Buffer.alloc(0));
    if (this.mode === 'start') this.fail(events, 'empty file');
    else if (this.element !== null || (this.mode === 'array' && !this.single)) {
      this.fail(
        events,
        this.single
          ? 'the JSON ends before the record is closed (truncated file?)'
          : 'the JSON ends before the array is closed (truncated file?)',
      );
    }
    return events;
  }

  private begin(kind: ElementKind, depth: number): void {
    this.element = kind;
    this.depth = depth;
    this.inString = kind === 'string';
    this.escaped = false;
    this.parts = [];
    this.size = 0;
  }

  /** Bytes of the element in progress; past the limit they are counted but no longer kept. */
  private keep(bytes: Buffer): void {
    this.size += bytes.length;
    if (this.size <= this.maxElementBytes) this.parts.push(bytes);
    else this.parts = [];
  }

  private finish(events: ScanEvent[], tail: Buffer): void {
    this.keep(tail);
    const index = this.single ? null : this.index++;
    if (this.size > this.maxElementBytes) events.push({ kind: 'too-big', index, size: this.size });
    else events.push({ kind: 'element', index, bytes: Buffer.concat(this.parts, this.size) });
    this.element = null;
    this.parts = [];
    this.size = 0;
    if (this.single) this.mode = 'done';
  }

  private fail(events: ScanEvent[], reason: string): void {
    this.mode = 'failed';
    events.push({ kind: 'error', reason });
  }
}

export async function* scanJson(
  chunks: AsyncIterable<Buffer>,
  maxElementBytes: number,
): AsyncGenerator<ScanEvent> {
  const scanner = new JsonArrayScanner(maxElementBytes);
  for await (const chunk of chunks) {
    const events = scanner.push(chunk);
    yield* events;
    if (events.some((e) => e.kind === 'error')) return;
  }
  yield* scanner.end();
}
