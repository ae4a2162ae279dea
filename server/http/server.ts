// Starts the HTTP server on a database file: the one place that listens.
import { ensureGlossarySeeded, recheckPending, settleRechecks } from '../ops/glossary.ts';
import { existsSync } from 'node:fs';
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

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const isNew = opts.dbPath === ':memory:' || !existsSync(opts.dbPath);
  const db = openDb(opts.dbPath);
  if (isNew && opts.seed !== false) seedDemo(db, 'twintext', opts.ops);
  const host = opts.host ?? '127.0.0.1';
  const accounts = opts.accounts ?? !isLoopback(host);
  if (accounts && countUsers(db) === 0) {
    db.close();
    throw new InputError(`serving on ${host} needs accounts, and there are none: create an admin first with "twintext user add NAME --role admin"`);
  }
  // A glossary file with a new language column extends the database's glossary once; the statements
  // it touches are checked again in the background while the server answers.
  if (!opts.ops?.glossary) {
    ensureGlossarySeeded(db, opts.ops);
    void recheckPending(db, opts.ops, (err) => opts.log?.(`twintext: re-checking after the glossary was extended: ${(err as Error).message}`));
  }
  const server = createServer(createHandler({ db, ops: opts.ops, log: opts.log, requestLog: opts.requestLog, accounts }));
  await new Promise<Server>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 8080, host, () => resolve(server));
  });
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
