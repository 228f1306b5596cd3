// Annotation for articles added through the web app, off the server's thread. Annotating is the slow part
// of adding an article (seconds for a long one, far more for text of an unusual shape), and on the server's
// own thread it held every other request: a 17 KB article posted to /api/articles kept /api/health waiting
// 149 s. One worker thread lives as long as the server (it loads the language models once, on the first
// write); if it fails, the next write starts a fresh one.

import { type Annotator, inProcessAnnotator, workerAnnotator } from '../library/annotator.js';

export function serverAnnotator(): Annotator {
  let current: Annotator | null = null;
  return {
    async prepare(articles) {
      // The worker when the compiled one exists (serve); this thread when running from sources (unit tests).
      current ??= workerAnnotator({ jobs: 1 }) ?? inProcessAnnotator();
      const used = current;
      try {
        return await used.prepare(articles);
      } catch (err) {
        // A worker that failed (out of memory, a crash) rejects everything after; start afresh next time.
        if (current === used) current = null;
        void used.close().catch(() => {});
        throw err;
      }
    },
    capacity: 1,
    async close() {
      const closing = current;
      current = null;
      await closing?.close();
    },
  };
}
