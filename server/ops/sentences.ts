// Use case: the sentences inside a stored paragraph bead, aligned. The review page shows them, and
// the sentence-level export writes them: both go through sentencePairs, so they always agree.
import type { Db } from '../store/db.ts';
import { getAlignment, getBead } from '../store/beads.ts';
import { pairedLengths } from '../store/export.ts';
import { splitSentences, withoutListMarker } from '../core/segment.ts';
import { alignSentences, sentenceRatio } from '../core/align.ts';
import type { Glossary } from '../core/glossary.ts';
import type { Bead, Lang } from '../core/types.ts';
import { vocabularyOf, type OpsOptions } from './context.ts';
import { dbGlossary } from './glossary.ts';

export interface SentencePairs {
  /** The bead's sentences per side, in order (sentencePairs keeps a paragraph's marker on its first sentence; beadSentences takes it off, as the export does). */
  src: string[];
  tgt: string[];
  /** Sentence beads: indices into src/tgt, with a confidence in [0, 1]. */
  beads: Bead[];
}

export interface SentenceContext {
  srcLang: Lang;
  tgtLang: Lang;
  glossary?: Glossary;
  vocabulary?: Glossary;
  /** The statement's length ratio (see statementRatio). */
  lengthRatio?: number;
}

/** Splits the paragraphs of a bead into sentences and aligns them with the paragraph aligner's engine. */
export function sentencePairs(srcParagraphs: string[], tgtParagraphs: string[], c: SentenceContext): SentencePairs {
  const src = srcParagraphs.flatMap((p) => splitSentences(p, c.srcLang));
  const tgt = tgtParagraphs.flatMap((p) => splitSentences(p, c.tgtLang));
  const { lengthRatio, ...opts } = c;
  return { src, tgt, beads: alignSentences(src, tgt, lengthRatio ? { ...opts, lengthRatio } : opts) };
}

/**
 * Target characters per source character over a statement's paired beads in one language pair
 * (the length-weighted median of theirs): the ratio a bead's sentences are aligned at (a bead's own
 * totals are thrown off by a sentence that one side leaves out; a statement's sums by one paragraph
 * that adds a long passage). Undefined when nothing is paired.
 */
export function statementRatio(db: Db, statementId: number, srcLang: string, tgtLang: string): number | undefined {
  return sentenceRatio(pairedLengths(db, statementId, srcLang, tgtLang), srcLang, tgtLang);
}

export interface BeadSentences extends SentencePairs {
  beadId: number;
  srcLang: string;
  tgtLang: string;
}

/** The aligned sentences of one stored bead (an empty side gives no sentence beads on the other). */
export function beadSentences(db: Db, beadId: number, opts: OpsOptions = {}): BeadSentences {
  const bead = getBead(db, beadId);
  const a = getAlignment(db, bead.alignmentId);
  const pairs = sentencePairs(
    bead.src.map((p) => p.text),
    bead.tgt.map((p) => p.text),
    { srcLang: a.srcLang, tgtLang: a.tgtLang, glossary: dbGlossary(db, opts), vocabulary: vocabularyOf(opts), lengthRatio: statementRatio(db, a.statementId, a.srcLang, a.tgtLang) },
  );
  // Shown as the export writes them: without the list marker a paragraph's first sentence opens with.
  return { beadId, srcLang: a.srcLang, tgtLang: a.tgtLang, ...pairs, src: pairs.src.map(withoutListMarker), tgt: pairs.tgt.map(withoutListMarker) };
}
