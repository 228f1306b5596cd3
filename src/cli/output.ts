// Where a command's output goes: the Io the tests replace, and the report output shared by analyze, demo
// and story (one format to standard output with --format, otherwise the three report files in --out).

import type { Report } from '../model/report.js';
import type { Invocation } from './args.js';

export interface Io {
  stdout: (chunk: string) => void;
  stderr: (line: string) => void;
  stdin: NodeJS.ReadableStream;
}

export const DEFAULT_OUT = 'parallax-report';

/**
 * Characters a terminal acts on instead of showing: C0 controls but tab and newline (ESC starts the
 * sequences that retitle a window, move the cursor or rewrite the screen: a headline carrying
 * "\u001b]0;pwned\u0007" renames the terminal), DEL, C1 controls (U+009B is a one-byte CSI to some
 * terminals) and the bidi embeddings, overrides and isolates that make text display in another order than
 * it is ("report\u202Etxt.exe" shows as "reportexe.txt").
 */
const TERMINAL_CONTROLS = /(?![\t\n])[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Every such character as a visible \uXXXX escape. The same notation is a JSON string escape, so JSON
 * output (where only these can appear raw, inside strings) stays valid and parses to the same value.
 */
export function neutraliseControls(text: string): string {
  return text.replace(TERMINAL_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A field printed inside a line of a listing (a title, an outlet): its own line breaks become spaces. */
export function oneLine(text: string): string {
  return text.replace(/[\t\n\r\v\f\u2028\u2029]+/g, ' ');
}

/** The Io a command writes through: whatever it prints reaches the terminal neutralised. */
export function terminalSafe(io: Io): Io {
  return {
    stdout: (chunk) => io.stdout(neutraliseControls(chunk)),
    stderr: (line) => io.stderr(neutraliseControls(line)),
    stdin: io.stdin,
  };
}

export async function emitReport(
  report: Report,
  invocation: Invocation,
  io: Io,
  done: string,
): Promise<number> {
  const { renderReport, writeReport } = await import('../report/index.js');
  if (invocation.formatGiven && invocation.out === null) {
    const format = invocation.format === 'text' || invocation.format === 'csv' ? 'json' : invocation.format;
    io.stdout(renderReport(report, format));
    return 0;
  }
  const dir = invocation.out ?? DEFAULT_OUT;
  let paths: Awaited<ReturnType<typeof writeReport>>;
  try {
    paths = await writeReport(report, dir);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    io.stderr(
      `parallax: ${dir}: cannot write the report there (${reason}); choose another folder with --out.`,
    );
    return 1;
  }
  io.stderr(`parallax: ${done}; report written to ${paths.html} (also ${paths.json}, ${paths.md})`);
  return 0;
}
