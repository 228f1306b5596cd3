// The web app's shared rendering: requests for a page being drawn wait for that drawing.

import { describe, expect, it } from 'vitest';
import { SingleFlight } from '../src/server/page-cache.js';

describe('SingleFlight', () => {
  it('works a key out once for the callers that ask while it runs, and again after', async () => {
    const flight = new SingleFlight<string>();
    let runs = 0;
    let finish: (value: string) => void = () => {};
    const work = () => {
      runs++;
      return new Promise<string>((resolve) => {
        finish = resolve;
      });
    };
    // Twenty readers ask for the story list just after a placement moved the library version.
    const asked = Array.from({ length: 20 }, () => flight.once('/@42', work));
    expect(flight.size).toBe(1);
    finish('list at 42');
    expect(await Promise.all(asked)).toEqual(Array(20).fill('list at 42'));
    expect(runs).toBe(1);
    expect(flight.size).toBe(0);
    // Done, it is not kept here (the page cache keeps pages): a later caller works it out again.
    const later = flight.once('/@42', work);
    finish('list at 42, again');
    expect(await later).toBe('list at 42, again');
    expect(runs).toBe(2);
  });

  it('hands a failure to every caller waiting, and lets the next one try again', async () => {
    const flight = new SingleFlight<string>();
    let fail: (err: Error) => void = () => {};
    const failing = () =>
      new Promise<string>((_resolve, reject) => {
        fail = reject;
      });
    const both = [flight.once('/stories/9', failing), flight.once('/stories/9', failing)];
    fail(new Error('story 9 does not exist'));
    for (const result of await Promise.allSettled(both)) expect(result.status).toBe('rejected');
    expect(await flight.once('/stories/9', async () => 'drawn')).toBe('drawn');
  });

  it('keeps different keys apart', async () => {
    const flight = new SingleFlight<string>();
    const [a, b] = await Promise.all([
      flight.once('/@1', async () => 'one'),
      flight.once('/@2', async () => 'two'),
    ]);
    expect([a, b]).toEqual(['one', 'two']);
  });
});
