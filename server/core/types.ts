// Domain types shared by every layer. Pure data: no I/O, no classes.

/** A BCP-47-ish language code as used across twintext ("en", "ko", "ja"). */
export type Lang = string;

/** One paragraph as produced by the splitter. */
export interface SplitParagraph {
  /** Paragraph text, trimmed, markers kept (e.g. "□ 한미는 …"). */
  text: string;
  /** Bullet marker that opened it ("□", "ㅇ", "-", "1." …) or null. */
  marker: string | null;
  /** Nesting level: 0 for body text / top bullets, 1+ for sub-bullets. */
  level: number;
}

/**
 * A bead of an alignment: indices (0-based, ascending, contiguous) into the
 * source and target paragraph (or sentence) lists. Either side may be empty
 * (omission / insertion), never both.
 */
export interface Bead {
  src: number[];
  tgt: number[];
  /** Probability-like confidence in [0,1] that this bead is right. */
  confidence: number;
}

/** Thrown by pure code on malformed input; the CLI/HTTP edges map it to exit 2 / 400. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(message: string, readonly code = 'bad_input') {
    super(message);
  }
}
