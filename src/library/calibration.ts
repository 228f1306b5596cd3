// The calibration check's hooks in ingest (src/stories/calibration.ts says what it measures): the sample's
// far-apart pairs are scored again with the library's statistics and the result replaces the stored one —
// after a batch when the library has grown enough since the last measurement, and always once at the end
// of an ingest run that added articles, so that after every run the counters are a function of what the
// library holds (whatever the order, the batches or the runs it came in).
import type { AsyncStoreSession } from '../store/async-store.js';
import {
  type CalibrationState,
  calibrationStatus,
  measureUnrelatedPairs,
  SAMPLE_ARTICLES,
  type UnrelatedPairCheck,
} from '../stories/calibration.js';
import type { ClusterOptions } from '../stories/tuning.js';

/**
 * Growth of the library (articles counted by clustering) after which a batch measures again: 5 %, and at
 * least REMEASURE_ARTICLES. One measurement costs about what computing the vectors of 64 articles costs
 * plus 2,016 pair scores: 0.3–1.5 s on allsides libraries of 3,000 and 37,500 articles on this machine
 * under a load of ~18 (two cores shared by many processes; bench/calibration-library.ts), roughly what
 * placing a batch costs. Every 256 articles at least (4 batches), and every 5 % in a large library, it is
 * a small share of ingest, most of which is annotation.
 */
export const REMEASURE_GROWTH = 0.05;
export const REMEASURE_ARTICLES = 256;

/** Whether a batch should measure again: never measured, the sample still filling, or grown enough since. */
/** What the calibration hooks read and write: a library's session (a transaction's, in ingest). */
type CalibrationSession = Pick<
  AsyncStoreSession,
  'storyIndex' | 'calibration' | 'calibrationSample' | 'saveCalibration'
>;

export async function calibrationDue(store: CalibrationSession): Promise<boolean> {
  const last = await store.calibration();
  if (!last) return true;
  if (last.articles < SAMPLE_ARTICLES) return true;
  const growth = Math.max(REMEASURE_ARTICLES, last.documents * REMEASURE_GROWTH);
  return (await store.storyIndex().documentCount()) >= last.documents + growth;
}

export async function refreshCalibration(
  store: CalibrationSession,
  options?: ClusterOptions,
): Promise<UnrelatedPairCheck> {
  const sample = [...(await store.calibrationSample(SAMPLE_ARTICLES))].map(([id, features]) => ({
    id,
    features,
  }));
  const index = store.storyIndex();
  const features = new Set<string>();
  for (const a of sample) for (const f of a.features.features.keys()) features.add(f);
  const dfs = await index.documentFrequencies([...features]);
  const check = measureUnrelatedPairs(sample, dfs, await index.documentCount(), options);
  await store.saveCalibration(check);
  return check;
}

/** The check as `stories --format json` and the web API give it (schema/stories.schema.json `calibration`). */
export interface CalibrationView {
  /** ok; too-many: above the alarm, stories may join unrelated events; not-yet: too few far-apart pairs. */
  state: CalibrationState;
  /** Share of the far-apart pairs clearing the bar, or null with none. */
  share: number | null;
  /** The share above which the check warns. */
  alarm: number;
  message: string;
  /** The stored measurement, or null before the first ingest that made one. */
  measurement: UnrelatedPairCheck | null;
}

/** The view of a stored measurement (read from either backend), or of none. */
export function calibrationViewOf(check: UnrelatedPairCheck | null): CalibrationView {
  const status = calibrationStatus(check);
  return {
    state: status.state,
    share: status.share === null ? null : Math.round(status.share * 10000) / 10000,
    alarm: status.alarm,
    message: status.message,
    measurement: status.check,
  };
}
