// Bilingual glossary: parsing the TSV file and finding its terms in a paragraph.
import { InputError, type Lang } from './types.ts';

export interface GlossaryTerm { terms: Record<Lang, string[]>; note?: string }
export interface Glossary {
  terms: GlossaryTerm[];
  /** Languages in column order, as named by the header line. */
  langs: Lang[];
}

const LANG_RE = /^[a-z]{2,3}(?:-[A-Za-z0-9]+)?$/;

/**
 * Parses data/glossary.tsv: a header naming the language columns (then an optional `note`
 * column), one term per line, alternatives separated by `|`, `#` comments and blank lines.
 */
export function parseGlossary(tsv: string): Glossary {
  const lines = tsv.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').split('\n');
  let langs: Lang[] | null = null;
  let noteCol = -1;
  const terms: GlossaryTerm[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const no = i + 1;
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const cols = line.split('\t').map((c) => c.trim());
    if (!langs) {
      const names = cols.filter((c) => c !== '');
      noteCol = names.indexOf('note');
      const ls = noteCol >= 0 ? names.slice(0, noteCol) : names;
      if (ls.length < 2 || !ls.every((l) => LANG_RE.test(l)) || (noteCol >= 0 && noteCol !== names.length - 1)) {
        throw new InputError(`glossary line ${no}: header must name two or more language columns then an optional "note" column (e.g. "en\\tko\\tnote"), got "${line}"`);
      }
      langs = ls;
      continue;
    }
    const width = langs.length + (noteCol >= 0 ? 1 : 0);
    if (cols.length > width) {
      throw new InputError(`glossary line ${no}: expected at most ${width} tab-separated columns, got ${cols.length}`);
    }
    const rec: Record<Lang, string[]> = {};
    let filled = 0;
    for (let k = 0; k < langs.length; k++) {
      const alts = (cols[k] ?? '').split('|').map((s) => s.trim()).filter(Boolean);
      rec[langs[k]!] = alts;
      if (alts.length) filled++;
    }
    if (filled < 2) {
      throw new InputError(`glossary line ${no}: a term needs entries in at least two languages ("${line.slice(0, 60)}")`);
    }
    const note = noteCol >= 0 ? cols[langs.length] : undefined;
    terms.push(note ? { terms: rec, note } : { terms: rec });
  }
  if (!langs) throw new InputError('glossary: missing header line (e.g. "en\\tko\\tnote")');
  return { terms, langs };
}

interface TrieNode { next: Map<string, TrieNode>; term: number; exactCase: boolean; capFirst: boolean }
interface Matcher { trie: TrieNode; byFirst: Map<string, { s: string; idx: number }[]> }
const cache = new WeakMap<Glossary, Map<Lang, Matcher>>();

