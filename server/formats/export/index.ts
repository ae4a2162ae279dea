// Export entry point: dispatches a stream of aligned units to the writer of the requested format.
import { writeMoses } from './moses.ts';
import { writeCsv, writeJsonl, writeTsv } from './tabular.ts';
import { writeTmx } from './tmx.ts';
import { EXPORT_FORMATS, type ExportFormat, type ExportOptions, type ExportUnit } from './types.ts';
import { writeXliff } from './xliff.ts';

export type { ExportFlag, ExportFormat, ExportOptions, ExportUnit } from './types.ts';
export { EXPORT_FORMATS } from './types.ts';

export function isExportFormat(s: string): s is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(s);
}

/** File extension and MIME type per format, for downloads and output file names. */
export const EXPORT_FILE_TYPES: Record<ExportFormat, { ext: string; mime: string }> = {
  tmx: { ext: 'tmx', mime: 'application/x-tmx+xml; charset=utf-8' },
  xliff: { ext: 'xlf', mime: 'application/xliff+xml; charset=utf-8' },
  tsv: { ext: 'tsv', mime: 'text/tab-separated-values; charset=utf-8' },
  csv: { ext: 'csv', mime: 'text/csv; charset=utf-8' },
  jsonl: { ext: 'jsonl', mime: 'application/jsonl; charset=utf-8' },
  moses: { ext: 'txt', mime: 'text/plain; charset=utf-8' },
};

type Out = NodeJS.WritableStream | { src: NodeJS.WritableStream; tgt: NodeJS.WritableStream };

function isPair(out: Out): out is { src: NodeJS.WritableStream; tgt: NodeJS.WritableStream } {
  return typeof (out as NodeJS.WritableStream).write !== 'function' && 'src' in out && 'tgt' in out;
}

/**
 * Streams `units` to `out` in `format`, unit by unit with backpressure; the
 * caller owns the stream(s) and ends them. Moses needs {src, tgt} streams.
 * TMX, XLIFF and Moses skip units with an empty side (omissions/insertions);
 * TSV, CSV and JSONL would write them, but twintext's corpus export (ops/export.ts)
 * never gives them one: a corpus holds pairs. `count` is the number of units written.
 */
export async function writeExport(
  format: ExportFormat,
  units: AsyncIterable<ExportUnit> | Iterable<ExportUnit>,
  out: Out,
  opts: ExportOptions = {},
): Promise<{ count: number }> {
  if (format === 'moses') {
    if (!isPair(out)) throw new TypeError('moses export needs {src, tgt} output streams');
    return writeMoses(units, out);
  }
  if (isPair(out)) throw new TypeError(`${format} export needs a single output stream`);
  switch (format) {
    case 'tmx':
      return writeTmx(units, out, opts);
    case 'xliff':
      return writeXliff(units, out, opts);
    case 'tsv':
      return writeTsv(units, out);
    case 'csv':
      return writeCsv(units, out);
    case 'jsonl':
      return writeJsonl(units, out);
  }
}
