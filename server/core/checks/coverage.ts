// Coverage checks: empty sides, paragraph length outliers, and sentences or clauses without a counterpart.
import { extractAnchors } from '../anchors.ts';
import { findGlossaryTerms, type Glossary } from '../glossary.ts';
import { detectMarker, splitSentences } from '../segment.ts';
import { contains, translationsOf } from './terminology.ts';
import { latinNameIn, latinNameWords } from './names.ts';
import { HANGUL_RE, langName } from './side.ts';
import type { Hit, RawFinding, Unit } from './types.ts';

/**
 * Editorial lines that stand for left-out text or point elsewhere: "[…]", "(중략)", "[영문 전문 보기]"; and a
 * release's end mark ("(끝)", a Japanese "以上"), when one is left on a paragraph of its own.
 */
export function isMarker(text: string): boolean {
  const t = text.trim();
  if (/^以\s?上[。．]?$/u.test(t)) return true;
  if (/^[[(（【]?\s*(?:…|\.{3,}|⋯|중략|생략|하략|이하\s?생략|끝|end|omitted|see (?:the )?full (?:english |korean )?text)\s*[\])）】]?$/iu.test(t)) return true;
  // A short fully bracketed line ("[영문 전문 보기]", "[Full text in Korean]") is a link or note, not content.
  return /^[[(（【][^\])）】]{1,40}[\])）】]$/u.test(t);
}

/** Length of the text that carries content (spaces and bullet markers do not). */
export function contentLength(text: string): number {
  return text.replace(/^[□■◆◇ㅇ❍○●◦•▶▷※\-–∙·*]\s+/u, '').replace(/\s+/g, '').length;
}

export function logRatio(src: number, tgt: number): number {
  return Math.log((tgt + 10) / (src + 10));
}

export interface LengthModel { mu: number; sigma: number; n: number }

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (!n) return 0;
  return n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}

/** Robust centre and spread of the document's length ratios (median and scaled MAD, with a floor). */
export function lengthModel(pairs: [number, number][], floor: number): LengthModel {
  const rs = pairs.filter(([a, b]) => a > 0 && b > 0).map(([a, b]) => logRatio(a, b));
  const mu = median(rs);
  const mad = median(rs.map((r) => Math.abs(r - mu)));
  return { mu, sigma: Math.max(floor, 1.4826 * mad), n: rs.length };
}

/** Fewest glossary terms of a lone paragraph that a neighbouring row must render for a merge hint. */
const HINT_TERMS = 2;

/**
 * Where a paragraph one side has alone may have gone: a neighbouring row (`neighbours`, the beads just
 * before and after) whose other side renders glossary terms of it that the row's own side lacks. An
 * abridged translation that sums two paragraphs up in one sentence gets aligned as an omission and a
 * 1:1, the sentence's extra terms pointing at the paragraph taken for left out; the reviewer merges the
 * rows. Returns the words of the lone paragraph found there and the paragraphs that render them.
 */
export function mergeHint(u: Unit, neighbours: readonly Unit[]): { words: string[]; other: number[]; same: number[] } | null {
  const g = u.opts.glossary;
  if (!g) return null;
  const omitted = u.src.paras.length > 0;
  const own = omitted ? u.src : u.tgt;
  if (isMarker(own.text)) return null;
  const termsOf = (text: string, lang: string) => new Set(findGlossaryTerms(text, lang, g).map((h) => h.termIndex));
  const hits = findGlossaryTerms(own.text, own.lang, g);
  let best: { words: string[]; other: number[]; same: number[] } | null = null;
  for (const v of neighbours) {
    if (!v.src.paras.length || !v.tgt.paras.length) continue;
    const same = omitted ? v.src : v.tgt, other = omitted ? v.tgt : v.src;
    const inSame = termsOf(same.text, same.lang), inOther = termsOf(other.text, other.lang);
    const words: string[] = [];
    const seen = new Set<number>();
    for (const h of hits) {
      if (seen.has(h.termIndex) || inSame.has(h.termIndex) || !inOther.has(h.termIndex)) continue;
      seen.add(h.termIndex);
      words.push(own.text.slice(h.start, h.end));
    }
    if (words.length >= HINT_TERMS && (!best || words.length > best.words.length)) best = { words, other: other.paras, same: same.paras };
  }
  return best;
}

