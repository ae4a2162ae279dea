// Use case: import many statements from a manifest (CSV or JSONL), one transaction per statement.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Db } from '../store/db.ts';
import { InputError } from '../core/errors.ts';
import { parseCsvLines } from '../formats/csv.ts';
import { readStatementFile } from '../formats/read.ts';
import { importStatement } from './import.ts';
import { getStatement } from '../store/statements.ts';
import type { OpsOptions } from './context.ts';

export interface ManifestEntry {
  line: number;
  title?: string;
  date?: string;
  files: Record<string, string>;
  urls: Record<string, string>;
}

const LANG_COLUMN = /^[a-z]{2,3}$/;
const URL_COLUMN = /^([a-z]{2,3})_url$/;
/**
 * A value that names a file (a path, or a name with an extension): only then is a two- or
 * three-letter column other than a known language's a language's file, not an "id" or a "no"
 * (which are language codes too).
 */
const FILE_VALUE = /[\\/]|\.[A-Za-z0-9]{2,5}$/;
/** Languages a statement comes in: their columns name files whatever the value looks like. */
const LANGUAGES = new Set(['en', 'ko', 'ja', 'zh', 'fr', 'de', 'es', 'ru', 'vi', 'th', 'pt', 'it', 'ar', 'mn', 'tl', 'ms']);

/** Parses a manifest: CSV with a header (title, date, en, ko, en_url, ko_url …) or JSONL with the same keys. */
export function parseManifest(text: string, name = 'manifest'): ManifestEntry[] {
  const body = text.replace(/^\uFEFF/, '');
  const first = body.trimStart()[0];
  let records: { line: number; rec: Record<string, unknown> }[];
  if (first === '[') throw new InputError(`${name}: a manifest is CSV with a header line, or JSONL (one JSON object a line), not a JSON array`);
  if (first === '{') {
    records = body.split('\n').flatMap((l, i) => {
      if (!l.trim()) return [];
      try {
        const rec = JSON.parse(l) as unknown;
        if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) throw new Error('not an object');
        return [{ line: i + 1, rec: rec as Record<string, unknown> }];
      } catch (e) {
        throw new InputError(`${name}: line ${i + 1} is not a JSON object (${(e as Error).message})`);
      }
    });
  } else {
    try {
      const rows = parseCsvLines(body, { trim: true });
      const header = (rows[0]?.record ?? []).map((c) => c.trim().toLowerCase());
      records = rows.slice(1).map(({ record, line }) => {
        if (record.length !== header.length) throw new InputError(`${name}: line ${line} has ${record.length} fields, the header has ${header.length}`);
        return { line, rec: Object.fromEntries(header.map((h, k) => [h, record[k]!])) };
      });
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(`${name}: not a valid CSV manifest (${(e as Error).message.split('\n')[0]})`);
    }
  }
  if (records.length === 0) throw new InputError(`${name}: no statements listed`);
  return records.map(({ line, rec }) => {
    const files: Record<string, string> = {};
    const urls: Record<string, string> = {};
    for (const [k, v] of Object.entries(rec)) {
      if (v === null || v === undefined || v === '') continue;
      const url = URL_COLUMN.exec(k);
      const known = k === 'title' || k === 'date' || url || LANGUAGES.has(k);
      // A value that is not text (a JSON number or list) is refused rather than dropped unseen, for
      // the columns twintext reads; any other column ("id": 17) is the manifest's own business.
      if (known && typeof v !== 'string') throw new InputError(`${name}: line ${line}: "${k}" must be text, got ${JSON.stringify(v)}`);
      if (typeof v !== 'string') continue;
      if (url) urls[url[1]!] = v;
      else if (LANG_COLUMN.test(k) && (LANGUAGES.has(k) || FILE_VALUE.test(v))) files[k] = v;
    }
    if (Object.keys(files).length < 2) throw new InputError(`${name}: line ${line} needs files in at least two languages (columns such as en, ko holding file paths)`);
    const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
    return { line, title: str(rec.title), date: str(rec.date), files, urls };
  });
}

export interface BatchOutcome {
  line: number;
  title: string;
  status: 'imported' | 'skipped' | 'failed';
  statementId?: number;
  reason?: string;
}

export function readManifest(manifestPath: string, text = readFileSync(manifestPath, 'utf8')): { entries: ManifestEntry[]; base: string } {
  return { entries: parseManifest(text, manifestPath), base: dirname(resolve(manifestPath)) };
}

/** Imports every entry; file paths are relative to `base` (the manifest's folder). */
export async function importManifest(
  db: Db,
  { entries, base }: { entries: ManifestEntry[]; base: string },
  actor: string,
  onProgress: (done: number, total: number, last: BatchOutcome) => void = () => {},
  opts: OpsOptions = {},
): Promise<BatchOutcome[]> {
  const outcomes: BatchOutcome[] = [];
  for (const e of entries) {
    let outcome: BatchOutcome;
    try {
      const texts: Record<string, string> = {};
      const sources: Record<string, { name: string; format: string; encoding: string; url?: string; date?: string | null }> = {};
      for (const [lang, f] of Object.entries(e.files)) {
        const r = await readStatementFile(resolve(base, f)).catch((err: unknown) => {
          if (err instanceof InputError && !err.message.includes(f)) throw new InputError(`${f}: ${err.message}`);
          throw err;
        });
        texts[lang] = r.text;
        sources[lang] = { name: f, format: r.format, encoding: r.encoding, url: e.urls[lang], date: r.date };
      }
      const { statementId, created, alsoIn } = importStatement(db, { title: e.title, date: e.date, texts, sources }, actor, opts);
      // A line without a title is named by the title the statement took (its page's heading), as
      // `twintext list` will show it, not by the name of its first file.
      const label = getStatement(db, statementId).title;
      outcome = created
        ? { line: e.line, title: label, status: 'imported', statementId, ...(alsoIn ? { reason: `statement ${statementId}: ` + alsoIn.map((x) => `its ${x.langs.join(' and ')} texts are also statement ${x.statementId}`).join('; ') } : {}) }
        : { line: e.line, title: label, status: 'skipped', statementId, reason: `already imported as statement ${statementId}` };
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      outcome = { line: e.line, title: e.title ?? Object.values(e.files)[0]!, status: 'failed', reason: err.message };
    }
    outcomes.push(outcome);
    onProgress(outcomes.length, entries.length, outcome);
  }
  return outcomes;
}
