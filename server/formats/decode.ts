// Byte → text decoding for imported statements: BOM/UTF-8/UTF-16/EUC-KR/CP949/Windows-1252 detection, newline and NFC normalisation.
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { InputError } from '../core/types.ts';
import { CONTROL_CHAR } from '../core/segment.ts';

export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'euc-kr' | 'cp949' | 'shift_jis' | 'euc-jp' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/**
 * Decodes an uploaded text file. Refuses rather than guesses: a file that is neither valid UTF-8,
 * clean CP949 Korean, Japanese in Shift_JIS or EUC-JP, nor English in Windows-1252 (by its
 * punctuation, or as an HTML page declares) is rejected, so mojibake never reaches the store.
 */
export function decodeText(buf: Uint8Array): DecodedText {
  if (buf.length > MAX_INPUT_BYTES) {
    throw new InputError(
      `input is ${buf.length} bytes; the limit is ${MAX_INPUT_BYTES} bytes (5 MiB)`,
      'too_large',
    );
  }
  const { text, encoding } = decodeBytes(buf);
  return { text: finishText(text), encoding };
}

function decodeBytes(buf: Uint8Array): DecodedText {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: decodeStrict('utf-8', buf.subarray(3), 'UTF-8 (with BOM)'), encoding: 'utf-8' };
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    return { text: decodeStrict('utf-16le', buf.subarray(2), 'UTF-16LE'), encoding: 'utf-16le' };
  }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    return { text: decodeStrict('utf-16be', buf.subarray(2), 'UTF-16BE'), encoding: 'utf-16be' };
  }
  // NUL never occurs in 8-bit text encodings. Text saved as UTF-16 without a BOM has them in every
  // other byte (the high byte of each space, digit or Latin letter); anything else with NULs is binary.
  const nul = buf.indexOf(0);
  if (nul >= 0) {
    const utf16 = bomlessUtf16(buf);
    if (utf16) return utf16;
    throw new InputError(`input looks binary (NUL byte at offset ${nul}); expected a text, HTML or DOCX file`, 'binary');
  }
  // The native check first; the byte-by-byte scan only runs to say where a bad file breaks.
  if (isUtf8(buf)) return { text: new TextDecoder('utf-8').decode(buf), encoding: 'utf-8' };
  const utf8Error = firstUtf8Error(buf) ?? 0;
  // Korean first, whatever a page declares: read as Windows-1252, Korean bytes are nothing but
  // mojibake, while Windows-1252 English never reads as Korean (see mostlyCommonHangul).
  const korean = tryCp949(buf);
  if (korean) return korean;
  // Japanese next: older Japanese government pages and files are in Shift_JIS or EUC-JP.
  const declared = declaredCharset(buf);
  const japanese = declared === 'shift_jis' || declared === 'euc-jp' ? tryJapanese(buf, [declared]) : tryJapanese(buf, ['shift_jis', 'euc-jp']);
  if (japanese) return japanese;
  const western = declared === 'windows-1252' ? decodeWindows1252(buf) : tryWindows1252(buf);
  if (western) return western;
  const where =
    utf8Error >= buf.length - 3 && isTruncatedTail(buf, utf8Error)
      ? `truncated UTF-8 sequence at the end (offset ${utf8Error})`
      : `invalid UTF-8 byte 0x${(buf[utf8Error] ?? 0).toString(16).padStart(2, '0')} at offset ${utf8Error}`;
  throw new InputError(
    `cannot decode input: ${where}, and it is not EUC-KR/CP949 Korean or Shift_JIS/EUC-JP Japanese text either; re-save the file as UTF-8`,
    'undecodable',
  );
}

/**
 * BOM-less UTF-16 (little- or big-endian), recognised by where its NULs fall: at least one byte in
 * twenty is NUL and most of them on one parity; then it must decode without error.
 */
