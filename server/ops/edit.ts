// Use cases that change an alignment (merge, split, move, insert an empty cell, confirm, realign, edit text)
// and their undo/redo. Each is one transaction that records before/after snapshots in the events table,
// which is also what undo and redo replay, so history survives a reload, and re-runs the checks of the
// statement so no suggestion is left pointing at a row that changed or vanished.
import { diffWordsWithSpace } from 'diff';
import type { Db } from '../store/db.ts';
import { ConflictError, InputError } from '../core/errors.ts';
import { alignParagraphs } from '../core/align.ts';
import { singleSpaced as normText } from '../core/segment.ts';
import {
  beadPosition,
  countBeads,
  getAlignment,
  getBead,
  getParagraph,
  listAlignmentEvents,
  replaceRange,
  setParagraphContent,
  snapshotRange,
  rangeVersions,
  alignmentsOfParagraph,
  requireCurrentAlignment,
  normalizePositions,
  type BeadRow,
  type BeadSnapshot,
} from '../store/beads.ts';
import { nextVersion, paragraphTextEvents, recordEvent } from '../store/events.ts';
import { touchStatement } from '../store/statements.ts';
import { nowIso, vocabularyOf, type OpsOptions } from './context.ts';
import { dbGlossary } from './glossary.ts';
import { LIMITS } from './import.ts';
import { confirmedLexicon } from './lexicon.ts';
import { recheckStatement } from './checks.ts';
import { statementRatio } from './sentences.ts';

export type Side = 'src' | 'tgt';

export const EDIT_OPS = ['merge', 'split', 'move-up', 'move-down', 'insert-empty', 'confirm', 'unconfirm', 'confirm-above', 'realign'] as const;
export type EditOp = (typeof EDIT_OPS)[number];

export interface EditRequest {
  op: EditOp;
  beadId: number;
  /** The version of `beadId` the client saw: a stale one gets a ConflictError (409). */
  version: number;
  side?: Side;
  /** split: how many paragraphs of each side stay in the first bead. */
  at?: { src: number; tgt: number };
  /** Versions of the other rows the client saw ({beadId: version}): any row the edit rewrites must match. */
  seen?: Record<string, number>;
}

interface RangePayload {
  from: number;
  beads: BeadSnapshot[];
}
interface TextPayload {
  paragraphId: number;
  content: string;
}

const MANUAL = 1; // confidence of a bead a person made

/** The alignment, if it is the current one: an alignment of an older text version is history. */
function currentAlignment(db: Db, alignmentId: number) {
  const a = getAlignment(db, alignmentId);
  requireCurrentAlignment(db, alignmentId, `alignment ${alignmentId}`);
  return a;
}

export interface EditResult {
  eventId: number;
  alignmentId: number;
  beads: BeadRow[];
}

function applyRange(
  db: Db,
  alignmentId: number,
  statementId: number,
  action: string,
  actor: string,
  from: number,
  count: number,
  next: BeadSnapshot[],
  opts: OpsOptions,
  seen?: Record<string, number>,
): EditResult {
  if (seen) {
    for (const [id, v] of rangeVersions(db, alignmentId, from, count)) {
      const saw = seen[String(id)];
      if (saw !== undefined && saw !== v) throw new ConflictError(`row ${id} changed since you loaded it (version ${v}, you saw ${saw})`);
    }
  }
  const before = snapshotRange(db, alignmentId, from, count);
  const version = nextVersion(db);
  // The flags go with their paragraphs (replaceRange): an edit's rows never pin them to a bead id,
  // so a redo places them as the edit did. The snapshot before keeps them, for undo to put back.
  next = next.map(({ flags: _, ...b }) => b);
  const ids = replaceRange(db, alignmentId, from, count, next, version);
  const after = next.map((b, i) => ({ ...b, id: ids[i]! }));
  const at = nowIso(opts);
  touchStatement(db, statementId, at);
  const eventId = recordEvent(db, {
    at,
    actor,
    action,
    statementId,
    entity: 'alignment',
    entityId: alignmentId,
    before: { from, beads: before } satisfies RangePayload,
    after: { from, beads: after } satisfies RangePayload,
  });
  return { eventId, alignmentId, beads: ids.map((id) => getBead(db, id)) };
}

function requireSide(side: unknown): Side {
  if (side !== 'src' && side !== 'tgt') throw new InputError('"side" must be "src" or "tgt"');
  return side;
}

