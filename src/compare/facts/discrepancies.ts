// Discrepancies inside one fact: different numbers for the same count, different dates for the same
// event, different sources credited. Conservative by design, because a reader who meets one false alarm
// distrusts the rest: two figures are compared only when
//   - their two sentences are, on their own, the same claim (facts/claims.ts at SAME_CLAIM_FOR_CONFLICT):
//     a fact joins sentences transitively, so two of its sentences may report a forecast and a result;
//   - they come from different articles;
//   - they count the same noun ("12 people injured" / "14 people hurt"; never "12 people" / "14 cars"),
//     and a percentage or a sum shares two words beyond its unit ("3 percent of likely voters" / "5
//     percent of likely voters"; never "3 percent growth" / "5 percent of households");
//   - neither is a bound or an estimate ("at least 12" / "14" may both be true; "about 300" / "312" is
//     one figure given more precisely), and
//   - a date is compared only with a date of the same provenance (dateProvenance): both stated outright,
//     or both counted from the same known publication day ("on Tuesday" of two articles published on
//     different days is no conflict);
//   - they are anchored to the same words ("injured 14 people" / "sending 12 people to hospitals"), so a
//     sentence's other figures ("19 passengers", "two cars") never produce a false alarm.
//   - two figures' sentences do not name different months or weekdays, also as a modifier ("the May jobs
//     report" / "in June"), and a figure in a unit of measure ("200 points") measures the same subject as
//     the other (facts/measured.ts: "futures fell 200 points" / "the index closed down 150 points" never).
import type { AnnotatedArticle, DateMention } from '../../model/article.js';
import type { Discrepancy, EvidenceSpan, Fact } from '../../model/report.js';
import { anchorsAround, numbersIn, tokenRange } from '../../text/numbers.js';
import type { StoryContext } from '../context.js';
import type { StoryArticle } from '../dates.js';
import { sourcesIn } from '../text/attribution.js';
import type { Unit } from '../text/units.js';
import { judgeClaim, SAME_CLAIM_THRESHOLD } from './claims.js';
import {
  isMeasureUnit,
  measuredSubject,
  namedPeriods,
  periodsApart,
  sameMeasuredSubject,
} from './measured.js';

/**
 * Same-claim decision two sentences need before their figures or dates may conflict: the aligner's own
 * pair decision (facts/claims.ts: sentences or one clause each at SAME_CLAIM_THRESHOLD, or the same thing
 * counted differently at COUNT_CONFLICT_THRESHOLD), asked of the two sentences directly, since a fact's
 * sentences are joined pair by pair and two of them need not pass it. The harbor-bridge pair "The
 * collapse injured 14 people when a section…" / "A 90-foot section … gave way …, sending 12 people to
 * hospitals" (0.113) passes as a count conflict; the noun, bound and anchor rules above carry the rest.
 */
export const SAME_CLAIM_FOR_CONFLICT = SAME_CLAIM_THRESHOLD;

/**
 * Words before a figure that make it a bound, an estimate or an increment, not the count: "at least 12",
 * "about 300", "another 100" (on top of an earlier figure), also before a figure word with its article
 * ("nearly a dozen" is not a conflict with "eleven").
 */
const QUALIFIER =
  /\b(?:at least|at most|more than|less than|fewer than|over|under|nearly|almost|about|around|roughly|approximately|up to|as many as|as few as|some|close to|upwards of|an estimated|estimated|at minimum|another|an additional|additional|a further|further|an extra|extra)(?:\s+an?)?\s*\$?$/i;
/** Words after a figure that make it a bound: "12 or more", "300-plus". */
const QUALIFIER_AFTER = /^(?:\s*(?:or more|or so|or fewer|or less|and more|and counting)\b|-plus\b|\+)/i;

/**
 * A month written in the date itself ("Sept. 26", "March 2023", "10/02"): the day is stated outright, not
 * counted from the publication day. "on Tuesday", "yesterday", "last week" carry no month and are.
 */
const STATED_MONTH =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b\.?|\b\d{1,4}[/.-]\d{1,2}\b/i;

/**
 * Where a date's value comes from: "stated" when the text gives the month (or the year alone), else
 * "relative:<reference day>" — resolved against the article's publication day, or "relative:?" when that
 * day was inferred from other articles. Two dates conflict only with the same provenance: "on Tuesday" in
 * an article of March 3 and "on Tuesday" in one of March 4 resolve to different days but may be one
 * event; a relative date against a stated one compares the outlet's wording with our guess of its day.
 */
