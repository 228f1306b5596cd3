// bench/RESULTS.md, shared by every suite: newest first, each section stamped with the machine it ran on.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RESULTS = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../bench/RESULTS.md');

const HEADER = '# Benchmark results\n\nNewest first. Each section is one `npm run bench` suite.\n\n';

/** "2 × <CPU model>, 24 GiB, Node v20…": what a reader needs to compare runs. */
export function machineLine(): string {
  return `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

/**
 * Puts a section on top of the file, below its header; earlier runs stay below. The file is read just
 * before writing, since another suite may have written it while this one ran.
 */
export function recordSection(section: string): void {
  const previous = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '';
  const first = previous.search(/^## /m);
  const rest = first >= 0 ? previous.slice(first) : '';
  writeFileSync(RESULTS, `${HEADER}${section.trimEnd()}\n\n${rest}`);
}
