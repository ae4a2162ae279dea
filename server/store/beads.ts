// Alignments, their ordered beads (paragraph ids on each side) and the flags on beads.
import { CURRENT_TEXTS, q, type Db } from './db.ts';
import { sideHasWords } from '../core/segment.ts';
import { ConflictError, NotFoundError } from '../core/errors.ts';

export type BeadStatus = 'auto' | 'confirmed';
export type FlagStatus = 'open' | 'resolved' | 'wontfix';

export interface AlignmentRow {
  id: number;
  statementId: number;
  srcTextId: number;
  tgtTextId: number;
  srcLang: string;
  tgtLang: string;
  method: string;
  createdAt: string;
}

export interface BeadParagraph {
  id: number;
  n: number;
  text: string;
  /** Changed or added by a newer version of its text. */
  changed: boolean;
}

export interface FlagComment {
  id: number;
  author: string;
  body: string;
  createdAt: string;
}

export interface FlagRow {
  id: number;
  beadId: number;
  category: string;
  severity: string;
  comment: string;
  author: string;
  status: FlagStatus;
  createdAt: string;
  updatedAt: string;
  /** Bumped by every change of status or note; a change must name the version it was made from. */
  version: number;
  /** The thread after the first comment, oldest first. */
  comments: FlagComment[];
}

export interface BeadRow {
  id: number;
  alignmentId: number;
  position: number;
  version: number;
  status: BeadStatus;
  confidence: number;
  src: BeadParagraph[];
  tgt: BeadParagraph[];
  /** Whether a corpus export holds this row: words on both sides once list markers are off (core sideHasWords). */
  exportable: boolean;
  flags: FlagRow[];
}

export interface NewBead {
  src: number[]; // paragraph ids
  tgt: number[];
  confidence: number;
  status?: BeadStatus;
  /** Keep this id / position (a re-imported corpus) when free; otherwise new ones are given. */
  id?: number;
  position?: number;
}

