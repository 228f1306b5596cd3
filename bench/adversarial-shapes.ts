// Text shapes for the adversarial benchmark (bench/adversarial.ts): unusual but plausible article bodies.
// Each shape is a unit generator: unit(i) is the i-th piece, appended until the text reaches the size.
// Pieces vary with i (names, numbers) so that no cache or dedup can make a repeat free.

const SYLLABLES = ['ka', 'lo', 'mir', 'an', 'to', 'vel', 'ri', 'son', 'da', 'ne', 'ber', 'gu', 'sha', 'po'];
/** A made-up name that differs for every i: "Kalo", "Miranto", … */
function name(i: number): string {
  let n = i + 7;
  let s = '';
  do {
    s += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  return s.charAt(0).toUpperCase() + s.slice(1);
}
const WORDS = ['talks', 'city', 'council', 'budget', 'water', 'bridge', 'vote', 'report', 'market', 'plan'];
const word = (i: number) => WORDS[i % WORDS.length] as string;

export const SHAPES: Record<string, (i: number) => string> = {
  'news-like': (i) =>
    `${name(i)} ${name(i + 1)}, the city's ${word(i)} officer, said on Tuesday that the ${word(i + 3)} would reopen in May 2025. "We are not there yet," ${name(i)} said.${i % 4 === 3 ? '\n\n' : ' '}`,
  'urls-joined': () => 'http://a',
  'urls-repeated': () => 'http://a ',
  'urls-spaced': (i) =>
    `See https://example.com/${word(i)}/2025/03/${(i % 28) + 1}/story-${i}?ref=x&id=${i} `,
  'www-links': (i) => `www.${word(i)}${i}.example.org/${word(i + 1)} `,
  'email-like-run': (i) => `${word(i)}.${i}-x+y.`,
  'emails-spaced': (i) => `jane.doe+${word(i)}${i}@news-${i % 9}.example.org, `,
  'single-quotes': (i) => `'${word(i)}' it's '${name(i)}' 'a' `,
  'double-quotes-unbalanced': (i) => `He said "${word(i)} and ${word(i + 1)} `,
  'many-quotes': (i) => `“The ${word(i)} is late,” ${i % 2 ? 'he' : 'she'} said. “We will see.” `,
  'said-attributions': (i) => `"${word(i)} matters," said ${name(i)} ${name(i + 3)}. `,
  'hyphen-joined': (i) => `${word(i)}-`,
  'hyphen-words': (i) => `state-run ${word(i)}-${word(i + 1)} well-known `,
  'dash-joined': (i) => `${word(i)}—`,
  'dotted-abbreviations': () => 'U.S. U.K. e.g. i.e. Dr. Mr. ',
  'dotted-joined': (i) => `${String.fromCharCode(97 + (i % 26))}.`,
  'date-like': (i) =>
    `${2000 + (i % 25)}-0${(i % 9) + 1}-1${i % 9} 0${(i % 9) + 1}/1${i % 9}/2024 12.05.2023 `,
  'numbers-separators': (i) => `${i},234,567.89 1.234.${i % 1000},5 `,
  'digits-run': (i) => `${i % 10}`,
  'credit-lines': (i) => `Photo: ${name(i)} ${name(i + 2)}/Reuters\n\n`,
  'one-line-no-punctuation': (i) => `${word(i)} ${name(i).toLowerCase()} `,
  'long-sentence': (i) => `${word(i)} of ${name(i)} ${name(i + 5)}, and `,
  'short-paragraphs': (i) => `The ${word(i)} closed.\n\n`,
  'single-lines': (i) => `The ${word(i)} closed on day ${i}.\n`,
  'all-caps': (i) => `THE ${word(i).toUpperCase()} OF ${name(i).toUpperCase()} SAID ON MONDAY. `,
  'capitalised-names': (i) => `${name(i)} ${name(i + 11)}, `,
  'the-references': (i) =>
    `President ${name(i)} met ${name(i + 1)}. The president said the ${word(i)} leader agreed. `,
  'brackets-nesting': (i) => `(${word(i)} [${name(i)} {`,
  'unicode-emoji': (i) => `😀 café naïve 日本語 🇺🇦 ${word(i)} `,
  'possessives-apostrophes': (i) => `${name(i)}'s ${word(i)}’s `,
  'long-word': () => 'a',
  'hard-wrapped': (i) =>
    `${`The ${word(i)} of ${name(i)} reopened after a long ${word(i + 1)} delay`.padEnd(71, ' x')}\n`,
  'headline-lines': (i) => `${name(i)} wins ${word(i)} vote\n\n`,
  'quoted-headings': (i) => `“${word(i)} now”\n\n${name(i)} said “${word(i)} now” today.\n\n`,
  bullets: (i) => `- ${word(i)} ${name(i)}\n`,
  'whitespace-heavy': (i) => `${word(i)} \t   \u00a0  `,
  'markup-as-text': (i) => `<div class="x"><p>${word(i)}</p></div>`,
  'mentions-hashtags': (i) => `@${name(i)} #${word(i)} `,
};

/**
 * `bytes` of the shape, inside one plain sentence: a shape made of one joined run ("http://ahttp://a…")
 * would otherwise be a one-word paragraph, removed by clean as a label or a bare URL before annotation.
 */
export function generate(shape: string, bytes: number): string {
  const unit = SHAPES[shape];
  if (!unit) throw new Error(`unknown shape ${shape}`);
  const parts: string[] = ['The list as published read '];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const piece = unit(i);
    parts.push(piece);
    size += Buffer.byteLength(piece);
  }
  parts.push(' in full.');
  return parts.join('');
}
