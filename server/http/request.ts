// Request parsing shared by the routes: the acting user, ids, bodies, uploaded or pasted texts.
import type { Request, Response } from 'express';
import type { Db } from '../store/db.ts';
import type { OpsOptions } from '../ops/context.ts';
import { hasRole } from '../ops/accounts.ts';
import type { Role, UserRow } from '../store/users.ts';
import type { SourceInfo } from '../ops/import.ts';
import { readStatementBuffer } from '../formats/read.ts';
import { InputError } from '../core/errors.ts';
import { HttpError } from './errors.ts';
import { StatementViews } from './view-cache.ts';

export const SESSION_COOKIE = 'twintext_session';
export const REVIEWER_COOKIE = 'twintext_reviewer';

export function cookie(req: { headers: { cookie?: string } }, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * A header's text: Node hands a header over as Latin-1, one character a byte, so a name sent in UTF-8
 * (田中, as curl and most clients send it) is read back from its bytes; a URI-encoded one is decoded.
 */
function headerText(v: string): string {
  if (/[\u0080-\u00ff]/.test(v) && !/[^\u0000-\u00ff]/.test(v)) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(v, 'latin1'));
    } catch {
      // Not UTF-8: a Latin-1 name (Müller) as it came.
    }
  }
  if (/%[0-9A-Fa-f]{2}/.test(v)) {
    try {
      return decodeURIComponent(v);
    } catch {
      // A lone "%" in a name.
    }
  }
  return v;
}

/** The reviewer's name, required for every write (recorded in the events table). */
export function reviewer(req: Request): string {
  const header = req.header('x-reviewer');
  const name = (header !== undefined ? headerText(header) : cookie(req, REVIEWER_COOKIE) ?? '').trim();
  if (!name) throw new HttpError(400, 'reviewer_required', 'a reviewer name is required (cookie twintext_reviewer or header X-Reviewer)');
  if (name.length > 100) throw new HttpError(400, 'bad_request', 'reviewer name is longer than 100 characters');
  return name;
}

export function idParam(v: unknown, what: string): number {
  const s = String(v);
  if (!/^[1-9]\d{0,15}$/.test(s)) throw new HttpError(400, 'bad_request', `${what} id must be a positive integer, got "${s}"`);
  return Number(s);
}

export function body(req: Request): Record<string, unknown> {
  const b: unknown = req.body;
  if (b === undefined) return {};
  if (typeof b !== 'object' || b === null || Array.isArray(b)) throw new HttpError(400, 'bad_request', 'request body must be a JSON object');
  return b as Record<string, unknown>;
}

/**
 * Refuses a body field the route does not know: a misspelt one ("srclang", "Date") would otherwise be
 * ignored, and the statement stored without what the caller meant (as onlyParams refuses query
 * parameters). `what` says what may be sent, for a route that words it its own way.
 */
export function onlyFields(b: Record<string, unknown>, known: readonly string[], what = `the fields are ${known.map((k) => `"${k}"`).join(', ')}`): void {
  const unknown = Object.keys(b).find((k) => !known.includes(k));
  if (unknown === undefined) return;
  const near = known.find((k) => k.toLowerCase() === unknown.toLowerCase());
  throw new HttpError(400, 'bad_request', `unknown field "${unknown.slice(0, 40)}"${near ? ` (did you mean "${near}"?)` : ''}: ${what}`);
}

/**
 * The texts of a statement from a request body: `texts: {en: "…"}` (pasted) or
 * `files: {en: {name, data}}` (uploaded, base64) read by the same importers as the CLI.
 */
