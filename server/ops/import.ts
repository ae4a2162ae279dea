// Use case: import a statement (two or more language versions) — split, align, store, in one transaction.
import { createHash } from 'node:crypto';
import type { Db } from '../store/db.ts';
import { ConflictError, InputError } from '../core/errors.ts';
import type { Lang, SplitParagraph } from '../core/types.ts';
import { hasControlChar, hasWords, splitParagraphs, preSplitLines, singleSpaced, withoutListMarker } from '../core/segment.ts';
import { assertScript } from '../core/script.ts';
import { assertLanguage, baseLanguage } from '../core/lang.ts';
import { alignParagraphs } from '../core/align.ts';
import { addStatementHashes, clearPendingHashes, findStatementByHash, insertStatement, insertText, listCurrentTexts, listParagraphs, listPendingHashes, type StatementRow } from '../store/statements.ts';
import { insertAlignment } from '../store/beads.ts';
import { recordEvent } from '../store/events.ts';
import { checkStatementDate, nowIso, vocabularyOf, type OpsOptions } from './context.ts';
import { dbGlossary } from './glossary.ts';
import { confirmedLexicon } from './lexicon.ts';
import { runStatementChecks } from './checks.ts';

export const LIMITS = {
  maxTextChars: 2_000_000,
  maxParagraphs: 50_000,
  maxParagraphChars: 100_000,
  maxTitleChars: 500,
};

export interface SourceInfo {
  name?: string | null;
  format?: string | null;
  encoding?: string | null;
  url?: string | null;
  /** The date the page gives its statement (its date row or dateline, see pageDate), if any. */
  date?: string | null;
}

export interface ImportInput {
  title?: string | null;
  date?: string | null;
  /** Statement body per language, e.g. {en: '…', ko: '…'}. The pivot is `srcLang`, else 'en' if present, else the first key. */
  texts: Record<Lang, string>;
  sources?: Record<Lang, SourceInfo>;
  /** Every non-empty line is one paragraph (no splitting). */
  preSplit?: boolean;
  /** The pivot the other languages are aligned to, when the caller chose one (the import form does). */
  srcLang?: Lang;
  /**
   * When two of the texts are already a statement (and none holds them all), store nothing and
   * answer with that statement (`overlap`), so that a form can offer to add the third text to it.
   */
  askOnOverlap?: boolean;
}

export interface ImportResult {
  statementId: number;
  created: boolean;
  /** Statements that already hold two of the imported texts (a new trilateral statement's English and Korean). */
  alsoIn?: { statementId: number; langs: Lang[] }[];
  /** With askOnOverlap: nothing was stored, and `statementId` is the first of `alsoIn`. */
  overlap?: boolean;
}

export function splitText(text: string, lang: Lang, preSplit = false): SplitParagraph[] {
  return preSplit ? preSplitLines(text).map((t) => ({ text: t, marker: null, level: 0 })) : splitParagraphs(text, lang);
}

/** Where a text came from, as a text row stores it (nothing known: nulls). */
export function sourceColumns(s: SourceInfo | undefined): { sourceName: string | null; sourceFormat: string | null; sourceEncoding: string | null } {
  return { sourceName: s?.name ?? null, sourceFormat: s?.format ?? null, sourceEncoding: s?.encoding ?? null };
}

/**
 * How a hash names each language: by its base code ("ja-JP" → "ja"), so that a Japanese text stored
 * under ja-JP and the same text sent as ja hash alike; or, for `tags`, by the tag as given, as every
 * hash was taken before migration 13 (still looked up, see lookupHashes).
 */
type HashKeys = 'base' | 'tags';

export function contentHash(texts: Record<Lang, string>, keys: HashKeys = 'base'): string {
  const h = createHash('sha256');
  const named = Object.keys(texts).map((tag) => [keys === 'base' ? baseLanguage(tag) : tag, tag] as const);
  // By the name the hash gives, then by tag: two tags of one language (never one statement's) stay apart.
  named.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  for (const [name, tag] of named) h.update(name + '\0' + singleSpaced(texts[tag]!) + '\0');
  return h.digest('hex');
}

/**
 * Hash of a statement's paragraphs, list markers left out: what its texts split into, and what an
 * export of it carries (exports hold paragraphs without their markers), so the files a corpus was
 * exported from and the corpus find each other.
 */
