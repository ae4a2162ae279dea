// Use case: import a pre-aligned corpus (TMX, XLIFF, TSV, CSV or JSONL as twintext exports them, or a Moses pair of files) as aligned statements,
// keeping ids, languages, paragraph numbers, positions, status, confidence and flags, so export → import → export is identical.
import type { Db } from '../store/db.ts';
import { InputError } from '../core/errors.ts';
import { baseLanguage, languageProblem } from '../core/lang.ts';
import { assertScript } from '../core/script.ts';
import { parseCsv, parseJsonl, parseMoses, parseTmx, parseTsv, parseXliff, type MosesFile, type XliffNote } from '../formats/import-aligned.ts';
import type { ExportFlag, ExportUnit } from '../formats/export/types.ts';
import { findStatement, insertStatement, insertText, listCurrentTexts, listParagraphs } from '../store/statements.ts';
import { hasWords, joinSentences, singleSpaced, splitSentences, withoutListMarker } from '../core/segment.ts';
import { cleanText } from '../formats/decode.ts';
import { insertAlignment, insertFlag, listBeads, updateFlag } from '../store/beads.ts';
import { recordEvent } from '../store/events.ts';
import { findImported, LIMITS, lookupHashes, settleHashes } from './import.ts';
import { FLAG_CATEGORIES, FLAG_SEVERITIES, FLAG_STATUSES } from './review.ts';
import { checkStatementDate, nowIso, type OpsOptions } from './context.ts';

export const ALIGNED_FORMATS = ['tmx', 'xliff', 'tsv', 'csv', 'jsonl'] as const;
export type AlignedFormat = (typeof ALIGNED_FORMATS)[number];

const FLAG_NOTE = /^(\S+) \[([^,\]]+), ([^\]]+)\](?: (.*?))?: ([\s\S]*)$/;

/** A TMX note written by flagText back into a flag; a foreign note becomes a comment. */
function flagOfNote(note: string): ExportFlag {
  const m = FLAG_NOTE.exec(note);
  const known = m && (FLAG_CATEGORIES as readonly string[]).includes(m[1]!) && (FLAG_SEVERITIES as readonly string[]).includes(m[2]!) && (FLAG_STATUSES as readonly string[]).includes(m[3]!);
  return known
    ? { category: m[1]!, severity: m[2]!, status: m[3]!, author: m[4] ?? '', comment: m[5]! }
    : { category: 'meaning', severity: 'minor', status: 'open', author: '', comment: note };
}

/**
 * A note of an XLIFF unit as a flag: twintext's own ("[major, open] alice: …" under a flag category)
 * as written, another tool's as an open comment by its author.
 */
function flagOfXliffNote(n: XliffNote): ExportFlag {
  if ((FLAG_CATEGORIES as readonly string[]).includes(n.category)) {
    const whole = `${n.category} ${n.text}`;
    const f = flagOfNote(whole);
    // Read as twintext's own when the note parsed (a foreign one comes back whole, as the comment).
    if (f.comment !== whole) return f;
  }
  return { category: 'meaning', severity: 'minor', status: 'open', author: n.from, comment: n.text };
}

/**
 * A unit's language as the file tags it, so that a statement stored as ja-JP comes back as ja-JP and
 * its export again is the same file; only its language subtag is written as twintext writes codes
 * ("kor" → "ko", "EN-US" → "en-US"), so an older or three-letter code is read, not refused.
 */
function langCode(tag: string): string {
  const [base, ...subtags] = tag.split('-');
  return [baseLanguage(base!), ...subtags].join('-');
}

function unitsOfTmx(xml: string): { units: ExportUnit[]; where: string[] } {
  const tmx = parseTmx(xml);
  const units = tmx.units.map((u, i): ExportUnit => {
    const p = u.props;
    const nums = (s: string | undefined) => (s ? s.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0) : []);
    const num = (s: string | undefined, d: number) => (s !== undefined && s !== '' && Number.isFinite(Number(s)) ? Number(s) : d);
    return {
      statementId: num(p['x-statement-id'], 0),
      title: p['x-title'] ?? '',
      // An empty date is no date, as TSV and CSV read it.
      date: p['x-date'] || null,
      beadId: num(p['x-bead-id'], 0),
      position: num(p['x-position'], i + 1),
      // Each unit's own languages: a file may mix en→ko, ko→en and en→ja units.
      srcLang: langCode(u.srcLang),
      tgtLang: langCode(u.tgtLang),
      src: u.src,
      tgt: u.tgt,
      srcParagraphs: nums(p['x-src-paragraphs']),
      tgtParagraphs: nums(p['x-tgt-paragraphs']),
      status: p['x-status'] === 'confirmed' ? 'confirmed' : 'auto',
      confidence: Math.min(1, Math.max(0, num(p['x-confidence'], 1))),
      flags: u.notes.map(flagOfNote),
    };
  });
  return { units, where: tmx.units.map((u) => u.where) };
}

