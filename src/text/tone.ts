// The tone of a label an outlet gives an actor: negative when its wording condemns or delegitimises the
// person ("dictator", "self-proclaimed", "crooked", "lord of chaos", "bad person"), positive when it praises
// ("hero", "respected", "good friend"), neutral otherwise: plain offices and roles ("Belarusian President",
// "Kremlin spokesperson", "party leader", "national security adviser") are neutral.
//
// Two sources, each word with a valence:
//  - the VADER sentiment lexicon (Hutto & Gilbert 2014; MIT licence; shipped by the npm package
//    `vader-sentiment`, Apache-2.0, as vader_lexicon.txt): 7,500 English words and forms rated −4…+4 by ten
//    raters each. Loaded once, on the first label, keeping words rated at least MIN_VALENCE either way;
//  - our own general additions below: political epithets and delegitimising modifiers VADER lacks
//    ("so-called", "self-styled", "hard-left", "crooked", "strongman"), and words of praise.
// VADER rates words of everyday text, so some of its words name a field, an institution or a relation in
// a descriptor rather than judging the person ("national security adviser", "party leader", "war veteran",
// "special counsel", "friend of the mayor"): DOMAIN_WORDS keeps those neutral. Capitalised words inside a
// run of capitalised words are a name or an office ("Supreme Court Justice", "House Freedom Caucus
// Chairman") and only our own epithets count there; a phrase after a preposition other than "of" says
// where or for whom ("director for victims of abuse"), not what the person is, so it is left out.
// A delegitimising word wins over praise ("self-proclaimed hero" is negative); otherwise the valences add up.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Tone } from '../model/report.js';

/** VADER words rated weaker than this are mild in a label ("top", "outgoing", "vulnerable": −0.9). Measured on
 * 7,525 distinct labels of 3,000 allsides articles: at 1.5 the words left are evaluative ("popular", "bad",
 * "crazy", "influential"); below it, mostly descriptive ones ("prominent" 1.3, "critic" −1.1, "admiral" 1.3). */
const MIN_VALENCE = 1.5;

/** Words that question legitimacy or condemn: the label takes sides. */
export const NEGATIVE_WORDS = new Set([
  // illegitimate power
  'dictator',
  'dictatorial',
  'dictatorship',
  'strongman',
  'autocrat',
  'autocratic',
  'despot',
  'despotic',
  'tyrant',
  'tyrannical',
  'regime',
  'junta',
  'warlord',
  'usurper',
  'puppet',
  'self-proclaimed',
  'self-styled',
  'so-called',
  'illegitimate',
  'unelected',
  'de facto',
  // condemnation
  'thug',
  'terrorist',
  'extremist',
  'fanatic',
  'demagogue',
  'propagandist',
  'apologist',
  'crony',
  'henchman',
  'stooge',
  'oligarch',
  'kleptocrat',
  'war criminal',
  'butcher',
  'murderer',
  'corrupt',
  'disgraced',
  'notorious',
  'infamous',
  'discredited',
  'embattled',
  'scandal-hit',
  'scandal-plagued',
  'beleaguered',
  'controversial',
  'divisive',
  'erratic',
  'hardline',
  'hard-line',
  'firebrand',
  'far-right',
  'far-left',
  'hard-right',
  'hard-left',
  'ultra-left',
  'ultra-right',
  'alt-right',
  'crooked',
  'crook',
  'liar',
  'lying',
  'traitor',
  'bigot',
  'zealot',
  'agitator',
  'rabble-rouser',
  'mouthpiece',
  'shill',
  'lackey',
  'sycophant',
  'lunatic',
  'clown',
  'loser',
  'radical',
  'would-be',
  'wannabe',
  'failed',
  'shady',
  'sleazy',
  'disgraceful',
  'ultranationalist',
  'xenophobic',
  'racist',
  'authoritarian',
  'belligerent',
  'aggressor',
  'ousted',
  'convicted',
  'indicted',
  'fugitive',
  'rogue',
  'pariah',
]);

/** Words of praise or endorsement. */
export const POSITIVE_WORDS = new Set([
  'hero',
  'heroic',
  'beloved',
  'respected',
  'admired',
  'renowned',
  'acclaimed',
  'celebrated',
  'legendary',
  'visionary',
  'reformer',
  'reformist',
  'peacemaker',
  'statesman',
  'stateswoman',
  'popular',
  'trusted',
  'distinguished',
  'brilliant',
  'courageous',
  'brave',
  'principled',
  'good guy',
  'wise',
  'esteemed',
  'honest',
  'decent',
  'genius',
  'pioneering',
  'iconic',
]);

