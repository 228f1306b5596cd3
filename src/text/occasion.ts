// The occasion a report places a remark at, read from the words around a quotation: the medium ("wrote on
// Twitter", "told reporters", "in an interview", "in a statement", "in a speech", "testified") and the weekday.
// Two printings of one utterance name the same occasion or leave it out; one speaker's remark at a news
// conference and his post the next day are two utterances however many words they share.

/** Kinds of occasion, each recognised by its words outside the quotation. */
const MEDIA: readonly { kind: string; pattern: RegExp }[] = [
  {
    kind: 'post',
    pattern: /\b(?:tweet(?:ed|s)?|wrote on (?:twitter|facebook|social media)|posted|in a post|on twitter)\b/i,
  },
  {
    kind: 'statement',
    pattern: /\b(?:in a (?:written |joint )?statement|said in a release|statement (?:said|read))\b/i,
  },
  {
    kind: 'interview',
    pattern: /\b(?:interview|told (?:the |a )?(?:newspaper|station|network|podcast|program|programme))\b/i,
  },
  {
    // A programme named in quotation marks: told “Morning Report”, said on the network's “Morning Report”
    // (case-sensitive: the title's capital is the sign).
    kind: 'interview',
    pattern:
      /\b(?:told|said on|appearing on|appearance on|speaking on) (?:\p{Lu}[\p{L}.]*(?:['’]s)? ){0,3}["“]\p{Lu}/u,
  },
  {
    // The place of the remark, not a time reference: "told reporters", "at a news conference", not "said
    // after the news conference".
    kind: 'press',
    pattern:
      /\b(?:told reporters|to reporters|with reporters|(?:at|during|in) (?:a|an|the|his|her|their) (?:[\p{L}-]+ ){0,2}(?:news|press) conference|(?:at|during|in) (?:a|the|his|her|their) (?:[\p{L}-]+ )?briefing)\b/iu,
  },
  {
    kind: 'speech',
    pattern:
      /\b(?:(?:in|during|at) (?:a|an|the|his|her|their) (?:[\p{L}-]+ ){0,2}(?:speech|rally|address)|address(?:ed|ing)? (?:the|a) (?:crowd|nation|conference|supporters))\b/iu,
  },
  { kind: 'hearing', pattern: /\b(?:testified|testimony|at (?:a|the|his|her) (?:hearing|trial))\b/i },
];
const WEEKDAY = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g;

export interface Occasion {
  /** The media named (post, statement, interview, press, speech, hearing). */
  media: Set<string>;
  /** The weekdays named. */
  days: Set<string>;
}

/** The occasion named by a report's words around a quotation (the quotation itself left out). */
export function occasionOf(context: string): Occasion {
  const media = new Set(MEDIA.filter((m) => m.pattern.test(context)).map((m) => m.kind));
  const days = new Set([...context.matchAll(WEEKDAY)].map((m) => m[1] as string));
  return { media, days };
}

/**
 * How two reports place their remarks at different occasions, or null: `medium` when both name a medium and
 * none in common ("tweeted" / "told reporters"), `day` when each names one weekday and they differ. Naming
 * none says nothing. A medium is the firmer sign: outlets date a remark by their own day now and then.
 */
export function differentOccasions(a: Occasion, b: Occasion): 'medium' | 'day' | null {
  if (a.media.size > 0 && b.media.size > 0 && ![...a.media].some((m) => b.media.has(m))) return 'medium';
  if (a.days.size === 1 && b.days.size === 1 && ![...a.days].some((d) => b.days.has(d))) return 'day';
  return null;
}
