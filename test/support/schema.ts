// Validates what the tests produce against the published JSON Schema, and checks the one thing a schema
// cannot: every span's text is the slice of the article text it points to.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import type { AnnotatedArticle } from '../../src/model/article.js';

const schema = JSON.parse(
  readFileSync(new URL('../../schema/annotations.schema.json', import.meta.url), 'utf8'),
);
const ajv = new Ajv2020.default({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

export function schemaErrors(output: unknown): string[] {
  if (validate(output)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

export function spanErrors(article: AnnotatedArticle): string[] {
  const errors: string[] = [];
  const check = (what: string, s: { start: number; end: number; text?: string }) => {
    if (s.start < 0 || s.end > article.text.length || s.start > s.end) errors.push(`${what} out of range`);
    else if (s.text !== undefined && article.text.slice(s.start, s.end) !== s.text)
      errors.push(`${what} text mismatch`);
  };
  for (const e of [...article.entities, ...(article.unnamedPeople ?? [])]) {
    for (const m of e.mentions) check(`mention ${m.text}`, m);
    for (const d of e.descriptors) check(`descriptor ${d.text}`, d);
    for (const r of e.references ?? []) check(`reference ${r.text}`, r);
  }
  for (const q of article.quotes) check('quote', q);
  for (const d of article.dates) check(`date ${d.text}`, d);
  for (const s of article.sentences) check('sentence', s);
  return errors;
}
