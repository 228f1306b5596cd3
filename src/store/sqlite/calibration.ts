// The calibration check's part of the SQLite store (see CalibrationStore in store.ts): the sample is the
// dated articles with the smallest ids, read through the unique index on articles.id in order, so it costs
// `limit` row reads whatever the library's size.
import type Database from 'better-sqlite3';
import type { ArticleFeatures, UnrelatedPairCheck } from '../../model/story-index.js';

export class SqliteCalibration {
  private readonly sampleIds: Database.Statement;
  private readonly latest: Database.Statement;
  private readonly save: Database.Statement;

  constructor(
    db: Database.Database,
    private readonly now: () => Date,
    private readonly featuresOf: (ids: readonly string[]) => Map<string, ArticleFeatures>,
  ) {
    this.sampleIds = db
      .prepare(`SELECT a.id FROM articles a JOIN article_features f ON f.article_seq = a.seq
        WHERE f.day IS NOT NULL ORDER BY a.id LIMIT ?`)
      .pluck();
    this.latest = db.prepare('SELECT measurement FROM story_calibration WHERE id = 1').pluck();
    this.save = db.prepare(`INSERT INTO story_calibration (id, measurement, measured_at) VALUES (1, ?, ?)
      ON CONFLICT (id) DO UPDATE SET measurement = excluded.measurement, measured_at = excluded.measured_at`);
  }

  calibrationSample(limit: number): Map<string, ArticleFeatures> {
    const ids = this.sampleIds.all(Math.max(0, Math.floor(limit))) as string[];
    const features = this.featuresOf(ids);
    // In id order, as the contract says.
    return new Map(
      ids.flatMap((id) => (features.has(id) ? [[id, features.get(id) as ArticleFeatures]] : [])),
    );
  }

  calibration(): UnrelatedPairCheck | null {
    const json = this.latest.get() as string | undefined;
    return json === undefined ? null : (JSON.parse(json) as UnrelatedPairCheck);
  }

  saveCalibration(check: UnrelatedPairCheck): void {
    this.save.run(JSON.stringify(check), this.now().toISOString());
  }
}
