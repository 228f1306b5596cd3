// Near-duplicate detection on invented articles: reprints (identical, trimmed, with boilerplate and a new
// headline) are found; a different article on the same invented event is not; keys are stable.
import { describe, expect, it } from 'vitest';
import {
  BANDS,
  duplicateKeys,
  isNearDuplicate,
  MIN_RESEMBLANCE,
  NearDuplicateIndex,
  nearDuplicateScore,
  SHORT_TEXT_WORDS,
} from '../src/stories/near-duplicates.js';

const PARAGRAPHS = [
  'VELDMOOR — The Larkspur river bridge reopened to traffic on Tuesday morning, eleven months after a barge struck one of its central piers and forced engineers to close the crossing that carries about nine thousand vehicles a day between the old town and the industrial harbour.',
  'Mayor Ilse Brandvold cut a green ribbon at the eastern end of the bridge shortly after seven o’clock, as a line of delivery vans and school buses waited behind a row of orange cones. “We promised this town a safe bridge before the winter, and we kept that promise,” she told the small crowd.',
  'The repair cost 14.2 million crowns, nearly twice the first estimate, because divers found that the damaged pier had been weakened by decades of scouring long before the collision. The regional council covered most of the overrun from an emergency fund set aside for flood defences.',
  'Tomas Okafor-Lind, the structural engineer who led the work, said the new pier rests on steel piles driven twenty-two metres into the riverbed. Sensors embedded in the concrete will report any movement to a control room in the harbour office, he explained, so that inspectors no longer depend on annual dives alone.',
  'Shopkeepers on Quay Street, where trade fell sharply during the closure, welcomed the reopening but said the long detour had driven some customers to the retail park on the ring road. A baker, Petra Haugsvik, estimated that her takings had dropped by a third over the summer.',
  'The barge operator, a family firm based upstream in Orvik, has accepted liability for the collision and agreed to pay part of the repair bill, according to council minutes published last week. An inquiry by the inland waterways board found that the vessel’s steering gear had failed in a strong current.',
  'Cyclists will have to wait a little longer: the protected cycle lane on the northern side of the bridge will open in March, once the railings have been fitted and the surface has cured. Until then cyclists are asked to dismount and use the footpath.',
  'Council officials said a full load test, in which lorries filled with gravel were parked across the span, had confirmed that the bridge can carry its designed weight. Traffic lights at both ends will stay in place for two more weeks while the road markings are repainted.',
];
const ARTICLE = PARAGRAPHS.join('\n\n');

/** The same invented event told by another outlet: different wording, the same names, one shared quote. */
const OTHER_ARTICLE = [
  'Traffic is flowing again across the Larkspur in Veldmoor after almost a year of closure, following repairs to a pier that was hit by a drifting barge last winter.',
  'Speaking at the reopening ceremony, Mayor Ilse Brandvold said the council had kept its word. “We promised this town a safe bridge before the winter,” she said, thanking crews who had worked through the night for much of the autumn.',
  'The bill came to 14.2 million crowns. Engineers discovered during the work that the riverbed around the old pier had been eroding for years, which meant the foundations had to be rebuilt from scratch rather than patched.',
  'Project lead Tomas Okafor-Lind described the new foundations as far stronger than the originals, and said monitoring equipment would now warn the harbour office of any shift in the structure.',
  'Businesses in the harbour district described a difficult summer. Petra Haugsvik, who runs a bakery near the quay, said many regulars had simply stopped coming while the detour was in force.',
  'The firm that operated the barge has admitted responsibility. Investigators for the waterways board blamed a steering failure in fast water.',
  'A dedicated cycle lane is due to open in the spring, and temporary traffic lights will remain for a fortnight while lines are painted.',
].join('\n\n');

describe('nearDuplicateScore / isNearDuplicate', () => {
  it('finds an identical copy', () => {
    const score = nearDuplicateScore(ARTICLE, ARTICLE);
    expect(score.resemblance).toBe(1);
    expect(score.containment).toBe(1);
    expect(isNearDuplicate(score)).toBe(true);
  });

  it('ignores case, punctuation, whitespace, apostrophe style and paragraph breaks', () => {
    const reformatted = ARTICLE.toUpperCase()
      .replaceAll('’', "'")
      .replaceAll('—', '-')
      .replaceAll(', ', ' , ')
      .replaceAll('\n\n', '\n');
    expect(nearDuplicateScore(ARTICLE, reformatted).resemblance).toBe(1);
    expect(duplicateKeys(reformatted)).toEqual(duplicateKeys(ARTICLE));
  });

  it('finds a reprint with its last paragraphs trimmed', () => {
    const trimmed = PARAGRAPHS.slice(0, 5).join('\n\n'); // about 30% of the text cut
    const score = nearDuplicateScore(trimmed, ARTICLE);
    expect(score.containment).toBe(1);
    expect(isNearDuplicate(score)).toBe(true);
  });

  it('finds a reprint cut in half with a footer added, through containment', () => {
    const cut = `${PARAGRAPHS.slice(0, 4).join('\n\n')}\n\nThis article first appeared in the Example Gazette.`;
    const score = nearDuplicateScore(ARTICLE, cut);
    expect(score.resemblance).toBeLessThan(MIN_RESEMBLANCE);
    expect(score.containment).toBeGreaterThan(0.9);
    expect(isNearDuplicate(score)).toBe(true);
  });

  it('finds a reprint with boilerplate added and a few words changed', () => {
    const reprint = [
      'Sign up for our morning newsletter and never miss a local headline.',
      ...PARAGRAPHS.slice(0, 4),
      'ADVERTISEMENT',
      ...PARAGRAPHS.slice(4),
      'Read more: https://news.example.org/harbour',
      '© 2031 Example Regional Media. All rights reserved. This material may not be redistributed.',
    ]
      .join('\n\n')
      .replace('told the small crowd', 'said to the small crowd')
      .replace('welcomed the reopening', 'praised the reopening');
    const score = nearDuplicateScore(reprint, ARTICLE);
    expect(isNearDuplicate(score)).toBe(true);
    expect(score.containment).toBeGreaterThan(0.85);
  });

  it('does not match a different article about the same event', () => {
    const score = nearDuplicateScore(OTHER_ARTICLE, ARTICLE);
    expect(score.resemblance).toBeLessThan(0.1);
    expect(score.containment).toBeLessThan(0.2);
    expect(isNearDuplicate(score)).toBe(false);
    const keys = new Set(duplicateKeys(ARTICLE));
    expect(duplicateKeys(OTHER_ARTICLE).filter((k) => keys.has(k))).toEqual([]);
  });

  it('does not match two different articles that share one long block (a photo gallery)', () => {
    const gallery = Array.from(
      { length: 40 },
      (_, i) =>
        `Photo ${i + 1} of 40: residents of Veldmoor gather on the quay at dusk, view number ${i + 1} taken from the harbour wall by the council photographer.`,
    ).join(' ');
    const first = [...PARAGRAPHS, gallery].join('\n\n');
    const second = [...OTHER_ARTICLE.split('\n\n'), gallery].join('\n\n');
    const score = nearDuplicateScore(first, second);
    // On shingles alone they look related: most of the shorter text is the shared block…
    expect(score.containment).toBeGreaterThan(0.6);
    // …but only one of its paragraphs is shared.
    expect(score.paragraphs).toBeLessThan(0.5);
    expect(isNearDuplicate(score)).toBe(false);
  });
});

