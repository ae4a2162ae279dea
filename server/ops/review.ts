// Use cases of the review page: read a statement's alignment, confirm beads, flag and resolve.
import type { Db } from '../store/db.ts';
import { ConflictError, InputError, NotFoundError } from '../core/errors.ts';
import { baseLanguage } from '../core/lang.ts';
import { getStatement, getStatementSummary, deleteStatementRows, setStatementInfo, type StatementSummary } from '../store/statements.ts';
import {
  listAlignments,
  listBeads,
  statementOfBead,
  beadPosition,
  requireCurrentAlignment,
  insertFlag,
  insertFlagComment,
  getFlag,
  updateFlag as storeUpdateFlag,
  type BeadRow,
  type FlagRow,
  type FlagStatus,
  type AlignmentRow,
} from '../store/beads.ts';
import { recordEvent } from '../store/events.ts';
import { checkStatementDate, nowIso, type OpsOptions } from './context.ts';
import { hasControlChar, singleSpaced } from '../core/segment.ts';
import { LIMITS } from './import.ts';
import { editAlignment, undoRedoState } from './edit.ts';
import type { EditorCheck } from './checks.ts';

export const FLAG_CATEGORIES = ['omission', 'addition', 'meaning', 'number', 'name', 'terminology', 'style', 'alignment'] as const;
export const FLAG_SEVERITIES = ['minor', 'major', 'critical'] as const;
export const FLAG_STATUSES = ['open', 'resolved', 'wontfix'] as const;
export const MAX_COMMENT_CHARS = 10_000;
const STATUS_WORDS: Record<FlagStatus, string> = { open: 'open', resolved: 'resolved', wontfix: "won't fix" };

export interface StatementView {
  statement: StatementSummary;
  alignment: (Pick<AlignmentRow, 'id' | 'srcLang' | 'tgtLang'> & { beads: BeadRow[]; canUndo: string | null; canRedo: string | null }) | null;
}

export function getStatementView(db: Db, statementId: number, tgtLang?: string): StatementView {
  const statement = getStatementSummary(db, statementId);
  const alignments = listAlignments(db, statementId);
  // The pair into that tag, else into its language: "ja" opens the pair into a text stored as ja-JP.
  const a = (tgtLang ? alignments.find((x) => x.tgtLang === tgtLang) ?? alignments.find((x) => baseLanguage(x.tgtLang) === baseLanguage(tgtLang)) : alignments[0]) ?? null;
  if (tgtLang && !a) throw new NotFoundError(`statement ${statementId} has no alignment into "${tgtLang}"`);
  return {
    statement,
    alignment: a ? { id: a.id, srcLang: a.srcLang, tgtLang: a.tgtLang, beads: listBeads(db, a.id), ...undoRedoState(db, a.id) } : null,
  };
}

export function setBeadConfirmed(db: Db, beadId: number, confirmed: boolean, version: unknown, actor: string, opts: OpsOptions = {}): BeadRow {
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new InputError('"version" must be the bead\'s current version (a positive integer)');
  return editAlignment(db, { op: confirmed ? 'confirm' : 'unconfirm', beadId, version }, actor, opts).beads[0]!;
}

export interface FlagInput {
  category?: unknown;
  severity?: unknown;
  comment?: unknown;
}

function oneOf<T extends string>(name: string, v: unknown, allowed: readonly T[]): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v))
    throw new InputError(`"${name}" must be one of ${allowed.join(', ')}`);
  return v as T;
}

function comment(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw new InputError('"comment" must be a string');
  if (v.length > MAX_COMMENT_CHARS) throw new InputError(`"comment" is longer than ${MAX_COMMENT_CHARS} characters`);
  return v.trim();
}

/** A flag saved, commented or changed on a row of an older version is refused (see requireCurrentAlignment). */
function requireCurrentRow(db: Db, beadId: number): void {
  const { alignmentId, position } = beadPosition(db, beadId);
  requireCurrentAlignment(db, alignmentId, `row ${position}`);
}

