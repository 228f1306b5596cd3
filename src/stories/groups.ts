// The three groups of a story's features (names, content words, numbers and years): each is normalised
// and compared on its own, so that a long article's many words cannot drown the few names it shares.
import { type FeatureKind, featureKind } from './features.js';

/** The three parts of a vector, each normalised on its own and compared on its own (see GROUP_WEIGHTS). */
export type FeatureGroup = 'names' | 'terms' | 'facts';

export const GROUP_OF: Readonly<Record<FeatureKind, FeatureGroup>> = {
  person: 'names',
  name: 'names',
  term: 'terms',
  number: 'facts',
  year: 'facts',
};

export const GROUPS: readonly FeatureGroup[] = ['names', 'terms', 'facts'];

export const groupOf = (f: string): FeatureGroup => GROUP_OF[featureKind(f)];
