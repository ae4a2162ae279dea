// Per-paragraph alignment features: lengths, bullet levels and weighted cue sets shared across languages.
import { extractAnchors } from './anchors.ts';
import { findGlossaryTerms, type Glossary } from './glossary.ts';
import { lexTokens, type Lexicon } from './lexicon.ts';
import { detectMarker } from './segment.ts';
import type { Lang } from './types.ts';

export interface SideFeatures {
  n: number;
  /** Prefix sums of paragraph lengths (non-space characters). */
  cum: Float64Array;
  /** Bullet level per paragraph, -1 when the paragraph has no marker. */
  level: Int8Array;
  /** 1 for editorial lines ("[…]", "[영문 전문 보기]", "(끝)") that are never a translation. */
  editorial: Uint8Array;
  /** Per paragraph, sorted cue ids (repeats allowed: cues are a multiset). */
  cues: Int32Array[];
}

export interface DocFeatures {
  src: SideFeatures;
  tgt: SideFeatures;
  /** Weight of each cue id (only cues present on both sides get an id). */
  weight: Float64Array;
}

/** How much one shared cue of each kind says about two paragraphs being translations. */
export interface CueWeights { anchor: number; name: number; glossary: number; latin: number; lexicon: number }

const ANCHOR_PREFIX: Record<string, string> = {
  number: 'n', ordinal: 'o', acronym: 'a', percent: 'p', year: 'y', month: 'mo',
};

const LATIN_STOP = new Set(['the', 'and', 'for', 'with', 'that', 'this', 'from', 'are', 'was', 'its', 'has', 'have']);

interface LexIndex { bySrc: Map<string, number[]>; byTgt: Map<string, number[]> }
const lexCache = new WeakMap<Lexicon, LexIndex>();

function lexIndex(lex: Lexicon): LexIndex {
  let ix = lexCache.get(lex);
  if (ix) return ix;
  ix = { bySrc: new Map(), byTgt: new Map() };
  lex.entries.forEach(([s, t], k) => {
    let a = ix!.bySrc.get(s);
    if (!a) ix!.bySrc.set(s, (a = []));
    a.push(k);
    let b = ix!.byTgt.get(t);
    if (!b) ix!.byTgt.set(t, (b = []));
    b.push(k);
  });
  lexCache.set(lex, ix);
  return ix;
}

/** Cue keys of one paragraph with their kind-weights (key → weight factor). */
function paragraphCues(text: string, lang: Lang, side: 'src' | 'tgt', glossary: Glossary | undefined, lexicon: Lexicon | undefined, lexSwapped: boolean, cw: CueWeights, out: [string, number][]): void {
  for (const a of extractAnchors(text, lang)) {
    if (a.kind === 'date') {
      const m = /^(\d{4}|-)-?(\d{2})-(\d{2})$/.exec(a.value);
      if (m) {
        out.push([`md:${m[2]}-${m[3]}`, cw.anchor]);
        if (m[1] !== '-') out.push([`y:${m[1]}`, cw.anchor]);
      }
    } else if (a.kind === 'name') {
      for (const k of a.value.split(' ')) out.push([`nm:${k}`, cw.name]);
    } else {
      out.push([`${ANCHOR_PREFIX[a.kind]}:${a.value}`, cw.anchor]);
    }
  }
  if (glossary) for (const h of findGlossaryTerms(text, lang, glossary)) out.push([`g:${h.termIndex}`, cw.glossary]);
  // Latin words survive translation into Hangul/Kana text as-is (programme names, "Iron Mace").
  for (const m of text.matchAll(/\p{Script=Latin}{3,}/gu)) {
    const w = m[0].toLowerCase();
    if (!LATIN_STOP.has(w)) out.push([`w:${w}`, cw.latin]);
  }
  if (lexicon) {
    const ix = lexIndex(lexicon);
    const map = (side === 'src') !== lexSwapped ? ix.bySrc : ix.byTgt;
    for (const t of new Set(lexTokens(text, lang))) {
      for (const k of map.get(t) ?? []) out.push([`x:${k}`, cw.lexicon * lexicon.entries[k]![2]]);
    }
  }
}

/** A short line wholly in brackets, or without any letter or digit: an editor's mark, not text. */
export function isEditorial(t: string): boolean {
  const s = t.trim();
  if (!/[\p{L}\p{N}]/u.test(s)) return true;
  return s.length <= 40 && /^[[(<【〈「『［（].*[\])>】〉」』］）]$/u.test(s) && !/[.!?다]\s/u.test(s);
}

function lengthOf(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) n++;
  }
  return n;
}

export function buildFeatures(src: string[], tgt: string[], srcLang: Lang, tgtLang: Lang, glossary: Glossary | undefined, lexicon: Lexicon | undefined, cw: CueWeights): DocFeatures {
  const lexSwapped = !!lexicon && lexicon.srcLang === tgtLang && lexicon.tgtLang === srcLang && srcLang !== tgtLang;
  const raw = (texts: string[], lang: Lang, side: 'src' | 'tgt') => texts.map((t) => {
    const o: [string, number][] = [];
    paragraphCues(t, lang, side, glossary, lexicon, lexSwapped, cw, o);
    return o;
  });
  const rs = raw(src, srcLang, 'src');
  const rt = raw(tgt, tgtLang, 'tgt');
  // Only cues seen on both sides can tell paragraphs apart; document frequency gives IDF.
  const dfS = new Map<string, number>();
  const dfT = new Map<string, number>();
  const kindW = new Map<string, number>();
  for (const list of rs) for (const k of new Set(list.map((x) => x[0]))) dfS.set(k, (dfS.get(k) ?? 0) + 1);
  for (const list of rt) for (const k of new Set(list.map((x) => x[0]))) dfT.set(k, (dfT.get(k) ?? 0) + 1);
  for (const list of [...rs, ...rt]) for (const [k, w] of list) kindW.set(k, Math.max(kindW.get(k) ?? 0, w));
  const ids = new Map<string, number>();
  const weights: number[] = [];
  const N = src.length + tgt.length;
  for (const [k, ds] of dfS) {
    const dt = dfT.get(k);
    if (!dt) continue;
    ids.set(k, weights.length);
    const idf = Math.log((N + 1) / (ds + dt));
    weights.push(Math.max(0, Math.min(3, idf)) * kindW.get(k)!);
  }
  const side = (texts: string[], lists: [string, number][][]): SideFeatures => {
    const n = texts.length;
    const cum = new Float64Array(n + 1);
    const level = new Int8Array(n);
    const editorial = new Uint8Array(n);
    const cues: Int32Array[] = [];
    for (let i = 0; i < n; i++) {
      const t = texts[i]!;
      cum[i + 1] = cum[i]! + Math.max(1, lengthOf(t));
      const mk = detectMarker(t);
      level[i] = mk ? mk.level : -1;
      editorial[i] = isEditorial(t) ? 1 : 0;
      const c: number[] = [];
      for (const [k] of lists[i]!) {
        const id = ids.get(k);
        if (id !== undefined) c.push(id);
      }
      cues.push(Int32Array.from(c.sort((a, b) => a - b)));
    }
    return { n, cum, level, editorial, cues };
  };
  return { src: side(src, rs), tgt: side(tgt, rt), weight: Float64Array.from(weights) };
}

/** Weighted size of the multiset intersection of two sorted cue lists. */
export function cueSim(a: Int32Array, b: Int32Array, w: Float64Array): number {
  let i = 0, j = 0, s = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!, y = b[j]!;
    if (x === y) {
      s += w[x]!;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return s;
}
