// Use cases of the automatic checks: run them on a stored statement (storing suggested flags),
// keep them current after edits and new versions, accept or dismiss a finding, corpus consistency.
import type { Db } from '../store/db.ts';
import { checkAlignment, checkConsistency, type ConsistencyPair, type Finding } from '../core/checks/index.ts';
import { iterateExportBeads } from '../store/export.ts';
import type { Bead } from '../core/types.ts';
import { ConflictError } from '../core/errors.ts';
import { baseLanguage } from '../core/lang.ts';
import { listAlignments, listBeads, getBead, insertFlag, insertFlagComment, getAlignment, getFlag, openFlagOf, requireCurrentAlignment, updateFlag } from '../store/beads.ts';
import { replaceSuggestedFindings, listFindings, getFinding, setFindingStatus, type FindingRow, type NewFinding } from '../store/findings.ts';
import { recordEvent } from '../store/events.ts';
import { getStatement } from '../store/statements.ts';
import { nowIso, type OpsOptions } from './context.ts';
import { dbGlossary } from './glossary.ts';

/** Which flag category an accepted finding of each check becomes. */
export const FLAG_CATEGORY_OF_CHECK: Record<string, string> = {
  numbers: 'number',
  dates: 'number',
  acronyms: 'name',
  names: 'name',
  omission: 'omission',
  addition: 'addition',
  length: 'omission',
  terminology: 'terminology',
  modality: 'meaning',
  negation: 'meaning',
  consistency: 'terminology',
};

interface Doc {
  alignmentId: number;
  srcLang: string;
  tgtLang: string;
  src: { id: number; text: string }[];
  tgt: { id: number; text: string }[];
  beads: (Bead & { id: number })[];
}

/** An alignment as plain arrays (0-based paragraph indices), the shape the pure checks take. */
function loadDocs(db: Db, statementId: number, onlyAlignment?: number): Doc[] {
  getStatement(db, statementId);
  return listAlignments(db, statementId).filter((a) => onlyAlignment === undefined || a.id === onlyAlignment).map((a) => {
    const rows = listBeads(db, a.id);
    const src = rows.flatMap((b) => b.src).sort((x, y) => x.n - y.n);
    const tgt = rows.flatMap((b) => b.tgt).sort((x, y) => x.n - y.n);
    const si = new Map(src.map((p, i) => [p.id, i]));
    const ti = new Map(tgt.map((p, i) => [p.id, i]));
    return {
      alignmentId: a.id,
      srcLang: a.srcLang,
      tgtLang: a.tgtLang,
      src: src.map((p) => ({ id: p.id, text: p.text })),
      tgt: tgt.map((p) => ({ id: p.id, text: p.text })),
      beads: rows.map((b) => ({ id: b.id, src: b.src.map((p) => si.get(p.id)!), tgt: b.tgt.map((p) => ti.get(p.id)!), confidence: b.confidence })),
    };
  });
}

export interface StatementCheck {
  alignmentId: number;
  srcLang: string;
  tgtLang: string;
  findings: Finding[];
  /** Paragraph numbers (1-based) per finding, parallel to `findings`. */
  src: number[][];
  tgt: number[][];
}

interface DocFindings {
  d: Doc;
  findings: Finding[];
}

function computeChecks(db: Db, statementId: number, opts: OpsOptions & { checks?: string[] }, onlyAlignment?: number): DocFindings[] {
  const glossary = dbGlossary(db, opts);
  return loadDocs(db, statementId, onlyAlignment).map((d) => ({
    d,
    findings: checkAlignment(
      d.src.map((p) => p.text),
      d.tgt.map((p) => p.text),
      d.beads,
      { srcLang: d.srcLang, tgtLang: d.tgtLang, glossary, checks: opts.checks },
    ),
  }));
}

