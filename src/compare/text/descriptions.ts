// The parts of a sentence that describe someone or something rather than report what happened: a
// non-restrictive relative clause (", who served as mayor from 1990 to 1998,"), an apposition after a
// name (", a former producer at the network,") and an aside between dashes (" —a surgeon who trained in
// Lyon— "). Two sentences about one person often repeat the same description and say different things
// around it ("Ames, who led the city for eight years, died on Friday" / "Ames, who led the city for eight
// years, had been in hospital since May"): what they share there is who she is, not a claim.
import type { Unit } from './units.js';

/** A relative pronoun after a comma opens a description that runs to the next comma, dash or the end. */
const RELATIVE = /,\s+(?:who|whom|whose|which)\s[^,;—–]*(?=[,;—–]|$)/giu;
/**
 * A comma, a phrase opened by an article and a closing comma right after an actor's name: "Ames, a former
 * producer at the network, launched …". The closing comma is required, so a list ("Ames, a nurse and a
 * driver") without one is left alone. Only after a name: "On Monday, the council voted 7-2, approving …"
 * opens with a capitalised word too, and there the phrase is what the sentence reports.
 */
const APPOSITION = /,\s+(?:a|an|the)\s[^,;.!?—–]{1,90},/gu;
/** An aside between dashes, the opening dash after a space: " —a surgeon who trained in Lyon— ". */
const DASH_ASIDE = /\s[—–-]\s?[^—–-]{8,200}?[—–-]/gu;

/**
 * A past participle opening the sentence, up to its comma, sets the scene for the subject: "Founded in
 * 1990, the league …", "Posted to the club's website, the videos …". At most 80 characters.
 */
const PARTICIPLE_OPENER = /^\p{Lu}\p{Ll}+ed\s[^,;.!?]{3,80},/u;

/** Spans [start, end) (offsets into `text`, the unit's article) of the unit's descriptions. */
export function descriptionSpans(u: Unit, text: string): { start: number; end: number }[] {
  const body = text.slice(u.start, u.end);
  const out: { start: number; end: number }[] = [];
  const opener = PARTICIPLE_OPENER.exec(body);
  if (opener) out.push({ start: u.start, end: u.start + opener[0].length });
  for (const re of [RELATIVE, APPOSITION, DASH_ASIDE]) {
    re.lastIndex = 0;
    for (let m = re.exec(body); m !== null; m = re.exec(body)) {
      // A dash aside must close before the sentence does, or it is a dash joining two clauses.
      if (re === DASH_ASIDE && m.index + m[0].length >= body.length - 1) continue;
      if (re === APPOSITION && !u.actorMentions.some((a) => a.end === u.start + m.index)) continue;
      out.push({ start: u.start + m.index, end: u.start + m.index + m[0].length });
    }
  }
  return out;
}

/** The unit's word keys outside actor names, split by whether the word stands inside a description. */
export function describedWords(u: Unit, text: string): { core: Set<string>; described: Set<string> } {
  const spans = descriptionSpans(u, text);
  const core = new Set<string>();
  const described = new Set<string>();
  for (const t of u.tokens) {
    if (!t.key || u.actorMentions.some((m) => t.start < m.end && t.end > m.start)) continue;
    if (spans.some((s) => t.start >= s.start && t.end <= s.end)) described.add(t.key);
    else core.add(t.key);
  }
  // A word the sentence also uses outside its description is part of what it reports.
  for (const k of core) described.delete(k);
  return { core, described };
}
