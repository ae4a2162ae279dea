// Things every use case needs besides the database: the glossary and a clock, passed in, never global.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseGlossary, type Glossary } from '../core/glossary.ts';
import { InputError } from '../core/errors.ts';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const defaultDbPath = join(repoRoot, 'data', 'twintext.db');
/** twintext's version, as exports name their creating tool (package.json says the same). */
export const TOOL_VERSION = '0.1.0';
export const defaultGlossaryPath = join(repoRoot, 'data', 'glossary.tsv');
export const defaultVocabularyPath = join(repoRoot, 'data', 'vocabulary.tsv');

export interface OpsOptions {
  glossary?: Glossary;
  /** The aligner's general vocabulary (default: data/vocabulary.tsv); never used by the checks. */
  vocabulary?: Glossary;
  /** ISO timestamp source; tests may fix it. */
  now?: () => string;
  /** Run the automatic checks after an import, a new version, an alignment edit or a text edit (default true). */
  runChecks?: boolean;
}

export const nowIso = (o?: OpsOptions): string => (o?.now ? o.now() : new Date().toISOString());

const glossaryCache = new Map<string, Glossary>();

/** Reads and parses a glossary file once per path (it is data, not state). */
export function loadGlossary(path = defaultGlossaryPath): Glossary | undefined {
  if (!existsSync(path)) return undefined;
  let g = glossaryCache.get(path);
  if (!g) {
    g = parseGlossary(readFileSync(path, 'utf8'));
    glossaryCache.set(path, g);
  }
  return g;
}

/** The general vocabulary the aligner uses besides the glossary (none if the file is missing). */
export function vocabularyOf(opts: OpsOptions = {}): Glossary | undefined {
  return opts.vocabulary ?? loadGlossary(defaultVocabularyPath);
}

/** Below this many confirmed pairs a learned lexicon is noise, so the aligner goes without. */
export const MIN_PAIRS_FOR_LEXICON = 30;

/**
 * Refuses a statement date that is not a day of the calendar as YYYY-MM-DD ("2026-02-30" and
 * "2026-13-45" have the right shape, but would be stored and then sorted as real dates).
 */
export function checkStatementDate(date: string, where = ''): void {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  // setUTCFullYear, not Date.UTC: that one reads years 0–99 as 1900–1999.
  const d = m ? new Date(0) : null;
  if (m && d) d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (!m || !d || d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3]))
    throw new InputError(`${where}date must be a calendar date as YYYY-MM-DD, got "${date}"`);
}
