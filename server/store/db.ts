// Opens the SQLite database (WAL, foreign keys, busy timeout) and applies pending migrations.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrations as allMigrations, type Migration } from './migrations.ts';
import { InputError } from '../core/errors.ts';

export type Db = Database.Database;

/**
 * Joins the source and target texts (ts, tt) of alignment `a`, current versions only: an older
 * version's alignments are history, left out of lists, counts, reports and exports.
 */
export const CURRENT_TEXTS = 'JOIN texts ts ON ts.id = a.src_text_id AND ts.is_current = 1 JOIN texts tt ON tt.id = a.tgt_text_id AND tt.is_current = 1';

export interface AppliedMigration {
  id: number;
  name: string;
  appliedAt: string;
}

export function openDb(file: string, opts: { migrations?: readonly Migration[]; readonly?: boolean } = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: opts.readonly ?? false });
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
  } catch (e) {
    db?.close();
    // A directory, or a file that is not SQLite: one line naming the path, not SQLite's own words.
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_NOTADB') throw new InputError(`${file}: not a database twintext can open (${code === 'SQLITE_NOTADB' ? 'the file is not SQLite' : 'a directory, or no permission'})`);
    throw e;
  }
  if (!opts.readonly) migrate(db, opts.migrations ?? allMigrations);
  return db;
}

/** Applies every migration not yet recorded, each in its own transaction, in id order. */
export function migrate(db: Db, migrations: readonly Migration[] = allMigrations): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(
    (db.prepare('SELECT id FROM schema_migrations').all() as { id: number }[]).map((r) => r.id),
  );
  const record = db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)');
  const done: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.id - b.id)) {
    if (applied.has(m.id)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      m.run?.(db);
      record.run(m.id, m.name, new Date().toISOString());
    }).immediate();
    done.push(m.id);
  }
  return done;
}

export function appliedMigrations(db: Db): AppliedMigration[] {
  return db
    .prepare('SELECT id, name, applied_at AS appliedAt FROM schema_migrations ORDER BY id')
    .all() as AppliedMigration[];
}

// Preparing a statement costs more than running most of ours, so each database keeps its prepared
// statements by SQL text (the set of SQL strings is small and fixed: values always go in as parameters).
interface Prepared { prepare(sql: string): Database.Statement }
const preparedBy = new WeakMap<Db, Prepared>();

/** `db.prepare`, cached per database. */
export function q(db: Db): Prepared {
  let p = preparedBy.get(db);
  if (!p) {
    const cache = new Map<string, Database.Statement>();
    p = {
      prepare(sql: string) {
        let st = cache.get(sql);
        if (!st) cache.set(sql, (st = db.prepare(sql)));
        return st;
      },
    };
    preparedBy.set(db, p);
  }
  return p;
}
