// Signing in and out (accounts mode), and the session gate in front of the API.
import type { NextFunction, Request, Response, Router } from 'express';
import type { Db } from '../../store/db.ts';
import type { OpsOptions } from '../../ops/context.ts';
import type { UserRow } from '../../store/users.ts';
import { login, loginLimiter, logout, sessionOf, SESSION_HOURS } from '../../ops/accounts.ts';
import { HttpError, sendError } from '../errors.ts';
import { body, cookie, SESSION_COOKIE, type RouteContext } from '../request.ts';

export function sessionRoutes(r: Router, c: RouteContext): void {
  const { db, ops } = c;
  const limiter = loginLimiter();
  r.post('/login', (req, res) => {
    if (!c.accounts) throw new HttpError(400, 'bad_request', 'this server runs without accounts (loopback, single user)');
    const b = body(req);
    const key = `${req.ip ?? ''}|${typeof b.name === 'string' ? b.name.trim().toLowerCase() : ''}`;
    if (limiter.blocked(key)) throw new HttpError(429, 'too_many_attempts', 'too many failed sign-ins; wait 15 minutes');
    const s = login(db, b.name, b.password, ops);
    if (!s) {
      limiter.failed(key);
      throw new HttpError(401, 'unauthorized', 'wrong name or password');
    }
    limiter.succeeded(key);
    const secure = req.secure || req.header('x-forwarded-proto') === 'https' ? '; Secure' : '';
    res.setHeader('Set-Cookie', `${SESSION_COOKIE}=${s.token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_HOURS * 3600}${secure}`);
    res.json({ ok: true, user: { name: s.user.name, role: s.user.role }, csrfToken: s.csrf });
  });

  r.post('/logout', (req, res) => {
    const token = cookie(req, SESSION_COOKIE);
    if (token) logout(db, token);
    res.setHeader('Set-Cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`);
    res.json({ ok: true });
  });

  r.get('/me', (_req, res) => {
    const user = res.locals.user as UserRow | undefined;
    res.json({ ok: true, accounts: Boolean(c.accounts), user: user ? { name: user.name, role: user.role } : null, csrfToken: res.locals.csrf ?? null });
  });
}

/**
 * Accounts mode: every API call needs a session (except signing in), and every state-changing call
 * the session's CSRF token in the X-CSRF-Token header (SameSite=Strict cookies are the first line).
 */
export function sessionGate(db: Db, ops: OpsOptions) {
  return (req: Request, res: Response, next: NextFunction) => {
    const open = req.path === '/login' || req.path === '/logout' || req.path === '/me';
    const token = cookie(req, SESSION_COOKIE);
    const session = token ? sessionOf(db, token, ops) : undefined;
    if (session) {
      res.locals.user = session.user;
      res.locals.csrf = session.csrf;
    }
    if (open) return next();
    if (!session) return sendError(res, 401, 'unauthorized', 'sign in first');
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.header('x-csrf-token') !== session.csrf)
      return sendError(res, 403, 'csrf', 'missing or wrong X-CSRF-Token header');
    next();
  };
}
