// Builds the Express app (never listens by itself): API routes, the web shell and static assets, one error handler last.
import express, { type Request, type Response, type Router } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Db } from '../store/db.ts';
import { listStatements, searchStatements, listTextVersions } from '../store/statements.ts';
import { listEvents, statementRevision } from '../store/events.ts';
import { importStatement, type SourceInfo } from '../ops/import.ts';
import { importVersion, diffVersions } from '../ops/versions.ts';
import { listGlossary, addGlossaryTerm, changeGlossaryTerm, removeGlossaryTerm } from '../ops/glossary.ts';
import { readStatementBuffer } from '../formats/read.ts';
import { InputError } from '../core/errors.ts';
import { login, logout, sessionOf, hasRole, SESSION_HOURS } from '../ops/accounts.ts';
import type { Role, UserRow } from '../store/users.ts';
import { deleteStatement } from '../ops/review.ts';
import { getStatementView, setBeadConfirmed, addFlag, changeFlag, commentOnFlag, FLAG_CATEGORIES, FLAG_SEVERITIES, FLAG_STATUSES } from '../ops/review.ts';
import { exportCorpus } from '../ops/export.ts';
import { buildReport } from '../ops/report.ts';
import { runStatementChecks, statementFindings, decideFinding, corpusConsistency } from '../ops/checks.ts';
import { editAlignment, editParagraph, paragraphHistory, undoRedo, undoRedoState, type EditRequest } from '../ops/edit.ts';
import { repoRoot, type OpsOptions } from '../ops/context.ts';
import { isExportFormat } from '../formats/export/index.ts';
import { HttpError, errorHandler, sendError } from './errors.ts';

export interface AppDeps {
  db: Db;
  ops?: OpsOptions;
  webRoot?: string;
  log?: (msg: string) => void;
  /** Maximum JSON body size (express/bytes syntax). */
  bodyLimit?: string;
  /** Receives one structured entry per request (no statement text, no query strings). */
  requestLog?: (entry: RequestLogEntry) => void;
  /** Accounts mode (required beyond loopback): sessions, roles, CSRF. */
  accounts?: boolean;
}

export interface RequestLogEntry {
  at: string;
  id: string;
  method: string;
  route: string;
  status: number;
  ms: number;
  reviewer: boolean;
}

const REVIEWER_COOKIE = 'twintext_reviewer';

function cookie(req: Request, name: string): string | undefined {
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

/** The reviewer's name, required for every write (recorded in the events table). */
export function reviewer(req: Request): string {
  const name = (req.header('x-reviewer') ?? cookie(req, REVIEWER_COOKIE) ?? '').trim();
  if (!name) throw new HttpError(400, 'reviewer_required', 'a reviewer name is required (cookie twintext_reviewer or header X-Reviewer)');
  if (name.length > 100) throw new HttpError(400, 'bad_request', 'reviewer name is longer than 100 characters');
  return name;
}

export function idParam(v: unknown, what: string): number {
  const s = String(v);
  if (!/^[1-9]\d{0,15}$/.test(s)) throw new HttpError(400, 'bad_request', `${what} id must be a positive integer, got "${s}"`);
  return Number(s);
}

function body(req: Request): Record<string, unknown> {
  const b: unknown = req.body;
  if (b === undefined) return {};
  if (typeof b !== 'object' || b === null || Array.isArray(b)) throw new HttpError(400, 'bad_request', 'request body must be a JSON object');
  return b as Record<string, unknown>;
}

/**
 * The texts of a statement from a request body: `texts: {en: "…"}` (pasted) or
 * `files: {en: {name, data}}` (uploaded, base64) read by the same importers as the CLI.
 */
async function textsOf(b: Record<string, unknown>, exactly?: number): Promise<{ texts: Record<string, string>; sources: Record<string, SourceInfo> }> {
  const texts: Record<string, string> = {};
  const sources: Record<string, SourceInfo> = {};
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (b.texts !== undefined) {
    if (!isObj(b.texts)) throw new HttpError(400, 'bad_request', '"texts" must be an object mapping language codes to text, e.g. {"en": "…", "ko": "…"}');
    for (const [lang, t] of Object.entries(b.texts)) {
      if (typeof t !== 'string') throw new HttpError(400, 'bad_request', `text for "${lang}" must be a string`);
      // Pasted text gets the same validation as a file: control characters refused, a whole page reduced to its body.
      try {
        texts[lang] = (await readStatementBuffer(Buffer.from(t, 'utf8'), `${lang}.txt`)).text;
      } catch (e) {
        if (e instanceof InputError) throw new InputError(`the pasted ${lang} text: ${e.message}`, e.code === 'too_large' ? 'too_large' : 'bad_input');
        throw e;
      }
      sources[lang] = { name: null, format: 'paste', encoding: 'utf-8' };
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
        sources[lang] = { name, format: r.format, encoding: r.encoding };
      } catch (e) {
        if (e instanceof InputError) throw new InputError(`${name}: ${e.message}`, e.code === 'too_large' ? 'too_large' : 'bad_input');
        throw e;
      }
    }
  }
  const n = Object.keys(texts).length;
  if (exactly !== undefined && n !== exactly) throw new HttpError(400, 'bad_request', `send exactly ${exactly} language in "texts" or "files"`);
  if (n === 0) throw new HttpError(400, 'bad_request', 'send the statement as "texts" (pasted) or "files" (uploaded)');
  return { texts, sources };
}

