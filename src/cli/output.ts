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

export async function emitReport(
  report: Report,
  invocation: Invocation,
  io: Io,
  done: string,
): Promise<number> {
  const { renderReport, writeReport } = await import('../report/index.js');
  if (invocation.formatGiven && invocation.out === null) {
    io.stdout(renderReport(report, invocation.format === 'text' ? 'json' : invocation.format));
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
