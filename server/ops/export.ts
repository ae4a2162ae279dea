// Use case: export a bilingual corpus (paragraph or sentence level), filtered, streamed to a writer.
import type { Db } from '../store/db.ts';
import { InputError } from '../core/errors.ts';
import { getStatement } from '../store/statements.ts';
import { exportPairs, iterateExportBeads, type ExportBead, type ExportFilter } from '../store/export.ts';
import { hasWords, joinSentences, withoutListMarker } from '../core/segment.ts';
import { baseLanguage } from '../core/lang.ts';
import { writeExport } from '../formats/export/index.ts';
import type { ExportFormat, ExportOptions, ExportUnit } from '../formats/export/types.ts';
import { vocabularyOf, type OpsOptions } from './context.ts';
import { dbGlossary } from './glossary.ts';
import { sentencePairs, statementRatio } from './sentences.ts';

export interface CorpusQuery extends Omit<ExportFilter, 'pageSize'> {
  level?: 'paragraph' | 'sentence';
  /**
   * One language pair, source first, as base codes ("en", "ja"): pairs aligned the other way round are
   * turned round, pairs of other languages left out. A text stored with a subtag ("ja-JP") is of its base
   * language's pair. Moses and XLIFF hold one pair; without this they take the first bead's.
   */
  pair?: readonly [string, string];
  /**
   * Rows with one side empty (an omission, an addition) too, as units with an empty side: what a
   * round trip through another twintext needs to keep them and their flags. TSV, CSV and JSONL at
   * paragraph level only; a corpus for training leaves them out.
   */
  oneSided?: boolean;
}

type Out = NodeJS.WritableStream | { src: NodeJS.WritableStream; tgt: NodeJS.WritableStream };

function toUnit(b: ExportBead, src: string, tgt: string, srcParagraphs = b.src, tgtParagraphs = b.tgt): ExportUnit {
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
    srcParagraphs: srcParagraphs.map((p) => p.n),
    tgtParagraphs: tgtParagraphs.map((p) => p.n),
    status: b.status,
    confidence: b.confidence,
    flags: b.flags.map((f) => ({ category: f.category, severity: f.severity, status: f.status, comment: f.comment, author: f.author })),
  };
}

/**
 * Segments (paragraphs or sentences) as a corpus carries them: each without its list marker ("- ",
 * "ㅇ ", "1. "), which usually stands on one side only, and without those that hold no word (a lone
 * "ㅇ", an editorial "[…]") beside others that do. A side of nothing but such segments is kept whole,
 * for corpusUnits to leave the pair out as it always has. The stored text keeps it all for review.
 */
function corpusSegments<T extends { text: string }>(segments: readonly T[]): T[] {
  const stripped = segments.map((x) => ({ ...x, text: withoutListMarker(x.text) }));
  const worded = stripped.filter((x) => hasWords(x.text));
  return worded.length > 0 ? worded : stripped;
}

const texts = (segments: readonly { text: string }[]) => segments.map((x) => x.text);

/** The sentences of a sentence pair's side as one segment (see corpusSegments), joined as the language writes them. */
function sentencesText(sentences: readonly string[], picked: readonly number[], lang: string): string {
  return joinSentences(texts(corpusSegments(picked.map((i) => ({ text: sentences[i]! })))), lang);
}

/** A row's paragraphs as one unit: the paragraphs a corpus carries (corpusSegments), numbers and all. */
function paragraphUnit(b: ExportBead): ExportUnit {
  const src = corpusSegments(b.src);
  const tgt = corpusSegments(b.tgt);
  return toUnit(b, texts(src).join('\n'), texts(tgt).join('\n'), src, tgt);
}

/** The unit with its sides exchanged (a Korean-first statement in an English→Korean export). */
function turned(u: ExportUnit): ExportUnit {
  return { ...u, srcLang: u.tgtLang, tgtLang: u.srcLang, src: u.tgt, tgt: u.src, srcParagraphs: u.tgtParagraphs, tgtParagraphs: u.srcParagraphs };
}

/** The language pair (base codes, see CorpusQuery.pair) of the first bead the query selects, or undefined when it selects none. */
export function firstPair(db: Db, q: CorpusQuery): [string, string] | undefined {
  const first = iterateExportBeads(db, { ...q, pageSize: 1 }).next();
  return first.done ? undefined : [baseLanguage(first.value.srcLang), baseLanguage(first.value.tgtLang)];
}

/**
 * Corpus units of the query, turned to its language pair when it names one (see CorpusQuery.pair).
 * `otherPairs`, when given, counts the units left out for being of another pair, by pair ("en-ja").
 */
