import Database from 'better-sqlite3';
const db = new Database('/tmp/srv/fts.db', { readonly: true });
const full = db.prepare(`SELECT a.id, a.title, snippet(articles_fts, -1, '[', ']', '…', 16) AS snippet
      FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
      WHERE articles_fts MATCH @query ORDER BY bm25(articles_fts, 4.0, 1.0), a.seq LIMIT @limit`);
const twoStep = db.prepare(`SELECT a.id, a.title, snippet(articles_fts, -1, '[', ']', '…', 16) AS snippet
      FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
      WHERE articles_fts MATCH @query AND articles_fts.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @query ORDER BY bm25(articles_fts, 4.0, 1.0), rowid LIMIT @limit)
      ORDER BY bm25(articles_fts, 4.0, 1.0), a.seq`);
const rankOnly = db.prepare(`SELECT rowid FROM articles_fts WHERE articles_fts MATCH @query ORDER BY bm25(articles_fts, 4.0, 1.0), rowid LIMIT @limit`);
const count = db.prepare(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH @query`).pluck();
for (const query of process.argv.slice(2)) {
  for (const [name, st] of [['count', count], ['rankOnly', rankOnly], ['full', full]]) {
    const t = performance.now();
    const r = name === 'count' ? st.get({ query }) : st.all({ query, limit: 20 });
    console.log(query.slice(0, 60), name, (performance.now() - t).toFixed(0), 'ms', name === 'count' ? r : r.length);
  }
}