/**
 * XLIFF units as rows: a <file> is a statement (its own, when it has no twintext statement id), a
 * unit's position its name, reviewed/final/signed-off targets confirmed, notes flags.
 */
function unitsOfXliff(xml: string): Parsed {
  const x = parseXliff(xml);
  const units = x.units.map((u): ExportUnit => ({
    statementId: u.statementId, title: u.title, date: u.date, beadId: u.beadId, position: u.position,
    srcLang: langCode(u.srcLang), tgtLang: langCode(u.tgtLang), src: u.src, tgt: u.tgt,
    srcParagraphs: [], tgtParagraphs: [], status: u.confirmed ? 'confirmed' : 'auto', confidence: 1,
    flags: u.notes.map(flagOfXliffNote),
  }));
  return { units, where: x.units.map((u) => u.where), group: x.units.map((u) => `file ${u.file}`), untranslated: x.skipped };
}

/** Units of a corpus file; `group` (XLIFF) keeps files without statement ids apart. */
interface Parsed { units: ExportUnit[]; where: string[]; group?: string[]; untranslated?: number }

function parseCorpus(text: string, format: AlignedFormat): Parsed {
  switch (format) {
    case 'tmx':
      return unitsOfTmx(text);
    case 'xliff':
      return unitsOfXliff(text);
    case 'tsv':
      return codes(parseTsv(text));
    case 'csv':
      return codes(parseCsv(text));
    case 'jsonl':
      return codes(parseJsonl(text));
  }
}

function codes<T extends { units: ExportUnit[] }>(r: T): T {
  for (const u of r.units) {
    u.srcLang = langCode(u.srcLang);
    u.tgtLang = langCode(u.tgtLang);
  }
  return r;
}

const isId = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/** Refuses a unit the database would choke on, naming it, before anything is written. */
function checkUnit(u: ExportUnit, where: string): void {
  // Two tags of one language (en and en-US) are one language too.
  if (baseLanguage(u.srcLang) === baseLanguage(u.tgtLang))
    throw new InputError(`${where}: a unit needs two different language codes (en, ko, ja…), got "${u.srcLang}" and "${u.tgtLang}"`);
  for (const l of [u.srcLang, u.tgtLang]) {
    const why = languageProblem(l);
    if (why) throw new InputError(`${where}: ${why}`, 'bad_language');
  }
  for (const k of ['statementId', 'beadId', 'position'] as const)
    if (!isId(u[k])) throw new InputError(`${where}: ${k} must be a whole number, got ${String(u[k])}`);
  if (typeof u.src !== 'string' || typeof u.tgt !== 'string') throw new InputError(`${where}: both segments must be text`);
  // As everywhere else, a paragraph has text: a row with none on either side, or a blank line
  // inside a segment (a paragraph of spaces), would be stored as an empty paragraph.
  if (!u.src.trim() && !u.tgt.trim()) throw new InputError(`${where}: both segments are empty`);
  for (const t of [u.src, u.tgt]) if (t !== '' && t.split('\n').some((line) => !line.trim())) throw new InputError(`${where}: a segment has an empty paragraph (a line of nothing but spaces)`);
  if (u.date !== null) checkStatementDate(u.date, `${where}: `);
  if (u.title.length > LIMITS.maxTitleChars) throw new InputError(`${where}: the title is longer than ${LIMITS.maxTitleChars} characters`);
  for (const t of [u.src, u.tgt])
    if (t.length > LIMITS.maxParagraphChars * 4) throw new InputError(`${where}: a segment is longer than ${LIMITS.maxParagraphChars * 4} characters`, 'too_large');
  if (!Array.isArray(u.flags)) throw new InputError(`${where}: flags must be a list`);
  for (const f of u.flags as unknown[]) {
    const g = f as Record<string, unknown>;
    if (typeof f !== 'object' || f === null || !['category', 'severity', 'status', 'comment', 'author'].every((k) => typeof g[k] === 'string'))
      throw new InputError(`${where}: each flag needs category, severity, status, comment and author as text`);
    if (!(FLAG_CATEGORIES as readonly string[]).includes(g.category as string)) throw new InputError(`${where}: unknown flag category "${String(g.category)}"`);
    if (!(FLAG_SEVERITIES as readonly string[]).includes(g.severity as string)) throw new InputError(`${where}: unknown flag severity "${String(g.severity)}"`);
    if (!(FLAG_STATUSES as readonly string[]).includes(g.status as string)) throw new InputError(`${where}: unknown flag status "${String(g.status)}"`);
  }
}