export function apiRouter(deps: AppDeps): Router {
  const { db } = deps;
  const ops = deps.ops ?? {};
  const r = express.Router();
  /** Who is acting: the signed-in user (accounts mode, with at least `role`) or the reviewer name. */
  const who = (req: Request, res: Response, role: Role): string => {
    if (!deps.accounts) return reviewer(req);
    const user = res.locals.user as UserRow | undefined;
    if (!user) throw new HttpError(401, 'unauthorized', 'sign in first');
    if (!hasRole(user, role)) throw new HttpError(403, 'forbidden', `this needs the ${role} role; ${user.name} is a ${user.role}`);
    return user.name;
  };
  const editorsOnly = (_req: Request, res: Response) => {
    if (deps.accounts) who(_req, res, 'editor');
  };

  r.post('/login', (req, res) => {
    if (!deps.accounts) throw new HttpError(400, 'bad_request', 'this server runs without accounts (loopback, single user)');
    const b = body(req);
    const s = login(db, b.name, b.password, ops);
    if (!s) throw new HttpError(401, 'unauthorized', 'wrong name or password');
    const secure = req.secure || req.header('x-forwarded-proto') === 'https' ? '; Secure' : '';
    res.setHeader('Set-Cookie', `${SESSION_COOKIE}=${s.token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_HOURS * 3600}${secure}`);
    res.json({ ok: true, user: { name: s.user.name, role: s.user.role }, csrfToken: s.csrf });
  });

  r.post('/logout', (req, res) => {
    const token = cookie(req, SESSION_COOKIE);
    if (token) logout(db, token);
    res.setHeader('Set-Cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`);
    res.json({ ok: true });
  });

  r.get('/me', (_req, res) => {
    const user = res.locals.user as UserRow | undefined;
    res.json({ ok: true, accounts: Boolean(deps.accounts), user: user ? { name: user.name, role: user.role } : null, csrfToken: res.locals.csrf ?? null });
  });

  r.delete('/statements/:id', (req, res) => {
    const actor = who(req, res, 'admin');
    deleteStatement(db, idParam(req.params.id, 'statement'), actor, ops);
    res.json({ ok: true });
  });

  r.get('/meta', (_req, res) => {
    res.json({ ok: true, flagCategories: FLAG_CATEGORIES, flagSeverities: FLAG_SEVERITIES, flagStatuses: FLAG_STATUSES });
  });

  r.get('/statements', (req, res) => {
    const q = typeof req.query.q === 'string' ? req.query.q : '';
    if (q.length > 200) throw new HttpError(400, 'bad_request', 'search text is longer than 200 characters');
    res.json({ ok: true, statements: q ? searchStatements(db, q) : listStatements(db) });
  });

  r.post('/statements', async (req, res) => {
    const actor = who(req, res, 'translator');
    const b = body(req);
    for (const k of ['title', 'date'] as const)
      if (b[k] !== undefined && b[k] !== null && typeof b[k] !== 'string') throw new HttpError(400, 'bad_request', `"${k}" must be a string`);
    const { texts, sources } = await textsOf(b);
    const { statementId, created } = importStatement(
      db,
      { title: b.title as string | undefined, date: b.date as string | undefined, texts, sources },
      actor,
      ops,
    );
    res.status(created ? 201 : 200).json({ ok: true, created, statement: getStatementView(db, statementId).statement });
  });

  // The review page's hot read: the rendered JSON is cached per statement revision (the id of its
  // newest event), so repeated reads cost one indexed lookup until something changes.
  const views = new Map<string, { rev: number; json: string }>();
  r.get('/statements/:id', (req, res) => {
    const id = idParam(req.params.id, 'statement');
    const lang = typeof req.query.lang === 'string' ? req.query.lang : undefined;
    const key = `${id}:${lang ?? ''}`;
    const rev = statementRevision(db, id);
    let hit = views.get(key);
    if (!hit || hit.rev !== rev) {
      hit = { rev, json: JSON.stringify({ ok: true, ...getStatementView(db, id, lang) }) };
      views.delete(key);
      views.set(key, hit);
      if (views.size > 200) views.delete(views.keys().next().value!);
    }
    res.type('application/json').send(hit.json);
  });

  r.post('/statements/:id/versions', async (req, res) => {
    const actor = who(req, res, 'translator');
    const id = idParam(req.params.id, 'statement');
    const b = body(req);
    const { texts, sources } = await textsOf(b, 1);
    const [lang, text] = Object.entries(texts)[0]!;
    const version = importVersion(db, id, lang, text, actor, { ...ops, source: sources[lang] });
    res.status(201).json({ ok: true, lang, ...version });
  });

  r.get('/statements/:id/versions', (req, res) => {
    const id = idParam(req.params.id, 'statement');
    const statement = getStatementView(db, id).statement;
    const versions = Object.fromEntries(
      statement.languages.map((l) => [
        l,
        listTextVersions(db, id, l).map((t) => ({ version: t.version, isCurrent: t.isCurrent, createdAt: t.createdAt, sourceName: t.sourceName, sourceFormat: t.sourceFormat, sourceEncoding: t.sourceEncoding })),
      ]),
    );
    res.json({ ok: true, versions });
  });

  r.get('/statements/:id/diff', (req, res) => {
    const id = idParam(req.params.id, 'statement');
    const lang = String(req.query.lang ?? '');
    const num = (v: unknown, name: string) => {
      if (v === undefined) return undefined;
      if (!/^[1-9]\d{0,5}$/.test(String(v))) throw new HttpError(400, 'bad_request', `"${name}" must be a version number`);
      return Number(v);
    };
    res.json({ ok: true, diff: diffVersions(db, id, lang, num(req.query.from, 'from'), num(req.query.to, 'to')) });
  });

  r.post('/statements/:id/checks', (req, res) => {
    const actor = who(req, res, 'translator');
    const id = idParam(req.params.id, 'statement');
    runStatementChecks(db, id, actor, ops);
    res.json({ ok: true, findings: statementFindings(db, id) });
  });

  r.get('/consistency', (req, res) => {
    const src = typeof req.query.src === 'string' ? req.query.src : 'en';
    const tgt = typeof req.query.tgt === 'string' ? req.query.tgt : 'ko';
    res.json({ ok: true, findings: corpusConsistency(db, src, tgt, ops) });
  });

  r.get('/statements/:id/findings', (req, res) => {
    res.json({ ok: true, findings: statementFindings(db, idParam(req.params.id, 'statement')) });
  });

  for (const verdict of ['accept', 'dismiss'] as const) {
    r.post(`/findings/:id/${verdict}`, (req, res) => {
      const actor = who(req, res, 'translator');
      res.json({ ok: true, finding: decideFinding(db, idParam(req.params.id, 'finding'), verdict, actor, ops) });
    });
  }

  r.get('/statements/:id/events', (req, res) => {
    const id = idParam(req.params.id, 'statement');
    getStatementView(db, id); // 404 for an unknown statement
    res.json({ ok: true, events: listEvents(db, id) });
  });

  for (const [path, confirmed] of [['confirm', true], ['unconfirm', false]] as const) {
    r.post(`/beads/:id/${path}`, (req, res) => {
      const actor = who(req, res, 'translator');
      const bead = setBeadConfirmed(db, idParam(req.params.id, 'bead'), confirmed, body(req).version, actor, ops);
      res.json({ ok: true, bead });
    });
  }

  r.post('/beads/:id/edit', (req, res) => {
    const actor = who(req, res, 'translator');
    const b = body(req);
    const result = editAlignment(db, { ...(b as unknown as EditRequest), beadId: idParam(req.params.id, 'bead') }, actor, ops);
    res.json({ ok: true, eventId: result.eventId, beads: result.beads, ...undoRedoState(db, result.alignmentId) });
  });

  for (const which of ['undo', 'redo'] as const) {
    r.post(`/alignments/:id/${which}`, (req, res) => {
      const actor = who(req, res, 'translator');
      const id = idParam(req.params.id, 'alignment');
      const { eventId, undid } = undoRedo(db, id, which, actor, ops);
      res.json({ ok: true, eventId, [which === 'undo' ? 'undid' : 'redid']: undid, ...undoRedoState(db, id) });
    });
  }

  r.get('/alignments/:id/history', (req, res) => {
    res.json({ ok: true, ...undoRedoState(db, idParam(req.params.id, 'alignment')) });
  });

  r.patch('/paragraphs/:id', (req, res) => {
    const actor = who(req, res, 'translator');
    const id = idParam(req.params.id, 'paragraph');
    const { eventId } = editParagraph(db, id, body(req).content, actor, ops);
    res.json({ ok: true, eventId, history: paragraphHistory(db, id) });
  });

  r.get('/paragraphs/:id/history', (req, res) => {
    res.json({ ok: true, history: paragraphHistory(db, idParam(req.params.id, 'paragraph')) });
  });

  r.get('/glossary', (_req, res) => {
    res.json({ ok: true, terms: listGlossary(db, ops) });
  });

  r.post('/glossary', (req, res) => {
    const actor = who(req, res, 'editor');
    res.status(201).json({ ok: true, term: addGlossaryTerm(db, body(req), actor, ops) });
  });

  r.patch('/glossary/:id', (req, res) => {
    const actor = who(req, res, 'editor');
    res.json({ ok: true, term: changeGlossaryTerm(db, idParam(req.params.id, 'glossary term'), body(req), actor, ops) });
  });

  r.delete('/glossary/:id', (req, res) => {
    const actor = who(req, res, 'editor');
    removeGlossaryTerm(db, idParam(req.params.id, 'glossary term'), actor, ops);
    res.json({ ok: true });
  });

  r.post('/beads/:id/flags', (req, res) => {
    const actor = who(req, res, 'translator');
    const flag = addFlag(db, idParam(req.params.id, 'bead'), body(req), actor, ops);
    res.status(201).json({ ok: true, flag });
  });

  r.post('/flags/:id/comments', (req, res) => {
    const actor = who(req, res, 'translator');
    res.status(201).json({ ok: true, flag: commentOnFlag(db, idParam(req.params.id, 'flag'), body(req), actor, ops) });
  });

  r.patch('/flags/:id', (req, res) => {
    const actor = who(req, res, body(req).status === undefined ? 'translator' : 'editor');
    const flag = changeFlag(db, idParam(req.params.id, 'flag'), body(req), actor, ops);
    res.json({ ok: true, flag });
  });

  r.get('/report', (req, res) => {
    editorsOnly(req, res);
    const format = String(req.query.format ?? 'html');
    if (format !== 'csv' && format !== 'html') throw new HttpError(400, 'bad_request', `unknown report format "${format}" (csv, html)`);
    const ids = ([] as unknown[]).concat(req.query.statement ?? []).map((v) => idParam(v, 'statement'));
    const report = buildReport(db, format, ids);
    res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'text/html; charset=utf-8');
    res.setHeader('Content-Disposition', `${format === 'csv' ? 'attachment' : 'inline'}; filename="twintext-report.${format}"`);
    if (format === 'html') res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    res.send(report);
  });

  r.get('/export', async (req, res) => {
    editorsOnly(req, res);
    const format = String(req.query.format ?? 'tsv');
    if (!isExportFormat(format) || format === 'moses')
      throw new HttpError(400, 'bad_request', `unknown export format "${format}" (tmx, xliff, tsv, csv, jsonl)`);
    const status = String(req.query.status ?? 'all');
    if (status !== 'all' && status !== 'confirmed') throw new HttpError(400, 'bad_request', '"status" must be confirmed or all');
    const level = String(req.query.level ?? 'paragraph');
    if (level !== 'paragraph' && level !== 'sentence') throw new HttpError(400, 'bad_request', '"level" must be paragraph or sentence');
    const ids = ([] as unknown[]).concat(req.query.statement ?? []).map((v) => idParam(v, 'statement'));
    const types: Record<string, string> = {
      tmx: 'application/x-tmx+xml',
      xliff: 'application/xliff+xml',
      tsv: 'text/tab-separated-values; charset=utf-8',
      csv: 'text/csv; charset=utf-8',
      jsonl: 'application/jsonl; charset=utf-8',
    };
    res.setHeader('Content-Type', types[format]!);
    res.setHeader('Content-Disposition', `attachment; filename="twintext.${format === 'xliff' ? 'xlf' : format}"`);
    await exportCorpus(db, format, { statementIds: ids, status, level }, res, {}, ops);
    res.end();
  });

  r.use((_req, _res) => {
    throw new HttpError(404, 'not_found', 'no such API route');
  });
  return r;
}

