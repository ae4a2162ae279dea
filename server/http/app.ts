// Builds the Express app (never listens by itself): middleware, the API routers, the web shell and static assets, one error handler last.
import express, { type Request, type Router } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Db } from '../store/db.ts';
import { repoRoot, type OpsOptions } from '../ops/context.ts';
import { HttpError, errorHandler, sendError } from './errors.ts';
import { cookie, REVIEWER_COOKIE, routeContext } from './request.ts';
import { sessionGate, sessionRoutes } from './routes/session.ts';
import { statementRoutes } from './routes/statements.ts';
import { checkRoutes } from './routes/checks.ts';
import { reviewRoutes } from './routes/review.ts';
import { corpusRoutes } from './routes/corpus.ts';

export interface AppDeps {
  db: Db;
  ops?: OpsOptions;
  webRoot?: string;
  log?: (msg: string) => void;
  /** Maximum JSON body size (express/bytes syntax). */
  bodyLimit?: string;
  /** Receives one structured entry per request (no statement text, no query strings). */
  requestLog?: (entry: RequestLogEntry) => void;
  /** Accounts mode (required beyond loopback): sessions, roles, CSRF. */
  accounts?: boolean;
}

export interface RequestLogEntry {
  at: string;
  id: string;
  method: string;
  route: string;
  status: number;
  ms: number;
  reviewer: boolean;
}

export function apiRouter(deps: AppDeps): Router {
  const r = express.Router();
  const c = routeContext(deps.db, deps.ops ?? {}, Boolean(deps.accounts));
  for (const mount of [sessionRoutes, statementRoutes, checkRoutes, reviewRoutes, corpusRoutes]) mount(r, c);
  r.use((_req, _res) => {
    throw new HttpError(404, 'not_found', 'no such API route');
  });
  return r;
}

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  const log = deps.log ?? ((m: string) => console.error(m));
  const webRoot = deps.webRoot ?? join(repoRoot, 'dist', 'web');
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use((req, res, next) => {
    const id = randomUUID();
    res.setHeader('X-Request-Id', id);
    if (deps.requestLog) {
      const started = process.hrtime.bigint();
      const log = deps.requestLog;
      const route = req.path;
      res.on('finish', () =>
        log({
          at: new Date().toISOString(),
          id,
          method: req.method,
          // The path only: ids, never search text or statement content from the query or body.
          route,
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
          reviewer: Boolean(req.header('x-reviewer') ?? cookie(req, REVIEWER_COOKIE)),
        }),
      );
    }
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
        },
      },
      referrerPolicy: { policy: 'same-origin' },
      strictTransportSecurity: false,
    }),
  );
  if (!deps.accounts) {
    // Without accounts anyone who can reach the server may write, so only loopback names are served:
    // a web page that rebinds its own host name to 127.0.0.1 (DNS rebinding) gets nothing.
    app.use((req, res, next) => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
      if (host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host)) return next();
      sendError(res, 403, 'forbidden', 'without accounts, twintext answers only requests addressed to localhost');
    });
  }
  // Uploads travel as base64 (4/3 of the 5 MiB file limit) for two or three languages.
  app.use('/api', express.json({ limit: deps.bodyLimit ?? '24mb' }));
  if (deps.accounts) app.use('/api', sessionGate(deps.db, deps.ops ?? {}));
  app.use('/api', apiRouter(deps));
  app.use('/assets', express.static(webRoot, { index: false, fallthrough: false }));
  const fonts = join(repoRoot, 'node_modules', '@fontsource', 'noto-sans-kr');
  if (existsSync(fonts)) app.use('/fonts', express.static(fonts, { index: false, fallthrough: false, maxAge: '7d' }));
  const shell = (_req: Request, res: express.Response) => {
    const file = join(webRoot, 'index.html');
    if (!existsSync(file)) return sendError(res, 500, 'internal', 'the web UI is not built: run npm run build');
    res.sendFile(file);
  };
  app.get('/', shell);
  app.get('/statements/:id', shell);
  app.use((_req, res) => sendError(res, 404, 'not_found', 'not found'));
  app.use(errorHandler(log));
  return app;
}
