// Builds the request handler (never listens by itself): middleware, the API routers, the web shell and static assets, one error handler last.
import express, { type Request, type RequestHandler, type Router } from 'express';
import compression from 'compression';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Db } from '../store/db.ts';
import { repoRoot, type OpsOptions } from '../ops/context.ts';
import { HttpError, errorHandler, sendError } from './errors.ts';
import { routeContext, type RouteContext } from './request.ts';
import { isCachedView } from './view-cache.ts';
import { hotReads, isLoopbackHostHeader, logWhenFinished, staticHeaders, type RequestLogEntry } from './hot-read.ts';
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

export type { RequestLogEntry };

// Every response carries these; the hot path (hot-read.ts) sends the same headers, taken from this middleware.
const securityHeaders: RequestHandler = helmet({
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
});

export function apiRouter(deps: AppDeps, c: RouteContext = routeContext(deps.db, deps.ops ?? {}, Boolean(deps.accounts), deps.log)): Router {
  const r = express.Router();
  for (const mount of [sessionRoutes, statementRoutes, checkRoutes, reviewRoutes, corpusRoutes]) mount(r, c);
  r.use((_req, _res) => {
    throw new HttpError(404, 'not_found', 'no such API route');
  });
  return r;
}

export function createApp(deps: AppDeps): express.Express {
  return build(deps, routeContext(deps.db, deps.ops ?? {}, Boolean(deps.accounts), deps.log));
}

/**
 * The server's request handler: the app, behind the hot path of the review view's GET (only without
 * accounts: with accounts every API request passes the session gate in Express).
 */
export function createHandler(deps: AppDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const c = routeContext(deps.db, deps.ops ?? {}, Boolean(deps.accounts), deps.log);
  const app = build(deps, c);
  if (deps.accounts) return app;
  const hot = hotReads(c.views, staticHeaders(securityHeaders), deps.requestLog);
  return (req, res) => {
    if (!hot(req, res)) app(req, res);
  };
}

function build(deps: AppDeps, c: RouteContext): express.Express {
  const app = express();
  const log = deps.log ?? ((m: string) => console.error(m));
  const webRoot = deps.webRoot ?? join(repoRoot, 'dist', 'web');
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use((req, res, next) => {
    const id = randomUUID();
    res.setHeader('X-Request-Id', id);
    if (deps.requestLog) logWhenFinished(deps.requestLog, req, res, id, req.path);
    next();
  });
  app.use(securityHeaders);
  // Gzip (or what the client prefers) for the shell, the bundle, lists and exports: a team server is
  // reached over real networks. The review view comes gzipped or plain from its cache (view-cache.ts),
  // exactly as the hot path sends it, so it is left alone.
  // (JSON Lines exports too, which the middleware's list of compressible types leaves out.)
  const jsonLines = (res: express.Response) => /^application\/(jsonl|x-ndjson)\b/.test(String(res.getHeader('Content-Type') ?? ''));
  app.use(compression({ filter: (req, res) => !isCachedView(res) && (jsonLines(res) || compression.filter(req, res)) }));
  if (!deps.accounts) {
    // Without accounts anyone who can reach the server may write, so only loopback names are served:
    // a web page that rebinds its own host name to 127.0.0.1 (DNS rebinding) gets nothing.
    app.use((req, res, next) => {
      if (isLoopbackHostHeader(req.headers.host)) return next();
      sendError(res, 403, 'forbidden', 'without accounts, twintext answers only requests addressed to localhost');
    });
  }
  // Uploads travel as base64 (4/3 of the 5 MiB file limit) for two or three languages.
  app.use('/api', express.json({ limit: deps.bodyLimit ?? '24mb' }));
  if (deps.accounts) app.use('/api', sessionGate(deps.db, deps.ops ?? {}));
  app.use('/api', apiRouter(deps, c));
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
