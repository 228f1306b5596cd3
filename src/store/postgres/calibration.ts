// The calibration check's part of the PostgreSQL store: the same rows and sample as sqlite/calibration.ts.

import type { ArticleFeatures, UnrelatedPairCheck } from '../../model/story-index.js';
import type { Runner } from './runner.js';
import { articleFeatures } from './stories.js';

/** The features of the `limit` dated articles whose ids sort first, byte by byte as on SQLite, in that order. */
export async function calibrationSample(db: Runner, limit: number): Promise<Map<string, ArticleFeatures>> {
  const rows = await db.rows<{ id: string }>(
    `SELECT a.id FROM articles a JOIN article_features f ON f.article_seq = a.seq
     WHERE f.day IS NOT NULL ORDER BY a.id COLLATE "C" LIMIT $1`,
    [Math.max(0, Math.floor(limit))],
  );
  const ids = rows.map((r) => r.id);
  const features = await articleFeatures(db, ids);
  return new Map(ids.flatMap((id) => (features.has(id) ? [[id, features.get(id) as ArticleFeatures]] : [])));
}

export async function calibration(db: Runner): Promise<UnrelatedPairCheck | null> {
  const [row] = await db.rows<{ measurement: string }>(
    'SELECT measurement FROM story_calibration WHERE id = 1',
  );
  return row === undefined ? null : (JSON.parse(row.measurement) as UnrelatedPairCheck);
}

export async function saveCalibration(db: Runner, check: UnrelatedPairCheck, now: string): Promise<void> {
  await db.rows(
    `INSERT INTO story_calibration (id, measurement, measured_at) VALUES (1, $1, $2)
     ON CONFLICT (id) DO UPDATE SET measurement = excluded.measurement, measured_at = excluded.measured_at`,
    [JSON.stringify(check), now],
  );
}
