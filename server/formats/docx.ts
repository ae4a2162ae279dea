// DOCX → statement text: zip-bomb-guarded unpacking, then the document's paragraphs read from its XML, one per line.
import { unzipSync, type Unzipped } from 'fflate';
import type { SaxesParser, SaxesTagNS } from 'saxes';
import { detectMarker } from '../core/segment.ts';
import { InputError } from '../core/types.ts';

/** Upper bound on the total declared uncompressed size of a .docx archive. */
export const MAX_DOCX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;

export function isZip(buf: Uint8Array): boolean {
  return buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
}

/** WordprocessingML's namespace, transitional and strict. */
const W_NS = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);
const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/**
 * Subtrees whose text Word does not show as the document's: tracked deletions and moved-away text,
 * field codes (the field's result is shown), the earlier formatting of a tracked change (a
 * pPrChange holds the numbering the paragraph had before) and section properties.
 */
const HIDDEN = new Set(['del', 'moveFrom', 'instrText', 'delInstrText', 'sectPr', 'footnotePr', 'endnotePr', 'tblGrid']);
const isHidden = (local: string) => HIDDEN.has(local) || local.endsWith('Change');

/**
 * Separates the cells of a table row, which is one paragraph. A tab would be one space to the splitter,
 * and " | " is what page chrome looks like (a menu, a byline "News | June 4, 2026") to the body
 * extraction, and a factor separator to Moses; a middle dot between spaces is neither.
 */
const CELL_SEPARATOR = ' · ';

/** Stands for a manual line break inside a paragraph until the paragraph is complete. */
const BREAK = '\n';

type Open = (local: string, attr: (name: string) => string | undefined) => void;

/**
 * Feeds one XML part to a namespace-aware parser and reports WordprocessingML elements by local name
 * (markup-compatibility ones prefixed "mc:"; others as "" so they never match). Its errors become
 * one InputError naming the part.
 */
function scanPart(
  Parser: typeof SaxesParser,
  xml: string,
  part: string,
  on: { open: Open; close?: (local: string) => void; text?: (text: string) => void },
): void {
  const parser = new Parser({ xmlns: true });
  const nameOf = (tag: SaxesTagNS) => (W_NS.has(tag.uri) ? tag.local : tag.uri === MC_NS ? `mc:${tag.local}` : '');
  parser.on('opentag', (tag) => {
    on.open(nameOf(tag), (name) => {
      for (const a of Object.values(tag.attributes)) if (a.local === name && (a.uri === '' || W_NS.has(a.uri))) return a.value;
      return undefined;
    });
  });
  if (on.close) parser.on('closetag', (tag) => on.close!(nameOf(tag)));
  if (on.text) parser.on('text', on.text);
  try {
    parser.write(xml).close();
  } catch (err) {
    throw new InputError(`malformed .docx file (${part}): ${(err as Error).message}`, 'bad_docx');
  }
}

// ---------------------------------------------------------------------------------------------
// Numbering: what a list paragraph shows before its text ("□", "1.", "가.").

interface Level {
  format: string;
  /** The level's text, "%1." or a bullet character, with %1…%9 standing for the levels' numbers. */
  text: string;
  start: number;
  font: string;
  /** "Legal" numbering: every level's number in decimal ("1.1" under "I."). */
  legal: boolean;
  /** The paragraph style linked to this level (such a paragraph needs no numPr of its own). */
  style?: string;
}

interface AbstractNum { levels: Map<number, Level>; styleLink?: string }
interface Num { abstractId: string; starts: Map<number, number>; levels: Map<number, Level> }
interface ParagraphStyle { basedOn?: string; numId?: string; ilvl?: number }

interface Numbering {
  abstracts: Map<string, AbstractNum>;
  nums: Map<string, Num>;
  /** Paragraph styles, for list numbering given by a style ("List Bullet") rather than the paragraph. */
  styles: Map<string, ParagraphStyle>;
  /** Numbering styles: the num each stands for (an abstractNum's numStyleLink names one). */
  numberingStyles: Map<string, string>;
}

