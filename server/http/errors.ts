// One JSON error body for the whole API: {ok:false, status, code, error}. 500s hide details.
import type { ErrorRequestHandler, Response } from 'express';
import { ConflictError, InputError, NotFoundError } from '../core/errors.ts';

export class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export function sendError(res: Response, status: number, code: string, error: string): void {
  res.status(status).json({ ok: false, status, code, error });
}

export function classify(err: unknown): { status: number; code: string; error: string } | null {
  if (err instanceof HttpError) return { status: err.status, code: err.code, error: err.message };
  if (err instanceof InputError)
    return err.code === 'too_large'
      ? { status: 413, code: 'payload_too_large', error: err.message }
      : { status: 400, code: 'bad_request', error: err.message };
  if (err instanceof NotFoundError) return { status: 404, code: 'not_found', error: err.message };
  if (err instanceof ConflictError) return { status: 409, code: err.code, error: err.message };
  const e = err as { type?: string; status?: number; message?: string };
  if (e?.type === 'entity.too.large') return { status: 413, code: 'payload_too_large', error: 'request body is too large' };
  if (e?.type === 'entity.parse.failed') return { status: 400, code: 'bad_request', error: 'request body is not valid JSON' };
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500)
    return { status: e.status, code: e.status === 404 ? 'not_found' : 'bad_request', error: e.status === 404 ? 'not found' : (e.message ?? 'bad request') };
  return null;
}

export function errorHandler(log: (msg: string) => void): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    // A streamed download that fails midway cannot turn into a JSON error: cut the connection instead.
    if (res.headersSent) {
      log(`error after the response started: ${(err as Error)?.message ?? String(err)}`);
      return void res.destroy();
    }
    const known = classify(err);
    if (known) return sendError(res, known.status, known.code, known.error);
    log(`internal error: ${(err as Error)?.stack ?? String(err)}`);
    sendError(res, 500, 'internal', 'internal server error');
  };
}