/** Replaces the suggested findings of each alignment; the caller holds the write transaction. */
function storeChecks(db: Db, results: DocFindings[], at: string): void {
  for (const { d, findings } of results) {
    const beadOf = (f: Finding) => {
      const s = f.src[0];
      const t = f.tgt[0];
      return d.beads.find((b) => (s !== undefined && b.src.includes(s)) || (t !== undefined && b.tgt.includes(t)))?.id ?? null;
    };
    const stored = findings.map((f) => {
      const srcIds = f.src.map((i) => d.src[i]!.id);
      const tgtIds = f.tgt.map((i) => d.tgt[i]!.id);
      return {
        beadId: beadOf(f),
        check: f.check,
        severity: f.severity,
        message: f.message,
        key: findingKey(f.key, srcIds, tgtIds),
        srcParagraphs: srcIds,
        tgtParagraphs: tgtIds,
        spans: {
          src: f.srcSpans.map((s) => ({ paragraphId: d.src[s.paragraph]!.id, ...s.span })),
          tgt: f.tgtSpans.map((s) => ({ paragraphId: d.tgt[s.paragraph]!.id, ...s.span })),
        },
      };
    });
    const decided = listFindings(db, d.alignmentId).filter((f) => f.status !== 'suggested');
    replaceSuggestedFindings(db, d.alignmentId, stored.filter((f) => !decided.some((x) => sameProblem(x, f))), at);
  }
}

/** Where a finding's hits are: its spans' paragraphs, or all its paragraphs when it has no spans. */
function hitParagraphs(f: Pick<NewFinding, 'spans' | 'srcParagraphs' | 'tgtParagraphs'>): number[] {
  const spans = f.spans as { src?: { paragraphId?: number }[]; tgt?: { paragraphId?: number }[] } | null;
  const ids = [...(spans?.src ?? []), ...(spans?.tgt ?? [])].map((s) => s.paragraphId).filter((id): id is number => typeof id === 'number');
  return ids.length ? ids : [...f.srcParagraphs, ...f.tgtParagraphs];
}

/**
 * A finding already decided covers a new one with the same check key hitting the same paragraph: after a
 * merge or a move the key's paragraph list grows or shrinks, but a dismissed problem must stay dismissed.
 */
function sameProblem(decided: FindingRow, f: NewFinding): boolean {
  const cut = (k: string) => k.slice(0, k.lastIndexOf('@'));
  if (cut(decided.key) !== cut(f.key)) return false;
  const hits = new Set(hitParagraphs(decided));
  return hitParagraphs(f).some((id) => hits.has(id));
}

// Paragraph ids make the key specific to where it was found: dismissing one does not hide the same problem elsewhere.
const findingKey = (checkKey: string, srcIds: number[], tgtIds: number[]) => `${checkKey}@${srcIds.join(',')}|${tgtIds.join(',')}`;

/** Runs every check on a stored statement and stores the findings as suggested flags (one transaction). */
export function runStatementChecks(db: Db, statementId: number, actor: string, opts: OpsOptions & { checks?: string[] } = {}): StatementCheck[] {
  const results = computeChecks(db, statementId, opts);
  const at = nowIso(opts);
  db.transaction(() => {
    storeChecks(db, results, at);
    recordEvent(db, { at, actor, action: 'checks.run', statementId, entity: 'statement', entityId: statementId, after: { findings: results.reduce((n, r) => n + r.findings.length, 0) } });
  }).immediate();
  return results.map(({ d, findings }) => ({
    alignmentId: d.alignmentId,
    srcLang: d.srcLang,
    tgtLang: d.tgtLang,
    findings,
    src: findings.map((f) => f.src.map((i) => i + 1)),
    tgt: findings.map((f) => f.tgt.map((i) => i + 1)),
  }));
}

/**
 * Brings the suggested findings of a statement up to date after its alignment or text changed, inside the
 * caller's write transaction (no event of its own: the change that caused it is the event). Without
 * `onlyAlignment` every alignment is re-checked, as a text edit needs (a pivot paragraph belongs to each
 * alignment of a trilateral statement); an alignment edit changes that alignment alone. The checks take
 * about 1 ms per row, all of it inside the write lock. Skipped when `opts.runChecks` is false.
 */
