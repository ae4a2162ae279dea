// Statements: list and search, import (pasted or uploaded), the review view, versions and diffs, history, delete.
import type { Router } from 'express';
import { listStatements, searchStatements, listTextVersions, getStatementSummary } from '../../store/statements.ts';
import { listEventsPage } from '../../store/events.ts';

/** A statement's history comes in pages of this many events unless asked otherwise (at most MAX_EVENTS). */
const MAX_EVENTS_DEFAULT = 500;
const MAX_EVENTS = 5000;
import { importStatement } from '../../ops/import.ts';
import { importVersion, diffVersions, storedLanguage } from '../../ops/versions.ts';
import { deleteStatement, editStatementInfo } from '../../ops/review.ts';
import { HttpError } from '../errors.ts';
import { acceptsGzip, sendView } from '../view-cache.ts';
import { body, idParam, onlyFields, searchParam, textsOf, type RouteContext } from '../request.ts';
import { languageProblem } from '../../core/lang.ts';
import { STATEMENT_EVENT_ENTITIES } from '../../store/events.ts';

/** The fields of an import (POST /api/statements) and of a new version (POST /api/statements/:id/versions): any other is a 400. */
const IMPORT_FIELDS = ['title', 'date', 'srcLang', 'languages', 'texts', 'files', 'ifOverlap'] as const;
const VERSION_FIELDS = ['texts', 'files', 'date', 'newLanguage'] as const;

