// Plants known discrepancies into copies of Korean texts (fixed seed) for measuring the difference checks.
import type { Bead } from '../server/core/types.ts';
import { nameSkeleton, romanize } from '../server/core/anchors.ts';
import { findGlossaryTerms, type Glossary } from '../server/core/glossary.ts';

export type Category = 'number' | 'date' | 'acronym' | 'name' | 'sentence' | 'paragraph' | 'term' | 'modality' | 'negation' | 'added';
export const CATEGORIES: Category[] = ['number', 'date', 'acronym', 'name', 'sentence', 'paragraph', 'term', 'modality', 'negation', 'added'];
/** The checks whose finding counts as catching each category (a dropped sentence may show only as a short paragraph). */
export const CHECK_FOR: Record<Category, string[]> = {
  number: ['numbers'], date: ['dates'], acronym: ['acronyms'], name: ['names'], sentence: ['omission', 'length'], paragraph: ['omission'],
  term: ['terminology'], modality: ['modality'], negation: ['negation'], added: ['addition', 'length'],
};

/**
 * Short sentences a Korean version adds of its own (written for the benchmark): the commentary a
 * ministry's release appends to a joint text ("국방부는 이를 높이 평가하였다."). Their content is
 * 11–24 characters, under the 25 at which a sentence alone is reported.
 */
const ADDED_KO = [
  '국방부는 이를 높이 평가하였다.',
  '이는 매우 의미 있는 진전이다.',
  '정부는 후속 조치를 신속히 추진할 예정이다.',
  '양국 국민의 기대가 크다.',
  '외교부는 이를 적극 환영하였다.',
  '이번 합의는 역사적인 성과로 평가된다.',
  '관계 부처가 함께 참석하였다.',
  '회의는 우호적인 분위기에서 진행되었다.',
];

export interface Doc { id: string; en: string[]; ko: string[]; beads: Bead[] }
export interface Planted { doc: Doc; category: Category; en: number[]; ko: number[]; note: string }


