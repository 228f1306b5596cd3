// Invented articles for the library tests: three unrelated stories told by several made-up outlets, and a
// lightly edited reprint. Written for these tests; no real people, outlets or events.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FixtureArticle {
  file: string;
  outlet: string;
  published: string;
  title: string;
  text: string;
}

const FLOOD = [
  {
    file: 'flood-1.md',
    outlet: 'Valley Courier',
    published: '2031-04-02',
    title: 'Tessaly River bursts its banks at Orrin Falls',
    text: `The Tessaly River burst its banks at Orrin Falls on Tuesday, flooding more than 300 homes in the lower town.

Mayor Idris Kovalenko declared a local emergency and opened the Orrin Falls sports hall as a shelter. "We have never seen the Tessaly this high," Kovalenko said.

Rescue crews from the Brannock County fire service used boats to reach families on Weir Street. Forecasters expect more rain over the Tessaly basin on Thursday.`,
  },
  {
    file: 'flood-2.md',
    outlet: 'Northern Ledger',
    published: '2031-04-03',
    title: 'Orrin Falls counts the cost as Tessaly floodwater lingers',
    text: `Residents of Orrin Falls began to count the cost on Wednesday as floodwater from the Tessaly River lingered in the lower town.

Mayor Idris Kovalenko said 312 homes were damaged and that the Brannock County fire service had rescued 41 people by boat. The sports hall shelter housed 150 people overnight.

Kovalenko asked the regional government for emergency funds. Engineers will inspect the Weir Street flood wall once the Tessaly falls.`,
  },
  {
    file: 'flood-3.md',
    outlet: 'Radio Brannock',
    published: '2031-04-03',
    title: 'Kovalenko calls for inquiry into Weir Street flood wall',
    text: `Orrin Falls mayor Idris Kovalenko called on Wednesday for an inquiry into why the Weir Street flood wall failed when the Tessaly River rose.

The Brannock County fire service said its crews had rescued dozens of residents by boat. About 300 homes in the lower town were flooded.

"Someone signed off on that wall," Kovalenko said. The regional engineer, Petra Lindqvist, said an inspection of the Tessaly defences would begin on Friday.`,
  },
];

const CHESS = [
  {
    file: 'chess-1.md',
    outlet: 'Valley Courier',
    published: '2031-04-02',
    title: 'Varga wins the Quenby Open after a marathon final game',
    text: `Grandmaster Oskar Varga won the Quenby Open chess tournament on Tuesday after a final game that lasted more than six hours.

Varga beat the defending champion, Amara Okonkwo-Reyes, with the black pieces in a rook endgame. The win earns Varga a place in the Candidates series.

"I was lost for two hours," Varga told reporters at the Quenby town hall. Okonkwo-Reyes said she would play in the Quenby Open again next year.`,
  },
  {
    file: 'chess-2.md',
    outlet: 'Board and Clock',
    published: '2031-04-03',
    title: 'Okonkwo-Reyes loses Quenby title in six-hour endgame',
    text: `Amara Okonkwo-Reyes lost her Quenby Open title on Tuesday when Oskar Varga converted a long rook endgame in the final round.

The six-hour game was the longest final in the history of the Quenby Open. Varga now qualifies for the Candidates series.

Okonkwo-Reyes, who won the tournament last year, congratulated Varga at the closing ceremony in the Quenby town hall.`,
  },
];

const ELECTION = [
  {
    file: 'vote-1.md',
    outlet: 'Northern Ledger',
    published: '2032-09-14',
    title: 'Harbourside votes to leave the Meridian transit authority',
    text: `Voters in Harbourside approved a referendum on Sunday to leave the Meridian regional transit authority, with 58 percent in favour.

Councillor Beatrix Nwosu, who led the campaign, said Harbourside would run its own ferry and bus lines from next spring. The Meridian authority warned that fares could rise.

Turnout was 47 percent, the highest for a local referendum in Harbourside since 2019.`,
  },
  {
    file: 'vote-2.md',
    outlet: 'Radio Brannock',
    published: '2032-09-15',
    title: 'Meridian transit authority weighs response to Harbourside vote',
    text: `The Meridian regional transit authority met on Monday to weigh its response after Harbourside voted to leave it in Sunday's referendum.

Beatrix Nwosu, the Harbourside councillor behind the campaign, said talks on ferry routes should begin at once. Fifty-eight percent of voters backed leaving the Meridian authority.

An authority spokesman said bus services to Harbourside would continue unchanged for at least a year.`,
  },
];

/** A syndicated reprint of flood-1: new headline, its last paragraph trimmed, a newsletter line added. */
export const FLOOD_REPRINT: FixtureArticle = {
  file: 'flood-1-reprint.md',
  outlet: 'Coastline Weekly',
  published: '2031-04-02',
  title: 'Floods hit Orrin Falls',
  text: `${(FLOOD[0] as FixtureArticle).text.split('\n\n').slice(0, 2).join('\n\n')}

Sign up for our morning newsletter to get the day's news in your inbox.`,
};

/** A later, unrelated event of the same kind in the same town, a year on: a new story. */
export const LATER_FLOOD: FixtureArticle = {
  file: 'flood-2032.md',
  outlet: 'Valley Courier',
  published: '2032-05-20',
  title: 'Tessaly rises again at Orrin Falls',
  text: `The Tessaly River rose above its banks at Orrin Falls again on Monday, a year after the flood that damaged hundreds of homes.

This time the new Weir Street flood wall held. Mayor Gideon Farrow said only a car park and two riverside gardens were under water.

The Brannock County fire service kept boats on standby overnight.`,
};

export const STORY_FLOOD = FLOOD;
export const STORY_CHESS = CHESS;
export const STORY_ELECTION = ELECTION;
export const ALL_FIXTURES: FixtureArticle[] = [...FLOOD, ...CHESS, ...ELECTION];

function markdown(a: FixtureArticle): string {
  // JSON strings are valid YAML double-quoted scalars, whatever quotes or markup the title holds.
  return `---\ntitle: ${JSON.stringify(a.title)}\noutlet: ${JSON.stringify(a.outlet)}\npublished: ${a.published}\n---\n\n${a.text}\n`;
}

/** Writes the articles as Markdown files with front matter into `dir` (created if needed). */
export function writeFixtures(dir: string, articles: readonly FixtureArticle[]): string[] {
  mkdirSync(dir, { recursive: true });
  return articles.map((a) => {
    const path = join(dir, a.file);
    writeFileSync(path, markdown(a));
    return path;
  });
}
