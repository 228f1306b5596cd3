// Attribution phrases: the part of a sentence that says where a report came from ("as reported by the
// state news agency Belta", "according to a copy obtained by Coastal Wire", "in an interview with US
// blogger Mario Nawfal"). Alignment weighs their words down: two outlets citing the same interview are not
// thereby reporting the same fact. Fact discrepancies read the named source out of them.
import { isDateWord } from '../../annotate/entities/gazetteer.js';
import type { Entity } from '../../model/article.js';

export interface AttributionPhrase {
  start: number;
  end: number;
  /** Whether the phrase names a source of the report (not only circumstances such as an interview). */
  namesSource: boolean;
  /** Where the words after the opener begin ("according to |one memo"). */
  bodyStart: number;
}

// Phrases that credit a source and run to the next comma or stop. "per" only counts after a comma
// ("Peskov stated, per Meduza"), since "per cent" and "per day" are no attributions.
const SOURCE_OPENERS =
  /\b(?:as (?:first )?reported by|according to|cited by|as cited by|quoted by|reported by|published by|citing|(?<=,\s)per)\s+/gi;
// Circumstances of a statement: not a source, but shared by every outlet that used the same interview.
const CIRCUMSTANCE_OPENERS = /\b(?:in an? (?:[\p{L}-]+ )?(?:interview|statement|post|video|address)\b)/giu;
// "Interfax reported", "said Peskov": the source stands right before or right after the verb.
const REPORTING_VERB = /\b(?:reported|reports|said|says)\b/g;

/**
 * Where the phrase opened at `from` ends: the next comma, semicolon, colon, dash or sentence stop. The
 * stop of an initial or abbreviation ("U.S. blogger") does not end it.
 */
function phraseEnd(text: string, from: number, limit: number): number {
  const rest = text.slice(from, limit);
  const m = /[,;:—–]|(?<!\b\p{Lu})\.(?:\s|$|["”’])/u.exec(rest);
  return m ? from + m.index : limit;
}

/** Attribution and circumstance phrases inside text[start, end). */
export function attributionPhrases(text: string, start: number, end: number): AttributionPhrase[] {
  const slice = text.slice(start, end);
  const out: AttributionPhrase[] = [];
  for (const m of slice.matchAll(SOURCE_OPENERS)) {
    const at = start + (m.index ?? 0);
    out.push({
      start: at,
      end: phraseEnd(text, at + m[0].length, end),
      namesSource: true,
      bodyStart: at + m[0].length,
    });
  }
  for (const m of slice.matchAll(CIRCUMSTANCE_OPENERS)) {
    const at = start + (m.index ?? 0);
    out.push({
      start: at,
      end: phraseEnd(text, at + m[0].length, end),
      namesSource: false,
      bodyStart: at + m[0].length,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

export interface Source {
  /** The source's name as written ("Belta", "Pool Pervogo"). */
  name: string;
  start: number;
  end: number;
}

// A capitalised name: words starting upper case, joined by spaces or inner "of"/"the" ("Port Calloway
// Fire Department", "Department of Transportation").
const CAPITALISED_RUN = /\p{Lu}[\p{L}.’'-]*(?:\s+(?:(?:of|the|for|and)\s+)?\p{Lu}[\p{L}.’'-]*)*/gu;

/**
 * Whether the clause ends right after a name that follows "said": the inverted speaker of "…, said Peskov."
 * A name that goes on into a verb is the subject of what was said: "Comey wrote that Trump said Flynn had
 * judgment issues" credits nobody named Flynn.
 */
function closesClause(text: string, from: number, limit: number): boolean {
  return /^\s*(?:[,.;:!?—–)"”’]|$)/u.test(text.slice(from, limit));
}

/** Words that start a capitalised run without being part of a source's name. */
const NOT_NAME_START = new Set(['The', 'A', 'An']);

/**
 * The source named by each attribution in text[start, end): the last entity mention inside a source
 * phrase, else its last capitalised run. A phrase that names nobody ("according to a recording of the
 * meeting") yields nothing. Speech verbs count too, but only with a named organisation or person right
 * before them ("Interfax reported") or right after ("said Peskov").
 */
export function sourcesIn(text: string, start: number, end: number, entities: readonly Entity[]): Source[] {
  const out: Source[] = [];
  const mentions = entities
    .filter((e) => e.kind === 'organization' || e.kind === 'person' || e.kind === 'other')
    .flatMap((e) =>
      e.mentions.filter((m) => m.start >= start && m.end <= end).map((m) => ({ ...m, entity: e })),
    );
  for (const phrase of attributionPhrases(text, start, end)) {
    if (!phrase.namesSource) continue;
    const inside = mentions.filter((m) => m.start >= phrase.start && m.end <= phrase.end);
    const last = inside.sort((a, b) => a.start - b.start)[inside.length - 1];
    if (last) {
      out.push({ name: last.text, start: last.start, end: last.end });
      continue;
    }
    // The opener's own words are no name, though a sentence may open with them capitalised: "According to
    // one memo, …" named "According" as the source of a report and made an attribution discrepancy.
    const body = text.slice(phrase.bodyStart, phrase.end);
    let found: Source | null = null;
    for (const m of body.matchAll(CAPITALISED_RUN)) {
      const words = m[0].split(/\s+/);
      while (words.length > 0 && NOT_NAME_START.has(words[0] as string)) words.shift();
      if (words.length === 0) continue;
      const name = words.join(' ').replace(/[.’',]+$/, '');
      // "according to a report Tuesday": a day or month placing the report names no source.
      if (name.split(' ').every((w) => isDateWord(w.toLowerCase()))) continue;
      const at = phrase.bodyStart + (m.index ?? 0) + m[0].indexOf(words[0] as string);
      found = { name, start: at, end: at + name.length };
    }
    if (found) out.push(found);
  }
  // "Interfax reported" / "said Peskov": a named entity adjacent to a reporting verb.
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(REPORTING_VERB)) {
    const verbStart = start + (m.index ?? 0);
    const verbEnd = verbStart + m[0].length;
    const before = mentions.find((x) => /^\s+$/.test(text.slice(x.end, verbStart)) && x.end < verbStart);
    const after = mentions.find((x) => /^\s+$/.test(text.slice(verbEnd, x.start)) && x.start > verbEnd);
    // Only organisations "report"; a person before "said" is a speaker, which quotes cover, not a source.
    if (before && (m[0] === 'reported' || m[0] === 'reports') && before.entity.kind !== 'person') {
      out.push({ name: before.text, start: before.start, end: before.end });
    } else if (after && (m[0] === 'said' || m[0] === 'says') && closesClause(text, after.end, end)) {
      out.push({ name: after.text, start: after.start, end: after.end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