export function recheckStatement(db: Db, statementId: number, opts: OpsOptions = {}, onlyAlignment?: number): void {
  if (opts.runChecks === false) return;
  storeChecks(db, computeChecks(db, statementId, opts, onlyAlignment), nowIso(opts));
}

/**
 * Carries the reviewer's verdicts (accepted, dismissed) from an alignment to the one that replaces it
 * (a new text version): a finding whose paragraphs all survive keeps its verdict, so the checks do not
 * suggest again what was already decided. `paragraphOf` maps an old paragraph id to its new one.
 * Run before the checks of the new alignment, whose INSERT OR IGNORE then leaves these keys alone.
 */
export function carryFindingDecisions(db: Db, fromAlignmentId: number, toAlignmentId: number, paragraphOf: (id: number) => number | undefined, at: string): number {
  const beadOfParagraph = new Map<number, number>();
  for (const b of listBeads(db, toAlignmentId)) for (const p of [...b.src, ...b.tgt]) beadOfParagraph.set(p.id, b.id);
  const carried: { status: FindingRow['status']; flagId: number | null; finding: NewFinding }[] = [];
  for (const f of listFindings(db, fromAlignmentId)) {
    if (f.status === 'suggested') continue;
    const cut = f.key.lastIndexOf('@');
    if (cut < 0) continue;
    const src = f.srcParagraphs.map(paragraphOf);
    const tgt = f.tgtParagraphs.map(paragraphOf);
    if (![...src, ...tgt].every((id) => id !== undefined)) continue;
    const srcIds = src as number[];
    const tgtIds = tgt as number[];
    const beadId = [...srcIds, ...tgtIds].map((id) => beadOfParagraph.get(id)).find((b) => b !== undefined) ?? null;
    const mapSpans = (spans: unknown) =>
      Array.isArray(spans) ? spans.map((s: { paragraphId?: number }) => ({ ...s, paragraphId: s.paragraphId === undefined ? undefined : paragraphOf(s.paragraphId) })) : [];
    const spans = f.spans as { src?: unknown; tgt?: unknown } | null;
    carried.push({
      status: f.status,
      flagId: f.flagId,
      finding: {
        beadId,
        check: f.check,
        severity: f.severity,
        message: f.message,
        key: findingKey(f.key.slice(0, cut), srcIds, tgtIds),
        srcParagraphs: srcIds,
        tgtParagraphs: tgtIds,
        spans: { src: mapSpans(spans?.src), tgt: mapSpans(spans?.tgt) },
      },
    });
  }
  if (carried.length === 0) return 0;
  // The store inserts findings as suggested only; the verdicts are set right after, in the same transaction.
  replaceSuggestedFindings(db, toAlignmentId, carried.map((c) => c.finding), at);
  const byKey = new Map(listFindings(db, toAlignmentId).map((f) => [f.key, f]));
  let n = 0;
  for (const c of carried) {
    const row = byKey.get(c.finding.key);
    if (row?.status !== 'suggested') continue;
    setFindingStatus(db, row.id, c.status, c.flagId, at);
    n++;
  }
  return n;
}

const SEVERITY_RANK = { info: 0, warning: 1, error: 2 } as const;

/**
 * After a new version's checks: a verdict on a problem of a paragraph the new version revised (see
 * compareVersions) carries to the same problem found again on the revised paragraph — the same check
 * key (the same number, name or term), on the paragraphs that replace the old ones — unless the problem
 * got worse (a dismissed warning does not hide an error). A problem the revision fixed is simply not
 * found again, and one it changed is a new suggestion. `paragraphOf` maps an old paragraph id to the
 * identical or revising new one. Returns how many verdicts were carried.
 */
