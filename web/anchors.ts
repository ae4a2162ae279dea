// Client-side anchors (numbers, dates, ordinals, acronyms, names: the aligner's and the checks' own, from
// server/core/anchors.ts, plus glossary names) and the text-piece splitter that lays anchors and finding
// marks over a paragraph.
import { extractAnchors } from '../server/core/anchors.ts';

export interface Anchor {
  start: number;
  end: number;
  /** Language-neutral identity: "n:2500", "m:9", "a:KIDD", "g:12". Equal keys on both sides of a row match. */
  key: string;
  /** Further identities: a name variant shared by several glossary entries (국방부) matches any of them. */
  alt?: string[];
}

/**
 * Numbers, dates, ordinals, acronyms and personal names of a paragraph, found as the server's checks
 * find them, so "$3.2 billion" and "32억 달러" or "Third" and "제3차" match, as they do there. A date
 * matches a date of the same day with or without its year; a year matches the same number.
 */
export function findAnchors(text: string, lang: string): Anchor[] {
  return extractAnchors(text, lang).map((a): Anchor => {
    const at = { start: a.start, end: a.end };
    switch (a.kind) {
      case 'date':
        // Its year matches the year written on its own on the other side ("September 22–23, 2025").
        return { ...at, key: `d:${a.value}`, alt: a.value.startsWith('--') ? [`md:${a.value.slice(-5)}`] : [`md:${a.value.slice(-5)}`, `n:${a.value.slice(0, 4)}`] };
      case 'year':
        return { ...at, key: `n:${a.value}` };
      case 'name': {
        const [first, ...rest] = a.value.split(' ').map((k) => `nm:${k}`);
        return rest.length ? { ...at, key: first!, alt: rest } : { ...at, key: first! };
      }
      default:
        return { ...at, key: `${KIND_PREFIX[a.kind]}:${a.value}` };
    }
  });
}

const KIND_PREFIX: Record<string, string> = { number: 'n', ordinal: 'o', acronym: 'a', percent: 'p', month: 'm', time: 't' };

/** Per language, the glossary's proper names keyed by their first two characters; a hit's key is the glossary entry, shared across languages. */
export interface NameIndex {
  byLang: Map<string, Map<string, Array<{ text: string; ids: number[]; latin: boolean }>>>;
}

const WORD = /[A-Za-z0-9_]/;

/**
 * Names are the glossary entries whose English form is capitalised (countries, institutions, people).
 * Latin-script variants match on word boundaries; others (Hangul, kana) as substrings, because
 * particles attach to them — but one-character variants would match everywhere, so they are skipped.
 * A two-character bucket lookup per position keeps 500 rows × hundreds of names well under 100 ms
 * (a single alternation regex was several times slower).
 */
export function buildNameIndex(entries: ReadonlyArray<{ id: number; terms: Record<string, string[]> }>, langs: readonly string[]): NameIndex {
  const byLang: NameIndex['byLang'] = new Map();
  const names = entries.filter((e) => (e.terms['en'] ?? []).some((t) => /^[A-Z]/.test(t)));
  for (const lang of langs) {
    const buckets = new Map<string, Array<{ text: string; ids: number[]; latin: boolean }>>();
    const seen = new Map<string, { text: string; ids: number[]; latin: boolean }>();
    for (const e of names) {
      for (const v of e.terms[lang] ?? []) {
        const t = v.trim();
        if (t.length < 2) continue;
        const known = seen.get(t);
        if (known) {
          if (!known.ids.includes(e.id)) known.ids.push(e.id);
          continue;
        }
        const item = { text: t, ids: [e.id], latin: /^[\x00-\x7f]+$/.test(t) };
        seen.set(t, item);
        const key = t.slice(0, 2);
        const list = buckets.get(key) ?? [];
        list.push(item);
        buckets.set(key, list);
      }
    }
    // Longest first, so "Republic of Korea" wins over "Korea".
    for (const list of buckets.values()) list.sort((a, b) => b.text.length - a.text.length);
    if (buckets.size) byLang.set(lang, buckets);
  }
  return { byLang };
}