export function* corpusUnits(db: Db, q: CorpusQuery, opts: OpsOptions = {}, otherPairs?: Map<string, number>): Generator<ExportUnit> {
  const pair = q.pair;
  for (const u of unitsOf(db, q, opts)) {
    // A side that is only a bullet or an editorial mark ("ㅇ", "[…]") pairs nothing.
    const oneSided = u.src === '' || u.tgt === '';
    if (!(q.oneSided && oneSided) && (!hasWords(u.src) || !hasWords(u.tgt))) continue;
    if (!pair) {
      yield u;
      continue;
    }
    const src = baseLanguage(u.srcLang);
    const tgt = baseLanguage(u.tgtLang);
    if (src === pair[0] && tgt === pair[1]) yield u;
    else if (src === pair[1] && tgt === pair[0]) yield turned(u);
    else if (otherPairs) otherPairs.set(`${src}-${tgt}`, (otherPairs.get(`${src}-${tgt}`) ?? 0) + 1);
  }
}

/**
 * The language pairs (base codes, source first as aligned) of the statements (all when none), for
 * saying that no statement has the pair an export asked for.
 */
export function statementPairs(db: Db, statementIds?: readonly number[]): string[] {
  return [...new Set(exportPairs(db, statementIds).map(([s, t]) => `${baseLanguage(s)}-${baseLanguage(t)}`))];
}

/**
 * Pairs with both sides non-empty, as export units; sentence level re-aligns inside each bead.
 * Every format goes through here, so list markers are taken off here (see corpusSegments).
 */
function* unitsOf(db: Db, q: CorpusQuery, opts: OpsOptions): Generator<ExportUnit> {
  const glossary = q.level === 'sentence' ? dbGlossary(db, opts) : undefined;
  const vocabulary = q.level === 'sentence' ? vocabularyOf(opts) : undefined;
  // Sentences are aligned at their statement's length ratio (its paired paragraphs'), not at their
  // bead's own, which a sentence left out on one side throws off.
  const ratios = new Map<string, number | undefined>();
  const ratioOf = (b: { statementId: number; srcLang: string; tgtLang: string }): number | undefined => {
    const key = `${b.statementId}:${b.srcLang}:${b.tgtLang}`;
    if (!ratios.has(key)) ratios.set(key, statementRatio(db, b.statementId, b.srcLang, b.tgtLang));
    return ratios.get(key);
  };
  for (const b of iterateExportBeads(db, q)) {
    if (b.src.length === 0 || b.tgt.length === 0) {
      if (q.oneSided && q.level !== 'sentence') yield paragraphUnit(b);
      continue;
    }
    if (q.level !== 'sentence') {
      yield paragraphUnit(b);
      continue;
    }
    const { src: ss, tgt: ts, beads } = sentencePairs(b.src.map((p) => p.text), b.tgt.map((p) => p.text), { srcLang: b.srcLang, tgtLang: b.tgtLang, glossary, vocabulary, lengthRatio: ratioOf(b) });
    for (const sb of beads) {
      if (sb.src.length === 0 || sb.tgt.length === 0) continue;
      // Each sentence is stripped, not the joined pair: the first one carries its paragraph's marker,
      // a later one may open with an inline item number ("…합의했다. 2. 양측은…").
      const u = toUnit(b, sentencesText(ss, sb.src, b.srcLang), sentencesText(ts, sb.tgt, b.tgtLang));
      u.confidence = Math.min(b.confidence, sb.confidence);
      // The query kept the bead by its own confidence; the unit carries its sentence pair's too.
      if (q.minConfidence !== undefined && u.confidence < q.minConfidence) continue;
      yield u;
    }
  }
}

/** Whether rows with one side empty (CorpusQuery.oneSided) fit an export: tabular formats, paragraph level. */
export function oneSidedFits(format: string, level: string | undefined): boolean {
  return (format === 'tsv' || format === 'csv' || format === 'jsonl') && level !== 'sentence';
}

/** An export names its statements: an unknown one is a NotFoundError (404 / exit 1), not an empty file. */
export function requireStatements(db: Db, ids: readonly number[] | undefined): void {
  for (const id of ids ?? []) getStatement(db, id);
}

export async function exportCorpus(
  db: Db,
  format: ExportFormat,
  q: CorpusQuery,
  out: Out,
  exportOpts: ExportOptions = {},
  opts: OpsOptions = {},
): Promise<{ count: number; otherPairs: Map<string, number> }> {
  requireStatements(db, q.statementIds);
  if (q.oneSided && !oneSidedFits(format, q.level))
    throw new InputError('rows with one side empty are exported in TSV, CSV or JSONL at paragraph level only');
  // Moses files and an XLIFF document hold one language pair.
  const query = (format === 'moses' || format === 'xliff') && !q.pair ? { ...q, pair: firstPair(db, q) } : q;
  // An export with no unit still names its pair in a TMX/XLIFF header: the one asked for.
  const pairLangs = query.pair ? { srcLang: query.pair[0], tgtLang: query.pair[1] } : {};
  const otherPairs = new Map<string, number>();
  const { count } = await writeExport(format, corpusUnits(db, query, opts, otherPairs), out, { ...pairLangs, ...exportOpts, ...(q.level === 'sentence' ? { segtype: 'sentence' } : {}) } as ExportOptions);
  return { count, otherPairs };
}