/** "A", "A and B", "A, B and C". */
const listOf = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
const paraNumbers = (ps: number[]) => listOf(ps.map((p) => String(p + 1)));

export function checkEmpty(u: Unit, neighbours: readonly Unit[] = []): RawFinding[] {
  const S = langName(u.src.lang), T = langName(u.tgt.lang);
  const side = u.src.paras.length ? u.src : u.tgt;
  const omitted = side === u.src;
  const text = side.text;
  const marker = isMarker(text);
  const snippet = text.length > 60 ? text.slice(0, 57) + '…' : text;
  const hint = marker ? null : mergeHint(u, neighbours);
  const [Own, Other] = omitted ? [S, T] : [T, S];
  const shown = hint ? hint.words.slice(0, 4).map((w) => `"${w}"`) : [];
  if (hint && hint.words.length > 4) shown.push(`${hint.words.length - 4} more`);
  const where = hint
    ? `; but its ${listOf(shown)} are rendered in ${Other} ${hint.other.length > 1 ? 'paragraphs' : 'paragraph'} ${paraNumbers(hint.other)} (in the row with ${Own} ${paraNumbers(hint.same)}, which lacks them): that row may render this paragraph too`
    : '';
  return [{
    check: omitted ? 'omission' : 'addition',
    // Abridged translations leave paragraphs out on purpose, so an empty side is for review, not an error.
    severity: marker ? 'info' : 'warning',
    message: marker
      ? `${omitted ? S : T} editorial line "${snippet}" has no counterpart in ${omitted ? T : S}`
      : `${Own} paragraph has no counterpart in ${Other}: "${snippet}"${where}`,
    key: `${omitted ? 'omission' : 'addition'}:${text.slice(0, 40).toLowerCase()}`,
    srcHits: [], tgtHits: [],
  }];
}

export function checkLength(u: Unit, m: LengthModel): RawFinding[] {
  const ls = contentLength(u.src.text), lt = contentLength(u.tgt.text);
  if (m.n < 3 || isMarker(u.src.text) || isMarker(u.tgt.text)) return [];
  const z = (logRatio(ls, lt) - m.mu) / m.sigma;
  // Short paragraphs (titles, headings) swing widely in ratio, so a real shortfall must also be sizeable.
  const expected = (ls + 10) * Math.exp(m.mu) - 10;
  if (Math.abs(z) < 3 || Math.abs(expected - lt) < 40) return [];
  const S = langName(u.src.lang), T = langName(u.tgt.lang);
  const shorter = z < 0;
  return [{
    check: 'length', severity: 'warning',
    message: `${T} text is ${shorter ? 'much shorter' : 'much longer'} than ${S} for this paragraph (${lt} vs ${ls} characters, expected about ${Math.round(expected)})`,
    key: `length:${u.src.text.slice(0, 30).toLowerCase()}`,
    srcHits: [], tgtHits: [],
  }];
}

export interface Sent { start: number; end: number; len: number; text: string }

/** The bead read the other way round: what a target sentence holds that the source should. */
function reversed(u: Unit): Unit {
  return { ...u, src: u.tgt, tgt: u.src, doc: undefined };
}

/**
 * Too short to be reported alone (a heading, a fragment): under 25 characters, or for a complete
 * Korean sentence (one ending in 다 or a full stop), under 10: Hangul says in 10 syllables what
 * English says in 25 letters ("국방부는 이를 높이 평가하였다."), and a heading does not end so. A
 * complete Japanese sentence (kana, ending in 。) counts from 11 characters: the six English–Japanese
 * pairs of bench/checks-ja write 0.42 Japanese characters for each English one (3,168 to 7,519,
 * spaces not counted), so 25 English letters are 11 ("防衛省はこれを高く評価している。" is 16).
 */
function tooShort(x: Sent): boolean {
  return x.len < (HANGUL_SENTENCE.test(x.text) ? 10 : KANA_SENTENCE.test(x.text) ? 11 : 25);
}
const HANGUL_SENTENCE = /[\uac00-\ud7a3][^\n]*(?:다|[.。])$/u;
const KANA_SENTENCE = /[\u3040-\u30ff][^\n]*[。．]$/u;

