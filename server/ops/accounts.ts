// Use cases of accounts: users with roles, scrypt password hashes, sessions with a CSRF token.
import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Db } from '../store/db.ts';
import { InputError } from '../core/errors.ts';
import { countUsers, deleteSession, findSession, findUserByName, insertSession, insertUser, listUsers, purgeExpiredSessions, setUserDisabled, type Role, type UserRow } from '../store/users.ts';
import { recordEvent } from '../store/events.ts';
import { nowIso, type OpsOptions } from './context.ts';

export const ROLES: readonly Role[] = ['translator', 'editor', 'admin'];
const RANK: Record<Role, number> = { translator: 1, editor: 2, admin: 3 };
export const SESSION_HOURS = 12;
const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };

export function hasRole(user: { role: Role }, needed: Role): boolean {
  return RANK[user.role] >= RANK[needed];
}

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const got = scryptSync(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(got, expected);
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export function addUser(db: Db, name: string, role: string, password: string, actor: string, opts: OpsOptions = {}): UserRow {
  const clean = name.trim();
  if (!/^[\p{L}\p{N}._@ -]{1,60}$/u.test(clean)) throw new InputError('a user name is 1–60 letters, digits, spaces or . _ @ -');
  if (!(ROLES as readonly string[]).includes(role)) throw new InputError(`role must be one of ${ROLES.join(', ')}`);
  if (password.length < 10) throw new InputError('a password needs at least 10 characters');
  return db
    .transaction(() => {
      const at = nowIso(opts);
      const id = insertUser(db, { name: clean, role: role as Role, passwordHash: hashPassword(password), at });
      recordEvent(db, { at, actor, action: 'user.add', statementId: null, entity: 'user', entityId: id, after: { name: clean, role } });
      return findUserByName(db, clean)!;
    })
    .immediate();
}

export function disableUser(db: Db, name: string, actor: string, opts: OpsOptions = {}): void {
  db.transaction(() => {
    setUserDisabled(db, name, true);
    recordEvent(db, { at: nowIso(opts), actor, action: 'user.disable', statementId: null, entity: 'user', entityId: findUserByName(db, name)!.id, after: { name } });
  }).immediate();
}

export { listUsers, countUsers };

// Verifying against a fixed hash when the name is unknown makes both cases cost one scrypt run,
// so response times do not tell which names exist.
let dummyHash: string | undefined;

/** Checks a password; returns a new session token (for the cookie) and its CSRF token, or null. */
export function login(db: Db, name: unknown, password: unknown, opts: OpsOptions = {}): { token: string; csrf: string; user: UserRow } | null {
  if (typeof name !== 'string' || typeof password !== 'string') throw new InputError('send "name" and "password"');
  if (password.length > 1000) return null;
  const user = findUserByName(db, name.trim());
  const ok = user && !user.disabled ? verifyPassword(password, user.passwordHash) : (verifyPassword(password, (dummyHash ??= hashPassword('twintext-no-such-user'))), false);
  if (!ok || !user) return null;
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  const at = nowIso(opts);
  const expiresAt = new Date(Date.parse(at) + SESSION_HOURS * 3600_000).toISOString();
  db.transaction(() => {
    purgeExpiredSessions(db, at);
    insertSession(db, { tokenHash: tokenHash(token), userId: user.id, csrf, at, expiresAt });
    recordEvent(db, { at, actor: user.name, action: 'user.login', statementId: null, entity: 'user', entityId: user.id });
  }).immediate();
  return { token, csrf, user };
}

/**
 * Failed sign-ins per client address and name: after `max` failures in `windowMs` further attempts are
 * refused without checking the password (each check costs ~40 ms of CPU), until the window passes.
 */
export function loginLimiter(max = 10, windowMs = 15 * 60_000) {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => (failures.get(key) ?? []).filter((t) => now - t < windowMs);
  return {
    blocked(key: string, now = Date.now()): boolean {
      return recent(key, now).length >= max;
    },
    failed(key: string, now = Date.now()): void {
      failures.set(key, [...recent(key, now), now]);
      if (failures.size > 10_000) failures.delete(failures.keys().next().value!);
    },
    succeeded(key: string): void {
      failures.delete(key);
    },
  };
}

export function sessionOf(db: Db, token: string, opts: OpsOptions = {}): { user: UserRow; csrf: string } | undefined {
  return findSession(db, tokenHash(token), nowIso(opts));
}

export function logout(db: Db, token: string): void {
  deleteSession(db, tokenHash(token));
}
