// Statements, their texts (one per language and version) and paragraphs.
import { CURRENT_TEXTS, q, type Db } from './db.ts';
import { NotFoundError } from '../core/errors.ts';
import { singleSpaced } from '../core/segment.ts';

export interface StatementRow {
  id: number;
  title: string;
  date: string | null;
  sourceUrls: Record<string, string>;
  createdAt: string;
  updatedAt: string;
}

export interface StatementSummary {
  id: number;
  title: string;
  date: string | null;
  languages: string[];
  /** Aligned language pairs (two for a trilateral statement); the counts below are summed over them. */
  pairs: number;
  beads: number;
  confirmed: number;
  openFlags: number;
  /** Suggested findings of the checks at error or warning severity. */
  findings: number;
  /**
   * The web page each language was published at, by language, as an import manifest gave them
   * (`en_url`, `ko_url`): the reviewer checks a doubtful paragraph against the page it came from.
   */
  sourceUrls: Record<string, string>;
  createdAt: string;
}

export interface TextRow {
  id: number;
  statementId: number;
  lang: string;
  version: number;
  isCurrent: boolean;
  body: string;
  sourceName: string | null;
  sourceFormat: string | null;
  sourceEncoding: string | null;
  createdAt: string;
}

export interface ParagraphRow {
  id: number;
  textId: number;
  position: number;
  content: string;
  marker: string | null;
  level: number;
}

export interface NewStatement {
  /** Keep this id (a re-imported corpus) when it is free; otherwise a new one is given. */
  id?: number;
  title: string;
  date: string | null;
  /** Hashes of its texts (see addStatementHashes). */
  hashes: readonly string[];
  sourceUrls?: Record<string, string>;
  at: string;
}