export function sentencesOf(lang: string, starts: number[], texts: string[]): Sent[] {
  const out: Sent[] = [];
  texts.forEach((t, k) => {
    let from = 0;
    for (const s of splitSentences(t, lang)) {
      const at = t.indexOf(s, from);
      const start = (starts[k] ?? 0) + (at >= 0 ? at : from);
      from = at >= 0 ? at + s.length : from;
      out.push({ start, end: start + s.length, len: contentLength(s), text: s });
    }
  });
  return out;
}

/** Sentence beads inside one paragraph bead: a small length-based dynamic programme (Gale–Church style). */
export function alignSentenceLengths(
  a: number[], b: number[], m: LengthModel, lexical?: (i: number, di: number, j: number, dj: number) => number,
): [number[], number[]][] {
  const n = a.length, k = b.length;
  const INF = 1e18;
  const cost: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(k + 1).fill(INF));
  const back: [number, number][][] = Array.from({ length: n + 1 }, () => new Array<[number, number]>(k + 1).fill([0, 0]));
  cost[0]![0] = 0;
  // Priors are Gale and Church's bead-type frequencies as -log p; the length term is -log of a normal density.
  const moves: [number, number, number][] = [[1, 1, 0.12], [1, 0, 4.6], [0, 1, 4.6], [2, 1, 2.4], [1, 2, 2.4], [2, 2, 4.5], [3, 1, 5.5], [1, 3, 5.5]];
  const sum = (xs: number[], from: number, len: number) => xs.slice(from, from + len).reduce((s, x) => s + x, 0);
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= k; j++) {
      const here = cost[i]![j]!;
      if (here >= INF) continue;
      for (const [di, dj, pen] of moves) {
        if (i + di > n || j + dj > k) continue;
        let c = pen;
        if (di && dj) {
          const d = (logRatio(sum(a, i, di), sum(b, j, dj)) - m.mu) / m.sigma;
          c += (d * d) / 2;
          if (lexical) c += lexical(i, di, j, dj);
        }
        if (here + c < cost[i + di]![j + dj]!) {
          cost[i + di]![j + dj] = here + c;
          back[i + di]![j + dj] = [di, dj];
        }
      }
    }
  }
  const beads: [number[], number[]][] = [];
  for (let i = n, j = k; i > 0 || j > 0; ) {
    const [di, dj] = back[i]![j]!;
    beads.unshift([Array.from({ length: di }, (_, x) => i - di + x), Array.from({ length: dj }, (_, x) => j - dj + x)]);
    i -= di;
    j -= dj;
  }
  return beads;
}

/** The sentences of a bead's two sides and how they pair (sentence indices), or null without sentences. */
export function sentenceBeads(u: Unit, m: LengthModel): { ss: Sent[]; ts: Sent[]; beads: [number[], number[]][] } | null {
  if (m.n < 1) return null;
  const ss = sentencesOf(u.src.lang, u.src.starts, u.src.texts);
  const ts = sentencesOf(u.tgt.lang, u.tgt.starts, u.tgt.texts);
  if (!ss.length || !ts.length) return null;
  return { ss, ts, beads: pairLoneNeighbours(alignSentenceLengths(ss.map((s) => s.len), ts.map((t) => t.len), m, lexicalCost(u, ss, ts))) };
}

