// Opens the SQLite database (WAL, foreign keys, busy timeout) and applies pending migrations.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { dirname } from 'node:path';
import { migrations as allMigrations, type Migration } from './migrations.ts';

export type Db = Database.Database;

export interface AppliedMigration {
  id: number;
  name: string;
  appliedAt: string;
}

export function openDb(file: string, opts: { migrations?: readonly Migration[]; readonly?: boolean } = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { readonly: opts.readonly ?? false });
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  if (!opts.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrate(db, opts.migrations ?? allMigrations);
  }
  return db;
}

// The checkpointer thread: its own connection to the same file, a PASSIVE checkpoint (never waits for
// readers or writers) every `everyMs`, each result reported to the opening thread. Plain JavaScript,
// evaluated, so it runs the same from the TypeScript sources and from the bundle.
const checkpointerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
const checkpoint = () => {
  try {
    parentPort.postMessage(db.pragma('wal_checkpoint(PASSIVE)')[0]);
  } catch {
    // Busy with another process's checkpoint: the next tick tries again.
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.once('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/**
 * Moves WAL checkpoints off this connection's thread. By default a connection checkpoints inside the
 * commit that takes the WAL past 1000 pages: page copies and two fsyncs, 5–20 ms on the server's event
 * loop every ~50 flag writes (measured), which every queued request waited for. Here a worker thread
 * checkpoints instead, and this connection only finishes the job once the WAL is long: with nearly every
 * page already copied that costs ~2 ms, and it is what lets this connection's next write start the WAL
 * over (measured: without it the WAL was never reused and grew by ~30 kB per flag write).
 * If the worker fails, or the WAL still grows past `maxFrames`, this connection checkpoints itself again.
 * Returns a stop function, to call before `db.close()`.
 */
export function checkpointInBackground(db: Db, file: string, opts: { everyMs?: number; restartFrames?: number; maxFrames?: number } = {}): () => Promise<void> {
  const { everyMs = 200, restartFrames = 1000, maxFrames = 50_000 } = opts;
  const worker = new Worker(checkpointerSource, {
    eval: true,
    workerData: { driver: createRequire(import.meta.url).resolve('better-sqlite3'), file, everyMs },
  });
  worker.unref();
  db.pragma('wal_autocheckpoint = 0');
  let running = true;
  const fallBack = () => {
    if (running && db.open) db.pragma('wal_autocheckpoint = 1000');
    running = false;
  };
  worker.on('message', (r: CheckpointResult) => {
    if (!running || !db.open) return;
    if (r.log > maxFrames) {
      fallBack();
      worker.postMessage('stop');
    } else if (r.busy === 0 && r.log >= restartFrames && r.checkpointed === r.log) db.pragma('wal_checkpoint(PASSIVE)');
  });
  worker.once('error', fallBack);
  const exited = new Promise<void>((resolve) => worker.once('exit', () => (fallBack(), resolve())));
  return async () => {
    if (running) worker.postMessage('stop');
    running = false;
    await exited;
  };
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
const preparedBy = new WeakMap<Db, Map<string, Database.Statement>>();

/** `db.prepare`, cached per database. */
export function q(db: Db): { prepare(sql: string): Database.Statement } {
  let cache = preparedBy.get(db);
  if (!cache) preparedBy.set(db, (cache = new Map()));
  const c = cache;
  return {
    prepare(sql: string) {
      let st = c.get(sql);
      if (!st) c.set(sql, (st = db.prepare(sql)));
      return st;
    },
  };
}
