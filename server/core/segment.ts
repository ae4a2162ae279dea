// Paragraph and sentence segmentation of clean statement bodies (pure, language-parameterised).
import { baseLanguage } from './lang.ts';
import { columns, isHardWrapped, joinWrapped, latinWords, oneSentenceParagraphs, opensSentence, paragraphOpenings, paragraphStarts, wrappedTitle } from './wrap.ts';
import type { Lang, SplitParagraph } from './types.ts';

/** Bullet markers and the nesting level the MND convention gives them. */
const SYMBOL_LEVELS: Record<string, number> = {
  '□': 0, '■': 0, '◆': 0, '◇': 0,
  'ㅇ': 1, '❍': 1, '○': 1, '●': 1, '◦': 1, '•': 1, '▶': 1, '▷': 1, '※': 1,
  '-': 2, '–': 2, '∙': 2, '·': 2, '*': 2, '・': 2,
};

/** Bullet symbols that are never text themselves (unlike -, · or *, which also join words and numbers). */
const NON_TEXT_BULLETS = '□■◆◇ㅇ❍○●◦•▶▷※・';

// A marker must be followed by whitespace (or be a circled digit), so "-3" or "ㅇㅇ" never count;
// a symbol that is never text may also sit right against a Hangul, kana or kanji word ("ㅇ양 의장은",
// "・中国"). A number marker may be followed by a number ("1. 2024년 7월…", "2. 3국 장관은"), but
// not by a number and a dot: "9. 18." is a date. Japanese releases number in full-width ("１．",
// "（２）") and by kanji or katakana before a comma or an ideographic space ("一、", "ア　").
const MARKER_RE = new RegExp(
  `^(?:([${NON_TEXT_BULLETS}\\-–∙·*])(?:\\s+|(?<=[${NON_TEXT_BULLETS}])(?=[가-힣\\u3040-\\u30ff\\u4e00-\\u9fff]))|([①-⑳])\\s*|([\\d０-９]{1,2}[.)．）])(?:\\s+(?=\\D|\\d+(?![\\d.%％]))|(?<=[．）])(?=[^\\d０-９\\s])|(?=[\\u3040-\\u30ff\\u4e00-\\u9fff가-힣]))|([가-하][.)])\\s+|([(（][\\d０-９]{1,2}[)）]|\\([가-하]\\))(?:\\s+|(?<=）)(?=\\S))|((?:[一二三四五六七八九十]{1,3}|[アイウエオカキクケコサシスセソタチツテト]|[イロハニホヘトチリヌ])(?:[、．]|\\u3000)|[０-９]{1,2}(?:\\u3000|\\s(?=[\\u3040-\\u30ff\\u4e00-\\u9fff]))|[（(](?:[一二三四五六七八九十]{1,3}|[アイウエオカキクケコサシスセソタチツテト])[）)])\\s*)`,
  'u',
);

export interface Marker { marker: string; level: number }

/** True for a bullet symbol (□, ㅇ, -, ※…), false for numbering ("1.", "가.", "(1)", "①"). */
export function isSymbolBullet(marker: string): boolean {
  return Object.hasOwn(SYMBOL_LEVELS, marker);
}