export function carryDecisionsToRevised(db: Db, fromAlignmentId: number, toAlignmentId: number, paragraphOf: (id: number) => number | undefined, at: string): number {
  const suggested = listFindings(db, toAlignmentId).filter((f) => f.status === 'suggested');
  if (!suggested.length) return 0;
  const raw = (key: string) => key.slice(0, key.lastIndexOf('@'));
  const meets = (a: number[], b: number[]) => a.length === 0 || b.length === 0 ? a.length === b.length : a.some((x) => b.includes(x));
  let n = 0;
  for (const f of listFindings(db, fromAlignmentId)) {
    if (f.status === 'suggested' || f.key.lastIndexOf('@') < 0) continue;
    const src = f.srcParagraphs.map(paragraphOf), tgt = f.tgtParagraphs.map(paragraphOf);
    if (![...src, ...tgt].every((id) => id !== undefined)) continue;
    const hit = suggested.find((g) => g.status === 'suggested' && g.check === f.check && raw(g.key) === raw(f.key)
      && SEVERITY_RANK[g.severity] <= SEVERITY_RANK[f.severity]
      && meets(g.srcParagraphs, src as number[]) && meets(g.tgtParagraphs, tgt as number[]));
    if (!hit) continue;
    hit.status = f.status;
    setFindingStatus(db, hit.id, f.status, f.flagId, at);
    n++;
  }
  return n;
}

export function statementFindings(db: Db, statementId: number): FindingRow[] {
  getStatement(db, statementId);
  return listAlignments(db, statementId).flatMap((a) => listFindings(db, a.id));
}

/**
 * Which decisions of a review are an editor's is the review's rule; who is an editor is the server's
 * (accounts and roles). Ops call this with the decision ("dismissing an error-level finding") before
 * making it, and it throws when the acting user may not; without it (the CLI, loopback) anyone may.
 */
export type EditorCheck = (decision: string) => void;

/**
 * Accepting a finding makes it a flag on its bead; dismissing it is remembered. Dismissing an error or
 * a warning is an editor's decision (`editorDecision`): it hides the problem from the review and the
 * report for good, unless an editor restores it. An informational suggestion anyone may dismiss.
 */
export function decideFinding(db: Db, findingId: number, verdict: 'accept' | 'dismiss', actor: string, opts: OpsOptions = {}, editorDecision?: EditorCheck): FindingRow {
  return db
    .transaction(() => {
      const f = getFinding(db, findingId);
      if (f.status !== 'suggested') throw new ConflictError(`finding ${findingId} is already ${f.status}`);
      requireCurrentAlignment(db, f.alignmentId, `finding ${findingId}`);
      if (verdict === 'dismiss' && f.severity !== 'info') editorDecision?.(`dismissing ${f.severity === 'error' ? 'an error' : 'a warning'} of the ${f.check} check`);
      const at = nowIso(opts);
      const statementId = getAlignment(db, f.alignmentId).statementId;
      let flagId: number | null = null;
      let joined = false;
      if (verdict === 'accept') {
        if (f.beadId === null) throw new ConflictError(`finding ${findingId} no longer points at a row; run the checks again`);
        const category = FLAG_CATEGORY_OF_CHECK[f.check] ?? 'meaning';
        const comment = `[${f.check}] ${f.message}`;
        // A whole paragraph one version leaves out or adds (a row with one side empty) is major, as
        // an error is: it is content, not wording; other warnings make minor flags.
        const bead = getBead(db, f.beadId);
        const wholeParagraph = (f.check === 'omission' || f.check === 'addition') && (bead.src.length === 0 || bead.tgt.length === 0);
        const severity = f.severity === 'error' || wholeParagraph ? 'major' : 'minor';
        // A reviewer who already flagged the row for this (a number flag, then the number check's
        // suggestion) gets the finding on that flag's thread, not a second flag to resolve; an error
        // raises a minor flag to major, as a flag of its own would have been.
        const open = openFlagOf(db, f.beadId, category);
        if (open !== undefined) {
          insertFlagComment(db, { flagId: open, author: actor, body: comment, at });
          const was = getFlag(db, open);
          if (severity === 'major' && was.severity === 'minor') {
            const now = updateFlag(db, open, { severity }, at);
            recordEvent(db, { at, actor, action: 'flag.update', statementId, entity: 'flag', entityId: open, before: { severity: was.severity, version: was.version }, after: { severity: now.severity, version: now.version, finding: findingId } });
          }
          flagId = open;
          joined = true;
        } else {
          const flag = insertFlag(db, { beadId: f.beadId, category, severity, comment, author: actor, at });
          flagId = flag.id;
          // Opened as a flag made by hand is: its history starts here.
          recordEvent(db, { at, actor, action: 'flag.create', statementId, entity: 'flag', entityId: flag.id, after: { ...flag, finding: findingId } });
        }
      }
      const after = setFindingStatus(db, findingId, verdict === 'accept' ? 'accepted' : 'dismissed', flagId, at);
      recordEvent(db, {
        at,
        actor,
        action: `finding.${verdict}`,
        statementId,
        entity: 'finding',
        entityId: findingId,
        before: { status: f.status },
        after: { status: after.status, flagId, ...(joined ? { joinedFlag: true } : {}) },
      });
      return after;
    })
    .immediate();
}

