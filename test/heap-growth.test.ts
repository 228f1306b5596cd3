// The heap-growth bound that library ingest holds while it runs (src/library/heap-growth.ts): set once for
// any number of holders, given back to V8 when the last lets go, and never over a factor the user chose.
import v8 from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { boundHeapGrowth, GROWTH_PERCENT } from '../src/library/heap-growth.js';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('boundHeapGrowth', () => {
  it('sets the factor for the first holder and gives it back after the last', () => {
    const set = vi.spyOn(v8, 'setFlagsFromString');
    const first = boundHeapGrowth();
    const second = boundHeapGrowth();
    expect(set.mock.calls).toEqual([[`--heap-growing-percent=${GROWTH_PERCENT}`]]);
    first();
    // Releasing twice does not let go of the other holder's bound.
    first();
    expect(set).toHaveBeenCalledTimes(1);
    second();
    expect(set.mock.calls).toEqual([
      [`--heap-growing-percent=${GROWTH_PERCENT}`],
      ['--heap-growing-percent=0'],
    ]);
  });

  it('leaves a factor the user gave node alone', () => {
    vi.stubEnv('NODE_OPTIONS', '--heap-growing-percent=20');
    const set = vi.spyOn(v8, 'setFlagsFromString');
    boundHeapGrowth()();
    expect(set).not.toHaveBeenCalled();
  });
});
