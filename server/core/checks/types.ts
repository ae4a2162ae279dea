// Types of the difference-check engine: findings, spans, options and the bead view checks work on.
import type { Glossary } from '../glossary.ts';
import type { Lang } from '../types.ts';

export type Severity = 'error' | 'warning' | 'info';

/** Character offsets inside one paragraph's text. */
export interface Span { start: number; end: number; text: string }

export interface Finding {
  check: string;
  severity: Severity;
  message: string;
  src: number[];
  tgt: number[];
  srcSpans: { paragraph: number; span: Span }[];
  tgtSpans: { paragraph: number; span: Span }[];
  key: string;
}

export interface CheckOptions { srcLang: Lang; tgtLang: Lang; glossary?: Glossary; checks?: string[] }

/** One side of a bead: its paragraphs joined by "\n" so checks see one text, with the way back. */
export interface Side {
  lang: Lang;
  /** Paragraph indices in the document, ascending. */
  paras: number[];
  /** Paragraph texts, parallel to `paras`. */
  texts: string[];
  /** Joined text and the offset where each paragraph starts in it. */
  text: string;
  starts: number[];
}

/** A located piece of text on one side, in joined-text offsets. */
export interface Hit { start: number; end: number }

/** What a check returns before the engine fills in paragraph lists and ordering. */
export interface RawFinding {
  check: string;
  severity: Severity;
  message: string;
  key: string;
  srcHits: Hit[];
  tgtHits: Hit[];
  /** Paragraphs the finding is about when there is no span on that side (default: the whole side). */
  srcParas?: number[];
  tgtParas?: number[];
}

/** A bead as checks see it. */
export interface Unit {
  src: Side;
  tgt: Side;
  opts: CheckOptions;
  /** Whole-document texts, for checks that accept what another paragraph establishes (a person named once). */
  doc?: { src: string; tgt: string };
}
