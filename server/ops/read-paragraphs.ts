// Reading the files to align: decoded text, and paragraphs (every line, or the importer and the splitter).
import { readFileSync } from 'node:fs';
import { InputError } from '../core/errors.ts';
import { assertScript } from '../core/script.ts';
import { preSplitLines, splitParagraphs } from '../core/segment.ts';
import { decodeText } from '../formats/decode.ts';

/** A text file, decoded (UTF-8 or a legacy Korean encoding); errors name it by `label`. */
export function readTextFile(path: string, label = path): string {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT' ? `${label}: no such file` : code === 'EISDIR' ? `${label}: is a directory` : `${label}: cannot read (${code ?? (e as Error).message})`,
    );
  }
  try {
    return decodeText(buf).text;
  } catch (e) {
    if (e instanceof InputError) throw new InputError(`${label}: ${e.message}`, e.code);
    throw e;
  }
}

/** A statement file through the importers (HTML chrome stripped, DOCX read); errors name it by `label`. */
export async function readStatement(path: string, label = path) {
  // The importers (HTML parser, DOCX reader) load only when a file needs them.
  const { readStatementFile } = await import('../formats/read.ts');
  try {
    return await readStatementFile(path);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const msg = e.message.split(path).join(label);
    throw new InputError(msg.includes(label) ? msg : `${label}: ${msg}`, e.code);
  }
}

/** Paragraphs of a file: every non-empty line with `preSplit`, else the importer and the splitter. */
export async function readParagraphs(path: string, lang: string, preSplit: boolean, label = path): Promise<string[]> {
  const text = preSplit ? readTextFile(path, label) : (await readStatement(path, label)).text;
  // Files given in the wrong order (Korean first without --src-lang ko) are refused, as import does,
  // not aligned into nonsense. Its opening is enough to tell the script.
  try {
    assertScript(text.slice(0, 4000), lang);
  } catch (e) {
    if (e instanceof InputError) throw new InputError(`${label}: ${e.message}`, e.code);
    throw e;
  }
  if (preSplit) return preSplitLines(text);
  return splitParagraphs(text, lang).map((p) => p.text.replace(/\s*\n\s*/g, ' '));
}
