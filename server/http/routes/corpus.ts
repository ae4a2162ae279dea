// The corpus as a whole: the glossary, exports, reports, and the vocabularies the UI needs.
import type { Router } from 'express';
import { listGlossary, addGlossaryTerm, changeGlossaryTerm, recheckInBackground, removeGlossaryTerm } from '../../ops/glossary.ts';
import { FLAG_CATEGORIES, FLAG_SEVERITIES, FLAG_STATUSES } from '../../ops/review.ts';
import { exportCorpus, oneSidedFits, requireStatements } from '../../ops/export.ts';
import { TOOL_VERSION } from '../../ops/context.ts';
import { parseConfidence, parseLangPair, parseLangTag } from '../../formats/export/types.ts';
import { languageProblem } from '../../core/lang.ts';
import { buildReport } from '../../ops/report.ts';
import { EXPORT_FILE_TYPES, isExportFormat } from '../../formats/export/index.ts';
import { HttpError } from '../errors.ts';
import { body, idList, idParam, onlyFields, searchParam, type RouteContext } from '../request.ts';

/** The query parameters of GET /api/export and GET /api/report. */
const EXPORT_PARAMS = ['format', 'status', 'statement', 'q', 'level', 'min_confidence', 'exclude_open_flags', 'one_sided', 'lang_tag', 'pair'] as const;
const REPORT_PARAMS = ['format', 'statement', 'q', 'info'] as const;
/** The fields of a glossary term (POST /api/glossary, PATCH /api/glossary/:id): any other is a 400. */
const GLOSSARY_FIELDS = ['terms', 'note'] as const;

/**
 * Refuses a parameter the route does not know: a misspelt filter (statement_id=2, minConfidence=0.99)
 * would otherwise be ignored, and the download hold the whole corpus without a word.
 */
function onlyParams(query: Record<string, unknown>, known: readonly string[]): void {
  for (const k of Object.keys(query))
    if (!known.includes(k)) throw new HttpError(400, 'bad_request', `unknown parameter "${k.slice(0, 40)}" (${known.join(', ')})`);
}