/** The bullet/numbering marker that opens a paragraph, with its level, or null. */
export function detectMarker(line: string): Marker | null {
  const m = MARKER_RE.exec(line);
  if (!m) return null;
  if (m[1] !== undefined) return { marker: m[1], level: SYMBOL_LEVELS[m[1]] ?? 1 };
  if (m[2] !== undefined) return { marker: m[2], level: 1 };
  if (m[3] !== undefined) return { marker: m[3], level: 0 };
  if (m[4] !== undefined) return { marker: m[4], level: 1 };
  if (m[5] !== undefined) return { marker: m[5], level: 2 };
  // Japanese outline numbering: 一、 opens the sections, ア　 the items inside them.
  // "１　" (a full-width number and an ideographic space, as Japanese official documents number their parts) opens a section too.
  if (m[6] !== undefined) return { marker: m[6].trim(), level: /^[（(]/u.test(m[6]) ? 2 : /^[一二三四五六七八九十０-９]/u.test(m[6]) ? 0 : 1 };
  return null;
}

/**
 * `text` without the bullet/numbering markers that open it ("- 양 의장은…" → "양 의장은…",
 * "□ ㅇ 개요" → "개요"): what a bilingual corpus keeps, since a marker usually stands on one side
 * only (an HTML <li> has none). Only what detectMarker recognises is taken, so content such as
 * "-3°C", "2023. 9. 18." or an opening quotation mark stays; text that is nothing but a marker is
 * returned unchanged.
 */
export function withoutListMarker(text: string): string {
  let t = text.trimStart();
  for (let m = MARKER_RE.exec(t); m; m = MARKER_RE.exec(t)) {
    const rest = t.slice(m[0].length);
    if (!rest.trim()) break;
    t = rest;
  }
  return t.length === text.trimStart().length ? text : t;
}

const WORDLESS_SYMBOLS = new RegExp(`[${NON_TEXT_BULLETS}*①-⑳]`, 'gu');

/** Whether a text holds a word or number beyond its bullet symbols ("ㅇ" alone is a Hangul letter, not a word). */
export function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text.replace(WORDLESS_SYMBOLS, ''));
}

/**
 * Whether one side of a row gives a corpus a segment: some paragraph with a word or number once its
 * list marker is off. A lone bullet ("ㅇ", "-", "□") or an editorial mark ("[…]") gives none, and an
 * export leaves such a pair out.
 */
export function sideHasWords(paragraphs: readonly string[]): boolean {
  return paragraphs.some((t) => hasWords(withoutListMarker(t)));
}

/** Page furniture that carries no text: "- 3 -", "12", "3 / 10", "Page 2", rules of dashes. */
function isDebris(line: string): boolean {
  if (/^[-–—]\s*\d{1,4}\s*[-–—]$/.test(line)) return true;
  if (/^(?:page\s*)?\d{1,4}(?:\s*\/\s*\d{1,4})?$/i.test(line)) return true;
  // Editorial ellipsis markers ("[…]") stand for left-out text and must stay alignable.
  if (/…|\.\.\./.test(line)) return false;
  return /^[\p{P}\p{S}\s]+$/u.test(line);
}

/** The end mark of a Korean release: 끝., (끝), -끝-, /끝/, <끝>, [끝]. */
const END_MARK_TEXT = String.raw`(?:\(\s*끝\s*\)|끝\s*\.?|[-–]\s*끝\s*[-–]|\/\s*끝\s*\/|[<〈《]\s*끝\s*[>〉》]|\[\s*끝\s*\])`;
/** The last character of a sentence an end mark may follow. */
const BEFORE_END_MARK = '[.다요음함임됨。]';
/** A Korean release's end mark after a finished sentence on its line. */
const END_MARK = new RegExp(String.raw`(?<=${BEFORE_END_MARK})\s+${END_MARK_TEXT}$`, 'u');
/** A line a Korean release's end mark on a line of its own may follow: one that ends a sentence. */
const ENDS_BEFORE_END_MARK = new RegExp(`${BEFORE_END_MARK}$`, 'u');
/**
 * A Korean release's end mark on a line of its own, or a Japanese release's closing 以上 ("以上", "以上。",
 * spaced "以　上"), which ends a Japanese official document as (끝) ends a Korean one. Only on a line of its
 * own: after a sentence on its line, 以上 is a word ("参加者は100名以上。").
 */
export const END_MARK_LINE = new RegExp(`^(?:${END_MARK_TEXT}|以\\s?上[。．]?)$`, 'u');


/**
 * Invisible marks that are not spaces: a soft hyphen (U+00AD, from a word processor or `&shy;`) and a
 * word joiner (U+2060). They are taken out, so "Ex\u00adtended" is "Extended" to search, the glossary
 * and the exports, and a text with them is the same text.
 */
