// The automatic checks: run them, list findings, accept, dismiss or restore one, corpus consistency.
import type { Router } from 'express';
import { runStatementChecks, statementFindings, decideFinding, restoreFinding, corpusConsistency } from '../../ops/checks.ts';
import { editorDecision } from './review.ts';
import { idParam, type RouteContext } from '../request.ts';
import { assertLanguage } from '../../core/lang.ts';
import { InputError } from '../../core/errors.ts';

export function checkRoutes(r: Router, c: RouteContext): void {
  const { db, ops } = c;
  r.post('/statements/:id/checks', (req, res) => {
    const actor = c.who(req, res, 'translator');
    const id = idParam(req.params.id, 'statement');
    runStatementChecks(db, id, actor, ops);
    res.json({ ok: true, findings: statementFindings(db, id) });
  });

  r.get('/consistency', (req, res) => {
    const src = typeof req.query.src === 'string' ? req.query.src : 'en';
    const tgt = typeof req.query.tgt === 'string' ? req.query.tgt : 'ko';
    // A code that names no language would find nothing, silently: 400, as everywhere else.
    for (const [name, tag] of [['src', src], ['tgt', tgt]] as const) {
      try {
        assertLanguage(tag);
      } catch (e) {
        throw new InputError(`"${name}": ${(e as Error).message}`);
      }
    }
    res.json({ ok: true, findings: corpusConsistency(db, src, tgt, ops) });
  });

  r.get('/statements/:id/findings', (req, res) => {
    res.json({ ok: true, findings: statementFindings(db, idParam(req.params.id, 'statement')) });
  });

  for (const verdict of ['accept', 'dismiss'] as const) {
    r.post(`/findings/:id/${verdict}`, (req, res) => {
      const actor = c.who(req, res, 'translator');
      res.json({ ok: true, finding: decideFinding(db, idParam(req.params.id, 'finding'), verdict, actor, ops, editorDecision(c, res)) });
    });
  }

  r.post('/findings/:id/restore', (req, res) => {
    const actor = c.who(req, res, 'editor');
    res.json({ ok: true, finding: restoreFinding(db, idParam(req.params.id, 'finding'), actor, ops) });
  });
}