export function statementRoutes(r: Router, c: RouteContext): void {
  const { db, ops } = c;
  r.delete('/statements/:id', (req, res) => {
    const actor = c.who(req, res, 'admin');
    deleteStatement(db, idParam(req.params.id, 'statement'), actor, ops);
    res.json({ ok: true });
  });

  r.get('/statements', (req, res) => {
    const q = searchParam(req.query.q);
    res.json({ ok: true, statements: q ? searchStatements(db, q) : listStatements(db) });
  });

  r.post('/statements', async (req, res) => {
    const actor = c.who(req, res, 'translator');
    const b = body(req);
    onlyFields(b, IMPORT_FIELDS);
    for (const k of ['title', 'date'] as const)
      if (b[k] !== undefined && b[k] !== null && typeof b[k] !== 'string') throw new HttpError(400, 'bad_request', `"${k}" must be a string`);
    if (b.srcLang !== undefined && (typeof b.srcLang !== 'string' || !/^[a-z]{2,3}$/.test(b.srcLang)))
      throw new HttpError(400, 'bad_request', `"srcLang" must be a language code like en, ko or ja, got ${JSON.stringify(b.srcLang).slice(0, 40)}`);
    const given = await textsOf(b);
    let texts = given.texts;
    // "languages": the versions in the order the form listed them (pasted and uploaded ones travel in
    // two objects, so their order is lost otherwise); the first is the source unless srcLang says.
    if (b.languages !== undefined) {
      const sent = Object.keys(texts);
      if (!Array.isArray(b.languages) || b.languages.length !== sent.length || !b.languages.every((l) => typeof l === 'string' && Object.hasOwn(texts, l)) || new Set(b.languages).size !== sent.length)
        throw new HttpError(400, 'bad_request', `"languages" must list each language sent once (${sent.join(', ')}), got ${JSON.stringify(b.languages).slice(0, 60)}`);
      texts = Object.fromEntries((b.languages as string[]).map((l) => [l, given.texts[l]!]));
    }
    const srcLang = (b.srcLang as string | undefined) ?? (b.languages as string[] | undefined)?.[0];
    if (srcLang !== undefined && !Object.hasOwn(texts, srcLang))
      throw new HttpError(400, 'bad_request', `"srcLang" is "${srcLang}", but there is no ${srcLang} text (languages sent: ${Object.keys(texts).join(', ')})`);
    // "ifOverlap": "ask": when two of the texts are already a statement (and none holds them all),
    // nothing is stored and that statement is named, for the form to offer adding the third text to it.
    if (b.ifOverlap !== undefined && b.ifOverlap !== 'ask') throw new HttpError(400, 'bad_request', `"ifOverlap" must be "ask", got ${JSON.stringify(b.ifOverlap).slice(0, 40)}`);
    const input = { title: b.title as string | undefined, date: b.date as string | undefined, texts, sources: given.sources, srcLang, askOnOverlap: b.ifOverlap === 'ask' };
    const { statementId, created, alsoIn, overlap } = importStatement(db, input, actor, ops);
    res.status(created ? 201 : 200).json({ ok: true, created, statement: getStatementSummary(db, statementId), ...(alsoIn ? { alsoIn } : {}), ...(overlap ? { overlap } : {}) });
  });

  // Without accounts, hot-read.ts answers the plain form of this request before Express, the same way.
  r.get('/statements/:id', (req, res) => {
    sendView(req, res, c.views.get(idParam(req.params.id, 'statement'), typeof req.query.lang === 'string' ? req.query.lang : undefined, acceptsGzip(req)));
  });

  // The title and date, corrected: {"title": "…"}, {"date": "2026-05-02"} or {"date": null}, with the
  // values they were changed from in "base".
  r.patch('/statements/:id', (req, res) => {
    const actor = c.who(req, res, 'translator');
    const b = body(req);
    const unknown = Object.keys(b).filter((k) => k !== 'title' && k !== 'date' && k !== 'base');
    if (unknown.length) throw new HttpError(400, 'bad_request', `only "title" and "date" can be changed here, got "${unknown[0]!.slice(0, 40)}"`);
    res.json({ ok: true, ...editStatementInfo(db, idParam(req.params.id, 'statement'), b, actor, ops) });
  });

  r.post('/statements/:id/versions', async (req, res) => {
    const actor = c.who(req, res, 'translator');
    const id = idParam(req.params.id, 'statement');
    const b = body(req);
    onlyFields(b, VERSION_FIELDS);
    const { texts, sources } = await textsOf(b, 1);
    const [lang, text] = Object.entries(texts)[0]!;
    if (b.newLanguage !== undefined && typeof b.newLanguage !== 'boolean') throw new HttpError(400, 'bad_request', '"newLanguage" must be true or false');
    // As for an import: no date (absent, null or empty) leaves the statement's as it is.
    if (b.date !== undefined && b.date !== null && typeof b.date !== 'string') throw new HttpError(400, 'bad_request', '"date" must be a date as YYYY-MM-DD');
    const date = typeof b.date === 'string' ? b.date.trim() : '';
    // "ja" is the statement's Japanese whatever its tag ("ja-JP"), as for `import --into`.
    const stored = storedLanguage(db, id, lang);
    const version = importVersion(db, id, stored, text, actor, { ...ops, source: sources[lang], newLanguage: b.newLanguage === true, ...(date ? { date } : {}) });
    res.status(201).json({ ok: true, lang: stored, ...version });
  });

  r.get('/statements/:id/versions', (req, res) => {
    const id = idParam(req.params.id, 'statement');
    const statement = getStatementSummary(db, id);
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
    getStatementSummary(db, id); // 404 for an unknown statement
    const asked = req.query.lang;
    if (typeof asked !== 'string' || asked === '') throw new HttpError(400, 'bad_request', '"lang" is required: the language whose versions to compare (such as lang=ko)');
    // "ja" is the statement's Japanese whatever its tag ("ja-JP"); a code it does not hold must be one.
    const lang = storedLanguage(db, id, asked);
    if (!listTextVersions(db, id, lang).length) {
      const why = languageProblem(asked);
      if (why) throw new HttpError(400, 'bad_request', `"lang": ${why}`);
    }
    const num = (v: unknown, name: string) => {
      if (v === undefined) return undefined;
      if (!/^[1-9]\d{0,5}$/.test(String(v))) throw new HttpError(400, 'bad_request', `"${name}" must be a version number`);
      return Number(v);
    };
    res.json({ ok: true, diff: diffVersions(db, id, lang, num(req.query.from, 'from'), num(req.query.to, 'to')) });
  });

  // ?before=EVENT_ID pages back; ?entity=flag&entity_id=N gives one thing's events, uncapped unless ?limit says.
  r.get('/statements/:id/events', (req, res) => {
    const id = idParam(req.params.id, 'statement');
    getStatementSummary(db, id); // 404 for an unknown statement
    const { before, limit, entity, entity_id: entityId } = req.query;
    const n = (v: unknown, name: string) => {
      if (v === undefined) return undefined;
      if (typeof v !== 'string' || !/^[1-9]\d{0,15}$/.test(v)) throw new HttpError(400, 'bad_request', `"${name}" must be a positive integer, got "${String(v)}"`);
      return Number(v);
    };
    if ((entity === undefined) !== (entityId === undefined)) throw new HttpError(400, 'bad_request', 'give both "entity" and "entity_id" (e.g. entity=flag&entity_id=12), or neither');
    // A kind no event of a statement is about (a misspelt "flags") would give an empty history, as if nothing had happened.
    if (entity !== undefined && (typeof entity !== 'string' || !(STATEMENT_EVENT_ENTITIES as readonly string[]).includes(entity)))
      throw new HttpError(400, 'bad_request', `unknown "entity" ${JSON.stringify(String(entity)).slice(0, 40)}: the kinds are ${STATEMENT_EVENT_ENTITIES.join(', ')}`);
    const cap = limit === undefined ? (entity === undefined ? MAX_EVENTS_DEFAULT : undefined) : n(limit, 'limit');
    if (cap !== undefined && cap > MAX_EVENTS) throw new HttpError(400, 'bad_request', `"limit" is at most ${MAX_EVENTS}; page with "before"`);
    const page = listEventsPage(db, id, {
      before: n(before, 'before'),
      limit: cap,
      entity: entity === undefined ? undefined : { kind: entity as string, id: n(entityId, 'entity_id')! },
    });
    res.json({ ok: true, ...page });
  });
}
