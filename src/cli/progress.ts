// A one-line progress display for long runs. It draws only when standard error is a terminal: piped or
// logged output stays clean (the final summary line is printed either way by the command).

/** Redraw at most this often, so a fast run does not spend its time writing to the terminal. */
const REDRAW_MS = 100;

export interface ProgressLine {
  update(text: string): void;
  /** Erases the line, so the summary that follows starts on a clean line. */
  done(): void;
}

export function progressLine(stream: NodeJS.WriteStream = process.stderr): ProgressLine {
  if (!stream.isTTY) return { update() {}, done() {} };
  let last = 0;
  let drawn = false;
  return {
    update(text) {
      const now = Date.now();
      if (now - last < REDRAW_MS) return;
      last = now;
      const width = Math.max(20, (stream.columns ?? 80) - 1);
      stream.write(`\r\x1b[2K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}

/** "[=====>     ] 1,234 articles · 56/s" when the total is known, a counter and rate when it is not. */
export function describeProgress(
  done: number,
  total: number | null,
  startedMs: number,
  tail: string,
): string {
  const seconds = Math.max(0.001, (Date.now() - startedMs) / 1000);
  const rate = `${Math.round(done / seconds)}/s`;
  const count = done.toLocaleString('en-US');
  if (total === null || total <= 0) return `${count} articles · ${rate}${tail ? ` · ${tail}` : ''}`;
  const width = 24;
  const filled = Math.min(width, Math.round((done / total) * width));
  const bar = `[${'='.repeat(Math.max(0, filled - 1))}${filled > 0 ? '>' : ''}${' '.repeat(width - filled)}]`;
  return `${bar} ${count}/${total.toLocaleString('en-US')} articles · ${rate}${tail ? ` · ${tail}` : ''}`;
}
