// Use case: import a new version of one language of a statement. The old version stays; beads whose
// paragraphs did not change keep their confirmation and flags; the changed stretches are re-aligned
// and their new paragraphs are marked as changed for review; the reviewer's verdicts on findings carry
// over and the checks run on the new alignment, in the same transaction.
import { diffArrays } from 'diff';
import type { Db } from '../store/db.ts';
import { ConflictError, InputError, NotFoundError } from '../core/errors.ts';
import type { Bead, Lang } from '../core/types.ts';
import { alignParagraphs } from '../core/align.ts';
import { singleSpaced as norm } from '../core/segment.ts';
import { baseLanguage } from '../core/lang.ts';
import { compareVersions } from '../core/revision.ts';
import { getStatement, insertText, listCurrentTexts, listParagraphs, listTextVersions, setStatementInfo, touchStatement, type ParagraphRow } from '../store/statements.ts';
import { insertAlignment, isCurrentAlignment, listAlignments, listBeads, moveFlag, type BeadRow, type NewBead } from '../store/beads.ts';
import { paragraphTextEvents, recordEvent } from '../store/events.ts';
import { prepareText, settleHashes, sourceColumns, type SourceInfo } from './import.ts';
import { wordDiff } from './edit.ts';
import { checkStatementDate, nowIso, vocabularyOf, type OpsOptions } from './context.ts';
import { dbGlossary } from './glossary.ts';
import { carryDecisionsToRevised, carryFindingDecisions, runStatementChecks } from './checks.ts';
import { statementRatio } from './sentences.ts';
import { confirmedLexicon } from './lexicon.ts';

export interface VersionResult {
  textId: number;
  version: number;
  unchanged: number;
  changed: number;
  carriedBeads: number;
  /** The statement had no text in this language: it was added, aligned to the source text. */
  added?: boolean;
  /** Paragraphs of the old version the new one no longer has (nor anything identical to them). */
  removed?: number;
  /** Paragraphs a reviewer had corrected that the new version leaves as first published: the correction stays. */
  editsKept?: number;
  /**
   * Numbers (in the old version) of paragraphs a reviewer had corrected that the new version changes
   * otherwise: the new text replaces the correction, which stays in the old version's history.
   */
  editsReplaced?: number[];
}

/** A paragraph as it was imported, before any review edit: its oldest text edit's "before" (`edits`: its text events, newest first). */
function asImported(p: ParagraphRow, edits: ReturnType<typeof paragraphTextEvents>): string {
  return edits.length ? (JSON.parse(edits[edits.length - 1]!.before) as { content: string }).content : p.content;
}

/**
 * Old paragraph id → index of the identical paragraph in the new list (a monotone matching on `keys`,
 * one per old paragraph), and → index of the new paragraph that revises it (see compareVersions).
 */
function matchParagraphs(old: ParagraphRow[], keys: string[], next: string[]): { match: Map<number, number>; revised: Map<number, number> } {
  const r = compareVersions(keys, next.map(norm));
  const byId = (m: Map<number, number>) => new Map([...m].map(([i, j]) => [old[i]!.id, j]));
  return { match: byId(r.same), revised: byId(r.revised) };
}

/**
 * The code a statement stores `lang` under: its text of the same language whatever the tag ("ja-JP"
 * for "ja", "kor" for "ko"), or `lang` itself when it has none (a language to add).
 */
export function storedLanguage(db: Db, statementId: number, lang: Lang): Lang {
  return listCurrentTexts(db, statementId).find((t) => baseLanguage(t.lang) === baseLanguage(lang))?.lang ?? lang;
}

