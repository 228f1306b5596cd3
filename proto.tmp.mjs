import Database from 'better-sqlite3';
import { openSqliteStore } from './dist/src/store/sqlite/sqlite-store.js';
const path = '/tmp/srv/proto.db';
import { rmSync } from 'node:fs';
rmSync(path, { force: true }); rmSync(path + '-wal', { force: true }); rmSync(path + '-shm', { force: true });
const N = Number(process.argv[2]);
openSqliteStore(path).close();
const db = new Database(path);
let t = performance.now();
const common = Array.from({ length: 16 }, (_, i) => `common${String.fromCharCode(97 + i)}`);
const ins = db.prepare(`INSERT INTO articles (seq, id, content_hash, source, stored_at, doc, title) VALUES (?, ?, ?, 'synthetic', '2031-01-01T00:00:00Z', '{}', ?)`);
const fts = db.prepare('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)');
let seed = 7; const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
db.transaction(() => {
  for (let i = 1; i <= N; i++) {
    const words = [];
    for (let w = 0; w < 200; w++) words.push(rnd() < 0.3 ? common[Math.floor(rnd() * 16)] : `${['pre','pro','par','per'][Math.floor(rnd()*4)]}${Math.floor(rnd() * 20000)}`);
    ins.run(i, `a${i}`, `h${i}`, `Article ${i}`);
    fts.run(i, `Article ${i}`, words.join(' '));
  }
})();
console.log('build', (performance.now() - t).toFixed(0));
const q = ['pre*','pro*','par*','per*',...common.slice(0,12)].join(' OR ');
const st = db.prepare(`SELECT a.id, snippet(articles_fts, -1, '[', ']', '…', 16) FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 4.0, 1.0), a.seq LIMIT 20`);
t = performance.now(); st.all(q); console.log('query', (performance.now() - t).toFixed(0));