export function checkSentences(u: Unit, m: LengthModel, sb = sentenceBeads(u, m)): RawFinding[] {
  if (!sb) return [];
  const { ss, ts, beads } = sb;
  const S = langName(u.src.lang), T = langName(u.tgt.lang);
  const out: RawFinding[] = [];
  for (const [k, [bi, bj]] of beads.entries()) {
    const sa = bi.map((i) => ss[i]!), tb = bj.map((j) => ts[j]!);
    const hits = (xs: Sent[]): Hit[] => xs.map((x) => ({ start: x.start, end: x.end }));
    if (!tb.length || !sa.length) {
      const lone = sa.length ? sa : tb;
      if (lone.every((x) => tooShort(x) || isMarker(x.text))) continue;
      const omitted = !tb.length;
      // A sentence whose own terms, numbers and names mostly stand in a neighbouring sentence of the
      // other side, which is longer than its own counterpart predicts, was merged into it (a short
      // translation of two sentences), or split off from it (one sentence written as two): neither
      // left out nor added. The length check speaks for what a merge shortened.
      const near = [beads[k - 1], beads[k + 1]].filter((b) => b && b[0].length && b[1].length);
      const nearT = near.flatMap((b) => b![1].map((j) => ts[j]!));
      const nearS = near.flatMap((b) => b![0].map((i) => ss[i]!));
      if (lone.length === 1 && nearS.length) {
        const c = omitted ? termCoverage(u, lone[0]!, nearT, nearS) : termCoverage(reversed(u), lone[0]!, nearS, nearT);
        const z = shortfall(nearS, nearT, m).z;
        // A sentence split off leaves its sibling short of the whole source sentence, by however little.
        if (c.found >= 2 && c.found * 2 >= c.total && (omitted ? z > 0.5 : z < 0)) continue;
      }
      out.push({
        check: omitted ? 'omission' : 'addition', severity: 'warning',
        message: omitted ? `${S} sentence has no counterpart in ${T}: "${clip(lone[0]!.text)}"` : `${T} sentence has no counterpart in ${S}: "${clip(lone[0]!.text)}"`,
        key: `${omitted ? 'omission' : 'addition'}:sentence:${lone[0]!.text.slice(0, 40).toLowerCase()}`,
        srcHits: hits(sa), tgtHits: hits(tb),
      });
      continue;
    }
    const short = shortfall(sa, tb, m);
    // Translators of statements keep sentence boundaries: a bead that merges source sentences and is
    // also short hides a dropped sentence; a 1-1 bead must be far shorter to count as a dropped clause.
    const merged = sa.length > tb.length;
    let culprit: { sa: Sent[]; tb: Sent[] } | null = null;
    if (short.z < (merged ? -2 : -2.5) && short.frac >= (merged ? 0.3 : 0.45) && short.chars >= 25) culprit = { sa, tb };
    else if (merged && short.frac > 0) {
      // A merged source sentence none of whose own terms, numbers or names (those its neighbours do
      // not share) reach the target was most likely dropped.
      const lost = sa.find((x) => {
        if (tooShort(x)) return false;
        const c = termCoverage(u, x, tb, sa.filter((y) => y !== x));
        return c.total >= 2 && c.found === 0;
      });
      if (lost) culprit = { sa: [lost], tb };
      else if (short.z < -1.5 && short.frac >= 0.3 && short.chars >= 25) {
        // Too short for the merge, and without one sentence the rest fits the target well: that
        // sentence is missing unless its own content (shared with no neighbour) reaches the target.
        const rest = sa.map((x) => ({ x, z: shortfall(sa.filter((y) => y !== x), tb, m).z })).filter((r) => !tooShort(r.x) && Math.abs(r.z) <= 1)
          .sort((a, b) => Math.abs(a.z) - Math.abs(b.z))[0];
        if (rest && termCoverage(u, rest.x, tb, sa.filter((y) => y !== rest.x)).found === 0) culprit = { sa: [rest.x], tb };
      }
    }
    else if (sa.length === 1 && tb.length === 1 && short.frac >= 0.35 && short.z < -1.2 && short.chars >= 25) {
      // A short 1-1 bead whose source content mostly fails to reach the target lost part of it.
      const c = termCoverage(u, sa[0]!, tb);
      if (c.total - c.found >= 3 && c.found * 2 <= c.total - c.found) culprit = { sa, tb };
    }
    else if (sa.length === tb.length && sa.length >= 2) {
      // A 2-2 bead can balance a clipped sentence against a long neighbour; look at its diagonal.
      for (let x = 0; x < sa.length && !culprit; x++) {
        const d = shortfall([sa[x]!], [tb[x]!], m);
        if (d.z < -2.5 && d.frac >= 0.45 && d.chars >= 25 && missingTerms(u, sa[x]!, tb) >= 2) culprit = { sa: [sa[x]!], tb: [tb[x]!] };
      }
    }
    if (culprit) {
      const c = shortfall(culprit.sa, culprit.tb, m);
      out.push({
        check: 'omission', severity: 'warning',
        message: `${T} ${culprit.tb.length > 1 ? 'sentences are' : 'sentence is'} much shorter than ${S} (${c.lt} vs ${c.ls} characters, expected about ${Math.round(c.expected)}): ${culprit.sa.length > culprit.tb.length ? 'a sentence' : 'part of it'} may be missing`,
        key: `omission:clause:${culprit.sa[0]!.text.slice(0, 40).toLowerCase()}`,
        srcHits: hits(culprit.sa), tgtHits: hits(culprit.tb),
      });
      continue;
    }
    const ex = shortfall(sa, tb, m);
    // A list item of its own inside the bead (a Korean ㅇ under its □) is likelier added than a
    // sentence is: a shorter surplus counts for it.
    const strong = ex.z > 1.2 && -ex.chars >= 25;
    const itemOnly = !strong && ex.z > 1 && -ex.chars >= 15 && tb.some((x) => detectMarker(x.text) !== null);
    if (tb.length > sa.length && (strong || itemOnly)) {
      // The mirror of a dropped sentence: a target sentence merged into the bead, too long for it,
      // none of whose own terms, numbers or names (those its neighbours do not share) come from the
      // source, was added (a Korean-only sub-bullet under the item it explains).
      const back = reversed(u);
      const own = (x: Sent) => termCoverage(back, x, sa, tb.filter((y) => y !== x));
      const eligible = (x: Sent) => !isMarker(x.text) && (itemOnly ? detectMarker(x.text) !== null && x.len >= 15 : !tooShort(x));
      let extra = tb.find((x) => {
        if (!eligible(x)) return false;
        const c = own(x);
        return c.total >= 2 && c.found === 0;
      });
      if (!extra) {
        // Too long for the source, and without one sentence the rest fits it well: that sentence was
        // added unless its own content reaches the source.
        const rest = tb.map((x) => ({ x, z: shortfall(sa, tb.filter((y) => y !== x), m).z })).filter((r) => eligible(r.x) && Math.abs(r.z) <= 1)
          .sort((a, b) => Math.abs(a.z) - Math.abs(b.z))[0];
        if (rest && own(rest.x).found === 0) extra = rest.x;
      }
      if (extra) {
        out.push({
          check: 'addition', severity: 'warning',
          message: `${T} sentence has no counterpart in ${S}: "${clip(extra.text)}"`,
          key: `addition:sentence:${extra.text.slice(0, 40).toLowerCase()}`,
          srcHits: [], tgtHits: hits([extra]),
        });
        continue;
      }
    }
    if (ex.z > 2.5 && -ex.chars >= 0.8 * ex.expected && -ex.chars >= 25) {
      out.push({
        check: 'addition', severity: 'warning',
        message: `${T} sentence is much longer than ${S} (${ex.lt} vs ${ex.ls} characters, expected about ${Math.round(ex.expected)}): it may add content`,
        key: `addition:clause:${tb[0]!.text.slice(0, 40).toLowerCase()}`,
        srcHits: hits(sa), tgtHits: hits(tb),
      });
    }
  }
  return out;
}

