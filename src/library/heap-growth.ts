// How far V8 lets the heaps grow between full collections while an ingest runs.
//
// V8 sets the next full collection's limit at the live size × a growing factor, and when a thread
// allocates faster than it collects — ingest's main thread parses profiles, features and SQLite rows
// all the time — the factor is the largest allowed: 4 for heaps that may reach 2 GB or more (4,144 MB on a
// 24 GB machine). An ingest's live set is mostly its bounded caches (12,000 story profiles ≈ 150 MB, the
// second pass's 4,000 articles ≈ 80 MB, document frequencies), so the heap it may fill is four times
// that: on the first 10,000 allsides articles the main thread's heap reached 775 MB with 300 MB in use
// after collections, the annotation worker's 330 MB with 75–150 MB, and the whole library (37,554
// articles) peaked at 2,165 MB of RSS. A fixed factor bounds the heaps at a known multiple of what they
// hold, whatever the machine's memory.
import v8 from 'node:v8';

/**
 * The heaps may grow to (1 + GROWTH_PERCENT / 100) × their live size before a full collection. On the
 * first 5,000 allsides articles, with the factor of 4 forced on the code before this bound (the quiet
 * machine's case; a loaded machine's factor stays lower), the peak was 934 MB (main heap 496 MB, worker
 * 259 MB); with this bound 739 MB (339 and 184), the same stories, and main-thread CPU within noise (60.1
 * against 61.7 s): the extra full collections mark mostly on V8's helper threads. The saving grows with
 * the live set: on the first 10,000 articles the peak was 946 MB against 1,412 MB before the bound (main
 * heap 512 against 775 MB), the same stories.
 */
export const GROWTH_PERCENT = 100;

let holders = 0;

/**
 * Bounds the growing factor (process-wide: the annotation workers' heaps too) until the returned
 * function is called; nested and concurrent holders keep it until the last one lets go.
 */
export function boundHeapGrowth(): () => void {
  // A factor the user chose (node --heap-growing-percent=N) is theirs.
  if (/heap[-_]growing[-_]percent/.test(`${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`))
    return () => {};
  if (holders++ === 0) v8.setFlagsFromString(`--heap-growing-percent=${GROWTH_PERCENT}`);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    // 0 gives V8 back its own choice.
    if (--holders === 0) v8.setFlagsFromString('--heap-growing-percent=0');
  };
}