const pick = <T>(r: () => number, xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
function shuffle<T>(r: () => number, xs: T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** Beads with text on both sides and exactly one Korean paragraph: where a change is attributable. */
function candidates(doc: Doc): { bead: Bead; en: string; ko: string; k: number }[] {
  return doc.beads.filter((b) => b.src.length && b.tgt.length === 1).map((b) => ({
    bead: b, en: b.src.map((i) => doc.en[i]!).join(' '), k: b.tgt[0]!, ko: doc.ko[b.tgt[0]!]!,
  }));
}

function replaceKo(doc: Doc, k: number, text: string): Doc {
  const ko = [...doc.ko];
  ko[k] = text;
  return { ...doc, ko };
}

interface Edit { start: number; end: number; by: string; note: string; /** Replace every occurrence of this instead of one span. */ all?: string }

type Finder = (en: string, ko: string, r: () => number, g: Glossary) => Edit[];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const finders: Partial<Record<Category, Finder>> = {
  number(en, ko, r) {
    const out: Edit[] = [];
    for (const m of ko.matchAll(/(?<![\d.,A-Za-z])\d[\d,]*(?:\.\d+)?(?![\d년월일])/gu)) {
      const digits = m[0].replace(/,/g, '');
      if (/^(?:19|20)\d\d$/.test(digits)) continue;
      if (!new RegExp(`(?<![\\d.,])${m[0].replace(/[.]/g, '\\.')}(?![\\d,])`).test(en)) continue;
      const n = Number(digits);
      const by = String(n + 1 + Math.floor(r() * 8));
      out.push({ start: m.index, end: m.index + m[0].length, by, note: `${m[0]} → ${by}` });
    }
    return out;
  },
  date(en, ko, r) {
    const out: Edit[] = [];
    // Days followed by 후/만/앞/간… are spans of days ("10일 후"), not dates.
    for (const m of ko.matchAll(/(\d{4})년|(\d{1,2})월|(\d{1,2})일(?!\s?(?:간|동안|후|뒤|만|앞|전|이내|내|째|정도|가량))/gu)) {
      const s = m.index + m[0].search(/\d/);
      if (m[1]) {
        if (!en.includes(m[1])) continue;
        const by = String(Number(m[1]) + pick(r, [-2, -1, 1, 2]));
        out.push({ start: s, end: s + m[1].length, by, note: `${m[1]} → ${by}` });
      } else if (m[2]) {
        const mo = Number(m[2]);
        if (mo < 1 || mo > 12 || !en.includes(MONTHS[mo - 1]!)) continue;
        const by = String(((mo - 1 + 1 + Math.floor(r() * 10)) % 12) + 1);
        out.push({ start: s, end: s + m[2].length, by, note: `${m[2]}월 → ${by}월` });
      } else if (m[3]) {
        const d = Number(m[3]);
        if (!new RegExp(`\\b${d}\\b`).test(en)) continue;
        const by = String(((d - 1 + 1 + Math.floor(r() * 20)) % 28) + 1);
        out.push({ start: s, end: s + m[3].length, by, note: `${m[3]}일 → ${by}일` });
      }
    }
    return out;
  },
  acronym(en, ko, r) {
    const pool = ['NCG', 'DSC', 'SCM', 'KIDD', 'NATO', 'IAEA', 'UNC', 'CFC', 'JCS', 'TTX', 'MCM', 'EDSCG', 'USFK', 'ICBM'];
    const out: Edit[] = [];
    for (const m of ko.matchAll(/(?<![A-Za-z])[A-Z]{2,6}(?![A-Za-z])/gu)) {
      if (!new RegExp(`\\b${m[0]}\\b`).test(en)) continue;
      const choices = pool.filter((p) => p !== m[0] && !en.includes(p));
      const by = pick(r, choices);
      out.push({ start: m.index, end: m.index + m[0].length, by, note: `${m[0]} → ${by}` });
    }
    return out;
  },
  name(en, ko, r) {
    // A Hangul name right before a title, as statements and news write people.
    const pool = ['김민준', '최서연', '한지훈', '송하늘', '마이클 존슨', '데이비드 스미스', '제임스 브라운'];
    const out: Edit[] = [];
    const re = /(?<![\p{Script=Hangul}])(\p{Script=Hangul}{2,4}(?:\s\p{Script=Hangul}{2,4})?)\s(?=(?:국무장관|국방장관|외교장관|장관|대통령|총리|대변인|차관|대사|의장|사령관|장군|대표|위원장|외무상|총장|의원|교수|박사|씨)(?![\p{Script=Hangul}]{2}))/gu;
    for (const m of ko.matchAll(re)) {
      const name = m[1]!.split(' ').pop()!;
      if (/^(?:한국|미국|일본|중국|북한|양국|양측|오늘|이번|지난|공동|신임|전임|당시|또한|그리고|마지막으로)/u.test(name)) continue;
      // Only a name the English also gives: changing a name the English leaves out plants nothing new.
      const sk = nameSkeleton(romanize(name));
      if (sk.length < 2 || ![...en.matchAll(/\p{Lu}[\p{Ll}’'-]+/gu)].some((w) => nameSkeleton(w[0]).startsWith(sk) || sk.startsWith(nameSkeleton(w[0])) && nameSkeleton(w[0]).length >= 2)) continue;
      const start = m.index + m[1]!.length - name.length;
      const by = pick(r, pool.filter((p) => !p.includes(name)));
      out.push({ start, end: start + name.length, by, note: `${name} → ${by}` });
    }
    return out;
  },
  term(en, ko, r, g) {
    // Named bodies and programmes (entries with an acronym) found in the English by the glossary
    // matcher; every Korean rendering of the term in the paragraph becomes another entry's rendering.
    const acr = (a: string) => /^[A-Z][A-Z\d&./-]+$/.test(a) && /[A-Z].*[A-Z]/.test(a);
    const named = g.terms.filter((t) => (t.terms.en ?? []).some(acr));
    const out: Edit[] = [];
    for (const h of findGlossaryTerms(en, 'en', g)) {
      const surface = en.slice(h.start, h.end);
      const t = g.terms[h.termIndex]!;
      if (acr(surface) || !named.includes(t)) continue;
      const k = (t.terms.ko ?? []).filter((x) => x.length >= 2).sort((a, b) => b.length - a.length).find((x) => ko.includes(x));
      if (!k) continue;
      const by = pick(r, pick(r, named.filter((o) => o !== t)).terms.ko!.filter((x) => x.length >= 2));
      if (!by || (t.terms.ko ?? []).some((x) => by.includes(x) || x.includes(by))) continue;
      out.push({ start: -1, end: -1, by, note: `${k} → ${by}`, all: k });
    }
    return out;
  },
  modality(en, ko) {
    // Each strong Korean wording and a weaker one, used only where English carries the strong cue.
    const swaps: [RegExp, RegExp, string][] = [
      [/\b(?:agreed|decided)\b/i, /하기로\s?합의하였다|하기로\s?합의했다/u, '하는 방안을 논의하였다'],
      [/\b(?:agreed|decided)\b/i, /합의하였다|합의했다|합의하고/u, '논의하였다'],
      [/\b(?:agreed|decided)\b/i, /하기로\s?했다|하기로\s?하였다/u, '하는 방안을 검토했다'],
      [/\bcondemn/i, /규탄/u, '우려를 표명'],
      [/\b(?:reaffirm|re-affirm|reiterat)/i, /재확인/u, '확인'],
      [/\bwill\b/i, /할\s?것이/u, '하도록 노력하'],
    ];
    const out: Edit[] = [];
    // A weakened Korean cue is a discrepancy only when the English carries a strong cue for it: where
    // the Korean already says "decided" more often than the English does, weakening one of them can
    // leave the Korean as firm as the English ("his decision" ↔ 결정 survives elsewhere).
    const agreeEn = /\b(?:agree[sd]?|decided?|decisions?|pledged|vowed)\b/giu;
    const agreeKo = /기로\s?(?:합의|결정|약속|다짐|동의|했|하였)|합의|결정|동의|약속|다짐/gu;
    const n = (re: RegExp, t: string) => (t.match(re) ?? []).length;
    for (const [enRe, koRe, by] of swaps) {
      if (!enRe.test(en)) continue;
      if (/agreed/.test(enRe.source) && n(agreeKo, ko) > n(agreeEn, en)) continue;
      const m = koRe.exec(ko);
      if (m) out.push({ start: m.index, end: m.index + m[0].length, by, note: `${m[0]} → ${by}` });
    }
    return out;
  },
};

/** Korean predicates that end a sentence, and the same predicate negated. */
const NEGATE: [RegExp, string][] = [
  [/하였다(?=\.)/u, '하지 않았다'], [/했다(?=\.)/u, '하지 않았다'], [/한다(?=\.)/u, '하지 않는다'],
  [/할\s?것이다(?=\.)/u, '하지 않을 것이다'], [/되었다(?=\.)/u, '되지 않았다'], [/됐다(?=\.)/u, '되지 않았다'],
];
const UNNEGATE: [RegExp, string][] = [[/하지\s?않았다(?=\.)/u, '하였다'], [/하지\s?않는다(?=\.)/u, '한다'], [/하지\s?않을\s?것이다(?=\.)/u, '할 것이다']];

finders.negation = (en, ko) => {
  // A predicate turned negative where the English says nothing negative, or a negated one turned
  // positive where the English negates (the meaning reversed either way).
  const enNegates = /\b(?:not|never|no|cannot|without|nor|none|nothing)\b|n['’]t\b/iu.test(en);
  const out: Edit[] = [];
  for (const [re, by] of enNegates ? UNNEGATE : NEGATE) {
    const m = re.exec(ko);
    if (m) out.push({ start: m.index, end: m.index + m[0].length, by, note: `${m[0]} → ${by}` });
  }
  return out;
};

function splitKoSentences(t: string): string[] {
  return t.split(/(?<=[.!?])\s+(?=\S)/u).filter(Boolean);
}

/** One planted copy of `doc` for `category`, or null when the document has no place for it. */
export function plant(doc: Doc, category: Category, r: () => number, g: Glossary): Planted | null {
  const cands = shuffle(r, candidates(doc));
  if (category === 'paragraph') {
    const c = cands.find((x) => x.bead.tgt.length === 1);
    if (!c) return null;
    const k = c.k;
    const ko = doc.ko.filter((_, i) => i !== k);
    const beads = doc.beads.map((b) => (b === c.bead ? { ...b, tgt: [] } : { ...b, tgt: b.tgt.map((i) => (i > k ? i - 1 : i)) }));
    return { doc: { ...doc, ko, beads }, category, en: c.bead.src, ko: [], note: `dropped Korean paragraph ${k + 1}` };
  }
  if (category === 'added') {
    // A short sentence of its own appended to a Korean paragraph.
    const c = cands.find((x) => /[다.]$/.test(x.ko));
    if (!c) return null;
    const s = pick(r, ADDED_KO);
    return { doc: replaceKo(doc, c.k, `${c.ko} ${s}`), category, en: c.bead.src, ko: [c.k], note: `added "${s}"` };
  }
  if (category === 'sentence') {
    for (const c of cands) {
      const ss = splitKoSentences(c.ko);
      if (ss.length >= 2) {
        const i = Math.floor(r() * ss.length);
        if (ss[i]!.replace(/\s/g, '').length < 15) continue;
        return { doc: replaceKo(doc, c.k, ss.filter((_, j) => j !== i).join(' ')), category, en: c.bead.src, ko: [c.k], note: `dropped sentence ${i + 1} of ${ss.length}` };
      }
      // A single long sentence loses a middle clause: from a clause ending ("…하고,", "…하며,") to the next.
      const cuts = [...c.ko.matchAll(/(?:고|며|여|서|나|면),\s/gu)].map((m) => m.index + m[0].length);
      if (cuts.length >= 2) {
        const a = cuts[0]!, b = cuts[cuts.length - 1]!;
        if (b - a >= 0.4 * c.ko.length) {
          return { doc: replaceKo(doc, c.k, c.ko.slice(0, a) + c.ko.slice(b)), category, en: c.bead.src, ko: [c.k], note: `dropped clause (${b - a} chars)` };
        }
      }
    }
    return null;
  }
  const f = finders[category]!;
  for (const c of cands) {
    const edits = f(c.en, c.ko, r, g);
    if (!edits.length) continue;
    const e = pick(r, edits);
    const text = e.all !== undefined ? c.ko.split(e.all).join(e.by) : c.ko.slice(0, e.start) + e.by + c.ko.slice(e.end);
    return { doc: replaceKo(doc, c.k, text), category, en: c.bead.src, ko: [c.k], note: e.note };
  }
  return null;
}
