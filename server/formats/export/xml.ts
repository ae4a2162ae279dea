// XML text helpers for the TMX and XLIFF writers.

// Everything outside the XML 1.0 Char production (C0 controls, lone surrogates, U+FFFE/U+FFFF).
const ILLEGAL_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

// Most segments need no escaping at all; one test is far cheaper than six replaces.
const NEEDS_WORK = /[&<>"'\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;

/** Escapes text for element content or a double-quoted attribute, dropping characters XML 1.0 cannot carry. */
export function escapeXml(s: string): string {
  if (!NEEDS_WORK.test(s)) return s;
  return s
    .replace(ILLEGAL_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // A parser turns a raw CR into LF; a character reference survives the round trip.
    .replace(/\r/g, '&#13;');
}

export function langTag(lang: string, tags: Record<string, string> | undefined): string {
  return tags?.[lang] ?? lang;
}