export function importVersion(
  db: Db, statementId: number, lang: Lang, text: unknown, actor: string,
  /**
   * `newLanguage`: the text is meant to add a language; if the statement has it (added meanwhile), 409.
   * `date`: the statement's date as the importer knows it, taken if the statement has none (another date than its own: 409).
   */
  opts: OpsOptions & { preSplit?: boolean; source?: SourceInfo; newLanguage?: boolean; date?: string } = {},
): VersionResult {
  getStatement(db, statementId);
  if (opts.date !== undefined) checkStatementDate(opts.date);
  const current = listCurrentTexts(db, statementId).find((t) => t.lang === lang);
  const paragraphs = prepareText(text, lang, opts.preSplit, current !== undefined);
  if (!current) return addLanguage(db, statementId, lang, paragraphs, text as string, actor, opts);
  if (opts.newLanguage) throw new ConflictError(`statement ${statementId} has a ${lang} text already (version ${current.version}): to replace it, upload a new version of it`);
  const glossary = dbGlossary(db, opts);
  const vocabulary = vocabularyOf(opts);
  // Matching and aligning are pure and may take a while: done before the write transaction opens,
  // which then checks that nobody imported another version meanwhile.
  const oldParas = listParagraphs(db, current.id);
  // A paragraph a reviewer corrected is the same paragraph in a release that has it as it now reads
  // (the ministry made the same correction) or as it was first published (the correction stands, and
  // is carried into the new version with the row's confirmation).
  const histories = oldParas.map((p) => paragraphTextEvents(db, p.id));
  const originals = oldParas.map((p, i) => asImported(p, histories[i]!));
  const nextKeys = new Set(paragraphs.map((p) => norm(p.text)));
  const keys = oldParas.map((p, i) => {
    const now = norm(p.content), was = norm(originals[i]!);
    return nextKeys.has(now) || !nextKeys.has(was) ? now : was;
  });
  const { match, revised } = matchParagraphs(oldParas, keys, paragraphs.map((p) => p.text));
  // The same text as published before, review edits aside: nothing new to store.
  if (match.size === oldParas.length && oldParas.length === paragraphs.length && oldParas.every((p, i) => norm(paragraphs[match.get(p.id)!]!.text) === norm(originals[i]!)))
    throw new InputError(`the new ${lang} text is the same as version ${current.version}${originals.some((o, i) => o !== oldParas[i]!.content) ? ' as it was published (the review\'s text edits aside)' : ''}`);
  const editedContent = new Map<number, { content: string; by: string }>();
  const editsReplaced: number[] = [];
  oldParas.forEach((p, i) => {
    const j = match.get(p.id);
    // Credited to whoever edited its text, in order (an undo is no one's correction).
    const by = () => [...new Set(histories[i]!.filter((e) => e.action === 'paragraph.edit').reverse().map((e) => e.actor))].join(', ') || actor;
    if (j !== undefined && norm(p.content) !== norm(paragraphs[j]!.text)) editedContent.set(j, { content: p.content, by: by() });
    else if (j === undefined && norm(p.content) !== norm(originals[i]!)) editsReplaced.push(i + 1);
  });
  const kept = new Set(match.values());
  const edits = {
    ...(oldParas.length > match.size ? { removed: oldParas.length - match.size } : {}),
    ...(editedContent.size ? { editsKept: editedContent.size } : {}),
    ...(editsReplaced.length ? { editsReplaced } : {}),
  };
  const plans = listAlignments(db, statementId)
    .filter((a) => a.srcTextId === current.id || a.tgtTextId === current.id)
    .map((a) => {
      const changedSide: 'src' | 'tgt' = a.srcTextId === current.id ? 'src' : 'tgt';
      // A changed stretch is aligned at the whole statement's length ratio: its own few paragraphs'
      // totals are thrown off by the very omission or addition the stretch may hold.
      const lengthRatio = statementRatio(db, statementId, a.srcLang, a.tgtLang);
      const opt = { srcLang: a.srcLang, tgtLang: a.tgtLang, glossary, vocabulary, lengthRatio };
      const align = (x: string[], y: string[], atStart: boolean) =>
        changedSide === 'src'
          ? alignParagraphs(x, y, { ...opt, atStart })
          : alignParagraphs(y, x, { ...opt, atStart }).map((b) => ({ src: b.tgt, tgt: b.src, confidence: b.confidence }));
      return { a, changedSide, align };
    });
  return db
    .transaction((): VersionResult => {
      const now = listCurrentTexts(db, statementId).find((t) => t.lang === lang);
      if (now?.id !== current.id) throw new ConflictError(`another ${lang} version was imported meanwhile; try again`);
      // A version of another language imported meanwhile would leave the plans aligning superseded text.
      if (plans.some(({ a }) => !isCurrentAlignment(db, a.id))) throw new ConflictError('another version of this statement was imported meanwhile; try again');
      const at = nowIso(opts);
      const version = Math.max(...listTextVersions(db, statementId, lang).map((t) => t.version)) + 1;
      const { textId, paragraphIds } = insertText(db, {
        statementId,
        lang,
        version,
        body: text as string,
        ...sourceColumns(opts.source),
        at,
        paragraphs: paragraphs.map((p, i) => ({ content: editedContent.get(i)?.content ?? p.text, marker: p.marker, level: p.level, changed: !kept.has(i) })),
      });
      // A correction carried into the new version is that paragraph's text edit too, by whoever made it:
      // its history shows it, and the next version is compared with the text as published.
      for (const [j, e] of editedContent) {
        const paragraphId = paragraphIds[j]!;
        recordEvent(db, { at, actor: e.by, action: 'paragraph.edit', statementId, entity: 'paragraph', entityId: paragraphId, before: { paragraphId, content: paragraphs[j]!.text }, after: { paragraphId, content: e.content } });
      }
      // Importing these texts as they now are, or as any version was, finds this statement.
      settleHashes(db, statementId);
      let carriedBeads = 0;
      const replaced: { from: number; to: number }[] = [];
      // Old paragraph id → new: the changed language's unchanged paragraphs have new rows; the other side keeps its own.
      const oldIds = new Set(oldParas.map((p) => p.id));
      const paragraphOf = (id: number): number | undefined => {
        if (!oldIds.has(id)) return id;
        const i = match.get(id);
        return i === undefined ? undefined : paragraphIds[i];
      };
      for (const { a, changedSide, align } of plans) {
        // Read inside the transaction so confirmations made meanwhile carry over; aligning the changed
        // stretches needs the new paragraph ids, so it happens here, on those stretches only.
        const { beads, carried, flagMoves } = carryOver(listBeads(db, a.id), changedSide, match, paragraphIds, paragraphs.map((p) => p.text), align);
        carriedBeads += carried;
        const newAlignment = insertAlignment(
          db,
          { statementId, srcTextId: changedSide === 'src' ? textId : a.srcTextId, tgtTextId: changedSide === 'tgt' ? textId : a.tgtTextId, method: 'twintext-version', at },
          beads.map((b) => b.bead),
        );
        // Flags follow their bead: onto the carried bead, or onto the new bead holding the same stable-side paragraph.
        const newBeads = listBeads(db, newAlignment);
        const beadOfParagraph = new Map<number, number>();
        for (const b of newBeads) for (const p of [...b.src, ...b.tgt]) beadOfParagraph.set(p.id, b.id);
        for (const m of flagMoves) {
          const target = m.paragraphs.map((p) => beadOfParagraph.get(p)).find((x) => x !== undefined) ?? newBeads[0]?.id;
          if (target !== undefined) moveFlag(db, m.flagId, target, paragraphOf);
        }
        carryFindingDecisions(db, a.id, newAlignment, paragraphOf, at);
        replaced.push({ from: a.id, to: newAlignment });
      }
      // Like a fresh import, the new version comes with its suggestions.
      finishTextWrite(db, statementId, actor, { ...opts, glossary }, at, {
        action: 'text.version',
        textId,
        before: { lang, version: current.version, textId: current.id, paragraphs: oldParas.length },
        after: { lang, version, textId, paragraphs: paragraphs.length, unchanged: match.size, carriedBeads, ...edits },
      });
      // A paragraph the new version revises keeps the verdicts on the problems it still has, which only
      // the checks just run can tell (a dismissed note on a name stays dismissed when a word elsewhere changed).
      const revisedOf = (id: number): number | undefined => {
        const i = revised.get(id);
        return i === undefined ? paragraphOf(id) : paragraphIds[i];
      };
      if (opts.runChecks !== false) for (const r of replaced) carryDecisionsToRevised(db, r.from, r.to, revisedOf, at);
      return { textId, version, unchanged: match.size, changed: paragraphs.length - kept.size, carriedBeads, ...edits };
    })
    .immediate();
}