function readNumbering(Parser: typeof SaxesParser, xml: string | undefined, stylesXml: string | undefined): Numbering {
  const numbering: Numbering = { abstracts: new Map(), nums: new Map(), styles: new Map(), numberingStyles: new Map() };
  if (xml) {
    let abstract: AbstractNum | null = null;
    let num: Num | null = null;
    let level: Level | null = null;
    let ilvl = 0;
    let overrideLevel = -1;
    let fontSet = false;
    scanPart(Parser, xml, 'numbering', {
      open(local, attr) {
        const val = attr('val');
        switch (local) {
          case 'abstractNum':
            abstract = { levels: new Map() };
            numbering.abstracts.set(attr('abstractNumId') ?? '', abstract);
            break;
          case 'num':
            num = { abstractId: '', starts: new Map(), levels: new Map() };
            numbering.nums.set(attr('numId') ?? '', num);
            break;
          case 'abstractNumId':
            if (num) num.abstractId = val ?? '';
            break;
          case 'lvlOverride':
            overrideLevel = Number(attr('ilvl') ?? 0);
            break;
          case 'startOverride':
            if (num && overrideLevel >= 0) num.starts.set(overrideLevel, Number(val ?? 0));
            break;
          case 'numStyleLink':
            if (abstract && val) abstract.styleLink = val;
            break;
          case 'lvl':
            ilvl = Number(attr('ilvl') ?? 0);
            level = { format: 'decimal', text: '', start: 0, font: '', legal: false };
            fontSet = false;
            break;
          case 'start': if (level) level.start = Number(val ?? 0); break;
          case 'numFmt': if (level) level.format = val ?? 'decimal'; break;
          case 'lvlText': if (level) level.text = val ?? ''; break;
          case 'isLgl': if (level) level.legal = val !== '0' && val !== 'false'; break;
          case 'pStyle': if (level && val) level.style = val; break;
          case 'rFonts':
            // The bullet's font: the first run font given (a Symbol or Wingdings bullet is a private-use code).
            if (level && !fontSet) {
              level.font = attr('ascii') ?? attr('hAnsi') ?? attr('cs') ?? '';
              fontSet = true;
            }
            break;
        }
      },
      close(local) {
        if (local === 'lvl' && level) {
          if (num && overrideLevel >= 0) num.levels.set(overrideLevel, level);
          else if (abstract) abstract.levels.set(ilvl, level);
          level = null;
        } else if (local === 'lvlOverride') overrideLevel = -1;
        else if (local === 'abstractNum') abstract = null;
        else if (local === 'num') num = null;
      },
    });
  }
  if (stylesXml) {
    let style: ParagraphStyle | null = null;
    let styleId = '';
    let styleType = '';
    let hidden = 0;
    scanPart(Parser, stylesXml, 'styles', {
      open(local, attr) {
        // A pPrChange holds the numbering the style had before a tracked change.
        if (hidden > 0 || isHidden(local)) hidden++;
        else if (local === 'style') {
          styleType = attr('type') ?? '';
          styleId = attr('styleId') ?? '';
          style = {};
          if (styleType === 'paragraph') numbering.styles.set(styleId, style);
        } else if (style && local === 'basedOn') style.basedOn = attr('val');
        else if (style && local === 'numId') {
          if (styleType === 'numbering') numbering.numberingStyles.set(styleId, attr('val') ?? '');
          else style.numId = attr('val');
        } else if (style && local === 'ilvl') style.ilvl = Number(attr('val') ?? 0);
      },
      close(local) {
        // Every element opened inside a skipped subtree closes inside it, its own closing last.
        if (hidden > 0) hidden--;
        else if (local === 'style') style = null;
      },
    });
  }
  return numbering;
}

