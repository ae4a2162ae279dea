// Reviewing: confirming and correcting the alignment, undo/redo, editing text, flags and their threads.
import type { Response, Router } from 'express';
import { setBeadConfirmed, addFlag, changeFlag, commentOnFlag } from '../../ops/review.ts';
import { editAlignment, editParagraph, paragraphHistory, undoRedo, undoRedoState, type EditRequest } from '../../ops/edit.ts';
import { beadSentences } from '../../ops/sentences.ts';
import { body, idParam, type RouteContext } from '../request.ts';
import { getFlag, statementOfBead } from '../../store/beads.ts';
import { entityEvents } from '../../store/events.ts';
import type { Db } from '../../store/db.ts';
import { InputError } from '../../core/errors.ts';
import type { EditorCheck } from '../../ops/checks.ts';
import { hasRole } from '../../ops/accounts.ts';
import type { UserRow } from '../../store/users.ts';
import { HttpError } from '../errors.ts';

const statementOfFlag = (db: Db, flagId: number) => statementOfBead(db, getFlag(db, flagId).beadId);

/**
 * The decisions ops name as an editor's (dismissing an error, changing a closed flag): refused with
 * 403 to a signed-in translator, naming the decision; on loopback, without accounts, anyone decides.
 */
export function editorDecision(c: RouteContext, res: Response): EditorCheck {
  return (decision) => {
    if (!c.accounts) return;
    const user = res.locals.user as UserRow;
    if (!hasRole(user, 'editor'))
      throw new HttpError(403, 'forbidden', `${decision[0]!.toUpperCase()}${decision.slice(1)} is an editor's decision; ${user.name} is ${/^[aeiou]/.test(user.role) ? 'an' : 'a'} ${user.role}`);
  };
}

export function reviewRoutes(r: Router, c: RouteContext): void {
  const { db, ops } = c;
  for (const [path, confirmed] of [['confirm', true], ['unconfirm', false]] as const) {
    r.post(`/beads/:id/${path}`, (req, res) => {
      const actor = c.who(req, res, 'translator');
      const bead = setBeadConfirmed(db, idParam(req.params.id, 'bead'), confirmed, body(req).version, actor, ops);
      res.json({ ok: true, bead });
    });
  }

  r.post('/beads/:id/edit', (req, res) => {
    const actor = c.who(req, res, 'translator');
    const b = body(req);
    const result = editAlignment(db, { ...(b as unknown as EditRequest), beadId: idParam(req.params.id, 'bead') }, actor, ops);
    res.json({ ok: true, eventId: result.eventId, beads: result.beads, ...undoRedoState(db, result.alignmentId) });
  });

  for (const which of ['undo', 'redo'] as const) {
    r.post(`/alignments/:id/${which}`, (req, res) => {
      const actor = c.who(req, res, 'translator');
      const id = idParam(req.params.id, 'alignment');
      // {expect: EVENT_ID}, optional: the change the page means to revert (see undoRedoState).
      const { expect } = body(req);
      if (expect !== undefined && (typeof expect !== 'number' || !Number.isInteger(expect) || expect < 1))
        throw new InputError('"expect" must be the id of the event to ' + which + ' (a positive integer)');
      const { eventId, undid } = undoRedo(db, id, which, actor, ops, expect as number | undefined);
      res.json({ ok: true, eventId, [which === 'undo' ? 'undid' : 'redid']: undid, ...undoRedoState(db, id) });
    });
  }

  // The sentences inside a row, aligned (what the sentence-level export writes for it).
  r.get('/beads/:id/sentences', (req, res) => {
    res.json({ ok: true, ...beadSentences(db, idParam(req.params.id, 'bead'), ops) });
  });

  r.get('/alignments/:id/history', (req, res) => {
    res.json({ ok: true, ...undoRedoState(db, idParam(req.params.id, 'alignment')) });
  });

  // The body is {content, base}: `base`, the text the editor started from, makes a save over someone
  // else's newer text a 409 instead of a lost update.
  r.patch('/paragraphs/:id', (req, res) => {
    const actor = c.who(req, res, 'translator');
    const id = idParam(req.params.id, 'paragraph');
    const { eventId } = editParagraph(db, id, body(req), actor, ops);
    res.json({ ok: true, eventId, history: paragraphHistory(db, id) });
  });

  r.get('/paragraphs/:id/history', (req, res) => {
    res.json({ ok: true, history: paragraphHistory(db, idParam(req.params.id, 'paragraph')) });
  });

  // Flag writes patch the cached review view of their statement (the most frequent change).
  r.post('/beads/:id/flags', (req, res) => {
    const actor = c.who(req, res, 'translator');
    const beadId = idParam(req.params.id, 'bead');
    const flag = c.views.flagWrite(statementOfBead(db, beadId), null, () => addFlag(db, beadId, body(req), actor, ops));
    res.status(201).json({ ok: true, flag });
  });

  r.post('/flags/:id/comments', (req, res) => {
    const actor = c.who(req, res, 'translator');
    const id = idParam(req.params.id, 'flag');
    const flag = c.views.flagWrite(statementOfFlag(db, id), id, () => commentOnFlag(db, id, body(req), actor, ops));
    res.status(201).json({ ok: true, flag });
  });

  // A flag's whole history (its statement's list comes in pages, and a busy statement's first page may not reach back to it).
  r.get('/flags/:id/events', (req, res) => {
    const id = idParam(req.params.id, 'flag');
    getFlag(db, id); // 404 for an unknown flag
    res.json({ ok: true, events: entityEvents(db, 'flag', id) });
  });

  r.patch('/flags/:id', (req, res) => {
    const actor = c.who(req, res, 'translator');
    const id = idParam(req.params.id, 'flag');
    const flag = c.views.flagWrite(statementOfFlag(db, id), id, () => changeFlag(db, id, body(req), actor, ops, editorDecision(c, res)));
    res.json({ ok: true, flag });
  });
}
