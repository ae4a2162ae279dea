// HTTP client for the twintext API (docs/api.md): typed fetch wrappers, the ApiError they throw, and the file encoder for uploads.
// Types only come from the server (erased from the bundle): where a JSON body is a store row, it is declared once.
import type { GlossaryTermRow } from '../server/store/glossary.ts';
import type { ConsistencyFinding } from '../server/ops/checks.ts';

export interface StatementSummary {
  id: number;
  title: string;
  date: string | null;
  languages: string[];
  /** Aligned language pairs (two for a trilateral statement): beads, confirmed, flags and findings are summed over them. */
  pairs?: number;
  beads: number;
  confirmed: number;
  openFlags: number;
  /** Suggested findings at error/warning severity; absent on older servers. */
  findings?: number;
  /** The page each language was published at, as an import manifest gave it (`en_url`); absent on older servers. */
  sourceUrls?: Record<string, string>;
  createdAt: string;
}

export interface Paragraph {
  id: number;
  n: number;
  text: string;
  /** New or changed in the latest version of its text (stays until the row is confirmed). */
  changed?: boolean;
}

export type FlagStatus = 'open' | 'resolved' | 'wontfix';

export interface Flag {
  id: number;
  beadId: number;
  category: string;
  severity: string;
  comment: string;
  author: string;
  status: FlagStatus;
  createdAt: string;
  updatedAt: string;
  /** Sent back with a change: the server refuses (409) a change made from an older version. */
  version: number;
  comments?: FlagComment[];
}

export interface FlagComment {
  id: number;
  author: string;
  body: string;
  createdAt: string;
}

export interface Bead {
  id: number;
  position: number;
  version: number;
  status: 'auto' | 'confirmed';
  confidence: number;
  src: Paragraph[];
  tgt: Paragraph[];
  /** Whether a corpus export holds this row (words on both sides once list markers are off); absent on older servers. */
  exportable?: boolean;
  flags: Flag[];
}

export interface Alignment {
  id: number;
  srcLang: string;
  tgtLang: string;
  beads: Bead[];
  /** The action undo/redo would revert (e.g. "bead.merge"), or null when there is none. */
  canUndo?: string | null;
  canRedo?: string | null;
  /** The events Undo and Redo would revert: sent back, so a change made meanwhile by someone else is never reverted blind. */
  undoEvent?: number | null;
  redoEvent?: number | null;
}

export type EditOp = 'merge' | 'split' | 'move-up' | 'move-down' | 'insert-empty' | 'confirm-above' | 'realign' | 'confirm' | 'unconfirm';

export interface EditRequest {
  op: EditOp;
  version: number;
  side?: 'src' | 'tgt';
  at?: { src: number; tgt: number };
  /** Versions of the rows on screen: the server refuses an edit that would rewrite a row changed since. */
  seen?: Record<string, number>;
}

export interface UndoState {
  canUndo: string | null;
  canRedo: string | null;
  undoEvent?: number | null;
  redoEvent?: number | null;
}

export interface EditResult extends UndoState {
  eventId: number;
  /** The rows the edit wrote. */
  beads: Bead[];
}

export interface Meta {
  flagCategories: string[];
  flagSeverities: string[];
  flagStatuses: string[];
}

/** The API's uniform error body, carried as an exception so callers can branch on `code`/`status`. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
  }
}

/** Set after sign-in in accounts mode; every state-changing call must echo it (the server's CSRF check). */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  let res: Response;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (csrfToken && method !== 'GET') headers['X-CSRF-Token'] = csrfToken;
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError('Cannot reach the server. Check your connection and try again.', 0, 'network');
  }
  let data: unknown = null;
  try {
    data = await res.json();
  } catch {
    // A proxy error page or an empty body: fall through to the status-based message below.
  }
  const obj = (data ?? {}) as { ok?: boolean; error?: unknown; code?: unknown };
  if (!res.ok || obj.ok === false) {
    const message = typeof obj.error === 'string' && obj.error ? obj.error : `Request failed (HTTP ${res.status})`;
    throw new ApiError(message, res.status, typeof obj.code === 'string' ? obj.code : 'http_error');
  }
  return data as T;
}

export function listStatements(q: string): Promise<{ statements: StatementSummary[] }> {
  const qs = q ? `?q=${encodeURIComponent(q)}` : '';
  return call('GET', `/api/statements${qs}`);
}

/** `tgtLang` picks one alignment of a statement with more than two languages; null alignment = one language only. */
export function getStatement(id: number, tgtLang?: string | null): Promise<{ statement: StatementSummary; alignment: Alignment | null }> {
  const qs = tgtLang ? `?lang=${encodeURIComponent(tgtLang)}` : '';
  return call('GET', `/api/statements/${id}${qs}`);
}