/**
 * Puts a dismissed finding back among the suggestions (an editor's undoing of a dismissal): the checks
 * then keep it as long as they find it. An accepted finding is a flag, handled there, and not restored.
 */
export function restoreFinding(db: Db, findingId: number, actor: string, opts: OpsOptions = {}): FindingRow {
  return db
    .transaction(() => {
      const f = getFinding(db, findingId);
      if (f.status !== 'dismissed')
        throw new ConflictError(f.status === 'accepted' ? `finding ${findingId} was accepted as flag ${f.flagId}: change that flag instead` : `finding ${findingId} is not dismissed`);
      requireCurrentAlignment(db, f.alignmentId, `finding ${findingId}`);
      const at = nowIso(opts);
      const after = setFindingStatus(db, findingId, 'suggested', null, at);
      const statementId = getAlignment(db, f.alignmentId).statementId;
      recordEvent(db, { at, actor, action: 'finding.restore', statementId, entity: 'finding', entityId: findingId, before: { status: f.status }, after: { status: after.status } });
      return after;
    })
    .immediate();
}

export interface ConsistencyFinding {
  severity: Finding['severity'];
  message: string;
  key: string;
  /** The rows where the term and its renderings appear. */
  rows: { statementId: number; title: string; date: string | null; beadId: number; position: number }[];
}

/**
 * Corpus consistency: the same glossary term rendered differently across statements (both directions),
 * over every current pair with two sides, statements aligned the other way round included. Computed on demand: it reads the whole corpus.
 */
export function corpusConsistency(db: Db, srcLang = 'en', tgtLang = 'ko', opts: OpsOptions = {}): ConsistencyFinding[] {
  const rows: ConsistencyFinding['rows'] = [];
  const pairs: ConsistencyPair[] = [];
  for (const b of iterateExportBeads(db, {})) {
    if (b.src.length === 0 || b.tgt.length === 0) continue;
    // A statement aligned the other way round (Korean first) renders the same terms: it is turned round.
    // Languages by base code: a text stored as ja-JP (or a corpus's ko-KR) is Japanese (Korean) here.
    const [s, t] = [baseLanguage(b.srcLang), baseLanguage(b.tgtLang)];
    const turned = s === baseLanguage(tgtLang) && t === baseLanguage(srcLang);
    if (!turned && (s !== baseLanguage(srcLang) || t !== baseLanguage(tgtLang))) continue;
    const [src, tgt] = turned ? [b.tgt, b.src] : [b.src, b.tgt];
    rows.push({ statementId: b.statementId, title: b.title, date: b.date, beadId: b.beadId, position: b.position });
    pairs.push({ statementId: b.statementId, title: b.title, date: b.date, src: src.map((p) => p.text).join('\n'), tgt: tgt.map((p) => p.text).join('\n') });
  }
  return checkConsistency(pairs, { srcLang: baseLanguage(srcLang), tgtLang: baseLanguage(tgtLang), glossary: dbGlossary(db, opts) }).map((f) => ({
    severity: f.severity,
    message: f.message,
    key: f.key,
    rows: [...new Set([...f.src, ...f.tgt])].sort((a, b) => a - b).map((i) => rows[i]!),
  }));
}
