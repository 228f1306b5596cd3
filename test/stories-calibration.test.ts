// The calibration check's measurement (src/stories/calibration.ts) on hand-made features: which pairs count,
// what clears the bar, order independence, and what it says at each level.
import { describe, expect, it } from 'vitest';
import type { ArticleFeatures } from '../src/model/story-index.js';
import {
  ALARM_SHARE,
  calibrationStatus,
  MIN_PAIRS,
  measureUnrelatedPairs,
  UNRELATED_GAP_DAYS,
} from '../src/stories/calibration.js';

const article = (day: number | null, features: [string, number][]): ArticleFeatures => ({
  day,
  daySource: 'published',
  features: new Map(features),
});

// Four articles: two far-apart ones sharing a whole invented boilerplate, one close in time to the first
// (not counted), one undated (never counted), and one far apart with nothing in common.
const boiler: [string, number][] = [
  ['p:ilse marrowby', 2],
  ['p:dov keanerton', 2],
  ['n:quillmont', 3],
  ['t:newsletter', 1],
  ['t:letters', 1],
  ['t:board', 1],
  ['t:desk', 1],
  ['t:offices', 1],
  ['t:reporters', 1],
  ['t:lane', 1],
  ['t:publish', 1],
  ['#:212', 1],
  ['#:14', 1],
  ['y:1987', 1],
];
// Each article also has its own name, words and number, as any report of an event does.
const own = (key: string): [string, number][] => [
  [`p:${key}`, 2],
  [`t:${key}-word`, 2],
  [`t:${key}-thing`, 2],
  [`#:${key.length * 7}`, 1],
];
const sample = [
  { id: 'a1', features: article(100, [...boiler, ...own('tovar')]) },
  { id: 'b2', features: article(100 + UNRELATED_GAP_DAYS + 15, [...boiler, ...own('quennel')]) },
  { id: 'c3', features: article(110, [...boiler, ...own('bridgeham')]) },
  { id: 'd4', features: article(null, boiler) },
  {
    id: 'e5',
    features: article(400, [
      ['p:halvard', 2],
      ['t:festival', 2],
      ['t:crowds', 1],
    ]),
  },
];

describe('measureUnrelatedPairs', () => {
  it('scores only dated pairs published more than UNRELATED_GAP_DAYS apart, and counts those over the bar', () => {
    const check = measureUnrelatedPairs(sample, new Map(), 5);
    // a1–b2, a1–e5, b2–c3, b2–e5, c3–e5 (a1–c3 are 10 days apart; d4 has no day).
    expect(check.articles).toBe(4);
    expect(check.pairs).toBe(5);
    expect(check.documents).toBe(5);
    // The boilerplate pairs clear the bar; the pairs with e5 share nothing.
    expect(check.clearing).toBe(2);
    expect(check.highest).toBeGreaterThan(check.bar);
    expect(check.shared.slice(0, 3)).toEqual(expect.arrayContaining(['quillmont']));
  });

  it('gives the same result in any order of the sample', () => {
    const one = measureUnrelatedPairs(sample, new Map(), 5);
    const other = measureUnrelatedPairs([...sample].reverse(), new Map(), 5);
    expect(other).toEqual(one);
  });

  it('a library-wide feature weighs nothing: common boilerplate in a large library clears no bar', () => {
    const dfs = new Map(boiler.map(([f]) => [f, 100_000] as const));
    const check = measureUnrelatedPairs(sample, dfs, 100_000);
    expect(check.clearing).toBe(0);
  });
});

describe('calibrationStatus', () => {
  const check = (pairs: number, clearing: number) => ({
    documents: 100,
    articles: 64,
    pairs,
    clearing,
    bar: 0.22,
    highest: 0.4,
    shared: ['quillmont', 'ilse marrowby'],
  });
  it('says nothing either way without enough far-apart pairs', () => {
    expect(calibrationStatus(null).state).toBe('not-yet');
    // A library from before the check: the next ingest measures it.
    expect(calibrationStatus(null).message).toContain('the next ingest');
    expect(calibrationStatus(check(MIN_PAIRS - 1, MIN_PAIRS - 1)).state).toBe('not-yet');
    expect(calibrationStatus(check(MIN_PAIRS - 1, 0)).message).toContain('not measured yet');
  });
  it('is ok at or under the alarm share and warns above it, naming what the pairs share', () => {
    const pairs = 1000;
    const at = Math.floor(pairs * ALARM_SHARE);
    expect(calibrationStatus(check(pairs, at)).state).toBe('ok');
    const over = calibrationStatus(check(pairs, at + 1));
    expect(over.state).toBe('too-many');
    expect(over.share).toBeCloseTo((at + 1) / pairs);
    expect(over.message).toContain('quillmont');
    expect(over.message).toContain(`${at + 1} of ${pairs}`);
  });
});