const ROMAN: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
const GANADA = '가나다라마바사아자차카타파하';
const CHOSUNG = 'ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ';
const AIUEO = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン';
const IROHA = 'イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス';
const KANJI_DIGITS = '〇一二三四五六七八九';
const KOREAN_DIGITS = ['영', '일', '이', '삼', '사', '오', '육', '칠', '팔', '구'];

/**
 * A number in kanji as Japanese counts it (一, 十, 十一, 二十三, 百五, 千二百), up to 9,999; beyond,
 * digit by digit. `digits` and `units` give the legal forms (壱, 弐, 参; 拾) as well.
 */
function kanjiCount(n: number, digits = KANJI_DIGITS, units = ['', '十', '百', '千']): string {
  if (n < 1 || n >= 10000) return [...String(n)].map((d) => digits[Number(d)]).join('');
  let out = '';
  [...String(n)].reverse().forEach((ch, place) => {
    const d = Number(ch);
    if (d === 0) return;
    // 十, 百 and 千 stand alone for one of them; the legal forms always write the digit (壱拾).
    out = `${d === 1 && place > 0 && digits === KANJI_DIGITS ? '' : digits[d]}${units[place]}${out}`;
  });
  return out;
}
/** The forms Japanese legal documents use, which cannot be altered by a stroke (壱, 弐, 参, 拾). */
const DAIJI_DIGITS = '〇壱弐参四伍六七八九';

/** Full-width digits (１２), as Japanese lists number. */
const fullWidth = (n: number) => [...String(n)].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');

/** A list number as Word writes it in the given numFmt. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'decimalZero': return n < 10 ? `0${n}` : String(n);
    case 'lowerRoman':
    case 'upperRoman': {
      let r = '';
      let rest = n;
      for (const [v, s] of ROMAN) for (; rest >= v; rest -= v) r += s;
      return format === 'upperRoman' ? r.toUpperCase() : r;
    }
    case 'lowerLetter':
    case 'upperLetter': {
      // a … z, then aa … zz: the letter repeated, as Word counts.
      if (n < 1) return String(n);
      const letter = String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return format === 'upperLetter' ? letter.toUpperCase() : letter;
    }
    case 'decimalEnclosedCircle': return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'ganada': return n >= 1 ? GANADA[(n - 1) % GANADA.length]! : String(n);
    case 'chosung': return n >= 1 ? CHOSUNG[(n - 1) % CHOSUNG.length]! : String(n);
    // Japanese and Korean list numbering, as Word shows it (the half-width kana forms as their full-width letters).
    case 'japaneseCounting':
    case 'chineseCounting': return kanjiCount(n);
    case 'japaneseLegal': return kanjiCount(n, DAIJI_DIGITS, ['', '拾', '百', '阡']);
    case 'ideographDigital':
    case 'japaneseDigitalTenThousand': return [...String(n)].map((d) => KANJI_DIGITS[Number(d)]).join('');
    case 'decimalFullWidth':
    case 'decimalFullWidth2': return fullWidth(n);
    case 'aiueo':
    case 'aiueoFullWidth': return n >= 1 ? AIUEO[(n - 1) % AIUEO.length]! : String(n);
    case 'iroha':
    case 'irohaFullWidth': return n >= 1 ? IROHA[(n - 1) % IROHA.length]! : String(n);
    case 'koreanDigital': return [...String(n)].map((d) => KOREAN_DIGITS[Number(d)]).join('');
    case 'none': return '';
    default: return String(n);
  }
}

/**
 * Symbol and Wingdings bullets are private-use codes (U+F0xx) that only their font draws; these are
 * the characters they show. An unknown one is still a bullet.
 */