export function dateProvenance(
  article: Pick<StoryArticle, 'published' | 'publishedInferred'>,
  mention: Pick<DateMention, 'text' | 'reason' | 'value'>,
): string {
  if (mention.reason === 'explicit-year' || mention.reason === 'anchored-date') return 'stated';
  if (STATED_MONTH.test(mention.text) || (mention.value?.length === 4 && /\b\d{4}\b/.test(mention.text)))
    return 'stated';
  const day = article.published?.slice(0, 10);
  return day && !article.publishedInferred ? `relative:${day}` : 'relative:?';
}

/** One figure or date in one evidence unit. */
interface Anchored {
  article: string;
  /** What must be equal for two items to agree ("count:14", "2024-09-26"). */
  value: string;
  /** Which items are comparable at all ("count", "money", date granularity). */
  kind: string;
  display: string;
  /** What a figure counts, when written right after it: "14 people" and "90-foot" count different things. */
  counted: string | null;
  anchors: Set<string>;
  /** The unit (sentence) the item is in: the discrepancy's evidence. */
  unit: Unit;
  /** A bound or an estimate ("at least 12", "about 300"): it agrees with more than one figure. */
  qualified: boolean;
  /** Dates only: where the value comes from (dateProvenance); items of different provenance never conflict. */
  provenance?: string;
  /** Figures in a unit of measure only: what they measure (measuredSubject: "futures" in "futures fell 200 points"). */
  subject?: Set<string>;
  /** Dates only: anchor words written capitalised in the sentence (names: "Senate", "Varnley"). */
  names?: Set<string>;
}

/** Anchor words two items share; none when both say what they count and it differs. */
function sharedAnchors(a: Anchored, b: Anchored): number {
  if (a.kind !== b.kind || a.qualified || b.qualified) return 0;
  // A date resolved from the publication day is comparable only with one resolved from the same known day.
  if (a.provenance !== b.provenance || a.provenance === 'relative:?') return 0;
  // A count must say what it counts, and the same thing: "12 people" / "14 people", not "12" / "14 cars".
  if (a.kind === 'count' && (!a.counted || a.counted !== b.counted)) return 0;
  if (a.counted && b.counted && a.counted !== b.counted) return 0;
  // The same unit of measure, two subjects: "futures fell 200 points" / "the index closed down 150 points".
  if (a.subject && b.subject && !sameMeasuredSubject(a.subject, b.subject)) return 0;
  let n = 0;
  let beyondUnit = 0;
  for (const x of a.anchors) {
    if (!b.anchors.has(x)) continue;
    n++;
    if (x !== a.counted && x !== 'percent') beyondUnit++;
  }
  // A count's own noun ties it to its claim ("14 people" / "12 people"). A percentage or a sum carries no
  // such noun, and one word in common is a topic word ("second with 36 percent" / "second place at 17
  // percent" of two races), so it needs two words beyond the unit. A date needs one ("memo dated Sept.
  // 26" / "an Oct. 2 memo": "memo"); a date anchored by a topic word alone still slips through.
  if ((a.kind === 'percent' || a.kind === 'money') && beyondUnit < 2) return 0;
  // A date needs an event word in common, not only a name: "the Senate on Thursday confirmed Roe" and
  // "Roe faced questions at his hearing in the Senate Tuesday" date two events of one body.
  if (
    a.names &&
    b.names &&
    ![...a.anchors].some((x) => b.anchors.has(x) && !a.names?.has(x) && !b.names?.has(x))
  )
    return 0;
  if (beyondUnit < 1 && a.kind !== 'count') return 0;
  return n;
}

/**
 * Groups of items that disagree. Per pair of units, equal values pair off first (they agree); each
 * remaining item pairs with the unmatched item of the same kind sharing most anchors (they disagree).
 * Agreeing and disagreeing pairs are joined into components, and a component with a disagreement is one
 * discrepancy.
 */