export function corpusRoutes(r: Router, c: RouteContext): void {
  const { db, ops } = c;
  r.get('/meta', (_req, res) => {
    res.json({ ok: true, flagCategories: FLAG_CATEGORIES, flagSeverities: FLAG_SEVERITIES, flagStatuses: FLAG_STATUSES });
  });

  r.get('/glossary', (_req, res) => {
    res.json({ ok: true, terms: listGlossary(db, ops) });
  });

  // The statements a term's change touches are re-checked after the answer, in the background
  // (recheckInBackground): the term is saved at once, their suggestions follow within moments.
  const later = (actor: string) => (ids: number[]) => void recheckInBackground(db, ids, actor, ops, (err) => c.log(`twintext: re-checking after a glossary change: ${(err as Error).message}`));

  r.post('/glossary', (req, res) => {
    const actor = c.who(req, res, 'editor');
    const b = body(req);
    onlyFields(b, GLOSSARY_FIELDS);
    res.status(201).json({ ok: true, term: addGlossaryTerm(db, b, actor, ops, later(actor)) });
  });

  r.patch('/glossary/:id', (req, res) => {
    const actor = c.who(req, res, 'editor');
    const id = idParam(req.params.id, 'glossary term');
    const b = body(req);
    onlyFields(b, GLOSSARY_FIELDS);
    res.json({ ok: true, term: changeGlossaryTerm(db, id, b, actor, ops, later(actor)) });
  });

  r.delete('/glossary/:id', (req, res) => {
    const actor = c.who(req, res, 'editor');
    removeGlossaryTerm(db, idParam(req.params.id, 'glossary term'), actor, ops, later(actor));
    res.json({ ok: true });
  });

  r.get('/report', (req, res) => {
    c.editorsOnly(req, res);
    onlyParams(req.query, REPORT_PARAMS);
    const format = String(req.query.format ?? 'html');
    if (format !== 'csv' && format !== 'html') throw new HttpError(400, 'bad_request', `unknown report format "${format}" (csv, html)`);
    const ids = idList(req.query.statement, 'statement');
    // A search's matches, found here as the list finds them: the list page's link names no statement.
    const search = searchParam(req.query.q);
    const info = req.query.info;
    if (info !== undefined && info !== '' && info !== '1' && info !== '0' && info !== 'true' && info !== 'false') throw new HttpError(400, 'bad_request', '"info" must be 1 or 0');
    const report = buildReport(db, format, { ids, search }, undefined, info === '1' || info === 'true');
    res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'text/html; charset=utf-8');
    res.setHeader('Content-Disposition', `${format === 'csv' ? 'attachment' : 'inline'}; filename="twintext-report.${format}"`);
    if (format === 'html') res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    res.send(report);
  });

  r.get('/export', async (req, res) => {
    c.editorsOnly(req, res);
    onlyParams(req.query, EXPORT_PARAMS);
    const format = String(req.query.format ?? 'tsv');
    if (!isExportFormat(format) || format === 'moses')
      throw new HttpError(400, 'bad_request', `unknown export format "${format}" (tmx, xliff, tsv, csv, jsonl)`);
    const status = String(req.query.status ?? 'all');
    if (status !== 'all' && status !== 'confirmed') throw new HttpError(400, 'bad_request', '"status" must be confirmed or all');
    const level = String(req.query.level ?? 'paragraph');
    if (level !== 'paragraph' && level !== 'sentence') throw new HttpError(400, 'bad_request', '"level" must be paragraph or sentence');
    const ids = idList(req.query.statement, 'statement');
    // A search's matches, found here as the list finds them (the list page's links name no statement,
    // so they stay short however many statements match).
    const search = searchParam(req.query.q);
    // The CLI's other filters and language tags, with the same rules (see `twintext export --help`).
    let minConfidence: number | undefined;
    if (req.query.min_confidence !== undefined) {
      const x = typeof req.query.min_confidence === 'string' ? parseConfidence(req.query.min_confidence) : null;
      if (x === null) throw new HttpError(400, 'bad_request', `"min_confidence" must be a number from 0 to 1 (such as 0.8), got "${String(req.query.min_confidence).slice(0, 40)}"`);
      minConfidence = x;
    }
    const flagsParam = req.query.exclude_open_flags;
    if (flagsParam !== undefined && flagsParam !== '1' && flagsParam !== 'true' && flagsParam !== '0' && flagsParam !== 'false')
      throw new HttpError(400, 'bad_request', '"exclude_open_flags" must be 1 or 0');
    const excludeOpenFlags = flagsParam === '1' || flagsParam === 'true';
    const oneSidedParam = req.query.one_sided;
    if (oneSidedParam !== undefined && oneSidedParam !== '1' && oneSidedParam !== 'true' && oneSidedParam !== '0' && oneSidedParam !== 'false')
      throw new HttpError(400, 'bad_request', '"one_sided" must be 1 or 0');
    const oneSided = oneSidedParam === '1' || oneSidedParam === 'true';
    if (oneSided && !oneSidedFits(format, level))
      throw new HttpError(400, 'bad_request', '"one_sided" works with tsv, csv or jsonl at paragraph level');
    const langTags: Record<string, string> = {};
    const tags = req.query.lang_tag === undefined ? [] : Array.isArray(req.query.lang_tag) ? req.query.lang_tag : [req.query.lang_tag];
    for (const t of tags) {
      const lt = typeof t === 'string' ? parseLangTag(t) : null;
      if (!lt) throw new HttpError(400, 'bad_request', `"lang_tag" must look like en=en-US, got "${String(t).slice(0, 40)}"`);
      langTags[lt[0]] = lt[1];
    }
    let pair: [string, string] | undefined;
    if (req.query.pair !== undefined) {
      const p = typeof req.query.pair === 'string' ? parseLangPair(req.query.pair) : null;
      if (!p) throw new HttpError(400, 'bad_request', `"pair" must be two different language codes like en-ko, got "${String(req.query.pair).slice(0, 40)}"`);
      const why = languageProblem(p[0], false) ?? languageProblem(p[1], false);
      if (why) throw new HttpError(400, 'bad_request', `"pair": ${why}`);
      pair = p;
    }
    // Before the download's headers: an unknown statement is a 404 with a JSON body, not an empty file.
    requireStatements(db, ids);
    const { ext, mime } = EXPORT_FILE_TYPES[format];
    res.setHeader('Content-Type', mime);
    // Named after the statement when there is one, so downloads of several statements do not overwrite each other.
    res.setHeader('Content-Disposition', `attachment; filename="twintext${ids?.length === 1 ? `-statement-${ids[0]}` : ''}.${ext}"`);
    await exportCorpus(db, format, { statementIds: ids, search, status, level, minConfidence, excludeOpenFlags, pair, oneSided }, res, { langTags, toolVersion: TOOL_VERSION }, ops);
    res.end();
  });
}
