// Importers of pre-aligned corpora in the formats twintext exports (TMX, TSV, CSV and JSONL), for round trips and re-imports.
import { SaxesParser } from 'saxes';
import { parseCsvLines } from './csv.ts';
import { InputError } from '../core/types.ts';
import { TABULAR_COLUMNS } from './export/tabular.ts';
import type { ExportFlag, ExportUnit } from './export/types.ts';

export interface AlignedTmxUnit {
  /** The unit's own languages as written (xml:lang of its variants), e.g. 'en-US', 'ja'. */
  srcLang: string;
  tgtLang: string;
  src: string;
  tgt: string;
  props: Record<string, string>;
  notes: string[];
  /** Where the unit is, for error messages: "TMX unit 3 (tuid 101)". */
  where: string;
}

export interface AlignedTmx {
  /** The header's srclang (else the first unit's source language) and the first unit's target language. */
  srcLang: string;
  tgtLang: string;
  units: AlignedTmxUnit[];
}

/**
 * Parses a TMX of bilingual units. Each <tu> has its own pair: the source variant is the one in the
 * unit's srclang attribute, else the header's srclang (else the first variant), the other variant
 * the target, each with the language of its own xml:lang — so a file mixing English→Korean,
 * Korean→English and English→Japanese units (as twintext writes for Korean-first or trilateral
 * statements) keeps every unit's languages. Inside <seg>, the inline codes (bpt, ept, ph, it, ut) hold
 * the native markup of the tool that wrote the file (a Trados "<b>"), not text, and are left out;
 * <hi> and <sub> are text. A <tu> with one variant is skipped; one with three or more is refused.
 */
const UNSPACED_END = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;

/** An attribute's value as text ('' when absent). */
function attrOf(tag: { attributes: Record<string, unknown> }, name: string): string {
  const v = tag.attributes[name];
  return typeof v === 'string' ? v : '';
}

/**
 * A segment's text with a piece added: a standalone code left out between two words (a line break,
 * an image) stands for a space — not before punctuation, not between Chinese or Japanese characters
 * (written without spaces), and not between two Hangul syllables, where what follows a code is most
 * often a particle ("정상회담<ph/>의").
 */
function afterCode(text: string, piece: string, gap: boolean): string {
  const space = gap && piece && text && !/^[\s.,;:!?)\]}”’」』、。]/u.test(piece) && !/\s$/.test(text) && !UNSPACED_END.test(text)
    && !(/\p{Script=Hangul}$/u.test(text) && /^\p{Script=Hangul}/u.test(piece));
  return space ? text + ' ' + piece : text + piece;
}

/** Feeds a whole document to the parser; its errors become one InputError naming the format. */
function parseXml(parser: SaxesParser, xml: string, format: string, code: string): void {
  try {
    parser.write(xml).close();
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`malformed ${format}: ${(err as Error).message}`, code);
  }
}