const SYMBOL_FONT_BULLETS: Record<string, string> = {
  'symbol:b7': '•',
  'wingdings:6c': '●', 'wingdings:6d': '❍', 'wingdings:6e': '■', 'wingdings:6f': '□', 'wingdings:71': '❑',
  'wingdings:75': '◆', 'wingdings:76': '❖', 'wingdings:77': '⬥', 'wingdings:9f': '•', 'wingdings:a1': '○',
  'wingdings:a7': '▪', 'wingdings:a8': '◻', 'wingdings:d8': '➢', 'wingdings:fc': '✓',
};

function bulletCharacter(text: string, font: string): string {
  const t = text.trim();
  const f = font.toLowerCase();
  const symbolFont = f === 'symbol' || f.startsWith('wingdings');
  const code = t.codePointAt(0) ?? 0;
  if (t.length === 1 && ((code >= 0xf000 && code <= 0xf0ff) || (symbolFont && code < 0x100))) {
    return SYMBOL_FONT_BULLETS[`${f.startsWith('wingdings') ? 'wingdings' : 'symbol'}:${(code & 0xff).toString(16)}`] ?? '•';
  }
  // Word's second-level bullet is a letter o in Courier New: a hollow circle on the page.
  if (t === 'o') return '◦';
  return t;
}

/** Counts list items as a document is read, to give each numbered paragraph its number. */
class ListCounter {
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly numsSeen = new Set<string>();

  constructor(private readonly numbering: Numbering) {}

  /** The numbering of a paragraph from its own numPr and its style: the num and the level, or null. */
  private resolve(numId: string | undefined, ilvl: number | undefined, styleId: string | undefined): { numId: string; ilvl: number } | null {
    let id = numId;
    let lvl = ilvl;
    const seen = new Set<string>();
    for (let s = styleId; s !== undefined && !seen.has(s); s = this.numbering.styles.get(s)?.basedOn) {
      seen.add(s);
      const style = this.numbering.styles.get(s);
      if (!style) break;
      id ??= style.numId;
      lvl ??= style.ilvl;
    }
    // numId 0 takes a style's numbering off the paragraph.
    if (id === undefined || id === '0') return null;
    if (lvl === undefined && styleId !== undefined) {
      const abs = this.abstractOf(id);
      for (const [i, level] of abs?.levels ?? []) if (level.style === styleId) lvl = i;
    }
    return { numId: id, ilvl: Math.min(Math.max(lvl ?? 0, 0), 8) };
  }

  private abstractIdOf(numId: string): string | undefined {
    const seen = new Set<string>();
    let abstractId = this.numbering.nums.get(numId)?.abstractId;
    // An abstractNum may only point at a numbering style, whose num holds the real list.
    while (abstractId !== undefined && !seen.has(abstractId)) {
      seen.add(abstractId);
      const link = this.numbering.abstracts.get(abstractId)?.styleLink;
      const linkedNum = link === undefined ? undefined : this.numbering.numberingStyles.get(link);
      if (linkedNum === undefined) return abstractId;
      abstractId = this.numbering.nums.get(linkedNum)?.abstractId;
    }
    return abstractId;
  }

  private abstractOf(numId: string): AbstractNum | undefined {
    const id = this.abstractIdOf(numId);
    return id === undefined ? undefined : this.numbering.abstracts.get(id);
  }

  private levelOf(numId: string, ilvl: number): Level | undefined {
    return this.numbering.nums.get(numId)?.levels.get(ilvl) ?? this.abstractOf(numId)?.levels.get(ilvl);
  }

  private startOf(numId: string, ilvl: number): number {
    return this.numbering.nums.get(numId)?.starts.get(ilvl) ?? this.levelOf(numId, ilvl)?.start ?? 0;
  }