export function findNames(text: string, lang: string, index: NameIndex | null): Anchor[] {
  const buckets = index?.byLang.get(lang);
  if (!buckets) return [];
  const out: Anchor[] = [];
  for (let i = 0; i < text.length - 1; ) {
    const list = buckets.get(text.slice(i, i + 2));
    let hit: { text: string; ids: number[] } | null = null;
    if (list) {
      for (const c of list) {
        if (!text.startsWith(c.text, i)) continue;
        const end = i + c.text.length;
        // Boundaries only at word-character edges: "U.S." must still match before a space.
        if (c.latin && ((WORD.test(c.text.charAt(0)) && i > 0 && WORD.test(text.charAt(i - 1))) || (WORD.test(c.text.charAt(c.text.length - 1)) && end < text.length && WORD.test(text.charAt(end))))) continue;
        // The longest variant gives the span; shorter ones at the same place add their entries, so
        // "UN Security Council resolutions" still matches a side that only has "UN Security Council".
        if (!hit) hit = { text: c.text, ids: [...c.ids] };
        else for (const id of c.ids) if (!hit.ids.includes(id)) hit.ids.push(id);
      }
    }
    if (hit) {
      const [first, ...rest] = hit.ids.map((id) => `g:${id}`);
      out.push(rest.length ? { start: i, end: i + hit.text.length, key: first!, alt: rest } : { start: i, end: i + hit.text.length, key: first! });
      i += hit.text.length;
    } else i++;
  }
  return out;
}

/** Numbers, months and acronyms, plus glossary names; where a name covers an acronym (e.g. "ROK"), the name wins. */
export function paragraphAnchors(text: string, lang: string, names: NameIndex | null): Anchor[] {
  const named = findNames(text, lang, names);
  const basic = findAnchors(text, lang);
  if (!named.length) return basic;
  const kept = basic.filter((a) => !named.some((n) => a.start < n.end && n.start < a.end));
  return [...named, ...kept].sort((x, y) => x.start - y.start);
}

export interface RowAnchors {
  src: Anchor[][];
  tgt: Anchor[][];
  /** Keys present on both sides of the row. */
  shared: Set<string>;
}

function keysOf(a: Anchor): string[] {
  return a.alt ? [a.key, ...a.alt] : [a.key];
}

/** True when some identity of the anchor is also on the other side of its row. */
export function isShared(a: Anchor, shared: ReadonlySet<string>): boolean {
  return shared.has(a.key) || (a.alt?.some((k) => shared.has(k)) ?? false);
}

/** Anchors of every paragraph of a row, and which keys the two sides share. */
export function rowAnchors(src: readonly string[], tgt: readonly string[], langs: { src: string; tgt: string }, names: NameIndex | null = null): RowAnchors {
  const a = src.map((t) => paragraphAnchors(t, langs.src, names));
  const b = tgt.map((t) => paragraphAnchors(t, langs.tgt, names));
  const left = new Set(a.flat().flatMap(keysOf));
  const shared = new Set<string>();
  for (const x of b.flat()) for (const k of keysOf(x)) if (left.has(k)) shared.add(k);
  return { src: a, tgt: b, shared };
}

export interface Overlay {
  start: number;
  end: number;
  /** Index into the caller's list of marks or anchors. */
  ref: number;
}

export interface Piece {
  text: string;
  anchor: number | null;
  mark: number | null;
}

/**
 * Cut `text` into pieces at every overlay boundary, each knowing the anchor and the mark (finding span)
 * covering it. Overlays out of range or overlapping an earlier one of the same kind are dropped, so
 * stale spans from an edited paragraph can never throw or duplicate text.
 */
export function pieces(text: string, anchors: readonly Overlay[], marks: readonly Overlay[]): Piece[] {
  const clean = (list: readonly Overlay[]): Overlay[] => {
    const sorted = list.filter((o) => o.start >= 0 && o.end <= text.length && o.start < o.end).sort((x, y) => x.start - y.start || y.end - x.end);
    const kept: Overlay[] = [];
    for (const o of sorted) if (!kept.length || o.start >= kept[kept.length - 1]!.end) kept.push(o);
    return kept;
  };
  const as = clean(anchors);
  const ms = clean(marks);
  if (!as.length && !ms.length) return [{ text, anchor: null, mark: null }];
  const cuts = new Set<number>([0, text.length]);
  for (const o of [...as, ...ms]) {
    cuts.add(o.start);
    cuts.add(o.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const out: Piece[] = [];
  let ai = 0;
  let mi = 0;
  for (let k = 0; k + 1 < points.length; k++) {
    const s = points[k]!;
    const e = points[k + 1]!;
    while (ai < as.length && as[ai]!.end <= s) ai++;
    while (mi < ms.length && ms[mi]!.end <= s) mi++;
    const a = as[ai] && as[ai]!.start <= s ? as[ai]!.ref : null;
    const m = ms[mi] && ms[mi]!.start <= s ? ms[mi]!.ref : null;
    out.push({ text: text.slice(s, e), anchor: a, mark: m });
  }
  return out;
}