const INVISIBLE = /[\u00ad\u2060]/g;

/** The text without soft hyphens and word joiners (see INVISIBLE). */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** What preSplitLines rewrites: whitespace but a lone space (\u200b is not \\s), and invisible marks. */
const ODD_SPACE = /[^\S ]| {2}|[\u200b\u00ad\u2060]/;

/** Every non-empty line (trimmed) is one paragraph, in order. */
export function preSplitLines(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    // Most lines hold only single spaces: they need trimming, not a new string per space.
    const t = (ODD_SPACE.test(raw) ? withoutInvisible(raw).replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, ' ') : raw).trim();
    if (t) out.push(t);
  }
  return out;
}


/**
 * Paragraphs of a clean statement body. Lines are paragraphs unless the text is hard-wrapped
 * (blank-line separated blocks whose lines run on without ending a sentence), in which case
 * the lines of a block are joined; bullet markers always start a new paragraph.
 */
export function splitParagraphs(text: string, _lang: Lang): SplitParagraph[] {
  const rawLines = text.replace(/\r\n?/g, '\n').split('\n');
  const lines = rawLines.map((l) => withoutInvisible(l).replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, ' ').trim());
  // How far each line is indented, in display columns: a bullet item's wrapped lines may hang under its text.
  const indents = rawLines.map((l) => columns(/^[\s\u00a0\u3000\ufeff]*/u.exec(l)![0]));
  // A Korean release's end mark written after its last sentence ("…예정이다. 끝.", "(끝)"), on its line or
  // on one of its own, closes the document, not the paragraph: it is no part of the text a translation
  // renders; nor is a Japanese release's 以上 on a line of its own. On a line of its own it is the mark
  // only under a line that ends a sentence, as on its line ("…예정대로" / "끝." is a wrapped sentence's end).
  for (let k = lines.length - 1; k >= 0; k--) {
    if (!lines[k]) continue;
    const above = lines.slice(0, k).findLast(Boolean);
    if (END_MARK_LINE.test(lines[k]!) && above !== undefined && ENDS_BEFORE_END_MARK.test(above)) lines[k] = '';
    else lines[k] = lines[k]!.replace(END_MARK, '');
    break;
  }
  const blocks: string[][] = [];
  const blockIndents: number[][] = [];
  let cur: string[] = [];
  let curIndents: number[] = [];
  const endBlock = () => {
    if (cur.length) {
      blocks.push(cur);
      blockIndents.push(curIndents);
    }
    cur = [];
    curIndents = [];
  };
  for (const [k, l] of lines.entries()) {
    if (!l) endBlock();
    else if (!isDebris(l)) {
      cur.push(l);
      curIndents.push(indents[k]!);
    }
  }
  endBlock();

  // Hard-wrapped texts are recognised by their lines that run on (see isHardWrapped); a text with
  // no blank lines and none that visibly runs on is one paragraph a line (the common copy-paste shape).
  const hasBlank = blocks.length > 1;
  const opensItem = (l: string) => detectMarker(l) !== null;
  const wrapped = isHardWrapped(blocks, opensItem);
  let words: Set<string> | undefined;
  const wordsOf = () => (words ??= latinWords(text));
  const cuts = (l: string) => sentenceCuts(l, _lang);

  // Where each block's paragraphs open is read by paragraphStarts (wrap.ts), the page reader's too.
  const out: SplitParagraph[] = [];
  for (const [bi, b] of blocks.entries()) {
    const blockIndent = blockIndents[bi]!;
    const first = b === blocks[0];
    // (The text's title may be wider than the wrap: it does not set the width.)
    const overTitle = first && b.length > 2 ? b.slice(1) : b;
    const width = Math.max(...overTitle.map(columns));
    // The same with each line's indentation, as the wrap measured it.
    const rawWidth = Math.max(...b.map((l, li) => blockIndent[li]! + columns(l)).slice(first && b.length > 2 ? 1 : 0));
    const title = wrapped && first ? wrappedTitle(b, width, opensItem) : { end: -1, titleCase: 0 };
    // Without blank lines, a block is the whole text, and its habits tell where its paragraphs end
    // (see paragraphOpenings, oneSentenceParagraphs). Whether it writes one sentence a paragraph is no
    // question for a text of bulleted paragraphs, where the bullets mark the openings and an unmarked
    // line goes on (nor, in effect, for English, as only a Korean sentence's end counts there: English
    // statements run several sentences a paragraph more often than their counts can tell).
    const habits = wrapped && !hasBlank;
    const starts = paragraphStarts(b, {
      wrapped, blankLines: hasBlank, width, chars: Math.max(...b.map((l) => l.length)), indents: blockIndent, rawWidth, opensItem, title, wordsOf,
      openings: habits ? paragraphOpenings(b, width, { bodyStart: title.end + 1, opensItem, cuts }) : new Map(),
      oneSentence: habits && b.filter(opensItem).length < 2 && oneSentenceParagraphs(b, width, opensItem, cuts),
    });
    let para: string | null = null;
    for (const [li, l] of b.entries()) {
      if (starts[li]) {
        if (para !== null) out.push(makePara(para));
        para = l;
      } else {
        para = joinWrapped(para!, l, wordsOf);
      }
    }
    if (para !== null) out.push(makePara(para));
  }
  return out;
}