function bomlessUtf16(buf: Uint8Array): DecodedText | null {
  if (buf.length % 2 !== 0) return null;
  let even = 0, odd = 0;
  for (let i = 0; i < buf.length; i++) if (buf[i] === 0) (i % 2 === 0 ? even++ : odd++);
  const nuls = even + odd;
  if (nuls * 20 < buf.length) return null;
  // Not all of them: a Hangul syllable whose code ends in 00 (대 U+B300, 저 U+C800) puts one on the other side.
  const encoding = odd >= nuls * 0.75 ? 'utf-16le' : even >= nuls * 0.75 ? 'utf-16be' : null;
  if (!encoding) return null;
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(buf);
  } catch {
    return null;
  }
  // Binary data can decode too: the result has to read as text (letters, digits, spaces and
  // punctuation of the scripts statements use), with no control character at all.
  const texty = text.match(/[\t\n\r\x20-\x7e\u00a0-\u024f\u2000-\u206f\u3000-\u30ff\u3130-\u318f\u4e00-\u9fff\uac00-\ud7a3\uff00-\uffef]/gu)?.length ?? 0;
  return CONTROL_CHAR.test(text) || texty < text.length * 0.95 ? null : { text, encoding };
}

function decodeStrict(label: string, bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`cannot decode input as ${name}: it contains invalid byte sequences`, 'undecodable');
  }
}

/** Offset of the first byte that breaks UTF-8, or null when the whole buffer is valid. */
function firstUtf8Error(buf: Uint8Array): number | null {
  let i = 0;
  const n = buf.length;
  while (i < n) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return null;
}

function isTruncatedTail(buf: Uint8Array, at: number): boolean {
  for (let k = at + 1; k < buf.length; k++) if ((buf[k]! & 0xc0) !== 0x80) return false;
  return true;
}

const HANGUL = /[\uac00-\ud7a3\u3131-\u318e]/u;
// Punctuation and symbols Korean official texts use; Hanja and rare symbols are what a wrong guess produces.
const KOREAN_TEXT_SYMBOLS = /[\u00b7\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2022\u2219\u3000-\u303f\u25a0-\u25ff\u2460-\u24ff\uff01-\uff5e\u00a0]/u;

function tryCp949(buf: Uint8Array): DecodedText | null {
  const text = iconv.decode(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), 'cp949');
  if (text.includes('\ufffd')) return null;
  let nonAscii = 0;
  let good = 0;
  let hangul = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    nonAscii++;
    if (HANGUL.test(ch)) {
      hangul++;
      good++;
    } else if (KOREAN_TEXT_SYMBOLS.test(ch)) good++;
  }
  if (hangul === 0 || good / nonAscii < 0.9 || !mostlyCommonHangul(buf)) return null;
  return { text, encoding: isEucKrSubset(buf) ? 'euc-kr' : 'cp949' };
}

/**
 * Whether the Hangul syllables of a CP949 reading are mostly the 2,350 of KS X 1001 (lead byte
 * 0xB0–0xC8, trail 0xA1–0xFE), which hold nearly every syllable Korean prose uses; the rest of
 * CP949's 11,172 are rare. A Windows-1252 text read as CP949 gets nothing but rare ones: a curly
 * apostrophe or a dash (0x80–0x9F) with the letter after it is a syllable such as 뭩 or 뾲.
 */
function mostlyCommonHangul(buf: Uint8Array): boolean {
  let common = 0;
  let rare = 0;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i]!;
    if (b < 0x80) continue;
    const t = buf[i + 1] ?? 0;
    // CP949's additions: lead 0x81–0xA0, or lead up to 0xC6 with a trail below EUC-KR's 0xA1.
    if (b <= 0xa0 || (b <= 0xc6 && t < 0xa1)) rare++;
    else if (b >= 0xb0 && b <= 0xc8) common++;
    i++;
  }
  return rare * 4 <= common + rare;
}

const HIRAGANA = /[\u3041-\u309f]/u;
// What Japanese prose is written in besides ASCII: kana, kanji, CJK punctuation, full-width forms.
const JAPANESE_TEXT = /[\u3000-\u30ff\u4e00-\u9fff\uff01-\uff5e\u2010-\u2026\u25a0-\u25ff\u00b7]/u;

/**
 * Japanese in Shift_JIS or EUC-JP: it must decode without a replacement character, nearly every
 * character beyond ASCII must be one Japanese prose uses, and a tenth of them hiragana, which every
 * Japanese sentence has. Korean bytes read as Shift_JIS come out as half-width katakana, and as EUC-JP
 * as kanji without kana: neither passes.
 */
