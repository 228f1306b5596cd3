// A two-outlet story of one sentence each, through the public analyze(): how the claim tests ask whether
// two sentences make one fact.
import { analyze } from '../../src/api/analyze.js';
import type { Story } from '../../src/model/report.js';

export async function twoOutletStory(a: string, b: string): Promise<Story> {
  const report = await analyze(
    [
      { id: 'one', title: '', text: a, outlet: 'First Outlet' },
      { id: 'two', title: '', text: b, outlet: 'Second Outlet' },
    ],
    { now: new Date(0) },
  );
  const found = report.stories[0];
  if (!found) throw new Error('no story');
  return found;
}