/** The units of one alignment (one statement, one language pair), in file order. */
interface AlignmentGroup {
  srcLang: string;
  tgtLang: string;
  units: ExportUnit[];
}

/** One side's paragraphs as stored: the text's paragraphs, and each unit's members among them (by position). */
interface Side {
  paragraphs: { position: number; content: string }[];
  members: number[][][];
}

/**
 * The paragraphs of one language of a statement, from the units of every alignment in which it is
 * the `side` (the source language of a trilateral statement is the source side of two). Numbered
 * as exported when the numbers are consistent — one per line, rising within each alignment, and a
 * number shared by two alignments holding the same paragraph — so paragraphs an alignment left out
 * keep their numbers and a shared source text is stored once. Otherwise a single alignment's lines
 * are numbered 1, 2, 3… in order; a shared source cannot be, and gives null.
 */
function resolveSide(groups: AlignmentGroup[], side: 'src' | 'tgt'): Side | null {
  const lines = groups.map((g) => g.units.map((u) => (u[side] === '' ? [] : u[side].split('\n'))));
  const numbers = groups.map((g) => g.units.map((u) => (side === 'src' ? u.srcParagraphs : u.tgtParagraphs)));
  const content = new Map<number, string>();
  const consistent = groups.every((_, a) => {
    const flat = numbers[a]!.flat();
    return (
      lines[a]!.every((l, i) => l.length === numbers[a]![i]!.length) &&
      flat.every((n, i) => i === 0 || n > flat[i - 1]!) &&
      lines[a]!.every((l, i) => l.every((c, j) => {
        const n = numbers[a]![i]![j]!;
        const known = content.get(n);
        if (known === undefined) content.set(n, c);
        return known === undefined || known === c;
      }))
    );
  });
  if (consistent) {
    return {
      paragraphs: [...content].sort((x, y) => x[0] - y[0]).map(([position, c]) => ({ position, content: c })),
      members: numbers,
    };
  }
  if (groups.length > 1) return null;
  let k = 0;
  const members = [lines[0]!.map((l) => l.map(() => ++k))];
  return { paragraphs: lines[0]!.flat().map((c, i) => ({ position: i + 1, content: c })), members };
}

/** A statement to create: its languages (the source first), their paragraphs, and its alignments. */
interface StatementPlan {
  first: ExportUnit;
  langs: string[];
  sides: Map<string, Side>;
  alignments: AlignmentGroup[];
  bodies: Record<string, string>;
  /** Of its texts and of its paragraphs (see paragraphsHash), as they are looked up (see lookupHashes). */
  hashes: string[];
}

function plan(groups: AlignmentGroup[]): StatementPlan | null {
  const pivot = groups[0]!.srcLang;
  if (groups.some((g) => g.srcLang !== pivot)) return null;
  const src = resolveSide(groups, 'src');
  if (!src) return null;
  const sides = new Map<string, Side>([[pivot, src]]);
  for (const g of groups) sides.set(g.tgtLang, resolveSide([g], 'tgt')!);
  const langs = [pivot, ...groups.map((g) => g.tgtLang)];
  // One text a language: pairs into ja and into ja-JP cannot be one statement.
  if (new Set(langs.map(baseLanguage)).size !== langs.length) return null;
  const bodies = Object.fromEntries(langs.map((l) => [l, sides.get(l)!.paragraphs.map((p) => p.content).join('\n')]));
  const paragraphs = Object.fromEntries(langs.map((l) => [l, sides.get(l)!.paragraphs.map((p) => p.content)]));
  return { first: groups[0]!.units[0]!, langs, sides, alignments: groups, bodies, hashes: lookupHashes(bodies, paragraphs) };
}

