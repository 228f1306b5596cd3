// The progress line: drawn on a terminal only, so piped output carries the summary alone.
import { describe, expect, it } from 'vitest';
import { describeProgress, progressLine } from '../src/cli/progress.js';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  const stream = { isTTY, columns: 60, write: (chunk: string) => writes.push(chunk) > 0 };
  return { stream: stream as unknown as NodeJS.WriteStream, writes };
}

describe('progress line', () => {
  it('writes nothing when standard error is not a terminal', () => {
    const { stream, writes } = fakeStream(false);
    const line = progressLine(stream);
    line.update('1 articles');
    line.done();
    expect(writes).toEqual([]);
  });

  it('redraws one line on a terminal, cut to its width, and erases it when done', () => {
    const { stream, writes } = fakeStream(true);
    const line = progressLine(stream);
    line.update('x'.repeat(100));
    line.update('too soon to redraw');
    line.done();
    expect(writes).toHaveLength(2);
    expect(writes[0]).toBe(`\r\x1b[2K${'x'.repeat(58)}…`);
    expect(writes[1]).toBe('\r\x1b[2K');
  });

  it('shows a bar when the total is known and a counter when it is not', () => {
    const started = Date.now() - 2000;
    expect(describeProgress(1234, null, started, '3 new stories')).toMatch(
      /^1,234 articles · \d+\/s · 3 new stories$/,
    );
    expect(describeProgress(50, 100, started, '')).toMatch(/^\[=+> +\] 50\/100 articles · \d+\/s$/);
  });
});