/**
 * What a text written into a statement ends with, in its transaction: the checks (unless turned off),
 * the date it came with (adoptDate), the statement touched, and the write's event (with that date).
 */
function finishTextWrite(
  db: Db, statementId: number, actor: string, opts: OpsOptions & { date?: string; glossary: ReturnType<typeof dbGlossary> }, at: string,
  event: { action: string; textId: number; before?: Record<string, unknown>; after: Record<string, unknown> },
): void {
  if (opts.runChecks !== false) runStatementChecks(db, statementId, actor, opts);
  const dated = adoptDate(db, statementId, opts.date, at);
  touchStatement(db, statementId, at);
  recordEvent(db, { at, actor, action: event.action, statementId, entity: 'text', entityId: event.textId, before: event.before, after: { ...event.after, ...dated } });
}

/**
 * The date an importer gave with a text (checked already): the statement's if it had none, and then
 * part of the import's event (`{date}`); its own date already, nothing; another date, a conflict that
 * undoes the import.
 */
function adoptDate(db: Db, statementId: number, date: string | undefined, at: string): { date?: string } {
  if (date === undefined) return {};
  const s = getStatement(db, statementId);
  if (s.date === date) return {};
  if (s.date !== null) throw new ConflictError(`statement ${statementId} is dated ${s.date}, not ${date}: correct its date first, or leave the date out`);
  setStatementInfo(db, statementId, { title: s.title, date }, at);
  return { date };
}