  /**
   * The text a list paragraph opens with ("□", "1.", "2.1"), counting it; '' for a paragraph outside
   * any list. Lists that share an abstract numbering count on together, as Word's do; a num that
   * overrides its start restarts them the first time it is used; an item ends the count of the
   * levels below it.
   */
  next(numId: string | undefined, ilvl: number | undefined, styleId: string | undefined): string {
    const at = this.resolve(numId, ilvl, styleId);
    if (!at) return '';
    const level = this.levelOf(at.numId, at.ilvl);
    const abstractId = this.abstractIdOf(at.numId);
    if (!level || abstractId === undefined) return '';
    let counts = this.counters.get(abstractId);
    if (!counts) this.counters.set(abstractId, (counts = []));
    if (!this.numsSeen.has(at.numId)) {
      this.numsSeen.add(at.numId);
      if (this.numbering.nums.get(at.numId)?.starts.size) counts.length = 0;
    }
    const current = counts[at.ilvl];
    counts[at.ilvl] = current === undefined ? this.startOf(at.numId, at.ilvl) : current + 1;
    counts.length = at.ilvl + 1;
    if (level.format === 'bullet') return bulletCharacter(level.text, level.font);
    return level.text.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      const n = counts[i] ?? this.startOf(at.numId, i);
      const format = this.levelOf(at.numId, i)?.format ?? 'decimal';
      return formatNumber(n, level.legal && format !== 'none' ? 'decimal' : format);
    }).trim();
  }
}

// ---------------------------------------------------------------------------------------------
// The document: paragraphs, table rows, notes.

/**
 * A paragraph's lines: its list marker before its text, and a manual line break read as a space
 * (Word's way of wrapping a title or a long line) unless what follows it opens with a list marker
 * ("…개최하였다.<br/>ㅇ 이번 회의에는…"), which starts a line of its own as in text and HTML.
 */
function paragraphLines(marker: string, raw: string): string[] {
  const lines: string[] = [];
  raw.split(BREAK).forEach((piece, i) => {
    const t = (i === 0 && marker ? `${marker} ${piece}` : piece).replace(/[\s\u00a0]+/g, ' ').trim();
    if (!t) return;
    if (lines.length && !detectMarker(t)) lines[lines.length - 1] += ` ${t}`;
    else lines.push(t);
  });
  return lines;
}

/** One table row as lines: a row of two or more filled cells is one line, a framed box its own paragraphs. */
function rowLines(cells: string[][]): string[] {
  const filled = cells.filter((c) => c.length > 0);
  if (filled.length === 1) return filled[0]!;
  return filled.length ? [filled.map((c) => c.join(' ')).join(CELL_SEPARATOR)] : [];
}

type NoteKind = 'footnote' | 'endnote';

/**
 * Reads the body of a document part (the document, or the footnotes or endnotes) into lines: the
 * top-level paragraphs and table rows, each followed by the lines `notesOf` gives for the notes it
 * refers to. A note part gives each note's paragraphs to `onNote`.
 */