/** Words VADER rates that in a descriptor name a field, an institution or a relation, not a judgement. */
const DOMAIN_WORDS = new Set(
  (
    'justice supreme security party intelligence united special free freedom liberty liberties care health ' +
    'peace relief charity safety credit benefits progress growth support help clean entertainment prize ' +
    'super natural grand energy emergency fire war wars crime crimes terror terrorism violence gun guns death ' +
    'abuse crisis penalty victim victims prisoner prisoners protest protests friend friends supporter ' +
    'supporters winner hopeful hopefuls comedian kind like well clear no yes champion trust hope ' +
    'rights fighter fighters survivor survivors honor honour glory faith pride vice cancer drug drugs ' +
    'disaster poverty hunger conflict attack attacks defense defence criminal prosecution prison ' +
    'battleground deficit foe foes peacekeeping moody asset assets fallen beauty'
  ).split(' '),
);

/** A preposition that starts a phrase about where or for whom ("director at the agency", "adviser to …"). */
const CUT_AT = new Set([
  'for',
  'at',
  'in',
  'on',
  'with',
  'to',
  'from',
  'by',
  'against',
  'who',
  'which',
  'that',
  'since',
  'after',
  'before',
  'during',
]);

let vader: Map<string, number> | null = null;

/** The VADER lexicon, once: words (not emoticons) rated at least MIN_VALENCE either way. */
function vaderLexicon(): Map<string, number> {
  if (vader) return vader;
  const file = createRequire(import.meta.url).resolve('vader-sentiment/vader_lexicon.txt');
  const lexicon = new Map<string, number>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [word, mean] = line.split('\t');
    const valence = Number(mean);
    if (!word || !/^[a-z][a-z'-]*$/.test(word) || !(Math.abs(valence) >= MIN_VALENCE)) continue;
    if (DOMAIN_WORDS.has(word)) continue;
    lexicon.set(word, valence);
  }
  vader = lexicon;
  return lexicon;
}

interface Word {
  lower: string;
  /** Part of a run of two or more capitalised words: a name or an office. */
  inName: boolean;
}

function wordsOf(text: string): Word[] {
  const raw = text
    .replace(/[’']/g, "'")
    .split(/[^\p{L}'-]+/u)
    .filter(Boolean);
  const capital = raw.map((w) => /^\p{Lu}/u.test(w));
  const words: Word[] = [];
  for (let i = 0; i < raw.length; i++) {
    const lower = (raw[i] as string).toLowerCase().replace(/'s$/, '');
    if (i > 0 && CUT_AT.has(lower)) break;
    words.push({ lower, inName: !!capital[i] && (!!capital[i - 1] || !!capital[i + 1]) });
  }
  return words;
}

/** Whether one word (lower case) judges rather than describes: our own epithets and praise, or a VADER word
 * rated at least MIN_VALENCE either way ("disgraceful", "brilliant", "outrageous"; not "war" or "party"). */
export function isEvaluativeWord(lower: string): boolean {
  return NEGATIVE_WORDS.has(lower) || POSITIVE_WORDS.has(lower) || vaderLexicon().has(lower);
}

/** The VADER valence of one word (lower case), if it is rated at least MIN_VALENCE either way. */
export function valenceOf(lower: string): number | undefined {
  return vaderLexicon().get(lower);
}

export function toneOf(text: string): { tone: Tone; words: string[] } {
  const words = wordsOf(text);
  // Two-word entries ("good guy", "de facto", "war criminal") are matched as adjacent pairs.
  const terms = [
    ...words,
    ...words.slice(1).map((w, i) => ({
      lower: `${words[i]?.lower} ${w.lower}`,
      inName: w.inName && !!words[i]?.inName,
    })),
  ];
  const negative = terms.filter((w) => NEGATIVE_WORDS.has(w.lower)).map((w) => w.lower);
  if (negative.length > 0) return { tone: 'negative', words: negative };
  const lexicon = vaderLexicon();
  let sum = 0;
  const setting: string[] = [];
  for (const w of terms) {
    const own = POSITIVE_WORDS.has(w.lower) ? 2 : undefined;
    const valence = own ?? (w.inName ? undefined : lexicon.get(w.lower));
    if (valence === undefined) continue;
    sum += valence;
    setting.push(w.lower);
  }
  if (sum > 0) return { tone: 'positive', words: setting };
  if (sum < 0) return { tone: 'negative', words: setting };
  return { tone: 'neutral', words: [] };
}