export function addFlag(db: Db, beadId: number, input: FlagInput, actor: string, opts: OpsOptions = {}): FlagRow {
  const category = oneOf('category', input.category, FLAG_CATEGORIES);
  const severity = input.severity === undefined ? 'major' : oneOf('severity', input.severity, FLAG_SEVERITIES);
  const text = comment(input.comment);
  return db.transaction(() => {
    const statementId = statementOfBead(db, beadId);
    requireCurrentRow(db, beadId);
    const at = nowIso(opts);
    const flag = insertFlag(db, { beadId, category, severity, comment: text, author: actor, at });
    recordEvent(db, { at, actor, action: 'flag.create', statementId, entity: 'flag', entityId: flag.id, after: flag });
    return flag;
  }).immediate();
}

export function commentOnFlag(db: Db, flagId: number, input: { body?: unknown }, actor: string, opts: OpsOptions = {}): FlagRow {
  const text = comment(input.body);
  if (!text) throw new InputError('"body" must be a non-empty comment');
  return db
    .transaction(() => {
      const flag = getFlag(db, flagId);
      requireCurrentRow(db, flag.beadId);
      const at = nowIso(opts);
      const id = insertFlagComment(db, { flagId, author: actor, body: text, at });
      recordEvent(db, { at, actor, action: 'flag.comment', statementId: statementOfBead(db, flag.beadId), entity: 'flag', entityId: flagId, after: { commentId: id, body: text } });
      return getFlag(db, flagId);
    })
    .immediate();
}

const FLAG_CHANGE_FIELDS = ['status', 'comment', 'severity', 'version'];

/**
 * Changes a flag's status, note and/or severity. `version` is the flag's version the change was made
 * from: if another reviewer changed the flag since, the change is refused (409) rather than
 * overwriting theirs. Changing the status, lowering the severity, and changing anything of a flag
 * that is closed (resolved or won't fix) are an editor's decisions (`editorDecision`): a closed flag
 * is the editor's record of how it was settled, and playing a problem down is the editor's call,
 * while anyone who finds it worse may raise it. The thread (commentOnFlag) stays open to everyone.
 * A change that changes nothing is no change: the flag is returned as it is.
 */
export function changeFlag(
  db: Db, flagId: number, input: Record<string, unknown>, actor: string, opts: OpsOptions = {}, editorDecision?: EditorCheck,
): FlagRow {
  const unknown = Object.keys(input).filter((k) => !FLAG_CHANGE_FIELDS.includes(k));
  if (unknown.length)
    throw new InputError(`a flag has no ${unknown.map((k) => JSON.stringify(k)).join(', ')} to change: send "status", "comment" and/or "severity", with "version"`);
  const status = input.status === undefined ? undefined : oneOf<FlagStatus>('status', input.status, FLAG_STATUSES);
  const text = input.comment === undefined ? undefined : comment(input.comment);
  const severity = input.severity === undefined ? undefined : oneOf('severity', input.severity, FLAG_SEVERITIES);
  if (status === undefined && text === undefined && severity === undefined) throw new InputError('nothing to change: send "status", "comment" and/or "severity"');
  const version = input.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new InputError('"version" must be the flag\'s current version (a positive integer)');
  return db.transaction(() => {
    const before = getFlag(db, flagId);
    requireCurrentRow(db, before.beadId);
    if (before.version !== version)
      throw new ConflictError(`flag ${flagId} was changed by someone else since you loaded it (version ${before.version}, you sent ${version})`);
    // Sending what the flag already says (a page's second click, a form saved unchanged) writes nothing:
    // no new version for other pages to conflict with, no event in its history.
    if ((status ?? before.status) === before.status && (text ?? before.comment) === before.comment && (severity ?? before.severity) === before.severity) return before;
    if (before.status !== 'open') editorDecision?.(`changing a flag marked ${STATUS_WORDS[before.status]}`);
    if (status !== undefined && status !== before.status) editorDecision?.(status === 'open' ? 'reopening a flag' : `marking a flag ${STATUS_WORDS[status]}`);
    const rank = (x: string) => (FLAG_SEVERITIES as readonly string[]).indexOf(x);
    if (severity !== undefined && rank(severity) < rank(before.severity)) editorDecision?.(`lowering a flag's severity from ${before.severity} to ${severity}`);
    const at = nowIso(opts);
    const after = storeUpdateFlag(db, flagId, { status, comment: text, severity }, at);
    recordEvent(db, {
      at,
      actor,
      action: 'flag.update',
      statementId: statementOfBead(db, before.beadId),
      entity: 'flag',
      entityId: flagId,
      before: { status: before.status, comment: before.comment, severity: before.severity },
      after: { status: after.status, comment: after.comment, severity: after.severity },
    });
    return after;
  }).immediate();
}

