// Starts the HTTP server on a database file: the one place that listens.
import { ensureGlossarySeeded, recheckPending, settleRechecks } from '../ops/glossary.ts';
import { existsSync, rmdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AddressInfo } from 'node:net';
import { openDb } from '../store/db.ts';
import { seedDemo } from '../ops/seed.ts';
import type { OpsOptions } from '../ops/context.ts';
import { createServer, type Server } from 'node:http';
import { createHandler, type AppDeps } from './app.ts';
import { countUsers } from '../store/users.ts';
import { InputError } from '../core/errors.ts';

export interface ServerOptions {
  dbPath: string;
  port?: number;
  host?: string;
  /** Seed the demo statements when the database file is new (default true). */
  seed?: boolean;
  ops?: OpsOptions;
  log?: (msg: string) => void;
  requestLog?: AppDeps['requestLog'];
  /** Accounts mode; default: on when binding beyond loopback. */
  accounts?: boolean;
}

export const isLoopback = (host: string) => host === 'localhost' || host === '::1' || /^127\./.test(host);

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The folders openDb would create for a database file, deepest first: a start that fails removes
 * them with the database it created.
 */
function missingFolders(file: string): string[] {
  const out: string[] = [];
  for (let dir = dirname(file); !existsSync(dir) && dirname(dir) !== dir; dir = dirname(dir)) out.push(dir);
  return out;
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const inMemory = opts.dbPath === ':memory:';
  const isNew = inMemory || !existsSync(opts.dbPath);
  const folders = isNew && !inMemory ? missingFolders(opts.dbPath) : [];
  const db = openDb(opts.dbPath);
  const host = opts.host ?? '127.0.0.1';
  let server: Server;
  try {
    if (isNew && opts.seed !== false) seedDemo(db, 'twintext', opts.ops);
    const accounts = opts.accounts ?? !isLoopback(host);
    if (accounts && countUsers(db) === 0)
      throw new InputError(`serving on ${host} needs accounts, and there are none: create an admin first with "twintext user add NAME --role admin"`);
    // A glossary file with a new language column extends the database's glossary once; the statements
    // it touches are checked again in the background while the server answers (once it listens).
    if (!opts.ops?.glossary) ensureGlossarySeeded(db, opts.ops);
    server = createServer(createHandler({ db, ops: opts.ops, log: opts.log, requestLog: opts.requestLog, accounts }));
    await new Promise<Server>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 8080, host, () => resolve(server));
    });
  } catch (e) {
    // A start that fails (the port taken, no accounts) leaves no database of its own making behind:
    // `serve --db new.db` on a busy port must not leave new.db seeded and waiting, nor its folders.
    db.close();
    if (isNew && !inMemory) {
      for (const f of [opts.dbPath, `${opts.dbPath}-wal`, `${opts.dbPath}-shm`, `${opts.dbPath}-journal`]) rmSync(f, { force: true });
      for (const dir of folders) {
        try {
          rmdirSync(dir);
        } catch {
          break; // not empty: someone else's files are there
        }
      }
    }
    throw e;
  }
  if (!opts.ops?.glossary) void recheckPending(db, opts.ops, (err) => opts.log?.(`twintext: re-checking after the glossary was extended: ${(err as Error).message}`));
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => {
          // A glossary change's re-checks still running finish first: a restart must not leave them half done.
          void settleRechecks(db).then(() => {
            db.close();
            resolve();
          });
        });
      }),
  };
}
