// Many invented news articles for volume tests (crash safety, progress): made-up names from syllables and a
// few sentence templates, grouped into events. Deterministic for a seed; no real names or text.

import { seededRandom } from '../../src/util/random.js';

const SYLLABLES = [
  'ka',
  'lo',
  'ver',
  'min',
  'sta',
  'dor',
  'bel',
  'quin',
  'ra',
  'tov',
  'ish',
  'pel',
  'mar',
  'zen',
  'hol',
  'tri',
];
const NOUNS = [
  'bridge',
  'factory',
  'council',
  'harbour',
  'school',
  'railway',
  'hospital',
  'market',
  'festival',
  'stadium',
];
const EVENTS = [
  'fire',
  'strike',
  'election',
  'flood',
  'merger',
  'trial',
  'protest',
  'collapse',
  'audit',
  'launch',
];

export interface SyntheticArticle {
  id: string;
  outlet: string;
  title: string;
  published: string;
  text: string;
}

export function syntheticArticles(count: number, perEvent = 8, seed = 7): SyntheticArticle[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const word = (parts: number) => {
    const w = Array.from({ length: parts }, () => pick(SYLLABLES)).join('');
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  const articles: SyntheticArticle[] = [];
  let event = 0;
  while (articles.length < count) {
    const person = `${word(2)} ${word(3)}`;
    const surname = person.split(' ')[1] as string;
    const town = word(3);
    const noun = pick(NOUNS);
    const kind = pick(EVENTS);
    const number = 10 + Math.floor(random() * 900);
    const day = new Date(Date.UTC(2030, 0, 1) + event * 5 * 86_400_000);
    for (let i = 0; i < perEvent && articles.length < count; i++) {
      const published = new Date(day.getTime() + i * 86_400_000).toISOString().slice(0, 10);
      const sentences = [
        `A ${kind} at the ${town} ${noun} drew crowds on ${['Monday', 'Tuesday', 'Friday'][i % 3]}, officials said.`,
        `${person}, who leads the ${town} ${noun} board, said ${number} people were affected.`,
        `"We will answer every question about the ${kind}," ${surname} said.`,
        `The ${town} ${noun} ${kind} is the largest in the region this year, according to ${word(2)} ${word(2)} of the ${word(2)} Institute.`,
        `Residents of ${town} expect a report on the ${kind} within ${2 + (i % 5)} weeks.`,
        `Outlet number ${i} adds its own detail: ${word(2)} ${word(3)} was seen near the ${noun}.`,
      ];
      articles.push({
        id: `syn-${event}-${i}`,
        outlet: `Outlet ${String.fromCharCode(65 + (i % 6))}`,
        title: `${kind.charAt(0).toUpperCase()}${kind.slice(1)} at the ${town} ${noun}`,
        published,
        text: sentences.join(' '),
      });
    }
    event++;
  }
  return articles;
}

export function toJsonl(articles: readonly SyntheticArticle[]): string {
  return `${articles.map((a) => JSON.stringify(a)).join('\n')}\n`;
}
