// CSV records with the line each starts on, for error messages that point at the right line.
import { parse } from 'csv-parse/sync';

/**
 * Parses CSV (a BOM, blank lines and quoted line breaks allowed) into records, each with the
 * 1-based line its first field starts on. Throws csv-parse's error on malformed input.
 */
export function parseCsvLines(text: string, opts: { trim?: boolean } = {}): { record: string[]; line: number }[] {
  const parsed = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: opts.trim ?? false }) as unknown as { record: string[]; info: { bytes: number } }[];
  // `info.bytes` is where a record ends, its line break included; the next one starts after any
  // blank lines. Lines are counted in the UTF-8 bytes csv-parse counted in.
  const bytes = Buffer.from(text);
  let lineNo = 1, counted = 0;
  return parsed.map((r, i) => {
    let at = i === 0 ? 0 : parsed[i - 1]!.info.bytes;
    while (bytes[at] === 0x0a || bytes[at] === 0x0d) at++;
    for (; counted < at; counted++) if (bytes[counted] === 0x0a) lineNo++;
    return { record: r.record, line: lineNo };
  });
}