/**
 * Content evidence for sentence beads: each glossary term or number of a sentence that is absent
 * from the other side of the bead costs a little, so merging a sentence whose content is not there
 * (a dropped sentence hidden in a 2–1 bead) costs more than leaving it alone.
 */
export function lexicalCost(u: Unit, ss: Sent[], ts: Sent[]): (i: number, di: number, j: number, dj: number) => number {
  const g = u.opts.glossary;
  const terms = (xs: Sent[], from: string, to: string): string[][][] => (!g ? xs.map(() => []) : termsOf(xs, from, to, g));
  const termsOf = (xs: Sent[], from: string, to: string, g: Glossary) => xs.map((x) => findGlossaryTerms(x.text.replace(/’/g, "'"), from, g)
    .map((h) => translationsOf(g, x.text.slice(h.start, h.end), from, to).alts.filter((a) => a.replace(/\s/g, '').length >= 2))
    .filter((alts) => alts.length));
  const ta = terms(ss, u.src.lang, u.tgt.lang), tb = terms(ts, u.tgt.lang, u.src.lang);
  // Numbers and dates pin a sentence to its partner: their language-neutral values must meet.
  const values = (xs: Sent[], lang: string) => xs.map((x) => extractAnchors(x.text, lang)
    .filter((a) => a.kind !== 'acronym' && a.kind !== 'name').map((a) => a.value));
  const va = values(ss, u.src.lang), vb = values(ts, u.tgt.lang);
  const missing = (lists: string[][][], vals: string[][], from: number, n: number, other: Sent[], otherVals: string[][], o: number, on: number) => {
    const text = other.slice(o, o + on).map((x) => x.text).join(' ');
    const pool = new Set(otherVals.slice(o, o + on).flat());
    let k = 0;
    for (const l of lists.slice(from, from + n)) for (const alts of l) if (!alts.some((a) => contains(text, a))) k++;
    for (const v of vals.slice(from, from + n).flat()) if (!pool.has(v)) k++;
    return k;
  };
  const nm = nameEvidence(u, ss, ts);
  return (i, di, j, dj) => LEXICAL_WEIGHT * (missing(ta, va, i, di, ts, vb, j, dj) + missing(tb, vb, j, dj, ss, va, i, di)
    + nm.missing(i, di, j, dj));
}