describe('duplicateKeys', () => {
  it('gives BANDS short keys, the same on every call, and pinned values', () => {
    const keys = duplicateKeys(ARTICLE);
    expect(keys).toHaveLength(BANDS);
    expect(new Set(keys).size).toBe(BANDS);
    for (const key of keys) expect(key.length).toBeLessThanOrEqual(24);
    expect(duplicateKeys(ARTICLE)).toEqual(keys);
    // Pinned: if this changes, keys stored by earlier versions no longer match. Bump KEY_VERSION.
    expect(keys.slice(0, 2)).toEqual(PINNED_KEYS);
  });

  it('lets near-duplicates share keys', () => {
    const keys = new Set(duplicateKeys(ARTICLE));
    const trimmed = PARAGRAPHS.slice(0, 6).join('\n\n');
    expect(duplicateKeys(trimmed).filter((k) => keys.has(k)).length).toBeGreaterThan(0);
  });

  it('keys short texts exactly, and documents the empty text', () => {
    const short = 'The Larkspur bridge in Veldmoor reopened on Tuesday after eleven months of repairs.';
    expect(short.split(' ').length).toBeLessThan(SHORT_TEXT_WORDS);
    const keys = duplicateKeys(short);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^\d+:x:/);
    expect(duplicateKeys(`  ${short.toUpperCase()}!! `)).toEqual(keys);
    const changed = short.replace('Tuesday', 'Monday');
    expect(duplicateKeys(changed)).not.toEqual(keys);
    expect(isNearDuplicate(nearDuplicateScore(short, short.toLowerCase()))).toBe(true);
    expect(isNearDuplicate(nearDuplicateScore(short, changed))).toBe(false);
    // A short text is never a near-duplicate of a long one that contains it.
    expect(isNearDuplicate(nearDuplicateScore(short, `${short}\n\n${ARTICLE}`))).toBe(false);
    expect(duplicateKeys('')).toEqual([]);
    expect(duplicateKeys(' — … ')).toEqual([]);
    expect(isNearDuplicate(nearDuplicateScore('', ''))).toBe(false);
  });

  it('splits words in any script, and scripts without spaces per character', () => {
    expect(duplicateKeys('Мост через реку снова открыт.')).toEqual(
      duplicateKeys('мост  через РЕКУ, снова открыт'),
    );
    expect(duplicateKeys('Мост через реку снова открыт.')).not.toEqual(
      duplicateKeys('Мост через реку снова закрыт.'),
    );
    // Full-width letters fold to ASCII (NFKC); CJK text is one character per word.
    expect(duplicateKeys('ＢＲＩＤＧＥ reopened')).toEqual(duplicateKeys('bridge reopened'));
    expect(nearDuplicateScore('橋が再開した', '橋が再開しました').shorterWords).toBe(6);
  });
});

describe('NearDuplicateIndex', () => {
  it('links each reprint to the earliest article it duplicates, and nothing else', () => {
    const index = new NearDuplicateIndex();
    expect(index.add('original', ARTICLE)).toBeNull();
    expect(index.add('other-outlet', OTHER_ARTICLE)).toBeNull();
    expect(index.add('same-url-twice', ARTICLE)).toBe('original');
    // New headline: the title is not part of the text; boilerplate added at both ends.
    const reprint = `Subscribe today for full access.\n\n${ARTICLE}\n\nCopyright 2031 Example Wire. All rights reserved.`;
    expect(index.add('wire-reprint', reprint)).toBe('original');
    expect(index.add('trimmed', PARAGRAPHS.slice(0, 6).join('\n\n'))).toBe('original');
    expect(index.add('short', 'Bridge reopens.')).toBeNull();
    expect(index.add('short-again', 'bridge REOPENS')).toBe('short');
    expect(index.size).toBe(7);
  });
});

const PINNED_KEYS = ['1:0:1l06858t46u', '1:1:15dz770182au'];
