// TSV, CSV and JSONL writers: one row/line per bead with every provenance field, omissions included.
import { stringify } from 'csv-stringify/sync';
import { Sink } from './sink.ts';
import { paragraphList } from './units.ts';
import type { ExportUnit, UnitSource } from './types.ts';

export const TABULAR_COLUMNS = [
  'src_lang', 'tgt_lang', 'src', 'tgt', 'statement_id', 'title', 'date', 'bead_id', 'position',
  'src_paragraphs', 'tgt_paragraphs', 'status', 'confidence', 'flags',
] as const;

function row(u: ExportUnit): string[] {
  return [
    u.srcLang, u.tgtLang, u.src, u.tgt, String(u.statementId), u.title, u.date ?? '', String(u.beadId),
    String(u.position), paragraphList(u.srcParagraphs), paragraphList(u.tgtParagraphs), u.status,
    String(u.confidence), u.flags.length ? JSON.stringify(u.flags) : '',
  ];
}

/** Backslash escapes keep one record per line: \t, \n, \r and \\ (undone by parseTsv). */
export function escapeTsvField(s: string): string {
  return s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

export async function writeTsv(units: UnitSource, out: NodeJS.WritableStream): Promise<{ count: number }> {
  const sink = new Sink(out);
  await sink.write(TABULAR_COLUMNS.join('\t') + '\n');
  let count = 0;
  for await (const u of units) {
    count++;
    await sink.write(row(u).map(escapeTsvField).join('\t') + '\n');
  }
  await sink.flush();
  return { count };
}

// Excel wants CRLF records; a bare LF inside a field must then be quoted explicitly (csv-stringify
// quotes only fields holding the whole record delimiter). The flag report writes its CSV with these too.
export const CSV_OPTIONS = { record_delimiter: '\r\n', quoted_match: /[\r\n]/ } as const;

export async function writeCsv(units: UnitSource, out: NodeJS.WritableStream): Promise<{ count: number }> {
  const sink = new Sink(out);
  // The BOM is what makes Excel read the file as UTF-8 rather than the ANSI code page.
  await sink.write('\ufeff' + stringify([[...TABULAR_COLUMNS]], CSV_OPTIONS));
  let count = 0;
  for await (const u of units) {
    count++;
    await sink.write(stringify([row(u)], CSV_OPTIONS));
  }
  await sink.flush();
  return { count };
}

export async function writeJsonl(units: UnitSource, out: NodeJS.WritableStream): Promise<{ count: number }> {
  const sink = new Sink(out);
  let count = 0;
  for await (const u of units) {
    count++;
    const record = {
      translation: { [u.srcLang]: u.src, [u.tgtLang]: u.tgt },
      statement_id: u.statementId,
      title: u.title,
      date: u.date,
      bead_id: u.beadId,
      position: u.position,
      src_paragraphs: u.srcParagraphs,
      tgt_paragraphs: u.tgtParagraphs,
      status: u.status,
      confidence: u.confidence,
      flags: u.flags,
    };
    // U+2028/2029 are legal in JSON but split lines in some line-oriented tools.
    await sink.write(JSON.stringify(record).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029') + '\n');
  }
  await sink.flush();
  return { count };
}
