// Bilingual glossary: parsing the TSV file and finding its terms in a paragraph.
import { InputError, type Lang } from './types.ts';
import { languageProblem } from './lang.ts';
import { FNV_START, fnvStep, slotTable, wordKey } from './word-hash.ts';

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
      for (const l of ls) {
        const why = languageProblem(l);
        if (why) throw new InputError(`glossary line ${no}: ${why}`);
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

interface TrieNode {
  next: Map<string, TrieNode>;
  term: number;
  caseForm: string | null;
  capFirst: boolean;
  /**
   * wordKey of every all-ASCII word in `next` and of every form that `bases` reduces to one (see
   * inflections): an ASCII token whose key is not here goes on from this node neither as it is nor
   * inflected, and is rejected without building its string.
   */
  kids: Set<number>;
}
interface Matcher {
  trie: TrieNode;
  /** Whether any term is matched as a substring (a term not in Latin script). */
  substrings: boolean;
  /**
   * Per UTF-16 code opening a substring term: 2 when a one-character term starts with it, else 1
   * (then `secondBits` must also admit the next code). Most characters are rejected without a
   * Map lookup or string comparison.
   */
  firstCode: Uint8Array;
  /** Hashed (first, second) code pairs of the substring terms of two or more code units. */
  secondBits: Uint8Array;
  /**
   * Substring terms of two or more code units by the pairHash of their first two, longest first:
   * only the terms that open with the text's next two codes are compared (a Korean syllable opens
   * many terms). Two pairs may share a slot; a term of the other pair then simply does not match.
   */
  byPair: { s: string; idx: number }[][];
  /** The term index of each one-character substring term, by its code. */
  oneChar: Map<number, number>;
  /**
   * 1 at [c0 * PAIR + c1] for the first two (Latin, lower-case) code units of every first word
   * of a Latin term. Every candidate base form of an inflected word keeps the word's first two
   * letters, so most words skip building those candidates.
   */
  rootPairs: Uint8Array;
  /**
   * 1 at the wordSlot of every all-ASCII first word of a Latin term and of every form that `bases`
   * reduces to one (see inflections): an ASCII token whose slot is not set can open no term, not
   * even inflected, and is skipped without building its string.
   */
  firstWords: Uint8Array;
  /**
   * The trie's first words that are all ASCII, by wordKey, with the word to compare the text with;
   * null for a key two first words share (then the word is looked up as a string).
   */
  rootByKey: Map<number, { w: string; node: TrieNode } | null>;
}
const cache = new WeakMap<Glossary, Map<Lang, Matcher>>();

const isLatinTerm = (s: string) => /^[\p{Script=Latin}\d\s.,'’&/()-]+$/u.test(s) && /\p{Script=Latin}/u.test(s);
const isAcronym = (s: string) => /^[\p{Lu}\d&./-]+$/u.test(s) && /\p{Lu}.*\p{Lu}/u.test(s);

/** 1 = Latin letter, 2 = digit, 0 = anything else (token classes of the word trie). */
function charClass(c: number): number {
  // Above the Latin letters first: a Korean or Japanese text is nearly all such code units.
  if (c > 0x24f) return 0;
  // (c | 32 lower-cases an ASCII letter and leaves it a letter; no other code becomes one.)
  if (((c | 32) - 97) >>> 0 < 26) return 1;
  if (c >= 0xc0) return c !== 0xd7 && c !== 0xf7 ? 1 : 0;
  return c >= 48 && c <= 57 ? 2 : 0;
}

/** Runs of Latin letters or of digits, as [start, end) pairs into `out`; returns the count. */
function tokenize(text: string, out: number[]): number {
  let n = 0;
  let i = 0;
  const L = text.length;
  while (i < L) {
    const k = charClass(text.charCodeAt(i));
    if (!k) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < L && charClass(text.charCodeAt(j)) === k) j++;
    out[2 * n] = i;
    out[2 * n + 1] = j;
    n++;
    i = j;
  }
  return n;
}

/**
 * tokenize, and in the same pass each token's wordKey into `keys` (-1 for a token with a non-ASCII
 * code unit).
 */
function tokenizeKeyed(text: string, out: number[], keys: number[]): number {
  let n = 0;
  let i = 0;
  const L = text.length;
  while (i < L) {
    const c0 = text.charCodeAt(i);
    const k = charClass(c0);
    if (!k) {
      i++;
      continue;
    }
    let j = i + 1, h = fnvStep(FNV_START, c0), ascii = c0 < 128;
    for (; j < L; j++) {
      const c = text.charCodeAt(j);
      if (charClass(c) !== k) break;
      h = fnvStep(h, c);
      if (c >= 128) ascii = false;
    }
    out[2 * n] = i;
    out[2 * n + 1] = j;
    keys[n] = ascii ? h & 0x3fffffff : -1;
    n++;
    i = j;
  }
  return n;
}

const newNode = (): TrieNode => ({ next: new Map(), term: -1, caseForm: null, capFirst: false, kids: new Set() });

/** Fills every node's `kids` (see TrieNode) below `node`. */
function fillKids(node: TrieNode): void {
  for (const [w, child] of node.next) {
    for (const f of [w, ...inflections(w)]) {
      const k = wordKey(f, 0, f.length);
      if (k >= 0) node.kids.add(k);
    }
    fillKids(child);
  }
}

function matcher(g: Glossary, lang: Lang): Matcher {
  let per = cache.get(g);
  if (!per) cache.set(g, (per = new Map()));
  const hit = per.get(lang);
  if (hit) return hit;
  // Latin terms go in a word trie (whole words, case rules, inflected last word); other
  // scripts are matched as substrings because Korean attaches particles to the term.
  const trie = newNode();
  const byFirst = new Map<number, { s: string; idx: number }[]>();
  const buf: number[] = [];
  g.terms.forEach((t, idx) => {
    for (const s of t.terms[lang] ?? []) {
      if (isLatinTerm(s)) {
        const acr = isAcronym(s);
        const n = tokenize(s, buf);
        if (!n) continue;
        let node = trie;
        for (let k = 0; k < n; k++) {
          const tk = s.slice(buf[2 * k]!, buf[2 * k + 1]!).toLowerCase();
          let nx = node.next.get(tk);
          if (!nx) node.next.set(tk, (nx = newNode()));
          node = nx;
        }
        if (node.term < 0) {
          node.term = idx;
          // Acronyms must match in their own case ("US" is not "us").
          node.caseForm = acr ? s.replace(/[^\p{L}\p{N}]/gu, '') : null;
          node.capFirst = /^\p{Lu}/u.test(s);
        }
      } else {
        const first = s.charCodeAt(0);
        let list = byFirst.get(first);
        if (!list) byFirst.set(first, (list = []));
        if (!list.some((x) => x.s === s)) list.push({ s, idx });
      }
    }
  });
  const firstCode = new Uint8Array(65536), secondBits = new Uint8Array(65536);
  const byPair: { s: string; idx: number }[][] = Array.from({ length: 65536 }, () => []), oneChar = new Map<number, number>();
  for (const [code, list] of byFirst) {
    firstCode[code] = 1;
    for (const x of list) {
      if (x.s.length === 1) {
        firstCode[code] = 2;
        oneChar.set(code, x.idx);
        continue;
      }
      const h = pairHash(code, x.s.charCodeAt(1));
      secondBits[h] = 1;
      byPair[h]!.push(x);
    }
  }
  // Longest first, so the first that matches is the longest term at that position.
  for (const list of byPair) if (list.length > 1) list.sort((a, b) => b.s.length - a.s.length || (a.s < b.s ? -1 : 1));
  const rootPairs = new Uint8Array(PAIR * PAIR);
  for (const w of trie.next.keys()) {
    const k = pairKey(w);
    if (k >= 0) rootPairs[k] = 1;
  }
  const firstWords = slotTable([...trie.next.keys()].flatMap((w) => [w, ...inflections(w)]), WORD_SLOTS);
  fillKids(trie);
  const rootByKey = new Map<number, { w: string; node: TrieNode } | null>();
  for (const [w, node] of trie.next) {
    const k = wordKey(w, 0, w.length);
    if (k >= 0) rootByKey.set(k, rootByKey.has(k) ? null : { w, node });
  }
  const m: Matcher = { trie, substrings: byFirst.size > 0, firstCode, secondBits, byPair, oneChar, rootPairs, firstWords, rootByKey };
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

/**
 * Every word that `bases` may reduce to `w` ("reaffirm" ← "reaffirms", "reaffirmed", "reaffirming";
 * "agree" ← "agreed", "agreeing", "agreing"; "ally" ← "allies"), and some it would not (the length
 * bounds of bases are left out): the forms a prefilter must let through.
 */
function inflections(w: string): string[] {
  const out = ['ing', 'ed', 'es', 'd', 's'].map((suf) => w + suf);
  if (w.endsWith('e')) out.push(w.slice(0, -1) + 'ing', w.slice(0, -1) + 'ed');
  if (w.endsWith('y')) out.push(w.slice(0, -1) + 'ies');
  return out;
}

// Pair tables cover code units below 0x250 (every Latin letter of charClass). A few letters
// lower-case to a code above it (Ɓ → ɓ): words starting with those are never filtered out.
const PAIR = 0x250;

function pairKey(w: string): number {
  if (w.length < 2) return -1;
  const c0 = w.charCodeAt(0), c1 = w.charCodeAt(1);
  return c0 < PAIR && c1 < PAIR ? c0 * PAIR + c1 : -1;
}

const pairHash = (c0: number, c1: number): number => ((c0 * 31) ^ c1) & 0xffff;

const WORD_SLOTS = 1 << 16;

/** False when no base form of `w` can be a first word of a Latin term. */
function mayInflect(m: Matcher, w: string): boolean {
  const k = pairKey(w);
  return k < 0 || m.rootPairs[k] === 1;
}

function gapOk(text: string, a: number, b: number): boolean {
  for (let x = a; x < b; x++) {
    const c = text.charCodeAt(x);
    if (c === 32 || c === 45 || c === 46 || c === 44 || c === 39 || c === 0x2019 || c === 47 || c === 38 || c === 40 || c === 41) continue;
    return false;
  }
  return true;
}

const TOKBUF: number[] = [], KEYBUF: number[] = [];

/** Candidates by span length (longest first), then position: an insertion sort, as lists are short. */
/** By position, and at one position the longest first (an insertion sort: a paragraph has few). */
function byStartThenLength(list: { start: number; end: number }[]): void {
  for (let i = 1; i < list.length; i++) {
    const x = list[i]!;
    let j = i - 1;
    for (; j >= 0; j--) {
      const y = list[j]!;
      if (y.start < x.start || (y.start === x.start && y.end >= x.end)) break;
      list[j + 1] = y;
    }
    list[j + 1] = x;
  }
}

/**
 * Non-overlapping glossary terms in `text`, sorted by position: leftmost, then longest. A term inside
 * a longer one gives way to it ("Secretary" in "Secretary of Defense"); of two that overlap, the one
 * that starts first is read ("Assistant Secretary" of Defense, not Assistant "Secretary of Defense";
 * "Deputy Secretary" of State), as a title is read from its first word.
 */
export function findGlossaryTerms(text: string, lang: Lang, g: Glossary): { termIndex: number; start: number; end: number }[] {
  const m = matcher(g, lang);
  const cands: { termIndex: number; start: number; end: number }[] = [];
  const nt = tokenizeKeyed(text, TOKBUF, KEYBUF);
  const toks = TOKBUF, keys = KEYBUF;
  // Tokens are lower-cased one by one, and only those the prefilters let through: a token's letters
  // lower-case alike wherever they stand (Latin has no letter like the Greek final sigma).
  const lowerTok = (k: number) => text.slice(toks[2 * k]!, toks[2 * k + 1]!).toLowerCase();
  const rootPairs = m.rootPairs, firstWords = m.firstWords;
  for (let i = 0; i < nt; i++) {
    // Neither a first word nor an inflected form of one: no term starts here.
    const key = keys[i]!;
    if (key >= 0 && !firstWords[key & (WORD_SLOTS - 1)]) continue;
    // A token whose first two lower-case letters open no first word of a term can match
    // neither a term nor, through its base forms, an inflected one (see mayInflect). Only ASCII
    // tokens are tested, as | 32 lower-cases their letters and leaves digits as they are.
    {
      const a = toks[2 * i]!;
      if (toks[2 * i + 1]! - a >= 2) {
        const c0 = text.charCodeAt(a), c1 = text.charCodeAt(a + 1);
        if (c0 < 128 && c1 < 128 && !rootPairs[(c0 | 32) * PAIR + (c1 | 32)]) continue;
      }
    }
    // An ASCII word is found by its key, with no string built; a key two first words share, or a
    // word with other letters, by the lower-cased word.
    const byKey = key >= 0 ? m.rootByKey.get(key) : null;
    let node: TrieNode | undefined = byKey === null ? m.trie.next.get(lowerTok(i)) : byKey !== undefined && sameWord(text, toks[2 * i]!, toks[2 * i + 1]!, byKey.w) ? byKey.node : undefined;
    if (!node) {
      // Only a single inflected word can still match ("reaffirmed").
      const w = toks[2 * i + 1]! - toks[2 * i]! > 4 ? lowerTok(i) : '';
      if (w.length > 4 && mayInflect(m, w)) {
        for (const b of bases(w)) {
          const n2 = m.trie.next.get(b);
          if (n2 && termOk(n2, text, toks, i, i)) {
            cands.push({ termIndex: n2.term, start: toks[2 * i]!, end: toks[2 * i + 1]! });
            break;
          }
        }
      }
      continue;
    }
    let best: { termIndex: number; end: number } | null = null;
    for (let k = i; node; ) {
      if (termOk(node, text, toks, i, k)) best = { termIndex: node.term, end: toks[2 * k + 1]! };
      // No longer term goes on from here (most terms are one word).
      if (node.next.size === 0 || k + 1 >= nt || !gapOk(text, toks[2 * k + 1]!, toks[2 * k + 2]!)) break;
      k++;
      // Not a word that goes on from here, nor an inflected one: the term ends before it.
      const kk = keys[k]!;
      if (kk >= 0 && !node.kids.has(kk)) break;
      const w = lowerTok(k);
      const nx: TrieNode | undefined = node.next.get(w);
      if (!nx && w.length > 4) {
        for (const b of bases(w)) {
          const n2 = node.next.get(b);
          if (n2 && termOk(n2, text, toks, i, k)) {
            best = { termIndex: n2.term, end: toks[2 * k + 1]! };
            break;
          }
        }
      }
      node = nx;
    }
    if (best) cands.push({ termIndex: best.termIndex, start: toks[2 * i]!, end: best.end });
  }
  if (m.substrings) {
    const firstCode = m.firstCode, secondBits = m.secondBits;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const f = firstCode[code]!;
      if (f === 0) continue;
      // At the last character only a one-character term can match.
      const h = i + 1 < text.length ? pairHash(code, text.charCodeAt(i + 1)) : -1;
      let found = false;
      if (h >= 0 && secondBits[h]) {
        const list = m.byPair[h]!;
        for (let k = 0; k < list.length; k++) {
          const x = list[k]!;
          if (startsAt(text, i, x.s)) {
            cands.push({ termIndex: x.idx, start: i, end: i + x.s.length });
            found = true;
            break;
          }
        }
      }
      if (!found && f === 2) cands.push({ termIndex: m.oneChar.get(code)!, start: i, end: i + 1 });
    }
  }
  if (cands.length < 2) return cands;
  byStartThenLength(cands);
  const hits: { termIndex: number; start: number; end: number }[] = [];
  for (const c of cands) if (!hits.length || c.start >= hits[hits.length - 1]!.end) hits.push(c);
  return hits;
}

/** text.startsWith(s, i), compared code unit by code unit (terms are short, and most differ early). */
function startsAt(text: string, i: number, s: string): boolean {
  if (i + s.length > text.length) return false;
  for (let q = 0; q < s.length; q++) if (text.charCodeAt(i + q) !== s.charCodeAt(q)) return false;
  return true;
}

/** Whether text[a, b), all ASCII, lower-cases to `w`. */
function sameWord(text: string, a: number, b: number, w: string): boolean {
  if (b - a !== w.length) return false;
  for (let x = a; x < b; x++) if ((text.charCodeAt(x) | 32) !== w.charCodeAt(x - a)) return false;
  return true;
}

function termOk(n: TrieNode, text: string, toks: number[], i: number, k: number): boolean {
  if (n.term < 0) return false;
  if (n.capFirst) {
    const c = text.charCodeAt(toks[2 * i]!);
    if (!(c >= 65 && c <= 90) && !(c >= 0xc0 && c <= 0xde)) return false;
  }
  if (n.caseForm !== null) {
    let s = '';
    for (let x = i; x <= k; x++) s += text.slice(toks[2 * x]!, toks[2 * x + 1]!);
    if (s !== n.caseForm) return false;
  }
  return true;
}