export function parseTmx(xml: string): AlignedTmx {
  const parser = new SaxesParser({ xmlns: false, position: true });
  let headerSrcLang = '';
  const units: AlignedTmxUnit[] = [];
  let tuvs: { lang: string; seg: string }[] = [];
  let props: Record<string, string> = {};
  let notes: string[] = [];
  let text = '';
  let inSeg = 0;
  let inCode = 0;
  // A standalone code (ph, it, ut: a line break, an image) left out between two words stands for a space.
  let gap = false;
  let capture: 'prop' | 'note' | null = null;
  let propType = '';
  let tuvLang = '';
  let inTu = false;
  let tuCount = 0;
  let tuSrcLang = '';
  let tuId = '';

  parser.on('opentag', (tag) => {
    const attr = (n: string): string => attrOf(tag, n);
    switch (tag.name) {
      case 'header':
        headerSrcLang = attr('srclang');
        break;
      case 'tu':
        inTu = true;
        tuCount++;
        tuSrcLang = attr('srclang');
        tuId = attr('tuid');
        tuvs = [];
        props = {};
        notes = [];
        break;
      case 'tuv':
        tuvLang = attr('xml:lang') || attr('lang');
        break;
      case 'seg':
        inSeg++;
        if (inSeg === 1) {
          text = '';
          gap = false;
        }
        break;
      case 'bpt':
      case 'ept':
      case 'ph':
      case 'it':
      case 'ut':
        if (inSeg > 0) inCode++;
        break;
      case 'prop':
        if (inTu && inSeg === 0) {
          capture = 'prop';
          propType = attr('type');
          text = '';
        }
        break;
      case 'note':
        if (inTu && inSeg === 0) {
          capture = 'note';
          text = '';
        }
        break;
    }
  });
  const addText = (t: string) => {
    if (inSeg > 0 && inCode === 0) {
      text = afterCode(text, t, gap);
      gap = false;
    } else if (capture) text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', (tag) => {
    switch (tag.name) {
      case 'bpt':
      case 'ept':
      case 'ph':
      case 'it':
      case 'ut':
        if (inSeg > 0) {
          inCode--;
          if (tag.name !== 'bpt' && tag.name !== 'ept') gap = true;
        }
        break;
      case 'seg':
        inSeg--;
        if (inSeg === 0) tuvs.push({ lang: tuvLang, seg: text });
        break;
      case 'prop':
        if (capture === 'prop') props[propType] = text;
        capture = null;
        break;
      case 'note':
        if (capture === 'note') notes.push(text);
        capture = null;
        break;
      case 'tu': {
        inTu = false;
        const where = `TMX unit ${tuCount}${tuId ? ` (tuid ${tuId})` : ''}`;
        if (tuvs.length < 2) break;
        if (tuvs.length > 2) {
          throw new InputError(`${where}: ${tuvs.length} language variants (${tuvs.map((t) => t.lang || '?').join(', ')}); twintext imports units of two languages`, 'bad_tmx');
        }
        let src: { lang: string; seg: string } | undefined;
        if (tuSrcLang && tuSrcLang !== '*all*') {
          src = tuvs.find((t) => sameLang(t.lang, tuSrcLang));
          if (!src) throw new InputError(`${where}: srclang "${tuSrcLang}" names none of its variants (${tuvs.map((t) => t.lang || '?').join(', ')})`, 'bad_tmx');
        } else if (headerSrcLang && headerSrcLang !== '*all*') src = tuvs.find((t) => sameLang(t.lang, headerSrcLang));
        src ??= tuvs[0]!;
        const tgt = tuvs.find((t) => t !== src)!;
        units.push({ srcLang: src.lang, tgtLang: tgt.lang, src: src.seg, tgt: tgt.seg, props, notes, where });
        break;
      }
    }
  });
  parseXml(parser, xml, 'TMX', 'bad_tmx');
  const first = units[0];
  const srcLang = headerSrcLang && headerSrcLang !== '*all*' ? headerSrcLang : (first?.srcLang ?? '');
  if (!srcLang) throw new InputError('malformed TMX: no header srclang and no translation units', 'bad_tmx');
  return { srcLang, tgtLang: first?.tgtLang ?? '', units };
}

function sameLang(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x === y || x.split('-')[0] === y.split('-')[0];
}

function unescapeTsvField(s: string): string {
  return s.replace(/\\([\\tnr])/g, (_, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : c === 'r' ? '\r' : '\\'));
}

/** The units of a TSV, CSV or JSONL corpus, and where each one is in the file (for error messages). */
export interface AlignedRows {
  /** The first unit's pair ('' when there is none); every unit carries its own. */
  srcLang: string;
  tgtLang: string;
  units: ExportUnit[];
  /** "TSV line 5", "CSV line 7", "JSONL line 3": one per unit. */
  where: string[];
}

function rowsResult(units: ExportUnit[], where: string[]): AlignedRows {
  const first = units[0];
  return { srcLang: first?.srcLang ?? '', tgtLang: first?.tgtLang ?? '', units, where };
}

function paragraphNumbers(s: string, where: string, code: string): number[] {
  if (s === '') return [];
  return s.split(',').map((p) => {
    const n = Number(p);
    if (!Number.isInteger(n) || n < 1) throw new InputError(`${where}: bad paragraph number "${p}"`, code);
    return n;
  });
}

/**
 * One unit from a row of the tabular export's columns (TSV or CSV), columns found by name; `get`
 * gives a column's text ('' when the file has no such column).
 */