const SESSION_COOKIE = 'twintext_session';

/**
 * Accounts mode: every API call needs a session (except signing in), and every state-changing call
 * the session's CSRF token in the X-CSRF-Token header (SameSite=Strict cookies are the first line).
 */
function sessionGate(db: Db, ops: OpsOptions) {
  return (req: Request, res: express.Response, next: express.NextFunction) => {
    const open = req.path === '/login' || req.path === '/logout' || req.path === '/me';
    const token = cookie(req, SESSION_COOKIE);
    const session = token ? sessionOf(db, token, ops) : undefined;
    if (session) {
      res.locals.user = session.user;
      res.locals.csrf = session.csrf;
    }
    if (open) return next();
    if (!session) return sendError(res, 401, 'unauthorized', 'sign in first');
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.header('x-csrf-token') !== session.csrf)
      return sendError(res, 403, 'csrf', 'missing or wrong X-CSRF-Token header');
    next();
  };
}

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  const log = deps.log ?? ((m: string) => console.error(m));
  const webRoot = deps.webRoot ?? join(repoRoot, 'dist', 'web');
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use((req, res, next) => {
    const id = randomUUID();
    res.setHeader('X-Request-Id', id);
    if (deps.requestLog) {
      const started = process.hrtime.bigint();
      const log = deps.requestLog;
      const route = req.path;
      res.on('finish', () =>
        log({
          at: new Date().toISOString(),
          id,
          method: req.method,
          // The path only: ids, never search text or statement content from the query or body.
          route,
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
          reviewer: Boolean(req.header('x-reviewer') ?? cookie(req, REVIEWER_COOKIE)),
        }),
      );
    }
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
        },
      },
      referrerPolicy: { policy: 'same-origin' },
      strictTransportSecurity: false,
    }),
  );
  app.use('/api', express.json({ limit: deps.bodyLimit ?? '6mb' }));
  if (deps.accounts) app.use('/api', sessionGate(deps.db, deps.ops ?? {}));
  app.use('/api', apiRouter(deps));
  app.use('/assets', express.static(webRoot, { index: false, fallthrough: false }));
  const fonts = join(repoRoot, 'node_modules', '@fontsource', 'noto-sans-kr');
  if (existsSync(fonts)) app.use('/fonts', express.static(fonts, { index: false, fallthrough: false, maxAge: '7d' }));
  const shell = (_req: Request, res: express.Response) => {
    const file = join(webRoot, 'index.html');
    if (!existsSync(file)) return sendError(res, 500, 'internal', 'the web UI is not built: run npm run build');
    res.sendFile(file);
  };
  app.get('/', shell);
  app.get('/statements/:id', shell);
  app.use((_req, res) => sendError(res, 404, 'not_found', 'not found'));
  app.use(errorHandler(log));
  return app;
}
