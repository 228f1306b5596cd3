// Validates reports against the published schema/report.schema.json, and checks what a schema cannot:
// every article id a finding names exists in its story, and every span's text is the slice of that
// article's text it points to.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import type { EvidenceSpan, Report } from '../../src/model/report.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020.default({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

export function reportSchemaErrors(report: unknown): string[] {
  if (validate(report)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** Broken references and spans whose text is not the slice they point to; [] when all hold. */
export function reportSpanErrors(report: Report): string[] {
  const errors: string[] = [];
  for (const story of report.stories) {
    const texts = new Map(story.articles.map((a) => [a.id, a.text]));
    const where = (what: string) => `story ${story.id}: ${what}`;
    const ids = (what: string, articles: readonly string[]) => {
      for (const id of articles)
        if (!texts.has(id)) errors.push(where(`${what} names unknown article ${id}`));
    };
    const span = (what: string, s: EvidenceSpan) => {
      const text = texts.get(s.article);
      if (text === undefined) errors.push(where(`${what} names unknown article ${s.article}`));
      else if (s.start < 0 || s.end > text.length || s.start > s.end)
        errors.push(where(`${what} out of range`));
      else if (text.slice(s.start, s.end) !== s.text)
        errors.push(where(`${what} "${s.text}" is not the text at ${s.start}-${s.end}`));
    };
    const actorIds = new Set(story.actors.map((a) => a.id));
    const subjects = new Set([
      ...actorIds,
      ...story.facts.map((f) => f.id),
      ...story.quotes.map((q) => q.id),
    ]);
    for (const a of [...story.actors, ...(story.unnamedActors ?? [])]) {
      for (const m of a.mentions) span(`mention of ${a.name}`, m);
      for (const r of a.references ?? []) span(`reference to ${a.name}`, r);
      for (const l of a.labels) {
        ids(`label ${l.text}`, l.articles);
        for (const e of l.evidence ?? []) span(`label ${l.text}`, e);
      }
    }
    for (const q of story.quotes) {
      if (q.speaker !== null && !actorIds.has(q.speaker))
        errors.push(where(`quote ${q.id} names unknown speaker ${q.speaker}`));
      for (const v of q.variants) span(`quote ${q.id}`, v);
    }
    for (const f of story.facts) {
      ids(`fact ${f.id}`, f.articles);
      for (const e of f.evidence) span(`fact ${f.id}`, e);
    }
    for (const d of story.discrepancies) {
      if (!subjects.has(d.subject))
        errors.push(where(`${d.kind} discrepancy names unknown subject ${d.subject}`));
      for (const v of d.values) ids(`${d.kind} discrepancy`, v.articles);
      for (const e of d.evidence ?? []) span(`${d.kind} discrepancy`, e);
    }
    for (const t of story.timeline) {
      ids(`timeline ${t.date}`, t.articles);
      for (const e of t.evidence ?? []) span(`timeline ${t.date}`, e);
    }
    for (const d of story.digest) {
      ids('digest sentence', d.articles);
      for (const e of d.evidence ?? []) span('digest sentence', e);
    }
  }
  return errors;
}