/**
 * Personal and place names of the Latin side (capitalised words) against transliterations on the
 * Hangul side: in news a dropped sentence most often takes a person or a place with it.
 */
function nameEvidence(u: Unit, ss: Sent[], ts: Sent[]): { missing: (i: number, di: number, j: number, dj: number) => number; words: (side: 'src' | 'tgt', i: number) => string[] } {
  const latinSrc = !HANGUL_RE.test(u.src.text) && HANGUL_RE.test(u.tgt.text);
  const latinTgt = !HANGUL_RE.test(u.tgt.text) && HANGUL_RE.test(u.src.text);
  const wordsOf = (xs: Sent[], lang: string) => xs.map((x) => latinNameWords(x.text, lang, u.opts.glossary).map((h) => x.text.slice(h.start, h.end)));
  const sw = latinSrc ? wordsOf(ss, u.src.lang) : ss.map(() => []);
  const tw = latinTgt ? wordsOf(ts, u.tgt.lang) : ts.map(() => []);
  // The DP asks about the same spans over and over: remember each answer.
  const memo = new Map<string, number>();
  const count = (words: string[][], from: number, n: number, other: Sent[], o: number, on: number) => {
    const ws = words.slice(from, from + n).flat();
    if (!ws.length) return 0;
    const k = `${words === sw ? 's' : 't'}${from},${n},${o},${on}`;
    let v = memo.get(k);
    if (v === undefined) {
      const text = other.slice(o, o + on).map((x) => x.text).join(' ');
      v = ws.filter((w) => !latinNameIn(w, text)).length;
      memo.set(k, v);
    }
    return v;
  };
  return {
    missing: (i, di, j, dj) => count(sw, i, di, ts, j, dj) + count(tw, j, dj, ss, i, di),
    words: (side, i) => (side === 'src' ? sw[i] : tw[i]) ?? [],
  };
}

const LEXICAL_WEIGHT = 1;

/**
 * A source sentence and a target sentence left alone side by side are one loose translation, not an
 * omission plus an addition: they are judged together as a 1-1 bead.
 */
function pairLoneNeighbours(beads: [number[], number[]][]): [number[], number[]][] {
  const out: [number[], number[]][] = [];
  for (const b of beads) {
    const prev = out[out.length - 1];
    const lone = (x: [number[], number[]]) => (x[0].length === 0) !== (x[1].length === 0);
    if (prev && lone(prev) && lone(b) && (prev[0].length === 0) !== (b[0].length === 0)) {
      out[out.length - 1] = [[...prev[0], ...b[0]], [...prev[1], ...b[1]]];
    } else out.push(b);
  }
  return out;
}

/**
 * How far a bead's target falls short of what its source predicts, in characters of the target. The
 * floors a shortfall must reach (25 characters for a clause here, 40 for a paragraph in checkLength)
 * are the same for Korean and Japanese: Japanese writes 0.42 characters for each English one on bench/checks-ja, Korean 0.33 on
 * the shared statements and 0.46 on the news, so a Japanese character carries no more than a Korean one.
 */
