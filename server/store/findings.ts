// Findings of the automatic checks (suggested flags), with the reviewer's verdict on each.
import { CURRENT_TEXTS, q, type Db } from './db.ts';
import { NotFoundError } from '../core/errors.ts';
import { statementSearch } from './statements.ts';

export type FindingStatus = 'suggested' | 'accepted' | 'dismissed';

export interface FindingRow {
  id: number;
  alignmentId: number;
  beadId: number | null;
  check: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  key: string;
  srcParagraphs: number[];
  tgtParagraphs: number[];
  spans: unknown;
  status: FindingStatus;
  flagId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewFinding {
  beadId: number | null;
  check: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  key: string;
  srcParagraphs: number[];
  tgtParagraphs: number[];
  spans: unknown;
}

const columns = `id, alignment_id AS alignmentId, bead_id AS beadId, check_id AS "check", severity, message, key,
  src_paragraphs AS srcParagraphs, tgt_paragraphs AS tgtParagraphs, spans, status, flag_id AS flagId,
  created_at AS createdAt, updated_at AS updatedAt`;

type Raw = Omit<FindingRow, 'srcParagraphs' | 'tgtParagraphs' | 'spans'> & { srcParagraphs: string; tgtParagraphs: string; spans: string };
const map = (r: Raw): FindingRow => ({
  ...r,
  srcParagraphs: JSON.parse(r.srcParagraphs) as number[],
  tgtParagraphs: JSON.parse(r.tgtParagraphs) as number[],
  spans: JSON.parse(r.spans) as unknown,
});

/**
 * Replaces the still-suggested findings of an alignment. A finding whose key was accepted or
 * dismissed before is not brought back (UNIQUE (alignment_id, key) + INSERT OR IGNORE).
 */
/**
 * Makes `findings` the suggested findings of an alignment. A suggestion found again (same key: same
 * check, same paragraphs) keeps its row and id, so a reviewer's Accept or Dismiss in a page loaded
 * before someone else's edit still reaches it; suggestions no longer found go; keys already decided
 * (accepted or dismissed) are not suggested again.
 */
export function replaceSuggestedFindings(db: Db, alignmentId: number, findings: NewFinding[], at: string): number {
  const wanted = new Set(findings.map((f) => f.key));
  const current = q(db).prepare("SELECT id, key FROM findings WHERE alignment_id = ? AND status = 'suggested'").all(alignmentId) as { id: number; key: string }[];
  const drop = q(db).prepare('DELETE FROM findings WHERE id = ?');
  for (const c of current) if (!wanted.has(c.key)) drop.run(c.id);
  const update = q(db).prepare(
    `UPDATE findings SET bead_id = ?, check_id = ?, severity = ?, message = ?, src_paragraphs = ?, tgt_paragraphs = ?, spans = ?, updated_at = ?
     WHERE alignment_id = ? AND key = ? AND status = 'suggested'`,
  );
  const ins = q(db).prepare(
    `INSERT OR IGNORE INTO findings (alignment_id, bead_id, check_id, severity, message, key, src_paragraphs, tgt_paragraphs, spans, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let n = 0;
  const done = new Set<string>();
  for (const f of findings) {
    // The first finding of a key stands, as the unique key would have it.
    if (done.has(f.key)) continue;
    done.add(f.key);
    const [src, tgt, spans] = [JSON.stringify(f.srcParagraphs), JSON.stringify(f.tgtParagraphs), JSON.stringify(f.spans)];
    const kept = update.run(f.beadId, f.check, f.severity, f.message, src, tgt, spans, at, alignmentId, f.key).changes;
    n += kept || ins.run(alignmentId, f.beadId, f.check, f.severity, f.message, f.key, src, tgt, spans, at, at).changes;
  }
  return n;
}

export function listFindings(db: Db, alignmentId: number): FindingRow[] {
  return (q(db).prepare(`SELECT ${columns} FROM findings WHERE alignment_id = ? ORDER BY id`).all(alignmentId) as Raw[]).map(map);
}

export function getFinding(db: Db, id: number): FindingRow {
  const r = q(db).prepare(`SELECT ${columns} FROM findings WHERE id = ?`).get(id) as Raw | undefined;
  if (!r) throw new NotFoundError(`finding ${id} not found`);
  return map(r);
}

export function setFindingStatus(db: Db, id: number, status: FindingStatus, flagId: number | null, at: string): FindingRow {
  q(db).prepare('UPDATE findings SET status = ?, flag_id = coalesce(?, flag_id), updated_at = ? WHERE id = ?').run(status, flagId, at, id);
  return getFinding(db, id);
}

export interface ReportRow {
  kind: 'flag' | 'finding';
  id: number;
  statementId: number;
  statementTitle: string;
  statementDate: string | null;
  beadId: number | null;
  beadPosition: number | null;
  /** The language pair of the row's alignment (a trilateral statement has two rows numbered 4). */
  srcLang: string;
  tgtLang: string;
  category: string;
  severity: string;
  status: string;
  author: string;
  comment: string;
  createdAt: string;
  /** A flag's thread, one "author: comment" a line, oldest first (null for a finding or a flag without). */
  thread: string | null;
}

// Only the alignments between the current texts (CURRENT_TEXTS): an older version's findings and
// (moved) flags would appear twice, once with no text beside them.

/**
 * Flags and findings of the current versions of the given statements (all when none) that the list's
 * search for `searchText` finds (statementSearch; every one when it is absent or empty), in statement then row order.
 */
export function listReportRows(db: Db, statementIds: number[], searchText?: string): ReportRow[] {
  const search = searchText === undefined ? null : statementSearch(searchText);
  const filter = (statementIds.length ? 'AND s.id IN (SELECT value FROM json_each(@ids))' : '') + (search ? ` AND s.id IN (${search.sql})` : '');
  return q(db)
    .prepare(
      `SELECT * FROM (
         SELECT 'flag' AS kind, f.id, s.id AS statementId, s.title AS statementTitle, s.date AS statementDate, b.id AS beadId,
                b.position AS beadPosition, ts.lang AS srcLang, tt.lang AS tgtLang, f.category, f.severity, f.status, f.author, f.comment, f.created_at AS createdAt,
                (SELECT group_concat(line, char(10)) FROM (SELECT c.author || ': ' || c.body AS line FROM flag_comments c WHERE c.flag_id = f.id ORDER BY c.id)) AS thread
         FROM flags f JOIN beads b ON b.id = f.bead_id JOIN alignments a ON a.id = b.alignment_id JOIN statements s ON s.id = a.statement_id
         ${CURRENT_TEXTS}
         WHERE 1 ${filter}
         UNION ALL
         SELECT 'finding', fi.id, s.id, s.title, s.date, b.id, b.position, ts.lang, tt.lang, fi.check_id, fi.severity, fi.status, 'twintext', fi.message, fi.created_at, NULL
         FROM findings fi JOIN alignments a ON a.id = fi.alignment_id JOIN statements s ON s.id = a.statement_id
         ${CURRENT_TEXTS}
         LEFT JOIN beads b ON b.id = fi.bead_id
         WHERE fi.status = 'suggested' ${filter}
       ) ORDER BY statementId, coalesce(beadPosition, 0), kind DESC, id`,
    )
    .all({ ids: JSON.stringify(statementIds), ...search?.params }) as ReportRow[];
}