export function paragraphsHash(paragraphs: Record<Lang, readonly string[]>, keys: HashKeys = 'base'): string {
  // contentHash of the paragraphs' text (which, as that of the bodies, ignores how whitespace runs).
  return 'p:' + contentHash(Object.fromEntries(Object.entries(paragraphs).map(([lang, ps]) => [lang, ps.map((p) => withoutListMarker(p)).join('\n')])), keys);
}

/**
 * The hashes to look texts up by: those naming languages by base code, and — when a tag is not its
 * base code (ja-JP) — those naming them by tag, as hashes were taken before migration 13: a statement's
 * earlier versions keep only those. (Its current texts were hashed again by base code.)
 */
export function lookupHashes(texts: Record<Lang, string>, paragraphs: Record<Lang, readonly string[]>): string[] {
  const out = [contentHash(texts), paragraphsHash(paragraphs)];
  if (Object.keys(texts).some((tag) => baseLanguage(tag) !== tag)) out.push(contentHash(texts, 'tags'), paragraphsHash(paragraphs, 'tags'));
  return out;
}

/**
 * The hashes of texts and paragraphs, and — for three or more languages — of each pair of them: a
 * trilateral statement holds its English and Korean texts too.
 */
function hashesOf(texts: Record<Lang, string>, paragraphs: Record<Lang, readonly string[]>): string[] {
  const out = [contentHash(texts), paragraphsHash(paragraphs)];
  for (const [a, b] of languagePairs(Object.keys(texts))) out.push(...pairHashes(texts, paragraphs, a, b));
  return out;
}

function languagePairs(langs: Lang[]): [Lang, Lang][] {
  if (langs.length < 3) return [];
  return langs.flatMap((a, i) => langs.slice(i + 1).map((b): [Lang, Lang] => [a, b]));
}

/** The hashes of two of the texts; `lookup`: the ones to look them up by (see lookupHashes). */
function pairHashes(texts: Record<Lang, string>, paragraphs: Record<Lang, readonly string[]>, a: Lang, b: Lang, lookup = false): string[] {
  const two = { [a]: texts[a]!, [b]: texts[b]! };
  const split = { [a]: paragraphs[a]!, [b]: paragraphs[b]! };
  return lookup ? lookupHashes(two, split) : [contentHash(two), paragraphsHash(split)];
}

/** The hashes a statement's current texts and paragraphs have. */
function currentHashes(db: Db, statementId: number): string[] {
  const texts = listCurrentTexts(db, statementId);
  return hashesOf(
    Object.fromEntries(texts.map((t) => [t.lang, t.body])),
    Object.fromEntries(texts.map((t) => [t.lang, listParagraphs(db, t.id).map((p) => p.content)])),
  );
}

/** Records the hashes of a statement's texts as they now are; called in the transaction that wrote them. */
export function settleHashes(db: Db, statementId: number): void {
  addStatementHashes(db, statementId, currentHashes(db, statementId));
  clearPendingHashes(db, statementId);
}

/**
 * The statement that holds, or held, texts of one of these hashes. Statements whose texts changed
 * without their hashes being taken (before migration 11, or by an older program) get theirs first.
 */
export function findImported(db: Db, hashes: readonly string[]): StatementRow | undefined {
  const pending = listPendingHashes(db);
  if (pending.length) db.transaction(() => pending.forEach((id) => settleHashes(db, id)))();
  return findStatementByHash(db, hashes);
}

/**
 * Validates one language's text (type, size, script) and splits it; throws InputError naming the
 * problem. `stored`: the language is one a statement already has (a code stored before codes were
 * checked keeps taking versions).
 */