function disagreements(items: Anchored[][], comparable: (a: Unit, b: Unit) => boolean): Anchored[][] {
  const all = items.flat();
  const parent = all.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const indexOf = new Map(all.map((x, i) => [x, i]));
  const union = (a: Anchored, b: Anchored) => {
    parent[find(indexOf.get(a) as number)] = find(indexOf.get(b) as number);
  };
  const conflicted = new Set<Anchored>();
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const left = [...(items[i] as Anchored[])];
      const right = [...(items[j] as Anchored[])];
      const [ua, ub] = [left[0]?.unit, right[0]?.unit];
      if (!ua || !ub || ua.articleId === ub.articleId || !comparable(ua, ub)) continue;
      for (const a of [...left]) {
        const k = right.findIndex((b) => b.kind === a.kind && b.value === a.value);
        if (k < 0) continue;
        union(a, right[k] as Anchored);
        right.splice(k, 1);
        left.splice(left.indexOf(a), 1);
      }
      for (const a of left) {
        let best = -1;
        let bestShared = 0;
        right.forEach((b, k) => {
          const shared = sharedAnchors(a, b);
          if (shared > bestShared) {
            best = k;
            bestShared = shared;
          }
        });
        if (best < 0) continue;
        const b = right[best] as Anchored;
        union(a, b);
        conflicted.add(a);
        conflicted.add(b);
        right.splice(best, 1);
      }
    }
  }
  const components = new Map<number, Anchored[]>();
  all.forEach((x, i) => {
    const root = find(i);
    components.set(root, [...(components.get(root) ?? []), x]);
  });
  return [...components.values()].filter((c) => c.some((x) => conflicted.has(x)));
}

/** Values with the articles that give them, in order of first appearance. */
function valuesOf(component: Anchored[], order: readonly string[]): { value: string; articles: string[] }[] {
  const byValue = new Map<string, { value: string; articles: string[] }>();
  for (const x of component) {
    const entry = byValue.get(x.value) ?? { value: x.display, articles: [] };
    if (!entry.articles.includes(x.article)) entry.articles.push(x.article);
    byValue.set(x.value, entry);
  }
  for (const entry of byValue.values()) entry.articles.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return [...byValue.values()];
}

/**
 * The sentences holding a component's values, one per unit in story order, so a reader sees "injured 14
 * people" and "sent 12 people to hospitals" side by side rather than only the figures.
 */
function evidenceOf(ctx: StoryContext, component: readonly Anchored[]): EvidenceSpan[] {
  const units = [...new Set(component.map((x) => x.unit))].sort((a, b) => a.index - b.index);
  return units.map((u) => {
    const article = ctx.articles[u.article] as AnnotatedArticle;
    return { article: u.articleId, start: u.start, end: u.end, text: article.text.slice(u.start, u.end) };
  });
}

function listed(values: { value: string }[]): string {
  return values.map((v) => v.value).join(' vs ');
}

function numberItems(ctx: StoryContext, units: readonly Unit[]): Anchored[][] {
  return units.map((u) => {
    const article = ctx.articles[u.article] as AnnotatedArticle;
    return numbersIn(article.text, u.tokens, article.dates).map((n) => ({
      article: u.articleId,
      value: `${n.kind}:${n.value}`,
      kind: n.kind,
      display: n.text,
      counted: n.counted,
      anchors: n.anchors,
      unit: u,
      ...(isMeasureUnit(n.counted) ? { subject: measuredSubject(article.text, u.tokens, n.start) } : {}),
      qualified:
        QUALIFIER.test(article.text.slice(Math.max(0, n.start - 24), n.start)) ||
        QUALIFIER_AFTER.test(article.text.slice(n.end, n.end + 16)),
    }));
  });
}

function dateItems(ctx: StoryContext, units: readonly Unit[]): Anchored[][] {
  return units.map((u) => {
    const article = ctx.articles[u.article] as StoryArticle;
    const names = new Set(
      u.tokens
        .filter((t, i) => i > 0 && t.key && /^\p{Lu}/u.test(article.text.slice(t.start, t.end)))
        .map((t) => t.key),
    );
    return u.dates.flatMap((d) => {
      const range = tokenRange(u.tokens, d.start, d.end);
      if (!range || d.value === null) return [];
      return [
        {
          article: u.articleId,
          value: d.value,
          kind: `date${d.value.length}`,
          display: d.value,
          counted: null,
          anchors: anchorsAround(article.text, u.tokens, range[0], range[1]),
          unit: u,
          provenance: dateProvenance(article, d),
          names,
          // "by March 3" and "before March 3" bound the date; they do not give it.
          qualified: /\b(?:by|before|after|until|since|as early as|as late as|no later than)\s*$/i.test(
            article.text.slice(Math.max(0, d.start - 16), d.start),
          ),
        },
      ];
    });
  });
}