/** The edits that change a row's status only: the checks read text and rows, so their findings stand. */
const CONFIRMATIONS: ReadonlySet<string> = new Set(['confirm', 'unconfirm', 'confirm-above']);

/** Applies one alignment edit. */
export function editAlignment(db: Db, req: EditRequest, actor: string, opts: OpsOptions = {}): EditResult {
  if (!(EDIT_OPS as readonly string[]).includes(req.op)) throw new InputError(`"op" must be one of ${EDIT_OPS.join(', ')}`);
  if (typeof req.version !== 'number' || !Number.isInteger(req.version)) throw new InputError('"version" must be the bead\'s current version');
  const seen = req.seen;
  if (seen !== undefined && (typeof seen !== 'object' || seen === null || Array.isArray(seen) || Object.values(seen).some((v) => typeof v !== 'number')))
    throw new InputError('"seen" must map row ids to the versions you loaded');
  return db
    .transaction((): EditResult => {
      const result = applyEdit(db, req, actor, opts);
      if (!CONFIRMATIONS.has(req.op)) recheckStatement(db, getAlignment(db, result.alignmentId).statementId, opts, result.alignmentId);
      return result;
    })
    .immediate();
}

function applyEdit(db: Db, req: EditRequest, actor: string, opts: OpsOptions): EditResult {
  const seen = req.seen;
  const before = beadPosition(db, req.beadId);
  if (before.version !== req.version)
    throw new ConflictError(`bead ${req.beadId} changed since you loaded it (version ${before.version}, you sent ${req.version})`);
  const alignment = currentAlignment(db, before.alignmentId);
  normalizePositions(db, alignment.id);
  const here = beadPosition(db, req.beadId);
  const total = countBeads(db, alignment.id);
  const pos = here.position;
  const snap = (from: number, count: number) => snapshotRange(db, alignment.id, from, count);
  const run = (action: string, from: number, count: number, next: BeadSnapshot[]) =>
    applyRange(db, alignment.id, alignment.statementId, action, actor, from, count, next, opts, seen);
  const [cur] = snap(pos, 1);
  if (!cur) throw new ConflictError(`bead ${req.beadId} is not in its alignment`);

  switch (req.op) {
    case 'confirm':
    case 'unconfirm':
      return run(`bead.${req.op}`, pos, 1, [{ ...cur, status: req.op === 'confirm' ? 'confirmed' : 'auto' }]);
    case 'confirm-above': {
      const range = snap(1, pos);
      return run('bead.confirm-above', 1, pos, range.map((b) => ({ ...b, status: 'confirmed' })));
    }
    case 'merge': {
      if (pos === 1) throw new InputError('the first row has no row above to merge with');
      const [prev] = snap(pos - 1, 1);
      return run('bead.merge', pos - 1, 2, [
        { id: prev!.id, src: [...prev!.src, ...cur.src], tgt: [...prev!.tgt, ...cur.tgt], status: 'auto', confidence: MANUAL },
      ]);
    }
    case 'split': {
      const at = req.at;
      const ok = (n: unknown, max: number) => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= max;
      if (!at || !ok(at.src, cur.src.length) || !ok(at.tgt, cur.tgt.length))
        throw new InputError(`"at" must be {src, tgt}: how many paragraphs of each side stay in the first row (0–${cur.src.length}, 0–${cur.tgt.length})`);
      const first = { src: cur.src.slice(0, at.src), tgt: cur.tgt.slice(0, at.tgt) };
      const second = { src: cur.src.slice(at.src), tgt: cur.tgt.slice(at.tgt) };
      if (first.src.length + first.tgt.length === 0 || second.src.length + second.tgt.length === 0)
        throw new InputError('a split must leave at least one paragraph in each row');
      return run('bead.split', pos, 1, [
        { id: cur.id, ...first, status: 'auto', confidence: MANUAL },
        { id: null, ...second, status: 'auto', confidence: MANUAL },
      ]);
    }
    case 'insert-empty': {
      // The paragraphs of `side` move down into a row of their own, leaving an empty cell here.
      const side = requireSide(req.side);
      const other: Side = side === 'src' ? 'tgt' : 'src';
      if (cur[side].length === 0 || cur[other].length === 0) throw new InputError('this row already has an empty cell');
      return run('bead.insert-empty', pos, 1, [
        { id: cur.id, [other]: cur[other], [side]: [], status: 'auto', confidence: MANUAL } as unknown as BeadSnapshot,
        { id: null, [side]: cur[side], [other]: [], status: 'auto', confidence: MANUAL } as unknown as BeadSnapshot,
      ]);
    }
    case 'move-up': {
      // The first paragraph of `side` joins the row above.
      const side = requireSide(req.side);
      if (pos === 1) throw new InputError('the first row has no row above');
      if (cur[side].length === 0) throw new InputError('this cell is empty');
      const [prev] = snap(pos - 1, 1);
      const moved = cur[side][0]!;
      const up = { ...prev!, [side]: [...prev![side], moved], status: 'auto', confidence: MANUAL } as BeadSnapshot;
      const rest = { ...cur, [side]: cur[side].slice(1), status: 'auto', confidence: MANUAL } as BeadSnapshot;
      return run('bead.move-up', pos - 1, 2, rest.src.length + rest.tgt.length === 0 ? [up] : [up, rest]);
    }
    case 'move-down': {
      // The last paragraph of `side` joins the row below.
      const side = requireSide(req.side);
      if (pos === total) throw new InputError('the last row has no row below');
      if (cur[side].length === 0) throw new InputError('this cell is empty');
      const [next] = snap(pos + 1, 1);
      const moved = cur[side].at(-1)!;
      const rest = { ...cur, [side]: cur[side].slice(0, -1), status: 'auto', confidence: MANUAL } as BeadSnapshot;
      const down = { ...next!, [side]: [moved, ...next![side]], status: 'auto', confidence: MANUAL } as BeadSnapshot;
      return run('bead.move-down', pos, 2, rest.src.length + rest.tgt.length === 0 ? [down] : [rest, down]);
    }
    case 'realign': {
      // Re-align automatically the unconfirmed stretch around this row, between two confirmed rows.
      const all = snap(1, total);
      let a = pos - 1;
      let b = pos - 1;
      if (all[a]!.status === 'confirmed') throw new InputError('this row is confirmed; realign works on unconfirmed rows');
      while (a > 0 && all[a - 1]!.status !== 'confirmed') a--;
      while (b < total - 1 && all[b + 1]!.status !== 'confirmed') b++;
      const stretch = all.slice(a, b + 1);
      const srcIds = stretch.flatMap((x) => x.src);
      const tgtIds = stretch.flatMap((x) => x.tgt);
      const text = (id: number) => getParagraph(db, id).content;
      const beads = alignParagraphs(srcIds.map(text), tgtIds.map(text), {
        srcLang: alignment.srcLang,
        tgtLang: alignment.tgtLang,
        glossary: dbGlossary(db, opts),
        vocabulary: vocabularyOf(opts),
        lexicon: confirmedLexicon(db, alignment.srcLang, alignment.tgtLang),
        // At the statement's ratio, not the stretch's own totals, which a long added passage or a
        // short stretch throws off.
        lengthRatio: statementRatio(db, alignment.statementId, alignment.srcLang, alignment.tgtLang),
        // Only a stretch from the first row opens with the titles.
        atStart: a === 0,
      });
      // Each new row keeps the id of the old row it shares most paragraphs with (a page keeps its
      // place); the flags do not go by ids but with the paragraphs they were filed on (replaceRange).
      const oldOf = new Map<number, number>();
      for (const x of stretch) for (const p of [...x.src, ...x.tgt]) oldOf.set(p, x.id!);
      const taken = new Set<number>();
      const ids = beads.map((x) => {
        const shared = new Map<number, number>();
        for (const p of [...x.src.map((k) => srcIds[k]!), ...x.tgt.map((k) => tgtIds[k]!)]) {
          const o = oldOf.get(p)!;
          if (!taken.has(o)) shared.set(o, (shared.get(o) ?? 0) + 1);
        }
        let best: number | null = null;
        for (const [o, n] of shared) if (best === null || n > shared.get(best)!) best = o;
        if (best !== null) taken.add(best);
        return best;
      });
      return run(
        'bead.realign',
        a + 1,
        stretch.length,
        beads.map((x, i) => ({
          id: ids[i]!,
          src: x.src.map((k) => srcIds[k]!),
          tgt: x.tgt.map((k) => tgtIds[k]!),
          status: 'auto',
          confidence: Math.min(1, Math.max(0, x.confidence)),
        })),
      );
    }
  }
}

