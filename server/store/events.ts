// The events table: an append-only record of every change (who, what, when, before/after).
import { q, type Db } from './db.ts';

export interface EventRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  statementId: number | null;
  entity: string;
  entityId: number | null;
  before: unknown;
  after: unknown;
}

export interface NewEvent {
  at: string;
  actor: string;
  action: string;
  statementId: number | null;
  entity: string;
  entityId: number | null;
  before?: unknown;
  after?: unknown;
}

export function recordEvent(db: Db, e: NewEvent): number {
  const r = q(db)
    .prepare(
      `INSERT INTO events (at, actor, action, statement_id, entity, entity_id, before, after)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      e.at,
      e.actor,
      e.action,
      e.statementId,
      e.entity,
      e.entityId,
      e.before === undefined ? null : JSON.stringify(e.before),
      e.after === undefined ? null : JSON.stringify(e.after),
    );
  return Number(r.lastInsertRowid);
}

interface RawEvent {
  id: number;
  at: string;
  actor: string;
  action: string;
  statement_id: number | null;
  entity: string;
  entity_id: number | null;
  before: string | null;
  after: string | null;
}

export function listEvents(db: Db, statementId: number, limit = 500): EventRow[] {
  const rows = q(db)
    .prepare('SELECT * FROM events WHERE statement_id = ? ORDER BY id DESC LIMIT ?')
    .all(statementId, limit) as RawEvent[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    statementId: r.statement_id,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before === null ? null : JSON.parse(r.before),
    after: r.after === null ? null : JSON.parse(r.after),
  }));
}

/**
 * The next bead version: one more than the newest event id. Every change records an event in the
 * same transaction, so versions only ever grow, even for a bead deleted and later restored by undo.
 */
export function nextVersion(db: Db): number {
  return ((q(db).prepare('SELECT max(id) AS m FROM events').get() as { m: number | null }).m ?? 0) + 1;
}

/** The newest event of a statement: every change to it records one, so this identifies its state. */
export function statementRevision(db: Db, statementId: number): number {
  return ((q(db).prepare('SELECT max(id) AS m FROM events WHERE statement_id = ?').get(statementId) as { m: number | null }).m ?? 0);
}

/** How many events a statement has after event `id`. */
export function eventsSince(db: Db, statementId: number, id: number): number {
  return (q(db).prepare('SELECT count(*) AS n FROM events WHERE statement_id = ? AND id > ?').get(statementId, id) as { n: number }).n;
}

/** The events that set a paragraph's text (edits, and undo/redo of them), newest first, payloads as stored (JSON). */
export function paragraphTextEvents(db: Db, paragraphId: number): { id: number; at: string; actor: string; action: string; before: string; after: string }[] {
  return q(db)
    .prepare(
      `SELECT id, at, actor, action, before, after FROM events
       WHERE action IN ('paragraph.edit', 'alignment.undo', 'alignment.redo') AND json_extract(after, '$.paragraphId') = ? ORDER BY id DESC`,
    )
    .all(paragraphId) as { id: number; at: string; actor: string; action: string; before: string; after: string }[];
}