function makePara(text: string): SplitParagraph {
  const mk = detectMarker(text);
  return { text, marker: mk ? mk.marker : null, level: mk ? mk.level : 0 };
}

// Abbreviations after which a period never ends a sentence (titles, ranks, "No. 3").
const NEVER_FINAL = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'adm', 'amb', 'gov',
  'sen', 'rep', 'rev', 'hon', 'st', 'no', 'nos', 'vol', 'art', 'para', 'fig', 'cmdr', 'brig', 'pres',
  'vs', 'v', 'e.g', 'i.e', 'cf', 'approx', 'dept', 'est', 'mt', 'ft',
]);
/** Suffixes of personal names. */
const NAME_SUFFIX = new Set(['jr', 'sr']);
// Month abbreviations are final only when no day number follows.
const MONTH_ABBR = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
// (After a dotted acronym a new sentence is assumed only before one of the STARTERS, see wrap.ts.)

// A dotted acronym ending the word before a period ("U.S", "ROK-U.S", "R.O.K"; the final dot is
// the terminator): hyphenated compounds name the acronym's country first or last.
const DOTTED_ACRONYM = /(?:^|[^\p{L}.])(?:\p{L}\.)+\p{L}$/u;

const WORD_CHAR = /[\p{L}\p{N}.'’-]/u;

/** WORD_CHAR of the code unit at `i`: ASCII by its code, anything else by the pattern. */
function isWordChar(t: string, i: number): boolean {
  const c = t.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 39 || c === 45;
  return WORD_CHAR.test(t[i]!);
}

// Full-width terminators (Japanese, Chinese) end a sentence with no space after them: those scripts have none.
const TERMINATOR_RE = /[.!?]+["'”’)\]」』]*(?=\s|$)|[。！？]+["'”’)\]」』）]*/gu;

// Any whitespace other than a lone space: when absent, collapsing runs of whitespace is a no-op
// and the (hot) regex replace can be skipped.
const NON_CANONICAL_SPACE = /[^\S ]| {2}/;

/** C0 controls other than tab, line feed, form feed and carriage return, and DEL: no part of a text or a title. */
export const CONTROL_CHAR = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/u;

/** Whether the text holds a control character (CONTROL_CHAR). */
export function hasControlChar(text: string): boolean {
  return CONTROL_CHAR.test(text);
}

/**
 * Sentences of one language put back into one segment: Japanese and Chinese write no space between
 * sentences ("開催される。また、…"), other languages one.
 */
export function joinSentences(sentences: readonly string[], lang: Lang): string {
  const base = baseLanguage(lang);
  return sentences.join(base === 'ja' || base === 'zh' ? '' : ' ');
}

/** One line with single spaces: how titles, search needles and compared texts are written. */
export function singleSpaced(text: string): string {
  return withoutInvisible(text).replace(/\s+/g, ' ').trim();
}

/**
 * The paragraph with whitespace runs collapsed to one character and trimmed: a run holding a line
 * break becomes "\n" (a line start is evidence of a sentence start), any other run one space.
 */
function normalizeSpaces(text: string, singleSpaced?: boolean): string {
  if (singleSpaced || !NON_CANONICAL_SPACE.test(text)) return text.trim();
  return (LINE_BREAK.test(text) ? text.replace(/\s+/g, collapseRun) : text.replace(/\s+/g, ' ')).trim();
}

const LINE_BREAK = /[\n\r\u2028\u2029]/;

function collapseRun(run: string): string {
  return LINE_BREAK.test(run) ? '\n' : ' ';
}

/** A short note in brackets after a sentence ("(관련 사진 첨부)"): the sentence's own. */
const NOTE_AFTER = /^ \([^()]{1,80}\)/u;

/** End offsets of every sentence of `t` (normalised) except the last. */
export function sentenceCuts(t: string, lang: Lang): number[] {
  const cuts: number[] = [];
  let sentStart = 0;
  TERMINATOR_RE.lastIndex = 0;
  for (let m = TERMINATOR_RE.exec(t); m; m = TERMINATOR_RE.exec(t)) {
    const end = m.index + m[0].length;
    if (end >= t.length) break;
    // A note in brackets after a Korean sentence ("…하였습니다. (관련 사진 첨부)") is that
    // sentence's: the cut goes after it when another sentence follows, and nowhere when none does.
    // A list marker in brackets ("(1) ", "(가) ", as detectMarker knows them) opens the next item instead.
    const note = t.charCodeAt(end) === 32 && t.charCodeAt(end + 1) === 40 && !detectMarker(t.slice(end + 1)) ? NOTE_AFTER.exec(t.slice(end)) : null;
    if (note && /\p{Script=Hangul}/u.test(t.slice(sentStart, m.index))) {
      const after = end + note[0].length;
      if (after < t.length && t.slice(after).trim()) {
        cuts.push(after);
        sentStart = after;
        TERMINATOR_RE.lastIndex = after;
      }
      continue;
    }
    if (isBoundary(t, m.index, m[0], end, sentStart, lang)) {
      cuts.push(end);
      sentStart = end;
    }
  }
  return cuts;
}

/** Sentences of one paragraph. */
export function splitSentences(text: string, lang: Lang): string[] {
  const t = normalizeSpaces(text);
  if (!t) return [];
  const cuts = sentenceCuts(t, lang);
  const out: string[] = [];
  let prev = 0;
  // Line breaks only informed the cuts; sentences are single-spaced.
  const flat = t.includes('\n') ? (s: string) => s.replace(/\n/g, ' ') : (s: string) => s;
  for (const c of cuts) {
    const s = t.slice(prev, c).trim();
    if (s) out.push(flat(s));
    prev = c;
  }
  const last = t.slice(prev).trim();
  if (last) out.push(flat(last));
  return out;
}

/**
 * `splitSentences(text, lang).length` without building the sentences (the aligner only needs
 * counts). Every piece is non-empty: each cut piece holds its terminator, and the last one ends
 * on the trimmed text's final, non-space character. `singleSpaced` says that the caller has found no
 * whitespace in the text but single spaces (NON_CANONICAL_SPACE matches nothing), and spares the search.
 */
export function countSentences(text: string, lang: Lang, singleSpaced?: boolean): number {
  const t = normalizeSpaces(text, singleSpaced);
  return t ? sentenceCuts(t, lang).length + 1 : 0;
}

function isBoundary(t: string, at: number, term: string, end: number, sentStart: number, _lang: Lang): boolean {
  const after = t.slice(end).trimStart();
  const next = after[0] ?? '';
  // Only a period is ambiguous; ! and ? (and the full-width 。！？) end a sentence whenever something follows.
  // A quotation ending in 。 that the sentence goes on from (「…。」と述べた) is not an end.
  if (term[0] !== '.') return !/^[a-z]/.test(after) && !(/[」』]$/.test(term) && /^\p{Script=Hiragana}/u.test(after));
  if (term.startsWith('...') || term.startsWith('..')) return /^[A-Z\p{Script=Hangul}"“]/u.test(next);
  // Next sentence must begin like one: a lowercase continuation ("approx. two") never does.
  if (/^[a-z,;:]/.test(after)) return false;
  const before = t.slice(sentStart, at);
  // Scanning back by hand: an end-anchored regex would rescan the prefix from every offset.
  let w0 = at;
  while (w0 > sentStart && isWordChar(t, w0 - 1)) w0--;
  const word = t.slice(w0, at);
  const lower = word.toLowerCase();
  // "(끝)", "(사진 첨부)": a short parenthesised note belongs to the sentence it follows.
  // A list marker in brackets ("(1) ", "(가) ") opens the next item instead.
  if (/^\((?:끝|[^()]{0,12})\)(?:\s|$)/u.test(after) && !detectMarker(after) && /\p{Script=Hangul}/u.test(before)) return false;
  // A list item's letter or numeral opening the sentence ("가. ", "a. ", "iv. ") ends nothing.
  if (before.trim() === word && /^(?:[가-하]|[a-z]|[ivx]{1,4})$/iu.test(word)) return false;
  // "2023.9.18." is a date written with dots: it ends a sentence no more than "2023. 9. 18." does
  // (a decimal, "2.5.", is no date).
  if (/^\d+(?:\.\d+){2,}$/.test(word) || /^\d+$/.test(word)) {
    // Dates "2023. 9. 18." and list numbers "1." at the start of a sentence.
    if (/^\d/.test(next)) return false;
    if (before.trim() === word) return false;
    // Korean sentences end in a verb, so "2023. 9. 18. 서울에서" is a date, not an ending.
    if (/\p{Script=Hangul}/u.test(before) || /^\p{Script=Hangul}/u.test(next)) return false;
    if (/\d{1,4}\.\s?\d{1,2}$/.test(before)) return false;
    return true;
  }
  if (NEVER_FINAL.has(lower)) return false;
  // "at 10 a.m. Secretary Austin opened…": a clock time ends a sentence before a capital, unless a
  // time zone or place qualifies it ("10 a.m. Eastern Time", "2 p.m. Seoul time").
  if (lower === 'a.m' || lower === 'p.m') return /^[A-Z"“]/.test(next) && !/^(?:Eastern|Central|Mountain|Pacific|Korea|Korean|Japan|Seoul|Washington|Tokyo|Beijing|Local|[A-Z]{2,4}T)\b/.test(after);
  if (MONTH_ABBR.has(lower)) return !/^\d/.test(next);
  // Initials: "Lloyd J. Austin", "Antony J. Blinken".
  if (/^\p{Lu}$/u.test(word)) return false;
  // "Martin Luther King Jr. Day", "Joseph R. Biden Jr. and …": a suffix ends a sentence only as an
  // acronym does, before a word that opens one.
  // (A dotted acronym holds a full stop.)
  if ((word.includes('.') && DOTTED_ACRONYM.test(word)) || NAME_SUFFIX.has(lower)) return acronymEndsSentence(t, end, after);
  return true;
}

/**
 * Whether a period closing a dotted acronym also closes the sentence: never before a digit or a
 * lowercase word (checked by the caller), always at a line break, else only before a word that
 * commonly opens a sentence ("…to the U.S. The two sides…") and never before a capitalised noun
 * ("U.S. Military Committee", "U.S. Secretary of Defense", "U.N. Security Council").
 */
function acronymEndsSentence(t: string, end: number, after: string): boolean {
  if (/^\d/.test(after)) return false;
  if (t[end] === '\n') return true;
  return opensSentence(after);
}
