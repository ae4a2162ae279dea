// The review view's GET answered ahead of Express: the one hot route, with the same headers, guard and log.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { acceptsGzip, sendView, type StatementViews } from './view-cache.ts';
import { cookie, REVIEWER_COOKIE } from './request.ts';

/** One structured entry per request (no statement text, no query strings). */
export interface RequestLogEntry {
  at: string;
  id: string;
  method: string;
  route: string;
  status: number;
  ms: number;
  reviewer: boolean;
}

/** Without accounts only loopback names are served (see app.ts: the DNS-rebinding guard). */
export function isLoopbackHostHeader(hostHeader: string | undefined): boolean {
  const host = (hostHeader ?? '').replace(/:\d+$/, '').toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Logs the request when its response is finished: the request-log middleware and the hot path share it. */
export function logWhenFinished(log: (entry: RequestLogEntry) => void, req: IncomingMessage, res: ServerResponse, id: string, route: string): void {
  const started = process.hrtime.bigint();
  res.on('finish', () =>
    log({
      at: new Date().toISOString(),
      id,
      method: req.method ?? '',
      // The path only: ids, never search text or statement content from the query or body.
      route,
      status: res.statusCode,
      ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
      reviewer: Boolean(req.headers['x-reviewer'] ?? cookie(req, REVIEWER_COOKIE)),
    }),
  );
}

/**
 * The headers a static header middleware (helmet here) sets, in its order, taken by running it once on
 * a stand-in response: the hot path sends exactly these without running the middleware per request.
 */
export function staticHeaders(middleware: RequestHandler): string[] {
  const run = () => {
    const set: string[] = [];
    let passed = false;
    const res = {
      setHeader(name: string, value: unknown) {
        if (typeof value !== 'string') throw new Error(`header ${name} is not a plain string`);
        set.push(name, value);
      },
      removeHeader() {},
    };
    void middleware({ headers: {} } as never, res as never, ((err?: unknown) => {
      if (err) throw err;
      passed = true;
    }) as never);
    if (!passed) throw new Error('the header middleware did not pass the request on at once');
    return set;
  };
  const once = run();
  if (run().join('\n') !== once.join('\n')) throw new Error('the header middleware sets different headers per request');
  return once;
}

// Exactly the requests the route in routes/statements.ts would answer from the cache: a GET without a
// body (a body would go to the JSON parser first), the canonical path, at most a plain `lang`. Anything
// else, and every error, goes through Express.
const HOT = /^\/api\/statements\/([1-9]\d{0,15})(?:\?lang=([A-Za-z0-9-]{1,35}))?$/;

/**
 * The handler of the hot GET /api/statements/:id, or false to pass the request on to Express. Only
 * without accounts (with accounts, the session gate runs in Express); the host guard, request id, log
 * entry and security headers are the ones the Express middleware give (see test/http/hot-read.test.ts).
 */
export function hotReads(views: StatementViews, securityHeaders: readonly string[], requestLog?: (entry: RequestLogEntry) => void) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET' || req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined) return false;
    const m = HOT.exec(req.url ?? '');
    if (!m || !isLoopbackHostHeader(req.headers.host)) return false;
    let view;
    try {
      view = views.get(Number(m[1]), m[2], acceptsGzip(req));
    } catch {
      // Express answers again, with the error JSON (and the 500 log line) of the ordinary route.
      return false;
    }
    const id = randomUUID();
    if (requestLog) logWhenFinished(requestLog, req, res, id, m[2] === undefined ? req.url! : req.url!.slice(0, req.url!.indexOf('?')));
    // One writeHead with every header (the order Express gives them) skips Node's per-header bookkeeping.
    sendView(req, res, view, ['X-Request-Id', id, ...securityHeaders]);
    return true;
  };
}
