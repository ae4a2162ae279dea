// Users and their sessions (accounts mode, when serving beyond loopback).
import { q, type Db } from './db.ts';
import { ConflictError, NotFoundError } from '../core/errors.ts';

export type Role = 'translator' | 'editor' | 'admin';

export interface UserRow {
  id: number;
  name: string;
  role: Role;
  passwordHash: string;
  disabled: boolean;
  createdAt: string;
}

type Raw = Omit<UserRow, 'disabled'> & { disabled: number };
const columns = 'id, name, role, password_hash AS passwordHash, disabled, created_at AS createdAt';
const map = (r: Raw): UserRow => ({ ...r, disabled: r.disabled === 1 });

export function insertUser(db: Db, u: { name: string; role: Role; passwordHash: string; at: string }): number {
  if (q(db).prepare('SELECT 1 FROM users WHERE name = ?').get(u.name)) throw new ConflictError(`user "${u.name}" exists`);
  return Number(q(db).prepare('INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)').run(u.name, u.role, u.passwordHash, u.at).lastInsertRowid);
}

export function findUserByName(db: Db, name: string): UserRow | undefined {
  const r = q(db).prepare(`SELECT ${columns} FROM users WHERE name = ?`).get(name) as Raw | undefined;
  return r ? map(r) : undefined;
}

export function listUsers(db: Db): UserRow[] {
  return (q(db).prepare(`SELECT ${columns} FROM users ORDER BY id`).all() as Raw[]).map(map);
}

export function countUsers(db: Db): number {
  return (q(db).prepare('SELECT count(*) AS n FROM users WHERE disabled = 0').get() as { n: number }).n;
}

export function setUserDisabled(db: Db, name: string, disabled: boolean): void {
  const r = q(db).prepare('UPDATE users SET disabled = ? WHERE name = ?').run(disabled ? 1 : 0, name);
  if (r.changes === 0) throw new NotFoundError(`user "${name}" not found`);
  if (disabled) q(db).prepare('DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE name = ?)').run(name);
}

export function insertSession(db: Db, s: { tokenHash: string; userId: number; csrf: string; at: string; expiresAt: string }): void {
  q(db).prepare('INSERT INTO sessions (token_hash, user_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(s.tokenHash, s.userId, s.csrf, s.at, s.expiresAt);
}

export function findSession(db: Db, tokenHash: string, now: string): { user: UserRow; csrf: string } | undefined {
  const r = q(db)
    .prepare(
      `SELECT s.csrf, u.id, u.name, u.role, u.password_hash AS passwordHash, u.disabled, u.created_at AS createdAt
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0`,
    )
    .get(tokenHash, now) as (Raw & { csrf: string }) | undefined;
  if (!r) return undefined;
  const { csrf, ...user } = r;
  return { user: map(user), csrf };
}

export function deleteSession(db: Db, tokenHash: string): void {
  q(db).prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
}

export function purgeExpiredSessions(db: Db, now: string): void {
  q(db).prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now);
}