/**
 * A text in a language the statement does not have yet (the Japanese of an English–Korean statement
 * that turned out trilateral): stored as its version 1 and aligned to the statement's source text,
 * with its checks, in one transaction.
 */
function addLanguage(
  db: Db, statementId: number, lang: Lang, paragraphs: ReturnType<typeof prepareText>, body: string, actor: string,
  opts: OpsOptions & { source?: SourceInfo; date?: string },
): VersionResult {
  const source = listCurrentTexts(db, statementId)[0];
  if (!source) throw new NotFoundError(`statement ${statementId} has no texts`);
  // "ja-JP" beside "ja" would be a second Japanese text, not a new language.
  const same = listCurrentTexts(db, statementId).find((t) => baseLanguage(t.lang) === baseLanguage(lang));
  if (same) throw new InputError(`statement ${statementId} has a ${same.lang} text already: a version of it is posted as ${same.lang}`);
  const glossary = dbGlossary(db, opts);
  // Aligning is pure and may take a while: before the write transaction, which then checks that the
  // source text is still the one aligned to.
  const beads = alignParagraphs(
    listParagraphs(db, source.id).map((p) => p.content),
    paragraphs.map((p) => p.text),
    { srcLang: source.lang, tgtLang: lang, glossary, vocabulary: vocabularyOf(opts), lexicon: confirmedLexicon(db, source.lang, lang) },
  );
  return db
    .transaction((): VersionResult => {
      const now = listCurrentTexts(db, statementId);
      if (now.some((t) => t.lang === lang)) throw new ConflictError(`a ${lang} text was added to statement ${statementId} meanwhile`);
      if (now[0]?.id !== source.id) throw new ConflictError(`another ${source.lang} version was imported meanwhile; try again`);
      const at = nowIso(opts);
      const srcIds = listParagraphs(db, source.id).map((p) => p.id);
      const { textId, paragraphIds } = insertText(db, {
        statementId,
        lang,
        version: 1,
        body,
        ...sourceColumns(opts.source),
        at,
        paragraphs: paragraphs.map((p) => ({ content: p.text, marker: p.marker, level: p.level })),
      });
      insertAlignment(
        db,
        { statementId, srcTextId: source.id, tgtTextId: textId, method: 'twintext-auto', at },
        beads.map((b) => ({ src: b.src.map((i) => srcIds[i]!), tgt: b.tgt.map((i) => paragraphIds[i]!), confidence: Math.min(1, Math.max(0, b.confidence)) })),
      );
      settleHashes(db, statementId);
      finishTextWrite(db, statementId, actor, { ...opts, glossary }, at, {
        action: 'text.add-language',
        textId,
        after: { lang, version: 1, textId, paragraphs: paragraphs.length, alignedTo: source.lang },
      });
      return { textId, version: 1, unchanged: 0, changed: paragraphs.length, carriedBeads: 0, added: true };
    })
    .immediate();
}