export function insertAlignment(
  db: Db,
  a: { statementId: number; srcTextId: number; tgtTextId: number; method: string; at: string },
  beads: NewBead[],
): number {
  const r = q(db)
    .prepare('INSERT INTO alignments (statement_id, src_text_id, tgt_text_id, method, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(a.statementId, a.srcTextId, a.tgtTextId, a.method, a.at);
  const alignmentId = Number(r.lastInsertRowid);
  insertBeads(db, alignmentId, beads, 1);
  return alignmentId;
}

export function insertBeads(db: Db, alignmentId: number, beads: NewBead[], firstPosition: number): number[] {
  const insBead = q(db).prepare('INSERT INTO beads (id, alignment_id, position, confidence, status) VALUES (?, ?, ?, ?, ?)');
  const insMember = q(db).prepare('INSERT INTO bead_paragraphs (bead_id, side, paragraph_id) VALUES (?, ?, ?)');
  const taken = q(db).prepare('SELECT 1 FROM beads WHERE id = ?');
  return beads.map((b, i) => {
    const wanted = b.id !== undefined && !taken.get(b.id) ? b.id : null;
    const id = Number(insBead.run(wanted, alignmentId, b.position ?? firstPosition + i, b.confidence, b.status ?? 'auto').lastInsertRowid);
    for (const p of b.src) insMember.run(id, 'src', p);
    for (const p of b.tgt) insMember.run(id, 'tgt', p);
    return id;
  });
}

const alignmentColumns = `a.id, a.statement_id AS statementId, a.src_text_id AS srcTextId, a.tgt_text_id AS tgtTextId,
  ts.lang AS srcLang, tt.lang AS tgtLang, a.method, a.created_at AS createdAt`;

/** Alignments between the current texts of a statement (one for a bilingual statement). */
export function listAlignments(db: Db, statementId: number): AlignmentRow[] {
  return q(db)
    .prepare(
      `SELECT ${alignmentColumns} FROM alignments a ${CURRENT_TEXTS}
       WHERE a.statement_id = ? ORDER BY a.id`,
    )
    .all(statementId) as AlignmentRow[];
}

export function getAlignment(db: Db, id: number): AlignmentRow {
  const r = q(db)
    .prepare(
      `SELECT ${alignmentColumns} FROM alignments a
       JOIN texts ts ON ts.id = a.src_text_id JOIN texts tt ON tt.id = a.tgt_text_id WHERE a.id = ?`,
    )
    .get(id) as AlignmentRow | undefined;
  if (!r) throw new NotFoundError(`alignment ${id} not found`);
  return r;
}

const flagColumns = `f.id, f.bead_id AS beadId, f.category, f.severity, f.comment, f.author, f.status,
  f.created_at AS createdAt, f.updated_at AS updatedAt, f.version`;

interface RawBead {
  id: number;
  alignmentId: number;
  position: number;
  version: number;
  status: BeadStatus;
  confidence: number;
}

/** Beads of an alignment with their paragraphs and flags, in order: three queries, not one per bead. */
export function listBeads(db: Db, alignmentId: number): BeadRow[] {
  const beads = q(db)
    .prepare(
      `SELECT id, alignment_id AS alignmentId, position, version, status, confidence
       FROM beads WHERE alignment_id = ? ORDER BY position`,
    )
    .all(alignmentId) as RawBead[];
  return attach(db, beads, 'b.alignment_id = ?', alignmentId);
}

export function getBead(db: Db, id: number): BeadRow {
  const b = q(db)
    .prepare('SELECT id, alignment_id AS alignmentId, position, version, status, confidence FROM beads WHERE id = ?')
    .get(id) as RawBead | undefined;
  if (!b) throw new NotFoundError(`bead ${id} not found`);
  return attach(db, [b], 'b.id = ?', id)[0]!;
}

function attach(db: Db, beads: RawBead[], where: string, arg: number): BeadRow[] {
  const byId = new Map<number, BeadRow>();
  const out = beads.map((b) => {
    const row: BeadRow = { ...b, src: [], tgt: [], exportable: false, flags: [] };
    byId.set(b.id, row);
    return row;
  });
  const members = q(db)
    .prepare(
      `SELECT bp.bead_id AS beadId, bp.side, p.id, p.position AS n, p.content AS text, p.changed
       FROM bead_paragraphs bp JOIN beads b ON b.id = bp.bead_id JOIN paragraphs p ON p.id = bp.paragraph_id
       WHERE ${where} ORDER BY p.position`,
    )
    .all(arg) as { beadId: number; side: 'src' | 'tgt'; id: number; n: number; text: string; changed: number }[];
  for (const m of members) byId.get(m.beadId)?.[m.side].push({ id: m.id, n: m.n, text: m.text, changed: m.changed === 1 });
  for (const row of out) row.exportable = sideHasWords(row.src.map((p) => p.text)) && sideHasWords(row.tgt.map((p) => p.text));
  const flags = q(db)
    .prepare(`SELECT ${flagColumns} FROM flags f JOIN beads b ON b.id = f.bead_id WHERE ${where} ORDER BY f.id`)
    .all(arg) as Omit<FlagRow, 'comments'>[];
  const comments = q(db)
    .prepare(
      `SELECT c.flag_id AS flagId, c.id, c.author, c.body, c.created_at AS createdAt FROM flag_comments c
       JOIN flags f ON f.id = c.flag_id JOIN beads b ON b.id = f.bead_id WHERE ${where} ORDER BY c.id`,
    )
    .all(arg) as (FlagComment & { flagId: number })[];
  const thread = new Map<number, FlagComment[]>();
  for (const { flagId, ...c } of comments) (thread.get(flagId) ?? thread.set(flagId, []).get(flagId)!).push(c);
  for (const f of flags) byId.get(f.beadId)?.flags.push({ ...f, comments: thread.get(f.id) ?? [] });
  return out;
}

export function statementOfBead(db: Db, beadId: number): number {
  const r = q(db)
    .prepare('SELECT a.statement_id AS s FROM beads b JOIN alignments a ON a.id = b.alignment_id WHERE b.id = ?')
    .get(beadId) as { s: number } | undefined;
  if (!r) throw new NotFoundError(`bead ${beadId} not found`);
  return r.s;
}

export interface NewFlag {
  beadId: number;
  category: string;
  severity: string;
  comment: string;
  author: string;
  at: string;
}

export function insertFlag(db: Db, f: NewFlag): FlagRow {
  const r = q(db)
    .prepare(
      `INSERT INTO flags (bead_id, category, severity, comment, author, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'open', ?, ?)`,
    )
    .run(f.beadId, f.category, f.severity, f.comment, f.author, f.at, f.at);
  const id = Number(r.lastInsertRowid);
  // Filed on the paragraphs its row holds now: an edit that rebuilds the row later moves it with them.
  q(db).prepare('INSERT INTO flag_paragraphs (flag_id, paragraph_id) SELECT ?, paragraph_id FROM bead_paragraphs WHERE bead_id = ?').run(id, f.beadId);
  return getFlag(db, id);
}

/**
 * Puts a flag on another bead (its row was rebuilt by a new version). It stays filed on those of its
 * paragraphs the bead's alignment still holds: the language the version left alone keeps its
 * paragraphs, and a paragraph the new version publishes unchanged is renumbered to its new id
 * (`renumber`, old id → new); when none is left, on the paragraphs of the row it is put on.
 */
export function moveFlag(db: Db, flagId: number, beadId: number, renumber?: (paragraphId: number) => number | undefined): void {
  q(db).prepare('UPDATE flags SET bead_id = ? WHERE id = ?').run(beadId, flagId);
  if (renumber) {
    const filed = q(db).prepare('SELECT paragraph_id FROM flag_paragraphs WHERE flag_id = ?').pluck().all(flagId) as number[];
    for (const old of filed) {
      const now = renumber(old);
      if (now === undefined || now === old) continue;
      q(db).prepare('INSERT OR IGNORE INTO flag_paragraphs (flag_id, paragraph_id) VALUES (?, ?)').run(flagId, now);
      q(db).prepare('DELETE FROM flag_paragraphs WHERE flag_id = ? AND paragraph_id = ?').run(flagId, old);
    }
  }
  q(db)
    .prepare(
      `DELETE FROM flag_paragraphs WHERE flag_id = ? AND paragraph_id NOT IN (
         SELECT bp.paragraph_id FROM bead_paragraphs bp JOIN beads b ON b.id = bp.bead_id
         WHERE b.alignment_id = (SELECT alignment_id FROM beads WHERE id = ?))`,
    )
    .run(flagId, beadId);
  if (!q(db).prepare('SELECT 1 FROM flag_paragraphs WHERE flag_id = ?').get(flagId))
    q(db).prepare('INSERT INTO flag_paragraphs (flag_id, paragraph_id) SELECT ?, paragraph_id FROM bead_paragraphs WHERE bead_id = ?').run(flagId, beadId);
}

export function getFlag(db: Db, id: number): FlagRow {
  const r = q(db).prepare(`SELECT ${flagColumns} FROM flags f WHERE f.id = ?`).get(id) as Omit<FlagRow, 'comments'> | undefined;
  if (!r) throw new NotFoundError(`flag ${id} not found`);
  const comments = q(db)
    .prepare('SELECT id, author, body, created_at AS createdAt FROM flag_comments WHERE flag_id = ? ORDER BY id')
    .all(id) as FlagComment[];
  return { ...r, comments };
}

/** The first open flag of this category on the bead, if any. */
export function openFlagOf(db: Db, beadId: number, category: string): number | undefined {
  return q(db).prepare("SELECT id FROM flags WHERE bead_id = ? AND category = ? AND status = 'open' ORDER BY id LIMIT 1").pluck().get(beadId, category) as number | undefined;
}

export function insertFlagComment(db: Db, c: { flagId: number; author: string; body: string; at: string }): number {
  return Number(q(db).prepare('INSERT INTO flag_comments (flag_id, author, body, created_at) VALUES (?, ?, ?, ?)').run(c.flagId, c.author, c.body, c.at).lastInsertRowid);
}

export function updateFlag(db: Db, id: number, patch: { status?: FlagStatus; comment?: string; severity?: string }, at: string): FlagRow {
  const cur = getFlag(db, id);
  q(db).prepare('UPDATE flags SET status = ?, comment = ?, severity = ?, updated_at = ?, version = version + 1 WHERE id = ?').run(
    patch.status ?? cur.status,
    patch.comment ?? cur.comment,
    patch.severity ?? cur.severity,
    at,
    id,
  );
  return getFlag(db, id);
}

/** A bead as stored in an undo snapshot: enough to put it back exactly (ids included). */
export interface BeadSnapshot {
  id: number | null;
  src: number[];
  tgt: number[];
  status: BeadStatus;
  confidence: number;
  /** Flags on the bead when the snapshot was taken; restoring puts them back here. */
  flags?: number[];
}

export function snapshotRange(db: Db, alignmentId: number, from: number, count: number): BeadSnapshot[] {
  // Three queries for the whole range (not two per bead): confirm-above snapshots hundreds of rows.
  const range = [alignmentId, from, from + count] as const;
  const rows = q(db)
    .prepare('SELECT id, status, confidence FROM beads WHERE alignment_id = ? AND position >= ? AND position < ? ORDER BY position')
    .all(...range) as { id: number; status: BeadStatus; confidence: number }[];
  const snaps = new Map<number, BeadSnapshot & { flags: number[] }>();
  const out = rows.map((r) => {
    const s = { id: r.id, flags: [] as number[], status: r.status, confidence: r.confidence, src: [] as number[], tgt: [] as number[] };
    snaps.set(r.id, s);
    return s;
  });
  const members = q(db)
    .prepare(
      `SELECT bp.bead_id AS beadId, bp.side, bp.paragraph_id AS pid FROM beads b
       JOIN bead_paragraphs bp ON bp.bead_id = b.id JOIN paragraphs p ON p.id = bp.paragraph_id
       WHERE b.alignment_id = ? AND b.position >= ? AND b.position < ? ORDER BY p.position`,
    )
    .all(...range) as { beadId: number; side: 'src' | 'tgt'; pid: number }[];
  for (const m of members) snaps.get(m.beadId)![m.side].push(m.pid);
  const flags = q(db)
    .prepare(
      `SELECT f.bead_id AS beadId, f.id FROM beads b JOIN flags f ON f.bead_id = b.id
       WHERE b.alignment_id = ? AND b.position >= ? AND b.position < ? ORDER BY f.id`,
    )
    .all(...range) as { beadId: number; id: number }[];
  for (const f of flags) snaps.get(f.beadId)!.flags.push(f.id);
  return out;
}

export function countBeads(db: Db, alignmentId: number): number {
  return (q(db).prepare('SELECT count(*) AS n FROM beads WHERE alignment_id = ?').get(alignmentId) as { n: number }).n;
}

export function beadPosition(db: Db, beadId: number): { alignmentId: number; position: number; version: number; status: BeadStatus } {
  const r = q(db).prepare('SELECT alignment_id AS alignmentId, position, version, status FROM beads WHERE id = ?').get(beadId) as
    | { alignmentId: number; position: number; version: number; status: BeadStatus }
    | undefined;
  if (!r) throw new NotFoundError(`bead ${beadId} not found`);
  return r;
}

/**
 * Replaces the `count` beads starting at `from` by `next`, keeping the ids that `next` names
 * (updated in place). Every written bead gets `version`. Flags follow the paragraphs they were
 * filed on (flag_paragraphs), not the bead ids: a flag on a row that goes or changes paragraphs
 * moves to the new row holding most of its paragraphs; when several rows hold as many (its
 * paragraphs really are in several rows), it stays where it is if that is one of them, else it
 * goes to the first. A flag none of whose
 * paragraphs is in the range (filed on an older version's) stays on its row if kept, or goes to
 * the row that holds the first paragraph of its removed row. A snapshot's `flags` (undo, redo)
 * put those flags back exactly where they were.
 */
export function replaceRange(db: Db, alignmentId: number, from: number, count: number, next: BeadSnapshot[], version: number): number[] {
  // A row the edit leaves as it was (same place, status, confidence and paragraphs) keeps its
  // version: "confirm above" over rows already confirmed must not make them look changed.
  const before = snapshotRange(db, alignmentId, from, count);
  if (before.length !== count) throw new ConflictError(`alignment ${alignmentId} changed: expected ${count} beads from position ${from}`);
  const old = before.map((b) => b.id!);
  const oldSet = new Set(old);
  const was = new Map(before.map((b, i) => [b.id!, { ...b, position: from + i }]));
  const anchors = new Map<number, number | undefined>(before.map((b) => [b.id!, b.src[0] ?? b.tgt[0]]));
  const filedOn = new Map<number, number[]>();
  for (const r of q(db)
    .prepare(
      `SELECT f.id AS flagId, fp.paragraph_id AS pid FROM flags f LEFT JOIN flag_paragraphs fp ON fp.flag_id = f.id
       WHERE f.bead_id IN (SELECT value FROM json_each(?)) ORDER BY f.id`,
    )
    .all(JSON.stringify(old)) as { flagId: number; pid: number | null }[]) {
    const ps = filedOn.get(r.flagId) ?? filedOn.set(r.flagId, []).get(r.flagId)!;
    if (r.pid !== null) ps.push(r.pid);
  }
  const delta = next.length - count;
  // Move the tail out of the way first (positions are not unique, but keep them ordered).
  if (delta !== 0)
    q(db).prepare('UPDATE beads SET position = position + ? WHERE alignment_id = ? AND position >= ?').run(delta, alignmentId, from + count);
  const clearMembers = q(db).prepare('DELETE FROM bead_paragraphs WHERE bead_id = ?');
  const insMember = q(db).prepare('INSERT INTO bead_paragraphs (bead_id, side, paragraph_id) VALUES (?, ?, ?)');
  const update = q(db).prepare('UPDATE beads SET position = ?, status = ?, confidence = ?, version = ? WHERE id = ?');
  const insertWithId = q(db).prepare('INSERT INTO beads (id, alignment_id, position, confidence, status, version) VALUES (?, ?, ?, ?, ?, ?)');
  const insertAuto = q(db).prepare('INSERT INTO beads (alignment_id, position, confidence, status, version) VALUES (?, ?, ?, ?, ?)');
  const exists = q(db).prepare('SELECT 1 FROM beads WHERE id = ?');
  const ids: number[] = [];
  const kept = new Set<number>();
  // Kept beads whose paragraphs are the same as before: their flags have no reason to move.
  const sameMembers = new Set<number>();
  next.forEach((b, i) => {
    if (b.src.length === 0 && b.tgt.length === 0) throw new ConflictError('a bead cannot be empty on both sides');
    const pos = from + i;
    let id: number;
    const same = b.id !== null ? was.get(b.id) : undefined;
    const members = same && same.src.join() === b.src.join() && same.tgt.join() === b.tgt.join();
    if (same && members && !kept.has(same.id!) && same.position === pos && same.status === b.status && same.confidence === b.confidence) {
      kept.add(same.id!);
      sameMembers.add(same.id!);
      ids.push(same.id!);
      return;
    }
    if (b.id !== null && oldSet.has(b.id) && !kept.has(b.id)) {
      id = b.id;
      if (members) sameMembers.add(id);
      update.run(pos, b.status, b.confidence, version, id);
      clearMembers.run(id);
    } else if (b.id !== null && !exists.get(b.id)) {
      id = Number(insertWithId.run(b.id, alignmentId, pos, b.confidence, b.status, version).lastInsertRowid);
    } else {
      id = Number(insertAuto.run(alignmentId, pos, b.confidence, b.status, version).lastInsertRowid);
    }
    kept.add(id);
    for (const p of b.src) insMember.run(id, 'src', p);
    for (const p of b.tgt) insMember.run(id, 'tgt', p);
    ids.push(id);
  });
  const rowOfParagraph = new Map<number, number>();
  next.forEach((b, i) => [...b.src, ...b.tgt].forEach((p) => rowOfParagraph.set(p, i)));
  const currentBead = new Map<number, number>();
  for (const b of before) for (const f of b.flags ?? []) currentBead.set(f, b.id!);
  const placeFlag = q(db).prepare('UPDATE flags SET bead_id = ? WHERE id = ?');
  for (const [flagId, paragraphs] of filedOn) {
    const on = currentBead.get(flagId)!;
    if (sameMembers.has(on)) continue;
    const held = new Map<number, number>();
    for (const p of paragraphs) {
      const i = rowOfParagraph.get(p);
      if (i !== undefined) held.set(i, (held.get(i) ?? 0) + 1);
    }
    let target: number | undefined;
    if (held.size) {
      const most = Math.max(...held.values());
      const rows = [...held].filter(([, n]) => n === most).map(([i]) => i).sort((a, b) => a - b).map((i) => ids[i]!);
      target = rows.includes(on) ? on : rows[0];
    } else if (kept.has(on)) {
      target = on;
    } else {
      const anchor = anchors.get(on);
      const i = anchor === undefined ? undefined : rowOfParagraph.get(anchor);
      target = i === undefined ? ids[0] : ids[i];
    }
    if (target === undefined) throw new ConflictError('cannot remove every bead of a range that holds flags');
    if (target !== on) placeFlag.run(target, flagId);
  }
  const del = q(db).prepare('DELETE FROM beads WHERE id = ?');
  for (const id of old) if (!kept.has(id)) del.run(id);
  next.forEach((b, i) => b.flags?.forEach((f) => placeFlag.run(ids[i]!, f)));
  return ids;
}

export interface ParagraphInfo {
  id: number;
  textId: number;
  /** Whether the paragraph's text is the current version of its language (older versions are history). */
  isCurrent: boolean;
  position: number;
  content: string;
  statementId: number;
  lang: string;
}

export function getParagraph(db: Db, id: number): ParagraphInfo {
  const r = q(db)
    .prepare(
      `SELECT p.id, p.text_id AS textId, t.is_current AS isCurrent, p.position, p.content, t.statement_id AS statementId, t.lang
       FROM paragraphs p JOIN texts t ON t.id = p.text_id WHERE p.id = ?`,
    )
    .get(id) as (Omit<ParagraphInfo, 'isCurrent'> & { isCurrent: number }) | undefined;
  if (!r) throw new NotFoundError(`paragraph ${id} not found`);
  return { ...r, isCurrent: r.isCurrent === 1 };
}

export function setParagraphContent(db: Db, id: number, content: string): void {
  q(db).prepare('UPDATE paragraphs SET content = ? WHERE id = ?').run(content, id);
}

/**
 * Every alignment a paragraph is part of, current ones first, newest first: a source paragraph of a
 * trilateral statement is in two current alignments (EN–KO and EN–JA).
 */
export function alignmentsOfParagraph(db: Db, paragraphId: number): number[] {
  return (
    q(db)
      .prepare(
        `SELECT DISTINCT b.alignment_id AS a, (ts.is_current AND tt.is_current) AS cur FROM bead_paragraphs bp JOIN beads b ON b.id = bp.bead_id
         JOIN alignments al ON al.id = b.alignment_id JOIN texts ts ON ts.id = al.src_text_id JOIN texts tt ON tt.id = al.tgt_text_id
         WHERE bp.paragraph_id = ? ORDER BY cur DESC, a DESC`,
      )
      .all(paragraphId) as { a: number }[]
  ).map((r) => r.a);
}

/** Whether both texts of an alignment are the current versions: older alignments are history, not to be edited. */
export function isCurrentAlignment(db: Db, alignmentId: number): boolean {
  return Boolean(
    q(db)
      .prepare(
        `SELECT 1 FROM alignments a ${CURRENT_TEXTS} WHERE a.id = ?`,
      )
      .get(alignmentId),
  );
}

/**
 * Refuses (409 stale_version) a write to an alignment of an older version of the statement: a page
 * loaded before a new version was imported still shows its rows, and what is saved there would sit
 * where nobody sees it again. `what` names the thing written to ("row 3", "finding 12").
 */
export function requireCurrentAlignment(db: Db, alignmentId: number, what: string): void {
  if (!isCurrentAlignment(db, alignmentId)) throw new ConflictError(`${what} belongs to an older version of the statement; reload to see the current one`, 'stale_version');
}

/**
 * Renumbers an alignment's beads 1..N if they have gaps (a re-imported corpus keeps the positions it was
 * exported with, omissions left out), because the edit operations work on contiguous positions.
 */
export function normalizePositions(db: Db, alignmentId: number): void {
  const ids = q(db).prepare('SELECT id, position FROM beads WHERE alignment_id = ? ORDER BY position').all(alignmentId) as { id: number; position: number }[];
  if (ids.every((b, i) => b.position === i + 1)) return;
  const set = q(db).prepare('UPDATE beads SET position = ? WHERE id = ?');
  ids.forEach((b, i) => set.run(i + 1, b.id));
}

export interface AlignmentEventRow {
  id: number;
  action: string;
  actor: string;
  before: string | null;
  after: string | null;
}

export function listAlignmentEvents(db: Db, alignmentId: number): AlignmentEventRow[] {
  return q(db)
    .prepare("SELECT id, action, actor, before, after FROM events WHERE entity = 'alignment' AND entity_id = ? ORDER BY id")
    .all(alignmentId) as AlignmentEventRow[];
}

/** Text pairs of confirmed beads with both sides, newest first: what reviewers vouched for. */
/**
 * Confirmed pairs of the current versions in one language pair, newest first. A statement aligned
 * the other way round (Korean first) gives its pairs turned round; an older version's rows are
 * history (their confirmations were carried over to the current rows, so they would count twice).
 */
export function confirmedPairs(db: Db, srcLang: string, tgtLang: string, limit: number): { src: string; tgt: string }[] {
  const side = (s: 'src' | 'tgt') =>
    `(SELECT group_concat(content, ' ') FROM (SELECT p.content FROM bead_paragraphs bp JOIN paragraphs p ON p.id = bp.paragraph_id
       WHERE bp.bead_id = b.id AND bp.side = '${s}' ORDER BY p.position))`;
  return q(db)
    .prepare(
      `SELECT CASE WHEN ts.lang = @src THEN ${side('src')} ELSE ${side('tgt')} END AS src,
              CASE WHEN ts.lang = @src THEN ${side('tgt')} ELSE ${side('src')} END AS tgt
       FROM beads b JOIN alignments a ON a.id = b.alignment_id ${CURRENT_TEXTS}
       WHERE b.status = 'confirmed' AND ((ts.lang = @src AND tt.lang = @tgt) OR (ts.lang = @tgt AND tt.lang = @src))
       ORDER BY b.id DESC LIMIT @limit`,
    )
    .all({ src: srcLang, tgt: tgtLang, limit })
    .filter((r) => (r as { src: string | null }).src && (r as { tgt: string | null }).tgt) as { src: string; tgt: string }[];
}

/** Versions of the beads at positions [from, from + count) of an alignment, by bead id. */
export function rangeVersions(db: Db, alignmentId: number, from: number, count: number): Map<number, number> {
  const rows = q(db)
    .prepare('SELECT id, version FROM beads WHERE alignment_id = ? AND position >= ? AND position < ?')
    .all(alignmentId, from, from + count) as { id: number; version: number }[];
  return new Map(rows.map((r) => [r.id, r.version]));
}

/** Changes whenever a bead is confirmed, unconfirmed or rewritten: count and newest version of confirmed beads. */
export function confirmedSignature(db: Db): string {
  const r = q(db).prepare("SELECT count(*) AS n, coalesce(max(version), 0) AS v FROM beads WHERE status = 'confirmed'").get() as { n: number; v: number };
  return `${r.n}:${r.v}`;
}