/** Whether `wanted`, in order, are among `stored` (some left out, none reordered). */
function inOrderAmong(stored: readonly string[], wanted: readonly string[], same: (have: string, want: string) => boolean): boolean {
  let k = 0;
  for (const w of wanted) {
    while (k < stored.length && !same(stored[k]!, w)) k++;
    if (k === stored.length) return false;
    k++;
  }
  return true;
}

/**
 * Whether `units`, in order, are runs of consecutive `sentences` joined as their language writes them
 * (joinSentences; some sentences left
 * out between them, none reordered): what the sentence-level export makes of a text, one unit per
 * sentence pair, a pair of two sentences on one side written as the two joined.
 */
function sentenceRuns(sentences: readonly string[], units: readonly string[], lang: string): boolean {
  let k = 0;
  for (const u of units) {
    let found = false;
    for (let i = k; i < sentences.length && !found; i++) {
      let run = '';
      for (let j = i; j < sentences.length && run.length < u.length; j++) {
        run = run ? joinSentences([run, sentences[j]!], lang) : sentences[j]!;
        if (run === u) {
          k = j + 1;
          found = true;
          break;
        }
      }
    }
    if (!found) return false;
  }
  return true;
}

/**
 * The statement of this database that a plan comes from, if it is here: the same texts (by content
 * hash), or — for a twintext export imported back where it was made, whose paragraphs lost their list
 * markers and its one-sided rows — the statement of the same id whose current texts hold every
 * exported paragraph, in order. A sentence-level export holds sentences instead of paragraphs: each
 * of its segments must then be a run of the stored text's sentences with words, as the export splits
 * them (list markers off), in order.
 */
function storedAs(db: Db, p: StatementPlan, madeHere: ReadonlySet<number>): number | undefined {
  const byHash = findImported(db, p.hashes);
  // Two statements of one file may hold the same texts (they differ in what the export leaves out,
  // a one-sided row): one made from this file is no reason to skip another of another id.
  if (byHash && !(madeHere.has(byHash.id) && p.first.statementId !== byHash.id)) return byHash.id;
  if (!(p.first.statementId > 0) || !findStatement(db, p.first.statementId)) return undefined;
  // By language: the file may tag one (ja-JP, or ja-JP written ja by --lang-tag) otherwise than the statement holds it.
  const texts = new Map(listCurrentTexts(db, p.first.statementId).map((t) => [baseLanguage(t.lang), t]));
  for (const lang of p.langs) {
    const t = texts.get(baseLanguage(lang));
    if (!t) return undefined;
    const stored = listParagraphs(db, t.id).sort((a, b) => a.position - b.position).map((q) => q.content);
    const exported = [...p.sides.get(lang)!.paragraphs].sort((a, b) => a.position - b.position).map((q) => singleSpaced(q.content));
    // Every exported paragraph, in order, among the stored ones (with or without its list marker): an
    // export without paragraph numbers (XLIFF) or without its one-sided rows leaves some out, never reorders them.
    if (inOrderAmong(stored, exported, (have, want) => singleSpaced(have) === want || singleSpaced(withoutListMarker(have)) === want)) continue;
    // The export leaves out the sentences without a word (a lone "[…]") beside others.
    const sentences = stored.flatMap((c) => splitSentences(c, t.lang)).map((x) => singleSpaced(withoutListMarker(x))).filter(hasWords);
    if (!sentenceRuns(sentences, exported, lang)) return undefined;
  }
  return p.first.statementId;
}

export interface CorpusImport { statementIds: number[]; skipped: number[]; units: number; untranslated: number }

export function importAlignedCorpus(db: Db, text: string, format: AlignedFormat, actor: string, opts: OpsOptions = {}): CorpusImport {
  return storeCorpus(db, parseCorpus(text, format), format, actor, opts);
}

/**
 * Imports a Moses corpus (two line-aligned files, as `twintext export --format moses` writes them) as
 * one aligned statement, under the title and date given, since the files carry neither (see parseMoses).
 */