function readBody(
  Parser: typeof SaxesParser,
  xml: string,
  part: string,
  counter: ListCounter,
  notesOf: (kind: NoteKind, id: string) => string[],
  onNote?: (id: string, lines: string[]) => void,
): string[] {
  const root: string[] = [];
  // Where finished paragraphs go: the body, a table cell, a note.
  const containers: string[][] = [root];
  const rows: string[][][] = [];
  // Paragraphs inside a paragraph (a text box) are read as their own.
  const paragraphs: { raw: string; numId?: string; ilvl?: number; style?: string }[] = [];
  let hidden = 0;
  let inRun = 0;
  let inText = false;
  let inProps = 0;
  let noteId = '';
  // Notes referred to in the top-level block being read, placed after it.
  let refs: [NoteKind, string][] = [];
  const blockDone = () => {
    if (paragraphs.length || rows.length || containers.length > 1) return;
    for (const [kind, id] of refs) root.push(...notesOf(kind, id));
    refs = [];
  };
  // Per open mc:AlternateContent, whether a choice was read: only the first is, as one rendering.
  const alternates: boolean[] = [];
  // Open complex fields, each in its code (false) or its result (true).
  const fields: boolean[] = [];
  const shown = () => hidden === 0 && !fields.includes(false);
  const add = (s: string) => {
    const p = paragraphs[paragraphs.length - 1];
    if (p && shown()) p.raw += s;
  };

  scanPart(Parser, xml, part, {
    open(local, attr) {
      if (hidden > 0 || isHidden(local)) {
        hidden++;
        return;
      }
      if (local === 'mc:AlternateContent') alternates.push(false);
      else if (local === 'mc:Choice' || local === 'mc:Fallback') {
        const done = alternates[alternates.length - 1];
        if (done) hidden++;
        else alternates[alternates.length - 1] = true;
        return;
      }
      const p = paragraphs[paragraphs.length - 1];
      if (inProps > 0) {
        if (local === 'pStyle' && p) p.style = attr('val');
        else if (local === 'numId' && p) p.numId = attr('val');
        else if (local === 'ilvl' && p) p.ilvl = Number(attr('val') ?? 0);
        inProps++;
        return;
      }
      switch (local) {
        case 'p': paragraphs.push({ raw: '' }); break;
        case 'pPr': inProps = 1; break;
        case 'tbl': break;
        case 'tr': rows.push([]); break;
        case 'tc': containers.push([]); break;
        case 'footnote':
        case 'endnote':
          noteId = attr('id') ?? '';
          containers.push([]);
          break;
        case 'r': inRun++; break;
        case 't': inText = inRun > 0; break;
        case 'tab':
        case 'ptab': if (inRun) add(' '); break;
        case 'br': if (inRun) add(attr('type') === 'page' || attr('type') === 'column' ? ' ' : BREAK); break;
        case 'cr': if (inRun) add(BREAK); break;
        case 'noBreakHyphen': if (inRun) add('-'); break;
        case 'fldChar': {
          const type = attr('fldCharType');
          if (type === 'begin') fields.push(false);
          else if (type === 'separate' && fields.length) fields[fields.length - 1] = true;
          else if (type === 'end') fields.pop();
          break;
        }
        case 'footnoteReference':
        case 'endnoteReference':
          if (shown()) refs.push([local === 'footnoteReference' ? 'footnote' : 'endnote', attr('id') ?? '']);
          break;
      }
    },
    close(local) {
      if (hidden > 0) {
        hidden--;
        return;
      }
      if (local === 'mc:Choice' || local === 'mc:Fallback') return;
      if (local === 'mc:AlternateContent') alternates.pop();
      if (inProps > 0) {
        inProps--;
        return;
      }
      switch (local) {
        case 't': inText = false; break;
        case 'r': inRun = Math.max(0, inRun - 1); break;
        case 'p': {
          const p = paragraphs.pop();
          if (!p) break;
          const marker = counter.next(p.numId, p.ilvl, p.style);
          containers[containers.length - 1]!.push(...paragraphLines(marker, p.raw));
          blockDone();
          break;
        }
        case 'tbl': blockDone(); break;
        case 'tc': {
          const cell = containers.length > 1 ? containers.pop()! : [];
          rows[rows.length - 1]?.push(cell);
          break;
        }
        case 'tr': {
          const row = rows.pop();
          if (row) containers[containers.length - 1]!.push(...rowLines(row));
          break;
        }
        case 'footnote':
        case 'endnote': {
          const lines = containers.length > 1 ? containers.pop()! : [];
          onNote?.(noteId, lines);
          break;
        }
      }
    },
    text(text) {
      if (inText) add(text);
    },
  });
  return root;
}