const LATIN_TOKEN = /[\p{Script=Latin}]+|\p{N}+/gu;
const isLatinTerm = (s: string) => /^[\p{Script=Latin}\d\s.,'’&/()-]+$/u.test(s) && /\p{Script=Latin}/u.test(s);
const isAcronym = (s: string) => /^[\p{Lu}\d&./-]+$/u.test(s) && /\p{Lu}.*\p{Lu}/u.test(s);

const newNode = (): TrieNode => ({ next: new Map(), term: -1, exactCase: false, capFirst: false });

function matcher(g: Glossary, lang: Lang): Matcher {
  let per = cache.get(g);
  if (!per) cache.set(g, (per = new Map()));
  const hit = per.get(lang);
  if (hit) return hit;
  // Latin terms go in a word trie (whole words, case rules, inflected last word); other
  // scripts are matched as substrings because Korean attaches particles to the term.
  const trie = newNode();
  const byFirst = new Map<string, { s: string; idx: number }[]>();
  g.terms.forEach((t, idx) => {
    for (const s of t.terms[lang] ?? []) {
      if (isLatinTerm(s)) {
        const acr = isAcronym(s);
        const toks = [...s.matchAll(LATIN_TOKEN)].map((m) => (acr ? m[0] : m[0].toLowerCase()));
        if (!toks.length) continue;
        let node = trie;
        for (const tk of toks) {
          let nx = node.next.get(tk);
          if (!nx) node.next.set(tk, (nx = newNode()));
          node = nx;
        }
        if (node.term < 0) {
          node.term = idx;
          node.exactCase = acr;
          node.capFirst = /^\p{Lu}/u.test(s);
        }
      } else {
        const first = s[0]!;
        let list = byFirst.get(first);
        if (!list) byFirst.set(first, (list = []));
        if (!list.some((x) => x.s === s)) list.push({ s, idx });
      }
    }
  });
  for (const list of byFirst.values()) list.sort((a, b) => b.s.length - a.s.length || (a.s < b.s ? -1 : 1));
  const m: Matcher = { trie, byFirst };
  per.set(lang, m);
  return m;
}

/** Inflected forms of an English word reduced to candidate base forms ("reaffirmed" → "reaffirm"). */
function bases(w: string): string[] {
  const out: string[] = [];
  for (const suf of ['ing', 'ed', 'es', 'd', 's']) {
    if (w.length > suf.length + 2 && w.endsWith(suf)) {
      out.push(w.slice(0, -suf.length));
      if (suf === 'ing' || suf === 'ed') out.push(w.slice(0, -suf.length) + 'e');
    }
  }
  if (w.endsWith('ies') && w.length > 4) out.push(w.slice(0, -3) + 'y');
  return out;
}

/** Non-overlapping glossary terms in `text`, longest match first, sorted by position. */
export function findGlossaryTerms(text: string, lang: Lang, g: Glossary): { termIndex: number; start: number; end: number }[] {
  const m = matcher(g, lang);
  const cands: { termIndex: number; start: number; end: number }[] = [];
  const toks = [...text.matchAll(LATIN_TOKEN)].map((x) => ({ t: x[0], lower: x[0].toLowerCase(), s: x.index, e: x.index + x[0].length }));
  for (let i = 0; i < toks.length; i++) {
    // Whole-word boundaries: a Latin run glued to other letters ("NCG가" is fine, "xNCG" is not).
    let node: TrieNode | undefined = m.trie;
    let best: { termIndex: number; end: number } | null = null;
    for (let k = i; k < toks.length && node; k++) {
      const tk = toks[k]!;
      if (k > i && !/^[\s\p{P}\p{S}]*$/u.test(text.slice(toks[k - 1]!.e, tk.s))) break;
      const ok = (n: TrieNode | undefined, exactTok: boolean) => {
        if (!n || n.term < 0) return false;
        if (n.exactCase && !exactTok) return false;
        if (n.capFirst && !/^\p{Lu}/u.test(toks[i]!.t)) return false;
        return true;
      };
      const exact = node.next.get(tk.t);
      const lower = node.next.get(tk.lower);
      if (ok(exact, true)) best = { termIndex: exact!.term, end: tk.e };
      else if (lower && ok(lower, false)) best = { termIndex: lower.term, end: tk.e };
      else {
        for (const b of bases(tk.lower)) {
          const n2 = node.next.get(b);
          if (n2 && ok(n2, false)) {
            best = { termIndex: n2.term, end: tk.e };
            break;
          }
        }
      }
      node = exact && exact.exactCase ? exact : lower ?? exact;
    }
    if (best) cands.push({ termIndex: best.termIndex, start: toks[i]!.s, end: best.end });
  }
  if (m.byFirst.size) {
    for (let i = 0; i < text.length; i++) {
      const list = m.byFirst.get(text[i]!);
      if (!list) continue;
      for (const x of list) {
        if (text.startsWith(x.s, i)) {
          cands.push({ termIndex: x.idx, start: i, end: i + x.s.length });
          break;
        }
      }
    }
  }
  cands.sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const taken: { start: number; end: number }[] = [];
  const hits: { termIndex: number; start: number; end: number }[] = [];
  for (const c of cands) {
    if (taken.some((h) => h.start < c.end && c.start < h.end)) continue;
    taken.push(c);
    hits.push(c);
  }
  return hits.sort((a, b) => a.start - b.start);
}
