// Reads beads for export in pages (keyset pagination), so memory stays flat for any corpus size.
import { CURRENT_TEXTS, q, type Db } from './db.ts';
import type { BeadStatus, FlagRow } from './beads.ts';
import { statementSearch } from './statements.ts';

export interface ExportFilter {
  statementIds?: number[];
  /** The statements the list's search for this text finds (statementSearch); with statementIds, those of them it finds. */
  search?: string;
  status?: 'confirmed' | 'all';
  minConfidence?: number;
  excludeOpenFlags?: boolean;
  pageSize?: number;
}

export interface ExportBead {
  statementId: number;
  title: string;
  date: string | null;
  beadId: number;
  position: number;
  srcLang: string;
  tgtLang: string;
  status: BeadStatus;
  confidence: number;
  src: { n: number; text: string }[];
  tgt: { n: number; text: string }[];
  flags: Omit<FlagRow, 'comments'>[];
}

interface RawExportBead {
  statementId: number;
  title: string;
  date: string | null;
  beadId: number;
  position: number;
  srcLang: string;
  tgtLang: string;
  status: BeadStatus;
  confidence: number;
  alignmentId: number;
}

/**
 * Characters (spaces and line breaks left out, as the aligner counts them) of the current
 * paragraphs of each paired bead of one alignment of a statement, per side: the sentence-level
 * export aligns each bead's sentences at the ratio these give (core medianRatio).
 */
export function pairedLengths(db: Db, statementId: number, srcLang: string, tgtLang: string): { src: number; tgt: number }[] {
  const rows = q(db)
    .prepare(
      `SELECT b.id AS bead, bp.side AS side, SUM(LENGTH(REPLACE(REPLACE(REPLACE(REPLACE(p.content, ' ', ''), char(10), ''), char(13), ''), char(9), ''))) AS chars
       FROM beads b JOIN alignments a ON a.id = b.alignment_id ${CURRENT_TEXTS}
       JOIN bead_paragraphs bp ON bp.bead_id = b.id JOIN paragraphs p ON p.id = bp.paragraph_id
       WHERE a.statement_id = @statementId AND ts.lang = @srcLang AND tt.lang = @tgtLang
       GROUP BY b.id, bp.side`,
    )
    .all({ statementId, srcLang, tgtLang }) as { bead: number; side: 'src' | 'tgt'; chars: number }[];
  const byBead = new Map<number, { src: number; tgt: number }>();
  for (const r of rows) {
    let x = byBead.get(r.bead);
    if (!x) byBead.set(r.bead, (x = { src: 0, tgt: 0 }));
    x[r.side] = r.chars;
  }
  // Beads with both sides only: an omission says nothing of the ratio.
  return [...byBead.values()].filter((x) => x.src > 0 && x.tgt > 0);
}

/** The language pairs (source, target, as stored) of the current alignments of the statements (all when none). */
export function exportPairs(db: Db, statementIds: readonly number[] = []): [string, string][] {
  const rows = q(db)
    .prepare(
      `SELECT ts.lang AS src, tt.lang AS tgt FROM alignments a ${CURRENT_TEXTS}
       WHERE @all OR a.statement_id IN (SELECT value FROM json_each(@ids))
       GROUP BY ts.lang, tt.lang ORDER BY MIN(a.id)`,
    )
    .all({ all: statementIds.length === 0 ? 1 : 0, ids: JSON.stringify(statementIds) }) as { src: string; tgt: string }[];
  return rows.map((r) => [r.src, r.tgt]);
}

export function* iterateExportBeads(db: Db, f: ExportFilter = {}): Generator<ExportBead> {
  const pageSize = f.pageSize ?? 500;
  const where: string[] = ['(a.id > @lastA OR (a.id = @lastA AND b.position > @lastP))'];
  const params: Record<string, unknown> = { limit: pageSize };
  if (f.statementIds && f.statementIds.length > 0) {
    where.push(`s.id IN (SELECT value FROM json_each(@ids))`);
    params.ids = JSON.stringify(f.statementIds);
  }
  const search = f.search === undefined ? null : statementSearch(f.search);
  if (search) {
    where.push(`s.id IN (${search.sql})`);
    Object.assign(params, search.params);
  }
  if (f.status === 'confirmed') where.push(`b.status = 'confirmed'`);
  if (f.minConfidence !== undefined) {
    where.push('b.confidence >= @minConfidence');
    params.minConfidence = f.minConfidence;
  }
  if (f.excludeOpenFlags) where.push(`NOT EXISTS (SELECT 1 FROM flags fl WHERE fl.bead_id = b.id AND fl.status = 'open')`);
  const page = q(db).prepare(
    `SELECT s.id AS statementId, s.title, s.date, b.id AS beadId, b.position, ts.lang AS srcLang, tt.lang AS tgtLang,
            b.status, b.confidence, a.id AS alignmentId
     FROM beads b JOIN alignments a ON a.id = b.alignment_id JOIN statements s ON s.id = a.statement_id ${CURRENT_TEXTS}
     WHERE ${where.join(' AND ')}
     ORDER BY a.id, b.position LIMIT @limit`,
  );
  const members = q(db).prepare(
    `SELECT bp.bead_id AS beadId, bp.side, p.position AS n, p.content AS text
     FROM bead_paragraphs bp JOIN paragraphs p ON p.id = bp.paragraph_id
     WHERE bp.bead_id IN (SELECT value FROM json_each(?)) ORDER BY p.position`,
  );
  const flags = q(db).prepare(
    `SELECT id, bead_id AS beadId, category, severity, comment, author, status, created_at AS createdAt, updated_at AS updatedAt
     FROM flags WHERE bead_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
  );
  let lastA = 0;
  let lastP = 0;
  for (;;) {
    const rows = page.all({ ...params, lastA, lastP }) as RawExportBead[];
    if (rows.length === 0) return;
    const ids = JSON.stringify(rows.map((r) => r.beadId));
    const byId = new Map<number, ExportBead>();
    for (const r of rows) {
      const { alignmentId: _a, ...rest } = r;
      byId.set(r.beadId, { ...rest, src: [], tgt: [], flags: [] });
    }
    for (const m of members.all(ids) as { beadId: number; side: 'src' | 'tgt'; n: number; text: string }[])
      byId.get(m.beadId)![m.side].push({ n: m.n, text: m.text });
    for (const fl of flags.all(ids) as Omit<FlagRow, 'comments'>[]) byId.get(fl.beadId)!.flags.push(fl);
    yield* byId.values();
    const last = rows[rows.length - 1]!;
    lastA = last.alignmentId;
    lastP = last.position;
    if (rows.length < pageSize) return;
  }
}