/**
 * Whether two source keys name one source: equal, or one is the other's last words ("the Post" after "the
 * Harbor Post reported" earlier in the same story; "Ledger" / "Valley Ledger").
 */
function sameSource(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.endsWith(` ${short}`);
}

/** Source names compare without case, a leading "the" or a possessive ("the Ledger" = "Ledger's"). */
function sourceKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/['’]s$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function attribution(ctx: StoryContext, fact: Fact, units: readonly Unit[]): Discrepancy | null {
  const byArticle = new Map<string, Map<string, string>>();
  const evidence: EvidenceSpan[] = [];
  for (const u of units) {
    const article = ctx.articles[u.article] as AnnotatedArticle;
    const sources = sourcesIn(article.text, u.start, u.end, article.entities);
    if (sources.length === 0) continue;
    byArticle.set(u.articleId, new Map(sources.map((s) => [sourceKey(s.name), s.name])));
    evidence.push({
      article: u.articleId,
      start: u.start,
      end: u.end,
      text: article.text.slice(u.start, u.end),
    });
  }
  if (byArticle.size < 2) return null;
  const credited = [...byArticle.values()];
  // Different only when some two articles share no source at all.
  const differ = credited.some((a, i) =>
    credited
      .slice(i + 1)
      .some((b) => ![...a.keys()].some((k) => [...b.keys()].some((l) => sameSource(k, l)))),
  );
  if (!differ) return null;
  const values = new Map<string, { value: string; articles: string[] }>();
  for (const [articleId, sources] of byArticle) {
    for (const [key, name] of sources) {
      const entry = values.get(key) ?? { value: name, articles: [] };
      entry.articles.push(articleId);
      values.set(key, entry);
    }
  }
  const list = [...values.values()];
  return {
    kind: 'attribution',
    subject: fact.id,
    values: list,
    note: `The outlets credit this report to different sources: ${listed(list)}.`,
    evidence,
  };
}

function holdsTwoValues(component: readonly Anchored[]): boolean {
  const byUnit = new Map<Unit, Set<string>>();
  for (const x of component) byUnit.set(x.unit, (byUnit.get(x.unit) ?? new Set()).add(x.value));
  return [...byUnit.values()].some((values) => values.size > 1);
}

export function factDiscrepancies(ctx: StoryContext, fact: Fact, units: readonly Unit[]): Discrepancy[] {
  if (units.length < 2) return [];
  const out: Discrepancy[] = [];
  const checks = [
    { kind: 'number', items: numberItems(ctx, units), what: 'figures for the same count' },
    { kind: 'date', items: dateItems(ctx, units), what: 'dates for the same event' },
  ] as const;
  const textOf = (u: Unit) => (ctx.articles[u.article] as AnnotatedArticle).text;
  const verdicts = new Map<string, boolean>();
  const comparable = (a: Unit, b: Unit) => {
    const key = `${a.index}:${b.index}`;
    let same = verdicts.get(key);
    if (same === undefined) {
      same = judgeClaim(a, b, textOf, { threshold: SAME_CLAIM_FOR_CONFLICT }).same;
      verdicts.set(key, same);
    }
    return same;
  };
  // Two counts of two named periods are two counts, also where the month or weekday only modifies a noun
  // ("the March payroll report showed 31,000 jobs" / "employers added 40,000 jobs in April"); dates of two
  // periods are exactly what a date discrepancy is about.
  const samePeriod = (a: Unit, b: Unit) =>
    !periodsApart(namedPeriods(textOf(a), a.tokens), namedPeriods(textOf(b), b.tokens));
  for (const { kind, items, what } of checks) {
    const check = kind === 'number' ? (a: Unit, b: Unit) => samePeriod(a, b) && comparable(a, b) : comparable;
    for (const component of disagreements(items, check)) {
      // One sentence giving two of the values counts two things ("12 counts, … and seven counts of failing
      // to file"): its outlet does not disagree with itself, and another outlet's "seven counts" is not a
      // conflict with the first figure.
      if (holdsTwoValues(component)) continue;
      const values = valuesOf(component, fact.articles);
      if (values.length < 2) continue;
      out.push({
        kind,
        subject: fact.id,
        values,
        note: `The outlets give different ${what}: ${listed(values)}.`,
        evidence: evidenceOf(ctx, component),
      });
    }
  }
  const credited = attribution(ctx, fact, units);
  if (credited) out.push(credited);
  return out;
}
