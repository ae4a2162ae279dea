// Builds the Express app (never listens by itself): API routes, the web shell and static assets, one error handler last.
import express, { type Request, type Router } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../store/db.ts';
import { listStatements, searchStatements } from '../store/statements.ts';
import { listEvents } from '../store/events.ts';
import { importStatement } from '../ops/import.ts';
import { getStatementView, setBeadConfirmed, addFlag, changeFlag, FLAG_CATEGORIES, FLAG_SEVERITIES, FLAG_STATUSES } from '../ops/review.ts';
import { exportCorpus } from '../ops/export.ts';
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

export function apiRouter(deps: AppDeps): Router {
  const { db } = deps;
  const ops = deps.ops ?? {};
  const r = express.Router();

  r.get('/meta', (_req, res) => {
    res.json({ ok: true, flagCategories: FLAG_CATEGORIES, flagSeverities: FLAG_SEVERITIES, flagStatuses: FLAG_STATUSES });
  });

  r.get('/statements', (req, res) => {
    const q = typeof req.query.q === 'string' ? req.query.q : '';
    if (q.length > 200) throw new HttpError(400, 'bad_request', 'search text is longer than 200 characters');
    res.json({ ok: true, statements: q ? searchStatements(db, q) : listStatements(db) });
  });

  r.post('/statements', (req, res) => {
    const actor = reviewer(req);
    const b = body(req);
    const texts = b.texts;
    if (typeof texts !== 'object' || texts === null || Array.isArray(texts))
      throw new HttpError(400, 'bad_request', '"texts" must be an object mapping language codes to text, e.g. {"en": "…", "ko": "…"}');
    for (const k of ['title', 'date'] as const)
      if (b[k] !== undefined && b[k] !== null && typeof b[k] !== 'string') throw new HttpError(400, 'bad_request', `"${k}" must be a string`);
    const { statementId, created } = importStatement(
      db,
      { title: b.title as string | undefined, date: b.date as string | undefined, texts: texts as Record<string, string> },
      actor,
      ops,
    );
    res.status(created ? 201 : 200).json({ ok: true, created, statement: getStatementView(db, statementId).statement });
  });

  r.get('/statements/:id', (req, res) => {
    const id = idParam(req.params.id, 'statement');
    const lang = typeof req.query.lang === 'string' ? req.query.lang : undefined;
    res.json({ ok: true, ...getStatementView(db, id, lang) });
  });

  r.get('/statements/:id/events', (req, res) => {
    const id = idParam(req.params.id, 'statement');
    getStatementView(db, id); // 404 for an unknown statement
    res.json({ ok: true, events: listEvents(db, id) });
  });

  for (const [path, confirmed] of [['confirm', true], ['unconfirm', false]] as const) {
    r.post(`/beads/:id/${path}`, (req, res) => {
      const actor = reviewer(req);
      const bead = setBeadConfirmed(db, idParam(req.params.id, 'bead'), confirmed, body(req).version, actor, ops);
      res.json({ ok: true, bead });
    });
  }

  r.post('/beads/:id/edit', (req, res) => {
    const actor = reviewer(req);
    const b = body(req);
    const result = editAlignment(db, { ...(b as unknown as EditRequest), beadId: idParam(req.params.id, 'bead') }, actor, ops);
    res.json({ ok: true, eventId: result.eventId, beads: result.beads, ...undoRedoState(db, result.alignmentId) });
  });

  for (const which of ['undo', 'redo'] as const) {
    r.post(`/alignments/:id/${which}`, (req, res) => {
      const actor = reviewer(req);
      const id = idParam(req.params.id, 'alignment');
      const { eventId, undid } = undoRedo(db, id, which, actor, ops);
      res.json({ ok: true, eventId, [which === 'undo' ? 'undid' : 'redid']: undid, ...undoRedoState(db, id) });
    });
  }

  r.get('/alignments/:id/history', (req, res) => {
    res.json({ ok: true, ...undoRedoState(db, idParam(req.params.id, 'alignment')) });
  });

  r.patch('/paragraphs/:id', (req, res) => {
    const actor = reviewer(req);
    const id = idParam(req.params.id, 'paragraph');
    const { eventId } = editParagraph(db, id, body(req).content, actor, ops);
    res.json({ ok: true, eventId, history: paragraphHistory(db, id) });
  });

  r.get('/paragraphs/:id/history', (req, res) => {
    res.json({ ok: true, history: paragraphHistory(db, idParam(req.params.id, 'paragraph')) });
  });

  r.post('/beads/:id/flags', (req, res) => {
    const actor = reviewer(req);
    const flag = addFlag(db, idParam(req.params.id, 'bead'), body(req), actor, ops);
    res.status(201).json({ ok: true, flag });
  });

  r.patch('/flags/:id', (req, res) => {
    const actor = reviewer(req);
    const flag = changeFlag(db, idParam(req.params.id, 'flag'), body(req), actor, ops);
    res.json({ ok: true, flag });
  });

  r.get('/export', async (req, res) => {
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

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  const log = deps.log ?? ((m: string) => console.error(m));
  const webRoot = deps.webRoot ?? join(repoRoot, 'dist', 'web');
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    next();
  });
  app.use('/api', express.json({ limit: deps.bodyLimit ?? '6mb' }), apiRouter(deps));
  app.use('/assets', express.static(webRoot, { index: false, fallthrough: false }));
  const fonts = join(repoRoot, 'node_modules', '@fontsource', 'noto-sans-kr');
  if (existsSync(fonts)) app.use('/fonts', express.static(fonts, { index: false, fallthrough: false, maxAge: '7d' }));
  const shell = (_req: Request, res: express.Response) => {
    const file = join(webRoot, 'index.html');
    if (!existsSync(file)) return sendError(res, 500, 'internal', 'the web UI is not built: run npm run build');
    res.setHeader('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    res.sendFile(file);
  };
  app.get('/', shell);
  app.get('/statements/:id', shell);
  app.use((_req, res) => sendError(res, 404, 'not_found', 'not found'));
  app.use(errorHandler(log));
  return app;
}
