// HTTP client for the twintext API (docs/api.md): typed fetch wrappers and the ApiError they throw.

export interface StatementSummary {
  id: number;
  title: string;
  date: string | null;
  languages: string[];
  beads: number;
  confirmed: number;
  openFlags: number;
  createdAt: string;
}

export interface Paragraph {
  id: number;
  n: number;
  text: string;
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
}

export interface Bead {
  id: number;
  position: number;
  version: number;
  status: 'auto' | 'confirmed';
  confidence: number;
  src: Paragraph[];
  tgt: Paragraph[];
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
}

export type EditOp = 'merge' | 'split' | 'move-up' | 'move-down' | 'insert-empty' | 'confirm-above' | 'realign';

export interface EditRequest {
  op: EditOp;
  version: number;
  side?: 'src' | 'tgt';
  at?: { src: number; tgt: number };
}

export interface UndoState {
  canUndo: string | null;
  canRedo: string | null;
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

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
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

export function getMeta(): Promise<Meta> {
  return call('GET', '/api/meta');
}

export function confirmBead(id: number, version: number, confirm: boolean): Promise<{ bead: Bead }> {
  return call('POST', `/api/beads/${id}/${confirm ? 'confirm' : 'unconfirm'}`, { version });
}

export function createFlag(beadId: number, input: { category: string; severity: string; comment: string }): Promise<{ flag: Flag }> {
  return call('POST', `/api/beads/${beadId}/flags`, input);
}

export function updateFlag(id: number, patch: { status?: FlagStatus; comment?: string }): Promise<{ flag: Flag }> {
  return call('PATCH', `/api/flags/${id}`, patch);
}

export function editBead(id: number, req: EditRequest): Promise<UndoState> {
  return call('POST', `/api/beads/${id}/edit`, req);
}

export function undoRedo(alignmentId: number, which: 'undo' | 'redo'): Promise<UndoState> {
  return call('POST', `/api/alignments/${alignmentId}/${which}`);
}

export function undoState(alignmentId: number): Promise<UndoState> {
  return call('GET', `/api/alignments/${alignmentId}/history`);
}

export function exportUrl(format: string, statementId: number, status: 'confirmed' | 'all'): string {
  return `/api/export?format=${encodeURIComponent(format)}&status=${status}&statement=${statementId}`;
}