function unitOfRow(get: (name: string) => string, has: (name: string) => boolean, index: number, where: string, code: string): ExportUnit {
  const num = (name: string): number => {
    const v = get(name);
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n)) throw new InputError(`${where}: bad ${name} "${v}"`, code);
    return n;
  };
  const status = get('status') || 'auto';
  if (status !== 'auto' && status !== 'confirmed') throw new InputError(`${where}: bad status "${status}"`, code);
  let flags: ExportFlag[] = [];
  const rawFlags = get('flags');
  if (rawFlags) {
    try {
      flags = JSON.parse(rawFlags) as ExportFlag[];
    } catch {
      throw new InputError(`${where}: flags column is not JSON`, code);
    }
  }
  return {
    srcLang: get('src_lang'),
    tgtLang: get('tgt_lang'),
    src: get('src'),
    tgt: get('tgt'),
    statementId: has('statement_id') ? num('statement_id') : 0,
    title: get('title'),
    date: get('date') === '' ? null : get('date'),
    beadId: has('bead_id') ? num('bead_id') : index,
    position: has('position') ? num('position') : index,
    srcParagraphs: paragraphNumbers(get('src_paragraphs'), where, code),
    tgtParagraphs: paragraphNumbers(get('tgt_paragraphs'), where, code),
    status,
    // A file without confidences (not twintext's) is taken as given, as in TMX.
    confidence: has('confidence') && get('confidence') !== '' ? num('confidence') : 1,
    flags,
  };
}

function columnsOf(header: string[], format: string, code: string): Map<string, number> {
  const col = new Map(header.map((h, i) => [h.trim(), i]));
  for (const required of ['src_lang', 'tgt_lang', 'src', 'tgt'] as const) {
    if (!col.has(required)) throw new InputError(`${format} header lacks the "${required}" column (expected ${TABULAR_COLUMNS.join(', ')})`, code);
  }
  return col;
}

/** Parses the TSV that writeTsv produces (header line required; columns found by name; each row its own pair). */
export function parseTsv(text: string): AlignedRows {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  const header = (lines[0] ?? '').split('\t');
  const col = columnsOf(header, 'TSV', 'bad_tsv');
  const units: ExportUnit[] = [];
  const where: string[] = [];
  for (let i = 1; i < lines.length; i++) {
    const cells = lines[i]!.split('\t');
    const at = `TSV line ${i + 1}`;
    if (cells.length !== header.length) {
      throw new InputError(`${at}: ${cells.length} fields, the header has ${header.length}`, 'bad_tsv');
    }
    const get = (name: string): string => {
      const k = col.get(name);
      return k === undefined ? '' : unescapeTsvField(cells[k] ?? '');
    };
    units.push(unitOfRow(get, (n) => col.has(n), i, at, 'bad_tsv'));
    where.push(at);
  }
  return rowsResult(units, where);
}

/** Parses the CSV that writeCsv produces (BOM, header record, CRLF records, quoted fields; each row its own pair). */
export function parseCsv(text: string): AlignedRows {
  let records: { record: string[]; line: number }[];
  try {
    records = parseCsvLines(text);
  } catch (err) {
    throw new InputError(`malformed CSV: ${(err as Error).message}`, 'bad_csv');
  }
  const header = records[0]?.record ?? [];
  const col = columnsOf(header, 'CSV', 'bad_csv');
  const units: ExportUnit[] = [];
  const where: string[] = [];
  for (let i = 1; i < records.length; i++) {
    const cells = records[i]!.record;
    // A record may span lines (a quoted line break) and follow blank lines: named by its first line.
    const at = `CSV line ${records[i]!.line}`;
    if (cells.length !== header.length) {
      throw new InputError(`${at}: ${cells.length} fields, the header has ${header.length}`, 'bad_csv');
    }
    const get = (name: string): string => {
      const k = col.get(name);
      return k === undefined ? '' : (cells[k] ?? '');
    };
    units.push(unitOfRow(get, (n) => col.has(n), i, at, 'bad_csv'));
    where.push(at);
  }
  return rowsResult(units, where);
}

/**
 * Parses the JSONL that writeJsonl produces: one object a line, `translation` holding the source
 * then the target text under their language codes; the other fields may be missing (defaults as in
 * a TSV without those columns) but not of another type.
 */