/** Corrects a statement's title or date (`date: null` clears it); `base`: the values the page showed. */
export function editStatementInfo(id: number, info: { title?: string; date?: string | null; base: { title?: string; date?: string | null } }): Promise<{ changed: boolean; statement: StatementSummary }> {
  return call('PATCH', `/api/statements/${id}`, info);
}

export function getMeta(): Promise<Meta> {
  return call('GET', '/api/meta');
}

export function confirmBead(id: number, version: number, confirm: boolean): Promise<{ bead: Bead }> {
  return call('POST', `/api/beads/${id}/${confirm ? 'confirm' : 'unconfirm'}`, { version });
}

export function createFlag(beadId: number, input: { category: string; severity: string; comment: string }): Promise<{ flag: Flag }> {
  return call('POST', `/api/beads/${beadId}/flags`, input);
}

export function updateFlag(id: number, patch: { status?: FlagStatus; comment?: string; severity?: string; version: number }): Promise<{ flag: Flag }> {
  return call('PATCH', `/api/flags/${id}`, patch);
}

export function editBead(id: number, req: EditRequest): Promise<EditResult> {
  return call('POST', `/api/beads/${id}/edit`, req);
}

/** `expect`: the event the page means to revert; the server answers 409 if another is now the latest. */
export function undoRedo(alignmentId: number, which: 'undo' | 'redo', expect?: number | null): Promise<UndoState> {
  return call('POST', `/api/alignments/${alignmentId}/${which}`, expect ? { expect } : undefined);
}

export function undoState(alignmentId: number): Promise<UndoState> {
  return call('GET', `/api/alignments/${alignmentId}/history`);
}

/** The sentences inside a row, aligned at the statement's length ratio (docs/api.md). */
export interface BeadSentences {
  beadId: number;
  srcLang: string;
  tgtLang: string;
  src: string[];
  tgt: string[];
  beads: { src: number[]; tgt: number[]; confidence: number }[];
}

export function getBeadSentences(beadId: number): Promise<BeadSentences> {
  return call('GET', `/api/beads/${beadId}/sentences`);
}

/**
 * The statements of an export or a report: one, several by id, every one (an empty list), or the
 * matches of the list's search (`{q}`), which the server finds as the list does, so that the link
 * stays short however many statements match.
 */
export type StatementChoice = number | readonly number[] | { readonly q: string };

/** `&statement=…` for each statement named, or `&q=…` for a search's matches; none for the whole corpus. */
const statementParams = (statements: StatementChoice): string =>
  typeof statements === 'object' && 'q' in statements
    ? statements.q
      ? `&q=${encodeURIComponent(statements.q)}`
      : ''
    : (typeof statements === 'number' ? [statements] : statements).map((id) => `&statement=${id}`).join('');

/** The export of one statement, of several, of a search's matches, or (an empty list) of every statement. */
export function exportUrl(format: string, statements: StatementChoice, status: 'confirmed' | 'all', excludeOpenFlags = false, level: 'paragraph' | 'sentence' = 'paragraph', pair?: string): string {
  return `/api/export?format=${encodeURIComponent(format)}&status=${status}${statementParams(statements)}${excludeOpenFlags ? '&exclude_open_flags=1' : ''}${level === 'sentence' ? '&level=sentence' : ''}${pair ? `&pair=${encodeURIComponent(pair)}` : ''}`;
}

export interface Span {
  paragraphId: number;
  start: number;
  end: number;
  text: string;
}

export type FindingSeverity = 'error' | 'warning' | 'info';

export interface Finding {
  id: number;
  alignmentId: number;
  beadId: number;
  check: string;
  severity: FindingSeverity;
  message: string;
  key: string;
  srcParagraphs: number[];
  tgtParagraphs: number[];
  spans: { src: Span[]; tgt: Span[] };
  status: 'suggested' | 'accepted' | 'dismissed';
  flagId: number | null;
}

export interface EventRecord {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: number;
  before: unknown;
  after: unknown;
}

export type DiffOp = ['=' | '-' | '+', string];

export interface ParagraphEdit {
  eventId: number;
  at: string;
  actor: string;
  before: string;
  after: string;
  diff: DiffOp[];
}

export interface VersionInfo {
  version: number;
  isCurrent: boolean;
  createdAt: string;
  sourceName: string | null;
  sourceFormat: string | null;
  sourceEncoding: string | null;
}

export type DiffParagraph =
  | { kind: 'same' | 'added' | 'removed'; text: string }
  | { kind: 'changed'; before: string; after: string; words: DiffOp[] };

export interface TextDiff {
  lang: string;
  from: number;
  to: number;
  paragraphs: DiffParagraph[];
}

/** A glossary term as the API returns it: the store's row, one definition for both sides. */
export type GlossaryTerm = GlossaryTermRow;

/** Uploaded file: `data` is base64 so any encoding (EUC-KR, UTF-16, .docx) survives the JSON body. */
export interface UploadFile {
  name: string;
  data: string;
}

