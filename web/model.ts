// Pure review-page logic (filters, confidence bands, navigation, cookie codec): no DOM, unit-testable in Node.
import type { Bead } from './api.ts';

export const LOW_CONFIDENCE = 0.6;
const HIGH_CONFIDENCE = 0.85;

export type FilterId = 'all' | 'unconfirmed' | 'low' | 'non11' | 'empty' | 'flagged' | 'suggested';

export const FILTERS: ReadonlyArray<{ id: FilterId; label: string }> = [
  { id: 'all', label: 'All' },
  { id: 'unconfirmed', label: 'Unconfirmed' },
  { id: 'low', label: 'Low confidence' },
  { id: 'non11', label: 'Not 1:1' },
  { id: 'empty', label: 'Empty side' },
  { id: 'flagged', label: 'Open flags' },
  { id: 'suggested', label: 'Suggestions' },
];

export function isLow(b: Bead): boolean {
  return b.confidence < LOW_CONFIDENCE;
}

export function openFlagCount(b: Bead): number {
  return b.flags.filter((f) => f.status === 'open').length;
}

/** `suggestions` = suggested findings of the checks on this row (they live outside the bead). */
export function matchesFilter(b: Bead, filter: FilterId, suggestions = 0): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'unconfirmed':
      return b.status !== 'confirmed';
    case 'low':
      return isLow(b);
    case 'non11':
      return !(b.src.length === 1 && b.tgt.length === 1);
    case 'empty':
      return b.src.length === 0 || b.tgt.length === 0;
    case 'flagged':
      return openFlagCount(b) > 0;
    case 'suggested':
      return suggestions > 0;
  }
}

export function filterCounts(beads: readonly Bead[], suggestionsOf: (b: Bead) => number = () => 0): Record<FilterId, number> {
  const counts = { all: 0, unconfirmed: 0, low: 0, non11: 0, empty: 0, flagged: 0, suggested: 0 } as Record<FilterId, number>;
  for (const b of beads) {
    const n = suggestionsOf(b);
    for (const f of FILTERS) if (matchesFilter(b, f.id, n)) counts[f.id]++;
  }
  return counts;
}

/** "2:1" style label; omissions read "1:0" / "0:1" so the shape is visible at a glance. */
export function beadShape(b: Bead): string {
  return `${b.src.length}:${b.tgt.length}`;
}

export type ConfidenceBand = 'high' | 'mid' | 'low';

export function confidenceBand(c: number): ConfidenceBand {
  if (c < LOW_CONFIDENCE) return 'low';
  if (c < HIGH_CONFIDENCE) return 'mid';
  return 'high';
}

/** Two decimals: enough to rank rows, and stable width in the chip. */
export function formatConfidence(c: number): string {
  return (Math.round(c * 100) / 100).toFixed(2);
}

/**
 * Index of the next row (in `dir`) after `from` that satisfies `pred`, wrapping around once.
 * Returns -1 when nothing matches, so the caller can tell the user instead of silently staying put.
 */
export function findNext(count: number, from: number, dir: 1 | -1, pred: (i: number) => boolean): number {
  if (count === 0) return -1;
  for (let step = 1; step <= count; step++) {
    const i = (((from + dir * step) % count) + count) % count;
    if (pred(i)) return i;
  }
  return -1;
}

/** Next visible row without wrapping: j/k at the ends should stop, not jump to the other end. */
export function stepVisible(count: number, from: number, dir: 1 | -1, visible: (i: number) => boolean): number {
  for (let i = from + dir; i >= 0 && i < count; i += dir) if (visible(i)) return i;
  return from;
}

export const REVIEWER_COOKIE = 'twintext_reviewer';

export function readCookie(cookieHeader: string, name: string): string | null {
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      // A hand-edited cookie with a stray '%' is still better shown raw than lost.
      return raw;
    }
  }
  return null;
}

export function reviewerCookie(name: string): string {
  const value = encodeURIComponent(name.trim());
  // A year is long enough that reviewers rarely retype their name; Lax keeps it off cross-site requests.
  return `${REVIEWER_COOKIE}=${value}; path=/; max-age=31536000; SameSite=Lax`;
}