export function parseJsonl(text: string): AlignedRows {
  const lines = text.replace(/^\ufeff/, '').split('\n');
  const units: ExportUnit[] = [];
  const where: string[] = [];
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    const at = `JSONL line ${i + 1}`;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch (err) {
      throw new InputError(`${at}: not JSON (${(err as Error).message})`, 'bad_jsonl');
    }
    if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) throw new InputError(`${at}: not a JSON object`, 'bad_jsonl');
    const r = rec as Record<string, unknown>;
    const tr = r.translation;
    const pair = typeof tr === 'object' && tr !== null && !Array.isArray(tr) ? Object.entries(tr as Record<string, unknown>) : [];
    if (pair.length !== 2 || !pair.every(([, v]) => typeof v === 'string')) {
      throw new InputError(`${at}: "translation" must hold two texts, the source's and the target's, under their language codes`, 'bad_jsonl');
    }
    const field = <T>(name: string, ok: (v: unknown) => boolean, what: string, d: T): T => {
      if (!(name in r)) return d;
      if (!ok(r[name])) throw new InputError(`${at}: "${name}" must be ${what}, got ${JSON.stringify(r[name])}`, 'bad_jsonl');
      return r[name] as T;
    };
    const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
    const isParagraphs = (v: unknown) => Array.isArray(v) && v.every((n) => Number.isInteger(n) && (n as number) >= 1);
    const status = field<string>('status', (v) => v === 'auto' || v === 'confirmed', '"auto" or "confirmed"', 'auto');
    units.push({
      srcLang: pair[0]![0],
      tgtLang: pair[1]![0],
      src: pair[0]![1] as string,
      tgt: pair[1]![1] as string,
      statementId: field('statement_id', isNumber, 'a number', 0),
      title: field('title', (v) => typeof v === 'string', 'text', ''),
      date: field<string | null>('date', (v) => v === null || typeof v === 'string', 'a date as text or null', null) || null,
      beadId: field('bead_id', isNumber, 'a number', units.length + 1),
      position: field('position', isNumber, 'a number', units.length + 1),
      srcParagraphs: field('src_paragraphs', isParagraphs, 'a list of paragraph numbers from 1', []),
      tgtParagraphs: field('tgt_paragraphs', isParagraphs, 'a list of paragraph numbers from 1', []),
      status: status as ExportUnit['status'],
      confidence: field('confidence', isNumber, 'a number', 1),
      flags: field('flags', (v) => Array.isArray(v), 'a list', []),
    });
    where.push(at);
  });
  return rowsResult(units, where);
}

/** A note on an XLIFF unit: its category (XLIFF 2) or author (1.2 `from`), and text. */
export interface XliffNote { category: string; from: string; text: string }

/** A unit of an XLIFF file: its statement (one per <file>), text and notes, as the file gives them. */
export interface AlignedXliffUnit {
  /** From <file original="statement-12"> (twintext's export), else 0. */
  statementId: number;
  title: string;
  date: string | null;
  /** From <unit name="3"> / <trans-unit resname="3"> when numeric, else 0. */
  position: number;
  beadId: number;
  srcLang: string;
  tgtLang: string;
  src: string;
  tgt: string;
  confirmed: boolean;
  notes: XliffNote[];
  /** 1-based number of its <file> in the document: files without a statement id are statements apart. */
  file: number;
  where: string;
}

// Inline codes whose content is the native markup of the tool that wrote the file (left out), and
// standalone markers (a line break, an image) that stand for a space between words.
const XLIFF_NATIVE = new Set(['bpt', 'ept', 'ph', 'it', 'ut']);
const XLIFF_MARKER = new Set(['x', 'bx', 'ex', 'sc', 'ec', 'ph']);
// Where a CAT tool keeps other texts than the unit's own: translation-memory matches (1.2
// <alt-trans>, 2.x <mtc:matches>) and the segmented copy of the source (1.2 <seg-source>).
const XLIFF_ASIDE = new Set(['alt-trans', 'matches', 'seg-source']);
// Target states (XLIFF 2 segment state, 1.2 target state) that mean a reviewer has signed the pair off,
// and 1.2 states that mean there is no translation yet (a target that only copies the source).
const XLIFF_CONFIRMED = new Set(['reviewed', 'final', 'signed-off']);
const XLIFF_UNTRANSLATED = new Set(['new', 'needs-translation']);

interface XliffSegment { src: string; tgt: string | null; state: string }

