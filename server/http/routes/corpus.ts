// The corpus as a whole: the glossary, exports, reports, and the vocabularies the UI needs.
import type { Router } from 'express';
import { listGlossary, addGlossaryTerm, changeGlossaryTerm, removeGlossaryTerm } from '../../ops/glossary.ts';
import { FLAG_CATEGORIES, FLAG_SEVERITIES, FLAG_STATUSES } from '../../ops/review.ts';
import { exportCorpus } from '../../ops/export.ts';
import { buildReport } from '../../ops/report.ts';
import { EXPORT_FILE_TYPES, isExportFormat } from '../../formats/export/index.ts';
import { HttpError } from '../errors.ts';
import { body, idList, idParam, type RouteContext } from '../request.ts';

export function corpusRoutes(r: Router, c: RouteContext): void {
  const { db, ops } = c;
  r.get('/meta', (_req, res) => {
    res.json({ ok: true, flagCategories: FLAG_CATEGORIES, flagSeverities: FLAG_SEVERITIES, flagStatuses: FLAG_STATUSES });
  });

  r.get('/glossary', (_req, res) => {
    res.json({ ok: true, terms: listGlossary(db, ops) });
  });

  r.post('/glossary', (req, res) => {
    const actor = c.who(req, res, 'editor');
    res.status(201).json({ ok: true, term: addGlossaryTerm(db, body(req), actor, ops) });
  });

  r.patch('/glossary/:id', (req, res) => {
    const actor = c.who(req, res, 'editor');
    res.json({ ok: true, term: changeGlossaryTerm(db, idParam(req.params.id, 'glossary term'), body(req), actor, ops) });
  });

  r.delete('/glossary/:id', (req, res) => {
    const actor = c.who(req, res, 'editor');
    removeGlossaryTerm(db, idParam(req.params.id, 'glossary term'), actor, ops);
    res.json({ ok: true });
  });

  r.get('/report', (req, res) => {
    c.editorsOnly(req, res);
    const format = String(req.query.format ?? 'html');
    if (format !== 'csv' && format !== 'html') throw new HttpError(400, 'bad_request', `unknown report format "${format}" (csv, html)`);
    const ids = idList(req.query.statement, 'statement');
    const report = buildReport(db, format, ids);
    res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'text/html; charset=utf-8');
    res.setHeader('Content-Disposition', `${format === 'csv' ? 'attachment' : 'inline'}; filename="twintext-report.${format}"`);
    if (format === 'html') res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    res.send(report);
  });

  r.get('/export', async (req, res) => {
    c.editorsOnly(req, res);
    const format = String(req.query.format ?? 'tsv');
    if (!isExportFormat(format) || format === 'moses')
      throw new HttpError(400, 'bad_request', `unknown export format "${format}" (tmx, xliff, tsv, csv, jsonl)`);
    const status = String(req.query.status ?? 'all');
    if (status !== 'all' && status !== 'confirmed') throw new HttpError(400, 'bad_request', '"status" must be confirmed or all');
    const level = String(req.query.level ?? 'paragraph');
    if (level !== 'paragraph' && level !== 'sentence') throw new HttpError(400, 'bad_request', '"level" must be paragraph or sentence');
    const ids = idList(req.query.statement, 'statement');
    const { ext, mime } = EXPORT_FILE_TYPES[format];
    res.setHeader('Content-Type', mime);
    res.setHeader('Content-Disposition', `attachment; filename="twintext.${ext}"`);
    await exportCorpus(db, format, { statementIds: ids, status, level }, res, {}, ops);
    res.end();
  });
}
