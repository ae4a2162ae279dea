// DOCX → statement text: zip-bomb-guarded unpacking, then mammoth's raw text, one paragraph per line.
import { unzipSync, zipSync, type Unzipped } from 'fflate';
import { InputError } from '../core/types.ts';

/** Upper bound on the total declared uncompressed size of a .docx archive. */
export const MAX_DOCX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;

export function isZip(buf: Uint8Array): boolean {
  return buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
}

/**
 * Extracts the paragraphs of a Word document. The archive is unpacked with
 * fflate first, refusing it on declared sizes before inflating anything (and
 * fflate never inflates past a declared size), then re-packed uncompressed
 * for mammoth, so mammoth's own unzipper never sees a bomb.
 */
export async function docxToText(buf: Uint8Array): Promise<string> {
  if (!isZip(buf)) throw new InputError('not a .docx file (it is not a ZIP archive)', 'bad_docx');
  let files: Unzipped;
  try {
    let total = 0;
    files = unzipSync(buf, {
      filter(file) {
        total += file.originalSize;
        if (file.originalSize > MAX_DOCX_UNCOMPRESSED_BYTES || total > MAX_DOCX_UNCOMPRESSED_BYTES) {
          throw new InputError(
            `.docx archive expands to more than ${MAX_DOCX_UNCOMPRESSED_BYTES / (1024 * 1024)} MB (entry ${file.name}); refusing to unpack it`,
            'too_large',
          );
        }
        return true;
      },
    });
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`malformed .docx file: ${(err as Error).message}`, 'bad_docx');
  }
  if (!files['word/document.xml']) {
    throw new InputError('not a .docx file (the archive has no word/document.xml)', 'bad_docx');
  }
  // mammoth's raw text drops a manual line break (<w:br/>, <w:cr/>) and glues the words around it
  // ("held in" + "Busan"): each becomes a space of its run, so the paragraph reads as Word shows it.
  const xml = new TextDecoder().decode(files['word/document.xml']);
  if (/<w:(?:br|cr)\b/.test(xml)) files['word/document.xml'] = new TextEncoder().encode(xml.replace(/<w:(?:br|cr)\b[^>]*\/>/g, '<w:t xml:space="preserve"> </w:t>'));
  const safe = zipSync(files, { level: 0 });
  // Loaded here, not at start-up: every command reads files, few of them Word documents.
  const { default: mammoth } = await import('mammoth');
  let raw: string;
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(safe.buffer, safe.byteOffset, safe.byteLength) });
    raw = result.value;
  } catch (err) {
    throw new InputError(`malformed .docx file: ${(err as Error).message}`, 'bad_docx');
  }
  const text = raw
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
    .normalize('NFC');
  if (!text) throw new InputError('the .docx document contains no text', 'empty');
  return text;
}