export function insertStatement(db: Db, s: NewStatement): number {
  const id = s.id !== undefined && !q(db).prepare('SELECT 1 FROM statements WHERE id = ?').get(s.id) ? s.id : null;
  const r = q(db)
    .prepare(
      `INSERT INTO statements (id, title, date, source_urls, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(id, s.title, s.date, JSON.stringify(s.sourceUrls ?? {}), s.at, s.at);
  const statementId = Number(r.lastInsertRowid);
  addStatementHashes(db, statementId, s.hashes);
  return statementId;
}

/** Records hashes of texts a statement holds (or held), for finding it when they are imported again. */
export function addStatementHashes(db: Db, statementId: number, hashes: readonly string[]): void {
  const add = q(db).prepare('INSERT OR IGNORE INTO statement_hashes (hash, statement_id) VALUES (?, ?)');
  for (const h of hashes) add.run(h, statementId);
}

/** Statements whose texts changed since their hashes were taken (see migration 11). */
export function listPendingHashes(db: Db): number[] {
  return (q(db).prepare('SELECT statement_id AS id FROM statement_hashes_pending ORDER BY statement_id').all() as { id: number }[]).map((r) => r.id);
}

export function clearPendingHashes(db: Db, statementId: number): void {
  q(db).prepare('DELETE FROM statement_hashes_pending WHERE statement_id = ?').run(statementId);
}

const statementColumns = `id, title, date, source_urls AS sourceUrls,
  created_at AS createdAt, updated_at AS updatedAt`;

function mapStatement(r: Omit<StatementRow, 'sourceUrls'> & { sourceUrls: string }): StatementRow {
  return { ...r, sourceUrls: JSON.parse(r.sourceUrls) as Record<string, string> };
}

export function findStatement(db: Db, id: number): StatementRow | undefined {
  const r = q(db).prepare(`SELECT ${statementColumns} FROM statements WHERE id = ?`).get(id);
  return r ? mapStatement(r as never) : undefined;
}

export function getStatement(db: Db, id: number): StatementRow {
  const s = findStatement(db, id);
  if (!s) throw new NotFoundError(`statement ${id} not found`);
  return s;
}

/** The first statement (by id) that holds or held texts of one of these hashes. */
export function findStatementByHash(db: Db, hashes: readonly string[]): StatementRow | undefined {
  const find = q(db).prepare(
    `SELECT ${statementColumns} FROM statements WHERE id = (SELECT min(statement_id) FROM statement_hashes WHERE hash = ?)`,
  );
  let best: StatementRow | undefined;
  for (const h of hashes) {
    const r = find.get(h);
    if (r && (!best || (r as { id: number }).id < best.id)) best = mapStatement(r as never);
  }
  return best;
}

/** A statement's title and date, as a reviewer corrected them. */
export function setStatementInfo(db: Db, id: number, info: { title: string; date: string | null }, at: string): void {
  q(db).prepare('UPDATE statements SET title = ?, date = ?, updated_at = ? WHERE id = ?').run(info.title, info.date, at, id);
}

export function touchStatement(db: Db, id: number, at: string): void {
  q(db).prepare('UPDATE statements SET updated_at = ? WHERE id = ?').run(at, id);
}

// Alignments between the current texts: those of superseded versions stay in the history and
// are not counted (a new version would otherwise double the beads, flags and findings).
const currentAlignments = `alignments a ${CURRENT_TEXTS}`;

const summarySql = `
  SELECT s.id, s.title, s.date, s.source_urls AS sourceUrls, s.created_at AS createdAt,
    (SELECT group_concat(lang, ',') FROM (SELECT lang FROM texts t WHERE t.statement_id = s.id
       GROUP BY lang HAVING max(t.is_current) = 1 ORDER BY min(t.id))) AS languages,
    (SELECT count(*) FROM ${currentAlignments} WHERE a.statement_id = s.id) AS pairs,
    (SELECT count(*) FROM beads b, ${currentAlignments}
       WHERE a.id = b.alignment_id AND a.statement_id = s.id) AS beads,
    (SELECT count(*) FROM beads b, ${currentAlignments}
       WHERE a.id = b.alignment_id AND a.statement_id = s.id AND b.status = 'confirmed') AS confirmed,
    (SELECT count(*) FROM flags f JOIN beads b ON b.id = f.bead_id, ${currentAlignments}
       WHERE a.id = b.alignment_id AND a.statement_id = s.id AND f.status = 'open') AS openFlags,
    (SELECT count(*) FROM findings fi, ${currentAlignments}
       WHERE a.id = fi.alignment_id AND a.statement_id = s.id AND fi.status = 'suggested' AND fi.severity IN ('error', 'warning')) AS findings
  FROM statements s`;

type RawSummary = Omit<StatementSummary, 'languages' | 'sourceUrls'> & { languages: string | null; sourceUrls: string };
const mapSummary = (r: RawSummary): StatementSummary => ({
  ...r,
  languages: r.languages ? r.languages.split(',') : [],
  sourceUrls: JSON.parse(r.sourceUrls) as Record<string, string>,
});

export function listStatements(db: Db): StatementSummary[] {
  return (q(db).prepare(`${summarySql} ORDER BY coalesce(s.date, s.created_at) DESC, s.id DESC`).all() as RawSummary[]).map(
    mapSummary,
  );
}

export function getStatementSummary(db: Db, id: number): StatementSummary {
  const r = q(db).prepare(`${summarySql} WHERE s.id = ?`).get(id) as RawSummary | undefined;
  if (!r) throw new NotFoundError(`statement ${id} not found`);
  return mapSummary(r);
}

/**
 * The search of the statement list as SQL: a subquery of the ids of the statements whose title or
 * current paragraphs contain `text` (any language), with its named parameters, for a caller to write
 * `s.id IN (${sql})`; null when `text` is empty (every statement). The list (searchStatements), the
 * corpus export and the report (a search's matches) all select statements through it.
 * FTS5 trigram needs 3+ characters; shorter queries (two-syllable Korean words) fall back to LIKE.
 */
export function statementSearch(text: string): { sql: string; params: { searchLike: string; searchFts: string } } | null {
  // Stored texts have single spaces: a doubled space or a no-break space copied from a web page
  // searches as one space.
  const needle = singleSpaced(text);
  if (!needle) return null;
  const searchLike = `%${needle.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
  const byText =
    [...needle].length >= 3
      ? `SELECT t.statement_id FROM paragraphs_fts f JOIN paragraphs p ON p.id = f.rowid
           JOIN texts t ON t.id = p.text_id WHERE paragraphs_fts MATCH @searchFts AND t.is_current = 1`
      : `SELECT t.statement_id FROM paragraphs p JOIN texts t ON t.id = p.text_id
           WHERE p.content LIKE @searchLike ESCAPE '\\' AND t.is_current = 1`;
  const sql = `SELECT st.id FROM statements st WHERE st.title LIKE @searchLike ESCAPE '\\' OR st.id IN (${byText})`;
  return { sql, params: { searchLike, searchFts: '"' + needle.replace(/"/g, '""') + '"' } };
}

/** Statements whose title or current paragraphs contain `text` (any language): see statementSearch. */
export function searchStatements(db: Db, text: string): StatementSummary[] {
  const search = statementSearch(text);
  if (!search) return listStatements(db);
  const sql = `${summarySql} WHERE s.id IN (${search.sql}) ORDER BY coalesce(s.date, s.created_at) DESC, s.id DESC`;
  return (q(db).prepare(sql).all(search.params) as RawSummary[]).map(mapSummary);
}

/**
 * Statements whose current texts contain any of `needles` (ASCII letters folded to lower case, as
 * SQLite's lower() does): a coarse filter, so callers pass pieces short enough to catch inflections.
 */
export function statementsMentioning(db: Db, needles: readonly string[]): number[] {
  const ns = [...new Set(needles.map((n) => n.toLowerCase()).filter(Boolean))];
  if (!ns.length) return [];
  const where = ns.map(() => 'instr(lower(body), ?) > 0').join(' OR ');
  return (q(db).prepare(`SELECT DISTINCT statement_id AS id FROM texts WHERE is_current = 1 AND (${where}) ORDER BY statement_id`).all(...ns) as { id: number }[]).map((r) => r.id);
}

export interface NewText {
  statementId: number;
  lang: string;
  version: number;
  body: string;
  sourceName?: string | null;
  sourceFormat?: string | null;
  sourceEncoding?: string | null;
  at: string;
  /** `position` defaults to the 1-based index; a re-imported corpus keeps its paragraph numbers. */
  paragraphs: { content: string; marker: string | null; level: number; changed?: boolean; position?: number }[];
}

export function insertText(db: Db, t: NewText): { textId: number; paragraphIds: number[] } {
  q(db).prepare('UPDATE texts SET is_current = 0 WHERE statement_id = ? AND lang = ?').run(t.statementId, t.lang);
  const r = q(db)
    .prepare(
      `INSERT INTO texts (statement_id, lang, version, is_current, body, source_name, source_format, source_encoding, created_at)
       VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?)`,
    )
    .run(t.statementId, t.lang, t.version, t.body, t.sourceName ?? null, t.sourceFormat ?? null, t.sourceEncoding ?? null, t.at);
  const textId = Number(r.lastInsertRowid);
  const ins = q(db).prepare('INSERT INTO paragraphs (text_id, position, content, marker, level, changed) VALUES (?, ?, ?, ?, ?, ?)');
  const paragraphIds = t.paragraphs.map((p, i) => Number(ins.run(textId, p.position ?? i + 1, p.content, p.marker, p.level, p.changed ? 1 : 0).lastInsertRowid));
  return { textId, paragraphIds };
}

const textColumns = `id, statement_id AS statementId, lang, version, is_current AS isCurrent, body,
  source_name AS sourceName, source_format AS sourceFormat, source_encoding AS sourceEncoding, created_at AS createdAt`;

/** The current text of each language, in the order the languages came in (the source first), whatever their versions. */
export function listCurrentTexts(db: Db, statementId: number): TextRow[] {
  const rows = q(db)
    .prepare(
      `SELECT ${textColumns} FROM texts t WHERE statement_id = ? AND is_current = 1
       ORDER BY (SELECT min(f.id) FROM texts f WHERE f.statement_id = t.statement_id AND f.lang = t.lang)`,
    )
    .all(statementId) as (Omit<
    TextRow,
    'isCurrent'
  > & { isCurrent: number })[];
  return rows.map((r) => ({ ...r, isCurrent: r.isCurrent === 1 }));
}

export function listTextVersions(db: Db, statementId: number, lang: string): TextRow[] {
  const rows = q(db).prepare(`SELECT ${textColumns} FROM texts WHERE statement_id = ? AND lang = ? ORDER BY version`).all(statementId, lang) as (Omit<
    TextRow,
    'isCurrent'
  > & { isCurrent: number })[];
  return rows.map((r) => ({ ...r, isCurrent: r.isCurrent === 1 }));
}

export function listParagraphs(db: Db, textId: number): ParagraphRow[] {
  return q(db)
    .prepare('SELECT id, text_id AS textId, position, content, marker, level FROM paragraphs WHERE text_id = ? ORDER BY position')
    .all(textId) as ParagraphRow[];
}

export function countRows(db: Db): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of ['statements', 'texts', 'paragraphs', 'alignments', 'beads', 'bead_paragraphs', 'flags', 'events']) {
    out[t] = (q(db).prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  }
  return out;
}

/** Deletes a statement with everything that hangs off it; the events table keeps its history. */
export function deleteStatementRows(db: Db, id: number): void {
  getStatement(db, id);
  // Findings point at the flags they became, and flags refuse to vanish with their beads (no cascade),
  // so both go first, explicitly.
  q(db).prepare('DELETE FROM findings WHERE alignment_id IN (SELECT id FROM alignments WHERE statement_id = ?)').run(id);
  q(db).prepare(
    `DELETE FROM flags WHERE bead_id IN (SELECT b.id FROM beads b JOIN alignments a ON a.id = b.alignment_id WHERE a.statement_id = ?)`,
  ).run(id);
  q(db).prepare('DELETE FROM statements WHERE id = ?').run(id);
}