export function prepareText(text: unknown, lang: Lang, preSplit = false, stored = false): SplitParagraph[] {
  if (!stored) assertLanguage(lang);
  if (typeof text !== 'string') throw new InputError(`text for "${lang}" must be a string`);
  if (text.length > LIMITS.maxTextChars)
    throw new InputError(`the ${lang} text has ${text.length} characters; the limit is ${LIMITS.maxTextChars}`, 'too_large');
  assertScript(text, lang);
  const ps = splitText(text, lang, preSplit);
  if (ps.length === 0) throw new InputError(`the ${lang} text is empty`);
  // Bullets ("ㅇ", "□", "-") or editorial marks ("[…]") alone are not a statement to align.
  if (!ps.some((p) => hasWords(p.text)))
    throw new InputError(`the ${lang} text has no words: only list markers or editorial marks`);
  if (ps.length > LIMITS.maxParagraphs)
    throw new InputError(`the ${lang} text has ${ps.length} paragraphs; the limit is ${LIMITS.maxParagraphs}`, 'too_large');
  const long = ps.findIndex((p) => p.text.length > LIMITS.maxParagraphChars);
  if (long >= 0)
    throw new InputError(`paragraph ${long + 1} of the ${lang} text is longer than ${LIMITS.maxParagraphChars} characters`, 'too_large');
  return ps;
}

/**
 * The statement's title when none is given: the source text's first paragraph, unless that is no
 * heading ("The below is attributable to Spokesperson Ned Price:", or a first sentence: a readout
 * posted without a title) and another version opens with one ("한미 외교장관 회담 결과").
 */
function firstHeading(openings: string[]): string {
  // A final dot of an abbreviation ("…in Washington, D.C.", "…Meets U.S.") does not make a sentence.
  const heading = (t: string) => t.length <= 200 && (!/[:.!?。다]$/u.test(t) || /(?:\b(?:[A-Z]\.){2,}|\b(?:Jr|Sr|St|No)\.)$/.test(t));
  return openings.find(heading) ?? openings[0]!;
}

/** Validates and splits; throws InputError naming the problem before anything is written. */
export function prepareImport(input: ImportInput): { langs: Lang[]; paragraphs: Map<Lang, SplitParagraph[]>; title: string; date: string | null } {
  const langs = Object.keys(input.texts ?? {});
  if (langs.length < 2) throw new InputError('a statement needs texts in at least two languages');
  if (input.srcLang !== undefined && !langs.includes(input.srcLang)) throw new InputError(`there is no ${input.srcLang} text to align the others to`);
  const pivot = input.srcLang ?? (langs.includes('en') ? 'en' : langs[0]!);
  const ordered = [pivot, ...langs.filter((l) => l !== pivot)];
  const paragraphs = new Map<Lang, SplitParagraph[]>();
  for (const lang of ordered) paragraphs.set(lang, prepareText(input.texts[lang], lang, input.preSplit));
  // Single spaces, as the texts are stored: a title pasted with a no-break or doubled space is found by search.
  // Cut to the limit, then trimmed: a cut must not leave a space at the end.
  if (typeof input.title === 'string' && hasControlChar(input.title)) throw new InputError('the title contains control characters (such as NUL or ESC); type or paste it again');
  const title = ((input.title && singleSpaced(input.title)) || firstHeading(ordered.map((l) => paragraphs.get(l)![0]!.text))).slice(0, LIMITS.maxTitleChars).trimEnd();
  if (input.date != null && input.date !== '') checkStatementDate(input.date);
  // Without a date given, the one a page gives (its date row): the source's, else another version's.
  const found = ordered.map((l) => input.sources?.[l]?.date).find((d): d is string => typeof d === 'string' && d !== '' && isStatementDate(d));
  return { langs: ordered, paragraphs, title, date: input.date || found || null };
}

/** Whether a date found on a page is one a statement may carry (checkStatementDate's rules, without throwing). */
function isStatementDate(d: string): boolean {
  try {
    checkStatementDate(d);
    return true;
  } catch {
    return false;
  }
}

/**
 * The statement that already has these texts. Asked for another source language than it was
 * aligned to, the import is refused rather than quietly answered with the other alignment.
 */
function sameStatement(db: Db, statementId: number, srcLang: Lang | undefined): ImportResult {
  const source = listCurrentTexts(db, statementId)[0]?.lang;
  // By language: "ja" asks for the source a statement holds as ja-JP.
  if (srcLang !== undefined && source !== undefined && baseLanguage(srcLang) !== baseLanguage(source)) {
    throw new ConflictError(`these texts are statement ${statementId} already, aligned to its ${source} text; delete it to import them with ${srcLang} as the source`);
  }
  return { statementId, created: false };
}

