// The user's kept work in the SQLite store (KeptWorkStore in store.ts): notes and saved searches. Bounds and
// refusals come from ../kept-work.ts so PostgreSQL (postgres/kept-work.ts) says the same; the rows, their
// mapping and the note query's columns are shared with it from here.

import type Database from 'better-sqlite3';
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
import type { NoteRecord, SavedSearch } from '../store.js';

export interface NoteRow {
  id: number;
  story_id: number;
  finding: string | null;
  finding_label: string | null;
  text: string;
  created_at: string;
  updated_at: string;
}

export interface SavedSearchRow {
  id: number;
  name: string;
  query: string;
  created_at: string;
  seen_at: string;
}

/**
 * A note's story now: the story holding its article (moved there by a merge, a split or the second pass),
 * else the story it was written on. One full pass over notes, bounded by KEPT_WORK_BOUNDS.notes.
 */
export const NOTE_COLUMNS = `SELECT n.id, coalesce(sa.story_id, n.story_id) AS story_id, n.finding, n.finding_label, n.text,
    n.created_at, n.updated_at
  FROM notes n LEFT JOIN articles a ON a.id = n.article_id LEFT JOIN story_articles sa ON sa.article_seq = a.seq`;

/**
 * The notes that may be on a story now, through indexes: those remembering one of its articles, and those
 * written on it (kept there when their article is in no story). Scanning every note instead took 28 ms a
 * story page with 10,000 notes on the allsides library; this reads the story's members and their notes.
 */
export const STORY_NOTE_IDS = `SELECT n2.id FROM story_articles sa2 JOIN articles a2 ON a2.seq = sa2.article_seq
    JOIN notes n2 ON n2.article_id = a2.id WHERE sa2.story_id = @story
  UNION SELECT id FROM notes WHERE story_id = @story`;

export function toNote(row: NoteRow): NoteRecord {
  return {
    id: Number(row.id),
    storyId: Number(row.story_id),
    finding: row.finding,
    findingLabel: row.finding_label,
    text: row.text,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toSavedSearch(row: SavedSearchRow): SavedSearch {
  return {
    id: Number(row.id),
    name: row.name,
    query: row.query,
    createdAt: row.created_at,
    seenAt: row.seen_at,
  };
}

export class SqliteKeptWork {
  private readonly stmt;

  constructor(
    db: Database.Database,
    private readonly now: () => Date,
  ) {
    this.stmt = {
      anchorOf: db
        .prepare(`SELECT a.id FROM story_articles sa JOIN articles a ON a.seq = sa.article_seq
          WHERE sa.story_id = ? ORDER BY sa.article_seq LIMIT 1`)
        .pluck(),
      storyExists: db.prepare('SELECT 1 FROM stories WHERE id = ?').pluck(),
      countNotes: db.prepare('SELECT count(*) FROM notes').pluck(),
      insertNote:
        db.prepare(`INSERT INTO notes (story_id, article_id, finding, finding_label, text, created_at,
        updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`),
      note: db.prepare(`${NOTE_COLUMNS} WHERE n.id = ?`),
      allNotes: db.prepare(`${NOTE_COLUMNS} ORDER BY n.created_at, n.id`),
      storyNotes:
        db.prepare(`${NOTE_COLUMNS} WHERE n.id IN (${STORY_NOTE_IDS}) AND coalesce(sa.story_id, n.story_id) = @story
        ORDER BY n.created_at, n.id`),
      editNote: db.prepare('UPDATE notes SET text = ?, updated_at = ? WHERE id = ?'),
      deleteNote: db.prepare('DELETE FROM notes WHERE id = ?'),
      countSearches: db.prepare('SELECT count(*) FROM saved_searches').pluck(),
      insertSearch:
        db.prepare(`INSERT INTO saved_searches (name, query, created_at, seen_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (query) DO NOTHING`),
      searchByQuery: db.prepare('SELECT * FROM saved_searches WHERE query = ?'),
      search: db.prepare('SELECT * FROM saved_searches WHERE id = ?'),
      searches: db.prepare('SELECT * FROM saved_searches ORDER BY name, id'),
      seen: db.prepare('UPDATE saved_searches SET seen_at = ? WHERE id = ?'),
      removeSearch: db.prepare('DELETE FROM saved_searches WHERE id = ?'),
      storedAfter: db
        .prepare('SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?)) AND stored_at > ?')
        .pluck(),
    };
  }

  addNote(storyId: number, finding: string | null, text: string, label?: string | null): NoteRecord {
    const id = checkStoryId(storyId);
    const anchor = checkFinding(finding);
    const body = checkNoteText(text);
    if (this.stmt.storyExists.get(id) === undefined) throw noSuchStory(id);
    if ((this.stmt.countNotes.get() as number) >= KEPT_WORK_BOUNDS.notes) throw tooManyNotes();
    const at = this.now().toISOString();
    const article = (this.stmt.anchorOf.get(id) as string | undefined) ?? null;
    const result = this.stmt.insertNote.run(id, article, anchor, findingLabel(anchor, label), body, at, at);
    return this.note(Number(result.lastInsertRowid)) as NoteRecord;
  }

  editNote(id: number, text: string): NoteRecord | null {
    const body = checkNoteText(text);
    const result = this.stmt.editNote.run(body, this.now().toISOString(), id);
    return result.changes === 0 ? null : this.note(id);
  }

  deleteNote(id: number): boolean {
    return this.stmt.deleteNote.run(id).changes > 0;
  }

  note(id: number): NoteRecord | null {
    const row = this.stmt.note.get(id) as NoteRow | undefined;
    return row ? toNote(row) : null;
  }

  notes(options: { storyId?: number } = {}): NoteRecord[] {
    const rows = (
      options.storyId === undefined
        ? this.stmt.allNotes.all()
        : this.stmt.storyNotes.all({ story: options.storyId })
    ) as NoteRow[];
    return rows.map(toNote);
  }

  saveSearch(name: string, query: string): { search: SavedSearch; created: boolean } {
    const checked = checkSavedSearch(name, query);
    const known = this.stmt.searchByQuery.get(checked.query) as SavedSearchRow | undefined;
    if (known) return { search: toSavedSearch(known), created: false };
    if ((this.stmt.countSearches.get() as number) >= KEPT_WORK_BOUNDS.savedSearches)
      throw tooManySavedSearches();
    const at = this.now().toISOString();
    this.stmt.insertSearch.run(checked.name, checked.query, at, at);
    return {
      search: toSavedSearch(this.stmt.searchByQuery.get(checked.query) as SavedSearchRow),
      created: true,
    };
  }

  savedSearches(): SavedSearch[] {
    return (this.stmt.searches.all() as SavedSearchRow[]).map(toSavedSearch);
  }

  savedSearch(id: number): SavedSearch | null {
    const row = this.stmt.search.get(id) as SavedSearchRow | undefined;
    return row ? toSavedSearch(row) : null;
  }

  markSearchSeen(id: number): boolean {
    return this.stmt.seen.run(this.now().toISOString(), id).changes > 0;
  }

  removeSavedSearch(id: number): boolean {
    return this.stmt.removeSearch.run(id).changes > 0;
  }

  storedAfter(ids: readonly string[], since: string): Set<string> {
    if (ids.length === 0) return new Set();
    return new Set(this.stmt.storedAfter.all(JSON.stringify(ids), since) as string[]);
  }
}