function tryJapanese(buf: Uint8Array, encodings: readonly ('shift_jis' | 'euc-jp')[]): DecodedText | null {
  for (const encoding of encodings) {
    const text = iconv.decode(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), encoding);
    if (text.includes('\ufffd')) continue;
    let nonAscii = 0, good = 0, hiragana = 0;
    for (const ch of text) {
      if (ch.charCodeAt(0) < 0x80) continue;
      nonAscii++;
      if (JAPANESE_TEXT.test(ch)) good++;
      if (HIRAGANA.test(ch)) hiragana++;
    }
    if (nonAscii > 0 && good >= nonAscii * 0.95 && hiragana * 10 >= nonAscii) return { text, encoding };
  }
  return null;
}

// Bytes Windows-1252 leaves undefined (WHATWG maps them to C1 controls): no text has them.
const WINDOWS_1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function decodeWindows1252(buf: Uint8Array): DecodedText | null {
  if (buf.some((b) => WINDOWS_1252_UNDEFINED.has(b))) return null;
  // iconv-lite, not TextDecoder: Node 20's TextDecoder reads 'windows-1252' as Latin-1 (0x92 → U+0092, not ’).
  return { text: iconv.decode(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), 'windows-1252'), encoding: 'windows-1252' };
}

/**
 * English saved as Windows-1252 (by Word, or an old Windows editor): ASCII but for a few single bytes,
 * most of them between two ASCII characters, among them the typographic punctuation that only
 * Windows-1252 puts at 0x80–0x9F (’ “ ” – — …). Accented letters alone stay refused: at 0xA0–0xFF
 * Latin-1, Latin-2, Cyrillic… all have letters, and nothing says which. Korean (CP949, EUC-KR) comes
 * in byte pairs and never passes.
 */
function tryWindows1252(buf: Uint8Array): DecodedText | null {
  let high = 0;
  let paired = 0;
  let punctuation = 0;
  let run = 0;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i]!;
    if (b < 0x80) {
      run = 0;
      continue;
    }
    high++;
    // A closing quote and an ellipsis (”…) stand together; three in a row are a multi-byte script.
    if (++run >= 3) return null;
    if (b <= 0x9f) punctuation++;
    if ((buf[i - 1] ?? 0) >= 0x80 || (buf[i + 1] ?? 0) >= 0x80) paired++;
  }
  if (punctuation === 0 || high * 20 > buf.length || paired * 2 > high) return null;
  return decodeWindows1252(buf);
}

/**
 * The charset an HTML page declares in its head (<meta charset> or <meta http-equiv="Content-Type">),
 * as the WHATWG Encoding Standard names it ("iso-8859-1" and "latin1" are "windows-1252"), or null.
 */
function declaredCharset(buf: Uint8Array): string | null {
  const head = Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.byteLength, 4096)).toString('latin1');
  const label = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
  if (!label) return null;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/** EUC-KR proper uses only 0xA1–0xFE for both bytes; CP949 extends the lead/trail ranges. */
function isEucKrSubset(buf: Uint8Array): boolean {
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i]!;
    if (b < 0x80) continue;
    const t = buf[i + 1];
    if (b < 0xa1 || b > 0xfe || t === undefined || t < 0xa1 || t > 0xfe) return false;
    i++;
  }
  return true;
}

// The control characters (core's CONTROL_CHAR), all of them: a few are stray noise, many mean binary.
const CONTROL = new RegExp(CONTROL_CHAR.source, 'gu');

function finishText(raw: string): string {
  let text = raw.startsWith('\ufeff') ? raw.slice(1) : raw;
  if (text.includes('\u0000')) {
    throw new InputError('input looks binary (it contains NUL characters); expected a text, HTML or DOCX file', 'binary');
  }
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > 0) {
    if (controls > 8 && controls / text.length > 0.001) {
      throw new InputError(
        `input looks binary (${controls} control characters); expected a text, HTML or DOCX file`,
        'binary',
      );
    }
  }
  text = cleanText(text);
  if (text.trim() === '') throw new InputError('input is empty (no text after decoding)', 'empty');
  return text;
}

/**
 * Text as twintext stores it: CR and CRLF line breaks as LF, a form feed a line break, the other
 * control characters (a vertical tab, ESC) dropped, composed (NFC). Decoded files go through it, and
 * so do the segments a corpus brings escaped (JSONL "\f", TSV "\r"), past the decoding of its file.
 */
export function cleanText(text: string): string {
  return text.replace(/\r\n?|\f/g, '\n').replace(CONTROL, '').normalize('NFC');
}
