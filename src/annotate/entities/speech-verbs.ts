// Verbs that introduce someone's words, in all their forms. Used to type a name as a speaker
// ("Peskov said") and to find who a quote belongs to.

const REGULAR = [
  'add',
  'state',
  'note',
  'claim',
  'warn',
  'insist',
  'argue',
  'ask',
  'post',
  'tweet',
  'emphasize',
  'emphasise',
  'stress',
  'propose',
  'declare',
  'describe',
  'call',
  'accuse',
  'allege',
  'assert',
  'suggest',
  'explain',
  'respond',
  'recall',
  'announce',
  'highlight',
  'urge',
  'agree',
  'praise',
  'promise',
  'vow',
  'continue',
  'joke',
  'conclude',
  'acknowledge',
  'address',
  'remark',
  'observe',
  'reply',
  'deny',
  'admit',
  'complain',
  'caution',
  'predict',
  'demand',
  'boast',
  'repeat',
  'reiterate',
  'confirm',
  'report',
  'comment',
  'mention',
  'maintain',
  'contend',
  'counter',
  'scoff',
  'plead',
  'pledge',
  'concede',
  'quip',
  'whisper',
  'shout',
  'yell',
  'exclaim',
  'testify',
  'wonder',
  'muse',
  'lament',
];
const IRREGULAR = [
  'say',
  'says',
  'said',
  'saying',
  'tell',
  'tells',
  'told',
  'telling',
  'write',
  'writes',
  'wrote',
  'written',
  'writing',
  'speak',
  'speaks',
  'spoke',
  'speaking',
];

function forms(base: string): string[] {
  const stem = base.endsWith('e') ? base.slice(0, -1) : base;
  const past = /[^aeiou]y$/.test(base)
    ? `${base.slice(0, -1)}ied`
    : base.endsWith('e')
      ? `${base}d`
      : `${base}ed`;
  const third = /[^aeiou]y$/.test(base)
    ? `${base.slice(0, -1)}ies`
    : /(s|sh|ch|x)$/.test(base)
      ? `${base}es`
      : `${base}s`;
  // Doubling: admit → admitted, quip → quipped.
  const doubled = /^(admit|quip)$/.test(base) ? [`${base}${base.at(-1)}ed`, `${base}${base.at(-1)}ing`] : [];
  return [base, past, third, `${stem}ing`, ...doubled];
}

const SPEECH_VERBS = new Set([...REGULAR.flatMap(forms), ...IRREGULAR]);

export function isSpeechVerb(word: string): boolean {
  return SPEECH_VERBS.has(word.toLowerCase());
}

/** "-ing" forms head a participle clause ("…, calling his efforts “brilliant”"), whose subject is the
 * main clause's subject rather than the nearest name. */
export function isParticiple(word: string): boolean {
  return word.toLowerCase().endsWith('ing') && isSpeechVerb(word);
}
