// Invented libraries for the calibration check: many short reports of unrelated local events spread over a
// year, each with its own made-up people, places and things. `boilerplate` appends the same long paragraph
// (an invented publisher's note naming the same people, the same firm and the same figures) to every
// article, the case the check must catch. No real people, outlets or events.
import { seededRandom } from '../../src/util/random.js';
import type { FixtureArticle } from './library-fixtures.js';

const SYLLABLES = [
  'ka',
  'lor',
  'ven',
  'tis',
  'mur',
  'dal',
  'quen',
  'bro',
  'sil',
  'nax',
  'pel',
  'ost',
  'rin',
  'zu',
  'hav',
  'gel',
];
const EVENTS = [
  ['bridge', 'closed', 'cracks', 'engineers', 'traffic', 'repairs'],
  ['school', 'opened', 'classrooms', 'pupils', 'teachers', 'library'],
  ['fire', 'destroyed', 'warehouse', 'firefighters', 'smoke', 'damage'],
  ['festival', 'drew', 'crowds', 'musicians', 'stages', 'tickets'],
  ['hospital', 'expanded', 'wards', 'nurses', 'patients', 'surgery'],
  ['factory', 'hired', 'workers', 'machines', 'orders', 'shifts'],
  ['storm', 'flooded', 'streets', 'residents', 'pumps', 'roofs'],
  ['museum', 'unveiled', 'paintings', 'visitors', 'collection', 'gallery'],
];
const OUTLETS = ['Harbourview Courier', 'Eastmere Post', 'Tollgate Weekly'];
const BOILERPLATE = `About this newsletter: the Harbourview Courier is published by Quillmont Media Holdings, owned by Ilse Marrowby and Dov Keanerton since 1987, with offices in Saltrick and Wendham. Ilse Marrowby chairs the Quillmont board, Dov Keanerton edits the Quillmont regional desk, and Quillmont Media Holdings employs 212 reporters across Saltrick, Wendham and Brackenfold. Letters to Ilse Marrowby and Dov Keanerton may be sent to Quillmont Media Holdings, 14 Ferrule Lane, Saltrick.`;

function name(random: () => number, parts: number): string {
  let out = '';
  for (let i = 0; i < parts; i++) out += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/** `count` unrelated reports, one every `everyDays` days from 2031-01-05, optionally with the boilerplate. */
export function unrelatedReports(
  count: number,
  options: { boilerplate: boolean; everyDays?: number },
): FixtureArticle[] {
  const random = seededRandom(4711);
  const start = Date.UTC(2031, 0, 5);
  const every = options.everyDays ?? 9;
  const articles: FixtureArticle[] = [];
  for (let i = 0; i < count; i++) {
    const [thing, verb, a, b, c, d] = EVENTS[i % EVENTS.length] as string[];
    const person = `${name(random, 2)} ${name(random, 3)}`;
    const other = `${name(random, 2)} ${name(random, 2)}`;
    const town = name(random, 3);
    const street = name(random, 2);
    const firm = `${name(random, 2)} ${name(random, 2)}`;
    const cost = 100 + Math.floor(random() * 900);
    const month = ['March', 'May', 'July', 'October'][i % 4];
    const published = new Date(start + i * every * 86_400_000).toISOString().slice(0, 10);
    const text = [
      `The ${thing} in ${town} ${verb} on Tuesday, and ${person} said the ${a} would be counted by Friday.`,
      `${person} told the ${town} council that ${b} and ${c} were waiting for news about the ${d}. ${other} said ${town} had waited long enough.`,
      `Work near ${street} Street will cost ${cost} thousand, according to ${firm}, the firm hired by ${town}. ${other} asked ${firm} to finish before ${month}, when the ${c} and the ${d} are expected back.`,
      `At a meeting in the ${street} hall, ${person} and ${other} answered questions from ${b} for two hours. The next meeting about the ${thing} in ${town} is planned for ${month}.`,
      options.boilerplate ? BOILERPLATE : '',
    ]
      .filter(Boolean)
      .join('\n\n');
    articles.push({
      file: `report-${String(i).padStart(3, '0')}.md`,
      outlet: OUTLETS[i % OUTLETS.length] as string,
      published,
      title: `${town} ${thing} ${verb}, ${person.split(' ')[1]} says`,
      text,
    });
  }
  return articles;
}