/**
 * Parses XLIFF 2.x (as twintext exports it: a <file original="statement-N"> per statement, its title
 * and date in file notes, a <unit> per row whose segments are its sentences) and XLIFF 1.2 (as CAT
 * tools write it: <file source-language target-language>, <trans-unit>s in <body> and <group>s).
 * A unit's segments are joined with a space. A unit is a pair only when every segment has a target
 * that is a translation (not empty, not 1.2 "new" or "needs-translation"); the others are left out
 * and counted. Translation-memory matches are not the unit's text. Inline codes are dropped (their
 * native markup) and paired ones keep their text; outside xml:space="preserve", whitespace runs
 * (a segment wrapped in the file) are one space. A unit is confirmed when approved, or when every
 * segment is reviewed, final or signed off.
 */
export function parseXliff(xml: string): { units: AlignedXliffUnit[]; skipped: number } {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const units: AlignedXliffUnit[] = [];
  let version = '';
  let rootSrc = '', rootTgt = '';
  let file = { statementId: 0, title: '', date: null as string | null, srcLang: '', tgtLang: '', count: 0, name: '' };
  let unit: { id: string; name: string; segments: XliffSegment[]; approved: boolean; notes: XliffNote[] } | null = null;
  let segment: XliffSegment | null = null;
  let where = '';
  let fileCount = 0;
  let skipped = 0;
  let capture: 'source' | 'target' | 'note' | 'file-note' | null = null;
  let preserve = false;
  let note = { category: '', from: '' };
  let text = '';
  let inNative = 0;
  let gap = false;
  let aside = 0;
  let segState = '';

  parser.on('opentag', (tag) => {
    const attr = (n: string): string => attrOf(tag, n);
    const name = tag.name.replace(/^.*:/, '');
    if (capture === 'source' || capture === 'target') {
      if (XLIFF_NATIVE.has(name)) inNative++;
      if (XLIFF_MARKER.has(name)) gap = true;
      if (name === 'cp' && inNative === 0) {
        const c = parseInt(attr('hex'), 16);
        if (Number.isFinite(c)) text += String.fromCodePoint(c);
      }
      return;
    }
    if (XLIFF_ASIDE.has(name)) aside++;
    if (aside > 0) return;
    switch (name) {
      case 'xliff':
        version = attr('version');
        rootSrc = attr('srcLang');
        rootTgt = attr('trgLang');
        break;
      case 'file': {
        fileCount++;
        const original = attr('original');
        const m = /^statement-(\d+)$/.exec(original);
        file = {
          statementId: m ? Number(m[1]) : 0,
          title: m ? '' : original.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z0-9]+$/, ''),
          date: null,
          srcLang: attr('source-language') || rootSrc,
          tgtLang: attr('target-language') || rootTgt,
          count: 0,
          name: original || attr('id'),
        };
        break;
      }
      case 'unit':
      case 'trans-unit':
        file.count++;
        unit = { id: attr('id'), name: attr('name') || attr('resname'), segments: [], approved: attr('approved') === 'yes', notes: [] };
        // 1.2: the trans-unit is its one segment.
        segment = name === 'trans-unit' ? { src: '', tgt: null, state: '' } : null;
        where = `XLIFF file ${fileCount}${file.name ? ` (${file.name})` : ''}, unit ${file.count}${unit.id ? ` (id ${unit.id})` : ''}`;
        break;
      case 'segment':
        segState = attr('state');
        segment = { src: '', tgt: null, state: segState };
        break;
      case 'source':
      case 'target':
        if (!unit || !segment) break;
        capture = name;
        preserve = attr('xml:space') === 'preserve';
        text = '';
        gap = false;
        if (name === 'target' && attr('state')) segment.state = attr('state');
        break;
      case 'note':
        note = { category: attr('category'), from: attr('from') };
        capture = unit ? 'note' : 'file-note';
        text = '';
        break;
    }
  });
  const addText = (t: string) => {
    if (capture === 'source' || capture === 'target') {
      if (inNative > 0) return;
      text = afterCode(text, t, gap);
      gap = false;
    } else if (capture) text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', (tag) => {
    const name = tag.name.replace(/^.*:/, '');
    if ((capture === 'source' || capture === 'target') && name !== capture) {
      if (XLIFF_NATIVE.has(name)) inNative--;
      // The segments of a segmented 1.2 target (<mrk mtype="seg">) are sentences: a space between.
      if (name === 'mrk' && attrOf(tag, 'mtype') === 'seg') gap = true;
      return;
    }
    if (aside > 0) {
      if (XLIFF_ASIDE.has(name)) aside--;
      return;
    }
    switch (name) {
      case 'source':
      case 'target':
        if (capture === name && segment) {
          const t = preserve ? text : text.replace(/\s+/g, ' ');
          if (name === 'source') segment.src = t;
          else segment.tgt = t;
        }
        capture = null;
        break;
      case 'segment':
        if (unit && segment) unit.segments.push(segment);
        segment = null;
        segState = '';
        break;
      case 'note':
        if (capture === 'note' && unit) unit.notes.push({ ...note, text });
        else if (capture === 'file-note') {
          if (note.category === 'title') file.title = text;
          else if (note.category === 'date') file.date = text || null;
        }
        capture = null;
        break;
      case 'unit':
      case 'trans-unit': {
        if (!unit) break;
        if (name === 'trans-unit' && segment) unit.segments.push(segment);
        segment = null;
        const segs = unit.segments;
        const translated = segs.length > 0 && segs.every((x) => x.src.trim() && x.tgt !== null && x.tgt.trim() && !XLIFF_UNTRANSLATED.has(x.state));
        if (!translated) skipped++;
        else {
          const join = (xs: string[]) => xs.map((x) => x.trim()).join(' ');
          const num = (s: string) => (/^\d+$/.test(s) ? Number(s) : 0);
          units.push({
            statementId: file.statementId, title: file.title, date: file.date,
            position: num(unit.name) || file.count, beadId: num(unit.id.replace(/^b/, '')),
            srcLang: file.srcLang, tgtLang: file.tgtLang, src: join(segs.map((x) => x.src)), tgt: join(segs.map((x) => x.tgt!)),
            confirmed: unit.approved || segs.every((x) => XLIFF_CONFIRMED.has(x.state)), notes: unit.notes, file: fileCount, where,
          });
        }
        unit = null;
        break;
      }
    }
  });
  parseXml(parser, xml, 'XLIFF', 'bad_xliff');
  if (!version) throw new InputError('not an XLIFF file: no <xliff version="…"> root', 'bad_xliff');
  const missing = units.find((u) => !u.srcLang || !u.tgtLang);
  if (missing) throw new InputError(`${missing.where}: no source or target language (srcLang/trgLang, or source-language/target-language on its <file>)`, 'bad_xliff');
  return { units, skipped };
}

