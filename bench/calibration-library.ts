// The calibration check on an existing library: what it measures there, with the production sample and
// with larger ones (less spread), and what one refresh costs (the work added to every ingest batch).
// Opening the library applies any pending migration, so run it on a copy.
//
//   npm run build && node dist/bench/calibration-library.js COPY-OF-LIBRARY.db
import { refreshCalibration } from '../src/library/calibration.js';
import { asAsyncStore } from '../src/store/as-async.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { calibrationStatus, measureUnrelatedPairs, SAMPLE_ARTICLES } from '../src/stories/calibration.js';

const path = process.argv[2];
if (!path) throw new Error('usage: calibration-library.js LIBRARY.db (a copy: it is migrated)');
const store = openSqliteStore(path);
try {
  const index = store.storyIndex();
  console.log(`library: ${store.countArticles()} articles, ${index.documentCount()} counted by clustering`);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await asAsyncStore(store).withTransaction((tx) => refreshCalibration(tx));
    times.push(performance.now() - t);
  }
  console.log(
    `refresh (sample ${SAMPLE_ARTICLES}): first ${times[0]?.toFixed(1)} ms, then ${times
      .slice(1)
      .map((x) => x.toFixed(1))
      .join(', ')} ms`,
  );
  console.log(calibrationStatus(store.calibration()).message);
  for (const size of [256, 1024]) {
    const sample = [...store.calibrationSample(size)].map(([id, features]) => ({ id, features }));
    const features = new Set<string>();
    for (const a of sample) for (const f of a.features.features.keys()) features.add(f);
    const t = performance.now();
    const check = measureUnrelatedPairs(
      sample,
      index.documentFrequencies([...features]),
      index.documentCount(),
    );
    console.log(
      `sample ${size}: ${check.clearing} of ${check.pairs} far-apart pairs clear the bar (${((100 * check.clearing) / Math.max(1, check.pairs)).toFixed(2)} %), highest ${check.highest}; shared: ${check.shared.join(', ')} (${((performance.now() - t) / 1000).toFixed(1)} s)`,
    );
  }
} finally {
  store.close();
}
