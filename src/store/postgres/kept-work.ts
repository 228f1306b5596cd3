// The user's kept work in the PostgreSQL store: the same rows, rules and orders as sqlite/kept-work.ts
// (names and ISO times compared byte by byte, COLLATE "C", as SQLite does).

import {
  checkFinding,
  checkNoteText,
  checkSavedSearch,
  checkStoryId,
  findingLabel,
  KEPT_WORK_BOUNDS,
  noSuchStory,
  tooManyNotes,
  tooManySavedSearches,
} from '../kept-work.js';
import {
  NOTE_COLUMNS,
  type NoteRow,
  type SavedSearchRow,
  STORY_NOTE_IDS,
  toNote,
  toSavedSearch,
} from '../sqlite/kept-work.js';
import type { NoteRecord, SavedSearch } from '../store.js';
import type { Runner } from './runner.js';

const NOTE_ORDER = 'ORDER BY n.created_at COLLATE "C", n.id';

export async function note(db: Runner, id: number): Promise<NoteRecord | null> {
  const [row] = await db.rows<NoteRow>(`${NOTE_COLUMNS} WHERE n.id = $1`, [id]);
  return row ? toNote(row) : null;
}

export async function notes(db: Runner, options: { storyId?: number } = {}): Promise<NoteRecord[]> {
  const rows =
    options.storyId === undefined
      ? await db.rows<NoteRow>(`${NOTE_COLUMNS} ${NOTE_ORDER}`)
      : await db.rows<NoteRow>(
          `${NOTE_COLUMNS} WHERE n.id IN (${STORY_NOTE_IDS.replaceAll('@story', '$1')})
           AND coalesce(sa.story_id, n.story_id) = $1 ${NOTE_ORDER}`,
          [options.storyId],
        );
  return rows.map(toNote);
}

export async function addNote(
  db: Runner,
  storyId: number,
  finding: string | null,
  text: string,
  label: string | null | undefined,
  now: string,
): Promise<NoteRecord> {
  const id = checkStoryId(storyId);
  const anchor = checkFinding(finding);
  const body = checkNoteText(text);
  if ((await db.rows('SELECT 1 FROM stories WHERE id = $1', [id])).length === 0) throw noSuchStory(id);
  const [count] = await db.rows<{ n: number }>('SELECT count(*)::int AS n FROM notes');
  if ((count?.n ?? 0) >= KEPT_WORK_BOUNDS.notes) throw tooManyNotes();
  const [member] = await db.rows<{ id: string }>(
    `SELECT a.id FROM story_articles sa JOIN articles a ON a.seq = sa.article_seq
     WHERE sa.story_id = $1 ORDER BY sa.article_seq LIMIT 1`,
    [id],
  );
  const [row] = await db.rows<{ id: number }>(
    `INSERT INTO notes (story_id, article_id, finding, finding_label, text, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`,
    [id, member?.id ?? null, anchor, findingLabel(anchor, label), body, now],
  );
  return (await note(db, Number(row?.id))) as NoteRecord;
}

export async function editNote(
  db: Runner,
  id: number,
  text: string,
  now: string,
): Promise<NoteRecord | null> {
  const body = checkNoteText(text);
  const changed = await db.rows('UPDATE notes SET text = $1, updated_at = $2 WHERE id = $3 RETURNING id', [
    body,
    now,
    id,
  ]);
  return changed.length === 0 ? null : note(db, id);
}

export async function deleteNote(db: Runner, id: number): Promise<boolean> {
  return (await db.rows('DELETE FROM notes WHERE id = $1 RETURNING id', [id])).length > 0;
}

export async function saveSearch(
  db: Runner,
  name: string,
  query: string,
  now: string,
): Promise<{ search: SavedSearch; created: boolean }> {
  const checked = checkSavedSearch(name, query);
  const byQuery = async () =>
    (await db.rows<SavedSearchRow>('SELECT * FROM saved_searches WHERE query = $1', [checked.query]))[0];
  const known = await byQuery();
  if (known) return { search: toSavedSearch(known), created: false };
  const [count] = await db.rows<{ n: number }>('SELECT count(*)::int AS n FROM saved_searches');
  if ((count?.n ?? 0) >= KEPT_WORK_BOUNDS.savedSearches) throw tooManySavedSearches();
  const inserted = await db.rows(
    `INSERT INTO saved_searches (name, query, created_at, seen_at) VALUES ($1, $2, $3, $3)
     ON CONFLICT (query) DO NOTHING RETURNING id`,
    [checked.name, checked.query, now],
  );
  return { search: toSavedSearch((await byQuery()) as SavedSearchRow), created: inserted.length > 0 };
}

export async function savedSearches(db: Runner): Promise<SavedSearch[]> {
  const rows = await db.rows<SavedSearchRow>('SELECT * FROM saved_searches ORDER BY name COLLATE "C", id');
  return rows.map(toSavedSearch);
}

export async function savedSearch(db: Runner, id: number): Promise<SavedSearch | null> {
  const [row] = await db.rows<SavedSearchRow>('SELECT * FROM saved_searches WHERE id = $1', [id]);
  return row ? toSavedSearch(row) : null;
}

export async function markSearchSeen(db: Runner, id: number, now: string): Promise<boolean> {
  return (
    (await db.rows('UPDATE saved_searches SET seen_at = $1 WHERE id = $2 RETURNING id', [now, id])).length > 0
  );
}

export async function removeSavedSearch(db: Runner, id: number): Promise<boolean> {
  return (await db.rows('DELETE FROM saved_searches WHERE id = $1 RETURNING id', [id])).length > 0;
}

export async function storedAfter(db: Runner, ids: readonly string[], since: string): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.rows<{ id: string }>(
    'SELECT id FROM articles WHERE id = ANY($1::text[]) AND stored_at COLLATE "C" > $2',
    [ids, since],
  );
  return new Set(rows.map((r) => r.id));
}
