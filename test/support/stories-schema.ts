// Validates `parallax stories --format json` against the published schema/stories.schema.json.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const schema = JSON.parse(readFileSync(new URL('../../schema/stories.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020.default({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);

export function storiesSchemaErrors(listing: unknown): string[] {
  if (validate(listing)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
