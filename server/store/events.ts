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

/** The kinds of thing a statement's events are about (`entity`): what its history can be asked for one of. */
export const STATEMENT_EVENT_ENTITIES = ['statement', 'text', 'paragraph', 'alignment', 'flag', 'finding'] as const;

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

const toEventRow = (r: RawEvent): EventRow => ({
  id: r.id,
  at: r.at,
  actor: r.actor,
  action: r.action,
  statementId: r.statement_id,
  entity: r.entity,
  entityId: r.entity_id,
  before: r.before === null ? null : JSON.parse(r.before),
  after: r.after === null ? null : JSON.parse(r.after),
});

/** The newest `limit` events of a statement, newest first. */
export function listEvents(db: Db, statementId: number, limit = 500): EventRow[] {
  return listEventsPage(db, statementId, { limit }).events;
}

export interface EventQuery {
  /** Only events older than this event id (the next page after one that ended with it). */
  before?: number;
  /** At most this many (all when absent). */
  limit?: number;
  /** Only the events of one thing (a flag, a finding, an alignment…). */
  entity?: { kind: string; id: number };
}

/**
 * Events of a statement, newest first, and whether older ones were left out (`truncated`: the page
 * ends before the statement's first event; ask again with `before` = the last id to go on).
 */
export function listEventsPage(db: Db, statementId: number, query: EventQuery = {}): { events: EventRow[]; truncated: boolean } {
  const { before, limit, entity } = query;
  // One row more than asked tells whether there are older ones. Each filter has its own index.
  const rows = entity
    ? (q(db)
        .prepare('SELECT * FROM events WHERE entity = ? AND entity_id = ? AND id < ? AND statement_id = ? ORDER BY id DESC LIMIT ?')
        .all(entity.kind, entity.id, before ?? Number.MAX_SAFE_INTEGER, statementId, limit === undefined ? -1 : limit + 1) as RawEvent[])
    : (q(db)
        .prepare('SELECT * FROM events WHERE statement_id = ? AND id < ? ORDER BY id DESC LIMIT ?')
        .all(statementId, before ?? Number.MAX_SAFE_INTEGER, limit === undefined ? -1 : limit + 1) as RawEvent[]);
  const truncated = limit !== undefined && rows.length > limit;
  return { events: (truncated ? rows.slice(0, limit) : rows).map(toEventRow), truncated };
}

/** Every event of one thing (a flag's whole history), newest first, whatever its statement's history holds besides. */
export function entityEvents(db: Db, kind: string, id: number): EventRow[] {
  return (q(db).prepare('SELECT * FROM events WHERE entity = ? AND entity_id = ? ORDER BY id DESC').all(kind, id) as RawEvent[]).map(toEventRow);
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