/** Deletes a statement (admin): texts, alignments, flags and findings go; the history stays in events. */
/**
 * Corrects a statement's title or date (`date: null` clears it): one transaction and one event with
 * both before and after, or nothing at all when they are already so. Titles are single-spaced as
 * imports store them. `base` holds the values the change was made from (a page's): a field someone
 * changed since is a conflict, not silently put back.
 */
export function editStatementInfo(
  db: Db, statementId: number, input: { title?: unknown; date?: unknown; base?: unknown }, actor: string, opts: OpsOptions = {},
): { changed: boolean; statement: StatementSummary } {
  if (input.title === undefined && input.date === undefined) throw new InputError('give a "title" or a "date" to change');
  const base = input.base;
  if (base !== undefined && (typeof base !== 'object' || base === null || Array.isArray(base)))
    throw new InputError('"base" must hold the title and date the change was made from, e.g. {"title": "…", "date": null}');
  let title: string | undefined;
  if (input.title !== undefined) {
    if (typeof input.title !== 'string') throw new InputError('"title" must be a string');
    if (hasControlChar(input.title)) throw new InputError('the title contains control characters (such as NUL or ESC); type or paste it again');
    title = singleSpaced(input.title);
    if (!title) throw new InputError('a statement\'s title cannot be empty');
    if (title.length > LIMITS.maxTitleChars) throw new InputError(`the title has ${title.length} characters; the limit is ${LIMITS.maxTitleChars}`);
  }
  let date: string | null | undefined;
  if (input.date !== undefined) {
    if (input.date !== null && typeof input.date !== 'string') throw new InputError('"date" must be a date as YYYY-MM-DD, or null to clear it');
    date = input.date === null || input.date.trim() === '' ? null : input.date.trim();
    if (date !== null) checkStatementDate(date);
  }
  return db.transaction(() => {
    const s = getStatement(db, statementId);
    const before = { title: s.title, date: s.date };
    for (const k of ['title', 'date'] as const) {
      // Read as the change is read: spaces collapsed in a title, an empty date as none.
      const raw = (base as Record<string, unknown> | undefined)?.[k];
      const was = typeof raw !== 'string' ? raw : k === 'title' ? singleSpaced(raw) : raw.trim() || null;
      if (input[k] !== undefined && was !== undefined && was !== before[k])
        throw new ConflictError(`the ${k} of statement ${statementId} was changed by someone else meanwhile (it is now ${before[k] === null ? 'empty' : JSON.stringify(before[k])}); reload to see it`);
    }
    const after = { title: title ?? s.title, date: date === undefined ? s.date : date };
    if (after.title === before.title && after.date === before.date) return { changed: false, statement: getStatementSummary(db, statementId) };
    const at = nowIso(opts);
    setStatementInfo(db, statementId, after, at);
    recordEvent(db, { at, actor, action: 'statement.edit', statementId, entity: 'statement', entityId: statementId, before, after });
    return { changed: true, statement: getStatementSummary(db, statementId) };
  }).immediate();
}

export function deleteStatement(db: Db, statementId: number, actor: string, opts: OpsOptions = {}): void {
  db.transaction(() => {
    const before = getStatementSummary(db, statementId);
    deleteStatementRows(db, statementId);
    recordEvent(db, { at: nowIso(opts), actor, action: 'statement.delete', statementId, entity: 'statement', entityId: statementId, before });
  }).immediate();
}
