// Statement file import: sniffs txt/HTML/DOCX by content, decodes, and reduces page text to the statement body.
import { open, stat } from 'node:fs/promises';
import { extractStatementBody, pageDate } from '../core/boilerplate.ts';
import { InputError } from '../core/types.ts';
import { decodeText, MAX_INPUT_BYTES } from './decode.ts';
import { docxToText, isZip } from './docx.ts';
import { htmlToLines } from './html.ts';

export type SourceFormat = 'txt' | 'html' | 'docx';

export interface ReadStatement {
  text: string;
  format: SourceFormat;
  encoding: string;
  /** The date the page gives its statement (YYYY-MM-DD), or null: see pageDate. */
  date: string | null;
}

const HTML_START = /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<\?xml[^>]*>\s*<html)/i;
const HTML_TAG = /<\/?(?:p|div|span|a|br|li|ul|ol|h[1-6]|body|table|tr|td|section|article|main|strong|em|b|i)\b[^>]*>/gi;

function looksLikeHtml(text: string, hinted: boolean): boolean {
  if (HTML_START.test(text)) return true;
  const tags = text.slice(0, 200_000).match(HTML_TAG)?.length ?? 0;
  return tags >= (hinted ? 1 : 5);
}

/**
 * Reads an uploaded statement. Content decides the format; the file name's
 * extension only breaks ties (an .html with two tags is HTML, a .txt with
 * forty is still HTML).
 */
export async function readStatementBuffer(buf: Uint8Array, filename?: string): Promise<ReadStatement> {
  if (buf.length > MAX_INPUT_BYTES) {
    throw new InputError(`input is ${buf.length} bytes; the limit is ${MAX_INPUT_BYTES} bytes (5 MiB)`, 'too_large');
  }
  const ext = /\.([a-z0-9]+)$/i.exec(filename ?? '')?.[1]?.toLowerCase() ?? '';
  if (isZip(buf)) {
    const raw = await docxToText(buf);
    return { text: extractStatementBody(raw), format: 'docx', encoding: 'utf-8', date: pageDate(raw) };
  }
  if (ext === 'docx') throw new InputError(`${filename} is not a .docx file (it is not a ZIP archive)`, 'bad_docx');
  if (ext === 'doc' || ext === 'hwp' || ext === 'pdf') {
    throw new InputError(`.${ext} files are not supported; save the document as .docx, .html or .txt`, 'unsupported');
  }
  const { text, encoding } = decodeText(buf);
  if (looksLikeHtml(text, ext === 'html' || ext === 'htm' || ext === 'xhtml')) {
    // The page's lines, before the body is cut out of them, hold its date row.
    const lines = htmlToLines(text);
    const body = extractStatementBody(lines);
    if (!body.trim()) throw new InputError('the HTML page contains no statement text', 'empty');
    return { text: body, format: 'html', encoding, date: pageDate(lines) };
  }
  return { text: extractStatementBody(text), format: 'txt', encoding, date: pageDate(text) };
}

/** Reads a statement file from disk; the size is checked before anything is read. */
export async function readStatementFile(path: string): Promise<ReadStatement> {
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new InputError(`${path}: is a directory`, 'unreadable');
    if (!st.isFile()) throw new InputError(`${path}: not a regular file`, 'unreadable');
    size = st.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${path}: no such file`, 'not_found');
    const why = code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? (err as Error).message})`;
    throw new InputError(`${path}: ${why}`, 'unreadable');
  }
  if (size > MAX_INPUT_BYTES) {
    throw new InputError(`${path} is ${size} bytes; the limit is ${MAX_INPUT_BYTES} bytes (5 MiB)`, 'too_large');
  }
  let buf: Buffer;
  try {
    const fh = await open(path, 'r');
    try {
      // Read at most one byte past the limit, in case the file grew since stat().
      const chunk = Buffer.alloc(Math.min(size, MAX_INPUT_BYTES) + 1);
      const { bytesRead } = await fh.read(chunk, 0, chunk.length, 0);
      buf = chunk.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: ${code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? (err as Error).message})`}`, 'unreadable');
  }
  const name = path.split(/[\\/]/).pop();
  return readStatementBuffer(buf, name);
}
