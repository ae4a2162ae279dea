// The `twintext` command: parses arguments, calls ops/core, prints; the only place that sets exit codes.
import { Command, CommanderError, Option } from 'commander';
import type { AlignedFormat } from '../ops/import-aligned.ts';
import { createWriteStream, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { userInfo } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { InputError, NotFoundError, ConflictError } from '../core/errors.ts';
import { splitParagraphs, withoutListMarker } from '../core/segment.ts';
import { alignParagraphs, alignParagraphsWithSentences, formatBeads } from '../core/align.ts';
import { readParagraphs, readStatement, readTextFile } from '../ops/read-paragraphs.ts';
import { checkAlignment, CHECKS } from '../core/checks/index.ts';
import { checkStatementDate, defaultDbPath, loadGlossary, MIN_PAIRS_FOR_LEXICON, TOOL_VERSION, vocabularyOf } from '../ops/context.ts';
import { learnLexicon } from '../core/lexicon.ts';
import { isNamedLanguage, languageProblem } from '../core/lang.ts';
import { alignBatch, alignFiles } from '../ops/align-batch.ts';
import { parseConfidence, parseLangPair, parseLangTag } from '../formats/export/types.ts';
import type { Bead } from '../core/types.ts';
import type { Db } from '../store/db.ts';
import type { ReportFormat } from './heavy.ts';

/** The database, importers, exporters and server: loaded by the commands that use them. */
const heavy = () => import('./heavy.ts');

export interface Io {
  out: Writable;
  err: Writable;
  stdin?: NodeJS.ReadableStream;
  env: Record<string, string | undefined>;
  cwd: string;
}

const VERSION = TOOL_VERSION;

/** A problem with how the command was called: exit 2. */
export class UsageError extends Error {}

const print = (io: Io, s: string) => io.out.write(s.endsWith('\n') ? s : s + '\n');

function dbPath(io: Io, opt?: string): string {
  return resolve(io.cwd, opt ?? io.env.TWINTEXT_DB ?? defaultDbPath);
}

/**
 * The database of a command that works on what is stored (list, export, report, checks of stored
 * statements, the glossary): a mistyped --db must not create directories and a new database, seeded
 * with the default glossary, and report an empty corpus or the default glossary as the team's.
 */
function existingDbPath(io: Io, opt?: string): string {
  const file = dbPath(io, opt);
  if (!existsSync(file)) throw new InputError(`${file}: no such database (twintext import or twintext serve creates one)`);
  return file;
}

function actor(io: Io): string {
  if (io.env.TWINTEXT_USER) return io.env.TWINTEXT_USER;
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

function readRaw(io: Io, file: string): string {
  return readTextFile(resolve(io.cwd, file), file);
}

/** Reads a statement file through the importers; errors name the file as the user typed it. */
function readInput(io: Io, file: string) {
  return readStatement(resolve(io.cwd, file), file);
}

function paragraphsOf(io: Io, file: string, lang: string, preSplit: boolean): Promise<string[]> {
  return readParagraphs(resolve(io.cwd, file), lang, preSplit, file);
}

function parsePort(v: string): number {
  if (!/^\d{1,5}$/.test(v) || Number(v) > 65535) throw new UsageError(`--port must be a number from 0 to 65535, got "${v}"`);
  return Number(v);
}

/**
 * `import --date`, checked as the command is read, by the rule every import stores dates by: a wrong
 * date is how the command was called (exit 2, before any file is read or the database opened), not a
 * problem of a file or of its first line, which is where a Moses corpus's importer would name it.
 * An empty --date is no date, as it has always been for files.
 */
function parseDate(v: string): string {
  if (v === '') return v;
  try {
    checkStatementDate(v);
  } catch (e) {
    if (e instanceof InputError) throw new UsageError(`--date must be a calendar date as YYYY-MM-DD, got "${v}"`);
    throw e;
  }
  return v;
}

function parseThreads(v: string): number {
  if (!/^[1-9]\d{0,2}$/.test(v)) throw new UsageError(`--threads must be a whole number from 1 to 999, got "${v}"`);
  return Number(v);
}

/**
 * An option naming one language (`split --lang`, `import --src-lang`, `glossary add --src-lang`),
 * checked as the command is read by the rule of `align --src-lang`: a code that names no language
 * ("xx"), or a second code of one twintext writes otherwise ("kor" for "ko"), is how the command was
 * called (exit 2), not a language to split by or store a text under.
 */
function parseLang(v: string): string {
  const why = languageProblem(v, false);
  if (why) throw new UsageError(why);
  return v;
}

/**
 * The languages of the two files of `align` and `check`: English and Korean unless told, the other
 * one of the two when only one is given, and never the same twice.
 */
function filePair(o: { srcLang?: string; tgtLang?: string }): { srcLang: string; tgtLang: string } {
  for (const l of [o.srcLang, o.tgtLang]) {
    const why = l === undefined ? null : languageProblem(l, false);
    if (why) throw new UsageError(why);
  }
  const srcLang = o.srcLang ?? (o.tgtLang === 'en' ? 'ko' : 'en');
  const tgtLang = o.tgtLang ?? (srcLang === 'ko' ? 'en' : 'ko');
  if (srcLang === tgtLang) throw new UsageError(`--src-lang and --tgt-lang are both ${srcLang}: give the other file's language`);
  return { srcLang, tgtLang };
}

/** "en-ko" → ["en", "ko"]: two different codes of languages (not "en-xx"). */
function parsePair(v: string): [string, string] {
  const pair = parseLangPair(v);
  if (!pair) throw new UsageError(`--pair must be two different language codes like en-ko, got "${v}"`);
  const why = languageProblem(pair[0], false) ?? languageProblem(pair[1], false);
  if (why) throw new UsageError(`--pair ${v}: ${why}`);
  return pair;
}

/** The pre-aligned corpora `import` reads, each its own option (the ops module loads only when needed). */
const CORPUS_FORMATS = ['tmx', 'xliff', 'tsv', 'csv', 'jsonl'] as const satisfies readonly AlignedFormat[];

function parseId(v: string, prev: number[] = [], what = '--statement'): number[] {
  if (!/^[1-9]\d*$/.test(v)) throw new UsageError(`${what} must be a positive integer, got "${v}"`);
  return [...prev, Number(v)];
}

/** A search text for --search: the list's search, so an empty one would be no search at all and is refused. */
function parseSearch(v: string): string {
  if (!v.trim()) throw new UsageError('--search needs a text to search for');
  return v;
}

function buildProgram(io: Io, onServe: (close: () => Promise<void>) => void): Command {
  const program = new Command('twintext')
    .description('Import, align, review and export bilingual official statements (English–Korean first).')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out.write(s), writeErr: (s) => io.err.write(s), outputError: () => {} })
    .showHelpAfterError(false);
  const dbOption = () => new Option('--db <path>', 'SQLite database file (env TWINTEXT_DB; default data/twintext.db)');

  program
    .command('split')
    .description('print the paragraphs found in FILE, one per line')
    .requiredOption('--lang <lang>', 'language of the file (en, ko, ja …)', parseLang)
    .option('--sentences', 'print sentences instead of paragraphs')
    .argument('<file>')
    .action(async (file: string, o: { lang: string; sentences?: boolean }) => {
      const { text } = await readInput(io, file);
      const ps = splitParagraphs(text, o.lang).map((p) => p.text.replace(/\s*\n\s*/g, ' '));
      if (o.sentences) {
        const { splitSentences } = await import('../core/segment.ts');
        for (const p of ps) for (const s of splitSentences(p, o.lang)) print(io, s);
      } else for (const p of ps) print(io, p);
    });

  program
    .command('align')
    .description('align two files and print beads EN_LINES<TAB>KO_LINES (1-based), one per line')
    .argument('[files...]', 'EN_FILE KO_FILE, or OUT_DIR with --batch')
    .option('--pre-split', 'every non-empty input line is one paragraph')
    .option('--confidence', 'add a third column with the confidence in [0,1]')
    .option('--sentences', 'print one JSON object per paragraph bead with its sentence beads')
    .option('--batch <manifest>', 'align every EN_PATH<TAB>KO_PATH line of MANIFEST into OUT_DIR/NNNN.tsv')
    .option('--two-pass', 'with --batch: learn a lexicon from the batch\'s confident beads and align again (slower, more accurate)')
    .option('--threads <n>', 'with --batch: threads to align on (default: one per core)', parseThreads)
    .option('--src-lang <lang>', 'language of the first file (default: en, or ko when --tgt-lang is en)')
    .option('--tgt-lang <lang>', 'language of the second file (default: ko, or en when --src-lang is ko)')
    .action(async (files: string[], given: { preSplit?: boolean; confidence?: boolean; sentences?: boolean; batch?: string; twoPass?: boolean; threads?: number; srcLang?: string; tgtLang?: string }) => {
      const o = { ...given, ...filePair(given) };
      const opts = { srcLang: o.srcLang, tgtLang: o.tgtLang, glossary: loadGlossary(), vocabulary: vocabularyOf() };
      // Options that only mean something with (or without) --batch are refused rather than ignored.
      if (!o.batch && (o.twoPass || o.threads !== undefined)) throw new UsageError(`${o.twoPass ? '--two-pass' : '--threads'} works with --batch only`);
      if (o.batch && o.sentences) throw new UsageError('--sentences aligns one pair of files, not a --batch');
      if (o.batch) {
        if (files.length !== 1) throw new UsageError('usage: twintext align --batch MANIFEST OUT_DIR [--pre-split]');
        const outDir = resolve(io.cwd, files[0]!);
        const manifestDir = resolve(io.cwd, o.batch, '..');
        const lines = readRaw(io, o.batch).split('\n').filter((l) => l.trim() !== '');
        const batchFiles = lines.map((line, i) => {
          const [en, ko] = line.split('\t');
          if (!en || !ko) throw new InputError(`${o.batch}: line ${i + 1} must be EN_PATH<TAB>KO_PATH`);
          return { src: resolve(manifestDir, en), tgt: resolve(manifestDir, ko) };
        });
        let beads: Bead[][];
        if (!o.twoPass) beads = await alignFiles(batchFiles, opts, !!o.preSplit, o.threads);
        else {
          // The second pass needs the texts on this thread: a lexicon learned from the batch's own
          // confident beads, then every document aligned again.
          const docs: { src: string[]; tgt: string[] }[] = [];
          for (const f of batchFiles) docs.push({ src: await paragraphsOf(io, f.src, o.srcLang, !!o.preSplit), tgt: await paragraphsOf(io, f.tgt, o.tgtLang, !!o.preSplit) });
          beads = await alignBatch(docs, opts, o.threads);
          const pairs = docs.flatMap((d, k) =>
            beads[k]!.filter((b) => b.confidence >= 0.9 && b.src.length && b.tgt.length).map((b) => ({ src: b.src.map((x) => d.src[x]).join(' '), tgt: b.tgt.map((x) => d.tgt[x]).join(' ') })),
          );
          if (pairs.length >= MIN_PAIRS_FOR_LEXICON) {
            const lexicon = learnLexicon(pairs, o.srcLang, o.tgtLang);
            beads = await alignBatch(docs, { ...opts, lexicon }, o.threads);
          }
        }
        mkdirSync(outDir, { recursive: true });
        beads.forEach((b, i) => writeFileSync(join(outDir, `${String(i).padStart(4, '0')}.tsv`), formatBeads(b, !!o.confidence)));
        return;
      }
      if (files.length !== 2) throw new UsageError('usage: twintext align EN_FILE KO_FILE [--pre-split] [--confidence]');
      const src = await paragraphsOf(io, files[0]!, o.srcLang, !!o.preSplit);
      const tgt = await paragraphsOf(io, files[1]!, o.tgtLang, !!o.preSplit);
      if (o.sentences) {
        const n = (xs: number[]) => xs.map((i) => i + 1);
        for (const { bead, sentences } of alignParagraphsWithSentences(src, tgt, opts)) {
          io.out.write(
            JSON.stringify({
              [o.srcLang]: n(bead.src),
              [o.tgtLang]: n(bead.tgt),
              confidence: Number(bead.confidence.toFixed(3)),
              sentences: sentences.beads.map((b) => ({
                [o.srcLang]: n(b.src),
                [o.tgtLang]: n(b.tgt),
                confidence: Number(b.confidence.toFixed(3)),
                // As the sentence-level export writes them: without the list marker a paragraph opens with.
                text: { [o.srcLang]: b.src.map((i) => withoutListMarker(sentences.src[i]!)).join(' '), [o.tgtLang]: b.tgt.map((i) => withoutListMarker(sentences.tgt[i]!)).join(' ') },
              })),
            }) + '\n',
          );
        }
        return;
      }
      io.out.write(formatBeads(alignParagraphs(src, tgt, opts), !!o.confidence));
    });

  program
    .command('check')
    .description('find differences between the versions; prints one JSON object per finding')
    .argument('[files...]', 'EN_FILE KO_FILE (or --statement ID)')
    .option('--pre-split', 'every non-empty input line is one paragraph')
    .option('--statement <id>', 'check a stored statement (its findings are stored as suggested flags)')
    .option('--consistency', 'check the stored corpus: one term rendered differently across statements')
    .option('--checks <list>', `only these checks, comma-separated (${CHECKS.join(', ')})`)
    .option('--src-lang <lang>', 'language of the first file (default: en, or ko when --tgt-lang is en)')
    .option('--tgt-lang <lang>', 'language of the second file (default: ko, or en when --src-lang is ko)')
    .addOption(dbOption())
    .action(async (files: string[], given: { preSplit?: boolean; statement?: string; consistency?: boolean; checks?: string; srcLang?: string; tgtLang?: string; db?: string }) => {
      const o = { ...given, ...filePair(given) };
      const only = o.checks?.split(',').map((c) => c.trim()).filter(Boolean);
      const unknown = only?.filter((c) => !(CHECKS as readonly string[]).includes(c));
      if (unknown?.length) throw new UsageError(`unknown check "${unknown[0]}" (${CHECKS.join(', ')})`);
      if (o.consistency) {
        return withDb(io, o.db, (db, h) => {
          for (const f of h.corpusConsistency(db, o.srcLang, o.tgtLang))
            io.out.write(JSON.stringify({ check: 'consistency', severity: f.severity, message: f.message, statements: [...new Set(f.rows.map((r) => r.statementId))] }) + '\n');
        }, true);
      }
      const emit = (srcLang: string, tgtLang: string, f: { src: number[]; tgt: number[]; check: string; severity: string; message: string }) =>
        io.out.write(JSON.stringify({ [srcLang]: f.src, [tgtLang]: f.tgt, check: f.check, severity: f.severity, message: f.message }) + '\n');
      if (o.statement !== undefined) {
        if (files.length) throw new UsageError('give either EN_FILE KO_FILE or --statement ID, not both');
        const id = parseId(o.statement)[0]!;
        const file = existingDbPath(io, o.db);
        const { openDb, runStatementChecks } = await heavy();
        const db = openDb(file);
        try {
          for (const r of runStatementChecks(db, id, actor(io), { checks: only }))
            r.findings.forEach((f, i) => emit(r.srcLang, r.tgtLang, { ...f, src: r.src[i]!, tgt: r.tgt[i]! }));
        } finally {
          db.close();
        }
        return;
      }
      if (files.length !== 2) throw new UsageError('usage: twintext check EN_FILE KO_FILE [--pre-split] | twintext check --statement ID');
      const src = await paragraphsOf(io, files[0]!, o.srcLang, !!o.preSplit);
      const tgt = await paragraphsOf(io, files[1]!, o.tgtLang, !!o.preSplit);
      // A database named (--db or TWINTEXT_DB) lends its glossary, the one the team edits; else data/glossary.tsv.
      let glossary = loadGlossary();
      if (o.db !== undefined || io.env.TWINTEXT_DB) {
        const { openDb, dbGlossary } = await heavy();
        const db = openDb(existingDbPath(io, o.db));
        try {
          glossary = dbGlossary(db);
        } finally {
          db.close();
        }
      }
      const opts = { srcLang: o.srcLang, tgtLang: o.tgtLang, glossary };
      const beads = alignParagraphs(src, tgt, { ...opts, vocabulary: vocabularyOf() });
      for (const f of checkAlignment(src, tgt, beads, { ...opts, checks: only }))
        emit(o.srcLang, o.tgtLang, { ...f, src: f.src.map((i) => i + 1), tgt: f.tgt.map((i) => i + 1) });
    });

  program
    .command('import')
    .description('import a statement (split, align, store) and print its id')
    .option('--en <file>', 'English version (.txt, .html, .docx)')
    .option('--ko <file>', 'Korean version (.txt, .html, .docx)')
    .option('--ja <file>', 'Japanese version, for trilateral statements')
    .option('--src-lang <lang>', 'the version the others are aligned to (default: en)', parseLang)
    .option('--title <title>', 'title (default: the first paragraph)')
    .option('--date <date>', 'date, YYYY-MM-DD', parseDate)
    .option('--pre-split', 'every non-empty input line is one paragraph')
    .option('--into <id>', 'with one language file: add it to statement ID, as a language it lacks (aligned to its source text) or a new version of one it has')
    .option('--separate', 'with three files two of which are already a statement: import all three as a new statement anyway')
    .option('--manifest <file>', 'import many statements: CSV or JSONL with title, date, en, ko, en_url, ko_url')
    .option('--tmx <file>', 'import a pre-aligned TMX corpus (as twintext exports it) as aligned statements')
    .option('--xliff <file>', 'import a bilingual XLIFF file (2.x as twintext exports it, or 1.2 from a CAT tool) as aligned statements')
    .option('--tsv <file>', 'import a pre-aligned TSV corpus (as twintext exports it) as aligned statements')
    .option('--csv <file>', 'import a pre-aligned CSV corpus (as twintext exports it) as aligned statements')
    .option('--jsonl <file>', 'import a pre-aligned JSONL corpus (as twintext exports it) as aligned statements')
    .option('--moses <path...>', 'import a Moses corpus as one aligned statement: PATH.en and PATH.ko (as `export --format moses --out PATH` writes them), or the two files; with --title, --date, --src-lang')
    .addOption(dbOption())
    .action(async (o: { en?: string; ko?: string; ja?: string; srcLang?: string; title?: string; date?: string; preSplit?: boolean; into?: string; separate?: boolean; manifest?: string; tmx?: string; xliff?: string; tsv?: string; csv?: string; jsonl?: string; moses?: string[]; db?: string }) => {
      // One source of statements per command: a second one would be silently left out.
      const inputs = (['manifest', ...CORPUS_FORMATS, 'moses'] as const).filter((f) => o[f]);
      if (inputs.length > 1 || (inputs.length && (o.en || o.ko || o.ja)))
        throw new UsageError(`give one of --en/--ko files, --manifest, --tmx, --xliff, --tsv, --csv, --jsonl or --moses, not ${[...(o.en || o.ko || o.ja ? ['language files'] : []), ...inputs.map((f) => `--${f}`)].join(' and ')}`);
      // A Moses corpus is bare text: its title, date and source language come from the command.
      const fileOnly = (['title', 'date', 'srcLang', 'preSplit', 'into', 'separate'] as const).filter((k) => o[k] !== undefined && !(o.moses && (k === 'title' || k === 'date' || k === 'srcLang')));
      if (inputs.length && fileOnly.length)
        throw new UsageError(`${fileOnly.map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).join(', ')}: not for --${inputs[0]} (${o.moses ? 'a Moses corpus takes --title, --date and --src-lang' : 'the file carries titles, dates and languages'})`);
      if (o.manifest) return importBatch(io, o.manifest, o.db);
      if (o.moses) return importMoses(io, o.moses, o);
      const format = CORPUS_FORMATS.find((f) => o[f]);
      if (format) {
        const text = readRaw(io, o[format]!);
        await withDb(io, o.db, (db, h) => {
          const r = h.importAlignedCorpus(db, text, format, actor(io));
          for (const id of r.skipped) io.err.write(`twintext: already imported as statement ${id}\n`);
          if (r.untranslated) io.err.write(`twintext: left out ${r.untranslated} unit${r.untranslated === 1 ? '' : 's'} without a target\n`);
          printCorpusIds(io, r);
        });
        return;
      }
      const given = (['en', 'ko', 'ja'] as const).filter((l) => o[l]);
      if (o.into !== undefined) {
        if (o.separate) throw new UsageError('--separate: not for --into');
        return importInto(io, parseId(o.into, [], '--into')[0]!, given, o);
      }
      if (o.separate && given.length < 3) throw new UsageError('--separate is for a trilateral import (--en, --ko and --ja files)');
      // Name what is missing: a translator who gave one file (the other column of a batch left empty)
      // should not have to compare a usage line with the command typed.
      if (given.length < 2) {
        const needs: Record<string, string> = { en: 'the --ko file', ko: 'the --en file', ja: 'an --en or --ko file' };
        const missing = given[0] ? needs[given[0]]! : '--en and --ko files';
        const got = given.length ? `: only --${given[0]} was given` : '';
        throw new UsageError(`import needs files in at least two languages, ${missing} too (or --into ID to add one file to a statement)${got}; usage: twintext import --en FILE --ko FILE [--title T] [--date YYYY-MM-DD]`);
      }
      if (o.srcLang !== undefined && !(given as readonly string[]).includes(o.srcLang)) {
        throw new UsageError(
          ['en', 'ko', 'ja'].includes(o.srcLang)
            ? `--src-lang ${o.srcLang}: there is no --${o.srcLang} file to align the others to`
            : `--src-lang ${o.srcLang}: import takes --en, --ko and --ja files`,
        );
      }
      const texts: Record<string, string> = {};
      const sources: Record<string, { name: string; format: string; encoding: string; date?: string | null }> = {};
      for (const lang of given) {
        const file = o[lang]!;
        if (o.preSplit) {
          texts[lang] = readRaw(io, file);
          sources[lang] = { name: file, format: 'txt', encoding: 'utf-8' };
        } else {
          const r = await readInput(io, file);
          texts[lang] = r.text;
          sources[lang] = { name: file, format: r.format, encoding: r.encoding, date: r.date };
        }
      }
      await withDb(io, o.db, (db, h) => {
        // Two of three texts already a statement: asked first, as the import form does (nothing stored).
        const { statementId, created, alsoIn, overlap } = h.importStatement(db, { title: o.title, date: o.date, texts, sources, preSplit: o.preSplit, srcLang: o.srcLang, askOnOverlap: !o.separate }, actor(io));
        if (overlap) {
          const x = alsoIn![0]!;
          const rest = given.find((l) => !x.langs.includes(l))!;
          const into = ['twintext import --into', String(x.statementId), `--${rest}`, shellWord(o[rest]!), ...(o.date ? ['--date', o.date] : []), ...(o.preSplit ? ['--pre-split'] : [])].join(' ');
          throw new InputError(`its ${x.langs.join(' and ')} texts are already statement ${x.statementId}; nothing was stored: add the ${rest} text to it with \`${into}\`, or import the three as a new statement with --separate`);
        }
        if (!created) io.err.write(`twintext: already imported as statement ${statementId}\n`);
        for (const x of alsoIn ?? []) io.err.write(`twintext: its ${x.langs.join(' and ')} texts are also statement ${x.statementId}\n`);
        print(io, String(statementId));
      });
    });

  const glossary = program.command('glossary').description('list, add, remove or export glossary terms (stored in the database)');
  glossary
    .command('list')
    .description('one line per term: ID<TAB>EN<TAB>KO[<TAB>JA…]<TAB>NOTE, a column for each language the glossary holds (as `glossary export` heads them); alternatives separated by |')
    .addOption(dbOption())
    .action((o: { db?: string }) =>
      withDb(io, o.db, (db, h) => {
        const langs = h.dbGlossary(db).langs;
        for (const t of h.listGlossary(db)) print(io, [t.id, ...langs.map((l) => (t.terms[l] ?? []).join('|')), t.note].join('\t'));
      }, true),
    );
  glossary
    .command('add')
    .description('add a term: twintext glossary add "Nuclear Consultative Group|NCG" "핵협의그룹" [--note N]')
    .argument('<src>', 'source-language term(s), alternatives separated by |')
    .argument('<tgt>', 'target-language term(s), alternatives separated by |')
    .option('--note <note>', 'a note for translators')
    .option('--src-lang <lang>', 'language of the first term', parseLang, 'en')
    .option('--tgt-lang <lang>', 'language of the second term', parseLang, 'ko')
    .addOption(dbOption())
    .action((src: string, tgt: string, o: { note?: string; srcLang: string; tgtLang: string; db?: string }) => {
      // Both terms under one language would be one term in one language, refused for that instead.
      if (o.srcLang === o.tgtLang) throw new UsageError(`--src-lang and --tgt-lang are both ${o.srcLang}: give the second term's language`);
      return withDb(io, o.db, (db, h) => void print(io, String(h.addGlossaryTerm(db, { terms: { [o.srcLang]: src, [o.tgtLang]: tgt }, note: o.note }, actor(io)).id)), true);
    });
  glossary
    .command('remove')
    .description('remove the term with this id')
    .argument('<id>')
    .addOption(dbOption())
    .action((id: string, o: { db?: string }) => {
      const term = parseId(id, [], 'the glossary term ID')[0]!;
      return withDb(io, o.db, (db, h) => h.removeGlossaryTerm(db, term, actor(io)), true);
    });
  glossary
    .command('export')
    .description('print the glossary as TSV (the data/glossary.tsv format)')
    .addOption(dbOption())
    .action((o: { db?: string }) => withDb(io, o.db, (db, h) => void io.out.write(h.glossaryToTsv(db)), true));

  program
    .command('list')
    .description('list statements: ID<TAB>TITLE<TAB>DATE<TAB>LANGUAGES<TAB>CONFIRMED/BEADS<TAB>OPEN_FLAGS')
    .option('--search <text>', 'only statements whose title or current text contains TEXT (any language), as the web list searches', parseSearch)
    .addOption(dbOption())
    .action(async (o: { search?: string; db?: string }) => {
      const file = existingDbPath(io, o.db);
      const { openDb, listStatements, searchStatements } = await heavy();
      const db = openDb(file);
      try {
        for (const s of o.search === undefined ? listStatements(db) : searchStatements(db, o.search))
          print(io, [s.id, s.title.replace(/[\t\n]/g, ' '), s.date ?? '', s.languages.join(','), `${s.confirmed}/${s.beads}`, s.openFlags].join('\t'));
      } finally {
        db.close();
      }
    });

  program
    .command('export')
    .description('export aligned pairs (both sides non-empty) as a bilingual corpus')
    .requiredOption('--format <format>', 'tmx, xliff, tsv, csv, jsonl or moses')
    .option('--out <path>', 'output file (moses writes PATH.<source language> and PATH.<target language>); default stdout')
    .option('--pair <src-tgt>', 'one language pair, e.g. en-ko: pairs aligned the other way are turned round, others left out (moses and xliff: default the first statement\'s pair)', parsePair)
    .option('--statement <id>', 'only this statement (repeatable)', parseId)
    .option('--search <text>', 'only the statements `list --search TEXT` lists (with --statement, those of them it finds)', parseSearch)
    .option('--status <status>', 'confirmed or all', 'all')
    .option('--level <level>', 'paragraph or sentence', 'paragraph')
    .option('--min-confidence <x>', 'only pairs with at least this confidence, 0 to 1 (at sentence level, sentence pairs too)')
    .option('--exclude-open-flags', 'leave out pairs with open flags')
    .option('--one-sided', 'with tsv, csv or jsonl at paragraph level: rows with one side empty too (omissions, additions), for a round trip')
    .option('--lang-tag <lang=tag>', 'language tag for xml:lang in TMX/XLIFF, e.g. en=en-US (repeatable)', (v: string, prev: Record<string, string> = {}) => {
      const lt = parseLangTag(v);
      if (!lt) throw new UsageError(`--lang-tag must look like en=en-US, got "${v}"`);
      return { ...prev, [lt[0]]: lt[1] };
    })
    .addOption(dbOption())
    .action(
      async (o: { format: string; out?: string; pair?: [string, string]; statement?: number[]; search?: string; status: string; level: string; minConfidence?: string; excludeOpenFlags?: boolean; oneSided?: boolean; langTag?: Record<string, string>; db?: string }) => {
        const { isExportFormat, openDb, exportCorpus, firstPair, oneSidedFits, requireStatements, statementPairs } = await heavy();
        if (!isExportFormat(o.format)) throw new UsageError(`unknown --format "${o.format}" (tmx, xliff, tsv, csv, jsonl, moses)`);
        if (o.status !== 'confirmed' && o.status !== 'all') throw new UsageError(`--status must be confirmed or all, got "${o.status}"`);
        if (o.level !== 'paragraph' && o.level !== 'sentence') throw new UsageError(`--level must be paragraph or sentence, got "${o.level}"`);
        const minConfidence = o.minConfidence === undefined ? undefined : parseConfidence(o.minConfidence);
        if (minConfidence === null) throw new UsageError(`--min-confidence must be a number from 0 to 1 (such as 0.8), got "${o.minConfidence}"`);
        if (o.format === 'moses' && !o.out) throw new UsageError('--format moses needs --out PATH (it writes PATH.en and PATH.ko, named after the pair)');
        if (o.oneSided && !oneSidedFits(o.format, o.level)) throw new UsageError('--one-sided works with --format tsv, csv or jsonl at paragraph level');
        const filter = { statementIds: o.statement, search: o.search, status: o.status, level: o.level, minConfidence, excludeOpenFlags: o.excludeOpenFlags, oneSided: o.oneSided } as const;
        // Before any file is opened: a missing database or an unknown statement exits 1 and writes nothing.
        // Moses names its two files after the pair, so the pair is settled before they are opened too.
        const db = openDb(existingDbPath(io, o.db));
        try {
          requireStatements(db, o.statement);
          const pair = o.pair ?? (o.format === 'moses' ? (firstPair(db, filter) ?? ['en', 'ko']) : undefined);
          const streams: Writable[] = [];
          const open = (p: string) => {
            // Opened synchronously so an unwritable path is one readable error before anything is exported.
            let fd: number;
            try {
              fd = openSync(resolve(io.cwd, p), 'w');
            } catch (e) {
              throw new InputError(`${p}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
            }
            const s = createWriteStream('', { fd });
            streams.push(s);
            return s;
          };
          const out = o.format === 'moses' ? { src: open(`${o.out}.${pair![0]}`), tgt: open(`${o.out}.${pair![1]}`) } : o.out ? open(o.out) : io.out;
          const { count, otherPairs } = await exportCorpus(db, o.format, { ...filter, pair }, out, { langTags: o.langTag, toolVersion: VERSION });
          for (const s of streams) {
            s.end();
            await once(s, 'finish');
          }
          if (o.out) io.err.write(`twintext: exported ${count} pairs\n`);
          // The pair XLIFF and Moses fell back on: the units of the others are not in the file, and the user did not ask for that.
          const leftOut = [...otherPairs.values()].reduce((a, b) => a + b, 0);
          if (!o.pair && leftOut > 0)
            io.err.write(`twintext: left out ${leftOut} unit${leftOut === 1 ? '' : 's'} of other language pairs (${[...otherPairs.keys()].join(', ')}): XLIFF and Moses hold one pair (--pair chooses it)\n`);
          // An empty file for a pair that is nowhere is a mistyped pair more often than an empty corpus.
          if (o.pair && count === 0) {
            const pairs = statementPairs(db, o.statement);
            const [s, t] = o.pair;
            if (!pairs.includes(`${s}-${t}`) && !pairs.includes(`${t}-${s}`))
              io.err.write(`twintext: no ${o.statement ? 'statement asked for' : 'statement'} has the language pair ${s}-${t}, either way round (${pairs.length ? `the pairs there: ${pairs.join(', ')}` : 'there are no statements'})\n`);
          }
        } finally {
          db.close();
        }
      },
    );

  program
    .command('report')
    .description('flags and open findings as CSV or a standalone HTML page')
    .requiredOption('--format <format>', 'csv or html')
    .option('--statement <id>', 'only this statement (repeatable)', parseId)
    .option('--search <text>', 'only the statements `list --search TEXT` lists (with --statement, those of them it finds)', parseSearch)
    .option('--out <path>', 'output file; default stdout')
    .option('--info', 'also the checks\' informational suggestions (left out by default, as the review page hides them)')
    .addOption(dbOption())
    .action(async (o: { format: string; statement?: number[]; search?: string; out?: string; info?: boolean; db?: string }) => {
      if (o.format !== 'csv' && o.format !== 'html') throw new UsageError(`unknown --format "${o.format}" (csv, html)`);
      const statements = { ids: o.statement ?? [], search: o.search };
      const report = await withDb(io, o.db, (db, h) => h.buildReport(db, o.format as ReportFormat, statements, undefined, o.info === true), true);
      if (o.out) writeFileSync(resolve(io.cwd, o.out), report);
      else io.out.write(report);
    });

  program
    .command('backup')
    .description('copy the database to FILE with SQLite\'s online backup (safe while the server runs)')
    .argument('<file>')
    .addOption(dbOption())
    .action(async (file: string, o: { db?: string }) => {
      const target = resolve(io.cwd, file);
      if (existsSync(target)) throw new UsageError(`${file} exists; choose a new file name`);
      const source = dbPath(io, o.db);
      if (!existsSync(source)) throw new InputError(`${source}: no such database`);
      const { openDb } = await heavy();
      const db = openDb(source);
      try {
        await db.backup(target);
      } finally {
        db.close();
      }
      print(io, target);
    });

  const user = program.command('user').description('accounts for serving beyond loopback: translator, editor, admin');
  user
    .command('add')
    .description('add a user; the password comes from TWINTEXT_PASSWORD or the first line of standard input')
    .argument('<name>')
    .requiredOption('--role <role>', 'translator, editor or admin')
    .addOption(dbOption())
    .action(async (name: string, o: { role: string; db?: string }) => {
      // Before the password is asked for: a mistyped role is how the command was called (exit 2).
      const { ROLES } = await heavy();
      if (!(ROLES as readonly string[]).includes(o.role)) throw new UsageError(`--role must be ${ROLES.slice(0, -1).join(', ')} or ${ROLES.at(-1)}, got "${o.role}"`);
      const password = io.env.TWINTEXT_PASSWORD ?? (await firstLine(io));
      if (!password) throw new UsageError('give the password in TWINTEXT_PASSWORD or on standard input');
      await withDb(io, o.db, (db, h) => void print(io, String(h.addUser(db, name, o.role, password, actor(io)).id)));
    });
  user
    .command('list')
    .description('one line per user: ID<TAB>NAME<TAB>ROLE<TAB>active|disabled')
    .addOption(dbOption())
    .action((o: { db?: string }) => withDb(io, o.db, (db, h) => h.listUsers(db).forEach((u) => print(io, [u.id, u.name, u.role, u.disabled ? 'disabled' : 'active'].join('\t')))));
  user
    .command('disable')
    .description('disable a user and end their sessions')
    .argument('<name>')
    .addOption(dbOption())
    .action((name: string, o: { db?: string }) => withDb(io, o.db, (db, h) => h.disableUser(db, name, actor(io))));

  program
    .command('serve')
    .description('serve the review UI and the JSON API (binds 127.0.0.1 by default)')
    .option('--port <n>', 'port (0 = any free port)', '8080')
    .option('--host <host>', 'interface to bind (beyond loopback, accounts are required)', '127.0.0.1')
    .option('--accounts', 'require sign-in with accounts even on loopback')
    .addOption(dbOption())
    .action(async (o: { port: string; host: string; accounts?: boolean; db?: string }) => {
      const { startServer } = await heavy();
      const server = await startServer({
        dbPath: dbPath(io, o.db),
        port: parsePort(o.port),
        host: o.host,
        accounts: o.accounts || undefined,
        log: (m) => io.err.write(m + '\n'),
        requestLog: io.env.TWINTEXT_QUIET ? undefined : batchedLines(io.err, (e: object) => JSON.stringify(e) + '\n'),
      });
      print(io, `twintext serving ${dbPath(io, o.db)} at ${server.url}`);
      onServe(server.close);
    });

  return program;
}

/**
 * A log writer that sends the lines of one turn of the event loop in one write: stderr is written
 * synchronously, and one system call per request was a measurable part of a small request's cost.
 */
function batchedLines<T>(out: Writable, format: (entry: T) => string): (entry: T) => void {
  let pending: string[] = [];
  return (entry) => {
    if (pending.length === 0) {
      setImmediate(() => {
        const text = pending.join('');
        pending = [];
        out.write(text);
      });
    }
    pending.push(format(entry));
  };
}

async function firstLine(io: Io): Promise<string> {
  const input = io.stdin;
  if (!input || (input as { isTTY?: boolean }).isTTY) return '';
  let data = '';
  for await (const chunk of input) {
    data += String(chunk);
    if (data.includes('\n')) break;
  }
  return data.split('\n')[0]!.replace(/\r$/, '');
}

/**
 * Runs `fn` on the database; with `existing`, on one that exists only (see existingDbPath). A database
 * this command created is removed again if `fn` fails, so a refused import into a mistyped --db leaves
 * no empty database behind for `list` to report on.
 */
async function withDb<T>(io: Io, dbOpt: string | undefined, fn: (db: Db, h: Awaited<ReturnType<typeof heavy>>) => T, existing = false): Promise<T> {
  const file = existing ? existingDbPath(io, dbOpt) : dbPath(io, dbOpt);
  const created = !existsSync(file);
  const h = await heavy();
  const db = h.openDb(file);
  let ok = false;
  try {
    const out = fn(db, h);
    ok = true;
    return out;
  } finally {
    db.close();
    if (!ok && created) for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(f, { force: true });
  }
}

/** What a new version did with the review's text corrections, for the line `import --into` prints. */
function reviewEdits(v: { editsKept?: number; editsReplaced?: number[] }): string {
  const kept = v.editsKept ? `; ${v.editsKept} correction${v.editsKept === 1 ? '' : 's'} made in review kept` : '';
  const gone = v.editsReplaced?.length ? `; the new text replaces the review's correction of ¶${v.editsReplaced.join(', ¶')} (it changes ${v.editsReplaced.length === 1 ? 'that paragraph' : 'those paragraphs'})` : '';
  return kept + gone;
}

/** A file name as a shell word: as it is when it has nothing the shell would read, else in single quotes. */
function shellWord(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * `import --into ID --ja FILE`: one language file into an existing statement, as the web's Versions
 * panel does it. A language the statement lacks is added, aligned to its source text; one it has gets
 * a new version. Prints the statement's id, and on stderr what was done.
 */
async function importInto(io: Io, statementId: number, given: readonly ('en' | 'ko' | 'ja')[], o: { en?: string; ko?: string; ja?: string; srcLang?: string; title?: string; date?: string; preSplit?: boolean; db?: string }): Promise<void> {
  if (given.length !== 1) throw new UsageError(`--into takes one language file (--en, --ko or --ja), got ${given.length}`);
  for (const k of ['title', 'srcLang'] as const)
    if (o[k] !== undefined) throw new UsageError(`--${k === 'srcLang' ? 'src-lang' : k}: not for --into (the statement has its own)`);
  const lang = given[0]!;
  const file = o[lang]!;
  const r = o.preSplit ? { text: readRaw(io, file), format: 'txt', encoding: 'utf-8' } : await readInput(io, file);
  await withDb(io, o.db, (db, h) => {
    // --ja is the statement's Japanese whatever its tag ("ja-JP").
    const stored = h.storedLanguage(db, statementId, lang);
    const v = h.importVersion(db, statementId, stored, r.text, actor(io), { preSplit: o.preSplit, source: { name: file, format: r.format, encoding: r.encoding }, ...(o.date ? { date: o.date } : {}) });
    io.err.write(
      v.added
        ? `twintext: added the ${stored} text to statement ${statementId} (${v.changed} paragraphs, aligned and checked)\n`
        : `twintext: ${stored} version ${v.version} of statement ${statementId}: ${v.unchanged} paragraphs unchanged, ${v.changed} new or changed, ${v.carriedBeads} beads kept${reviewEdits(v)}\n`,
    );
    print(io, String(statementId));
  }, true);
}

/**
 * `import --moses PATH`: the files PATH.<language> beside each other (PATH.en and PATH.ko, as
 * `export --format moses --out PATH` writes them; PATH may also be one of the two), or `--moses FILE
 * FILE`, each named with its language as last suffix. The source is --src-lang's language if given;
 * else, of two named files, the first; else English, or the language first in the alphabet. The
 * title is the command's or the files' stem.
 */
async function importMoses(io: Io, paths: string[], o: { srcLang?: string; title?: string; date?: string; db?: string }): Promise<void> {
  if (paths.length > 2) throw new UsageError(`--moses takes PATH (for PATH.en and PATH.ko) or the two files, got ${paths.length} paths`);
  const suffix = (p: string) => /\.([^./\\]+)$/.exec(p)?.[1];
  // Two-letter codes only when looking for files: corpus.bak or corpus.new would read as a language.
  const isCode = (s: string | undefined): s is string => !!s && /^[a-z]{2}(?:-[A-Za-z0-9]{2,8})*$/.test(s) && !languageProblem(s);
  let files: { path: string; lang: string }[];
  let stem: string;
  if (paths.length === 2) {
    files = paths.map((p) => {
      const lang = suffix(p);
      if (!lang || !isNamedLanguage(lang)) throw new UsageError(`--moses ${p}: name each file with its language as last suffix (corpus.en, corpus.ko)`);
      return { path: p, lang };
    });
    stem = paths[0]!.slice(0, -(files[0]!.lang.length + 1));
  } else {
    stem = paths[0]!;
    const listed = (prefix: string): string[] => {
      const full = resolve(io.cwd, prefix);
      let names: string[];
      try {
        names = readdirSync(dirname(full));
      } catch {
        return [];
      }
      const base = basename(full);
      return names.filter((n) => n.startsWith(base + '.') && isCode(n.slice(base.length + 1))).map((n) => n.slice(base.length + 1)).sort();
    };
    let langs = listed(stem);
    // PATH given as one of the two files (corpus.en): its pair sits beside it.
    if (langs.length === 0 && isCode(suffix(stem))) {
      stem = stem.slice(0, -(suffix(stem)!.length + 1));
      langs = listed(stem);
    }
    if (langs.length < 2)
      throw new InputError(`${stem}: ${langs.length ? `found only ${stem}.${langs[0]}` : `found no ${stem}.en, ${stem}.ko…`}; a Moses corpus is two files named PATH.<language>`);
    if (langs.length > 2) throw new InputError(`${stem}: found ${langs.map((l) => `${stem}.${l}`).join(', ')}; name the two to pair (--moses ${stem}.${langs[0]} ${stem}.${langs[1]})`);
    files = langs.map((lang) => ({ path: `${stem}.${lang}`, lang }));
    if (files[1]!.lang === 'en') files.reverse();
  }
  if (o.srcLang !== undefined) {
    const k = files.findIndex((f) => f.lang === o.srcLang);
    if (k < 0) throw new UsageError(`--src-lang ${o.srcLang}: the Moses files are ${files.map((f) => f.lang).join(' and ')}`);
    if (k === 1) files.reverse();
  }
  const [src, tgt] = files.map((f) => ({ lang: f.lang, text: readRaw(io, f.path), name: f.path }));
  await withDb(io, o.db, (db, h) => {
    const r = h.importMosesCorpus(db, src!, tgt!, { title: o.title ?? basename(stem), date: o.date || null }, actor(io));
    for (const id of r.skipped) io.err.write(`twintext: already imported as statement ${id}\n`);
    printCorpusIds(io, r);
  });
}

/**
 * The ids of the statements a corpus holds, one a line, as `import --en --ko` prints its statement's:
 * a statement already there too (said so on stderr), so that a re-run prints the same ids as the first
 * import did, and a script reading them finds them either way. Those already there come first, as
 * stderr names them.
 */
function printCorpusIds(io: Io, r: { statementIds: number[]; skipped: number[] }): void {
  for (const id of [...r.skipped, ...r.statementIds]) print(io, String(id));
}

async function importBatch(io: Io, manifest: string, dbOpt?: string): Promise<void> {
  const { readManifest, openDb, importManifest } = await heavy();
  // A missing, binary or malformed manifest fails before the database is opened.
  const parsed = readManifest(resolve(io.cwd, manifest), readRaw(io, manifest));
  const db = openDb(dbPath(io, dbOpt));
  const tty = (io.err as { isTTY?: boolean }).isTTY === true;
  try {
    const outcomes = await importManifest(db, parsed, actor(io), (done, total, last) => {
      const width = 24;
      const bar = '#'.repeat(Math.round((done / total) * width)).padEnd(width, '.');
      const line = `[${bar}] ${done}/${total} ${last.status}: ${last.title.slice(0, 60)}`;
      io.err.write(tty ? `\r\x1b[K${line}${done === total ? '\n' : ''}` : `${line}\n`);
    });
    const count = (s: string) => outcomes.filter((x) => x.status === s).length;
    // Failures and skips, and imports that come with a note (two of their texts are another statement too).
    for (const x of outcomes) if (x.status !== 'imported' || x.reason) print(io, `${x.status}\tline ${x.line}\t${x.title}\t${x.reason}`);
    print(io, `imported ${count('imported')}, skipped ${count('skipped')}, failed ${count('failed')}`);
    if (count('failed') > 0) throw new InputError(`${count('failed')} of ${outcomes.length} statements in ${manifest} failed to import (listed above)`);
  } finally {
    db.close();
  }
}

/** Runs the CLI in-process; returns the exit code (0 ok, 1 error, 2 usage). `serve` resolves once listening. */
export async function main(argv: string[], io: Io, onServe: (close: () => Promise<void>) => void = () => {}): Promise<number> {
  const program = buildProgram(io, onServe);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return 0;
      io.err.write(`twintext: ${e.message.replace(/^error: /, '')}\n`.replace(/\n+$/, '\n'));
      return 2;
    }
    if (e instanceof UsageError) {
      io.err.write(`twintext: ${e.message}\n`);
      return 2;
    }
    if (e instanceof InputError || e instanceof NotFoundError || e instanceof ConflictError) {
      io.err.write(`twintext: ${e.message.split('\n')[0]}\n`);
      return 1;
    }
    const err = e as NodeJS.ErrnoException;
    const message = (err?.message ?? String(e)).split('\n')[0]!;
    io.err.write(`twintext: ${err?.code && !message.startsWith(err.code) ? `${err.code}: ` : ''}${message}\n`);
    if (io.env.TWINTEXT_DEBUG) io.err.write(`${err?.stack}\n`);
    return 1;
  }
}

/** Entry point for bin/twintext.js. */
export async function run(argv: string[]): Promise<void> {
  // A reader that stops early (`twintext split … | head`) closes the pipe: that ends the command
  // quietly, as it does for other Unix tools, instead of an unhandled EPIPE.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const io: Io = { out: process.stdout, err: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
  let serving = false;
  const code = await main(argv, io, (close) => {
    serving = true;
    const stop = () => void close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  if (!serving) {
    process.exitCode = code;
  }
}