/** Statements holding two of three (or more) texts, when no statement holds them all: see importStatement. */
function overlaps(db: Db, texts: Record<Lang, string>, split: Record<Lang, readonly string[]>, langs: Lang[]): { statementId: number; langs: Lang[] }[] {
  const out: { statementId: number; langs: Lang[] }[] = [];
  for (const [a, b] of languagePairs(langs)) {
    const s = findStatementByHash(db, pairHashes(texts, split, a, b, true));
    if (s && !out.some((x) => x.statementId === s.id)) out.push({ statementId: s.id, langs: [a, b] });
  }
  return out;
}

export function importStatement(db: Db, input: ImportInput, actor: string, opts: OpsOptions = {}): ImportResult {
  const { langs, paragraphs, title, date } = prepareImport(input);
  const split = Object.fromEntries([...paragraphs].map(([l, ps]) => [l, ps.map((p) => p.text)]));
  const whole = lookupHashes(input.texts, split);
  const hashes = hashesOf(input.texts, split);
  const known = findImported(db, whole);
  if (known) return sameStatement(db, known.id, input.srcLang);
  if (input.askOnOverlap) {
    const alsoIn = overlaps(db, input.texts, split, langs);
    if (alsoIn.length) return { statementId: alsoIn[0]!.statementId, created: false, overlap: true, alsoIn };
  }
  const glossary = dbGlossary(db, opts);
  const pivot = langs[0]!;
  // Aligning is pure and may take a while on huge texts: do it before the write transaction opens.
  const alignments = langs.slice(1).map((lang) => ({
    lang,
    beads: alignParagraphs(
      paragraphs.get(pivot)!.map((p) => p.text),
      paragraphs.get(lang)!.map((p) => p.text),
      { srcLang: pivot, tgtLang: lang, glossary, vocabulary: vocabularyOf(opts), lexicon: confirmedLexicon(db, pivot, lang) },
    ),
  }));
  const at = nowIso(opts);
  return db.transaction((): ImportResult => {
    const existing = findImported(db, whole);
    if (existing) return sameStatement(db, existing.id, input.srcLang);
    // Two of three texts already a statement (an English–Korean one that now has its Japanese): the
    // new statement is made, and the caller told, as a statement cannot take another language yet.
    const alsoIn = overlaps(db, input.texts, split, langs);
    const urls: Record<string, string> = {};
    for (const [lang, s] of Object.entries(input.sources ?? {})) if (s.url) urls[lang] = s.url;
    const statementId = insertStatement(db, { title, date, hashes, sourceUrls: urls, at });
    const ids = new Map<Lang, { textId: number; paragraphIds: number[] }>();
    for (const lang of langs) {
      const src = input.sources?.[lang];
      ids.set(
        lang,
        insertText(db, {
          statementId,
          lang,
          version: 1,
          body: input.texts[lang]!,
          ...sourceColumns(src),
          at,
          paragraphs: paragraphs.get(lang)!.map((p) => ({ content: p.text, marker: p.marker, level: p.level })),
        }),
      );
    }
    settleHashes(db, statementId);
    const p = ids.get(pivot)!;
    for (const a of alignments) {
      const t = ids.get(a.lang)!;
      insertAlignment(
        db,
        { statementId, srcTextId: p.textId, tgtTextId: t.textId, method: 'twintext-auto', at },
        a.beads.map((b) => ({
          src: b.src.map((i) => p.paragraphIds[i]!),
          tgt: b.tgt.map((i) => t.paragraphIds[i]!),
          confidence: Math.min(1, Math.max(0, b.confidence)),
        })),
      );
    }
    // Suggested flags from the automatic checks come with the import, in the same transaction.
    if (opts.runChecks !== false) runStatementChecks(db, statementId, actor, { ...opts, glossary });
    recordEvent(db, {
      at,
      actor,
      action: 'statement.import',
      statementId,
      entity: 'statement',
      entityId: statementId,
      after: { title, date, ...(date && !input.date ? { dateFrom: 'page' } : {}), languages: langs, paragraphs: Object.fromEntries([...paragraphs].map(([l, ps]) => [l, ps.length])) },
    });
    return { statementId, created: true, ...(alsoIn.length ? { alsoIn } : {}) };
  }).immediate();
}