/**
 * Builds the beads of the new alignment: an old bead whose changed-side paragraphs all survive (in a
 * contiguous run) is carried with its status and confidence; everything between carried beads is aligned afresh.
 */
function carryOver(
  old: BeadRow[],
  side: 'src' | 'tgt',
  match: Map<number, number>,
  newIds: number[],
  newTexts: string[],
  /** Aligns a changed stretch; atStart when it opens both texts. */
  align: (x: string[], y: string[], atStart: boolean) => Bead[],
): { beads: { bead: NewBead }[]; carried: number; flagMoves: { flagId: number; paragraphs: number[] }[] } {
  const other = side === 'src' ? 'tgt' : 'src';
  const beads: { bead: NewBead }[] = [];
  const flagMoves: { flagId: number; paragraphs: number[] }[] = [];
  let carried = 0;
  let cursor = 0;
  let pendingX: number[] = [];
  let pendingY: BeadRow['src'] = [];
  // A flag on a row whose only paragraphs changed (an English-only row whose paragraph was rewritten)
  // has nothing of its own left to follow: it goes to the new paragraph in the same place of the
  // re-aligned stretch, counted in changed-side paragraphs from the stretch's start.
  let stretchOld = 0;
  let placeLater: { flagId: number; offset: number }[] = [];
  // When the stretch has no paragraph at all (the paragraph was deleted), the flag goes to the next
  // carried row, or to the last row at the end of the text: beside where its row was, never row 1.
  let orphans: number[] = [];
  const flush = () => {
    for (const f of placeLater) {
      const at = pendingX[Math.min(f.offset, pendingX.length - 1)];
      const ids = at !== undefined ? [newIds[at]!] : pendingY.slice(0, 1).map((p) => p.id);
      if (ids.length) flagMoves.push({ flagId: f.flagId, paragraphs: ids });
      else orphans.push(f.flagId);
    }
    placeLater = [];
    stretchOld = 0;
    if (pendingX.length && pendingY.length) {
      // Nothing carried or aligned before it: the stretch opens both texts.
      for (const b of align(pendingX.map((i) => newTexts[i]!), pendingY.map((p) => p.text), beads.length === 0 && pendingX[0] === 0))
        beads.push({ bead: { [side]: b.src.map((k) => newIds[pendingX[k]!]!), [other]: b.tgt.map((k) => pendingY[k]!.id), confidence: Math.min(1, Math.max(0, b.confidence)) } as unknown as NewBead });
    } else {
      for (const i of pendingX) beads.push({ bead: { [side]: [newIds[i]!], [other]: [], confidence: 0.5 } as unknown as NewBead });
      for (const p of pendingY) beads.push({ bead: { [side]: [], [other]: [p.id], confidence: 0.5 } as unknown as NewBead });
    }
    pendingX = [];
    pendingY = [];
  };
  for (const b of old) {
    const mapped = b[side].map((p) => match.get(p.id));
    const contiguous = mapped.every((m, k) => m !== undefined && (k === 0 || m === mapped[k - 1]! + 1));
    const first = mapped[0];
    // Only a bead with changed-side paragraphs can anchor: an omission bead (empty changed side) joins the
    // stretch that is re-aligned, since the new version may now translate what was missing.
    if (contiguous && first !== undefined && first >= cursor) {
      while (cursor < first) pendingX.push(cursor++);
      flush();
      beads.push({ bead: { [side]: (mapped as number[]).map((i) => newIds[i]!), [other]: b[other].map((p) => p.id), confidence: b.confidence, status: b.status } as unknown as NewBead });
      carried++;
      cursor = (mapped.at(-1) as number) + 1;
      const here = [...b[other].map((p) => p.id), ...(mapped as number[]).map((i) => newIds[i]!)];
      for (const f of b.flags) flagMoves.push({ flagId: f.id, paragraphs: here });
      for (const id of orphans) flagMoves.push({ flagId: id, paragraphs: here });
      orphans = [];
    } else {
      pendingY.push(...b[other]);
      const near = [...b[other].map((p) => p.id), ...mapped.filter((m): m is number => m !== undefined).map((i) => newIds[i]!)];
      for (const f of b.flags) {
        if (near.length) flagMoves.push({ flagId: f.id, paragraphs: near });
        else placeLater.push({ flagId: f.id, offset: stretchOld });
      }
      stretchOld += b[side].length;
    }
  }
  while (cursor < newTexts.length) pendingX.push(cursor++);
  flush();
  if (orphans.length) {
    const last = beads.at(-1)?.bead;
    const ids = last ? [...last.src, ...last.tgt] : [];
    for (const id of orphans) flagMoves.push({ flagId: id, paragraphs: ids });
  }
  return { beads, carried, flagMoves };
}