/**
 * Changes a paragraph's text; the old text stays in the events table. `edit` is the request body
 * ({content, base}): when the paragraph no longer reads `base`, someone saved it meanwhile and the edit
 * is refused with a ConflictError (409) rather than silently overwriting their fix.
 */
export function editParagraph(db: Db, paragraphId: number, edit: unknown, actor: string, opts: OpsOptions = {}): { eventId: number } {
  const { content, base, alignment } = (typeof edit === 'object' && edit !== null ? edit : {}) as Record<string, unknown>;
  if (typeof content !== 'string') throw new InputError('"content" must be a string');
  if (alignment !== undefined && (typeof alignment !== 'number' || !Number.isInteger(alignment) || alignment < 1))
    throw new InputError('"alignment" must be the id of the alignment the paragraph is edited from (a positive integer)');
  const text = normText(content);
  if (!text) throw new InputError('a paragraph cannot be empty; use an empty cell (insert-empty) for an omission');
  if (text.length > LIMITS.maxParagraphChars) throw new InputError(`a paragraph is limited to ${LIMITS.maxParagraphChars} characters`, 'too_large');
  return db
    .transaction(() => {
      const p = getParagraph(db, paragraphId);
      // Checked after the lookup so an unknown paragraph is a 404 whatever the body.
      if (typeof base !== 'string') throw new InputError('"base" must be the paragraph text your editor started from');
      if (normText(base) !== p.content) throw new ConflictError(`paragraph ${p.position} (${p.lang}) was changed by someone else since you opened it; reload to see their text`);
      if (!p.isCurrent) throw new ConflictError(`paragraph ${p.position} (${p.lang}) belongs to an older version of the statement; reload to edit the current one`, 'stale_version');
      if (p.content === text) throw new InputError('the text is unchanged');
      // The edit goes on the undo history of the page it was made from: a source paragraph of a
      // trilateral statement is in two alignments, and Undo on the other page must not take it back.
      const within = alignmentsOfParagraph(db, paragraphId);
      if (alignment !== undefined && !within.includes(alignment as number)) throw new InputError(`paragraph ${paragraphId} is not part of alignment ${alignment}`);
      if (alignment !== undefined) requireCurrentAlignment(db, alignment as number, `alignment ${alignment}`);
      const alignmentId = (alignment as number | undefined) ?? within[0];
      setParagraphContent(db, paragraphId, text);
      const at = nowIso(opts);
      touchStatement(db, p.statementId, at);
      const eventId = recordEvent(db, {
        at,
        actor,
        action: 'paragraph.edit',
        statementId: p.statementId,
        entity: alignmentId === undefined ? 'paragraph' : 'alignment',
        entityId: alignmentId ?? paragraphId,
        before: { paragraphId, content: p.content } satisfies TextPayload,
        after: { paragraphId, content: text } satisfies TextPayload,
      });
      recheckStatement(db, p.statementId, opts);
      return { eventId };
    })
    .immediate();
}

