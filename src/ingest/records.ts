// Records: one article per JSON object, as found in exports and scraped datasets.
// Shape: {id?, title?, text | html, outlet?, url?, published?, author?, language?, leaning?}; other keys are ignored
// because real exports carry plenty of fields that are no business of ingest.
import { z } from 'zod';
import type { ArticleMeta, Message, RawArticle } from '../model/article.js';
import { extractPage, fragmentText, isWholePage } from './html.js';
import { authorString, cleanString, fillMeta, publishedFrom } from './meta.js';
import { describeError } from './refusal.js';
import { normalizeNewlines } from './text.js';

const text = z.string({ error: 'must be a string' }).nullish();

export const RecordSchema = z.object(
  {
    id: z.union([z.string(), z.number()], { error: 'must be a string or a number' }).nullish(),
    title: text,
    text,
    html: text,
    outlet: text,
    url: text,
    published: text,
    author: z
      .union([z.string(), z.array(z.string())], { error: 'must be a string or a list of strings' })
      .nullish(),
    language: text,
    leaning: text,
  },
  { error: 'a record must be a JSON object' },
);

export type ArticleRecord = z.infer<typeof RecordSchema>;

export type RecordResult = { ok: true; raw: RawArticle } | { ok: false; reason: string };

function schemaReason(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid record';
  const field = issue.path.map(String).join('.');
  return field ? `"${field}" ${issue.message}` : issue.message;
}

/** A record's parsed JSON value as a RawArticle, or the reason it cannot be one. */
export function recordArticle(value: unknown, source: string): RecordResult {
  const parsed = RecordSchema.safeParse(value);
  if (!parsed.success) return { ok: false, reason: schemaReason(parsed.error) };
  const record = parsed.data;
  const messages: Message[] = [];
  const meta: ArticleMeta = {
    title: cleanString(record.title),
    outlet: cleanString(record.outlet),
    url: cleanString(record.url),
    published: publishedFrom(record.published, 'record', messages),
    author: authorString(record.author),
    language: cleanString(record.language),
    leaning: cleanString(record.leaning),
  };
  let body: string;
  let finalMeta = meta;
  let extracted = false;
  if (record.text && record.text.trim() !== '') {
    body = normalizeNewlines(record.text).trim();
  } else if (record.html && record.html.trim() !== '') {
    if (isWholePage(record.html)) {
      try {
        const page = extractPage(record.html);
        body = page.body;
        extracted = true;
        finalMeta = fillMeta(meta, page.meta);
        messages.push(...page.messages);
      } catch (err) {
        return { ok: false, reason: describeError(err) };
      }
    } else {
      body = fragmentText(record.html);
    }
  } else {
    return { ok: false, reason: 'record has no "text" or "html"' };
  }
  if (body.trim() === '') return { ok: false, reason: 'record has no text' };
  const raw: RawArticle = { source, format: 'record', body, bodyIsHtml: false, meta: finalMeta, messages };
  if (extracted) raw.extracted = true;
  if (record.id !== null && record.id !== undefined) raw.id = String(record.id);
  return { ok: true, raw };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** JSON text of one record (a JSONL line, a JSON array element) to a RawArticle. */
export function recordFromBytes(bytes: Buffer, source: string): RecordResult {
  let json: string;
  try {
    json = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: 'not valid UTF-8 text' };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    return { ok: false, reason: `invalid JSON (${describeError(err)})` };
  }
  return recordArticle(value, source);
}
