// Types of the bilingual corpus exporters: one ExportUnit per aligned bead, written by format-specific writers.

export interface ExportFlag {
  category: string;
  severity: string;
  status: string;
  comment: string;
  author: string;
}

export interface ExportUnit {
  statementId: number;
  title: string;
  date: string | null;
  beadId: number;
  /** Bead position in the statement, 1-based. */
  position: number;
  /** e.g. 'en', 'ko'. */
  srcLang: string;
  tgtLang: string;
  /** Paragraphs of a side joined by '\n' at paragraph level; one sentence at sentence level. */
  src: string;
  tgt: string;
  /** 1-based paragraph numbers. */
  srcParagraphs: number[];
  tgtParagraphs: number[];
  status: 'auto' | 'confirmed';
  confidence: number;
  flags: ExportFlag[];
}

export interface ExportOptions {
  /** Language tags for xml:lang / srcLang attributes, e.g. {en: 'en-US', ko: 'ko-KR'}; defaults to the unit's code. */
  langTags?: Record<string, string>;
  toolVersion?: string;
  /** Segmentation level of the units (TMX header segtype). Default 'paragraph'. */
  segtype?: 'paragraph' | 'sentence';
  /** Languages for the header of an export with no units (TMX/XLIFF need them before the first unit). */
  srcLang?: string;
  tgtLang?: string;
}

export type ExportFormat = 'tmx' | 'xliff' | 'tsv' | 'csv' | 'jsonl' | 'moses';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['tmx', 'xliff', 'tsv', 'csv', 'jsonl', 'moses'];

export type UnitSource = AsyncIterable<ExportUnit> | Iterable<ExportUnit>;

/**
 * "en-ko" → ["en", "ko"]: an export's language pair, source first (two different codes), or null;
 * whether each code names a language is languageProblem's to say (core/lang.ts).
 */
export function parseLangPair(v: string): [src: string, tgt: string] | null {
  const m = /^([a-z]{2,3})-([a-z]{2,3})$/.exec(v);
  return m && m[1] !== m[2] ? [m[1]!, m[2]!] : null;
}

/**
 * "0.85" → 0.85: a confidence threshold (the CLI's --min-confidence and the API's min_confidence), or
 * null for anything but a plain decimal from 0 to 1. Number() would take "" for 0 and "0x1" for 1.
 */
export function parseConfidence(v: string): number | null {
  if (!/^(?:[01](?:\.\d*)?|\.\d+)$/.test(v)) return null;
  const x = Number(v);
  return x >= 0 && x <= 1 ? x : null;
}

/**
 * "en=en-US": a language of the corpus and the BCP 47 tag to write for it in TMX/XLIFF; null when
 * the text does not look like that (the CLI's --lang-tag and the API's lang_tag).
 */
export function parseLangTag(v: string): [lang: string, tag: string] | null {
  const m = /^([a-z]{2,3})=([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)$/.exec(v);
  return m ? [m[1]!, m[2]!] : null;
}