export interface ParagraphRevision {
  eventId: number;
  at: string;
  actor: string;
  before: string;
  after: string;
  /** Word-level diff: [kind, text] with kind '=', '-' or '+'. */
  diff: ['=' | '-' | '+', string][];
}

export function paragraphHistory(db: Db, paragraphId: number): ParagraphRevision[] {
  getParagraph(db, paragraphId);
  return paragraphTextEvents(db, paragraphId).map((r) => {
    const before = (JSON.parse(r.before) as TextPayload).content;
    const after = (JSON.parse(r.after) as TextPayload).content;
    return { eventId: r.id, at: r.at, actor: r.actor, before, after, diff: wordDiff(before, after) };
  });
}

export function wordDiff(a: string, b: string): ['=' | '-' | '+', string][] {
  return diffWordsWithSpace(a, b).map((c) => [c.added ? '+' : c.removed ? '-' : '=', c.value]);
}

/** Linear undo history of an alignment: what undo and redo would act on now. */
function undoState(db: Db, alignmentId: number) {
  // Snapshots stay unparsed here: only the entry that undo/redo acts on is ever read.
  const done: { id: number; action: string; actor: string; before: string | null; after: string | null }[] = [];
  const undone: typeof done = [];
  for (const e of listAlignmentEvents(db, alignmentId)) {
    const entry = { id: e.id, action: e.action, actor: e.actor, before: e.before, after: e.after };
    if (e.action === 'alignment.undo') {
      const x = done.pop();
      if (x) undone.push(x);
    } else if (e.action === 'alignment.redo') {
      const x = undone.pop();
      if (x) done.push(x);
    } else {
      done.push(entry);
      undone.length = 0;
    }
  }
  return { done, undone };
}

