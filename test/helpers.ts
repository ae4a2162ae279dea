// Shared test helpers: temporary folders and databases, in-process CLI runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createHash } from 'node:crypto';
import { request, type IncomingHttpHeaders } from 'node:http';
import { openDb, type Db } from '../server/store/db.ts';

export function tempDir(prefix = 'twintext-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fixed clock so event timestamps are predictable. */
export const fixedNow = () => '2026-01-01T00:00:00.000Z';

/** Runs the CLI in-process and captures its output. */
export async function runCli(argv: string[], opts: { cwd?: string; env?: Record<string, string | undefined> } = {}) {
  const { main } = await import('../server/cli/main.ts');
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks: { out: Buffer[]; err: Buffer[] } = { out: [], err: [] };
  out.on('data', (c: Buffer) => chunks.out.push(c));
  err.on('data', (c: Buffer) => chunks.err.push(c));
  const code = await main(argv, { out, err, env: { TWINTEXT_USER: 'tester', ...opts.env }, cwd: opts.cwd ?? process.cwd() });
  return { code, stdout: Buffer.concat(chunks.out).toString('utf8'), stderr: Buffer.concat(chunks.err).toString('utf8') };
}

/** A digest of every user table's rows: equal digests mean nothing changed. */
export function dbDigest(db: Db): string {
  const h = createHash('sha256');
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'paragraphs_fts%' ORDER BY name")
    .all() as { name: string }[];
  for (const { name } of tables) {
    h.update(name);
    const rows = db.prepare(`SELECT * FROM "${name}"`).all().map((r) => JSON.stringify(r));
    for (const row of rows.sort()) h.update(row);
  }
  return h.digest('hex');
}

/** The digest of a database file, opened for the moment (another process may hold it open too). */
export function fileDigest(dbPath: string): string {
  const db = openDb(dbPath);
  try {
    return dbDigest(db);
  } finally {
    db.close();
  }
}

/**
 * A fresh database in a temporary folder for every test of the enclosing `describe`, closed and
 * removed after the test; `opened` receives it before each test (to keep it, seed it, note ids).
 */
export function useTempDb(opened: (db: Db) => void): void {
  let tmp: ReturnType<typeof tempDir> | undefined;
  let db: Db | undefined;
  beforeEach(() => {
    tmp = tempDir();
    db = openDb(join(tmp.dir, 'test.db'));
    opened(db);
  });
  afterEach(() => {
    db?.close();
    tmp?.cleanup();
  });
}

/** A GET with exactly these headers (fetch adds its own Accept-Encoding and decodes), and the body's bytes as sent. */
export function rawGet(base: string, path: string, headers: Record<string, string> = {}): Promise<{ headers: IncomingHttpHeaders; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, base), { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, bytes: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}
