// Use case: export a bilingual corpus (paragraph or sentence level), filtered, streamed to a writer.
import type { Db } from '../store/db.ts';
import { iterateExportBeads, type ExportBead, type ExportFilter } from '../store/export.ts';
import { splitSentences } from '../core/segment.ts';
import { alignSentences } from '../core/align.ts';
import { writeExport } from '../formats/export/index.ts';
import type { ExportFormat, ExportOptions, ExportUnit } from '../formats/export/types.ts';
import type { OpsOptions } from './context.ts';
import { dbGlossary } from './glossary.ts';

export interface CorpusQuery extends Omit<ExportFilter, 'pageSize'> {
  level?: 'paragraph' | 'sentence';
}

type Out = NodeJS.WritableStream | { src: NodeJS.WritableStream; tgt: NodeJS.WritableStream };

function toUnit(b: ExportBead, src: string, tgt: string): ExportUnit {
  return {
    statementId: b.statementId,
    title: b.title,
    date: b.date,
    beadId: b.beadId,
    position: b.position,
    srcLang: b.srcLang,
    tgtLang: b.tgtLang,
    src,
    tgt,
    srcParagraphs: b.src.map((p) => p.n),
    tgtParagraphs: b.tgt.map((p) => p.n),
    status: b.status,
    confidence: b.confidence,
    flags: b.flags.map((f) => ({ category: f.category, severity: f.severity, status: f.status, comment: f.comment, author: f.author })),
  };
}

/** Pairs with both sides non-empty, as export units; sentence level re-aligns inside each bead. */
export function* corpusUnits(db: Db, q: CorpusQuery, opts: OpsOptions = {}): Generator<ExportUnit> {
  const glossary = q.level === 'sentence' ? (dbGlossary(db, opts)) : undefined;
  for (const b of iterateExportBeads(db, q)) {
    if (b.src.length === 0 || b.tgt.length === 0) continue;
    if (q.level !== 'sentence') {
      yield toUnit(b, b.src.map((p) => p.text).join('\n'), b.tgt.map((p) => p.text).join('\n'));
      continue;
    }
    const ss = b.src.flatMap((p) => splitSentences(p.text, b.srcLang));
    const ts = b.tgt.flatMap((p) => splitSentences(p.text, b.tgtLang));
    for (const sb of alignSentences(ss, ts, { srcLang: b.srcLang, tgtLang: b.tgtLang, glossary })) {
      if (sb.src.length === 0 || sb.tgt.length === 0) continue;
      const u = toUnit(b, sb.src.map((i) => ss[i]).join(' '), sb.tgt.map((i) => ts[i]).join(' '));
      u.confidence = Math.min(b.confidence, sb.confidence);
      yield u;
    }
  }
}

export async function exportCorpus(
  db: Db,
  format: ExportFormat,
  q: CorpusQuery,
  out: Out,
  exportOpts: ExportOptions = {},
  opts: OpsOptions = {},
): Promise<{ count: number }> {
  return writeExport(format, corpusUnits(db, q, opts), out, { ...exportOpts, ...(q.level === 'sentence' ? { segtype: 'sentence' } : {}) } as ExportOptions);
}