/** Read a chosen file as base64 for the JSON body; a data: URL is the one FileReader result that already is base64. */
export function fileToUpload(file: File): Promise<UploadFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve({ name: file.name, data: url.slice(url.indexOf(',') + 1) });
    };
    reader.onerror = () => reject(new Error(`Could not read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

/** `srcLang`: the language the others are aligned to (default: English if present, else the first); `languages`: the versions' order. */
export type ImportBody = { title?: string; date?: string; srcLang?: string; languages?: string[]; ifOverlap?: 'ask' } & ({ texts: Record<string, string> } | { files: Record<string, UploadFile> });

/**
 * `overlap`: with `ifOverlap: 'ask'`, two of the texts are already a statement (`alsoIn`, and
 * `statement` is it) and nothing was stored.
 */
export function importStatement(body: ImportBody): Promise<{ created: boolean; statement: StatementSummary; overlap?: boolean; alsoIn?: { statementId: number; langs: string[] }[] }> {
  return call('POST', '/api/statements', body);
}

/** One glossary term rendered differently across statements, with the rows where each rendering is used. */
export type ConsistencyWarning = ConsistencyFinding;

/** Reads the whole corpus on the server: called on request, not on every page load. */
export function getConsistency(): Promise<{ findings: ConsistencyWarning[] }> {
  return call('GET', '/api/consistency');
}

export function getFindings(statementId: number): Promise<{ findings: Finding[] }> {
  return call('GET', `/api/statements/${statementId}/findings`);
}

export function runChecks(statementId: number): Promise<{ findings: Finding[] }> {
  return call('POST', `/api/statements/${statementId}/checks`);
}

export function decideFinding(id: number, verdict: 'accept' | 'dismiss' | 'restore'): Promise<{ finding: Finding }> {
  return call('POST', `/api/findings/${id}/${verdict}`);
}

/** Every event of one flag (its history), however long the statement's own list. */
export function getFlagEvents(id: number): Promise<{ events: EventRecord[] }> {
  return call('GET', `/api/flags/${id}/events`);
}

export function commentOnFlag(id: number, body: string): Promise<{ flag: Flag }> {
  return call('POST', `/api/flags/${id}/comments`, { body });
}

/**
 * `base` is the text the editor started from: the server refuses (409) if the paragraph has changed since.
 * `alignment` is the page's alignment: the edit joins its undo history (a trilateral source paragraph is in two).
 */
export function editParagraph(id: number, content: string, base: string, alignment?: number): Promise<{ eventId: number; history: ParagraphEdit[] }> {
  return call('PATCH', `/api/paragraphs/${id}`, alignment === undefined ? { content, base } : { content, base, alignment });
}

export function paragraphHistory(id: number): Promise<{ history: ParagraphEdit[] }> {
  return call('GET', `/api/paragraphs/${id}/history`);
}

export function getVersions(statementId: number): Promise<{ versions: Record<string, VersionInfo[]> }> {
  return call('GET', `/api/statements/${statementId}/versions`);
}

export function uploadVersion(
  statementId: number,
  body: ({ texts: Record<string, string> } | { files: Record<string, UploadFile> }) & { newLanguage?: boolean; date?: string },
): Promise<{ lang: string; version: number; unchanged: number; changed: number; carriedBeads: number; added?: boolean; removed?: number; editsKept?: number; editsReplaced?: number[] }> {
  return call('POST', `/api/statements/${statementId}/versions`, body);
}

export function getDiff(statementId: number, lang: string): Promise<{ diff: TextDiff }> {
  return call('GET', `/api/statements/${statementId}/diff?lang=${encodeURIComponent(lang)}`);
}

export function listGlossary(): Promise<{ terms: GlossaryTerm[] }> {
  return call('GET', '/api/glossary');
}

export function saveGlossaryTerm(id: number | null, body: { terms: Record<string, string[]>; note: string }): Promise<{ term: GlossaryTerm }> {
  return id === null ? call('POST', '/api/glossary', body) : call('PATCH', `/api/glossary/${id}`, body);
}

export function deleteGlossaryTerm(id: number): Promise<{ ok: true }> {
  return call('DELETE', `/api/glossary/${id}`);
}

/**
 * The report of one statement, of several, of a search's matches, or (an empty list) of every
 * statement; with `info`, the checks' informational suggestions too (as the page shows them).
 */
export function reportUrl(statements: StatementChoice, info = false): string {
  return `/api/report?format=html${statementParams(statements)}${info ? '&info=1' : ''}`;
}

export interface SessionUser {
  name: string;
  role: string;
}

export interface Me {
  accounts: boolean;
  user: SessionUser | null;
  csrfToken: string | null;
}

export function getMe(): Promise<Me> {
  return call('GET', '/api/me');
}

export function login(name: string, password: string): Promise<{ user: SessionUser; csrfToken: string }> {
  return call('POST', '/api/login', { name, password });
}

export function logout(): Promise<{ ok: true }> {
  return call('POST', '/api/logout');
}