/**
 * What Undo and Redo would revert next on an alignment's page: the action, and the id of its event,
 * which the page sends back so that it never reverts a change it has not seen.
 */
export function undoRedoState(db: Db, alignmentId: number): { canUndo: string | null; canRedo: string | null; undoEvent: number | null; redoEvent: number | null } {
  getAlignment(db, alignmentId); // an alignment that does not exist is a 404, not an empty history
  const { done, undone } = undoState(db, alignmentId);
  return { canUndo: done.at(-1)?.action ?? null, canRedo: undone.at(-1)?.action ?? null, undoEvent: done.at(-1)?.id ?? null, redoEvent: undone.at(-1)?.id ?? null };
}

const sameRange = (a: BeadSnapshot[], b: BeadSnapshot[]) =>
  a.length === b.length && a.every((x, i) => x.id === b[i]!.id && x.status === b[i]!.status && x.src.join() === b[i]!.src.join() && x.tgt.join() === b[i]!.tgt.join());

/**
 * Undoes (or redoes) the latest alignment change; refuses with 409 if what it would restore has
 * changed since. The history is the page's, shared by its reviewers: `expect`, the event the caller
 * means to revert (undoEvent/redoEvent of undoRedoState), makes it refuse (409) when someone else's
 * change has become the latest meanwhile, rather than revert that.
 */
export function undoRedo(db: Db, alignmentId: number, which: 'undo' | 'redo', actor: string, opts: OpsOptions = {}, expect?: number): { eventId: number; undid: string } {
  return db
    .transaction(() => {
      const alignment = currentAlignment(db, alignmentId);
      const { done, undone } = undoState(db, alignmentId);
      const target = which === 'undo' ? done.at(-1) : undone.at(-1);
      if (expect !== undefined && expect !== target?.id) {
        // Someone got there first: the change the caller meant was undone (or redone) meanwhile,
        // or another change has become the one to revert.
        const moved = (which === 'undo' ? undone : done).find((e) => e.id === expect);
        const name = (e: { action: string }) => `"${e.action === 'paragraph.edit' ? 'text edit' : e.action.replace(/^[a-z]+\./, '').replace(/-/g, ' ')}"`;
        throw new ConflictError(
          moved ? `the ${name(moved)} you meant to ${which} was ${which === 'undo' ? 'undone' : 'redone'} meanwhile by someone else`
            : target ? `the latest change on this page is now ${name(target)} by ${target.actor}, not the one you meant to ${which}`
            : `the change you meant to ${which} is no longer on this page's history`,
          'history_changed',
        );
      }
      if (!target) throw new ConflictError(`nothing to ${which}`, 'nothing_to_' + which);
      const parse = (json: string | null) => JSON.parse(json ?? 'null') as unknown;
      const [from, to] = which === 'undo' ? [parse(target.after), parse(target.before)] : [parse(target.before), parse(target.after)];
      const at = nowIso(opts);
      let eventId: number;
      if (target.action === 'paragraph.edit') {
        const f = from as TextPayload;
        const t = to as TextPayload;
        if (getParagraph(db, f.paragraphId).content !== f.content) throw new ConflictError('the paragraph has changed since; cannot ' + which);
        setParagraphContent(db, t.paragraphId, t.content);
        eventId = recordEvent(db, { at, actor, action: `alignment.${which}`, statementId: alignment.statementId, entity: 'alignment', entityId: alignmentId, before: { ...f, ref: target.id }, after: { ...t, ref: target.id } });
      } else {
        const f = from as RangePayload;
        const t = to as RangePayload;
        const current = snapshotRange(db, alignmentId, f.from, f.beads.length);
        if (!sameRange(current, f.beads)) throw new ConflictError(`the rows have changed since; cannot ${which} "${target.action}"`);
        const version = nextVersion(db);
        replaceRange(db, alignmentId, t.from, f.beads.length, t.beads, version);
        eventId = recordEvent(db, { at, actor, action: `alignment.${which}`, statementId: alignment.statementId, entity: 'alignment', entityId: alignmentId, before: { ...f, ref: target.id }, after: { ...t, ref: target.id } });
      }
      touchStatement(db, alignment.statementId, at);
      // A text undo may change a pivot paragraph that other alignments share.
      if (!CONFIRMATIONS.has(target.action.replace(/^bead\./, '')))
        recheckStatement(db, alignment.statementId, opts, target.action === 'paragraph.edit' ? undefined : alignmentId);
      return { eventId, undid: target.action };
    })
    .immediate();
}