/**
 * The key a shortcut means. With a Korean input source active, the letter keys type jamo (j gives ㅓ)
 * or report "Process": then the physical letter key (e.code) counts, so a translator need not switch
 * to an English layout to review. Other Latin layouts (AZERTY…) keep the letter they type.
 */
export function shortcutKey(e: Pick<KeyboardEvent, 'key' | 'code' | 'shiftKey'>): string {
  const letter = /^Key([A-Z])$/.exec(e.code)?.[1];
  if (letter && (e.key === 'Process' || e.key === 'Unidentified' || (/^\p{L}$/u.test(e.key) && !/^[A-Za-z]$/.test(e.key)))) {
    return e.shiftKey ? letter : letter.toLowerCase();
  }
  return e.key;
}

/** What a statement is called on screen: an untitled one still needs a name to link and head a page. */
export function statementLabel(title: string, id: number): string {
  return title || `Statement ${id}`;
}

export function progressPercent(confirmed: number, total: number): number {
  if (total <= 0) return 0;
  return Math.round((confirmed / total) * 100);
}

const LANG_NAMES: Record<string, string> = { en: 'English', ko: 'Korean', ja: 'Japanese', zh: 'Chinese' };

export function langName(code: string): string {
  // A tag names its language ("ja-JP" is Japanese).
  return LANG_NAMES[code.toLowerCase()] ?? LANG_NAMES[code.split('-')[0]!.toLowerCase()] ?? code.toUpperCase();
}

/** What firstChangedRow compares of a row: its id and version, and its paragraphs' text when given. */
export type RowState = Pick<Bead, 'id' | 'version'> & { text?: string };

/** A row's state for firstChangedRow: an undone text edit changes a paragraph, not the row's version. */
export function rowState(b: Pick<Bead, 'id' | 'version' | 'src' | 'tgt'>): RowState {
  return { id: b.id, version: b.version, text: [...b.src, ...b.tgt].map((p) => `${p.id}\u0001${p.text}`).join('\u0000') };
}

/**
 * The first row an undo/redo rewrote, comparing the rows before and after by id and version (a
 * rewritten row gets a new version, a merged or split one a new id) and, when both sides carry it,
 * by the text of its paragraphs (an undone or redone text edit); -1 when nothing differs.
 */
export function firstChangedRow(before: ReadonlyArray<RowState>, after: ReadonlyArray<RowState>): number {
  const n = Math.min(before.length, after.length);
  for (let i = 0; i < n; i++) {
    const a = before[i]!, b = after[i]!;
    if (a.id !== b.id || a.version !== b.version) return i;
    if (a.text !== undefined && b.text !== undefined && a.text !== b.text) return i;
  }
  return before.length === after.length ? -1 : n;
}

/**
 * Cuts `text` into plain and matched pieces for a search highlight, case-insensitively (as the
 * server's search is); the caller turns matched pieces into <mark> nodes, never markup.
 */
export function matchPieces(text: string, query: string): Array<{ text: string; match: boolean }> {
  const q = query.trim();
  if (!q) return [{ text, match: false }];
  // Any run of spaces in the query matches any run in the text (a doubled or no-break space), as the search does.
  const re = new RegExp(q.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'giu');
  const out: Array<{ text: string; match: boolean }> = [];
  let at = 0;
  for (const m of text.matchAll(re)) {
    const i = m.index ?? 0;
    if (i > at) out.push({ text: text.slice(at, i), match: false });
    out.push({ text: m[0], match: true });
    at = i + m[0].length;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), match: false });
  return out;
}

/**
 * Which rows an export with these filters would contain. Whether a row has words on both sides, as
 * the exporters require, the server says (`exportable`: a lone bullet "ㅇ" or a mark "[…]" has none).
 */
export function exportableRows(beads: readonly Bead[], confirmedOnly: boolean, noOpenFlags: boolean): number {
  let n = 0;
  for (const b of beads) {
    if (confirmedOnly && b.status !== 'confirmed') continue;
    if (noOpenFlags && openFlagCount(b) > 0) continue;
    if (b.src.length === 0 || b.tgt.length === 0 || b.exportable === false) continue;
    n++;
  }
  return n;
}
