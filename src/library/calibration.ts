// The calibration check's hook in ingest (src/stories/calibration.ts says what it measures): after a batch
// is placed, the sample's far-apart pairs are scored again with the library's statistics and the result
// replaces the stored one, in the batch's transaction.
import type { CalibrationStore, Store } from '../store/store.js';
import {
  type CalibrationState,
  calibrationStatus,
  measureUnrelatedPairs,
  SAMPLE_ARTICLES,
  type UnrelatedPairCheck,
} from '../stories/calibration.js';
import type { ClusterOptions } from '../stories/tuning.js';

export function refreshCalibration(
  store: Pick<Store, 'storyIndex'> & CalibrationStore,
  options?: ClusterOptions,
): UnrelatedPairCheck {
  const sample = [...store.calibrationSample(SAMPLE_ARTICLES)].map(([id, features]) => ({ id, features }));
  const index = store.storyIndex();
  const features = new Set<string>();
  for (const a of sample) for (const f of a.features.features.keys()) features.add(f);
  const check = measureUnrelatedPairs(
    sample,
    index.documentFrequencies([...features]),
    index.documentCount(),
    options,
  );
  store.saveCalibration(check);
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

export function calibrationView(store: CalibrationStore): CalibrationView {
  const status = calibrationStatus(store.calibration());
  return {
    state: status.state,
    share: status.share === null ? null : Math.round(status.share * 10000) / 10000,
    alarm: status.alarm,
    message: status.message,
    measurement: status.check,
  };
}