function shortfall(sa: Sent[], tb: Sent[], m: LengthModel): { ls: number; lt: number; z: number; expected: number; chars: number; frac: number } {
  const ls = sa.reduce((s, x) => s + x.len, 0), lt = tb.reduce((s, x) => s + x.len, 0);
  const expected = (ls + 10) * Math.exp(m.mu) - 10;
  return { ls, lt, z: (logRatio(ls, lt) - m.mu) / m.sigma, expected, chars: expected - lt, frac: expected > 0 ? (expected - lt) / expected : 0 };
}

/**
 * Content of a source sentence that should reach its target sentences — glossary terms with listed
 * translations, and numbers and dates (language-neutral values) — and how much of it does.
 */
function termCoverage(u: Unit, s: Sent, tb: Sent[], siblings: Sent[] = []): { total: number; found: number } {
  const g = u.opts.glossary;
  const text = tb.map((x) => x.text).join(' ');
  const sib = siblings.map((x) => x.text).join(' ');
  let total = 0, found = 0;
  if (g) {
    for (const h of findGlossaryTerms(s.text.replace(/’/g, "'"), u.src.lang, g)) {
      const surface = s.text.slice(h.start, h.end);
      const alts = translationsOf(g, surface, u.src.lang, u.tgt.lang).alts;
      // What a sibling sentence also says proves nothing about this one.
      if (!alts.length || (sib && contains(sib, surface))) continue;
      total++;
      if (alts.some((a) => contains(text, a))) found++;
    }
  }
  const pool = new Set(extractAnchors(text, u.tgt.lang).map((a) => a.value));
  const sibPool = new Set(sib ? extractAnchors(sib, u.src.lang).map((a) => a.value) : []);
  for (const a of extractAnchors(s.text, u.src.lang)) {
    if (a.kind === 'name' || sibPool.has(a.value)) continue;
    total++;
    if (pool.has(a.value)) found++;
  }
  if (!HANGUL_RE.test(s.text) && HANGUL_RE.test(text)) {
    for (const h of latinNameWords(s.text, u.src.lang, g)) {
      const w = s.text.slice(h.start, h.end);
      if (sib && new RegExp(`\\b${w}`, 'u').test(sib)) continue;
      total++;
      if (latinNameIn(w, text)) found++;
    }
    // News gives the weekday ("on Friday") where Korean gives the day of the month ("25일"):
    // any day reference in the target stands for it.
    if (WEEKDAY.test(s.text) && !WEEKDAY.test(sib)) {
      total++;
      if (/\d{1,2}\s?일(?!\s?(?:간|동안))|[월화수목금토일]요일|어제|오늘|전날|이날|당일|지난주|주말/u.test(text)) found++;
    }
  }
  return { total, found };
}

const WEEKDAY = /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;

/** Glossary terms of a source sentence none of whose translations appear in the target sentences. */
function missingTerms(u: Unit, s: Sent, tb: Sent[]): number {
  const c = termCoverage(u, s, tb);
  return c.total - c.found;
}

/**
 * The document's sentence-level length model: a first alignment pass with a wide spread, then the
 * median and MAD of the 1-1 sentence beads. Careful translations are far tighter than loose ones.
 */
export function sentenceModel(units: Unit[], para: LengthModel): LengthModel {
  const wide = { ...para, sigma: Math.max(0.25, para.sigma * 1.5) };
  const pairs: [number, number][] = [];
  for (const u of units) {
    const ss = sentencesOf(u.src.lang, u.src.starts, u.src.texts);
    const ts = sentencesOf(u.tgt.lang, u.tgt.starts, u.tgt.texts);
    if (!ss.length || !ts.length) continue;
    for (const [a, b] of alignSentenceLengths(ss.map((x) => x.len), ts.map((x) => x.len), wide)) {
      if (a.length === 1 && b.length === 1) pairs.push([ss[a[0]!]!.len, ts[b[0]!]!.len]);
    }
  }
  if (pairs.length < 6) return wide;
  const m = lengthModel(pairs, SENTENCE_SIGMA_FLOOR);
  return m;
}

const SENTENCE_SIGMA_FLOOR = 0.12;

function clip(s: string): string {
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
}
