// Glossary terms stored in the database, and the settings table that tracks their revision.
import { q, type Db } from './db.ts';
import { NotFoundError } from '../core/errors.ts';

export interface GlossaryTermRow {
  id: number;
  terms: Record<string, string[]>;
  note: string;
  author: string;
  createdAt: string;
  updatedAt: string;
}

type Raw = Omit<GlossaryTermRow, 'terms'> & { terms: string };

/**
 * A term's renderings without the languages it has none in: a term seeded from a glossary file's
 * empty Japanese cell and one added with English and Korean are alike, stored and returned the same
 * way (databases seeded before this hold `"ja": []`, dropped as they are read).
 */
function rendered(terms: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(terms).filter(([, v]) => v.length));
}

const map = (r: Raw): GlossaryTermRow => ({ ...r, terms: rendered(JSON.parse(r.terms) as Record<string, string[]>) });
const columns = 'id, terms, note, author, created_at AS createdAt, updated_at AS updatedAt';

export function listGlossaryTerms(db: Db): GlossaryTermRow[] {
  return (q(db).prepare(`SELECT ${columns} FROM glossary_terms ORDER BY id`).all() as Raw[]).map(map);
}

export function getGlossaryTerm(db: Db, id: number): GlossaryTermRow {
  const r = q(db).prepare(`SELECT ${columns} FROM glossary_terms WHERE id = ?`).get(id) as Raw | undefined;
  if (!r) throw new NotFoundError(`glossary term ${id} not found`);
  return map(r);
}

export function insertGlossaryTerm(db: Db, t: { terms: Record<string, string[]>; note: string; author: string; at: string }): number {
  return Number(
    q(db).prepare('INSERT INTO glossary_terms (terms, note, author, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(JSON.stringify(rendered(t.terms)), t.note, t.author, t.at, t.at)
      .lastInsertRowid,
  );
}

export function updateGlossaryTerm(db: Db, id: number, t: { terms: Record<string, string[]>; note: string; at: string }): void {
  getGlossaryTerm(db, id);
  q(db).prepare('UPDATE glossary_terms SET terms = ?, note = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(rendered(t.terms)), t.note, t.at, id);
}

export function deleteGlossaryTerm(db: Db, id: number): void {
  getGlossaryTerm(db, id);
  q(db).prepare('DELETE FROM glossary_terms WHERE id = ?').run(id);
}

export function getSetting(db: Db, name: string): string | undefined {
  return (q(db).prepare('SELECT value FROM settings WHERE name = ?').get(name) as { value: string } | undefined)?.value;
}

export function setSetting(db: Db, name: string, value: string): void {
  q(db).prepare('INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value').run(name, value);
}
