import { expect } from 'chai';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDb, migrate, appliedMigrations } from '../../server/store/db.ts';
import { migrations } from '../../server/store/migrations.ts';
import { searchStatements } from '../../server/store/statements.ts';
import { tempDir } from '../helpers.ts';

describe('store/db', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  describe('#openDb', () => {
    it('creates a new file with every migration applied and recorded, WAL and foreign keys on', () => {
      const db = openDb(join(tmp.dir, 'sub', 'new.db'));
      expect(appliedMigrations(db).map((m) => `${m.id}:${m.name}`)).to.deep.equal(migrations.map((m) => `${m.id}:${m.name}`));
      expect(db.pragma('journal_mode', { simple: true })).to.equal('wal');
      expect(db.pragma('foreign_keys', { simple: true })).to.equal(1);
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
      expect(tables).to.include.members(['statements', 'texts', 'paragraphs', 'alignments', 'beads', 'bead_paragraphs', 'flags', 'events', 'schema_migrations']);
      db.close();
    });

    it('is idempotent: reopening applies nothing twice', () => {
      const file = join(tmp.dir, 'a.db');
      openDb(file).close();
      const db = openDb(file);
      expect(migrate(db)).to.deep.equal([]);
      expect(appliedMigrations(db)).to.have.length(migrations.length);
      db.close();
    });

    it('upgrades a database frozen at migration 1 to the latest schema', () => {
      const file = join(tmp.dir, 'old.db');
      const old = openDb(file, { migrations: migrations.filter((m) => m.id === 1) });
      old.prepare("INSERT INTO statements (title, created_at, updated_at) VALUES ('old', 'x', 'x')").run();
      old.close();
      const db = openDb(file);
      expect(appliedMigrations(db).map((m) => m.id)).to.deep.equal(migrations.map((m) => m.id));
      expect(db.prepare('SELECT title FROM statements').pluck().all()).to.deep.equal(['old']);
      db.close();
    });

    it('puts titles stored before migration 10 on one line with single spaces, so search finds them', () => {
      const file = join(tmp.dir, 'titles.db');
      const old = openDb(file, { migrations: migrations.filter((m) => m.id < 10) });
      const add = old.prepare("INSERT INTO statements (title, created_at, updated_at) VALUES (?, 'x', 'x')");
      for (const t of ['Joint\u00a0Press Statement', ' 제23차\u3000한미  통합국방협의체 ', 'Two\nlines\tand    a run', 'Already single-spaced',
        '\ufeffThin\u2009space\u2028and' + ' '.repeat(70) + 'a long run', '\u00a0', '\u00a0\t']) add.run(t);
      // A title of nothing but spaces becomes the statement's first paragraph (the last one has none).
      const text = Number(old.prepare("INSERT INTO texts (statement_id, lang, body, created_at) VALUES (6, 'en', 'x', 'x')").run().lastInsertRowid);
      old.prepare("INSERT INTO paragraphs (text_id, position, content) VALUES (?, 1, 'Joint  Statement on Space')").run(text);
      old.close();
      const db = openDb(file);
      expect(db.prepare('SELECT title FROM statements ORDER BY id').pluck().all()).to.deep.equal([
        'Joint Press Statement', '제23차 한미 통합국방협의체', 'Two lines and a run', 'Already single-spaced',
        'Thin space and a long run', 'Joint Statement on Space', 'Imported corpus',
      ]);
      expect(searchStatements(db, 'Joint Press').map((s) => s.title)).to.deep.equal(['Joint Press Statement']);
      db.close();
    });

    it('migration 11 keeps each statement\'s import hash, marks every statement for its current hashes, and marks any later text', () => {
      const file = join(tmp.dir, 'hashes.db');
      const old = openDb(file, { migrations: migrations.filter((m) => m.id < 11) });
      const st = old.prepare("INSERT INTO statements (title, content_hash, created_at, updated_at) VALUES (?, ?, 'x', 'x')");
      const a = Number(st.run('never revised', 'h1').lastInsertRowid), b = Number(st.run('revised', 'h2').lastInsertRowid);
      old.close();
      const db = openDb(file);
      expect(db.prepare('SELECT hash, statement_id FROM statement_hashes ORDER BY hash').raw().all()).to.deep.equal([['h1', a], ['h2', b]]);
      expect(db.prepare('SELECT statement_id FROM statement_hashes_pending ORDER BY 1').pluck().all()).to.deep.equal([a, b]);
      db.prepare('DELETE FROM statement_hashes_pending').run();
      // A text written by any program (an older one included) marks its statement again.
      db.prepare("INSERT INTO texts (statement_id, lang, version, is_current, body, created_at) VALUES (?, 'ko', 2, 1, 'b', 'x')").run(b);
      expect(db.prepare('SELECT statement_id FROM statement_hashes_pending').pluck().all()).to.deep.equal([b]);
      db.close();
    });

    it('rolls back a failing migration completely and records nothing for it', () => {
      const file = join(tmp.dir, 'bad.db');
      const db = new Database(file);
      const bad = [...migrations, { id: 999, name: 'broken', sql: 'CREATE TABLE half (x); INSERT INTO nope VALUES (1);' }];
      expect(() => migrate(db, bad)).to.throw(/no such table: nope/);
      expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).to.equal(0);
      expect(db.prepare('SELECT max(id) FROM schema_migrations').pluck().get()).to.equal(migrations.at(-1)!.id);
      db.close();
    });

    it('enforces foreign keys: a bead cannot point at a missing alignment', () => {
      const db = openDb(join(tmp.dir, 'fk.db'));
      expect(() => db.prepare("INSERT INTO beads (alignment_id, position, confidence) VALUES (42, 1, 0.5)").run()).to.throw(/FOREIGN KEY/);
      db.close();
    });

    it('serves bead lookups by alignment from its index', () => {
      const db = openDb(join(tmp.dir, 'idx.db'));
      const plan = (db.prepare('EXPLAIN QUERY PLAN SELECT * FROM beads WHERE alignment_id = ? ORDER BY position').all(1) as { detail: string }[])
        .map((r) => r.detail)
        .join(' ');
      expect(plan).to.match(/USING INDEX beads_by_alignment/);
      db.close();
    });
  });
});