export async function textsOf(b: Record<string, unknown>, exactly?: number): Promise<{ texts: Record<string, string>; sources: Record<string, SourceInfo> }> {
  const texts: Record<string, string> = {};
  const sources: Record<string, SourceInfo> = {};
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (b.texts !== undefined) {
    if (!isObj(b.texts)) throw new HttpError(400, 'bad_request', '"texts" must be an object mapping language codes to text, e.g. {"en": "…", "ko": "…"}');
    for (const [lang, t] of Object.entries(b.texts)) {
      if (typeof t !== 'string') throw new HttpError(400, 'bad_request', `text for "${lang}" must be a string`);
      // Pasted text gets the same validation as a file: control characters refused, a whole page reduced to its body.
      let date: string | null;
      try {
        const r = await readStatementBuffer(Buffer.from(t, 'utf8'), `${lang}.txt`);
        texts[lang] = r.text;
        date = r.date;
      } catch (e) {
        if (e instanceof InputError) throw new InputError(`the pasted ${lang} text: ${e.message}`, e.code === 'too_large' ? 'too_large' : 'bad_input');
        throw e;
      }
      sources[lang] = { name: null, format: 'paste', encoding: 'utf-8', date };
    }
  }
  if (b.files !== undefined) {
    if (!isObj(b.files)) throw new HttpError(400, 'bad_request', '"files" must be an object mapping language codes to {name, data} (data in base64)');
    for (const [lang, f] of Object.entries(b.files)) {
      if (!isObj(f) || typeof f.data !== 'string') throw new HttpError(400, 'bad_request', `file for "${lang}" must be {name, data} with data in base64`);
      if (lang in texts) throw new HttpError(400, 'bad_request', `"${lang}" is given both as text and as a file`);
      const name = typeof f.name === 'string' ? f.name : `${lang}.txt`;
      if (!/^[A-Za-z0-9+/=\s]*$/.test(f.data)) throw new HttpError(400, 'bad_request', `file for "${lang}" is not valid base64`);
      try {
        const r = await readStatementBuffer(Buffer.from(f.data, 'base64'), name);
        texts[lang] = r.text;
        sources[lang] = { name, format: r.format, encoding: r.encoding, date: r.date };
      } catch (e) {
        // Named once: some readers' messages name the file already ("x.docx is not a .docx file").
        if (e instanceof InputError) throw new InputError(e.message.includes(name) ? e.message : `${name}: ${e.message}`, e.code === 'too_large' ? 'too_large' : 'bad_input');
        throw e;
      }
    }
  }
  const n = Object.keys(texts).length;
  if (exactly !== undefined && n !== exactly) throw new HttpError(400, 'bad_request', `send exactly ${exactly} language in "texts" or "files"`);
  if (n === 0) throw new HttpError(400, 'bad_request', 'send the statement as "texts" (pasted) or "files" (uploaded)');
  return { texts, sources };
}

/** The longest search text the statement list, the export and the report take (README, Limits). */
export const MAX_SEARCH = 200;

/**
 * The statement list's search text (`?q=`), as the list, the corpus export and the report take it:
 * one string of at most MAX_SEARCH characters; '' when absent (no search: every statement).
 */
export function searchParam(v: unknown): string {
  if (v === undefined) return '';
  if (typeof v !== 'string') throw new HttpError(400, 'bad_request', '"q" must be one search text, given once');
  if (v.length > MAX_SEARCH) throw new HttpError(400, 'bad_request', `"q": the search text is longer than ${MAX_SEARCH} characters`);
  return v;
}

/** The ids in a repeatable query parameter (`?statement=1&statement=2`). */
export function idList(v: unknown, what: string): number[] {
  return ([] as unknown[]).concat(v ?? []).map((x) => idParam(x, what));
}

export interface RouteContext {
  db: Db;
  ops: OpsOptions;
  accounts: boolean;
  /** Who is acting: the signed-in user (accounts mode, with at least `role`) or the reviewer name. */
  who(req: Request, res: Response, role: Role): string;
  /** Accounts mode: exports and reports are for editors. */
  editorsOnly(req: Request, res: Response): void;
  /** The cached review views. */
  views: StatementViews;
  /** The server's log (its `log` option): what goes wrong after an answer was sent. */
  log: (msg: string) => void;
}

export function routeContext(db: Db, ops: OpsOptions, accounts: boolean, log: (msg: string) => void = (m) => console.error(m)): RouteContext {
  const who = (req: Request, res: Response, role: Role): string => {
    if (!accounts) return reviewer(req);
    const user = res.locals.user as UserRow | undefined;
    if (!user) throw new HttpError(401, 'unauthorized', 'sign in first');
    if (!hasRole(user, role)) throw new HttpError(403, 'forbidden', `this needs the ${role} role; ${user.name} is ${/^[aeiou]/.test(user.role) ? 'an' : 'a'} ${user.role}`);
    return user.name;
  };
  return { db, ops, accounts, who, editorsOnly: (req, res) => void (accounts && who(req, res, 'editor')), views: new StatementViews(db), log };
}