/** The target of the document's relationship of the given type ("footnotes"), as an archive path. */
function relatedPart(Parser: typeof SaxesParser, files: Unzipped, type: string): string | undefined {
  const rels = files['word/_rels/document.xml.rels'];
  if (!rels) return files[`word/${type}.xml`] ? `word/${type}.xml` : undefined;
  let target: string | undefined;
  const parser = new Parser();
  parser.on('opentag', (tag) => {
    const t = tag.attributes['Type'];
    const to = tag.attributes['Target'];
    if (target === undefined && typeof t === 'string' && typeof to === 'string' && t.endsWith(`/${type}`) && tag.attributes['TargetMode'] !== 'External') {
      target = to.startsWith('/') ? to.slice(1) : `word/${to}`;
    }
  });
  try {
    parser.write(new TextDecoder().decode(rels)).close();
  } catch (err) {
    throw new InputError(`malformed .docx file (relationships): ${(err as Error).message}`, 'bad_docx');
  }
  return target;
}

/**
 * Extracts the paragraphs of a Word document, one per line, as Word shows them: tracked deletions,
 * field codes, headers and footers left out; a list paragraph opening with its bullet or number (so
 * the splitter gives it the marker and level it gives the same text typed); a table row one line,
 * its cells separated by " · "; a footnote or endnote a paragraph of its own, "1) …" as Word
 * numbers it, after the paragraph (or table) that refers to it — at the end of the document, past a
 * contact line or "끝.", the body extraction would take the notes for page furniture. The archive is
 * unpacked with fflate, refusing it on declared sizes before inflating anything (and fflate never
 * inflates past a declared size).
 */
export async function docxToText(buf: Uint8Array): Promise<string> {
  if (!isZip(buf)) throw new InputError('not a .docx file (it is not a ZIP archive)', 'bad_docx');
  let files: Unzipped;
  try {
    let total = 0;
    files = unzipSync(buf, {
      filter(file) {
        total += file.originalSize;
        if (file.originalSize > MAX_DOCX_UNCOMPRESSED_BYTES || total > MAX_DOCX_UNCOMPRESSED_BYTES) {
          throw new InputError(
            `.docx archive expands to more than ${MAX_DOCX_UNCOMPRESSED_BYTES / (1024 * 1024)} MB (entry ${file.name}); refusing to unpack it`,
            'too_large',
          );
        }
        // Only the XML parts are read (media need not be inflated).
        return file.name.endsWith('.xml') || file.name.endsWith('.rels');
      },
    });
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`malformed .docx file: ${(err as Error).message}`, 'bad_docx');
  }
  const document = files['word/document.xml'];
  if (!document) throw new InputError('not a .docx file (the archive has no word/document.xml)', 'bad_docx');
  // Loaded here, not at start-up: every command reads files, few of them Word documents.
  const { SaxesParser: Parser } = await import('saxes');
  const decoder = new TextDecoder();
  const part = (type: string) => {
    const path = relatedPart(Parser, files, type);
    const bytes = path === undefined ? undefined : files[path];
    return bytes ? decoder.decode(bytes) : undefined;
  };
  const numbering = readNumbering(Parser, part('numbering'), part('styles'));
  const notes = { footnote: new Map<string, string>(), endnote: new Map<string, string>() };
  for (const kind of ['footnote', 'endnote'] as const) {
    const xml = part(`${kind}s`);
    // A note's own lists count apart from the body's.
    if (xml) readBody(Parser, xml, `${kind}s`, new ListCounter(numbering), () => [], (id, noteLines) => notes[kind].set(id, noteLines.join(' ')));
  }
  // Word numbers notes in the order the text first refers to them.
  const numbered = { footnote: new Map<string, number>(), endnote: new Map<string, number>() };
  const notesOf = (kind: NoteKind, id: string): string[] => {
    if (numbered[kind].has(id)) return [];
    numbered[kind].set(id, numbered[kind].size + 1);
    const note = notes[kind].get(id)?.trim();
    return note ? [`${numbered[kind].size}) ${note}`] : [];
  };
  const lines = readBody(Parser, decoder.decode(document), 'document', new ListCounter(numbering), notesOf);
  const text = lines
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
    .normalize('NFC');
  if (!text) throw new InputError('the .docx document contains no text', 'empty');
  return text;
}
