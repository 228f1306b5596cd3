// Reading a request's parameters and body: each refusal is one HttpError naming the parameter and why.

import { SPREAD_FIELDS, type SpreadField } from '../outlets/spread.js';
import { EXPORT_SECTIONS, type ExportSection } from '../report/sections-export.js';
import { SEARCH_ORDERS, type SearchOrder, STORY_ORDERS, type StoryOrder } from '../store/store.js';
import { isCalendarDay } from '../text/calendar-day.js';
import { HttpError } from './http-error.js';

export function intParam(value: string | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new HttpError(400, 'bad-parameter', `${name} must be a whole number of at least 1; got "${value}"`);
  }
  return Math.min(Number(value), max);
}

export function storyIdParam(value: string): number {
  if (!/^\d+$/.test(value))
    throw new HttpError(400, 'bad-parameter', `a story id is a whole number; got "${value}"`);
  return Number(value);
}

export function dayParam(value: string | undefined, name: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!isCalendarDay(value))
    throw new HttpError(400, 'bad-parameter', `${name} must be a day as YYYY-MM-DD; got "${value}"`);
  return value;
}

export function orderParam(value: string | undefined): StoryOrder {
  if (value === undefined || value === '') return 'newest';
  if (!(STORY_ORDERS as readonly string[]).includes(value)) {
    throw new HttpError(400, 'bad-parameter', `sort is one of ${STORY_ORDERS.join(', ')}; got "${value}"`);
  }
  return value as StoryOrder;
}

/** Reads a JSON body as an object, or answers 400. */
export async function jsonBody(c: {
  req: { json: () => Promise<unknown> };
}): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new HttpError(400, 'bad-body', 'the request body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'bad-body', 'the request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

/** bodyLimit's answer to a body over `bytes`. */
export function tooLarge(bytes: number) {
  return (): never => {
    throw new HttpError(413, 'too-large', `the request body is over ${bytes / 1024 / 1024} MB`);
  };
}

/** The directory field a spread is drawn by (`by`): leaning unless another is asked for. */
export function spreadFieldParam(value: string | undefined): SpreadField {
  if (value === undefined || value === '') return 'leaning';
  if (!(SPREAD_FIELDS as readonly string[]).includes(value)) {
    throw new HttpError(400, 'bad-parameter', `by is one of ${SPREAD_FIELDS.join(', ')}; got "${value}"`);
  }
  return value as SpreadField;
}

/** A report section to download (`section`). */
export function exportSectionParam(value: string | undefined): ExportSection {
  if (!(EXPORT_SECTIONS as readonly string[]).includes(value ?? '')) {
    throw new HttpError(
      400,
      'bad-parameter',
      `section is one of ${EXPORT_SECTIONS.join(', ')}; got "${value ?? ''}"`,
    );
  }
  return value as ExportSection;
}

/** How search hits are ordered (`sort`): best match first unless newest or oldest is asked for. */
export function searchOrderParam(value: string | undefined): SearchOrder {
  if (value === undefined || value === '') return 'relevance';
  if (!(SEARCH_ORDERS as readonly string[]).includes(value)) {
    throw new HttpError(400, 'bad-parameter', `sort is one of ${SEARCH_ORDERS.join(', ')}; got "${value}"`);
  }
  return value as SearchOrder;
}