/** One file of a Moses corpus: its language (from its name, corpus.en), its text, and its name for messages. */
export interface MosesFile { lang: string; text: string; name: string }

/**
 * Pairs the two files of a Moses corpus, line k of one with line k of the other: one statement,
 * titled and dated as given (the files carry neither), each pair a row in file order. A line blank
 * on both sides is left out; blank on one side only, it is an omission: a row with that side empty.
 * Files with different numbers of lines pair nothing reliably and are refused.
 */
export function parseMoses(src: MosesFile, tgt: MosesFile, meta: { title: string; date: string | null }): AlignedRows {
  const linesOf = (f: MosesFile) => {
    const lines = f.text.replace(/^\ufeff/, '').split(/\r?\n/);
    // The newline that ends the last line opens no line of its own.
    if (lines[lines.length - 1] === '') lines.pop();
    return lines;
  };
  const a = linesOf(src), b = linesOf(tgt);
  if (a.length !== b.length)
    throw new InputError(`${src.name} has ${a.length} line${a.length === 1 ? '' : 's'} and ${tgt.name} ${b.length}: the two files of a Moses corpus pair line by line`, 'bad_moses');
  const units: ExportUnit[] = [];
  const where: string[] = [];
  a.forEach((line, i) => {
    const s = line.trim() ? line : '', t = b[i]!.trim() ? b[i]! : '';
    if (!s && !t) return;
    units.push({
      statementId: 0, title: meta.title, date: meta.date, beadId: 0, position: units.length + 1,
      srcLang: src.lang, tgtLang: tgt.lang, src: s, tgt: t, srcParagraphs: [], tgtParagraphs: [],
      status: 'auto', confidence: 1, flags: [],
    });
    where.push(`line ${i + 1} of ${src.name} and ${tgt.name}`);
  });
  return rowsResult(units, where);
}