export function importMosesCorpus(db: Db, src: MosesFile, tgt: MosesFile, meta: { title: string; date?: string | null }, actor: string, opts: OpsOptions = {}): CorpusImport {
  for (const f of [src, tgt]) {
    const why = languageProblem(f.lang);
    if (why) throw new InputError(`${f.name}: ${why}`, 'bad_language');
  }
  // A file named corpus.en-US holds English tagged en-US: stored so, as the other corpus formats keep their tags.
  [src, tgt] = [{ ...src, lang: langCode(src.lang) }, { ...tgt, lang: langCode(tgt.lang) }];
  if (baseLanguage(src.lang) === baseLanguage(tgt.lang)) throw new InputError(`${src.name} and ${tgt.name} are both "${src.lang}": a Moses corpus is two languages`, 'bad_language');
  if (!meta.title.trim()) throw new InputError('a Moses corpus needs a title (the files carry none)');
  return storeCorpus(db, parseMoses(src, tgt, { title: meta.title, date: meta.date ?? null }), 'moses', actor, opts, { [src.lang]: src.name, [tgt.lang]: tgt.name });
}

/** "TMX", "XLIFF"…, "Moses": how messages name a corpus format. */
const formatName = (format: AlignedFormat | 'moses') => (format === 'moses' ? 'Moses' : format.toUpperCase());