export interface VersionDiff {
  lang: string;
  from: number;
  to: number;
  /** Paragraph-level diff; a changed paragraph carries a word-level diff. */
  paragraphs: ({ kind: 'same'; text: string } | { kind: 'added' | 'removed'; text: string } | { kind: 'changed'; before: string; after: string; words: ['=' | '-' | '+', string][] })[];
}

export function diffVersions(db: Db, statementId: number, lang: string, from?: number, to?: number): VersionDiff {
  const versions = listTextVersions(db, statementId, lang);
  if (versions.length === 0) throw new NotFoundError(`statement ${statementId} has no ${lang} text`);
  const a = from === undefined ? versions.at(-2) ?? versions.at(-1)! : versions.find((v) => v.version === from);
  const b = to === undefined ? versions.at(-1)! : versions.find((v) => v.version === to);
  if (!a || !b) throw new NotFoundError(`statement ${statementId} has no ${lang} version ${!a ? from : to}`);
  const pa = listParagraphs(db, a.id).map((p) => p.content);
  const pb = listParagraphs(db, b.id).map((p) => p.content);
  const out: VersionDiff['paragraphs'] = [];
  const parts = diffArrays(pa.map(norm), pb.map(norm));
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]!;
    const nextPart = parts[k + 1];
    if (part.removed && nextPart?.added) {
      // Pair removed and added paragraphs one by one as changes; the surplus stays removed/added.
      const n = Math.min(part.value.length, nextPart.value.length);
      for (let i = 0; i < n; i++) out.push({ kind: 'changed', before: part.value[i]!, after: nextPart.value[i]!, words: wordDiff(part.value[i]!, nextPart.value[i]!) });
      for (const t of part.value.slice(n)) out.push({ kind: 'removed', text: t });
      for (const t of nextPart.value.slice(n)) out.push({ kind: 'added', text: t });
      k++;
    } else for (const t of part.value) out.push({ kind: part.added ? 'added' : part.removed ? 'removed' : 'same', text: t });
  }
  return { lang, from: a.version, to: b.version, paragraphs: out };
}
