// Use cases of the automatic checks: run them on a stored statement (storing suggested flags),
// accept or dismiss a finding, and check two files without a database (CLI).
import type { Db } from '../store/db.ts';
import { checkAlignment, checkConsistency, type Finding } from '../core/checks/index.ts';
import { iterateExportBeads } from '../store/export.ts';
import type { Bead } from '../core/types.ts';
import { ConflictError } from '../core/errors.ts';
import { listAlignments, listBeads, insertFlag, getAlignment } from '../store/beads.ts';
import { replaceSuggestedFindings, listFindings, getFinding, setFindingStatus, type FindingRow } from '../store/findings.ts';
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
function loadDocs(db: Db, statementId: number): Doc[] {
  getStatement(db, statementId);
  return listAlignments(db, statementId).map((a) => {
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

/** Runs every check on a stored statement and stores the findings as suggested flags (one transaction). */
export function runStatementChecks(db: Db, statementId: number, actor: string, opts: OpsOptions & { checks?: string[] } = {}): StatementCheck[] {
  const glossary = dbGlossary(db, opts);
  const docs = loadDocs(db, statementId);
  const results = docs.map((d) => ({
    d,
    findings: checkAlignment(
      d.src.map((p) => p.text),
      d.tgt.map((p) => p.text),
      d.beads,
      { srcLang: d.srcLang, tgtLang: d.tgtLang, glossary, checks: opts.checks },
    ),
  }));
  const at = nowIso(opts);
  db.transaction(() => {
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
          // Paragraph ids make the key specific to where it was found: dismissing one does not hide the same problem elsewhere.
          key: `${f.key}@${srcIds.join(',')}|${tgtIds.join(',')}`,
          srcParagraphs: srcIds,
          tgtParagraphs: tgtIds,
          spans: {
            src: f.srcSpans.map((s) => ({ paragraphId: d.src[s.paragraph]!.id, ...s.span })),
            tgt: f.tgtSpans.map((s) => ({ paragraphId: d.tgt[s.paragraph]!.id, ...s.span })),
          },
        };
      });
      replaceSuggestedFindings(db, d.alignmentId, stored, at);
    }
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

export function statementFindings(db: Db, statementId: number): FindingRow[] {
  getStatement(db, statementId);
  return listAlignments(db, statementId).flatMap((a) => listFindings(db, a.id));
}

/** Accepting a finding makes it a flag on its bead; dismissing it is remembered. */
export function decideFinding(db: Db, findingId: number, verdict: 'accept' | 'dismiss', actor: string, opts: OpsOptions = {}): FindingRow {
  return db
    .transaction(() => {
      const f = getFinding(db, findingId);
      if (f.status !== 'suggested') throw new ConflictError(`finding ${findingId} is already ${f.status}`);
      const at = nowIso(opts);
      let flagId: number | null = null;
      if (verdict === 'accept') {
        if (f.beadId === null) throw new ConflictError(`finding ${findingId} no longer points at a row; run the checks again`);
        flagId = insertFlag(db, {
          beadId: f.beadId,
          category: FLAG_CATEGORY_OF_CHECK[f.check] ?? 'meaning',
          severity: f.severity === 'error' ? 'major' : 'minor',
          comment: `[${f.check}] ${f.message}`,
          author: actor,
          at,
        }).id;
      }
      const after = setFindingStatus(db, findingId, verdict === 'accept' ? 'accepted' : 'dismissed', flagId, at);
      recordEvent(db, {
        at,
        actor,
        action: `finding.${verdict}`,
        statementId: getAlignment(db, f.alignmentId).statementId,
        entity: 'finding',
        entityId: findingId,
        before: { status: f.status },
        after: { status: after.status, flagId },
      });
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
 * over every current pair with two sides. Computed on demand: it reads the whole corpus.
 */
export function corpusConsistency(db: Db, srcLang = 'en', tgtLang = 'ko', opts: OpsOptions = {}): ConsistencyFinding[] {
  const rows: ConsistencyFinding['rows'] = [];
  const pairs: { statementId: number; date: string | null; src: string; tgt: string }[] = [];
  for (const b of iterateExportBeads(db, {})) {
    if (b.srcLang !== srcLang || b.tgtLang !== tgtLang || b.src.length === 0 || b.tgt.length === 0) continue;
    rows.push({ statementId: b.statementId, title: b.title, date: b.date, beadId: b.beadId, position: b.position });
    pairs.push({ statementId: b.statementId, date: b.date, src: b.src.map((p) => p.text).join('\n'), tgt: b.tgt.map((p) => p.text).join('\n') });
  }
  return checkConsistency(pairs, { srcLang, tgtLang, glossary: dbGlossary(db, opts) }).map((f) => ({
    severity: f.severity,
    message: f.message,
    key: f.key,
    rows: [...new Set([...f.src, ...f.tgt])].sort((a, b) => a - b).map((i) => rows[i]!),
  }));
}