/** Stores parsed units (see importAlignedCorpus); `sourceNames` names each language's file, when it has one of its own. */
function storeCorpus(db: Db, parsed: Parsed, format: AlignedFormat | 'moses', actor: string, opts: OpsOptions, sourceNames: Record<string, string> = {}): CorpusImport {
  const { units, where, group, untranslated = 0 } = parsed;
  if (units.length === 0) throw new InputError(`the ${formatName(format)} ${format === 'moses' ? 'files hold' : 'file holds'} no translation units`);
  units.forEach((u, i) => {
    // checkUnit refuses a segment that is not text.
    if (typeof u.src === 'string') u.src = cleanText(u.src);
    if (typeof u.tgt === 'string') u.tgt = cleanText(u.tgt);
    checkUnit(u, where[i] ?? `${formatName(format)} unit ${i + 1}`);
  });
  // One statement per statement id, with one alignment per language pair (English→Korean and
  // English→Japanese for a trilateral statement), in the order the file gives them: the export
  // lists alignments in the order they were made, and the import makes them in that order again.
  // Units without a statement id (foreign corpora) make one statement per language pair.
  const alignments = new Map<string, AlignmentGroup>();
  const statements = new Map<string, AlignmentGroup[]>();
  for (const [i, u] of units.entries()) {
    const pair = `${u.srcLang}\u0000${u.tgtLang}`;
    const sKey = u.statementId > 0 ? String(u.statementId) : `0\u0000${group?.[i] ?? ''}\u0000${pair}`;
    const aKey = `${sKey}\u0000${pair}`;
    let g = alignments.get(aKey);
    if (!g) {
      g = { srcLang: u.srcLang, tgtLang: u.tgtLang, units: [] };
      alignments.set(aKey, g);
      (statements.get(sKey) ?? statements.set(sKey, []).get(sKey)!).push(g);
    }
    g.units.push(u);
  }
  // A statement whose pairs do not share one source text (pairs from different sources, or source
  // paragraphs that differ between its pairs, as in a sentence-level export) becomes one statement
  // per pair, as it cannot be one.
  const plans: StatementPlan[] = [];
  const planOf = new Map<AlignmentGroup, StatementPlan>();
  for (const groups of statements.values()) {
    const whole = plan(groups);
    for (const p of whole ? [whole] : groups.map((g) => plan([g])!)) {
      plans.push(p);
      for (const g of p.alignments) planOf.set(g, p);
    }
  }
  // Each language's text must be in its script, as a text import requires: a file whose languages are
  // swapped (source-language="ko" over English) is refused, naming the statement.
  for (const p of plans) {
    for (const lang of p.langs) {
      try {
        assertScript(p.bodies[lang]!.slice(0, 4000), lang);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        const name = p.first.title ? `"${p.first.title.slice(0, 60)}"` : p.first.statementId > 0 ? `statement ${p.first.statementId}` : 'a statement';
        throw new InputError(`${name} in the ${formatName(format)} ${format === 'moses' ? 'files' : 'file'}: ${e.message}`, e.code);
      }
    }
  }
  const statementIds: number[] = [];
  const skipped: number[] = [];
  const at = nowIso(opts);
  // One transaction for the whole file: a unit refused half-way changes nothing.
  db.transaction(() => {
    const made = new Map<StatementPlan, { statementId: number; texts: Map<string, { textId: number; byPosition: Map<number, number> }> }>();
    for (const p of plans) {
      const existing = storedAs(db, p, new Set(statementIds));
      if (existing !== undefined) {
        // A statement the file splits into one plan per pair (a sentence-level export of a trilateral one) is skipped once.
        if (!skipped.includes(existing)) skipped.push(existing);
        continue;
      }
      const statementId = insertStatement(db, {
        id: p.first.statementId > 0 ? p.first.statementId : undefined,
        title: singleSpaced(p.first.title || p.sides.get(p.langs[0]!)!.paragraphs[0]?.content.slice(0, 200) || '') || 'Imported corpus',
        date: p.first.date,
        hashes: p.hashes,
        at,
      });
      const texts = new Map<string, { textId: number; byPosition: Map<number, number> }>();
      for (const lang of p.langs) {
        const side = p.sides.get(lang)!;
        const t = insertText(db, {
          statementId,
          lang,
          version: 1,
          body: p.bodies[lang]!,
          sourceName: sourceNames[lang] ?? null,
          sourceFormat: format,
          at,
          paragraphs: side.paragraphs.map((q) => ({ content: q.content, marker: null, level: 0, position: q.position })),
        });
        texts.set(lang, { textId: t.textId, byPosition: new Map(side.paragraphs.map((q, i) => [q.position, t.paragraphIds[i]!])) });
      }
      settleHashes(db, statementId);
      made.set(p, { statementId, texts });
      statementIds.push(statementId);
    }
    for (const g of alignments.values()) {
      const p = planOf.get(g)!;
      const m = made.get(p);
      if (!m) continue;
      const s = m.texts.get(g.srcLang)!;
      const t = m.texts.get(g.tgtLang)!;
      const srcMembers = p.sides.get(g.srcLang)!.members[p.alignments.indexOf(g)]!;
      const tgtMembers = p.sides.get(g.tgtLang)!.members[0]!;
      const positions = g.units.map((u) => u.position);
      const keepPositions = positions.every((q, i) => Number.isInteger(q) && q > 0 && (i === 0 || q > positions[i - 1]!));
      const alignmentId = insertAlignment(
        db,
        { statementId: m.statementId, srcTextId: s.textId, tgtTextId: t.textId, method: `import-${format}`, at },
        g.units.map((u, i) => ({
          id: u.beadId > 0 ? u.beadId : undefined,
          position: keepPositions ? u.position : i + 1,
          src: srcMembers[i]!.map((n) => s.byPosition.get(n)!),
          tgt: tgtMembers[i]!.map((n) => t.byPosition.get(n)!),
          confidence: Math.min(1, Math.max(0, u.confidence)),
          status: u.status,
        })),
      );
      const beadIds = listBeads(db, alignmentId).map((b) => b.id);
      // The sentences of one exported bead (a sentence-level export) each carry that bead's flags:
      // they are stored once, on the first of them.
      const flagged = new Set<number>();
      g.units.forEach((u, i) => {
        if (u.beadId > 0 && u.flags.length > 0) {
          if (flagged.has(u.beadId)) return;
          flagged.add(u.beadId);
        }
        for (const f of u.flags) {
          const flag = insertFlag(db, { beadId: beadIds[i]!, category: f.category, severity: f.severity, comment: f.comment, author: f.author || actor, at });
          if (f.status === 'resolved' || f.status === 'wontfix') updateFlag(db, flag.id, { status: f.status }, at);
        }
      });
    }
    for (const p of plans) {
      const m = made.get(p);
      if (!m) continue;
      const count = p.alignments.reduce((n, g) => n + g.units.length, 0);
      recordEvent(db, { at, actor, action: 'statement.import-aligned', statementId: m.statementId, entity: 'statement', entityId: m.statementId, after: { format, units: count, languages: p.langs } });
    }
  }).immediate();
  return { statementIds, skipped, units: units.length, untranslated };
}
